// The connection: opening (creating an SQLite file owner-only, falling back to read-only),
// write transactions and reconnecting a lost PostgreSQL connection (errors in words:
// database_errors.cpp).
#include "storage/database.h"
#include "storage/database_columns.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#endif

namespace radiocode::storage {
namespace {

// A path as the file system takes it (bytes). On Unix through the system calls, so a name that
// is not UTF-8 is still the file it names; elsewhere through Qt.
struct NativePath {
    QByteArray bytes;

    NativePath folder() const {
        QByteArray path = bytes;
        while (path.size() > 1 && path.endsWith('/'))
            path.chop(1);
        const qsizetype slash = path.lastIndexOf('/');
        if (slash < 0)
            return {QByteArrayLiteral(".")};
        return {slash == 0 ? QByteArrayLiteral("/") : path.left(slash)};
    }
#ifdef Q_OS_UNIX
    bool exists() const {
        return ::access(bytes.constData(), F_OK) == 0;
    }
    bool isDir() const {
        struct stat info {};
        return ::stat(bytes.constData(), &info) == 0 && S_ISDIR(info.st_mode);
    }
    bool isWritable() const {
        return ::access(bytes.constData(), W_OK) == 0;
    }
    bool createOwnerOnly(QString* reason) const {
        const int descriptor =
            ::open(bytes.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
        if (descriptor < 0) {
            *reason = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        ::close(descriptor);
        return true;
    }
    bool makeOwnerOnlyFolders() const {
        if (exists())
            return isDir();
        if (!folder().makeOwnerOnlyFolders())
            return false;
        return ::mkdir(bytes.constData(), S_IRWXU) == 0 || isDir();
    }
#else
    QString name() const {
        return QFile::decodeName(bytes);
    }
    bool exists() const {
        return QFileInfo::exists(name());
    }
    bool isDir() const {
        return QFileInfo(name()).isDir();
    }
    bool isWritable() const {
        return QFileInfo(name()).isWritable();
    }
    bool createOwnerOnly(QString* reason) const {
        QFile create(name());
        if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return true;
        *reason = create.errorString();
        return false;
    }
    bool makeOwnerOnlyFolders() const {
        if (!QDir().mkpath(name()))
            return false;
        QFile::setPermissions(name(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        return true;
    }
#endif
};

int timeoutFromEnvironment(const char* name, int fallbackMs) {
    bool ok = false;
    const double seconds = qEnvironmentVariable(name).trimmed().toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 24 * 3600)
        return fallbackMs;
    return std::max(1, static_cast<int>(seconds * 1000));
}

// PostgreSQL: how long statements and lock waits of this session may take.
void applyTimeouts(QSqlDatabase& db, int timeoutMs, bool local) {
    QSqlQuery query(db);
    const QString scope = local ? QStringLiteral("SET LOCAL ") : QStringLiteral("SET ");
    query.exec(scope + QStringLiteral("statement_timeout = %1").arg(timeoutMs));
    query.exec(scope + QStringLiteral("lock_timeout = %1").arg(timeoutMs));
}
} // namespace

int OpenOptions::defaultReadTimeoutMs() {
    return timeoutFromEnvironment("RADIOCODE_DB_TIMEOUT", 5000);
}

int OpenOptions::defaultWriteTimeoutMs() {
    return timeoutFromEnvironment("RADIOCODE_DB_WRITE_TIMEOUT", 60000);
}

// --- opening -------------------------------------------------------------------------------

Database::Database(DatabaseLocation location, QString connectionName)
    : location_(std::move(location)), connectionName_(std::move(connectionName)) {}

Database::~Database() {
    codes_.forgetPreparedQueries();
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
}

std::unique_ptr<Database> Database::open(const QString& url, QString* error,
                                         const OpenOptions& options) {
    const auto location = DatabaseUrl::parse(url, error);
    if (!location)
        return nullptr;
    return open(*location, error, options);
}

std::unique_ptr<Database> Database::open(const DatabaseLocation& location, QString* error,
                                         const OpenOptions& options) {
    static std::atomic<int> counter{0};
    std::unique_ptr<Database> db(
        new Database(location, QStringLiteral("radiocode-storage-%1").arg(++counter)));
    db->options_ = options;
    if (db->connect(options, error) && db->migrate(error))
        return db;
    if (!db->mayReadOnly_)
        return nullptr;
    // The file is there but cannot be written (read-only file or file system, full disk):
    // opened read-only, lookups still work and every write says why it cannot be saved.
    const QString reason = db->lastError_;
    db.reset();
    std::unique_ptr<Database> reader(
        new Database(location, QStringLiteral("radiocode-storage-%1").arg(++counter)));
    reader->options_ = options;
    reader->readOnlyReason_ = reason;
    if (!reader->connect(options, nullptr) || !reader->migrate(nullptr)) {
        if (error)
            *error = reason;
        return nullptr;
    }
    return reader;
}

bool Database::connect(const OpenOptions& options, QString* error) {
    auto failWith = [&](const QString& message) {
        lastError_ = message;
        if (error)
            *error = message;
        return false;
    };
    if (isSqlite()) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return failWith(tr("The SQLite driver for Qt is not installed (libqt6sql6-sqlite)."));
        // The file as the file system names it: bytes, which need not be UTF-8.
        const NativePath file{location_.nativePath.isEmpty() ? QFile::encodeName(location_.path)
                                                             : location_.nativePath};
        const NativePath folderPath = file.folder();
        const QString folder = QFile::decodeName(folderPath.bytes);
        if (!folderPath.exists()) {
            if (!folderPath.makeOwnerOnlyFolders())
                return failWith(tr("Cannot create the folder %1 for the database.").arg(folder));
        }
        if (file.isDir())
            return failWith(tr("%1 is a folder: the database must be a file.").arg(location_.path));
        if (!file.exists()) {
            // Created here, before SQLite sees it, so it is owner-only from the first byte;
            // SQLite gives its -wal and -shm files the same permissions.
            QString reason;
            if (!file.createOwnerOnly(&reason) && !file.exists())
                return failWith(
                    tr("Cannot create the database file %1: %2").arg(location_.path, reason));
        } else if (!isReadOnly() && !file.isWritable()) {
            mayReadOnly_ = true;
            return failWith(tr("The database file %1 is read-only: ask for write access to it or "
                               "choose another database.")
                                .arg(location_.path));
        }
        if (!isReadOnly() && !folderPath.isWritable()) {
            mayReadOnly_ = true;
            return failWith(tr("The folder %1 is read-only: SQLite needs to write its journal "
                               "beside the database file.")
                                .arg(folder));
        }
        // A name that is not UTF-8 reaches SQLite only as a file: URI with %-escaped bytes.
        const bool plainName = QFile::encodeName(location_.path) == file.bytes;
        const QString uri =
            QStringLiteral("file:") + QString::fromLatin1(file.bytes.toPercentEncoding("/"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
        const QString busy = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
        auto openAndRead = [&]() {
            if (!db.open())
                return false;
            QSqlQuery query(db);
            // A file that is not an SQLite database fails here, on the first read.
            if (!query.exec(
                    QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs)) ||
                !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
                failWith(describe(query.lastError()));
                return false;
            }
            return true;
        };
        if (!isReadOnly()) {
            db.setDatabaseName(plainName ? location_.path : uri);
            db.setConnectOptions(plainName ? busy : busy + QStringLiteral(";QSQLITE_OPEN_URI"));
            if (!db.open())
                return failWith(describe(db.lastError()));
            db.close(); // opened once to tell a failed open from a failed first read
            return openAndRead();
        }
        // Read-only; without the -shm file (a read-only file system) only as an immutable file.
        db.setDatabaseName(plainName ? location_.path : uri);
        db.setConnectOptions(busy + (plainName ? QStringLiteral(";QSQLITE_OPEN_READONLY")
                                               : QStringLiteral(";QSQLITE_OPEN_READONLY;"
                                                                "QSQLITE_OPEN_URI")));
        if (openAndRead())
            return true;
        db.close();
        db.setDatabaseName(uri + QStringLiteral("?immutable=1"));
        db.setConnectOptions(busy + QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!openAndRead())
            return failWith(describe(db.lastError()));
        return true;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return failWith(tr("The PostgreSQL driver for Qt is not installed (libqt6sql6-psql)."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName_);
    db.setHostName(location_.host);
    db.setPort(location_.port);
    db.setUserName(location_.user);
    db.setPassword(location_.password);
    db.setDatabaseName(location_.databaseName);
    // A pulled network cable sends no reset: without these a statement on the dead connection
    // waits for TCP to give up (a quarter of an hour). TCP keepalives find an idle connection
    // dead within about a quarter of a minute, so the next lookup fails at once; data the
    // server has not acknowledged after the read timeout ends the connection too.
    QString connectOptions =
        QStringLiteral("connect_timeout=%1;keepalives=1;keepalives_idle=10;"
                       "keepalives_interval=2;keepalives_count=3;tcp_user_timeout=%2")
            .arg(options.connectTimeoutS)
            .arg(options.readTimeoutMs);
    if (!location_.connectOptions.isEmpty())
        connectOptions += QLatin1Char(';') + location_.connectOptions;
    db.setConnectOptions(connectOptions);
    if (!db.open())
        return failWith(tr("Cannot connect to the database %1: %2")
                            .arg(location_.displayUrl(), db.lastError().databaseText().trimmed()));
    QSqlQuery query(db);
    query.exec(QStringLiteral("SET client_min_messages = warning"));
    applyTimeouts(db, options.readTimeoutMs, false);
    return true;
}

// --- transactions and errors ---------------------------------------------------------------

bool Database::beginWrite() {
    if (isReadOnly()) {
        lastError_ =
            tr("%1 Nothing can be saved until then; lookups still work.").arg(readOnlyReason_);
        return false;
    }
    // SQLite: take the write lock now (waiting up to the busy timeout) rather than failing
    // half-way when a read transaction cannot be upgraded.
    const QString begin = isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    for (int attempt = 0;; ++attempt) {
        QSqlQuery query(connection());
        if (query.exec(begin))
            break;
        const QSqlError error = query.lastError();
        query.finish();
        // Nothing was written yet: safe to try again on a new connection.
        if (attempt == 0 && reconnectIfLost())
            continue;
        if (!isSqlite() && !connection().isOpen())
            return false; // reconnectIfLost() said why
        return fail(error);
    }
    inTransaction_ = true;
    // A write may wait longer than a lookup (for another import to end), but not for ever.
    if (!isSqlite()) {
        QSqlDatabase db = connection();
        applyTimeouts(db, options_.writeTimeoutMs, true);
    }
    return true;
}

bool Database::commit() {
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        fail(query);
        rollback();
        return false;
    }
    inTransaction_ = false;
    return true;
}

void Database::rollback() {
    inTransaction_ = false;
    // A connection that is gone has rolled back already (the server drops what was not
    // committed); asking it again would only make Qt print a warning.
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}

bool Database::execInWrite(QSqlQuery& query, const QString& sql) {
    if (sql.isEmpty() ? query.exec() : query.exec(sql))
        return true;
    fail(query);
    rollback();
    return false;
}

std::optional<QSqlQuery> Database::read(const QString& sql, const QVariantList& values) {
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (query.exec())
        return query;
    if (reconnectIfLost())
        return retried([&] { return read(sql, values); });
    fail(query);
    return std::nullopt;
}

bool Database::reconnectIfLost() {
    if (isSqlite() || inTransaction_)
        return false;
    // After an attempt that waited for the connect timeout (server unreachable, not just down),
    // none for ten seconds: a batch of lookups does not wait that long per serial. Inside a
    // retry, none: a server that drops every connection cannot make the callers loop.
    if (retryDepth_ > 0 ||
        (reconnectFailed_ && slowReconnect_ && !lastReconnect_.hasExpired(10000)))
        return false;
    QSqlDatabase db = connection();
    if (db.isOpen()) {
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false; // the connection works: the query itself failed
    }
    codes_.forgetPreparedQueries(); // prepared on the old connection
    if (options_.connectionLost) {
        db.close();
        lastError_ = tr("Lost the connection to the database %1; connecting again. Try again in "
                        "a moment.")
                         .arg(location_.displayUrl());
        connectionLost_ = true;
        options_.connectionLost(); // on every call that finds it lost: the program tries again
        return false;
    }
    return reopenConnection();
}

bool Database::reconnect(QString* error) {
    if (isSqlite())
        return true;
    codes_.forgetPreparedQueries();
    const bool opened = reopenConnection();
    if (!opened && error)
        *error = lastError_;
    return opened;
}

bool Database::reopenConnection() {
    QSqlDatabase db = connection();
    lastReconnect_.start();
    db.close();
    const bool opened = db.open();
    slowReconnect_ = lastReconnect_.elapsed() >= 1000;
    connectionLost_ = !opened && options_.connectionLost;
    if (!opened) {
        reconnectFailed_ = true;
        const QString detail = db.lastError().databaseText().trimmed();
        lastError_ = detail.isEmpty()
                         ? tr("Lost the connection to the database %1 and cannot connect again. "
                              "Check that the server is running and reachable, then try again.")
                               .arg(location_.displayUrl())
                         : tr("Lost the connection to the database %1 and cannot connect again "
                              "(%2). Check that the server is running and reachable, then try "
                              "again.")
                               .arg(location_.displayUrl(), detail);
        return false;
    }
    reconnectFailed_ = false;
    QSqlQuery settings(db);
    settings.exec(QStringLiteral("SET client_min_messages = warning"));
    applyTimeouts(db, options_.readTimeoutMs, false);
    return true;
}

bool Database::fail(const QSqlError& error) {
    // After a failed reconnect, lastError_ already says the server cannot be reached.
    if (!((reconnectFailed_ || connectionLost_) && !isSqlite() && !connection().isOpen()))
        lastError_ = describe(error);
    return false;
}

bool Database::fail(const QSqlQuery& query) {
    return fail(query.lastError());
}

bool Database::cannotWriteExport(const QString& reason) {
    lastError_ = tr("Cannot write the export: %1").arg(reason);
    return false;
}

} // namespace radiocode::storage
