#include "database.h"

#include "csv_reader.h"
#include "texts.h"

#include "radiocode/recognition.h"

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
#include <sys/resource.h>
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

bool isFourDigits(QByteArrayView code) {
    return code.size() == 4 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
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

QByteArray csvCell(const QString& text) {
    QString cell = text;
    if (!cell.isEmpty() && QStringLiteral("=+-@").contains(cell.front()))
        cell.prepend(QLatin1Char('\''));
    const bool needsQuotes = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char(';')) ||
                             cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
                             cell.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return cell.toUtf8();
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + cell.toUtf8() + '"';
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
        const QFileInfo file(location_.path);
        const QString folder = file.absolutePath();
        if (!QFileInfo::exists(folder)) {
            if (!QDir().mkpath(folder))
                return failWith(tr("Cannot create the folder %1 for the database.").arg(folder));
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        }
        if (file.isDir())
            return failWith(tr("%1 is a folder: the database must be a file.").arg(location_.path));
        if (!file.exists()) {
            // Created here, before SQLite sees it, so it is owner-only from the first byte;
            // SQLite gives its -wal and -shm files the same permissions.
            QFile create(location_.path);
            if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                             QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                !QFileInfo::exists(location_.path))
                return failWith(tr("Cannot create the database file %1: %2")
                                    .arg(location_.path, create.errorString()));
        } else if (!isReadOnly() && !file.isWritable()) {
            mayReadOnly_ = true;
            return failWith(tr("The database file %1 is read-only: ask for write access to it or "
                               "choose another database.")
                                .arg(location_.path));
        }
        if (!isReadOnly() && !QFileInfo(folder).isWritable()) {
            mayReadOnly_ = true;
            return failWith(tr("The folder %1 is read-only: SQLite needs to write its journal "
                               "beside the database file.")
                                .arg(folder));
        }
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
            db.setDatabaseName(location_.path);
            db.setConnectOptions(busy);
            if (!db.open())
                return failWith(describe(db.lastError()));
            db.close(); // opened once to tell a failed open from a failed first read
            return openAndRead();
        }
        // Read-only; without the -shm file (a read-only file system) only as an immutable file.
        db.setDatabaseName(location_.path);
        db.setConnectOptions(busy + QStringLiteral(";QSQLITE_OPEN_READONLY"));
        if (openAndRead())
            return true;
        db.close();
        db.setDatabaseName(QUrl::fromLocalFile(location_.path).toString(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
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
    return true;
}

namespace {

// 0 when the database has no radiocode tables yet, -1 on error.
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
    return query.next() ? query.value(0).toInt() : 0;
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
    auto checkVersion = [&](int version) {
        if (version < 0)
            return failWith(describe(db.lastError()));
        if (version > knownSchemaVersion)
            return failWith(tr("The database %1 was written by a newer version of this program "
                               "(schema %2; this version knows up to schema %3). It was not "
                               "changed: update the program to use it.")
                                .arg(location_.displayUrl())
                                .arg(version)
                                .arg(knownSchemaVersion));
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
    if (current == 0) {
        if (!query.exec(QStringLiteral("CREATE TABLE radiocode_meta (key TEXT PRIMARY KEY, "
                                       "value TEXT NOT NULL)"))) {
            rollback();
            return failWith(describe(query.lastError()));
        }
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        QStringList statements = isSqlite() ? migration.sqlite : migration.postgresql;
        if (migration.version == 1)
            statements += sharedMigrationOne();
        for (const QString& statement : statements) {
            if (!query.exec(statement)) {
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
    QSqlQuery query(connection());
    query.exec(QStringLiteral("ROLLBACK"));
    inTransaction_ = false;
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
    ImportReport report;
    report.dryRun = options.dryRun;
    auto badFile = [&](const QString& message) {
        report.status = ImportReport::Status::BadFile;
        report.failure = message;
        return report;
    };
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF"))
        return badFile(tr("The file is UTF-16 text: save it as CSV in UTF-8 and import it again."));

    CsvReader reader(data);
    CsvRecord record;
    int serialColumn = -1;
    int codeColumn = -1;
    int familyColumn = -1; // optional: the family of serials of a label form no rule knows
    bool haveHeader = false;
    while (reader.next(record)) {
        if (record.blank)
            continue;
        if (record.problem != CsvProblem::None)
            return badFile(
                tr("Line %1, the header, has a quote that is never closed.").arg(record.line));
        QStringList names;
        for (int i = 0; i < record.fields.size(); ++i) {
            const QString name = QString::fromUtf8(record.fields[i]).trimmed();
            names << name;
            if (name.compare(QLatin1String("serial"), Qt::CaseInsensitive) == 0 && serialColumn < 0)
                serialColumn = i;
            if (name.compare(QLatin1String("code"), Qt::CaseInsensitive) == 0 && codeColumn < 0)
                codeColumn = i;
            if (name.compare(QLatin1String("family"), Qt::CaseInsensitive) == 0 && familyColumn < 0)
                familyColumn = i;
        }
        if (serialColumn < 0 || codeColumn < 0)
            return badFile(tr("Line %1 must name the columns: a code list needs the columns "
                              "“serial” and “code” (found: %2).")
                               .arg(record.line)
                               .arg(names.join(QStringLiteral(", "))));
        haveHeader = true;
        break;
    }
    if (!haveHeader)
        return badFile(tr("The file is empty: a code list starts with a header line naming the "
                          "columns “serial” and “code”."));

    auto databaseError = [&]() {
        report.status = ImportReport::Status::DatabaseError;
        report.failure = lastError_;
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
    const QString importSource = provenanceId(CodeProvenance::Import);
    const QString origin = QFileInfo(fileName).fileName();
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
    auto addConflict = [&](const PendingRow& row, const QString& storedCode,
                           const QString& storedSource) {
        report.conflicts.append(
            {row.line, row.family, row.serial, storedCode, storedSource, row.code});
        report.errors.append(
            {row.line,
             tr("%1 is already stored with code %2 (%3); the file says %4: the stored "
                "code was kept.")
                 .arg(row.serial, storedCode, Texts::sourceInBrief(storedSource), row.code)});
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
                insert->bindValue(p++, importSource);
                insert->bindValue(p++, origin);
                insert->bindValue(p++, importedAt);
            }
            if (!insert->exec())
                return fail(*insert);
            report.imported += rows;
        }
        pending.clear();
        return true;
    };

    auto skip = [&](int line, const QString& message) {
        ++report.skipped;
        report.errors.append({line, message});
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
    const qint64 total = data.size();
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
        if (record.fields.size() <= std::max(serialColumn, codeColumn)) {
            skip(line, tr("The row has %n column(s); the serial and the code need %1.", nullptr,
                          static_cast<int>(record.fields.size()))
                           .arg(std::max(serialColumn, codeColumn) + 1));
            continue;
        }
        const QByteArray rawSerial = record.fields[serialColumn].trimmed();
        const QByteArray rawCode = record.fields[codeColumn].trimmed();
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
            const QByteArray name = record.fields[familyColumn].trimmed();
            uncheckedFamily =
                familyFromId(std::string_view(name.constData(), static_cast<size_t>(name.size())));
        }
        if (!recognition.isValid() && !uncheckedFamily) {
            QString message = Texts::message(recognition);
            if (!recognition.suggestions.empty())
                message += QLatin1Char(' ') +
                           Texts::suggestion(Texts::fromUtf8(recognition.suggestions.front()));
            skip(line, tr("Serial “%1”: %2").arg(excerpt(rawSerial), message));
            continue;
        }
        const Family family = uncheckedFamily ? *uncheckedFamily : *recognition.family;
        const QString serial = QString::fromLatin1(recognition.serial);
        if (familyInfo(family).origin != CodeOrigin::CodeDatabase) {
            skip(line, tr("%1 is a %2 serial: its code is computed with the public algorithm, "
                          "not stored.")
                           .arg(serial, Texts::familyName(family)));
            continue;
        }
        if (!isFourDigits(rawCode)) {
            skip(line,
                 tr("The code “%1” for %2 is not exactly 4 digits.").arg(excerpt(rawCode), serial));
            continue;
        }
        pending.push_back({line, family, serial, QString::fromLatin1(rawCode)});
        if (static_cast<int>(pending.size()) == importChunkRows && !flush()) {
            rollback();
            return databaseError();
        }
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
        options.progress(total, total);
    return report;
}

bool Database::exportCodes(QIODevice& device) {
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT serial, code, family, source, origin, created_at FROM "
                                   "codes ORDER BY family, serial")))
        return fail(query);
    QByteArray buffer = "serial,code,family,source,origin,created_at\n";
    while (query.next()) {
        for (int column = 0; column < 6; ++column) {
            if (column > 0)
                buffer += ',';
            buffer += csvCell(query.value(column).toString());
        }
        buffer += '\n';
        if (buffer.size() > (1 << 16)) {
            if (device.write(buffer) != buffer.size()) {
                lastError_ = tr("Cannot write the export: %1").arg(device.errorString());
                return false;
            }
            buffer.clear();
        }
    }
    if (device.write(buffer) != buffer.size()) {
        lastError_ = tr("Cannot write the export: %1").arg(device.errorString());
        return false;
    }
    return true;
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
    bool ok = false;
    QSqlQuery query = jobsQuery(filter, &ok);
    if (!ok)
        return false;
    QByteArray buffer = "id,time,technician,customer,registration,vin,family,serial,code,source,"
                        "outcome,attempts,part_number,notes\n";
    while (query.next()) {
        const Job job = jobFromQuery(query);
        const QStringList cells = {QString::number(job.id),
                                   timestamp(job.time),
                                   job.technician,
                                   job.customer,
                                   job.registration,
                                   job.vin,
                                   job.family ? familyText(*job.family) : QString(),
                                   job.serial,
                                   job.code,
                                   job.source,
                                   outcomeId(job.outcome),
                                   QString::number(job.attempts),
                                   job.partNumber,
                                   job.notes};
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                buffer += ',';
            buffer += csvCell(cells[i]);
        }
        buffer += '\n';
    }
    if (device.write(buffer) != buffer.size()) {
        lastError_ = tr("Cannot write the export: %1").arg(device.errorString());
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
