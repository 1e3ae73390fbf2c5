// The workshop's code database and job log, through Qt SQL (SQLite or PostgreSQL).
//
// One Database is one connection, usable from the thread that opened it: it opens and migrates
// the schema, runs the write transactions, reconnects a lost server and puts errors in words.
// What is stored is reached through its parts: codes() (code_store.h) and jobLog() (job_log.h).
// Nothing is cached: every call asks the database, so two programs on one database see each other's
// writes. Every write runs in a transaction that takes the write lock first (SQLite BEGIN
// IMMEDIATE, PostgreSQL table lock), so concurrent writers wait for each other instead of losing
// rows.
#pragma once

#include "storage/code_store.h"
#include "storage/database_location.h"
#include "storage/job_log.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>

class QSqlError;

namespace radiocode::storage {

// How long the database may keep us waiting. A statement that waits longer (for a lock another
// program holds, a server that hangs) is given up with a message that says so, never hangs.
// RADIOCODE_DB_TIMEOUT and RADIOCODE_DB_WRITE_TIMEOUT (seconds) change the defaults.
struct OpenOptions {
    int busyTimeoutMs = defaultReadTimeoutMs();   // SQLite: how long to wait for another's write
    int connectTimeoutS = 5;                      // PostgreSQL
    int readTimeoutMs = defaultReadTimeoutMs();   // lookups and other reads: a few seconds
    int writeTimeoutMs = defaultWriteTimeoutMs(); // each statement of a write (an import)
    // PostgreSQL: unset, a lost connection is opened again inside the call that found it lost,
    // which may wait up to the connect timeout (fine for a command). Set, that call fails at
    // once, connectionLost() says so, and this is called (on the database's thread, inside the
    // call) for the program to reconnect elsewhere, then reconnect().
    std::function<void()> connectionLost;

    static int defaultReadTimeoutMs();  // 5 s
    static int defaultWriteTimeoutMs(); // 60 s
};

// Reading is not const either: any query may reconnect a lost connection and records its error.
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // The schema this program writes. Older databases are migrated on open; newer ones refused.
    static constexpr int knownSchemaVersion = 5;

    // Opens (creating an SQLite file with owner-only permissions if needed) and migrates.
    static std::unique_ptr<Database> open(const DatabaseLocation& location, QString* error,
                                          const OpenOptions& options = {});
    static std::unique_ptr<Database> open(const QString& url, QString* error,
                                          const OpenOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseLocation& location() const { return location_; }
    int schemaVersion();
    QString lastError() const { return lastError_; }
    // SQLite: opened read-only because the file cannot be written (read-only file or file
    // system, full disk); lookups work, writes fail with readOnlyReason().
    bool isReadOnly() const { return !readOnlyReason_.isEmpty(); }
    QString readOnlyReason() const { return readOnlyReason_; }
    // PostgreSQL with OpenOptions::connectionLost: the connection is gone and every call fails
    // at once until reconnect().
    bool connectionLost() const { return connectionLost_; }
    // Opens the connection again now: waits up to the connect timeout when the server does not
    // answer, so a program that must not wait first reaches the server elsewhere.
    bool reconnect(QString* error = nullptr);

    // The codes, and the job log (which teaches the codes what an outcome says).
    CodeStore& codes() { return codes_; }
    JobLog& jobLog() { return jobLog_; }

    // For tests and diagnostics: the underlying connection.
    QSqlDatabase connection() const { return QSqlDatabase::database(connectionName_, false); }

private:
    // The parts run their statements through the transactions and error handling below.
    friend class CodeStore;
    friend class JobLog;

    Database(DatabaseLocation location, QString connectionName);
    bool connect(const OpenOptions& options, QString* error);
    bool migrate(QString* error);
    bool beginWrite();
    bool commit();
    void rollback();
    // One statement of a write, the prepared one or `sql` (PostgreSQL prepares no LOCK): false,
    // with the transaction rolled back and lastError() saying why, when it failed.
    bool execInWrite(QSqlQuery& query, const QString& sql = {});
    // A read: prepared, bound and run, once more on a new connection when the server was
    // restarted. Nothing, with lastError() saying why, when it failed.
    std::optional<QSqlQuery> read(const QString& sql, const QVariantList& values = {});
    // PostgreSQL, outside a transaction, after a failed query: when the connection itself is
    // gone (server restarted), opens it again. True when the caller should retry once.
    bool reconnectIfLost();
    bool reopenConnection();
    // Runs the call again after a reconnect, with no further reconnect inside it.
    template <typename Call> auto retried(Call call) {
        ++retryDepth_;
        auto result = call();
        --retryDepth_;
        return result;
    }
    bool fail(const QSqlError& error);
    bool fail(const QSqlQuery& query);
    void setLastError(const QString& message) { lastError_ = message; }
    // An export could not be written (`reason`: the device's words): false, lastError() says so.
    bool cannotWriteExport(const QString& reason);
    QString describe(const QSqlError& error);
    bool isSqlite() const { return location_.kind == DatabaseLocation::Kind::Sqlite; }

    DatabaseLocation location_;
    QString connectionName_;
    QString lastError_;
    bool inTransaction_ = false; // a reconnect would silently drop its writes
    bool reconnectFailed_ = false;
    QString readOnlyReason_;
    bool mayReadOnly_ = false; // the last failure leaves reading possible
    bool slowReconnect_ = false;
    bool connectionLost_ = false;
    int retryDepth_ = 0;
    QElapsedTimer lastReconnect_;
    OpenOptions options_;
    CodeStore codes_{*this};
    JobLog jobLog_{*this};
};

} // namespace radiocode::storage
