// The job log: every radio a technician looked up, with the outcome on the radio, the refused
// tries per serial, and the code requests sent to a dealer or the manufacturer's service.
//
// Reached through Database::jobLog(); every call runs on the Database's connection and leaves
// its error in Database::lastError(). An outcome also teaches the code database (codes()).
#pragma once

#include "storage/code_store.h"

#include "radiocode/families.h"
#include "radiocode/provenance.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class QIODevice;
class QSqlQuery;

namespace radiocode::storage {

class Database;

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
    // Where the code came from; the jobs table, its export and the CLI's JSON hold its id().
    Provenance source;
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

class JobLog {
public:
    explicit JobLog(Database& database) : database_(database) {}
    JobLog(const JobLog&) = delete;
    JobLog& operator=(const JobLog&) = delete;

    std::optional<qint64> addJob(const Job& job); // returns the new id
    bool updateJob(const Job& job);               // outcome, attempts and the details, by id
    std::optional<Job> job(qint64 id);
    QList<Job> jobs(const JobFilter& filter = {});
    bool exportJobs(QIODevice& device, const JobFilter& filter = {});
    AttemptHistory attempts(Family family, const QString& serial);

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
        Failed      // database error: see Database::lastError()
    };
    // The dealer's (Dealer) or the manufacturer's service's (Manufacturer) answer to a waiting
    // job: stored as "dealer:<from>" / "manufacturer:<from>", set as the job's code (outcome
    // stays not tried), and the request marked answered.
    AnswerResult answerCodeRequest(qint64 jobId, const QString& code, CodeProvenance provenance,
                                   const QString& from,
                                   std::optional<StoredCode>* previous = nullptr);

private:
    // job(id), with lastError() saying so when there is no such job.
    std::optional<Job> existingJob(qint64 id);
    std::optional<QSqlQuery> jobsQuery(const JobFilter& filter);

    Database& database_;
};

} // namespace radiocode::storage
