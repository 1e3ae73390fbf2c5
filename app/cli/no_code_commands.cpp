// When no code is on record: the owner's radio card (`radiocode card`), a code request to a
// dealer or the manufacturer's service (`radiocode request`), the jobs waiting for an answer
// (`jobs list --waiting`), the answer (`jobs answer`) and the outcome on the radio
// (`jobs outcome`), which teaches the code database what worked and what was refused.
#include "commands.h"
#include "database_access.h"
#include "job_pictures.h"
#include "label_photo.h"
#include "request_letter.h"
#include "texts.h"

#include "storage_texts.h"

#include "radiocode/calculators.h"
#include "radiocode/entry_steps.h"
#include "radiocode/recognition.h"

#include <QDate>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace radiocode::cli {
namespace {

// Options of the form --name VALUE or --name=VALUE; the rest are positional arguments.
struct ParsedArguments {
    QStringList positional;
    QHash<QString, QString> values;
    QSet<QString> flags;
    QString problem; // set when an option is unknown or lacks its value
};

ParsedArguments parse(const QStringList& arguments, const QStringList& valueOptions,
                      const QStringList& flagOptions) {
    ParsedArguments parsed;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(QLatin1String("--"))) {
            parsed.positional << argument;
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        if (flagOptions.contains(name) && name == argument) {
            parsed.flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (argument.contains(QLatin1Char('='))) {
                parsed.values.insert(name, argument.section(QLatin1Char('='), 1));
            } else if (i + 1 < arguments.size()) {
                parsed.values.insert(name, arguments.at(++i));
            } else {
                parsed.problem = Cli::tr("%1 needs a value.").arg(name);
                return parsed;
            }
        } else {
            parsed.problem = Cli::tr("unknown option %1.").arg(argument);
            return parsed;
        }
    }
    return parsed;
}

Recognition recogniseText(const QString& text, std::optional<Family> family = std::nullopt) {
    const QByteArray raw = rawArgument(text);
    return finalised(
        recognise(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())), family));
}

// Says what is wrong with a serial (and the suggested reading) on the error stream.
void printSerialProblem(Context& context, const char* command, const QString& what,
                        const Recognition& recognition) {
    context.err << "radiocode " << command << ": "
                << (what.isEmpty() ? Texts::message(recognition)
                                   : Cli::tr("%1: %2").arg(what, Texts::message(recognition)))
                << "\n";
    for (const std::string& suggestion : recognition.suggestions)
        context.err << Texts::suggestion(Texts::fromUtf8(suggestion)) << "\n";
}

QString cleanCode(const QString& text) {
    return text.trimmed();
}

bool isCode(const QString& code) {
    const QByteArray bytes = code.toLatin1();
    return code.size() == bytes.size() &&
           isCodeShape(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

void printEntrySteps(Context& context, Family family, const QString& code) {
    const QByteArray digits = code.toLatin1();
    const EntrySteps steps =
        entryStepsFor(family, std::string_view(digits.constData(), std::size_t(digits.size())));
    context.out << "\n" << Cli::tr("How to enter it:") << "\n";
    int number = 0;
    for (const DigitStep& step : steps.digits)
        context.out << wrapped(QStringLiteral("  %1. ").arg(++number) + Texts::digitStep(step), 5)
                    << "\n";
    context.out << wrapped(QStringLiteral("  %1. ").arg(++number) + Texts::confirmStep(steps), 5)
                << "\n\n"
                << Cli::tr("Take care:") << "\n";
    for (const Caution caution : steps.cautions)
        context.out << wrapped(QStringLiteral("  - ") + Texts::caution(caution), 4) << "\n";
}

// --- radiocode card ------------------------------------------------------------------------

void printCardHelp(Context& context) {
    context.out << Cli::tr("Usage: radiocode card SERIAL --card-serial S --code C [--technician T] "
                           "[--customer NAME] [--registration R] [--vin V]")
                << "\n\n"
                << wrapped(Cli::tr("The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): "
                                   "its serial must be the radio's. When it is, the card's code is "
                                   "shown with how to enter it, and the job is logged; the code "
                                   "goes into the code database once the radio accepted it "
                                   "(radiocode jobs outcome JOB-ID worked). When the serials "
                                   "differ the radio was probably swapped, and no code is shown."))
                << "\n\n"
                << Cli::tr("Exit status: 0 the card's code is shown, 2 the serials differ or the "
                           "input is invalid, 3 the work could not be done.")
                << "\n";
}

int runCardCommand(Context& context, const QStringList& arguments) {
    if (std::any_of(arguments.begin(), arguments.end(), isHelpOption)) {
        printCardHelp(context);
        return ExitCodeShown;
    }
    const ParsedArguments parsed = parse(
        arguments,
        {QStringLiteral("--card-serial"), QStringLiteral("--code"), QStringLiteral("--technician"),
         QStringLiteral("--customer"), QStringLiteral("--registration"), QStringLiteral("--vin")},
        {});
    if (!parsed.problem.isEmpty())
        return usageError(context, "card", parsed.problem);
    if (parsed.positional.isEmpty())
        return usageError(context, "card", Cli::tr("the radio's serial is missing."));
    const QString cardSerialText = parsed.values.value(QStringLiteral("--card-serial"));
    if (cardSerialText.trimmed().isEmpty())
        return usageError(context, "card",
                          Cli::tr("--card-serial S is needed: the serial printed on the card."));
    const QString code = cleanCode(parsed.values.value(QStringLiteral("--code")));
    if (code.isEmpty())
        return usageError(context, "card", Cli::tr("--code C is needed: the code on the card."));

    const Recognition radio = recogniseText(parsed.positional.join(QLatin1Char(' ')));
    if (!radio.isValid()) {
        printSerialProblem(context, "card", Cli::tr("the radio's serial"), radio);
        return ExitInvalidInput;
    }
    const Family family = *radio.family;
    const QString serial = Texts::fromUtf8(radio.serial);
    // The card's serial cleaned up the same way, read as the radio's family.
    const Recognition card = recogniseText(cardSerialText, family);
    if (!card.isValid()) {
        printSerialProblem(context, "card", Cli::tr("the card's serial"), card);
        return ExitInvalidInput;
    }
    const QString cardSerial = Texts::fromUtf8(card.serial);
    if (cardSerial != serial) {
        context.out << Cli::tr("Serial: %1").arg(serial) << "\n"
                    << Cli::tr("Radio card: %1").arg(cardSerial) << "\n"
                    << wrapped(Cli::tr("No code: %1").arg(Texts::cardMismatch(cardSerial, serial)))
                    << "\n";
        return ExitInvalidInput;
    }
    if (!isCode(code)) {
        context.err << "radiocode card: "
                    << Cli::tr("the code “%1” is not a code: a code is exactly 4 digits.").arg(code)
                    << "\n";
        return ExitInvalidInput;
    }
    const QString technician = parsed.values.value(QStringLiteral("--technician")).trimmed();
    const QString source = QStringLiteral("card:") + technician;
    context.out << Cli::tr("Family: %1").arg(Texts::familyName(family)) << "\n"
                << Cli::tr("Serial: %1").arg(serial) << "\n"
                << Cli::tr("Code: %1").arg(code) << "\n"
                << wrapped(Cli::tr("Source: %1 (%2)").arg(Texts::sourceDescription(source), source),
                           8)
                << "\n";

    // The job log and what the code database already says.
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << wrapped(
                           Cli::tr("radiocode card: the job could not be logged: %1").arg(error))
                    << "\n";
        printEntrySteps(context, family, code);
        return ExitCodeShown;
    }
    if (familyInfo(family).origin == CodeOrigin::CodeDatabase) {
        if (const auto stored = database->findCode(family, serial); stored && stored->code != code)
            context.out << wrapped(
                               Cli::tr("Warning: the code database holds %1 for this serial "
                                       "(%2). Check the card and the label before trying.")
                                   .arg(stored->code, Texts::sourceDescription(stored->source())),
                               9)
                        << "\n";
    }
    storage::Job job;
    job.technician = technician;
    job.customer = parsed.values.value(QStringLiteral("--customer"));
    job.registration = parsed.values.value(QStringLiteral("--registration"));
    job.vin = parsed.values.value(QStringLiteral("--vin"));
    job.family = family;
    job.serial = serial;
    job.code = code;
    job.source = source;
    if (const auto id = database->addJob(job)) {
        context.out << wrapped(Cli::tr("Saved job #%1. Once the radio accepts the code: radiocode "
                                       "jobs outcome %1 worked (or refused).")
                                   .arg(*id))
                    << "\n";
    } else {
        context.err << wrapped(Cli::tr("radiocode card: the job could not be logged: %1")
                                   .arg(database->lastError()))
                    << "\n";
    }
    printEntrySteps(context, family, code);
    return ExitCodeShown;
}

// --- radiocode request ---------------------------------------------------------------------

void printRequestHelp(Context& context) {
    context.out
        << Cli::tr("Usage: radiocode request SERIAL --out FILE.pdf [--vin V] [--registration R] "
                   "[--customer C] [--part-number N] [--to NAME] [--technician T] [--photo "
                   "IMAGE] [--paper a4|letter] [--lang en|de|tr]")
        << "\n\n"
        << wrapped(Cli::tr("Writes a request for the radio's code to a Nissan dealer or the "
                           "Blaupunkt/Becker service: the workshop (name, address and contact "
                           "from radiocode-finder's Workshop details), the vehicle, the radio, "
                           "the proof of ownership to enclose and the owner's signature. Fields "
                           "not given are left blank to fill in by hand. The job is logged as "
                           "waiting for the code: radiocode jobs list --waiting, and radiocode "
                           "jobs answer JOB-ID CODE --from NAME when the answer comes."))
        << "\n\n"
        << Cli::tr("Exit status: 0 the request was written and logged, 2 invalid serial or "
                   "arguments, 3 the file or the job log could not be written.")
        << "\n";
}

int runRequestCommand(Context& context, const QStringList& arguments) {
    if (std::any_of(arguments.begin(), arguments.end(), isHelpOption)) {
        printRequestHelp(context);
        return ExitCodeShown;
    }
    const ParsedArguments parsed =
        parse(arguments,
              {QStringLiteral("--out"), QStringLiteral("--vin"), QStringLiteral("--registration"),
               QStringLiteral("--customer"), QStringLiteral("--part-number"),
               QStringLiteral("--to"), QStringLiteral("--technician"), QStringLiteral("--photo"),
               QStringLiteral("--paper"), QStringLiteral("--family")},
              {});
    if (!parsed.problem.isEmpty())
        return usageError(context, "request", parsed.problem);
    if (parsed.positional.isEmpty())
        return usageError(context, "request", Cli::tr("the serial is missing."));
    const QString out = parsed.values.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return usageError(context, "request", Cli::tr("--out FILE.pdf is missing."));
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        context.err << Cli::tr("radiocode request: the request cannot be drawn without fonts.")
                    << "\n";
        return ExitFailure;
    }
    std::optional<Family> family;
    if (parsed.values.contains(QStringLiteral("--family"))) {
        QStringList option{QStringLiteral("--family"),
                           parsed.values.value(QStringLiteral("--family"))};
        qsizetype index = 0;
        if (!takeFamilyOption(context, option, index, family))
            return ExitInvalidInput;
    }
    PaperSize paper = InstructionSheet::savedPaper();
    if (parsed.values.contains(QStringLiteral("--paper"))) {
        const auto chosen =
            InstructionSheet::paperFromName(parsed.values.value(QStringLiteral("--paper")));
        if (!chosen)
            return usageError(context, "request",
                              Cli::tr("unknown paper size \"%1\": use a4 or letter.")
                                  .arg(parsed.values.value(QStringLiteral("--paper"))));
        paper = *chosen;
    }

    const Recognition recognition = recogniseText(parsed.positional.join(QLatin1Char(' ')), family);
    if (recognition.state == InputState::Invalid || !recognition.family) {
        printSerialProblem(context, "request", QString(), recognition);
        return ExitInvalidInput;
    }
    const Family radioFamily = *recognition.family;
    RequestContent content;
    content.family = radioFamily;
    content.serial = Texts::fromUtf8(recognition.serial);
    if (familyInfo(radioFamily).origin != CodeOrigin::CodeDatabase) {
        context.err << "radiocode request: "
                    << Cli::tr("%1 is a %2 serial: its code is computed with the public "
                               "algorithm: radiocode lookup %1")
                           .arg(content.serial, Texts::familyName(radioFamily))
                    << "\n";
        return ExitInvalidInput;
    }
    content.workshop = WorkshopDetails::saved();
    content.recipient = parsed.values.value(QStringLiteral("--to")).trimmed();
    content.date = QDate::currentDate();
    content.registration = parsed.values.value(QStringLiteral("--registration")).trimmed();
    content.owner = parsed.values.value(QStringLiteral("--customer")).trimmed();
    if (const QString vin = parsed.values.value(QStringLiteral("--vin")); !vin.isEmpty()) {
        const VinCheck check = Vin::check(vin);
        if (check.state != VinState::Valid) {
            context.err << "radiocode request: "
                        << Cli::tr("--vin: %1")
                               .arg(check.state == VinState::Incomplete
                                        ? Cli::tr("a VIN has 17 characters, %1 were given.")
                                              .arg(check.vin.size())
                                        : check.message)
                        << "\n";
            return ExitInvalidInput;
        }
        content.vin = check.vin;
    }
    const QString partNumber = parsed.values.value(QStringLiteral("--part-number")).trimmed();
    if (const QString problem =
            RequestLetter::partNumberProblem(partNumber, radioFamily, content.serial);
        !problem.isEmpty()) {
        context.err << "radiocode request: " << wrapped(Cli::tr("--part-number: %1").arg(problem))
                    << "\n";
        return ExitInvalidInput;
    }
    content.partNumber = partNumber;
    if (const QString photo = parsed.values.value(QStringLiteral("--photo")); !photo.isEmpty()) {
        QImageReader reader(photo);
        reader.setAutoTransform(true);
        content.labelPhoto = reader.read();
        if (content.labelPhoto.isNull()) {
            context.err << "radiocode request: "
                        << Cli::tr("cannot read the photo %1: %2").arg(photo, reader.errorString())
                        << "\n";
            return ExitInvalidInput;
        }
    }

    // The job log first: a request that cannot be logged would be forgotten.
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode request: " << error << "\n";
        return exitCode;
    }
    if (const auto stored = database->findCode(radioFamily, content.serial))
        context.out << wrapped(Cli::tr("Note: the code database already holds a code for %1 (%2): "
                                       "radiocode lookup %1")
                                   .arg(content.serial, Texts::sourceDescription(stored->source())))
                    << "\n";
    // Logged first, so the letter can name the job the answer belongs to.
    storage::Job job;
    job.technician = parsed.values.value(QStringLiteral("--technician")).trimmed();
    job.customer = content.owner;
    job.registration = content.registration;
    job.vin = content.vin;
    job.family = radioFamily;
    job.serial = content.serial;
    const auto id = database->addJob(job);
    if (!id || !database->addCodeRequest(*id, content.recipient)) {
        context.err << "radiocode request: "
                    << wrapped(Cli::tr("the job could not be logged, so no request was written: %1")
                                   .arg(database->lastError()))
                    << "\n";
        return ExitFailure;
    }
    // The photo goes with the job too (scaled down), for the history and a later reprint.
    if (!content.labelPhoto.isNull()) {
        const LabelPhoto photo =
            LabelPhoto::fromPicture(content.labelPhoto, {}, QString(), {content.serial});
        storage::JobPicture picture;
        picture.jpeg = photo.jpeg;
        picture.takenAt = photo.takenAt;
        QString pictureError;
        if (!storage::saveJobPicture(*database, *id, picture, &pictureError))
            context.err << "radiocode request: " << wrapped(pictureError) << "\n";
    }
    content.reference = Cli::tr("job #%1").arg(*id);
    QString writeError;
    if (!RequestLetter::writePdf(out, content, paper, &writeError)) {
        database->removeCodeRequest(*id); // not sent: not waiting
        context.err << "radiocode request: " << writeError << "\n";
        return ExitFailure;
    }
    context.out << Cli::tr("Request for %1 written to %2.")
                       .arg(content.serial, QFileInfo(out).absoluteFilePath())
                << "\n"
                << wrapped(content.recipient.isEmpty()
                               ? Cli::tr("Job #%1 is waiting for the code, asked on %2.")
                                     .arg(*id)
                                     .arg(QDate::currentDate().toString(Qt::ISODate))
                               : Cli::tr("Job #%1 is waiting for the code, asked of %2 on %3.")
                                     .arg(QString::number(*id), content.recipient,
                                          QDate::currentDate().toString(Qt::ISODate)))
                << "\n"
                << wrapped(Cli::tr("When the answer comes: radiocode jobs answer %1 CODE --from "
                                   "NAME")
                               .arg(*id))
                << "\n";
    return ExitCodeShown;
}

// --- jobs list --waiting, jobs answer, jobs outcome ----------------------------------------

std::optional<qint64> jobIdFrom(const QString& text) {
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1Char('#')))
        digits.remove(0, 1);
    bool ok = false;
    const qint64 id = digits.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

int runCard(Context& context, const QStringList& arguments) {
    return runCardCommand(context, arguments);
}

int runRequest(Context& context, const QStringList& arguments) {
    return runRequestCommand(context, arguments);
}

int runWaitingJobs(Context& context, const QStringList& arguments) {
    bool json = false;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--json"))
            json = true;
        else if (argument != QLatin1String("--waiting"))
            return usageError(context, "jobs list",
                              Cli::tr("--waiting lists every waiting job: %1 cannot be combined "
                                      "with it.")
                                  .arg(argument));
    }
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs list: " << error << "\n";
        return exitCode;
    }
    const auto waiting = database->waitingJobs();
    if (waiting.isEmpty() && !database->lastError().isEmpty()) {
        context.err << "radiocode jobs list: " << database->lastError() << "\n";
        return ExitFailure;
    }
    const int reminderDays = savedReminderDays();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int overdue = storage::StorageTexts::overdueRequests(waiting, reminderDays);
    if (json) {
        QJsonArray array;
        for (const auto& [job, request] : waiting) {
            array.append(QJsonObject{
                {QStringLiteral("id"), job.id},
                {QStringLiteral("family"),
                 job.family ? QJsonValue(Texts::fromUtf8(familyId(*job.family))) : QJsonValue()},
                {QStringLiteral("serial"), job.serial},
                {QStringLiteral("customer"), job.customer},
                {QStringLiteral("registration"), job.registration},
                {QStringLiteral("vin"), job.vin},
                {QStringLiteral("technician"), job.technician},
                {QStringLiteral("askedAt"), request.askedAt.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("askedFrom"), request.askedFrom},
                {QStringLiteral("daysWaited"), request.daysWaited(now)},
                {QStringLiteral("overdue"),
                 reminderDays > 0 && request.daysWaited(now) >= reminderDays},
            });
        }
        QJsonObject object{{QStringLiteral("jobs"), array},
                           {QStringLiteral("reminderDays"), reminderDays},
                           {QStringLiteral("overdue"), overdue}};
        if (const QString reminder = storage::StorageTexts::waitingReminder(overdue, reminderDays);
            !reminder.isEmpty())
            object.insert(QStringLiteral("reminder"), reminder);
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
                    << "\n";
        return ExitCodeShown;
    }
    if (waiting.isEmpty()) {
        context.out << Cli::tr("No job is waiting for a code.") << "\n";
        return ExitCodeShown;
    }
    for (const auto& [job, request] : waiting) {
        QStringList cells = {
            job.family ? Texts::familyName(*job.family) : QStringLiteral("-"), job.serial,
            request.askedFrom.isEmpty()
                ? Cli::tr("asked on %1")
                      .arg(request.askedAt.toLocalTime().toString(Qt::ISODate).left(10))
                : Cli::tr("asked of %1 on %2")
                      .arg(request.askedFrom,
                           request.askedAt.toLocalTime().toString(Qt::ISODate).left(10)),
            Cli::tr("waiting %n day(s)", nullptr, request.daysWaited(now))};
        for (const QString& detail : {job.customer, job.registration, job.vin})
            if (!detail.isEmpty())
                cells << detail;
        context.out << "#" << job.id << "  " << cells.join(QStringLiteral("  ")) << "\n";
    }
    if (const QString reminder = storage::StorageTexts::waitingReminder(overdue, reminderDays);
        !reminder.isEmpty())
        context.out << wrapped(reminder) << "\n";
    return ExitCodeShown;
}

int runJobsAnswer(Context& context, const QStringList& arguments) {
    const ParsedArguments parsed =
        parse(arguments, {QStringLiteral("--from")}, {QStringLiteral("--manufacturer")});
    if (!parsed.problem.isEmpty())
        return usageError(context, "jobs answer", parsed.problem);
    if (parsed.positional.size() != 2)
        return usageError(context, "jobs answer", Cli::tr("give the job's number and the code"));
    const auto id = jobIdFrom(parsed.positional.at(0));
    if (!id)
        return usageError(context, "jobs answer",
                          Cli::tr("“%1” is not a job number (radiocode jobs list --waiting shows "
                                  "them)")
                              .arg(parsed.positional.at(0)));
    const QString code = cleanCode(parsed.positional.at(1));
    if (!isCode(code)) {
        context.err << "radiocode jobs answer: "
                    << Cli::tr("the code “%1” is not a code: a code is exactly 4 digits.").arg(code)
                    << "\n";
        return ExitInvalidInput;
    }
    const QString from = parsed.values.value(QStringLiteral("--from")).trimmed();
    if (from.isEmpty())
        return usageError(context, "jobs answer",
                          Cli::tr("--from NAME is needed: the code is kept with who gave it"));
    const bool manufacturer = parsed.flags.contains(QStringLiteral("--manufacturer"));
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs answer: " << error << "\n";
        return exitCode;
    }
    std::optional<storage::StoredCode> previous;
    const auto result = database->answerCodeRequest(
        *id, code,
        manufacturer ? storage::CodeProvenance::Manufacturer : storage::CodeProvenance::Dealer,
        from, &previous);
    switch (result) {
    case storage::Database::AnswerResult::Saved:
    case storage::Database::AnswerResult::SameCode: {
        const auto job = database->job(*id);
        const QString source = job ? job->source : QString();
        context.out << wrapped(Cli::tr("Saved: code %1 for %2. %3 (%4)")
                                   .arg(code, job ? job->serial : QString(),
                                        Texts::sourceDescription(source), source))
                    << "\n"
                    << wrapped(Cli::tr("Job #%1: enter the code on the radio (radiocode sheet %2 "
                                       "--out FILE.pdf prints the sheet), then record what "
                                       "happened: radiocode jobs outcome %1 worked (or refused).")
                                   .arg(QString::number(*id), job ? job->serial : QString()))
                    << "\n";
        if (job && job->family)
            printEntrySteps(context, *job->family, code);
        return ExitCodeShown;
    }
    case storage::Database::AnswerResult::Conflict:
        context.err << "radiocode jobs answer: "
                    << wrapped(Cli::tr("the code database holds %1 for this radio (%2), not %3: "
                                       "nothing was changed. Check the answer with %4.")
                                   .arg(previous->code,
                                        Texts::sourceDescription(previous->source()), code, from))
                    << "\n";
        return ExitFailure;
    case storage::Database::AnswerResult::NotWaiting:
        context.err << "radiocode jobs answer: "
                    << Cli::tr("job #%1 is not waiting for a code (radiocode jobs list --waiting "
                               "shows those that are).")
                           .arg(*id)
                    << "\n";
        return ExitInvalidInput;
    case storage::Database::AnswerResult::NotFound:
        context.err << "radiocode jobs answer: " << Cli::tr("there is no job #%1.").arg(*id)
                    << "\n";
        return ExitInvalidInput;
    case storage::Database::AnswerResult::Failed:
        break;
    }
    context.err << "radiocode jobs answer: " << database->lastError() << "\n";
    return ExitFailure;
}

int runJobsOutcome(Context& context, const QStringList& arguments) {
    const ParsedArguments parsed = parse(arguments, {QStringLiteral("--technician")}, {});
    if (!parsed.problem.isEmpty())
        return usageError(context, "jobs outcome", parsed.problem);
    if (parsed.positional.size() != 2)
        return usageError(context, "jobs outcome",
                          Cli::tr("give the job's number and worked, refused or not-tried"));
    const auto id = jobIdFrom(parsed.positional.at(0));
    if (!id)
        return usageError(context, "jobs outcome",
                          Cli::tr("“%1” is not a job number").arg(parsed.positional.at(0)));
    const auto outcome = storage::outcomeFromId(parsed.positional.at(1));
    if (!outcome)
        return usageError(context, "jobs outcome",
                          Cli::tr("unknown outcome “%1”: use worked, refused or not-tried")
                              .arg(parsed.positional.at(1)));
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs outcome: " << error << "\n";
        return exitCode;
    }
    const auto before = database->job(*id);
    if (!before) {
        context.err << "radiocode jobs outcome: " << Cli::tr("there is no job #%1.").arg(*id)
                    << "\n";
        return ExitInvalidInput;
    }
    if (!database->recordOutcome(*id, *outcome,
                                 parsed.values.value(QStringLiteral("--technician")).trimmed())) {
        context.err << "radiocode jobs outcome: " << wrapped(database->lastError()) << "\n";
        return ExitFailure;
    }
    context.out
        << Cli::tr("Job #%1: %2.").arg(*id).arg(storage::StorageTexts::outcomeName(*outcome))
        << "\n";
    if (*outcome == storage::Outcome::Refused && before->family) {
        const QString warning = storage::StorageTexts::attemptWarning(
            database->attempts(*before->family, before->serial));
        if (!warning.isEmpty())
            context.out << wrapped(warning) << "\n";
    }
    return ExitCodeShown;
}

} // namespace radiocode::cli
