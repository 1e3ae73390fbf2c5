#include "database_access.h"

#include "command.h"
#include "commands.h"
#include "output_target.h"

#include "code_database_source.h"
#include "storage_texts.h"

#include <QFileInfo>

namespace radiocode::cli {
namespace {

// The database source the finder asks. It opens the database when a Blaupunkt or Becker serial
// (or the job log) first needs it: a batch of Visteon serials never touches it. A database that
// cannot be opened makes those lookups say it could not be reached (the code may be on record),
// not that it holds no code.
class LazyDatabaseSource final : public CodeSource {
public:
    explicit LazyDatabaseSource(Context& context) : context_(context) {}

    bool serves(Family family) const override {
        return familyInfo(family).origin == CodeOrigin::CodeDatabase;
    }
    std::optional<CodeAnswer> find(Family family, std::string_view serial) const override {
        return database() ? source_->find(family, serial) : std::nullopt;
    }
    std::string unavailableReason() const override {
        return source_ ? source_->unavailableReason() : reason_;
    }

    const storage::Database* database() const {
        if (!tried_) {
            tried_ = true;
            open();
        }
        return database_.get();
    }

private:
    void open() const {
        QString error;
        const auto location = databaseLocation(context_, &error);
        if (location)
            database_ = storage::Database::open(*location, &error);
        if (!database_) {
            reason_ = error.toStdString();
            context_.err << Cli::tr("radiocode: the code database cannot be used, so Blaupunkt "
                                    "and Becker codes cannot be looked up: %1")
                                .arg(error)
                         << "\n";
            return;
        }
        if (database_->isReadOnly())
            context_.err << wrapped(Cli::tr("radiocode: the code database is open read-only: "
                                            "lookups work, nothing can be saved. %1")
                                        .arg(database_->readOnlyReason()))
                         << "\n";
        source_.emplace(database_.get());
    }

    Context& context_;
    mutable bool tried_ = false;
    mutable std::unique_ptr<storage::Database> database_;
    mutable std::optional<storage::DatabaseCodeSource> source_;
    mutable std::string reason_;
};

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
    auto source = std::make_unique<LazyDatabaseSource>(context);
    const LazyDatabaseSource* jobLog = source.get(); // owned by the context, as the lambda is
    context.attemptWarning = [jobLog](Family family, const std::string& serial) {
        const storage::Database* database = jobLog->database();
        return database ? storage::StorageTexts::attemptWarning(
                              database->attempts(family, QString::fromStdString(serial)))
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
    const auto database = openDatabase(context, &error, &exitCode);
    if (!database) {
        failed(error);
        return exitCode;
    }
    if (!write(*database, target->device()))
        return failed(database->lastError());
    if (!target->finish(&error))
        return failed(error);
    return ExitCodeShown;
}

} // namespace radiocode::cli
