#include "texts.h"

namespace radiocode {
namespace {

// 1-based for people: "character 3".
int humanPosition(const Message& message) {
    return message.position + 1;
}

bool allDigits(const std::string& shape) {
    return !shape.empty() && shape.find_first_not_of('#') == std::string::npos;
}

QString quoted(const std::string& text) {
    //: Quotation marks around a character or serial the message points at: „%1“ in German.
    return Texts::tr("“%1”").arg(Texts::fromUtf8(text));
}

QString fieldName(InputField field) {
    switch (field) {
    case InputField::BeckerModel:
        return Texts::tr("Model No");
    case InputField::BeckerSerialNumber:
        return Texts::tr("Serial No");
    case InputField::Whole:
        break;
    }
    return {};
}

// "at character 3" or "in Serial No, character 3"
QString where(const Message& message) {
    if (message.position < 0)
        return {};
    if (message.field != InputField::Whole)
        return Texts::tr("in %1, character %2")
            .arg(fieldName(message.field))
            .arg(humanPosition(message));
    return Texts::tr("at character %1").arg(humanPosition(message));
}

} // namespace

QString Texts::familyName(Family family) {
    return fromUtf8(familyInfo(family).brand);
}

QString Texts::serialFormat(Family family) {
    switch (family) {
    case Family::Blaupunkt:
        return tr("BP + 12 digits");
    case Family::Renault:
        return tr("1 letter + 3 digits (precode)");
    case Family::Becker:
        return tr("BE + 4-digit model + 8-digit serial");
    case Family::Visteon:
        return tr("M + 6 digits");
    }
    return {};
}

QString Texts::codeOrigin(Family family) {
    return familyInfo(family).origin == CodeOrigin::Algorithm ? tr("Public algorithm")
                                                              : tr("Code database");
}

QString Texts::stateName(InputState state) {
    switch (state) {
    case InputState::Incomplete:
        return tr("Incomplete");
    case InputState::Valid:
        return tr("Valid");
    case InputState::Invalid:
        return tr("Invalid");
    case InputState::Unsupported:
        return tr("Not supported");
    }
    return {};
}

QString Texts::statusName(LookupStatus status) {
    switch (status) {
    case LookupStatus::Ok:
        return tr("Code found");
    case LookupStatus::Invalid:
        return tr("Invalid serial");
    case LookupStatus::Unsupported:
        return tr("Radio not supported");
    case LookupStatus::NotFound:
        return tr("No code on record");
    }
    return {};
}

QString Texts::statusName(const LookupResult& result) {
    if (result.status == LookupStatus::NotFound && !result.sourceFailure.empty())
        return tr("Code database unreachable");
    return statusName(result.status);
}

QString Texts::message(const Recognition& recognition) {
    const Message& m = recognition.message;
    switch (m.id) {
    case MessageId::Ok:
        if (recognition.fromBarcode)
            return tr("Valid %1 serial: precode %2 taken from the end of the barcode text.")
                .arg(recognition.family ? familyName(*recognition.family) : QString(),
                     fromUtf8(recognition.serial));
        if (recognition.fromLabelForm)
            return tr("Valid %1 serial: the 17-character label form was shortened to %2.")
                .arg(recognition.family ? familyName(*recognition.family) : QString(),
                     fromUtf8(recognition.serial));
        return tr("Valid %1 serial.")
            .arg(recognition.family ? familyName(*recognition.family) : QString());
    case MessageId::Empty:
        if (recognition.state == InputState::Invalid) // finalised: nobody is typing any more
            return tr("No serial given: the input is empty.");
        return tr("Type, paste or scan the serial from the radio's label.");
    case MessageId::MoreDigitsNeeded:
        if (recognition.state == InputState::Invalid)
            return allDigits(m.expected)
                       ? tr("Too short: %n more digit(s) needed.", nullptr, m.count)
                       : tr("Too short: %n more character(s) needed.", nullptr, m.count);
        return allDigits(m.expected) ? tr("%n more digit(s).", nullptr, m.count)
                                     : tr("%n more character(s).", nullptr, m.count);
    case MessageId::AmbiguousFamily:
        if (recognition.state == InputState::Invalid && recognition.candidates.size() == 2 &&
            recognition.serial.size() == 4)
            return tr("%1 is a Renault precode or the start of a Visteon serial cut short: choose "
                      "the radio family (Renault, or Visteon with all 6 digits).")
                .arg(quoted(recognition.serial));
        if (recognition.state == InputState::Invalid) // finalised: nobody is typing any more
            return tr("Too short: %1 is only the start of a serial (a Renault precode is a letter "
                      "and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 digits, "
                      "Becker BE and 12 digits).")
                .arg(quoted(recognition.serial));
        if (recognition.serial.size() == 1 && recognition.serial == "B")
            return tr("Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a "
                      "Renault precode.");
        return tr("%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): "
                  "keep typing or choose the radio family.")
            .arg(fromUtf8(recognition.serial));
    case MessageId::NotRecognised:
        return tr("Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start "
                  "with BP, Becker with BE, Visteon with M, Renault precodes with a letter.")
            .arg(quoted(m.character), where(m));
    case MessageId::WrongPrefix:
        return tr("This radio's serial starts with %1: %2 %3 does not fit.")
            .arg(fromUtf8(m.expected), quoted(m.character), where(m));
    case MessageId::LooksLikeOtherFamily:
        return tr("This looks like a %1 serial, not this family's: choose %1 instead.")
            .arg(m.otherFamily ? familyName(*m.otherFamily) : QString());
    case MessageId::LetterExpected:
        return tr("A letter is needed %1, not %2.").arg(where(m), quoted(m.character));
    case MessageId::DigitExpected:
        return tr("Only digits belong here: %1 %2.").arg(quoted(m.character), where(m));
    case MessageId::LookAlikeLetter:
        return tr("The letter %1 %2 stands where a digit belongs: labels are easily misread "
                  "(O and 0, I and 1, S and 5, B and 8).")
            .arg(quoted(m.character), where(m));
    case MessageId::NonLatinLetter:
        return tr("%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin "
                  "letters only.")
            .arg(quoted(m.character), where(m));
    case MessageId::ControlCharacter:
        return tr("The input holds an invisible control character %1: type the serial again.")
            .arg(where(m));
    case MessageId::DirectionMark:
        return tr("The input holds an invisible text-direction mark %1: it changes how the serial "
                  "is displayed.")
            .arg(where(m));
    case MessageId::InvalidEncoding:
        return tr("The input is not readable text (bad bytes at byte %1): type the serial again.")
            .arg(m.byteOffset + 1);
    case MessageId::TooLong:
        return tr("Too long: this serial has %1 characters, %2 were given. Check for an extra "
                  "character %3.")
            .arg(m.count)
            .arg(m.actual)
            .arg(where(m));
    case MessageId::InputTooLong:
        return tr("The input is far too long (%1 bytes) to be a radio serial: at most %2.")
            .arg(m.byteCount > 0 ? QString::number(m.byteCount) : QString::number(m.actual))
            .arg(m.count);
    case MessageId::PrecodeNotAssigned:
        return tr("A000 to A099 are not precodes: check the label again (the precode is the last "
                  "four characters of the barcode text).");
    case MessageId::BeckerModelNotNissan:
        return tr("Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are "
                  "covered.")
            .arg(fromUtf8(m.expected));
    }
    return {};
}

QString Texts::suggestion(const QString& serial) {
    return tr("Did you mean %1?").arg(serial);
}

QString Texts::digitStep(const DigitStep& step) {
    return tr("Press button %1 until the display shows %2.").arg(step.button).arg(step.digit);
}

QString Texts::confirmStep(const EntrySteps& steps) {
    switch (steps.confirm) {
    case ConfirmAction::HoldPreset6TaOrSeekUp:
        return tr("Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.")
            .arg(steps.confirmHoldSecondsMin)
            .arg(steps.confirmHoldSecondsMax);
    case ConfirmAction::PressOkOrEnter:
        return tr("Press OK or ENTER to confirm.");
    case ConfirmAction::VariesSeeHandbook:
        return tr("Confirm with the button the vehicle handbook names: it varies on these units.");
    }
    return {};
}

QString Texts::caution(Caution caution) {
    switch (caution) {
    case Caution::AttemptsLimited:
        return tr("Each wrong code costs an attempt: after %1 wrong entries most units lock for "
                  "about %2 minutes, and repeated lock-outs can lock the radio for good.")
            .arg(wrongAttemptsBeforeLockout)
            .arg(lockoutMinutes);
    case Caution::CheckHandbook:
        return tr("The confirm button varies by model: check the vehicle handbook.");
    case Caution::LeaveRadioOnWhenLocked:
        return tr("If the display shows WAIT or counts down, leave the radio switched on and wait "
                  "until it asks for the code again.");
    }
    return {};
}

QString Texts::troubleshootingTitle(TroubleshootingItem item) {
    switch (item) {
    case TroubleshootingItem::CheckRadioCard:
        return tr("Look for the radio card first");
    case TroubleshootingItem::WrongSerial:
        return tr("Wrong serial");
    case TroubleshootingItem::ChangedRadio:
        return tr("Changed radio");
    case TroubleshootingItem::EepromChanged:
        return tr("Memory reprogrammed");
    }
    return {};
}

QString Texts::troubleshootingText(TroubleshootingItem item) {
    switch (item) {
    case TroubleshootingItem::CheckRadioCard:
        return tr("The owner's radio card (\"Radio Pass\", \"Safety-Nr\" or PIN) may already hold "
                  "the code for this serial.");
    case TroubleshootingItem::WrongSerial:
        return tr("The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the "
                  "label again.");
    case TroubleshootingItem::ChangedRadio:
        return tr("A previous owner may have swapped the radio: a code card or dealer record for "
                  "the car then belongs to another unit.");
    case TroubleshootingItem::EepromChanged:
        return tr("Rarely, the unit's memory was reprogrammed in a repair: no code or button "
                  "sequence helps then, the unit needs bench work.");
    }
    return {};
}

QString Texts::sourceDescription(const QString& source) {
    if (source == fromUtf8(renaultSourceName))
        return tr("Computed with the public Renault precode algorithm.");
    if (source == fromUtf8(visteonSourceName))
        return tr("Computed with the public Visteon M-serial algorithm.");
    if (source.startsWith(QLatin1String("database:import:")))
        return tr("From the code database, imported from %1.")
            .arg(source.mid(QLatin1String("database:import:").size()));
    if (source.startsWith(QLatin1String("database:confirmed:")))
        return tr("From the code database, confirmed on a radio by %1.")
            .arg(source.mid(QLatin1String("database:confirmed:").size()));
    return source;
}

QString Texts::noCodeReason(const LookupResult& result) {
    switch (result.status) {
    case LookupStatus::Ok:
        return {};
    case LookupStatus::Invalid:
        return message(result.recognition);
    case LookupStatus::Unsupported:
        return message(result.recognition);
    case LookupStatus::NotFound:
        if (!result.sourceFailure.empty())
            return tr("No public algorithm exists for %1 radios, and the code database could not "
                      "be reached (%2): the code may be on record; try again when it is back.")
                .arg(result.recognition.family ? familyName(*result.recognition.family) : QString(),
                     fromUtf8(result.sourceFailure).simplified());
        if (result.sourcesAsked == 0)
            return tr("No public algorithm exists for %1 radios, and no code database could be "
                      "consulted (none is set up, or it cannot be reached).")
                .arg(result.recognition.family ? familyName(*result.recognition.family)
                                               : QString());
        return tr("No public algorithm exists for %1 radios, and the code database holds no code "
                  "for this serial.")
            .arg(result.recognition.family ? familyName(*result.recognition.family) : QString());
    }
    return {};
}

QStringList Texts::noCodeNextSteps(const LookupResult& result) {
    if (result.status == LookupStatus::Ok)
        return {};
    if (result.status == LookupStatus::Invalid)
        return {tr("Read the serial on the label again, character by character.")};
    if (result.status == LookupStatus::Unsupported)
        return {tr("Ask the radio maker's service or a dealer for this unit's code."),
                tr("Look for the owner's radio card.")};
    if (!result.sourceFailure.empty())
        return {tr("Try again once the code database is back: check that the database server "
                   "is running and reachable, or that the database file can be read."),
                tr("Look for the owner's radio card (\"Radio Pass\", \"Safety-Nr\" or PIN).")};
    return {tr("Look for the owner's radio card (\"Radio Pass\", \"Safety-Nr\" or PIN)."),
            tr("Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN."),
            tr("Once the code is known and has worked, record it in the code database.")};
}

QStringList Texts::labelGuideNotes(Family family) {
    switch (family) {
    case Family::Blaupunkt:
        return {tr("The serial starts with BP and has 12 digits; labels often print a space "
                   "between the groups (BP53876 9672026): type it with or without the space."),
                tr("Some labels print 17 characters starting with 815BP or 815CM: type them as "
                   "printed, the leading 815 is dropped and CM becomes BP."),
                tr("No public algorithm exists for these radios: the code comes from the code "
                   "database.")};
    case Family::Renault:
        return {tr("The precode is one letter and three digits (for example T019)."),
                tr("It is printed in small type beside or below a long barcode: the last four "
                   "characters of the barcode text are the precode. You may type or scan the "
                   "whole barcode text."),
                tr("Many units show the precode on the display while buttons 1 and 6 are held "
                   "together for a few seconds."),
                tr("A000 to A099 are not precodes.")};
    case Family::Becker:
        return {tr("The label has two fields: Model No (for example BE 4757) and Serial No "
                   "(8 digits). Type each in its own field."),
                tr("Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models "
                   "are not covered."),
                tr("No public algorithm exists for these radios: the code comes from the code "
                   "database.")};
    case Family::Visteon:
        return {tr("The serial is the letter M and six digits (for example M123456)."),
                tr("Some units show the serial on the display while buttons 1 and 6 are held."),
                tr("The code is computed with the public Visteon M-serial algorithm.")};
    }
    return {};
}

} // namespace radiocode
