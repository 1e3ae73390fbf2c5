// radiocode db import|add|export|info: the workshop's code database from the command line.
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/database_access.h"
#include "cli/output_target.h"
#include "cli/platform_io.h"
#include "common/texts.h"

#include "storage/code_database_source.h"
#include "storage/database.h"
#include "storage/storage_texts.h"

#include "radiocode/recognition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace radiocode::cli {
namespace {

QString dbExitStatus() {
    return Cli::tr("Exit status: 0 done, 2 invalid input or arguments, 3 the file or the "
                   "database could not be used (or a different code is already stored).");
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
                << ",\"errors\":"
                << QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)) << "}\n";
}

class ImportCommand final : public Command {
public:
    ImportCommand()
        : Command("db import",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Import a CSV list of serials and codes")) {}

protected:
    QList<QCommandLineOption> options() const override {
        const QString column = Cli::tr("the column by its header name or its number (from 1)");
        return {
            valueOption("serial-column", "C", column), valueOption("code-column", "C", column),
            QCommandLineOption(QStringLiteral("restore-leading-zeros"),
                               Cli::tr("import 420 as 0420 (a spreadsheet dropped the zero), "
                                       "marked in the source; without it such rows are "
                                       "skipped")),
            QCommandLineOption(QStringLiteral("dry-run"), Cli::tr("check and count, save nothing")),
            jsonOption(Cli::tr("print one JSON object: imported, duplicates, skipped, "
                               "conflicts, errors"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("FILE|-"); }
    QString description() const override {
        return Cli::tr("Imports a CSV list with a serial and a code column (comma, semicolon or "
                       "tab; headers such as Serial No, Seriennummer, Seri No, Radio Code, Kod "
                       "are recognised). All accepted rows or none are saved; a stored code is "
                       "never overwritten. - reads the standard input.");
    }
    QString exitStatus() const override { return dbExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int ImportCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool json = parser.isSet(QStringLiteral("json"));
    storage::ImportOptions options;
    options.restoreLeadingZeros = parser.isSet(QStringLiteral("restore-leading-zeros"));
    for (const char* name : {"serial-column", "code-column"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        if (value.trimmed().isEmpty())
            return usageError(
                context,
                Cli::tr("%1 needs a column name or number").arg(QStringLiteral("--") + option));
        (option == QLatin1String("serial-column") ? options.columns.serial : options.columns.code) =
            value;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usageError(
            context, Cli::tr("one file at a time (got %1 and %2)").arg(files.at(0), files.at(1)));
    const QString fileName = files.isEmpty() ? QString() : files.first();
    if (fileName.isEmpty())
        return usageError(context, Cli::tr("the CSV file to import is missing (- reads the "
                                           "standard input)"));

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
        if (!file.open(context.input, QIODevice::ReadOnly))
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
    const storage::ImportReport report = database->codes().importCsv(file, recordedName, options);
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

class AddCommand final : public Command {
public:
    AddCommand()
        : Command("db add",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Record a code that worked on the radio")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {valueOption("technician", "NAME",
                            Cli::tr("who confirmed the code on the radio (required)")),
                QCommandLineOption(QStringLiteral("replace"),
                                   Cli::tr("replace another code stored for the serial"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL CODE"); }
    QString description() const override {
        return Cli::tr("Records a code that worked on the radio, with who confirmed it.");
    }
    QString exitStatus() const override { return dbExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int AddCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const QStringList positional = parser.positionalArguments();
    const bool replace = parser.isSet(QStringLiteral("replace"));
    if (positional.size() != 2)
        return usageError(context, Cli::tr("give the serial and the code"));
    const QString technician = parser.value(QStringLiteral("technician")).trimmed();
    if (technician.isEmpty())
        return usageError(context,
                          Cli::tr("--technician NAME is needed: a confirmed code records who "
                                  "confirmed it"));
    const Recognition recognition = recogniseSerial(positional.at(0).toUtf8());
    if (!recognition.isValid()) {
        printSerialProblem(context, name(), recognition);
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
    if (!isCodeText(code)) {
        context.err << "radiocode db add: "
                    << Cli::tr("the code “%1” is not exactly 4 digits.").arg(code) << "\n";
        return ExitInvalidInput;
    }
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    std::optional<storage::StoredCode> previous;
    switch (
        database->codes().addConfirmedCode(family, serial, code, technician, replace, &previous)) {
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

class ExportCommand final : public Command {
public:
    ExportCommand()
        : Command("db export", QT_TRANSLATE_NOOP("radiocode::cli", "Write every code as CSV")) {}

protected:
    QList<QCommandLineOption> options() const override { return {forceOption()}; }
    QString argumentsSynopsis() const override { return QStringLiteral("[FILE]"); }
    QString description() const override {
        return Cli::tr("Writes every code as CSV (serial,code,family,source,origin,created_at) to "
                       "FILE or the standard output.");
    }
    QString exitStatus() const override { return dbExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override {
        return exportCsv(context, *this, parser,
                         [](storage::Database& database, QIODevice& device) {
                             return database.codes().exportCodes(device);
                         });
    }
};

class InfoCommand final : public Command {
public:
    InfoCommand()
        : Command("db info", QT_TRANSLATE_NOOP("radiocode::cli",
                                               "Show which database is used and what it holds")) {}

protected:
    QString description() const override {
        return Cli::tr("Shows which database is used, why (--database, $RADIOCODE_DATABASE, the "
                       "desktop program's setting or the default) and what it holds.");
    }
    QString exitStatus() const override { return dbExitStatus(); }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

int InfoCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const QStringList arguments = parser.positionalArguments();
    if (!arguments.isEmpty())
        return usageError(context, Cli::tr("unexpected argument %1").arg(arguments.first()));
    QString origin;
    storage::DatabaseUrl::resolve(context.databaseUrl, &origin);
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, name(), exitCode);
    if (!database)
        return exitCode;
    context.out
        << Cli::tr("Database: %1 (chosen by %2)").arg(database->location().displayUrl(), origin)
        << "\n"
        << Cli::tr("Schema version: %1").arg(database->schemaVersion()) << "\n"
        << Cli::tr("Codes stored: %1").arg(database->codes().codeCount()) << "\n";
    return ExitCodeShown;
}

class DbCommand final : public CommandGroup {
public:
    DbCommand()
        : CommandGroup("db",
                       QT_TRANSLATE_NOOP("radiocode::cli",
                                         "Import, add and export codes of the code database")) {
        addAction(std::make_unique<ImportCommand>());
        addAction(std::make_unique<AddCommand>());
        addAction(std::make_unique<ExportCommand>());
        addAction(std::make_unique<InfoCommand>());
    }

protected:
    QString description() const override {
        return Cli::tr("The workshop's code database holds the Blaupunkt and Becker codes: "
                       "imported dealer lists and codes technicians confirmed on a radio.");
    }
    QString details() const override {
        return wrapped(Cli::tr("The database is --database URL, else $RADIOCODE_DATABASE, else "
                               "the desktop program's setting, else %1. URLs: "
                               "sqlite:/path/file.db, "
                               "postgresql://user[:password]@host[:port]/dbname.")
                           .arg(storage::DatabaseUrl::defaultUrl()));
    }
    QString exitStatus() const override { return dbExitStatus(); }
};

} // namespace

std::unique_ptr<Command> makeDbCommand() {
    return std::make_unique<DbCommand>();
}

} // namespace radiocode::cli
