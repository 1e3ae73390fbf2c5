// radiocode lookup SERIAL: one serial, its code and how to enter it.
#include "cli/batch_lines.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "common/texts.h"

#include "radiocode/entry_steps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace radiocode::cli {
namespace {

QString familyIdOf(const Recognition& recognition) {
    return recognition.family ? Texts::fromUtf8(familyId(*recognition.family)) : QString();
}

// The sentence that explains the outcome: the problem, why there is no code, or how the input
// was read.
QString explanation(const LookupResult& result) {
    if (result.status == LookupStatus::NotFound)
        return Texts::noCodeReason(result);
    if (result.recognition.state == InputState::Unchecked)
        return Texts::uncheckedNote(result);
    QString text = Texts::message(result.recognition);
    if (const QString reading = Texts::recordedReading(result); !reading.isEmpty())
        text += QLatin1Char(' ') + reading;
    return text;
}

QStringList suggestionsOf(const Recognition& recognition) {
    QStringList list;
    for (const std::string& suggestion : recognition.suggestions)
        list << Texts::fromUtf8(suggestion);
    return list;
}

QStringList stepSentences(Family family, const std::optional<DigitSteps>& digits) {
    QStringList sentences;
    if (digits)
        for (const DigitStep& step : *digits)
            sentences << Texts::digitStep(step);
    sentences << Texts::confirmStep(entryProcedure(family));
    return sentences;
}

QStringList cautionSentences(Family family) {
    QStringList sentences;
    for (const Caution caution : entryProcedure(family).cautions)
        sentences << Texts::caution(caution);
    return sentences;
}

int exitCodeFor(LookupStatus status) {
    switch (status) {
    case LookupStatus::Ok:
        return ExitCodeShown;
    case LookupStatus::NotFound:
    case LookupStatus::Unsupported:
        return ExitNoCode;
    case LookupStatus::Invalid:
        break;
    }
    return ExitInvalidInput;
}

// Codes refused for this serial before (job log): said before the steps, not buried after them.
QString attemptWarningFor(Context& context, const LookupResult& result) {
    if (!context.attemptWarning || !result.recognition.family ||
        result.status == LookupStatus::Invalid)
        return {};
    return context.attemptWarning(*result.recognition.family, result.recognition.serial);
}

void printJson(Context& context, const QString& input, const LookupResult& result) {
    const Recognition& recognition = result.recognition;
    // A serial its part number contradicts is well formed: said, so both numbers are in view.
    const bool serialUsable = result.status != LookupStatus::Invalid ||
                              recognition.message.id == MessageId::PartNumberMismatch;
    QJsonObject object;
    // As batch echoes a line: a huge argument is cut (at a character boundary) and marked "…".
    const QByteArray inputBytes = input.toUtf8();
    const std::size_t shown = echoLength(
        std::string_view(inputBytes.constData(), static_cast<std::size_t>(inputBytes.size())),
        batchEchoedBytes);
    object[QLatin1String("input")] =
        shown < static_cast<std::size_t>(inputBytes.size())
            ? QString::fromUtf8(inputBytes.left(static_cast<qsizetype>(shown))) + QChar(0x2026)
            : input;
    object[QLatin1String("family")] =
        recognition.family ? QJsonValue(familyIdOf(recognition)) : QJsonValue();
    object[QLatin1String("serial")] =
        serialUsable ? QJsonValue(Texts::fromUtf8(recognition.serial)) : QJsonValue();
    object[QLatin1String("status")] = Texts::fromUtf8(lookupStatusId(result));
    // "unchecked": a label form no rule knows, answered (if at all) from the database as printed.
    object[QLatin1String("serialState")] = Texts::fromUtf8(inputStateId(recognition.state));
    object[QLatin1String("statusText")] = Texts::statusName(result);
    object[QLatin1String("messageId")] = Texts::fromUtf8(messageIdName(recognition.message.id));
    object[QLatin1String("message")] = explanation(result);
    if (recognition.message.position >= 0)
        object[QLatin1String("position")] = recognition.message.position;
    object[QLatin1String("suggestions")] = QJsonArray::fromStringList(suggestionsOf(recognition));
    if (recognition.readings.size() > 1)
        object[QLatin1String("readings")] = QJsonArray::fromStringList(
            {Texts::fromUtf8(recognition.readings[0]), Texts::fromUtf8(recognition.readings[1])});
    if (recognition.chosenReading >= 0) // the one the label shows, as --reading said
        object[QLatin1String("reading")] =
            recognition.chosenReading == 0 ? QStringLiteral("letter") : QStringLiteral("digit");
    if (!recognition.partNumber.empty()) {
        QJsonObject part{{QLatin1String("number"), Texts::fromUtf8(recognition.partNumber)},
                         {QLatin1String("agrees"), recognition.partNumberAgrees}};
        if (!recognition.partNumberAgrees) {
            QJsonArray places;
            for (const int index : recognition.partNumberMismatches)
                places.append(index + 1);
            part[QLatin1String("differingSerialCharacters")] = places;
        }
        object[QLatin1String("partNumber")] = part;
    }
    if (const QString warning = attemptWarningFor(context, result); !warning.isEmpty())
        object[QLatin1String("attemptWarning")] = warning;
    if (result.answer) {
        const std::optional<DigitSteps> digitSteps =
            digitStepsFor(*recognition.family, result.answer->code);
        object[QLatin1String("code")] = Texts::fromUtf8(result.answer->code);
        object[QLatin1String("source")] = Texts::fromUtf8(result.answer->source.id());
        object[QLatin1String("sourceText")] = Texts::sourceDescription(result.answer->source);
        if (!result.answer->recordedSerial.empty())
            object[QLatin1String("recordedSerial")] =
                Texts::fromUtf8(result.answer->recordedSerial);
        if (result.answer->wasRefused())
            object[QLatin1String("refused")] =
                QJsonObject{{QLatin1String("by"), Texts::fromUtf8(result.answer->refusedBy)},
                            {QLatin1String("at"), Texts::fromUtf8(result.answer->refusedAt)},
                            {QLatin1String("message"), Texts::refusedWarning(*result.answer)}};
        QJsonArray digits;
        if (digitSteps)
            for (const DigitStep& step : *digitSteps)
                digits.append(QJsonObject{{QLatin1String("button"), step.button},
                                          {QLatin1String("digit"), step.digit}});
        object[QLatin1String("digits")] = digits;
        object[QLatin1String("steps")] =
            QJsonArray::fromStringList(stepSentences(*recognition.family, digitSteps));
        object[QLatin1String("cautions")] =
            QJsonArray::fromStringList(cautionSentences(*recognition.family));
    } else {
        object[QLatin1String("code")] = QJsonValue();
        object[QLatin1String("source")] = QJsonValue();
        object[QLatin1String("nextSteps")] =
            QJsonArray::fromStringList(Texts::noCodeNextSteps(result));
    }
    context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void printList(Context& context, const QString& title, const QStringList& items, bool numbered) {
    context.out << "\n" << title << "\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (numbered)
            context.out << wrapped(QStringLiteral("  %1. ").arg(i + 1) + items.at(i), 5) << "\n";
        else
            context.out << wrapped(QStringLiteral("  - ") + items.at(i), 4) << "\n";
    }
}

void printText(Context& context, const LookupResult& result) {
    const Recognition& recognition = result.recognition;
    if (recognition.family)
        context.out << Cli::tr("Family: %1").arg(Texts::familyName(*recognition.family)) << "\n";
    if (result.status != LookupStatus::Invalid)
        context.out << Cli::tr("Serial: %1").arg(Texts::fromUtf8(recognition.serial)) << "\n";
    if (!result.answer) {
        context.out << Cli::tr("Status: %1").arg(Texts::statusName(result)) << "\n"
                    << wrapped(explanation(result)) << "\n";
        if (recognition.partNumberAgrees)
            context.out << wrapped(Texts::partNumberAgreement(recognition)) << "\n";
        if (recognition.chosenReading >= 0)
            context.out << wrapped(Texts::readings(recognition)) << "\n";
        if (recognition.message.id == MessageId::ReadingsDisagree) {
            // The label decides: the choice is how to go on.
            const QString serial = Texts::fromUtf8(recognition.message.expected);
            printList(context, Cli::tr("What to do:"),
                      {Cli::tr("the label shows the letter: radiocode lookup %1 --reading letter")
                           .arg(serial),
                       Cli::tr("the label shows the digit: radiocode lookup %1 --reading digit")
                           .arg(serial)},
                      false);
            return;
        }
        for (const QString& suggestion : suggestionsOf(recognition))
            context.out << Texts::suggestion(suggestion) << "\n";
        printList(context, Cli::tr("What to do:"), Texts::noCodeNextSteps(result), false);
        if (result.status == LookupStatus::NotFound && result.sourceFailure.empty()) {
            const QString serial = Texts::fromUtf8(recognition.serial);
            printList(
                context, Cli::tr("With this program:"),
                {Cli::tr("the radio card: radiocode card %1 --card-serial S --code C").arg(serial),
                 Cli::tr("ask the dealer: radiocode request %1 --out request.pdf --to NAME")
                     .arg(serial)},
                false);
        }
        return;
    }
    const Provenance& source = result.answer->source;
    if (const QString warning = attemptWarningFor(context, result); !warning.isEmpty())
        context.out << wrapped(Cli::tr("Warning: %1").arg(warning), 9) << "\n";
    if (const QString refused = Texts::refusedWarning(*result.answer); !refused.isEmpty())
        context.out << wrapped(Cli::tr("Warning: %1").arg(refused), 9) << "\n";
    context.out << Cli::tr("Code: %1").arg(Texts::fromUtf8(result.answer->code)) << "\n"
                << wrapped(Cli::tr("Source: %1 (%2)")
                               .arg(Texts::sourceDescription(source), Texts::fromUtf8(source.id())),
                           8)
                << "\n";
    if (recognition.state == InputState::Unchecked)
        context.out << wrapped(Cli::tr("Warning: %1").arg(Texts::uncheckedNote(result)), 9) << "\n";
    else if (recognition.fromBarcode || recognition.fromLabelForm || recognition.fromCmPrefix ||
             recognition.readings.size() > 1 || recognition.partNumberAgrees)
        context.out << wrapped(Texts::message(recognition)) << "\n";
    if (const QString reading = Texts::recordedReading(result); !reading.isEmpty())
        context.out << wrapped(reading) << "\n";
    printEntrySteps(context, *recognition.family, result.answer->code);
}

} // namespace

Recognition recogniseSerial(const QByteArray& raw, std::optional<Family> family) {
    return finalised(
        recognise(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())), family));
}

void printSerialProblem(Context& context, const QString& command, const Recognition& recognition,
                        const QString& what) {
    context.err << "radiocode " << command << ": "
                << (what.isEmpty() ? Texts::message(recognition)
                                   : Cli::tr("%1: %2").arg(what, Texts::message(recognition)))
                << "\n";
    for (const QString& suggestion : suggestionsOf(recognition))
        context.err << Texts::suggestion(suggestion) << "\n";
}

void printEntrySteps(Context& context, Family family, const std::string& code) {
    printList(context, Cli::tr("How to enter it:"),
              stepSentences(family, digitStepsFor(family, code)), true);
    printList(context, Cli::tr("Take care:"), cautionSentences(family), false);
}

LookupResult lookupSerial(Context& context, const QByteArray& rawSerial,
                          std::optional<Family> family, const QString& partNumber,
                          std::optional<ReadingChoice> reading) {
    const std::string_view serial(rawSerial.constData(),
                                  static_cast<std::size_t>(rawSerial.size()));
    if (partNumber.isNull() && !reading)
        return context.finder().lookup(serial, family);
    Recognition recognition = finalised(recognise(serial, family));
    if (reading)
        chooseReading(recognition, *reading);
    if (partNumber.isNull())
        return context.finder().lookupRecognised(std::move(recognition));
    const QByteArray part = rawArgument(partNumber);
    PartNumber checked = recognisePartNumber(
        std::string_view(part.constData(), static_cast<std::size_t>(part.size())));
    if (checked.isEmpty()) { // "--part-number ''": given, but nothing in it
        checked.state = InputState::Invalid;
        checked.message.id = MessageId::MoreDigitsNeeded;
        checked.message.count = static_cast<int>(partNumberLength);
        checked.message.expected = "76########";
    }
    crossCheckPartNumber(recognition, checked);
    return context.finder().lookupRecognised(std::move(recognition));
}

QCommandLineOption partNumberOption(const QString& description) {
    return valueOption("part-number", "N", description);
}

QString partNumberValue(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("part-number")))
        return {};
    const QString value = parser.value(QStringLiteral("part-number"));
    return value.isNull() ? QLatin1String("") : value; // "--part-number ''": given, empty
}

QCommandLineOption readingOption(const QString& description) {
    return valueOption("reading", "letter|digit", description);
}

bool readReading(Context& context, const Command& command, const QCommandLineParser& parser,
                 std::optional<ReadingChoice>& reading) {
    if (!parser.isSet(QStringLiteral("reading")))
        return true;
    const QString value = parser.value(QStringLiteral("reading"));
    if (value == QLatin1String("letter")) {
        reading = ReadingChoice::Letter;
    } else if (value == QLatin1String("digit")) {
        reading = ReadingChoice::Digit;
    } else {
        command.usageError(context,
                           Cli::tr("unknown reading \"%1\": use letter or digit.").arg(value));
        return false;
    }
    return true;
}

int readingNotApplicable(Context& context, const Command& command,
                         const std::optional<ReadingChoice>& reading, const LookupResult& result) {
    if (!reading || !result.recognition.isUsable() || result.recognition.readings.size() > 1)
        return -1;
    return command.usageError(
        context, Cli::tr("--reading only applies to a Blaupunkt serial whose 7th character is a "
                         "letter that looks like a digit (O, I, L, S, B, Z or G); %1 has one "
                         "reading.")
                     .arg(Texts::fromUtf8(result.recognition.serial)));
}

namespace {

class LookupCommand final : public Command {
public:
    LookupCommand()
        : Command("lookup", QT_TRANSLATE_NOOP("radiocode::cli", "Find the code for one serial")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {familyOption(Cli::tr("read the serial as this family's (blaupunkt, renault, "
                                     "becker, visteon)")),
                partNumberOption(Cli::tr("a Blaupunkt label's part number (7 645 384 318): its "
                                         "digits 4-7 must be the serial's characters 3-6, or no "
                                         "code is given")),
                readingOption(Cli::tr("a Blaupunkt serial whose 7th character may be a letter or "
                                      "a digit (O or 0, I or 1, ...): which one the label shows; "
                                      "only that reading is looked up")),
                jsonOption(Cli::tr("answer as one JSON object"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL..."); }
    QString description() const override {
        return Cli::tr("Finds the code for one radio serial and says how to enter it, or what "
                       "is wrong with the serial. SERIAL may be given in parts as the label "
                       "prints them (BP53876 9672026); put \"--\" before a serial that starts "
                       "with a dash.");
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 a code was found, 1 the serial is fine but no code can be "
                       "given (not-found, unsupported), 2 the serial is invalid, 3 the code "
                       "database could not be reached.");
    }

    int execute(Context& context, const QCommandLineParser& parser) const override {
        std::optional<Family> family;
        if (!readFamily(context, *this, parser, family))
            return ExitInvalidInput;
        std::optional<ReadingChoice> reading;
        if (!readReading(context, *this, parser, reading))
            return ExitInvalidInput;
        const QStringList parts = parser.positionalArguments();
        if (parts.isEmpty())
            return usageError(context, Cli::tr("the serial is missing."));

        const QString input = parts.join(QLatin1Char(' '));
        // The bytes as given, so that bytes that are not UTF-8 are reported as such, not as the
        // replacement characters the decoded arguments hold.
        QByteArray raw;
        for (const QString& part : parts) {
            if (!raw.isEmpty())
                raw += ' ';
            raw += rawArgument(part);
        }
        const LookupResult result =
            lookupSerial(context, raw, family, partNumberValue(parser), reading);
        if (const int exit = readingNotApplicable(context, *this, reading, result); exit >= 0)
            return exit;
        if (parser.isSet(QStringLiteral("json")))
            printJson(context, input, result);
        else
            printText(context, result);
        // A code database that could not be asked: the code may be on record, not a plain "no
        // code".
        return result.sourceFailure.empty() ? exitCodeFor(result.status) : int(ExitFailure);
    }
};

} // namespace

std::unique_ptr<Command> makeLookupCommand() {
    return std::make_unique<LookupCommand>();
}

} // namespace radiocode::cli
