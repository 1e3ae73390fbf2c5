#include "database.h"

#include "csv_reader.h"
#include "csv_writer.h"
#include "job_pictures.h"
#include "storage_texts.h"
#include "texts.h"

#include "radiocode/recognition.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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
#include <vector>

namespace radiocode::storage {
namespace {

constexpr const char* schemaVersionKey = "schema_version";
// Rows per multi-row statement during an import: few round trips, well under the drivers'
// parameter limits (6 columns x 400 rows).
constexpr int importChunkRows = 400;
constexpr qint64 pgImportLockId = 7263011;

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString notNull(const QString& text) {
    return text.isNull() ? QStringLiteral("") : text;
}

QString timestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime fromTimestamp(const QString& text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString provenanceId(CodeProvenance provenance) {
    switch (provenance) {
    case CodeProvenance::Confirmed:
        return QStringLiteral("confirmed");
    case CodeProvenance::Card:
        return QStringLiteral("card");
    case CodeProvenance::Dealer:
        return QStringLiteral("dealer");
    case CodeProvenance::Manufacturer:
        return QStringLiteral("manufacturer");
    case CodeProvenance::Import:
        break;
    }
    return QStringLiteral("import");
}

CodeProvenance provenanceFromId(const QString& id) {
    for (const CodeProvenance provenance : {CodeProvenance::Confirmed, CodeProvenance::Card,
                                            CodeProvenance::Dealer, CodeProvenance::Manufacturer})
        if (id == provenanceId(provenance))
            return provenance;
    return CodeProvenance::Import;
}

QString familyText(Family family) {
    return Texts::fromUtf8(familyId(family));
}

std::optional<Family> familyFromText(const QString& text) {
    return familyFromId(text.toStdString());
}

// A cell as quoted in a message: at most 40 characters, control characters made visible, so a
// megabyte cell or a stray escape sequence cannot flood or garble the report.
QString excerpt(const QByteArray& cell) {
    QString text = QString::fromUtf8(cell.left(160));
    for (QChar& c : text)
        if (!c.isPrint() && c != QLatin1Char(' '))
            c = QChar::ReplacementCharacter;
    if (text.size() > 40 || cell.size() > 160)
        text = text.left(39) + QChar(0x2026);
    return text;
}

// The same statements for SQLite and PostgreSQL.
QStringList codeRequestMigration() {
    return {
        QStringLiteral("ALTER TABLE codes ADD COLUMN refused_by TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE codes ADD COLUMN refused_at TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE code_requests (job_id BIGINT PRIMARY KEY, asked_at TEXT NOT "
                       "NULL, asked_from TEXT NOT NULL DEFAULT '', answered_at TEXT NOT NULL "
                       "DEFAULT '', answered_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX code_requests_waiting ON code_requests (answered_at)"),
    };
}

// One migration: the statements that take schema version N-1 to N, per dialect.
struct Migration {
    int version;
    QStringList sqlite;
    QStringList postgresql;
};

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1,
         {
             QStringLiteral("CREATE TABLE codes (serial TEXT NOT NULL, family TEXT NOT NULL, "
                            "code TEXT NOT NULL, source TEXT NOT NULL, origin TEXT NOT NULL, "
                            "created_at TEXT NOT NULL, PRIMARY KEY (serial, family)) "
                            "WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                            "created_at TEXT NOT NULL, technician TEXT NOT NULL DEFAULT '', "
                            "customer TEXT NOT NULL DEFAULT '', registration TEXT NOT NULL "
                            "DEFAULT '', vin TEXT NOT NULL DEFAULT '', family TEXT, serial TEXT "
                            "NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', source TEXT NOT "
                            "NULL DEFAULT '', outcome TEXT NOT NULL, attempts INTEGER NOT NULL "
                            "DEFAULT 0)"),
         },
         {
             QStringLiteral("CREATE TABLE codes (serial TEXT NOT NULL, family TEXT NOT NULL, "
                            "code TEXT NOT NULL, source TEXT NOT NULL, origin TEXT NOT NULL, "
                            "created_at TEXT NOT NULL, PRIMARY KEY (serial, family))"),
             QStringLiteral("CREATE TABLE jobs (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                            "PRIMARY KEY, created_at TEXT NOT NULL, technician TEXT NOT NULL "
                            "DEFAULT '', customer TEXT NOT NULL DEFAULT '', registration TEXT NOT "
                            "NULL DEFAULT '', vin TEXT NOT NULL DEFAULT '', family TEXT, serial "
                            "TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', source TEXT "
                            "NOT NULL DEFAULT '', outcome TEXT NOT NULL, attempts INTEGER NOT NULL "
                            "DEFAULT 0)"),
         }},
        // The Blaupunkt part number that cross-checked the serial ('' when none was given).
        {2,
         {QStringLiteral("ALTER TABLE jobs ADD COLUMN part_number TEXT NOT NULL DEFAULT ''")},
         {QStringLiteral("ALTER TABLE jobs ADD COLUMN part_number TEXT NOT NULL DEFAULT ''")}},
        // Notes are kept with the job (history, reopen, reprint, jobs list and export).
        {3,
         {QStringLiteral("ALTER TABLE jobs ADD COLUMN notes TEXT NOT NULL DEFAULT ''")},
         {QStringLiteral("ALTER TABLE jobs ADD COLUMN notes TEXT NOT NULL DEFAULT ''")}},
        // Codes learned when none was on record: who refused a code on a radio and when, and the
        // jobs whose code was asked of a dealer or the manufacturer's service.
        {4, codeRequestMigration(), codeRequestMigration()},
        // The label photo a serial was read from, kept with its job (job_pictures.h).
        {5,
         {QStringLiteral("CREATE TABLE job_pictures (job_id INTEGER PRIMARY KEY, taken_at TEXT "
                         "NOT NULL DEFAULT '', serial_read TEXT NOT NULL DEFAULT '', "
                         "serial_frame TEXT NOT NULL DEFAULT '', jpeg BLOB NOT NULL)")},
         {QStringLiteral("CREATE TABLE job_pictures (job_id BIGINT PRIMARY KEY, taken_at TEXT "
                         "NOT NULL DEFAULT '', serial_read TEXT NOT NULL DEFAULT '', "
                         "serial_frame TEXT NOT NULL DEFAULT '', jpeg BYTEA NOT NULL)")}},
    };
    return all;
}

const QStringList& sharedMigrationOne() {
    static const QStringList statements = {
        QStringLiteral("CREATE INDEX jobs_by_serial ON jobs (serial, family)"),
        QStringLiteral("CREATE INDEX jobs_by_time ON jobs (created_at)"),
    };
    return statements;
}

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

QString codeProvenanceId(CodeProvenance provenance) {
    return provenanceId(provenance);
}

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

QString StoredCode::source() const {
    // A dealer's or the manufacturer's answer is named by who gave it, wherever it is stored.
    if (provenance == CodeProvenance::Dealer || provenance == CodeProvenance::Manufacturer)
        return provenanceId(provenance) + QLatin1Char(':') + origin;
    return QStringLiteral("database:") + provenanceId(provenance) + QLatin1Char(':') + origin;
}

QString outcomeId(Outcome outcome) {
    switch (outcome) {
    case Outcome::Worked:
        return QStringLiteral("worked");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::NotTried:
        break;
    }
    return QStringLiteral("not-tried");
}

std::optional<Outcome> outcomeFromId(const QString& id) {
    const QString key = id.trimmed().toLower();
    if (key == QLatin1String("worked"))
        return Outcome::Worked;
    if (key == QLatin1String("refused"))
        return Outcome::Refused;
    if (key == QLatin1String("not-tried") || key == QLatin1String("not tried") ||
        key == QLatin1String("nottried"))
        return Outcome::NotTried;
    return std::nullopt;
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

namespace {

constexpr int damagedSchema = -2;

// 0 when the database has no radiocode tables yet, -1 on error, damagedSchema when the table
// that records the schema is there without its record.
int readSchemaVersion(const QSqlDatabase& db, QString* foreignTables) {
    const QStringList tables = db.tables(QSql::Tables);
    if (!tables.contains(QStringLiteral("radiocode_meta"), Qt::CaseInsensitive)) {
        if (foreignTables)
            *foreignTables = tables.join(QStringLiteral(", "));
        return 0;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM radiocode_meta WHERE key = ?"));
    query.addBindValue(QLatin1String(schemaVersionKey));
    if (!query.exec())
        return -1;
    return query.next() ? query.value(0).toInt() : damagedSchema;
}

bool isPermissionDenied(const QSqlError& error) {
    return error.nativeErrorCode() == QLatin1String("42501");
}

} // namespace

int Database::schemaVersion() const {
    return readSchemaVersion(connection(), nullptr);
}

bool Database::migrate(QString* error) {
    auto failWith = [&](const QString& message) {
        lastError_ = message;
        if (error)
            *error = message;
        return false;
    };
    QSqlDatabase db = connection();
    QString foreignTables;
    auto damaged = [&] {
        return failWith(tr("The database %1 is a radiocode database whose schema record is "
                           "damaged (the table radiocode_meta or its schema_version row is "
                           "missing). It was not changed: restore it from a backup, or choose "
                           "another database.")
                            .arg(location_.displayUrl()));
    };
    auto checkVersion = [&](int version) {
        if (version == damagedSchema)
            return damaged();
        if (version < 0)
            return failWith(describe(db.lastError()));
        if (version > knownSchemaVersion)
            return failWith(tr("The database %1 was written by a newer version of this program "
                               "(schema %2; this version knows up to schema %3). It was not "
                               "changed: update the program to use it.")
                                .arg(location_.displayUrl())
                                .arg(version)
                                .arg(knownSchemaVersion));
        const QStringList tables = foreignTables.split(QStringLiteral(", "));
        if (version == 0 && tables.contains(QStringLiteral("codes"), Qt::CaseInsensitive) &&
            tables.contains(QStringLiteral("jobs"), Qt::CaseInsensitive))
            return damaged();
        if (version == 0 && !foreignTables.isEmpty())
            return failWith(tr("The database %1 holds other tables (%2) and is not a radiocode "
                               "database: choose another one.")
                                .arg(location_.displayUrl(), foreignTables));
        return true;
    };
    // Checked before anything is written, so a newer database is never touched.
    const int before = readSchemaVersion(db, &foreignTables);
    if (!checkVersion(before))
        return false;
    QSqlQuery query(db);
    if (isReadOnly()) {
        if (before == knownSchemaVersion)
            return true;
        return failWith(tr("%1 The database needs updating to schema %2 first, which cannot be "
                           "done while it cannot be written.")
                            .arg(readOnlyReason_)
                            .arg(knownSchemaVersion));
    }
    if (isSqlite()) {
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return failWith(describe(query.lastError()));
    }
    if (before == knownSchemaVersion)
        return true;
    if (!beginWrite())
        return failWith(lastError_);
    if (!isSqlite() &&
        !query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(pgImportLockId))) {
        rollback();
        return failWith(describe(query.lastError()));
    }
    // Another program may have migrated while this one waited for the lock.
    foreignTables.clear();
    const int current = readSchemaVersion(db, &foreignTables);
    if (!checkVersion(current)) {
        rollback();
        return false;
    }
    auto cannotCreate = [&](const QSqlError& error) {
        rollback();
        if (isPermissionDenied(error))
            return failWith(tr("The database user %1 may not create tables in %2, and the code "
                               "database needs its tables there. Ask the database's "
                               "administrator to let this user create tables (GRANT CREATE ON "
                               "SCHEMA public), or to open it once as its owner.")
                                .arg(location_.user, location_.displayUrl()));
        return failWith(describe(error));
    };
    if (current == 0) {
        if (!query.exec(QStringLiteral("CREATE TABLE radiocode_meta (key TEXT PRIMARY KEY, "
                                       "value TEXT NOT NULL)")))
            return cannotCreate(query.lastError());
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        QStringList statements = isSqlite() ? migration.sqlite : migration.postgresql;
        if (migration.version == 1)
            statements += sharedMigrationOne();
        for (const QString& statement : statements) {
            if (!query.exec(statement)) {
                if (isPermissionDenied(query.lastError()))
                    return cannotCreate(query.lastError());
                const QString message = describe(query.lastError());
                rollback();
                return failWith(tr("Updating the database to schema %1 failed, nothing was "
                                   "changed: %2")
                                    .arg(migration.version)
                                    .arg(message));
            }
        }
    }
    query.prepare(current == 0
                      ? QStringLiteral("INSERT INTO radiocode_meta (key, value) VALUES (?, ?)")
                      : QStringLiteral("UPDATE radiocode_meta SET key = ?, value = ? WHERE key = "
                                       "'schema_version'"));
    query.addBindValue(QLatin1String(schemaVersionKey));
    query.addBindValue(QString::number(knownSchemaVersion));
    if (!query.exec()) {
        rollback();
        return failWith(describe(query.lastError()));
    }
    if (!commit())
        return failWith(lastError_);
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

bool Database::reconnectIfLost() const {
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
    lastReconnect_.start();
    db.close();
    const bool opened = db.open();
    slowReconnect_ = lastReconnect_.elapsed() >= 1000;
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

bool Database::fail(const QSqlError& error) const {
    // After a failed reconnect, lastError_ already says the server cannot be reached.
    if (!(reconnectFailed_ && !isSqlite() && !connection().isOpen()))
        lastError_ = describe(error);
    return false;
}

bool Database::fail(const QSqlQuery& query) const {
    return fail(query.lastError());
}

QString Database::describe(const QSqlError& error) const {
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

// --- codes ---------------------------------------------------------------------------------

std::optional<StoredCode> Database::findCode(Family family, const QString& serial,
                                             bool* failed) const {
    if (failed)
        *failed = false;
    auto failWith = [&](const QSqlError& error) -> std::optional<StoredCode> {
        fail(error);
        if (failed)
            *failed = true;
        return std::nullopt;
    };
    for (int attempt = 0;; ++attempt) {
        QSqlError error;
        if (!findQuery_) {
            findQuery_ = std::make_unique<QSqlQuery>(connection());
            findQuery_->setForwardOnly(true);
            if (!findQuery_->prepare(
                    QStringLiteral("SELECT code, source, origin, created_at, refused_by, "
                                   "refused_at FROM codes WHERE serial = ? AND family = ?"))) {
                error = findQuery_->lastError();
                findQuery_.reset();
            }
        }
        if (findQuery_) {
            findQuery_->bindValue(0, serial);
            findQuery_->bindValue(1, familyText(family));
            if (findQuery_->exec())
                break;
            error = findQuery_->lastError();
        }
        // A read: safe to repeat on a new connection when the server was restarted.
        if (attempt == 0 && reconnectIfLost())
            continue;
        if (!isSqlite() && !connection().isOpen()) { // reconnectIfLost() said why
            if (failed)
                *failed = true;
            return std::nullopt;
        }
        return failWith(error);
    }
    QSqlQuery& query = *findQuery_;
    std::optional<StoredCode> found;
    if (query.next()) {
        found = StoredCode{family,
                           serial,
                           query.value(0).toString(),
                           provenanceFromId(query.value(1).toString()),
                           query.value(2).toString(),
                           fromTimestamp(query.value(3).toString())};
        if (const QString refusedAt = query.value(5).toString(); !refusedAt.isEmpty()) {
            found->refusedBy = query.value(4).toString();
            found->refusedAt = fromTimestamp(refusedAt);
        }
    }
    // Ends the read at once: an open statement would keep an old snapshot of the database.
    query.finish();
    return found;
}

AddResult Database::addConfirmedCode(Family family, const QString& serial, const QString& code,
                                     const QString& technician, bool replace,
                                     std::optional<StoredCode>* previous) {
    if (!beginWrite())
        return AddResult::Failed;
    QSqlQuery query(connection());
    // Every way out before the commit ends the transaction.
    const auto abandon = [this](AddResult result) {
        rollback();
        return result;
    };
    const auto failed = [&] {
        fail(query);
        return abandon(AddResult::Failed);
    };
    if (!isSqlite() &&
        !query.exec(QStringLiteral("LOCK TABLE codes IN SHARE ROW EXCLUSIVE MODE"))) {
        return failed();
    }
    lastError_.clear();
    const std::optional<StoredCode> stored = findCode(family, serial);
    if (!stored && !lastError_.isEmpty())
        return abandon(AddResult::Failed);
    if (previous)
        *previous = stored;
    AddResult result = AddResult::Added;
    if (stored) {
        if (stored->code == code) {
            if (stored->provenance == CodeProvenance::Confirmed)
                return abandon(AddResult::Duplicate);
            // It worked on a radio: that is worth more than a line in a list.
            query.prepare(QStringLiteral("UPDATE codes SET source = ?, origin = ?, created_at = ? "
                                         "WHERE serial = ? AND family = ?"));
            query.addBindValue(provenanceId(CodeProvenance::Confirmed));
            query.addBindValue(notNull(technician));
            query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(serial);
            query.addBindValue(familyText(family));
            if (!query.exec())
                return failed();
            return commit() ? AddResult::Confirmed : AddResult::Failed;
        }
        if (!replace)
            return abandon(AddResult::Conflict);
        query.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
        query.addBindValue(serial);
        query.addBindValue(familyText(family));
        if (!query.exec())
            return failed();
        result = AddResult::Replaced;
    }
    query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    query.addBindValue(code);
    query.addBindValue(provenanceId(CodeProvenance::Confirmed));
    query.addBindValue(notNull(technician));
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    if (!query.exec())
        return failed();
    return commit() ? result : AddResult::Failed;
}

bool Database::replaceCode(Family family, const QString& serial, const QString& code,
                           CodeProvenance provenance, const QString& origin) {
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                     "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        query.addBindValue(serial);
        query.addBindValue(familyText(family));
        query.addBindValue(code);
        query.addBindValue(provenanceId(provenance));
        query.addBindValue(notNull(origin));
        query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        ok = query.exec();
    }
    if (!ok) {
        fail(query);
        rollback();
        return false;
    }
    return commit();
}

bool Database::replaceCodes(const QList<ImportConflict>& chosen, const QString& fileName) {
    if (!beginWrite())
        return false;
    const QString origin = QFileInfo(fileName).fileName();
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    QSqlQuery remove(connection());
    QSqlQuery insert(connection());
    remove.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    insert.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ImportConflict& conflict : chosen) {
        remove.bindValue(0, conflict.serial);
        remove.bindValue(1, familyText(conflict.family));
        insert.bindValue(0, conflict.serial);
        insert.bindValue(1, familyText(conflict.family));
        insert.bindValue(2, conflict.fileCode);
        insert.bindValue(3, provenanceId(CodeProvenance::Import));
        insert.bindValue(4, notNull(origin));
        insert.bindValue(5, now);
        if (!remove.exec() || !insert.exec()) {
            fail(remove.lastError().isValid() ? remove.lastError() : insert.lastError());
            rollback();
            return false;
        }
    }
    return commit();
}

qint64 Database::codeCount() const {
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM codes")) || !query.next()) {
        if (reconnectIfLost())
            return retried([&] {
                return codeCount();
            }); // once: a second failure finds the new connection working
        fail(query);
        return -1;
    }
    return query.value(0).toLongLong();
}

namespace {

struct PendingRow {
    int line;
    Family family;
    QString serial;
    QString code;
    CodeProvenance provenance;
    QString origin;
    QString createdAt;
};

QString placeholders(int rows, int columns) {
    QString row = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QString all = row;
    all.reserve((row.size() + 2) * rows);
    for (int r = 1; r < rows; ++r)
        all += QStringLiteral(", ") + row;
    return all;
}

QString questionMarks(int count) {
    QString marks = QStringLiteral("?");
    for (int i = 1; i < count; ++i)
        marks += QStringLiteral(", ?");
    return marks;
}

} // namespace

ImportReport Database::importCsv(QByteArrayView data, const QString& fileName,
                                 const ImportOptions& options) {
    QByteArray bytes = QByteArray::fromRawData(data.data(), data.size());
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return importCsv(buffer, fileName, options);
}

ImportReport Database::importCsv(QIODevice& device, const QString& fileName,
                                 const ImportOptions& options) {
    ImportReport report;
    report.dryRun = options.dryRun;
    auto badFile = [&](const QString& message) {
        report.status = ImportReport::Status::BadFile;
        report.failure = message;
        return report;
    };
    CsvReader reader(device);
    if (reader.startsLikeUtf16())
        return badFile(tr("The file is UTF-16 text: save it as CSV in UTF-8 and import it again."));

    // A header is a line of names: anything longer is not a code list, and is refused before
    // the rest of it is read.
    constexpr qsizetype maxHeaderBytes = 4096;
    reader.setMaxRecordBytes(maxHeaderBytes);
    CsvRecord record;
    CsvColumns columns;
    bool haveHeader = false;
    while (reader.next(record)) {
        if (record.blank)
            continue;
        if (record.problem == CsvProblem::TooLong)
            return badFile(tr("Line %1, the header, is longer than %2 bytes (it starts “%3”): "
                              "this is not a code list.")
                               .arg(record.line)
                               .arg(maxHeaderBytes)
                               .arg(excerpt(record.excerpt)));
        if (record.problem != CsvProblem::None)
            return badFile(
                tr("Line %1, the header, has a quote that is never closed.").arg(record.line));
        columns = findColumns(record.fields, options.columns);
        if (!columns.ok()) {
            report.columnsUnknown = true;
            return badFile(StorageTexts::columnsProblem(columns, record.line));
        }
        haveHeader = true;
        break;
    }
    if (reader.readFailed())
        return badFile(tr("Reading the file failed: %1").arg(device.errorString()));
    if (!haveHeader)
        return badFile(tr("The file is empty: a code list starts with a header line naming the "
                          "columns “serial” and “code”."));
    reader.setMaxRecordBytes(CsvReader::defaultMaxRecordBytes);
    const int serialColumn = columns.serial;
    const int codeColumn = columns.code;
    const int familyColumn = columns.family; // the family of serials of a label form no rule knows

    auto databaseError = [&]() {
        report.status = ImportReport::Status::DatabaseError;
        report.failure = tr("Nothing from %1 was saved. %2")
                             .arg(QFileInfo(fileName).fileName(), lastError_.trimmed());
        report.imported = report.duplicates = 0;
        return report;
    };
    if (!beginWrite())
        return databaseError();
    QSqlDatabase db = connection();
    QSqlQuery lock(db);
    // PostgreSQL: other writers of codes wait until this import ends, readers go on.
    if (!isSqlite() && !lock.exec(QStringLiteral("LOCK TABLE codes IN SHARE ROW EXCLUSIVE MODE"))) {
        fail(lock);
        rollback();
        return databaseError();
    }
    const QString importedAt = timestamp(QDateTime::currentDateTimeUtc());
    const QString origin = QFileInfo(fileName).fileName();
    const QString restoredOrigin = origin + QStringLiteral(" (leading zeros restored)");
    const QString selectSql =
        QStringLiteral("SELECT serial, family, code, source, origin FROM codes WHERE serial IN (");
    const QString insertSql = QStringLiteral("INSERT INTO codes (serial, family, code, source, "
                                             "origin, created_at) VALUES ");
    QSqlQuery fullSelect(db);
    QSqlQuery fullInsert(db);
    fullSelect.setForwardOnly(true);
    if (!fullSelect.prepare(selectSql + questionMarks(importChunkRows) + QLatin1Char(')')) ||
        !fullInsert.prepare(insertSql + placeholders(importChunkRows, 6))) {
        fail(fullSelect.lastError().isValid() ? fullSelect.lastError() : fullInsert.lastError());
        rollback();
        return databaseError();
    }

    std::vector<PendingRow> pending;
    pending.reserve(importChunkRows);
    auto listed = [&](qsizetype listedSoFar) {
        if (listedSoFar < ImportReport::maxListedIssues)
            return true;
        ++report.unlisted;
        return false;
    };
    auto addConflict = [&](const PendingRow& row, const QString& storedCode,
                           const QString& storedSource) {
        ++report.conflictTotal;
        if (!listed(report.conflicts.size()))
            return;
        report.conflicts.append(
            {row.line, row.family, row.serial, storedCode, storedSource, row.code});
        report.errors.append(
            {row.line,
             tr("%1 is already stored with code %2 (%3); the file says %4: the stored code was "
                "kept.")
                 .arg(row.serial, storedCode, Texts::sourceInBrief(storedSource), row.code),
             row.serial});
    };

    // Writes one chunk: duplicates and conflicts are sorted out first, the new rows go in with
    // one statement.
    auto flush = [&]() -> bool {
        if (pending.empty())
            return true;
        // The serials of this chunk, each once, as the database knows them.
        std::vector<const QString*> serials;
        serials.reserve(pending.size());
        QSet<QString> seen;
        seen.reserve(static_cast<qsizetype>(pending.size()));
        for (const PendingRow& row : pending) {
            if (!seen.contains(row.serial)) {
                seen.insert(row.serial);
                serials.push_back(&row.serial);
            }
        }
        const int count = static_cast<int>(serials.size());
        QSqlQuery partialSelect(db);
        QSqlQuery* select = &fullSelect;
        if (count != importChunkRows) {
            partialSelect.setForwardOnly(true);
            if (!partialSelect.prepare(selectSql + questionMarks(count) + QLatin1Char(')')))
                return fail(partialSelect);
            select = &partialSelect;
        }
        for (int i = 0; i < count; ++i)
            select->bindValue(i, *serials[static_cast<size_t>(i)]);
        if (!select->exec())
            return fail(*select);
        QHash<QString, StoredCode> existing;
        while (select->next()) {
            const auto family = familyFromText(select->value(1).toString());
            if (!family)
                continue;
            const QString serial = select->value(0).toString();
            existing.insert(serial + QLatin1Char('/') + select->value(1).toString(),
                            StoredCode{*family,
                                       serial,
                                       select->value(2).toString(),
                                       provenanceFromId(select->value(3).toString()),
                                       select->value(4).toString(),
                                       {}});
        }
        select->finish();
        // Each row against the stored code, else against an earlier row of this chunk (earlier
        // chunks are in the database already), else new.
        std::vector<const PendingRow*> fresh;
        fresh.reserve(pending.size());
        QHash<QString, const PendingRow*> firstInChunk;
        firstInChunk.reserve(static_cast<qsizetype>(pending.size()));
        for (const PendingRow& row : pending) {
            const QString key = row.serial + QLatin1Char('/') + familyText(row.family);
            const auto stored = existing.constFind(key);
            if (stored != existing.constEnd()) {
                if (stored->code == row.code)
                    ++report.duplicates;
                else
                    addConflict(row, stored->code, stored->source());
                continue;
            }
            const auto earlier = firstInChunk.constFind(key);
            if (earlier == firstInChunk.constEnd()) {
                firstInChunk.insert(key, &row);
                fresh.push_back(&row);
            } else if ((*earlier)->code == row.code) {
                ++report.duplicates;
            } else {
                addConflict(row, (*earlier)->code,
                            tr("line %1 of this file").arg((*earlier)->line));
            }
        }
        if (!fresh.empty()) {
            const int rows = static_cast<int>(fresh.size());
            QSqlQuery partialInsert(db);
            QSqlQuery* insert = &fullInsert;
            if (rows != importChunkRows) {
                if (!partialInsert.prepare(insertSql + placeholders(rows, 6)))
                    return fail(partialInsert);
                insert = &partialInsert;
            }
            int p = 0;
            for (const PendingRow* row : fresh) {
                insert->bindValue(p++, row->serial);
                insert->bindValue(p++, familyText(row->family));
                insert->bindValue(p++, row->code);
                insert->bindValue(p++, provenanceId(row->provenance));
                insert->bindValue(p++, notNull(row->origin));
                insert->bindValue(p++, row->createdAt);
            }
            if (!insert->exec())
                return fail(*insert);
            report.imported += rows;
        }
        pending.clear();
        return true;
    };

    auto skip = [&](int line, const QString& message, const QString& serial = {}) {
        ++report.skipped;
        if (listed(report.errors.size() - report.conflicts.size()))
            report.errors.append({line, message, serial});
    };

    // Cancelled: nothing saved, and the report says so.
    auto cancel = [&] {
        rollback();
        ImportReport cancelled;
        cancelled.dryRun = options.dryRun;
        cancelled.status = ImportReport::Status::Cancelled;
        return cancelled;
    };

    qint64 rowsRead = 0;
    const qint64 total = reader.size();
    const int lastColumn = std::max(serialColumn, codeColumn);
    auto cell = [&](int column) {
        return column >= 0 && column < record.fields.size()
                   ? withoutSpreadsheetGuards(record.fields[column]).trimmed()
                   : QByteArray();
    };
    while (reader.next(record)) {
        if ((++rowsRead & 0xfff) == 0) {
            if (options.cancel && options.cancel->load()) {
                return cancel();
            }
            if (options.progress)
                options.progress(reader.position(), total);
        }
        if (record.blank)
            continue;
        const int line = record.line;
        if (record.problem == CsvProblem::UnbalancedQuote) {
            skip(line, tr("A quoted field is never closed (a \" is missing): row skipped."));
            continue;
        }
        if (record.problem == CsvProblem::TooLong) {
            const qint64 length = reader.skipTooLong();
            skip(line, tr("The row is %1 bytes long, more than a code list's row can be (it "
                          "starts “%2”): row skipped.")
                           .arg(length)
                           .arg(excerpt(record.excerpt)));
            continue;
        }
        if (record.fields.size() <= lastColumn) {
            skip(line, tr("The row has %n column(s); the serial and the code need %1.", nullptr,
                          static_cast<int>(record.fields.size()))
                           .arg(lastColumn + 1));
            continue;
        }
        const QByteArray rawSerial = cell(serialColumn);
        const QByteArray rawCode = cell(codeColumn);
        if (rawSerial.isEmpty()) {
            skip(line, tr("The serial is empty."));
            continue;
        }
        const Recognition recognition = finalised(recognise(
            std::string_view(rawSerial.constData(), static_cast<size_t>(rawSerial.size()))));
        // A label form no rule knows is stored as printed, under the family the row names.
        std::optional<Family> uncheckedFamily;
        if (recognition.state == InputState::Unchecked && familyColumn >= 0 &&
            familyColumn < record.fields.size()) {
            const QByteArray name = cell(familyColumn);
            uncheckedFamily =
                familyFromId(std::string_view(name.constData(), static_cast<size_t>(name.size())));
        }
        if (!recognition.isValid() && !uncheckedFamily) {
            QString message = Texts::message(recognition);
            if (!recognition.suggestions.empty())
                message += QLatin1Char(' ') +
                           Texts::suggestion(Texts::fromUtf8(recognition.suggestions.front()));
            skip(line, tr("Serial “%1”: %2").arg(excerpt(rawSerial), message), excerpt(rawSerial));
            continue;
        }
        const Family family = uncheckedFamily ? *uncheckedFamily : *recognition.family;
        const QString serial = QString::fromLatin1(recognition.serial);
        if (familyInfo(family).origin != CodeOrigin::CodeDatabase) {
            skip(line,
                 tr("%1 is a %2 serial: its code is computed with the public algorithm, "
                    "not stored.")
                     .arg(serial, Texts::familyName(family)),
                 serial);
            continue;
        }
        PendingRow row{line, family, serial, {}, CodeProvenance::Import, origin, importedAt};
        const CodeCell code = readCodeCell(rawCode);
        if (code.kind == CodeCell::Kind::Code) {
            row.code = QString::fromLatin1(rawCode);
        } else if (code.kind == CodeCell::Kind::Shortened && options.restoreLeadingZeros) {
            row.code = QString::fromLatin1(code.restored);
            row.origin = restoredOrigin;
        } else if (code.kind == CodeCell::Kind::Shortened) {
            const QString message =
                rawCode.size() == 3
                    ? tr("The code “%1” for %2 looks like %3 with its leading zero lost by a "
                         "spreadsheet: row skipped. Check the list, or import it again with "
                         "leading zeros restored.")
                    : tr("The code “%1” for %2 looks like %3 with its leading zeros lost by a "
                         "spreadsheet: row skipped. Check the list, or import it again with "
                         "leading zeros restored.");
            skip(line,
                 message.arg(QString::fromLatin1(rawCode), serial,
                             QString::fromLatin1(code.restored)),
                 serial);
            continue;
        } else {
            skip(line,
                 tr("The code “%1” for %2 is not exactly 4 digits.").arg(excerpt(rawCode), serial),
                 serial);
            continue;
        }
        // A list this program exported keeps where each code came from.
        if (columns.source >= 0 && code.kind == CodeCell::Kind::Code) {
            const QByteArray source = cell(columns.source);
            const QString recordedOrigin = QString::fromUtf8(cell(columns.origin));
            if ((source == "confirmed" || source == "import") && !recordedOrigin.isEmpty()) {
                row.provenance = provenanceFromId(QString::fromLatin1(source));
                row.origin = recordedOrigin;
                const QDateTime created = fromTimestamp(QString::fromUtf8(cell(columns.createdAt)));
                if (created.isValid())
                    row.createdAt = timestamp(created);
            }
        }
        pending.push_back(std::move(row));
        if (static_cast<int>(pending.size()) == importChunkRows && !flush()) {
            rollback();
            return databaseError();
        }
    }
    if (reader.readFailed()) {
        rollback();
        lastError_ = tr("Reading the file failed: %1.").arg(device.errorString());
        return databaseError();
    }
    if (!flush()) {
        rollback();
        return databaseError();
    }
    if (options.cancel && options.cancel->load()) {
        return cancel();
    }
    fullSelect.finish();
    fullInsert.finish();
    if (options.dryRun) {
        rollback();
    } else if (!commit()) {
        return databaseError();
    }
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    std::stable_sort(
        report.conflicts.begin(), report.conflicts.end(),
        [](const ImportConflict& a, const ImportConflict& b) { return a.line < b.line; });
    if (options.progress)
        options.progress(reader.position(), total);
    return report;
}

bool Database::exportCodes(QIODevice& device) {
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT serial, code, family, source, origin, created_at FROM "
                                   "codes ORDER BY family, serial")))
        return fail(query);
    using Kind = CsvCellKind;
    CsvWriter writer(device, {{QStringLiteral("serial"), Kind::Text},
                              {QStringLiteral("code"), Kind::Text},
                              {QStringLiteral("family"), Kind::Text},
                              {QStringLiteral("source"), Kind::Text},
                              {QStringLiteral("origin"), Kind::Text},
                              {QStringLiteral("created_at"), Kind::Number}});
    auto cannotWrite = [&] {
        lastError_ = tr("Cannot write the export: %1").arg(writer.errorString());
        return false;
    };
    while (query.next()) {
        QList<QString> cells;
        for (int column = 0; column < 6; ++column)
            cells << query.value(column).toString();
        if (!writer.writeRow(cells))
            return cannotWrite();
    }
    return writer.finish() || cannotWrite();
}

// --- jobs ----------------------------------------------------------------------------------

namespace {

const QString jobColumns = QStringLiteral("id, created_at, technician, customer, registration, "
                                          "vin, family, serial, code, source, outcome, attempts, "
                                          "part_number, notes");

} // namespace

Job Database::jobFromQuery(const QSqlQuery& query) const {
    Job job;
    job.id = query.value(0).toLongLong();
    job.time = fromTimestamp(query.value(1).toString());
    job.technician = query.value(2).toString();
    job.customer = query.value(3).toString();
    job.registration = query.value(4).toString();
    job.vin = query.value(5).toString();
    job.family = familyFromText(query.value(6).toString());
    job.serial = query.value(7).toString();
    job.code = query.value(8).toString();
    job.source = query.value(9).toString();
    job.outcome = outcomeFromId(query.value(10).toString()).value_or(Outcome::NotTried);
    job.attempts = query.value(11).toInt();
    job.partNumber = query.value(12).toString();
    job.notes = query.value(13).toString();
    return job;
}

namespace {
// The job's columns from technician to notes, in the order addJob and updateJob name them.
void bindJobDetails(QSqlQuery& query, const Job& job) {
    query.addBindValue(notNull(job.technician));
    query.addBindValue(notNull(job.customer));
    query.addBindValue(notNull(job.registration));
    query.addBindValue(notNull(job.vin));
    query.addBindValue(job.family ? familyText(*job.family) : QVariant());
    query.addBindValue(notNull(job.serial));
    query.addBindValue(notNull(job.code));
    query.addBindValue(notNull(job.source));
    query.addBindValue(outcomeId(job.outcome));
    query.addBindValue(std::max(job.attempts, 0));
    query.addBindValue(notNull(job.partNumber));
    query.addBindValue(notNull(job.notes));
}
} // namespace

std::optional<qint64> Database::addJob(const Job& job) {
    QSqlQuery query(connection());
    query.prepare(QStringLiteral(
        "INSERT INTO jobs (created_at, technician, customer, "
        "registration, vin, family, serial, code, source, outcome, "
        "attempts, part_number, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"));
    query.addBindValue(timestamp(job.time.isValid() ? job.time : QDateTime::currentDateTimeUtc()));
    bindJobDetails(query, job);
    if (!query.exec() || !query.next()) {
        fail(query);
        return std::nullopt;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

bool Database::updateJob(const Job& job) {
    QSqlQuery query(connection());
    query.prepare(
        QStringLiteral("UPDATE jobs SET technician = ?, customer = ?, registration = ?, "
                       "vin = ?, family = ?, serial = ?, code = ?, source = ?, "
                       "outcome = ?, attempts = ?, part_number = ?, notes = ? WHERE id = ?"));
    bindJobDetails(query, job);
    query.addBindValue(job.id);
    if (!query.exec())
        return fail(query);
    if (query.numRowsAffected() == 0) {
        lastError_ = tr("Job %1 does not exist.").arg(job.id);
        return false;
    }
    return true;
}

std::optional<Job> Database::job(qint64 id) const {
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT ") + jobColumns +
                  QStringLiteral(" FROM jobs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        if (reconnectIfLost())
            return retried([&] { return job(id); });
        fail(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return jobFromQuery(query);
}

QSqlQuery Database::jobsQuery(const JobFilter& filter, bool* ok) const {
    QString sql = QStringLiteral("SELECT ") + jobColumns + QStringLiteral(" FROM jobs WHERE 1 = 1");
    QVariantList values;
    if (filter.family) {
        sql += QStringLiteral(" AND family = ?");
        values << familyText(*filter.family);
    }
    if (filter.outcome) {
        sql += QStringLiteral(" AND outcome = ?");
        values << outcomeId(*filter.outcome);
    }
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND created_at >= ?");
        values << timestamp(filter.since);
    }
    if (filter.until.isValid()) {
        sql += QStringLiteral(" AND created_at < ?");
        values << timestamp(filter.until);
    }
    if (!filter.text.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND (LOWER(technician) LIKE ? OR LOWER(customer) LIKE ? OR "
                              "LOWER(registration) LIKE ? OR LOWER(vin) LIKE ? OR LOWER(serial) "
                              "LIKE ? OR code LIKE ? OR LOWER(notes) LIKE ?)");
        QString pattern = filter.text.trimmed().toLower();
        pattern.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        for (int i = 0; i < 7; ++i)
            values << pattern;
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    *ok = query.exec();
    if (!*ok) {
        if (reconnectIfLost())
            return retried([&] { return jobsQuery(filter, ok); });
        fail(query);
    }
    return query;
}

QList<Job> Database::jobs(const JobFilter& filter) const {
    bool ok = false;
    QSqlQuery query = jobsQuery(filter, &ok);
    QList<Job> result;
    while (ok && query.next())
        result.append(jobFromQuery(query));
    return result;
}

bool Database::exportJobs(QIODevice& device, const JobFilter& filter) {
    // Whether a label photo is kept with the job; the picture itself stays in the database.
    // Asked first: PostgreSQL streams the jobs, and another query would drop the rest of them.
    const QSet<qint64> pictured = jobsWithPicture(*this);
    bool ok = false;
    QSqlQuery query = jobsQuery(filter, &ok);
    if (!ok)
        return false;
    using Kind = CsvCellKind;
    CsvWriter writer(device, {{QStringLiteral("id"), Kind::Number},
                              {QStringLiteral("time"), Kind::Number},
                              {QStringLiteral("technician"), Kind::Text},
                              {QStringLiteral("customer"), Kind::Text},
                              {QStringLiteral("registration"), Kind::Text},
                              {QStringLiteral("vin"), Kind::Text},
                              {QStringLiteral("family"), Kind::Text},
                              {QStringLiteral("serial"), Kind::Text},
                              {QStringLiteral("code"), Kind::Text},
                              {QStringLiteral("source"), Kind::Text},
                              {QStringLiteral("outcome"), Kind::Text},
                              {QStringLiteral("attempts"), Kind::Number},
                              {QStringLiteral("part_number"), Kind::Text},
                              {QStringLiteral("notes"), Kind::Text},
                              {QStringLiteral("label_photo"), Kind::Text}});
    while (query.next()) {
        const Job job = jobFromQuery(query);
        if (!writer.writeRow(
                {QString::number(job.id), timestamp(job.time), job.technician, job.customer,
                 job.registration, job.vin, job.family ? familyText(*job.family) : QString(),
                 job.serial, job.code, job.source, outcomeId(job.outcome),
                 QString::number(job.attempts), job.partNumber, job.notes,
                 pictured.contains(job.id) ? QStringLiteral("yes") : QStringLiteral("no")})) {
            lastError_ = tr("Cannot write the export: %1").arg(writer.errorString());
            return false;
        }
    }
    if (!writer.finish()) {
        lastError_ = tr("Cannot write the export: %1").arg(writer.errorString());
        return false;
    }
    return true;
}

AttemptHistory Database::attempts(Family family, const QString& serial) const {
    AttemptHistory history;
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT created_at, outcome, attempts FROM jobs WHERE serial = ? "
                                 "AND family = ? ORDER BY created_at DESC, id DESC"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    if (!query.exec()) {
        if (reconnectIfLost())
            return retried([&] { return attempts(family, serial); });
        fail(query);
        return history;
    }
    while (query.next()) {
        const auto outcome = outcomeFromId(query.value(1).toString());
        if (outcome == Outcome::Worked)
            break;
        if (outcome == Outcome::Refused) {
            history.refusedAttempts += std::max(query.value(2).toInt(), 1);
            if (!history.lastRefused.isValid())
                history.lastRefused = fromTimestamp(query.value(0).toString());
        }
    }
    return history;
}

} // namespace radiocode::storage
