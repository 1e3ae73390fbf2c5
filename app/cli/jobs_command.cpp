// radiocode jobs list|export|add|attempts: the job log from the command line.
#include "commands.h"
#include "database_access.h"
#include "texts.h"

#include "storage_texts.h"

#include "radiocode/recognition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace radiocode::cli {
namespace {

void printHelp(Context& context) {
    context.out
        << Cli::tr("Usage: radiocode jobs list [FILTERS] [--json]") << "\n"
        << Cli::tr("       radiocode jobs export [FILE] [FILTERS] [--force]") << "\n"
        << Cli::tr("       radiocode jobs add SERIAL [--code C] [--outcome O] [--attempts N] "
                   "[--technician T] [--customer C] [--registration R] [--vin V] [--source S] "
                   "[--notes TEXT]")
        << "\n"
        << Cli::tr("       radiocode jobs attempts SERIAL [--json]") << "\n"
        << Cli::tr("       radiocode jobs list --waiting [--json]") << "\n"
        << Cli::tr("       radiocode jobs answer JOB-ID CODE --from NAME [--manufacturer]") << "\n"
        << Cli::tr("       radiocode jobs outcome JOB-ID worked|refused|not-tried [--technician T]")
        << "\n\n"
        << Cli::tr("Filters:") << "\n"
        << "  --family F     " << Cli::tr("blaupunkt, renault, becker or visteon") << "\n"
        << "  --outcome O    " << Cli::tr("worked, refused or not-tried") << "\n"
        << "  --since DATE   " << Cli::tr("jobs from this day on (YYYY-MM-DD or a date and time)")
        << "\n"
        << "  --until DATE   " << Cli::tr("jobs before this day") << "\n"
        << "  --search TEXT  "
        << Cli::tr("technician, customer, registration, VIN, serial, code or notes contain TEXT")
        << "\n"
        << "  --limit N      " << Cli::tr("the newest N jobs only") << "\n\n"
        << Cli::tr("attempts tells how often a code was refused for SERIAL since it last worked, "
                   "and what to do before the next try.")
        << "\n"
        << Cli::tr("list --waiting shows the jobs whose code was asked of a dealer (radiocode "
                   "request), how long each has waited, and a reminder after the days set in "
                   "radiocode-finder. answer saves the code a dealer (or with --manufacturer, the "
                   "manufacturer's service) gave for a waiting job. outcome records whether the "
                   "radio accepted a job's code: a code that worked is kept in the code database, "
                   "a refused one is flagged for the next lookup.")
        << "\n\n"
        << Cli::tr("Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.")
        << "\n";
}

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

// Reads the value of an option at arguments[index]: "--x value" or "--x=value".
bool takeValue(const QStringList& arguments, qsizetype& index, const QString& name,
               QString& value) {
    const QString& argument = arguments.at(index);
    if (argument.startsWith(name + QLatin1Char('='))) {
        value = argument.mid(name.size() + 1);
        return true;
    }
    if (argument == name && index + 1 < arguments.size()) {
        value = arguments.at(++index);
        return true;
    }
    return false;
}

bool isOption(const QString& argument, const char* name) {
    const QLatin1String option(name);
    return argument == option || argument.startsWith(option + QLatin1Char('='));
}

// Parses the filters; other arguments go to `rest`. Returns an exit code on error, -1 when fine.
int parseFilter(Context& context, const char* command, const QStringList& arguments,
                storage::JobFilter& filter, QStringList& rest) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        QString value;
        if (isOption(argument, "--family")) {
            std::optional<Family> family;
            if (!takeFamilyOption(context, arguments, i, family))
                return ExitInvalidInput;
            filter.family = family;
        } else if (isOption(argument, "--outcome")) {
            if (!takeValue(arguments, i, QStringLiteral("--outcome"), value))
                return usageError(context, command, Cli::tr("--outcome needs a value"));
            filter.outcome = storage::outcomeFromId(value);
            if (!filter.outcome)
                return usageError(
                    context, command,
                    Cli::tr("unknown outcome “%1”: use worked, refused or not-tried").arg(value));
        } else if (isOption(argument, "--since") || isOption(argument, "--until")) {
            const bool since = argument.startsWith(QLatin1String("--since"));
            const QString name = since ? QStringLiteral("--since") : QStringLiteral("--until");
            if (!takeValue(arguments, i, name, value))
                return usageError(context, command, Cli::tr("%1 needs a date").arg(name));
            const auto date = parseDate(value);
            if (!date)
                return usageError(context, command,
                                  Cli::tr("“%1” is not a date: write it as YYYY-MM-DD, e.g. %2")
                                      .arg(value, QDate::currentDate().toString(Qt::ISODate)));
            (since ? filter.since : filter.until) = *date;
        } else if (isOption(argument, "--search")) {
            if (!takeValue(arguments, i, QStringLiteral("--search"), filter.text))
                return usageError(context, command, Cli::tr("--search needs a text"));
        } else if (isOption(argument, "--limit")) {
            bool ok = false;
            if (!takeValue(arguments, i, QStringLiteral("--limit"), value) ||
                (filter.limit = value.toInt(&ok), !ok) || filter.limit <= 0)
                return usageError(context, command, Cli::tr("--limit needs a positive number"));
        } else {
            rest << argument;
        }
    }
    return -1;
}

QJsonObject jobJson(const storage::Job& job) {
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("time"), job.time.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("technician"), job.technician},
        {QStringLiteral("customer"), job.customer},
        {QStringLiteral("registration"), job.registration},
        {QStringLiteral("vin"), job.vin},
        {QStringLiteral("family"),
         job.family ? QJsonValue(Texts::fromUtf8(familyId(*job.family))) : QJsonValue()},
        {QStringLiteral("serial"), job.serial},
        {QStringLiteral("code"), job.code},
        {QStringLiteral("source"), job.source},
        {QStringLiteral("outcome"), storage::outcomeId(job.outcome)},
        {QStringLiteral("attempts"), job.attempts},
        {QStringLiteral("partNumber"), job.partNumber},
        {QStringLiteral("notes"), job.notes},
    };
}

int runList(Context& context, const QStringList& arguments) {
    if (arguments.contains(QLatin1String("--waiting")))
        return runWaitingJobs(context, arguments);
    storage::JobFilter filter;
    QStringList rest;
    if (const int exit = parseFilter(context, "jobs list", arguments, filter, rest); exit >= 0)
        return exit;
    bool json = false;
    for (const QString& argument : rest) {
        if (argument == QLatin1String("--json"))
            json = true;
        else
            return usageError(context, "jobs list",
                              Cli::tr("unexpected argument %1").arg(argument));
    }
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs list: " << error << "\n";
        return exitCode;
    }
    const QList<storage::Job> jobs = database->jobs(filter);
    if (jobs.isEmpty() && !database->lastError().isEmpty()) {
        context.err << "radiocode jobs list: " << database->lastError() << "\n";
        return ExitFailure;
    }
    // A job whose code was asked of a dealer says so, not "not tried".
    const QHash<qint64, storage::CodeRequest> waiting =
        storage::StorageTexts::waitingById(database->waitingJobs());
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
        context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("jobs"), array}})
                                             .toJson(QJsonDocument::Compact))
                    << "\n";
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

int runExport(Context& context, const QStringList& arguments) {
    storage::JobFilter filter;
    QStringList rest;
    if (const int exit = parseFilter(context, "jobs export", arguments, filter, rest); exit >= 0)
        return exit;
    QString fileName;
    bool force = false;
    for (const QString& argument : rest) {
        if (argument == QLatin1String("--force"))
            force = true;
        else if (argument.startsWith(QLatin1String("--")))
            return usageError(context, "jobs export", Cli::tr("unknown option %1").arg(argument));
        else if (fileName.isEmpty())
            fileName = argument;
        else
            return usageError(context, "jobs export", Cli::tr("one file at a time"));
    }
    return exportToFileOrStdout(context, "jobs export", fileName, force,
                                [&filter](storage::Database& database, QIODevice& device) {
                                    return database.exportJobs(device, filter);
                                });
}

// The serial as the core reads it; prints why not and returns nothing when it is invalid.
std::optional<Recognition> recogniseSerial(Context& context, const char* command,
                                           const QString& text) {
    const QByteArray raw = text.toUtf8();
    Recognition recognition =
        finalised(recognise(std::string_view(raw.constData(), static_cast<size_t>(raw.size()))));
    if (recognition.state == InputState::Invalid) {
        context.err << "radiocode " << command << ": " << Texts::message(recognition) << "\n";
        for (const std::string& suggestion : recognition.suggestions)
            context.err << Texts::suggestion(Texts::fromUtf8(suggestion)) << "\n";
        return std::nullopt;
    }
    return recognition;
}

int runAdd(Context& context, const QStringList& arguments) {
    storage::Job job;
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        QString value;
        struct TextOption {
            const char* name;
            QString* field;
        };
        const TextOption textOptions[] = {
            {"--code", &job.code},         {"--technician", &job.technician},
            {"--customer", &job.customer}, {"--registration", &job.registration},
            {"--vin", &job.vin},           {"--source", &job.source},
            {"--notes", &job.notes}};
        bool handled = false;
        for (const TextOption& option : textOptions) {
            if (isOption(argument, option.name)) {
                if (!takeValue(arguments, i, QLatin1String(option.name), *option.field))
                    return usageError(context, "jobs add",
                                      Cli::tr("%1 needs a value").arg(QLatin1String(option.name)));
                handled = true;
            }
        }
        if (handled)
            continue;
        if (isOption(argument, "--outcome")) {
            if (!takeValue(arguments, i, QStringLiteral("--outcome"), value) ||
                !storage::outcomeFromId(value))
                return usageError(context, "jobs add",
                                  Cli::tr("--outcome needs worked, refused or not-tried"));
            job.outcome = *storage::outcomeFromId(value);
        } else if (isOption(argument, "--attempts")) {
            bool ok = false;
            if (!takeValue(arguments, i, QStringLiteral("--attempts"), value) ||
                (job.attempts = value.toInt(&ok), !ok) || job.attempts < 0 || job.attempts > 99)
                return usageError(context, "jobs add",
                                  Cli::tr("--attempts needs a number from 0 to 99"));
        } else if (argument.startsWith(QLatin1String("--"))) {
            return usageError(context, "jobs add", Cli::tr("unknown option %1").arg(argument));
        } else {
            positional << argument;
        }
    }
    if (positional.size() != 1)
        return usageError(context, "jobs add", Cli::tr("give one serial"));
    const auto recognition = recogniseSerial(context, "jobs add", positional.first());
    if (!recognition)
        return ExitInvalidInput;
    job.family = recognition->family;
    job.serial = Texts::fromUtf8(recognition->serial);
    if (job.outcome != storage::Outcome::NotTried && job.attempts == 0)
        job.attempts = 1;
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs add: " << error << "\n";
        return exitCode;
    }
    const auto id = database->addJob(job);
    if (!id) {
        context.err << "radiocode jobs add: " << database->lastError() << "\n";
        return ExitFailure;
    }
    context.out << Cli::tr("Saved job #%1.").arg(*id) << "\n";
    if (job.family) {
        const QString warning =
            storage::StorageTexts::attemptWarning(database->attempts(*job.family, job.serial));
        if (!warning.isEmpty())
            context.out << warning << "\n";
    }
    return ExitCodeShown;
}

int runAttempts(Context& context, const QStringList& arguments) {
    bool json = false;
    QStringList positional;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--json"))
            json = true;
        else if (argument.startsWith(QLatin1String("--")))
            return usageError(context, "jobs attempts", Cli::tr("unknown option %1").arg(argument));
        else
            positional << argument;
    }
    if (positional.size() != 1)
        return usageError(context, "jobs attempts", Cli::tr("give one serial"));
    const auto recognition = recogniseSerial(context, "jobs attempts", positional.first());
    if (!recognition || !recognition->family)
        return ExitInvalidInput;
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode jobs attempts: " << error << "\n";
        return exitCode;
    }
    const QString serial = Texts::fromUtf8(recognition->serial);
    const storage::AttemptHistory history = database->attempts(*recognition->family, serial);
    const QString warning = storage::StorageTexts::attemptWarning(history);
    if (json) {
        const QJsonObject object{{QStringLiteral("serial"), serial},
                                 {QStringLiteral("refused"), history.refusedAttempts},
                                 {QStringLiteral("lockout"), history.lockoutLikely()},
                                 {QStringLiteral("message"), warning}};
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
                    << "\n";
        return ExitCodeShown;
    }
    context.out
        << (warning.isEmpty()
                ? Cli::tr("No refused code is recorded for %1 since it last worked.").arg(serial)
                : warning)
        << "\n";
    return ExitCodeShown;
}

} // namespace

int runJobs(Context& context, const QStringList& arguments) {
    return runAction(context, "jobs", arguments,
                     {{"list", runList},
                      {"export", runExport},
                      {"add", runAdd},
                      {"attempts", runAttempts},
                      {"answer", runJobsAnswer},
                      {"outcome", runJobsOutcome}},
                     printHelp);
}

} // namespace radiocode::cli
