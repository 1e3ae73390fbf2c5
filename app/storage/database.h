// The workshop's code database and job log, through Qt SQL (SQLite or PostgreSQL).
//
// One Database is one connection, usable from the thread that opened it. Nothing is cached:
// every call asks the database, so two programs on one database see each other's writes. Every
// write runs in a transaction that takes the write lock first (SQLite BEGIN IMMEDIATE, PostgreSQL
// table lock), so concurrent writers wait for each other instead of losing rows.
#pragma once

#include "storage/csv_reader.h"
#include "storage/database_location.h"

#include "radiocode/families.h"
#include "radiocode/provenance.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QIODevice;
class QSqlError;
class QSqlQuery;

namespace radiocode::storage {

// How a code arrived in the database: an imported list, a code confirmed on a radio, the owner's
// radio card (once it worked), a Nissan dealer's or the manufacturer's service's answer.
enum class CodeProvenance { Import, Confirmed, Card, Dealer, Manufacturer };

struct StoredCode {
    Family family = Family::Blaupunkt;
    QString serial;
    QString code;
    CodeProvenance provenance = CodeProvenance::Import;
    QString origin; // import: the file name; confirmed, card: the technician; dealer,
                    // manufacturer: who answered
    QDateTime createdAt;
    // Set when a technician recorded that the radio refused this code.
    QString refusedBy = {};
    QDateTime refusedAt = {};

    // Where the code came from, as a value (`when`: createdAt).
    Provenance sourceProvenance() const;
    // Its machine form: "database:import:<file>", "database:confirmed:<technician>",
    // "database:card:<technician>", "dealer:<name>" or "manufacturer:<name>"
    QString source() const;
    bool wasRefused() const { return refusedAt.isValid(); }
};

// "import", "confirmed", "card", "dealer", "manufacturer": as the codes table stores it.
QString codeProvenanceId(CodeProvenance provenance);

// A job whose code was asked of a dealer or the manufacturer's service.
struct CodeRequest {
    qint64 jobId = 0;
    QDateTime askedAt;
    QString askedFrom;    // whom (may be empty: not known yet)
    QDateTime answeredAt; // invalid while waiting
    QString answeredBy;
    bool waiting() const { return !answeredAt.isValid(); }
    // Whole days since the code was asked for.
    int daysWaited(const QDateTime& now = QDateTime::currentDateTimeUtc()) const {
        return static_cast<int>(askedAt.secsTo(now) / 86400);
    }
};

enum class AddResult {
    Added,     // stored
    Confirmed, // the same code was stored from an import: now marked confirmed by the technician
    Duplicate, // the same code was already stored as confirmed: nothing to do
    Conflict,  // another code is stored for the serial: not changed
    Replaced,  // another code was stored and `replace` was asked for
    Failed     // database error: see lastError()
};

struct ImportIssue {
    int line = 0;    // 1-based line in the file; 0 when the whole file is concerned
    QString message; // translated sentence
    QString serial;  // the row's serial as read (cut short), when it has one
};

struct ImportConflict {
    int line = 0;
    Family family = Family::Blaupunkt;
    QString serial;
    QString storedCode;
    QString storedSource; // "database:…" or "line N of this file" for an earlier row of it
    QString fileCode;
};

struct ImportOptions {
    bool dryRun = false;              // check everything, count everything, then roll back
    CsvColumnChoice columns;          // which columns hold the serial and the code
    bool restoreLeadingZeros = false; // pad "420" to "0420" (marked in the origin), else skip it
    // Called now and then with bytes read so far and the file size (any thread: the caller's).
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool* cancel = nullptr; // set to stop: nothing is imported
};

struct ImportReport {
    enum class Status {
        Done,          // committed (or checked, for a dry run)
        BadFile,       // not a code list (no header with serial and code, UTF-16, empty)
        DatabaseError, // nothing changed
        Cancelled      // nothing changed
    };
    Status status = Status::Done;
    QString failure;             // BadFile / DatabaseError: what went wrong
    bool columnsUnknown = false; // BadFile: the serial and code columns must be chosen
    bool dryRun = false;
    qint64 imported = 0;
    qint64 duplicates = 0;
    qint64 skipped = 0;
    qint64 conflictTotal = 0;
    // Skipped rows and conflicts, by line; the first maxListedIssues of each, so a file of
    // millions of bad rows cannot fill the memory. unlisted counts the rest.
    QList<ImportIssue> errors;
    QList<ImportConflict> conflicts;
    qint64 unlisted = 0;
    static constexpr qsizetype maxListedIssues = 10000;

    qint64 conflictCount() const { return conflictTotal; }
    bool ok() const { return status == Status::Done; }
};

enum class Outcome { NotTried, Worked, Refused };
QString outcomeId(Outcome outcome); // "not-tried", "worked", "refused"
std::optional<Outcome> outcomeFromId(const QString& id);

struct Job {
    qint64 id = 0; // 0 until saved
    QDateTime time;
    QString technician;
    QString customer;
    QString registration;
    QString vin;
    std::optional<Family> family;
    QString serial;
    QString code;
    QString source;
    Outcome outcome = Outcome::NotTried;
    int attempts = 0;   // codes entered on the radio for this job
    QString partNumber; // Blaupunkt part number that agreed with the serial; empty: none given
    QString notes;
};

struct JobFilter {
    std::optional<Family> family;
    std::optional<Outcome> outcome;
    QDateTime since; // inclusive; invalid: no limit
    QDateTime until; // exclusive; invalid: no limit
    QString text;    // in technician, customer, registration, VIN, serial, code or notes
    int limit = 0;   // 0: all
};

// Refused tries for one serial since the code last worked.
struct AttemptHistory {
    int refusedAttempts = 0;
    QDateTime lastRefused;
    bool warn() const { return refusedAttempts > 0; }
    bool lockoutLikely() const { return refusedAttempts >= wrongAttemptsBeforeLockout; }
};

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

    // Codes.
    // Nothing found: *failed (when given) tells a failed query (lastError() says why) from a
    // serial the database does not hold.
    std::optional<StoredCode> findCode(Family family, const QString& serial,
                                       bool* failed = nullptr);
    AddResult addConfirmedCode(Family family, const QString& serial, const QString& code,
                               const QString& technician, bool replace = false,
                               std::optional<StoredCode>* previous = nullptr);
    // The technician chose the file's code over the stored one (import conflict resolution).
    bool replaceCode(Family family, const QString& serial, const QString& code,
                     CodeProvenance provenance, const QString& origin);
    // Several at once, in one transaction: the conflicts a technician chose to resolve with the
    // file's code.
    bool replaceCodes(const QList<ImportConflict>& chosen, const QString& fileName);
    qint64 codeCount();
    // Streams the list from `device` (a file, a pipe, standard input): memory stays flat.
    // `fileName` is recorded as the codes' origin.
    ImportReport importCsv(QIODevice& device, const QString& fileName,
                           const ImportOptions& options = {});
    ImportReport importCsv(QByteArrayView data, const QString& fileName,
                           const ImportOptions& options = {});
    // CSV serial,code,family,source,origin,created_at; spreadsheet-safe (csv_writer.h), and
    // importCsv reads it back with the same sources.
    bool exportCodes(QIODevice& device);

    // Jobs.
    std::optional<qint64> addJob(const Job& job); // returns the new id
    bool updateJob(const Job& job);               // outcome, attempts and the details, by id
    std::optional<Job> job(qint64 id);
    QList<Job> jobs(const JobFilter& filter = {});
    bool exportJobs(QIODevice& device, const JobFilter& filter = {});
    AttemptHistory attempts(Family family, const QString& serial);

    // How codes are learned when none is on record (the radio card, a dealer's answer).
    // Stores a code with its provenance unless one is stored: the same code is a Duplicate (left
    // as it was), another one a Conflict (never overwritten).
    AddResult addLearnedCode(Family family, const QString& serial, const QString& code,
                             CodeProvenance provenance, const QString& origin,
                             std::optional<StoredCode>* previous = nullptr);
    // The radio refused the stored code `code` for this serial: flags it for everyone who looks
    // it up next. *flagged says whether such a code was stored. False on a database error.
    bool flagRefusedCode(Family family, const QString& serial, const QString& code,
                         const QString& technician, bool* flagged = nullptr);
    // The code worked after all (the refusal was a misread serial, ...): the flag goes.
    bool clearRefusedFlag(Family family, const QString& serial, const QString& code);
    // What a recorded outcome teaches the code database: a code that worked is kept (a radio
    // card's code is stored as "database:card:<technician>", an imported one becomes confirmed),
    // a refused code is flagged. The job's code and source say which code it was.
    bool learnFromOutcome(const Job& job, const QString& technician);
    // Records the outcome of a saved job (one more attempt when worked or refused), then
    // learnFromOutcome().
    bool recordOutcome(qint64 jobId, Outcome outcome, const QString& technician);
    // A saved job's outcome set again afterwards (a mistaken click): attempts follow (a
    // refusal counts at least one, "not tried" none) and the code database learns as from
    // recordOutcome(): worked confirms the code and clears its refused flag, refused flags it,
    // and a refusal taken back clears the flag unless another job still records one.
    bool changeOutcome(qint64 jobId, Outcome outcome, const QString& technician);

    // Code requests: a job whose code was asked of a dealer or the manufacturer's service.
    bool addCodeRequest(qint64 jobId, const QString& askedFrom, const QDateTime& askedAt = {});
    std::optional<CodeRequest> codeRequest(qint64 jobId);
    // The request was not sent after all (its letter could not be written): no longer waiting.
    bool removeCodeRequest(qint64 jobId);
    // The jobs still waiting for an answer, the longest waiting first.
    QList<std::pair<Job, CodeRequest>> waitingJobs();
    enum class AnswerResult {
        Saved,      // code stored with its source, the job carries it
        SameCode,   // the database already held this code: the job carries it
        Conflict,   // another code is stored for the serial: nothing changed
        NotWaiting, // the job was never asked for, or was answered already
        NotFound,   // no such job
        Failed      // database error: see lastError()
    };
    // The dealer's (Dealer) or the manufacturer's service's (Manufacturer) answer to a waiting
    // job: stored as "dealer:<from>" / "manufacturer:<from>", set as the job's code (outcome
    // stays not tried), and the request marked answered.
    AnswerResult answerCodeRequest(qint64 jobId, const QString& code, CodeProvenance provenance,
                                   const QString& from,
                                   std::optional<StoredCode>* previous = nullptr);

    // For tests and diagnostics: the underlying connection.
    QSqlDatabase connection() const { return QSqlDatabase::database(connectionName_, false); }

private:
    // job(id), with lastError_ saying so when there is no such job.
    std::optional<Job> existingJob(qint64 id);
    Database(DatabaseLocation location, QString connectionName);
    bool connect(const OpenOptions& options, QString* error);
    bool migrate(QString* error);
    bool beginWrite();
    bool commit();
    void rollback();
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
    QString describe(const QSqlError& error);
    bool isSqlite() const { return location_.kind == DatabaseLocation::Kind::Sqlite; }
    Job jobFromQuery(const QSqlQuery& query) const;
    QSqlQuery jobsQuery(const JobFilter& filter, bool* ok);

    DatabaseLocation location_;
    QString connectionName_;
    QString lastError_;
    std::unique_ptr<QSqlQuery> findQuery_; // prepared once: lookups are the hot path
    bool inTransaction_ = false;           // a reconnect would silently drop its writes
    bool reconnectFailed_ = false;
    QString readOnlyReason_;
    bool mayReadOnly_ = false; // the last failure leaves reading possible
    bool slowReconnect_ = false;
    bool connectionLost_ = false;
    int retryDepth_ = 0;
    QElapsedTimer lastReconnect_;
    OpenOptions options_;
};

} // namespace radiocode::storage
