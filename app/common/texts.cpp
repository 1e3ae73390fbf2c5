#include "common/texts.h"

#include "radiocode/calculators.h"

#include <QDateTime>
#include <QLocale>

namespace radiocode {
namespace {

// 1-based for people: "character 3".
int humanPosition(const Message& message) {
    return message.position + 1;
}

// '*' (the Blaupunkt 7th character) is a digit on most labels: counted as one.
bool allDigits(const std::string& shape) {
    return !shape.empty() && shape.find_first_not_of("#*") == std::string::npos;
}

// "5384" from a serial's characters 3-6 or a part number's digits 4-7.
QString group(const std::string& text, std::size_t from) {
    return text.size() >= from + 4 ? Texts::fromUtf8(std::string_view(text).substr(from, 4))
                                   : QString();
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
    case InputField::PartNumber:
        return Texts::tr("the part number");
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
        //: The 7th character is a digit on most labels, a capital letter on some.
        return tr("BP + 12 characters, 7th may be a letter");
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
    case InputState::Unchecked:
        return tr("Unchecked");
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
    if (result.status == LookupStatus::Invalid &&
        result.recognition.message.id == MessageId::PartNumberMismatch)
        return tr("Part number and serial disagree");
    if (result.status == LookupStatus::Invalid &&
        result.recognition.message.id == MessageId::ReadingsDisagree)
        return tr("Two readings, two codes on record");
    if (result.status == LookupStatus::Invalid &&
        result.recognition.message.field == InputField::PartNumber)
        return tr("Invalid part number");
    return statusName(result.status);
}

QString Texts::message(const Recognition& recognition) {
    const Message& m = recognition.message;
    // The part number's own problems (too short, a look-alike letter) say whose they are.
    if (m.field == InputField::PartNumber &&
        (m.id == MessageId::MoreDigitsNeeded || m.id == MessageId::TooLong ||
         m.id == MessageId::Empty))
        return tr("Part number: %1").arg(partNumberMessage(m, recognition.state));
    QString text;
    switch (m.id) {
    case MessageId::Ok:
        // Said after the state word ("Valid: …"): the sentence does not repeat it.
        if (recognition.fromBarcode)
            text = tr("%1 serial: precode %2 taken from the end of the barcode text.")
                       .arg(recognition.family ? familyName(*recognition.family) : QString(),
                            fromUtf8(recognition.serial));
        else if (recognition.fromLabelForm)
            text = tr("%1 serial: the 17-character label form was shortened to %2.")
                       .arg(recognition.family ? familyName(*recognition.family) : QString(),
                            fromUtf8(recognition.serial));
        else if (recognition.fromCmPrefix)
            text = tr("%1 serial: the CM printed on the label reads as BP, %2.")
                       .arg(recognition.family ? familyName(*recognition.family) : QString(),
                            fromUtf8(recognition.serial));
        else
            text = tr("%1 serial, well formed.")
                       .arg(recognition.family ? familyName(*recognition.family) : QString());
        if (recognition.readings.size() > 1)
            text += QLatin1Char(' ') + readings(recognition);
        if (recognition.partNumberAgrees)
            text += QLatin1Char(' ') + partNumberAgreement(recognition);
        return text;
    case MessageId::PartNumberMismatch: {
        QStringList places;
        for (const int index : recognition.partNumberMismatches)
            places << QString::number(index + 1);
        return tr("The part number %1 and the serial %2 cannot be on one label: the part "
                  "number's digits 4–7 (%3) must be the serial's characters 3–6 (%4), and they "
                  "differ at %5. One of them was misread: read both on the label again.")
            .arg(partNumberDisplay(m.expected), fromUtf8(recognition.serial), group(m.expected, 3),
                 fromUtf8(m.character),
                 places.size() == 1
                     ? tr("serial character %1").arg(places.first())
                     : tr("serial characters %1").arg(places.join(QStringLiteral(", "))));
    }
    case MessageId::PartNumberNotBlaupunkt:
        return tr("A part number only cross-checks Blaupunkt serials: leave it out for a %1 "
                  "radio.")
            .arg(recognition.family ? familyName(*recognition.family) : QString());
    case MessageId::ReadingsDisagree: {
        const std::string& printed = m.expected;
        const std::string asDigit =
            recognition.suggestions.empty() ? std::string() : recognition.suggestions.front();
        return tr("The code database holds different codes for %1 and %2, two readings of the "
                  "7th character: look at the label and say whether it shows the digit %3 or "
                  "the letter %4. Only that reading is then looked up.")
            .arg(fromUtf8(printed), fromUtf8(asDigit),
                 QChar::fromLatin1(asDigit.size() > 6 ? asDigit[6] : '?'),
                 QChar::fromLatin1(printed.size() > 6 ? printed[6] : '?'));
    }
    case MessageId::UncheckedSerial:
        return tr("%1 fits no known label form: it can only be looked up in the code database "
                  "as printed, unchecked. Compare it with the label character by character.")
            .arg(quoted(recognition.serial));
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
                      "and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 "
                      "characters, Becker BE and 12 digits).")
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
        if (m.field == InputField::PartNumber)
            return tr("A Blaupunkt part number starts with 76: %1 %2 does not fit.")
                .arg(quoted(m.character), where(m));
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

QString Texts::uncheckedNote(const LookupResult& result) {
    if (result.recognition.state != InputState::Unchecked)
        return {};
    return tr("Unchecked serial: no rule knows this label form. The code is the one on record "
              "for the serial as printed; compare the serial with the label before entering it.");
}

QString Texts::suggestion(const QString& serial) {
    return tr("Did you mean %1?").arg(serial);
}

QString Texts::readings(const Recognition& recognition) {
    if (recognition.readings.size() < 2)
        return {};
    const std::string& printed = recognition.readings[0];
    const std::string& asDigit = recognition.readings[1];
    const QChar letter = QChar::fromLatin1(printed.size() > 6 ? printed[6] : '?');
    const QChar digit = QChar::fromLatin1(asDigit.size() > 6 ? asDigit[6] : '?');
    if (recognition.chosenReading == 0)
        return tr("The technician read the letter %1 as the 7th character on the label: %2 (not "
                  "%3).")
            .arg(letter)
            .arg(fromUtf8(printed), fromUtf8(asDigit));
    if (recognition.chosenReading == 1)
        return tr("The technician read the digit %1 as the 7th character on the label: %2 (not "
                  "%3).")
            .arg(digit)
            .arg(fromUtf8(asDigit), fromUtf8(printed));
    return tr("Its 7th character may be the letter %1 or the digit %2: both are real serials "
              "(%3, %4).")
        .arg(QChar::fromLatin1(printed.size() > 6 ? printed[6] : '?'),
             QChar::fromLatin1(asDigit.size() > 6 ? asDigit[6] : '?'), fromUtf8(printed),
             fromUtf8(asDigit));
}

QString Texts::readingChoice(const Recognition& recognition, ReadingChoice reading) {
    if (recognition.readings.size() < 2 || recognition.readings[0].size() < 7 ||
        recognition.readings[1].size() < 7)
        return {};
    return reading == ReadingChoice::Letter
               ? tr("The label shows the letter %1")
                     .arg(QChar::fromLatin1(recognition.readings[0][6]))
               : tr("The label shows the digit %1")
                     .arg(QChar::fromLatin1(recognition.readings[1][6]));
}

QString Texts::recordedReading(const LookupResult& result) {
    if (!result.answer || result.answer->recordedSerial.empty())
        return {};
    return tr("The code database holds the code for the reading %1.")
        .arg(fromUtf8(result.answer->recordedSerial));
}

QString Texts::partNumberDisplay(const std::string& digits) {
    // As labels print it: "7 645 384 318".
    if (digits.size() != partNumberLength)
        return fromUtf8(digits);
    const QString text = fromUtf8(digits);
    return QStringLiteral("%1 %2 %3 %4")
        .arg(text.left(1), text.mid(1, 3), text.mid(4, 3), text.mid(7, 3));
}

QString Texts::partNumberAgreement(const Recognition& recognition) {
    if (!recognition.partNumberAgrees)
        return {};
    return tr("The part number %1 agrees with it (digits 4–7 are %2, as the serial's "
              "characters 3–6): a second confirmation.")
        .arg(partNumberDisplay(recognition.partNumber), group(recognition.partNumber, 3));
}

QString Texts::partNumberMessage(const Message& m, InputState state) {
    switch (m.id) {
    case MessageId::Ok:
        return tr("well formed.");
    case MessageId::Empty:
        return tr("optional: the 10 digits starting 76 beside the serial (7 645 384 318).");
    case MessageId::MoreDigitsNeeded:
        return state == InputState::Invalid
                   ? tr("too short: %n more digit(s) needed.", nullptr, m.count)
                   : tr("%n more digit(s).", nullptr, m.count);
    case MessageId::TooLong:
        return tr("too long: a part number has %1 digits, %2 were given.")
            .arg(m.count)
            .arg(m.actual);
    default:
        break;
    }
    Recognition asSerial;
    asSerial.state = state;
    asSerial.message = m;
    return message(asSerial);
}

QString Texts::digitStep(const DigitStep& step) {
    return tr("Press station button %1 until %2 shows on the display.")
        .arg(step.button)
        .arg(step.digit);
}

QString Texts::confirmStep(const EntryProcedure& procedure) {
    switch (procedure.confirm) {
    case ConfirmAction::HoldPreset6TaOrSeekUp:
        return tr("Press and hold station button 6, TA or SEEK ▲ for %1–%2 seconds to confirm "
                  "(some units: see the handbook).")
            .arg(procedure.confirmHoldSecondsMin)
            .arg(procedure.confirmHoldSecondsMax);
    case ConfirmAction::PressOkOrEnter:
        return tr("Press OK or ENTER (some units: see the handbook).");
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

namespace {
// "Mehmet K." ends a sentence with one full stop, not two.
QString technicianName(const Provenance& provenance) {
    QString name = Texts::fromUtf8(provenance.who).trimmed();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}
} // namespace

QString Texts::sourceDescription(const Provenance& provenance) {
    // A person's name may be empty: the sentence then leaves it out rather than show "by ".
    const QString who = fromUtf8(provenance.who).trimmed();
    const auto named = [&who](const char* withName, const char* withoutName) {
        return who.isEmpty() ? tr(withoutName) : tr(withName).arg(who);
    };
    switch (provenance.kind) {
    case Provenance::Kind::RenaultAlgorithm:
        return tr("Computed with the public Renault precode algorithm.");
    case Provenance::Kind::VisteonAlgorithm:
        return tr("Computed with the public Visteon M-serial algorithm.");
    case Provenance::Kind::Imported:
        return tr("From the code database, imported from %1.").arg(fromUtf8(provenance.detail));
    case Provenance::Kind::Confirmed:
        return tr("From the code database, confirmed on a radio by %1.")
            .arg(technicianName(provenance));
    case Provenance::Kind::Card:
        return named(QT_TR_NOOP("From the code database: the owner's radio card, entered by %1."),
                     QT_TR_NOOP("From the code database: the owner's radio card."));
    case Provenance::Kind::CardEntered:
        return named(QT_TR_NOOP("From the owner's radio card, entered by %1; it goes into the "
                                "code database once it has worked on the radio."),
                     QT_TR_NOOP("From the owner's radio card; it goes into the code database once "
                                "it has worked on the radio."));
    case Provenance::Kind::Dealer:
        return named(QT_TR_NOOP("From the dealer %1, who was asked for it."),
                     QT_TR_NOOP("From a dealer who was asked for it."));
    case Provenance::Kind::Manufacturer:
        return named(QT_TR_NOOP("From the manufacturer's service (%1), who was asked for it."),
                     QT_TR_NOOP("From the manufacturer's service, who was asked for it."));
    case Provenance::Kind::OtherDatabase: // never an internal id in front of people
        return tr("From the code database.");
    case Provenance::Kind::Other:
        break;
    }
    return tr("From a recorded source.");
}

QString Texts::sourceInBrief(const Provenance& provenance) {
    const QString who = fromUtf8(provenance.who).trimmed();
    switch (provenance.kind) {
    case Provenance::Kind::Imported:
        return tr("imported from %1").arg(fromUtf8(provenance.detail));
    case Provenance::Kind::Confirmed:
        return tr("confirmed on a radio by %1").arg(who);
    case Provenance::Kind::Card:
    case Provenance::Kind::CardEntered:
        return tr("from the owner's radio card");
    case Provenance::Kind::Dealer:
        return tr("from the dealer %1").arg(who);
    case Provenance::Kind::Manufacturer:
        return tr("from the manufacturer's service");
    case Provenance::Kind::OtherDatabase:
        return tr("in the code database");
    case Provenance::Kind::RenaultAlgorithm:
    case Provenance::Kind::VisteonAlgorithm:
    case Provenance::Kind::Other:
        break;
    }
    return fromUtf8(provenance.id()); // already words ("line 4 of this file")
}

QString Texts::refusedWarning(const CodeAnswer& answer) {
    if (!answer.wasRefused())
        return {};
    QDateTime when = QDateTime::fromString(fromUtf8(answer.refusedAt), Qt::ISODate);
    when.setTimeSpec(Qt::UTC);
    const QString date =
        when.toLocalTime().date().toString(Qt::ISODate); // unambiguous in every language
    const QString by = fromUtf8(answer.refusedBy).trimmed();
    return by.isEmpty()
               ? tr("This code was refused on a radio on %1. Check the serial on the label and "
                    "whether the radio was swapped before you try it.")
                     .arg(date)
               : tr("This code was refused on a radio by %1 on %2. Check the serial on the label "
                    "and whether the radio was swapped before you try it.")
                     .arg(by, date);
}

QString Texts::cardMismatch(const QString& cardSerial, const QString& radioSerial) {
    return tr("The radio card is for serial %1, but this radio's serial is %2: the radio was "
              "probably swapped, so the card's code belongs to another radio. No code is shown. "
              "Check the label once more; if it is right, ask the dealer for this radio's code.")
        .arg(cardSerial, radioSerial);
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
        if (result.recognition.state == InputState::Unchecked) {
            if (!result.sourceFailure.empty())
                return tr("This serial fits no known label form, and the code database could "
                          "not be reached (%1) to look it up as printed.")
                    .arg(fromUtf8(result.sourceFailure).simplified());
            if (result.sourcesAsked == 0)
                return tr("This serial fits no known label form and no code database could be "
                          "consulted: no algorithm answers an unchecked serial.");
            return tr("This serial fits no known label form, and the code database holds no "
                      "code for it as printed.");
        }
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
    if (result.status == LookupStatus::Invalid &&
        result.recognition.message.field == InputField::PartNumber)
        return {tr("Read the serial and the part number on the label again, character by "
                   "character.")};
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
        return {tr("The serial starts with BP and has 12 more characters, all digits but the 7th, "
                   "which may be a letter; labels often print a space between the groups "
                   "(BP53876 9672026): type it with or without the space."),
                tr("Some labels print 17 characters starting with 815BP or 815CM, or CM without "
                   "the 815: type them as printed, the leading 815 is dropped and CM becomes BP."),
                tr("The 7th character (the 5th after BP) is a letter on some labels "
                   "(BP5511V2151786): type it as printed."),
                tr("The part number beside it (10 digits starting 76, such as 7 645 387 041) "
                   "checks the serial: its digits 4–7 are the serial's characters 3–6."),
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

bool isCodeText(const QString& text) {
    const QByteArray bytes = text.toLatin1(); // a character beyond Latin-1 becomes '?'
    return text.size() == bytes.size() &&
           isCodeShape(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

} // namespace radiocode
