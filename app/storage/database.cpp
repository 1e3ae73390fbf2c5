// The connection: opening (creating an SQLite file owner-only, falling back to read-only),
// write transactions, reconnecting a lost PostgreSQL connection, and errors in words.
#include "storage/database.h"
#include "storage/database_columns.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
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

// The size limit a file written by this process may reach (RLIMIT_FSIZE), or -1 for none.
qint64 fileSizeLimit() {
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return static_cast<qint64>(limit.rlim_cur);
#endif
    return -1;
}

} // namespace

namespace {
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
    findQuery_.reset();
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
    QString connectOptions = QStringLiteral("connect_timeout=%1").arg(options.connectTimeoutS);
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
    findQuery_.reset(); // prepared on the old connection
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
    findQuery_.reset();
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

QString Database::describe(const QSqlError& error) {
    const QString where = location_.displayUrl();
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    if (isSqlite()) {
        const int code = error.nativeErrorCode().toInt() & 0xff;
        if (code == 8 || code == 10 || code == 13) // read-only, I/O error, full: reading may work
            mayReadOnly_ = QFileInfo::exists(location_.path);
        if (isReadOnly() && code == 8)
            return tr("%1 Nothing can be saved until then; lookups still work.")
                .arg(readOnlyReason_);
        switch (code) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            return tr("The database %1 is locked by another program that is writing to it. Try "
                      "again in a moment, or close the other program.")
                .arg(where);
        case 8: // SQLITE_READONLY
            return tr("The database file %1 is read-only: ask for write access to it or choose "
                      "another database.")
                .arg(location_.path);
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return tr("%1 is not a radiocode database, or it is damaged (%2). Choose another file; "
                      "this one was not changed.")
                .arg(location_.path, detail);
        case 10: { // SQLITE_IOERR: the system refused a read or write
            const QStorageInfo disk(QFileInfo(location_.path).absolutePath());
            const qint64 limit = fileSizeLimit();
            const qint64 largest =
                std::max(QFileInfo(location_.path).size(),
                         QFileInfo(location_.path + QStringLiteral("-wal")).size());
            // Within a few pages of the limit: the write that failed was the one past it.
            if (limit >= 0 && largest + 256 * 1024 >= limit)
                return tr("Writing the database file %1 failed: it reached the file size limit "
                          "set for this program (%2). Nothing was saved; raise the limit (ulimit "
                          "-f) or ask whoever set it, then try again.")
                    .arg(location_.path, QLocale().formattedDataSize(limit));
            if (disk.isValid() && disk.bytesAvailable() < 1024 * 1024)
                return tr("The disk holding the database file %1 is full: nothing was saved. Free "
                          "some space, then try again.")
                    .arg(location_.path);
            return tr("Reading or writing the database file %1 failed (%2): the disk may be full, "
                      "the file may have hit a size limit, or the disk may be failing. Nothing "
                      "was saved.")
                .arg(location_.path, detail);
        }
        case 13: // SQLITE_FULL
            return tr("The disk holding the database file %1 is full: nothing was saved. Free "
                      "some space, then try again.")
                .arg(location_.path);
        case 14: // SQLITE_CANTOPEN
            return tr("Cannot open the database file %1 (%2).").arg(location_.path, detail);
        default:
            break;
        }
    } else if (error.nativeErrorCode() == QLatin1String("55P03") ||
               error.nativeErrorCode() == QLatin1String("57014")) {
        // lock_timeout or statement_timeout: another program holds a table, or the server is
        // too slow to answer.
        const double waited =
            (inTransaction_ ? options_.writeTimeoutMs : options_.readTimeoutMs) / 1000.0;
        if (inTransaction_)
            return tr("The code database %1 is busy: saving waited %2 s for another program "
                      "that holds its tables (an import, a backup, a long query) and gave up. "
                      "Nothing was saved; try again when the other program has finished.")
                .arg(where)
                .arg(waited);
        return tr("The code database %1 is busy: it did not answer within %2 s, because another "
                  "program holds its tables (an import, a backup, a long query). The code may be "
                  "on record: try again in a moment.")
            .arg(where)
            .arg(waited);
    } else if (error.type() == QSqlError::ConnectionError || !connection().isOpen()) {
        if (detail.isEmpty())
            return tr("Lost the connection to the database %1. Check that the server is running "
                      "and reachable, then try again.")
                .arg(where);
        return tr("Lost the connection to the database %1: %2").arg(where, detail);
    }
    if (detail.isEmpty())
        return tr("The database %1 reported an error it did not describe.").arg(where);
    return tr("The database %1 reported an error: %2").arg(where, detail);
}

} // namespace radiocode::storage
