// radiocode db import|add|export|info: the workshop's code database from the command line.
// Also opens the database for the other commands (Context::finder() asks addDatabaseSource).
#include "commands.h"
#include "database_access.h"
#include "output_target.h"
#include "platform_io.h"
#include "texts.h"

#include "code_database_source.h"
#include "database.h"
#include "storage_texts.h"

#include "radiocode/recognition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace radiocode::cli {
namespace {

void printHelp(Context& context) {
    context.out
        << Cli::tr("Usage: radiocode db import FILE|- [--serial-column C] [--code-column C] "
                   "[--restore-leading-zeros] [--dry-run] [--json]")
        << "\n"
        << Cli::tr("       radiocode db add SERIAL CODE --technician NAME [--replace]") << "\n"
        << Cli::tr("       radiocode db export [FILE] [--force]") << "\n"
        << Cli::tr("       radiocode db info") << "\n\n"
        << Cli::tr("The workshop's code database holds the Blaupunkt and Becker codes: imported "
                   "dealer lists and codes technicians confirmed on a radio.")
        << "\n\n"
        << wrapped(QStringLiteral("  import   ") +
                       Cli::tr("import a CSV list with a serial and a code column (comma, "
                               "semicolon or tab; headers such as Serial No, Seriennummer, Seri "
                               "No, Radio Code, Kod are recognised). All accepted rows or none "
                               "are saved; a stored code is never overwritten. - reads the "
                               "standard input."),
                   11)
        << "\n"
        << wrapped(QStringLiteral("           --serial-column C, --code-column C  ") +
                       Cli::tr("the column by its header name or its number (from 1)"),
                   13)
        << "\n"
        << wrapped(QStringLiteral("           --restore-leading-zeros  ") +
                       Cli::tr("import 420 as 0420 (a spreadsheet dropped the zero), marked in "
                               "the source; without it such rows are skipped"),
                   13)
        << "\n"
        << "           --dry-run  " << Cli::tr("check and count, save nothing") << "\n"
        << "           --json     "
        << Cli::tr("print one JSON object: imported, duplicates, skipped, conflicts, errors")
        << "\n"
        << "  add      " << Cli::tr("record a code that worked on the radio") << "\n"
        << "           --replace  " << Cli::tr("replace another code stored for the serial") << "\n"
        << "  export   "
        << Cli::tr("write every code as CSV (serial,code,family,source,origin,created_at) to FILE "
                   "or the standard output; --force overwrites an existing FILE")
        << "\n"
        << "  info     " << Cli::tr("show which database is used and what it holds") << "\n\n"
        << Cli::tr("The database is --database URL, else $RADIOCODE_DATABASE, else the desktop "
                   "program's setting, else %1. URLs: sqlite:/path/file.db, "
                   "postgresql://user[:password]@host[:port]/dbname.")
               .arg(storage::DatabaseUrl::defaultUrl())
        << "\n\n"
        << Cli::tr("Exit status: 0 done, 2 invalid input or arguments, 3 the file or the "
                   "database could not be used (or a different code is already stored).")
        << "\n";
}

QByteArray compactJson(const QJsonValue& value) {
    const QJsonDocument document(QJsonArray{value});
    QByteArray text = document.toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2); // without the array's brackets
}

// The object --json prints, keys in the documented order.
void printImportJson(Context& context, const storage::ImportReport& report,
                     const QString& failure) {
    QJsonArray errors;
    if (!failure.isEmpty())
        errors.append(
            QJsonObject{{QStringLiteral("line"), 0}, {QStringLiteral("message"), failure}});
    for (const storage::ImportIssue& issue : report.errors)
        errors.append(QJsonObject{{QStringLiteral("line"), issue.line},
                                  {QStringLiteral("message"), issue.message}});
    context.out << "{\"imported\":" << report.imported << ",\"duplicates\":" << report.duplicates
                << ",\"skipped\":" << report.skipped << ",\"conflicts\":" << report.conflictCount()
                << ",\"errors\":" << QString::fromUtf8(compactJson(errors)) << "}\n";
}

int runImport(Context& context, const QStringList& arguments) {
    QString fileName;
    bool haveFile = false;
    bool dryRun = false;
    bool json = false;
    storage::ImportOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        if (argument == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (argument == QLatin1String("--json")) {
            json = true;
        } else if (argument == QLatin1String("--restore-leading-zeros")) {
            options.restoreLeadingZeros = true;
        } else if (name == QLatin1String("--serial-column") ||
                   name == QLatin1String("--code-column")) {
            QString value;
            if (argument.contains(QLatin1Char('=')))
                value = argument.section(QLatin1Char('='), 1);
            else if (i + 1 < arguments.size())
                value = arguments.at(++i);
            if (value.trimmed().isEmpty())
                return usageError(context, "db import",
                                  Cli::tr("%1 needs a column name or number").arg(name));
            (name == QLatin1String("--serial-column") ? options.columns.serial
                                                      : options.columns.code) = value;
        } else if (argument.startsWith(QLatin1String("--")) && argument.size() > 2) {
            return usageError(context, "db import", Cli::tr("unknown option %1").arg(argument));
        } else if (!haveFile) {
            fileName = argument;
            haveFile = true;
        } else {
            return usageError(
                context, "db import",
                Cli::tr("one file at a time (got %1 and %2)").arg(fileName, argument));
        }
    }
    if (!haveFile || fileName.isEmpty())
        return usageError(context, "db import",
                          Cli::tr("the CSV file to import is missing (- reads the standard "
                                  "input)"));

    auto failed = [&](int exitCode, const QString& message) {
        if (json)
            printImportJson(context, {}, message);
        else
            context.err << "radiocode db import: " << message << "\n";
        return exitCode;
    };
    // The file as the bytes given, whatever they are; a pipe, a FIFO or - is read as a stream.
    QFile file;
    const bool standardInput = fileName == QLatin1String("-");
    const QString shownName = standardInput ? Cli::tr("the standard input") : fileName;
    QString openError;
    if (standardInput) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            openError = file.errorString();
    } else if (!openForReading(file, fileNameArgument(fileName), &openError)) {
        return failed(ExitFailure, openError);
    }
    if (!openError.isEmpty())
        return failed(ExitFailure, Cli::tr("Cannot read %1: %2").arg(shownName, openError));
    const QString recordedName = standardInput ? QStringLiteral("stdin") : fileName;
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database)
        return failed(exitCode, error);
    options.dryRun = dryRun;
    // Progress for a person watching a terminal; never in a pipe or a log.
    int shownPercent = -1;
    if (!json && stderrIsTerminal() && !file.isSequential() && file.size() > (1 << 20)) {
        options.progress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
            if (percent == shownPercent)
                return;
            shownPercent = percent;
            context.err << "\r" << Cli::tr("Importing %1… %2%").arg(fileName).arg(percent);
            context.err.flush();
        };
    }
    const storage::ImportReport report = database->importCsv(file, recordedName, options);
    if (shownPercent >= 0) {
        context.err << "\r\x1b[K";
        context.err.flush();
    }
    switch (report.status) {
    case storage::ImportReport::Status::BadFile:
        return failed(ExitInvalidInput,
                      report.columnsUnknown
                          ? report.failure + QLatin1Char(' ') +
                                Cli::tr("Choose them with --serial-column and --code-column (a "
                                        "name or a number, counting from 1).")
                          : report.failure);
    case storage::ImportReport::Status::DatabaseError:
    case storage::ImportReport::Status::Cancelled:
        return failed(ExitFailure, report.failure);
    case storage::ImportReport::Status::Done:
        break;
    }
    if (json) {
        printImportJson(context, report, {});
        return ExitCodeShown;
    }
    for (const storage::ImportIssue& issue : report.errors)
        context.out << Cli::tr("line %1: %2").arg(issue.line).arg(issue.message) << "\n";
    if (report.unlisted > 0)
        context.out
            << Cli::tr("… and %1 more rows with a problem, not listed.").arg(report.unlisted)
            << "\n";
    context.out << storage::StorageTexts::importSummary(report) << "\n";
    return ExitCodeShown;
}

int runAdd(Context& context, const QStringList& arguments) {
    QStringList positional;
    QString technician;
    bool replace = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--technician") && i + 1 < arguments.size())
            technician = arguments.at(++i);
        else if (argument.startsWith(QLatin1String("--technician=")))
            technician = argument.mid(13);
        else if (argument == QLatin1String("--technician"))
            return usageError(context, "db add", Cli::tr("--technician needs a name"));
        else if (argument == QLatin1String("--replace"))
            replace = true;
        else if (argument == QLatin1String("--"))
            positional << arguments.mid(i + 1), i = arguments.size();
        else if (argument.startsWith(QLatin1String("--")))
            return usageError(context, "db add", Cli::tr("unknown option %1").arg(argument));
        else
            positional << argument;
    }
    if (positional.size() != 2)
        return usageError(context, "db add", Cli::tr("give the serial and the code"));
    technician = technician.trimmed();
    if (technician.isEmpty())
        return usageError(context, "db add",
                          Cli::tr("--technician NAME is needed: a confirmed code records who "
                                  "confirmed it"));
    const QByteArray rawSerial = positional.at(0).toUtf8();
    const Recognition recognition = finalised(
        recognise(std::string_view(rawSerial.constData(), static_cast<size_t>(rawSerial.size()))));
    if (!recognition.isValid()) {
        context.err << "radiocode db add: " << Texts::message(recognition) << "\n";
        for (const std::string& suggestion : recognition.suggestions)
            context.err << Texts::suggestion(Texts::fromUtf8(suggestion)) << "\n";
        return ExitInvalidInput;
    }
    const Family family = *recognition.family;
    const QString serial = Texts::fromUtf8(recognition.serial);
    if (familyInfo(family).origin != CodeOrigin::CodeDatabase) {
        context.err << "radiocode db add: "
                    << Cli::tr("%1 is a %2 serial: its code is computed with the public "
                               "algorithm, not stored.")
                           .arg(serial, Texts::familyName(family))
                    << "\n";
        return ExitInvalidInput;
    }
    const QString code = positional.at(1).trimmed();
    static const QRegularExpression fourDigits(QStringLiteral("^[0-9]{4}$"));
    if (!fourDigits.match(code).hasMatch()) {
        context.err << "radiocode db add: "
                    << Cli::tr("the code “%1” is not exactly 4 digits.").arg(code) << "\n";
        return ExitInvalidInput;
    }
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode db add: " << error << "\n";
        return exitCode;
    }
    std::optional<storage::StoredCode> previous;
    switch (database->addConfirmedCode(family, serial, code, technician, replace, &previous)) {
    case storage::AddResult::Added:
        context.out << Cli::tr("Saved: %1 code %2, confirmed by %3.").arg(serial, code, technician)
                    << "\n";
        return ExitCodeShown;
    case storage::AddResult::Replaced:
        context.out << Cli::tr("Saved: %1 code %2, confirmed by %3 (replaces %4 from %5).")
                           .arg(serial, code, technician, previous->code, previous->source())
                    << "\n";
        return ExitCodeShown;
    case storage::AddResult::Confirmed:
        context.out << Cli::tr("Confirmed: %1 code %2 (from %3) is now marked as confirmed by %4.")
                           .arg(serial, code, previous ? previous->source() : QString(), technician)
                    << "\n";
        return ExitCodeShown;
    case storage::AddResult::Duplicate:
        context.out << Cli::tr("Already stored: %1 code %2 (%3).")
                           .arg(serial, code, previous ? previous->source() : QString())
                    << "\n";
        return ExitCodeShown;
    case storage::AddResult::Conflict:
        context.err << "radiocode db add: "
                    << Cli::tr("%1 is already stored with code %2 (%3): not changed. If the radio "
                               "accepted %4, add it again with --replace.")
                           .arg(serial, previous->code, previous->source(), code)
                    << "\n";
        return ExitFailure;
    case storage::AddResult::Failed:
        break;
    }
    context.err << "radiocode db add: " << database->lastError() << "\n";
    return ExitFailure;
}

int runExport(Context& context, const QStringList& arguments) {
    QString fileName;
    bool force = false;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--force"))
            force = true;
        else if (argument.startsWith(QLatin1String("--")))
            return usageError(context, "db export", Cli::tr("unknown option %1").arg(argument));
        else if (fileName.isEmpty())
            fileName = argument;
        else
            return usageError(context, "db export", Cli::tr("one file at a time"));
    }
    return exportToFileOrStdout(context, "db export", fileName, force,
                                [](storage::Database& database, QIODevice& device) {
                                    return database.exportCodes(device);
                                });
}

int runInfo(Context& context, const QStringList& arguments) {
    if (!arguments.isEmpty())
        return usageError(context, "db info",
                          Cli::tr("unexpected argument %1").arg(arguments.first()));
    QString origin;
    storage::DatabaseUrl::resolve(context.databaseUrl, &origin);
    QString error;
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode db info: " << error << "\n";
        return exitCode;
    }
    context.out
        << Cli::tr("Database: %1 (chosen by %2)").arg(database->location().displayUrl(), origin)
        << "\n"
        << Cli::tr("Schema version: %1").arg(database->schemaVersion()) << "\n"
        << Cli::tr("Codes stored: %1").arg(database->codeCount()) << "\n";
    return ExitCodeShown;
}

} // namespace

std::optional<storage::DatabaseLocation> databaseLocation(const Context& context, QString* error) {
    QString origin;
    const QString url = storage::DatabaseUrl::resolve(context.databaseUrl, &origin);
    // Given as bytes (an argument, the environment): parsed as those bytes.
    if (origin == QLatin1String("--database") && !context.databaseUrlBytes.isEmpty())
        return storage::DatabaseUrl::parse(context.databaseUrlBytes.trimmed(), error);
    if (origin == QLatin1String(storage::DatabaseUrl::environmentVariable))
        return storage::DatabaseUrl::parse(
            qgetenv(storage::DatabaseUrl::environmentVariable).trimmed(), error);
    return storage::DatabaseUrl::parse(url, error);
}

std::unique_ptr<storage::Database> openDatabase(Context& context, QString* error, int* exitCode) {
    *exitCode = ExitFailure;
    const auto location = databaseLocation(context, error);
    if (!location) {
        *exitCode = ExitInvalidInput;
        return nullptr;
    }
    return storage::Database::open(*location, error);
}

void addDatabaseSource(Context& context) {
    QString origin;
    storage::DatabaseUrl::resolve(context.databaseUrl, &origin);
    // A lookup does not create the default database: without one there is nothing to find.
    if (origin == QLatin1String("default") &&
        !QFileInfo::exists(storage::DatabaseUrl::defaultPath()))
        return;
    // Opened when a Blaupunkt or Becker serial (or the job log) first needs it, once: a database
    // that cannot be opened makes those lookups say it could not be reached (the code may be on
    // record), not that it holds no code.
    auto source = std::make_unique<storage::DatabaseCodeSource>();
    storage::DatabaseCodeSource* jobLog = source.get(); // owned by the context, as the lambdas are
    source->setOpener([&context](QString* error) -> std::unique_ptr<storage::Database> {
        const auto location = databaseLocation(context, error);
        return location ? storage::Database::open(*location, error) : nullptr;
    });
    source->setRetryInterval(-1);
    source->setOpenObserver([&context, jobLog] {
        const storage::Database* database = jobLog->openDatabase();
        if (!database) {
            context.err << Cli::tr("radiocode: the code database cannot be used, so Blaupunkt "
                                   "and Becker codes cannot be looked up: %1")
                               .arg(jobLog->openError())
                        << "\n";
        } else if (database->isReadOnly()) {
            context.err << wrapped(Cli::tr("radiocode: the code database is open read-only: "
                                           "lookups work, nothing can be saved. %1")
                                       .arg(database->readOnlyReason()))
                        << "\n";
        }
    });
    context.attemptWarning = [jobLog](Family family, const std::string& serial) {
        storage::Database* database = jobLog->database();
        return database ? storage::StorageTexts::attemptWarning(
                              database->attempts(family, QString::fromStdString(serial)))
                        : QString();
    };
    context.addCodeSource(std::move(source));
}

int exportToFileOrStdout(Context& context, const char* command, const QString& fileName, bool force,
                         const std::function<bool(storage::Database&, QIODevice&)>& write) {
    auto failed = [&](const QString& message) {
        context.err << "radiocode " << command << ": " << message << "\n";
        return ExitFailure;
    };
    // Checked before the database is opened: a refused target costs no connection.
    QString error;
    context.out.flush();
    const auto target = OutputTarget::open(fileNameArgument(fileName), force, &error);
    if (!target)
        return failed(error);
    int exitCode = ExitFailure;
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        context.err << "radiocode " << command << ": " << error << "\n";
        return exitCode;
    }
    if (!write(*database, target->device()))
        return failed(database->lastError());
    if (!target->finish(&error))
        return failed(error);
    return ExitCodeShown;
}

int runDb(Context& context, const QStringList& arguments) {
    return runAction(
        context, "db", arguments,
        {{"import", runImport}, {"add", runAdd}, {"export", runExport}, {"info", runInfo}},
        printHelp);
}

} // namespace radiocode::cli
