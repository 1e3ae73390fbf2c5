#include "cli/database_access.h"

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/output_target.h"

#include "storage/code_database_source.h"
#include "storage/storage_texts.h"

#include <QFileInfo>

namespace radiocode::cli {
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

std::unique_ptr<storage::Database> openDatabaseFor(Context& context, const QString& command,
                                                   int& exitCode) {
    QString error;
    auto database = openDatabase(context, &error, &exitCode);
    if (!database)
        context.err << "radiocode " << command << ": " << error << "\n";
    return database;
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
    // record), not that it holds no code. A batch of Visteon serials never touches it.
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
                              database->jobLog().attempts(family, QString::fromStdString(serial)))
                        : QString();
    };
    context.addCodeSource(std::move(source));
}

QCommandLineOption forceOption() {
    return QCommandLineOption(QStringLiteral("force"), Cli::tr("overwrite an existing FILE"));
}

int exportCsv(Context& context, const Command& command, const QCommandLineParser& parser,
              const std::function<bool(storage::Database&, QIODevice&)>& write) {
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return command.usageError(context, Cli::tr("one file at a time"));
    const QString fileName = files.isEmpty() ? QString() : files.first();
    auto failed = [&](const QString& message) {
        context.err << "radiocode " << command.name() << ": " << message << "\n";
        return ExitFailure;
    };
    // Checked before the database is opened: a refused target costs no connection.
    QString error;
    context.out.flush();
    const auto target = OutputTarget::open(fileNameArgument(fileName),
                                           parser.isSet(QStringLiteral("force")), &error);
    if (!target)
        return failed(error);
    int exitCode = ExitFailure;
    const auto database = openDatabaseFor(context, command.name(), exitCode);
    if (!database)
        return exitCode;
    if (!write(*database, target->device()))
        return failed(database->lastError());
    if (!target->finish(&error))
        return failed(error);
    return ExitCodeShown;
}

} // namespace radiocode::cli
