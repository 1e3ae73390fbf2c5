// When no code is on record: the owner's radio card (`radiocode card`), a code request to a
// dealer or the manufacturer's service (`radiocode request`), the jobs waiting for an answer
// (`jobs list --waiting`), the answer (`jobs answer`) and the outcome on the radio
// (`jobs outcome`), which teaches the code database what worked and what was refused.
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/database_access.h"
#include "cli/sheet_print.h"
#include "common/texts.h"
#include "sheet/label_photo.h"
#include "sheet/request_letter.h"
#include "storage/job_pictures.h"

#include "storage/storage_texts.h"

#include "radiocode/calculators.h"
#include "radiocode/recognition.h"

#include <QDate>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace radiocode::cli {
namespace {

QString cleanCode(const QString& text) {
    return text.trimmed();
}

// False, after saying so, when `code` is not four digits.
bool checkCode(Context& context, const Command& command, const QString& code) {
    if (isCodeText(code))
        return true;
    context.err << "radiocode " << command.name() << ": "
                << Cli::tr("the code “%1” is not a code: a code is exactly 4 digits.").arg(code)
                << "\n";
    return false;
}

// --- radiocode card ------------------------------------------------------------------------

class CardCommand final : public Command {
public:
    CardCommand()
        : Command("card",
                  QT_TRANSLATE_NOOP("radiocode::cli", "The code from the owner's radio card")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {
            valueOption("card-serial", "S", Cli::tr("the serial printed on the card (required)")),
            valueOption("code", "C", Cli::tr("the code on the card (required)")),
            valueOption("technician", "T", Cli::tr("who does the job")),
            valueOption("customer", "NAME", Cli::tr("the owner")),
            valueOption("registration", "R", Cli::tr("the vehicle's registration")),
            valueOption("vin", "V", Cli::tr("the vehicle identification number"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL"); }
    QString description() const override {
        return Cli::tr("The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): its serial "
                       "must be the radio's. When it is, the card's code is shown with how to "
                       "enter it, and the job is logged; the code goes into the code database "
                       "once the radio accepted it (radiocode jobs outcome JOB-ID worked). When "
                       "the serials differ the radio was probably swapped, and no code is shown.");
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 the card's code is shown, 2 the serials differ or the "
                       "input is invalid, 3 the work could not be done.");
    }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int CardCommand::execute(Context& context, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().isEmpty())
        return usageError(context, Cli::tr("the radio's serial is missing."));
    const QString cardSerialText = parser.value(QStringLiteral("card-serial"));
    if (cardSerialText.trimmed().isEmpty())
        return usageError(context,
                          Cli::tr("--card-serial S is needed: the serial printed on the card."));
    const QString code = cleanCode(parser.value(QStringLiteral("code")));
    if (code.isEmpty())
        return usageError(context, Cli::tr("--code C is needed: the code on the card."));

    const Recognition radio =
        recogniseSerial(rawArgument(parser.positionalArguments().join(QLatin1Char(' '))));
    if (!radio.isValid()) {
        printSerialProblem(context, name(), radio, Cli::tr("the radio's serial"));
        return ExitInvalidInput;
    }
    const Family family = *radio.family;
    const QString serial = Texts::fromUtf8(radio.serial);
    // The card's serial cleaned up the same way, read as the radio's family.
    const Recognition card = recogniseSerial(rawArgument(cardSerialText), family);
    if (!card.isValid()) {
        printSerialProblem(context, name(), card, Cli::tr("the card's serial"));
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
    if (!checkCode(context, *this, code))
        return ExitInvalidInput;
    const QString technician = parser.value(QStringLiteral("technician")).trimmed();
    const Provenance source =
        Provenance::named(Provenance::Kind::CardEntered, technician.toStdString());
    context.out << Cli::tr("Family: %1").arg(Texts::familyName(family)) << "\n"
                << Cli::tr("Serial: %1").arg(serial) << "\n"
                << Cli::tr("Code: %1").arg(code) << "\n"
                << wrapped(Cli::tr("Source: %1 (%2)")
                               .arg(Texts::sourceDescription(source),
                                    QString::fromStdString(source.id())),
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
        printEntrySteps(context, family, code.toStdString());
        return ExitCodeShown;
    }
    if (familyInfo(family).origin == CodeOrigin::CodeDatabase) {
        if (const auto stored = database->codes().findCode(family, serial);
            stored && stored->code != code)
            context.out << wrapped(Cli::tr("Warning: the code database holds %1 for this serial "
                                           "(%2). Check the card and the label before trying.")
                                       .arg(stored->code,
                                            Texts::sourceDescription(stored->sourceProvenance())),
                                   9)
                        << "\n";
    }
    storage::Job job;
    job.technician = technician;
    job.customer = parser.value(QStringLiteral("customer"));
    job.registration = parser.value(QStringLiteral("registration"));
    job.vin = parser.value(QStringLiteral("vin"));
    job.family = family;
    job.serial = serial;
    job.code = code;
    job.source = source;
    if (const auto id = database->jobLog().addJob(job)) {
        context.out << wrapped(Cli::tr("Saved job #%1. Once the radio accepts the code: radiocode "
                                       "jobs outcome %1 worked (or refused).")
                                   .arg(*id))
                    << "\n";
    } else {
        context.err << wrapped(Cli::tr("radiocode card: the job could not be logged: %1")
                                   .arg(database->lastError()))
                    << "\n";
    }
    printEntrySteps(context, family, code.toStdString());
    return ExitCodeShown;
}

// --- radiocode request ---------------------------------------------------------------------

class RequestCommand final : public Command {
public:
    RequestCommand()
        : Command("request",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Ask a dealer for the code (PDF letter)")) {}

    bool drawsPages() const override { return true; }

protected:
    QList<QCommandLineOption> options() const override {
        return {valueOption("out", "FILE.pdf", Cli::tr("where to write the letter (required)")),
                valueOption("vin", "V", Cli::tr("the vehicle identification number")),
                valueOption("registration", "R", Cli::tr("the vehicle's registration")),
                valueOption("customer", "C", Cli::tr("the owner")),
                partNumberOption(Cli::tr("the Blaupunkt part number from the label")),
                valueOption("to", "NAME", Cli::tr("the dealer or service asked")),
                valueOption("technician", "T", Cli::tr("who asks")),
                valueOption("photo", "IMAGE", Cli::tr("a picture of the label, printed small")),
                valueOption("paper", "a4|letter", Cli::tr("paper size")),
                familyOption(Cli::tr("read the serial as this family's"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL"); }
    QString description() const override {
        return Cli::tr("Writes a request for the radio's code to a Nissan dealer or the "
                       "Blaupunkt/Becker service: the workshop (name, address and contact from "
                       "radiocode-finder's Workshop details), the vehicle, the radio, the proof "
                       "of ownership to enclose and the owner's signature. Fields not given are "
                       "left blank to fill in by hand. The job is logged as waiting for the "
                       "code: radiocode jobs list --waiting, and radiocode jobs answer JOB-ID "
                       "CODE --from NAME when the answer comes.");
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 the request was written and logged, 2 invalid serial or "
                       "arguments, 3 the file or the job log could not be written.");
    }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int RequestCommand::execute(Context& context, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().isEmpty())
        return usageError(context, Cli::tr("the serial is missing."));
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usageError(context, Cli::tr("--out FILE.pdf is missing."));
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        context.err << Cli::tr("radiocode request: the request cannot be drawn without fonts.")
                    << "\n";
        return ExitFailure;
    }
    std::optional<Family> family;
    if (!readFamily(context, *this, parser, family))
        return ExitInvalidInput;
    PaperSize paper;
    if (!readPaper(context, *this, parser, paper))
        return ExitInvalidInput;

    const Recognition recognition =
        recogniseSerial(rawArgument(parser.positionalArguments().join(QLatin1Char(' '))), family);
    if (recognition.state == InputState::Invalid || !recognition.family) {
        printSerialProblem(context, name(), recognition);
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
    content.recipient = parser.value(QStringLiteral("to")).trimmed();
    content.date = QDate::currentDate();
    content.registration = parser.value(QStringLiteral("registration")).trimmed();
    content.owner = parser.value(QStringLiteral("customer")).trimmed();
    content.vin = parser.value(QStringLiteral("vin"));
    if (!readVin(context, *this, content.vin))
        return ExitInvalidInput;
    const QString partNumber = parser.value(QStringLiteral("part-number")).trimmed();
    if (const QString problem =
            RequestLetter::partNumberProblem(partNumber, radioFamily, content.serial);
        !problem.isEmpty()) {
        context.err << "radiocode request: " << wrapped(Cli::tr("--part-number: %1").arg(problem))
                    << "\n";
        return ExitInvalidInput;
    }
    content.partNumber = partNumber;
    if (const QString photo = parser.value(QStringLiteral("photo")); !photo.isEmpty()) {
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
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    if (const auto stored = database->codes().findCode(radioFamily, content.serial))
        context.out << wrapped(Cli::tr("Note: the code database already holds a code for %1 (%2): "
                                       "radiocode lookup %1")
                                   .arg(content.serial,
                                        Texts::sourceDescription(stored->sourceProvenance())))
                    << "\n";
    // Logged first, so the letter can name the job the answer belongs to.
    storage::Job job;
    job.technician = parser.value(QStringLiteral("technician")).trimmed();
    job.customer = content.owner;
    job.registration = content.registration;
    job.vin = content.vin;
    job.family = radioFamily;
    job.serial = content.serial;
    const auto id = database->jobLog().addJob(job);
    if (!id || !database->jobLog().addCodeRequest(*id, content.recipient)) {
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
        database->jobLog().removeCodeRequest(*id); // not sent: not waiting
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

int runWaitingJobs(Context& context, bool json) {
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, QStringLiteral("jobs list"), exitCode);
    if (!database)
        return exitCode;
    const auto waiting = database->jobLog().waitingJobs();
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
            QJsonObject object = jobIdentityJson(job);
            object.insert(QStringLiteral("askedAt"), request.askedAt.toUTC().toString(Qt::ISODate));
            object.insert(QStringLiteral("askedFrom"), request.askedFrom);
            object.insert(QStringLiteral("daysWaited"), request.daysWaited(now));
            object.insert(QStringLiteral("overdue"),
                          reminderDays > 0 && request.daysWaited(now) >= reminderDays);
            array.append(object);
        }
        QJsonObject object{{QStringLiteral("jobs"), array},
                           {QStringLiteral("reminderDays"), reminderDays},
                           {QStringLiteral("overdue"), overdue}};
        if (const QString reminder = storage::StorageTexts::waitingReminder(overdue, reminderDays);
            !reminder.isEmpty())
            object.insert(QStringLiteral("reminder"), reminder);
        printJsonLine(context, object);
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

namespace {

class AnswerCommand final : public Command {
public:
    AnswerCommand()
        : Command("jobs answer",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Save the code a dealer gave for a job")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {valueOption("from", "NAME", Cli::tr("who gave the code (required)")),
                QCommandLineOption(QStringLiteral("manufacturer"),
                                   Cli::tr("the manufacturer's service gave it, not a dealer"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("JOB-ID CODE"); }
    QString description() const override {
        return Cli::tr("answer saves the code a dealer (or with --manufacturer, the "
                       "manufacturer's service) gave for a waiting job.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int AnswerCommand::execute(Context& context, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 2)
        return usageError(context, Cli::tr("give the job's number and the code"));
    const auto id = jobIdFrom(parser.positionalArguments().at(0));
    if (!id)
        return usageError(context,
                          Cli::tr("“%1” is not a job number (radiocode jobs list --waiting shows "
                                  "them)")
                              .arg(parser.positionalArguments().at(0)));
    const QString code = cleanCode(parser.positionalArguments().at(1));
    if (!checkCode(context, *this, code))
        return ExitInvalidInput;
    const QString from = parser.value(QStringLiteral("from")).trimmed();
    if (from.isEmpty())
        return usageError(context,
                          Cli::tr("--from NAME is needed: the code is kept with who gave it"));
    const bool manufacturer = parser.isSet(QStringLiteral("manufacturer"));
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    std::optional<storage::StoredCode> previous;
    const auto result = database->jobLog().answerCodeRequest(
        *id, code,
        manufacturer ? storage::CodeProvenance::Manufacturer : storage::CodeProvenance::Dealer,
        from, &previous);
    switch (result) {
    case storage::JobLog::AnswerResult::Saved:
    case storage::JobLog::AnswerResult::SameCode: {
        const auto job = database->jobLog().job(*id);
        const Provenance source = job ? job->source : Provenance{};
        context.out << wrapped(Cli::tr("Saved: code %1 for %2. %3 (%4)")
                                   .arg(code, job ? job->serial : QString(),
                                        Texts::sourceDescription(source),
                                        QString::fromStdString(source.id())))
                    << "\n"
                    << wrapped(Cli::tr("Job #%1: enter the code on the radio (radiocode sheet %2 "
                                       "--out FILE.pdf prints the sheet), then record what "
                                       "happened: radiocode jobs outcome %1 worked (or refused).")
                                   .arg(QString::number(*id), job ? job->serial : QString()))
                    << "\n";
        if (job && job->family)
            printEntrySteps(context, *job->family, code.toStdString());
        return ExitCodeShown;
    }
    case storage::JobLog::AnswerResult::Conflict:
        context.err << "radiocode jobs answer: "
                    << wrapped(Cli::tr("the code database holds %1 for this radio (%2), not %3: "
                                       "nothing was changed. Check the answer with %4.")
                                   .arg(previous->code,
                                        Texts::sourceDescription(previous->sourceProvenance()),
                                        code, from))
                    << "\n";
        return ExitFailure;
    case storage::JobLog::AnswerResult::NotWaiting:
        context.err << "radiocode jobs answer: "
                    << Cli::tr("job #%1 is not waiting for a code (radiocode jobs list --waiting "
                               "shows those that are).")
                           .arg(*id)
                    << "\n";
        return ExitInvalidInput;
    case storage::JobLog::AnswerResult::NotFound:
        context.err << "radiocode jobs answer: " << Cli::tr("there is no job #%1.").arg(*id)
                    << "\n";
        return ExitInvalidInput;
    case storage::JobLog::AnswerResult::Failed:
        break;
    }
    context.err << "radiocode jobs answer: " << database->lastError() << "\n";
    return ExitFailure;
}

class OutcomeCommand final : public Command {
public:
    OutcomeCommand()
        : Command("jobs outcome",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Record whether the radio took the code")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {valueOption("technician", "T", Cli::tr("who tried the code"))};
    }
    QString argumentsSynopsis() const override {
        return QStringLiteral("JOB-ID worked|refused|not-tried");
    }
    QString description() const override {
        return Cli::tr("outcome records whether the radio accepted a job's code: a code that "
                       "worked is kept in the code database, a refused one is flagged for the "
                       "next lookup.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int OutcomeCommand::execute(Context& context, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 2)
        return usageError(context,
                          Cli::tr("give the job's number and worked, refused or not-tried"));
    const auto id = jobIdFrom(parser.positionalArguments().at(0));
    if (!id)
        return usageError(
            context, Cli::tr("“%1” is not a job number").arg(parser.positionalArguments().at(0)));
    const auto outcome = storage::outcomeFromId(parser.positionalArguments().at(1));
    if (!outcome)
        return usageError(context, Cli::tr("unknown outcome “%1”: use worked, refused or not-tried")
                                       .arg(parser.positionalArguments().at(1)));
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    const auto before = database->jobLog().job(*id);
    if (!before) {
        context.err << "radiocode jobs outcome: " << Cli::tr("there is no job #%1.").arg(*id)
                    << "\n";
        return ExitInvalidInput;
    }
    if (!database->jobLog().recordOutcome(*id, *outcome,
                                          parser.value(QStringLiteral("technician")).trimmed())) {
        context.err << "radiocode jobs outcome: " << wrapped(database->lastError()) << "\n";
        return ExitFailure;
    }
    context.out
        << Cli::tr("Job #%1: %2.").arg(*id).arg(storage::StorageTexts::outcomeName(*outcome))
        << "\n";
    if (*outcome == storage::Outcome::Refused && before->family) {
        const QString warning = storage::StorageTexts::attemptWarning(
            database->jobLog().attempts(*before->family, before->serial));
        if (!warning.isEmpty())
            context.out << wrapped(warning) << "\n";
    }
    return ExitCodeShown;
}

} // namespace

std::unique_ptr<Command> makeCardCommand() {
    return std::make_unique<CardCommand>();
}

std::unique_ptr<Command> makeRequestCommand() {
    return std::make_unique<RequestCommand>();
}

std::unique_ptr<Command> makeJobsAnswerCommand() {
    return std::make_unique<AnswerCommand>();
}

std::unique_ptr<Command> makeJobsOutcomeCommand() {
    return std::make_unique<OutcomeCommand>();
}

} // namespace radiocode::cli
