// radiocode jobs list|export|add|attempts (answer, outcome: no_code_commands.cpp): the job log
// from the command line.
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/database_access.h"
#include "common/texts.h"

#include "storage/storage_texts.h"

#include "radiocode/recognition.h"

#include <QJsonArray>
#include <QJsonObject>

namespace radiocode::cli {

QString jobsExitStatus() {
    return Cli::tr("Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.");
}

QJsonObject jobIdentityJson(const storage::Job& job) {
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("family"),
         job.family ? QJsonValue(Texts::fromUtf8(familyId(*job.family))) : QJsonValue()},
        {QStringLiteral("serial"), job.serial},
        {QStringLiteral("technician"), job.technician},
        {QStringLiteral("customer"), job.customer},
        {QStringLiteral("registration"), job.registration},
        {QStringLiteral("vin"), job.vin},
    };
}

namespace {

// "2026-11-24" (the start of that day, local time) or an ISO date and time.
std::optional<QDateTime> parseDate(const QString& text) {
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return date.startOfDay();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid())
        return time;
    return std::nullopt;
}

// The filters of `jobs list` and `jobs export`.
QList<QCommandLineOption> filterOptions() {
    return {familyOption(Cli::tr("blaupunkt, renault, becker or visteon")),
            valueOption("outcome", "O", Cli::tr("worked, refused or not-tried")),
            valueOption("since", "DATE",
                        Cli::tr("jobs from this day on (YYYY-MM-DD or a date and time)")),
            valueOption("until", "DATE", Cli::tr("jobs before this day")),
            valueOption("search", "TEXT",
                        Cli::tr("technician, customer, registration, VIN, serial, code or "
                                "notes contain TEXT")),
            valueOption("limit", "N", Cli::tr("the newest N jobs only"))};
}

// The filters given; false, after a usage error, when one is malformed.
bool readFilter(Context& context, const Command& command, const QCommandLineParser& parser,
                storage::JobFilter& filter) {
    if (!readFamily(context, command, parser, filter.family))
        return false;
    if (parser.isSet(QStringLiteral("outcome"))) {
        const QString value = parser.value(QStringLiteral("outcome"));
        filter.outcome = storage::outcomeFromId(value);
        if (!filter.outcome) {
            command.usageError(
                context,
                Cli::tr("unknown outcome “%1”: use worked, refused or not-tried").arg(value));
            return false;
        }
    }
    for (const bool since : {true, false}) {
        const QString name = since ? QStringLiteral("since") : QStringLiteral("until");
        if (!parser.isSet(name))
            continue;
        const QString value = parser.value(name);
        const auto date = parseDate(value);
        if (!date) {
            command.usageError(context,
                               Cli::tr("“%1” is not a date: write it as YYYY-MM-DD, e.g. %2")
                                   .arg(value, QDate::currentDate().toString(Qt::ISODate)));
            return false;
        }
        (since ? filter.since : filter.until) = *date;
    }
    filter.text = parser.value(QStringLiteral("search"));
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit <= 0) {
            command.usageError(context, Cli::tr("--limit needs a positive number"));
            return false;
        }
    }
    return true;
}

QJsonObject jobJson(const storage::Job& job) {
    QJsonObject object = jobIdentityJson(job);
    object.insert(QStringLiteral("time"), job.time.toUTC().toString(Qt::ISODate));
    object.insert(QStringLiteral("code"), job.code);
    object.insert(QStringLiteral("source"), QString::fromStdString(job.source.id()));
    object.insert(QStringLiteral("outcome"), storage::outcomeId(job.outcome));
    object.insert(QStringLiteral("attempts"), job.attempts);
    object.insert(QStringLiteral("partNumber"), job.partNumber);
    object.insert(QStringLiteral("notes"), job.notes);
    return object;
}

class ListCommand final : public Command {
public:
    ListCommand() : Command("jobs list", QT_TRANSLATE_NOOP("radiocode::cli", "List the job log")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return filterOptions() << QCommandLineOption(
                                      QStringLiteral("waiting"),
                                      Cli::tr("the jobs waiting for a dealer's answer instead (no "
                                              "filters)"))
                               << jsonOption(Cli::tr("print the jobs as one JSON object"));
    }
    QString description() const override {
        return Cli::tr("Lists the jobs of the job log, newest first.") + QStringLiteral("\n\n") +
               Cli::tr("list --waiting shows the jobs whose code was asked of a dealer (radiocode "
                       "request), how long each has waited, and a reminder after the days set in "
                       "radiocode-finder.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int ListCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("waiting"))) {
        // The first option (then argument) that is neither --waiting nor --json.
        QString other;
        for (const QString& name : parser.optionNames()) {
            if (name != QLatin1String("waiting") && name != QLatin1String("json")) {
                other = QStringLiteral("--") + name;
                break;
            }
        }
        if (other.isEmpty() && !parser.positionalArguments().isEmpty())
            other = parser.positionalArguments().first();
        if (!other.isEmpty())
            return usageError(context, Cli::tr("--waiting lists every waiting job: %1 cannot be "
                                               "combined with it.")
                                           .arg(other));
        return runWaitingJobs(context, json);
    }
    storage::JobFilter filter;
    if (!readFilter(context, *this, parser, filter))
        return ExitInvalidInput;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            context, Cli::tr("unexpected argument %1").arg(parser.positionalArguments().first()));
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    const QList<storage::Job> jobs = database->jobLog().jobs(filter);
    if (jobs.isEmpty() && !database->lastError().isEmpty()) {
        context.err << "radiocode jobs list: " << database->lastError() << "\n";
        return ExitFailure;
    }
    // A job whose code was asked of a dealer says so, not "not tried".
    const QHash<qint64, storage::CodeRequest> waiting =
        storage::StorageTexts::waitingById(database->jobLog().waitingJobs());
    if (json) {
        QJsonArray array;
        for (const storage::Job& job : jobs) {
            QJsonObject object = jobJson(job);
            if (const auto request = waiting.constFind(job.id); request != waiting.cend())
                object[QStringLiteral("waiting")] = QJsonObject{
                    {QStringLiteral("askedAt"), request->askedAt.toUTC().toString(Qt::ISODate)},
                    {QStringLiteral("askedFrom"), request->askedFrom}};
            array.append(object);
        }
        printJsonLine(context, QJsonObject{{QStringLiteral("jobs"), array}});
        return ExitCodeShown;
    }
    if (jobs.isEmpty()) {
        context.out << Cli::tr("No jobs match.") << "\n";
        return ExitCodeShown;
    }
    for (const storage::Job& job : jobs) {
        QStringList cells = {
            job.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            job.family ? Texts::familyName(*job.family) : QStringLiteral("-"),
            job.serial,
            job.code.isEmpty() ? QStringLiteral("----") : job.code,
            waiting.contains(job.id) ? storage::StorageTexts::waitingSince(waiting.value(job.id))
                                     : storage::StorageTexts::outcomeName(job.outcome),
            Cli::tr("%n attempt(s)", nullptr, job.attempts),
        };
        for (const QString& detail : {job.technician, job.customer, job.registration, job.vin})
            if (!detail.isEmpty())
                cells << detail;
        context.out << "#" << job.id << "  " << cells.join(QStringLiteral("  ")) << "\n";
        // Notes may run over several lines: indented under their job, one line each.
        if (!job.notes.trimmed().isEmpty())
            context.out << "    "
                        << Cli::tr("Notes: %1")
                               .arg(job.notes.trimmed()
                                        .split(QLatin1Char('\n'))
                                        .join(QStringLiteral("\n           ")))
                        << "\n";
    }
    return ExitCodeShown;
}

class ExportCommand final : public Command {
public:
    ExportCommand()
        : Command("jobs export", QT_TRANSLATE_NOOP("radiocode::cli", "Write the job log as CSV")) {}

protected:
    QList<QCommandLineOption> options() const override { return filterOptions() << forceOption(); }
    QString argumentsSynopsis() const override { return QStringLiteral("[FILE]"); }
    QString description() const override {
        return Cli::tr("Writes the jobs the filters choose as CSV to FILE or the standard output.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override {
        storage::JobFilter filter;
        if (!readFilter(context, *this, parser, filter))
            return ExitInvalidInput;
        return exportCsv(context, *this, parser,
                         [&filter](storage::Database& database, QIODevice& device) {
                             return database.jobLog().exportJobs(device, filter);
                         });
    }
};

// The one SERIAL of `jobs add` and `jobs attempts` as the core reads it; nothing, after saying
// why, when it is missing or invalid.
std::optional<Recognition> readSerial(Context& context, const Command& command,
                                      const QCommandLineParser& parser) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        command.usageError(context, Cli::tr("give one serial"));
        return std::nullopt;
    }
    Recognition recognition = recogniseSerial(positional.first().toUtf8());
    if (recognition.state == InputState::Invalid) {
        printSerialProblem(context, command.name(), recognition);
        return std::nullopt;
    }
    return recognition;
}

// The job's text fields, as options and as the Job's fields.
struct TextField {
    const char* option;
    const char* valueName;
    const char* description;
    QString storage::Job::*field; // nullptr: the source, a Provenance
};

const TextField jobTextFields[] = {
    {"code", "C", QT_TRANSLATE_NOOP("radiocode::cli", "the code tried"), &storage::Job::code},
    {"technician", "T", QT_TRANSLATE_NOOP("radiocode::cli", "who did the job"),
     &storage::Job::technician},
    {"customer", "C", QT_TRANSLATE_NOOP("radiocode::cli", "the customer"), &storage::Job::customer},
    {"registration", "R", QT_TRANSLATE_NOOP("radiocode::cli", "the vehicle's registration"),
     &storage::Job::registration},
    {"vin", "V", QT_TRANSLATE_NOOP("radiocode::cli", "the vehicle identification number"),
     &storage::Job::vin},
    {"source", "S", QT_TRANSLATE_NOOP("radiocode::cli", "where the code came from"), nullptr},
    {"notes", "TEXT", QT_TRANSLATE_NOOP("radiocode::cli", "free notes"), &storage::Job::notes},
};

class AddCommand final : public Command {
public:
    AddCommand() : Command("jobs add", QT_TRANSLATE_NOOP("radiocode::cli", "Log a job by hand")) {}

protected:
    QList<QCommandLineOption> options() const override {
        QList<QCommandLineOption> list;
        for (const TextField& field : jobTextFields)
            list << valueOption(field.option, field.valueName,
                                QCoreApplication::translate("radiocode::cli", field.description));
        return list << valueOption("outcome", "O", Cli::tr("worked, refused or not-tried"))
                    << valueOption("attempts", "N",
                                   Cli::tr("how often the code was tried (0 to 99)"));
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL"); }
    QString description() const override {
        return Cli::tr("Logs a job for the radio with SERIAL, and says when codes were refused "
                       "for it before.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int AddCommand::execute(Context& context, const QCommandLineParser& parser) const {
    storage::Job job;
    for (const TextField& field : jobTextFields)
        if (field.field)
            job.*field.field = parser.value(QString::fromLatin1(field.option));
    job.source = Provenance::fromId(parser.value(QStringLiteral("source")).toStdString());
    if (parser.isSet(QStringLiteral("outcome"))) {
        const auto outcome = storage::outcomeFromId(parser.value(QStringLiteral("outcome")));
        if (!outcome)
            return usageError(context, Cli::tr("--outcome needs worked, refused or not-tried"));
        job.outcome = *outcome;
    }
    if (parser.isSet(QStringLiteral("attempts"))) {
        bool ok = false;
        job.attempts = parser.value(QStringLiteral("attempts")).toInt(&ok);
        if (!ok || job.attempts < 0 || job.attempts > 99)
            return usageError(context, Cli::tr("--attempts needs a number from 0 to 99"));
    }
    const auto recognition = readSerial(context, *this, parser);
    if (!recognition)
        return ExitInvalidInput;
    job.family = recognition->family;
    job.serial = Texts::fromUtf8(recognition->serial);
    if (job.outcome != storage::Outcome::NotTried && job.attempts == 0)
        job.attempts = 1;
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    const auto id = database->jobLog().addJob(job);
    if (!id) {
        context.err << "radiocode jobs add: " << database->lastError() << "\n";
        return ExitFailure;
    }
    context.out << Cli::tr("Saved job #%1.").arg(*id) << "\n";
    // The outcome teaches the code database as `jobs outcome` does: a refused code is flagged
    // for everyone's next lookup.
    job.id = *id;
    if (job.outcome != storage::Outcome::NotTried &&
        !database->jobLog().learnFromOutcome(job, job.technician)) {
        context.err << "radiocode jobs add: " << database->lastError() << "\n";
        return ExitFailure;
    }
    if (job.family) {
        const QString warning = storage::StorageTexts::attemptWarning(
            database->jobLog().attempts(*job.family, job.serial));
        if (!warning.isEmpty())
            context.out << warning << "\n";
    }
    return ExitCodeShown;
}

class AttemptsCommand final : public Command {
public:
    AttemptsCommand()
        : Command("jobs attempts", QT_TRANSLATE_NOOP("radiocode::cli",
                                                     "How often a code was refused for a serial")) {
    }

protected:
    QList<QCommandLineOption> options() const override {
        return {jsonOption(Cli::tr("answer as one JSON object"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL"); }
    QString description() const override {
        return Cli::tr("attempts tells how often a code was refused for SERIAL since it last "
                       "worked, and what to do before the next try.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int AttemptsCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto recognition = readSerial(context, *this, parser);
    if (!recognition || !recognition->family)
        return ExitInvalidInput;
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    const QString serial = Texts::fromUtf8(recognition->serial);
    const storage::AttemptHistory history =
        database->jobLog().attempts(*recognition->family, serial);
    const QString warning = storage::StorageTexts::attemptWarning(history);
    if (json) {
        const QJsonObject object{{QStringLiteral("serial"), serial},
                                 {QStringLiteral("refused"), history.refusedAttempts},
                                 {QStringLiteral("lockout"), history.lockoutLikely()},
                                 {QStringLiteral("message"), warning}};
        printJsonLine(context, object);
        return ExitCodeShown;
    }
    context.out
        << (warning.isEmpty()
                ? Cli::tr("No refused code is recorded for %1 since it last worked.").arg(serial)
                : warning)
        << "\n";
    return ExitCodeShown;
}

class JobsCommand final : public CommandGroup {
public:
    JobsCommand()
        : CommandGroup("jobs", QT_TRANSLATE_NOOP("radiocode::cli", "List and export the job log")) {
        addAction(std::make_unique<ListCommand>());
        addAction(std::make_unique<ExportCommand>());
        addAction(std::make_unique<AddCommand>());
        addAction(std::make_unique<AttemptsCommand>());
        addAction(makeJobsAnswerCommand());
        addAction(makeJobsOutcomeCommand());
    }

protected:
    QString description() const override {
        return Cli::tr("The job log: every radio the workshop looked at, the code tried and "
                       "whether it worked. answer saves the code a dealer gave for a waiting job; "
                       "outcome records whether the radio accepted a job's code: a code that "
                       "worked is kept in the code database, a refused one is flagged for the "
                       "next lookup.");
    }
    QString exitStatus() const override { return jobsExitStatus(); }
};

} // namespace

std::unique_ptr<Command> makeJobsCommand() {
    return std::make_unique<JobsCommand>();
}

} // namespace radiocode::cli
