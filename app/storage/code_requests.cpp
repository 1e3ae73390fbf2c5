// Code requests: a job whose code was asked of a dealer or the manufacturer's service, waiting
// for the answer, and the answer stored with its source and set as the job's code.
#include "storage/database.h"
#include "storage/database_columns.h"
#include "storage/job_log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace radiocode::storage {
bool JobLog::addCodeRequest(qint64 jobId, const QString& askedFrom, const QDateTime& askedAt) {
    if (!database_.beginWrite())
        return false;
    QSqlQuery remove(database_.connection());
    // Asked again (another dealer, a reminder): the newest request counts.
    remove.prepare(QStringLiteral("DELETE FROM code_requests WHERE job_id = ?"));
    remove.addBindValue(jobId);
    QSqlQuery insert(database_.connection());
    insert.prepare(QStringLiteral("INSERT INTO code_requests (job_id, asked_at, asked_from) "
                                  "VALUES (?, ?, ?)"));
    insert.addBindValue(jobId);
    insert.addBindValue(timestamp(askedAt.isValid() ? askedAt : QDateTime::currentDateTimeUtc()));
    insert.addBindValue(notNull(askedFrom));
    return database_.execInWrite(remove) && database_.execInWrite(insert) && database_.commit();
}

bool JobLog::removeCodeRequest(qint64 jobId) {
    if (!database_.beginWrite())
        return false;
    QSqlQuery query(database_.connection());
    query.prepare(QStringLiteral("DELETE FROM code_requests WHERE job_id = ?"));
    query.addBindValue(jobId);
    return database_.execInWrite(query) && database_.commit();
}

std::optional<CodeRequest> JobLog::codeRequest(qint64 jobId) {
    std::optional<QSqlQuery> query =
        database_.read(QStringLiteral("SELECT asked_at, asked_from, answered_at, answered_by FROM "
                                      "code_requests WHERE job_id = ?"),
                       {jobId});
    if (!query || !query->next())
        return std::nullopt;
    CodeRequest request;
    request.jobId = jobId;
    request.askedAt = fromTimestamp(query->value(0).toString());
    request.askedFrom = query->value(1).toString();
    request.answeredAt = fromTimestamp(query->value(2).toString());
    request.answeredBy = query->value(3).toString();
    return request;
}

QList<std::pair<Job, CodeRequest>> JobLog::waitingJobs() {
    QList<std::pair<Job, CodeRequest>> waiting;
    std::optional<QSqlQuery> ids =
        database_.read(QStringLiteral("SELECT job_id, asked_at, asked_from FROM code_requests "
                                      "WHERE answered_at = '' ORDER BY asked_at, job_id"));
    if (!ids)
        return waiting;
    QList<CodeRequest> requests;
    while (ids->next()) {
        CodeRequest request;
        request.jobId = ids->value(0).toLongLong();
        request.askedAt = fromTimestamp(ids->value(1).toString());
        request.askedFrom = ids->value(2).toString();
        requests.append(request);
    }
    ids->finish();
    for (const CodeRequest& request : requests)
        if (const auto found = job(request.jobId))
            waiting.append({*found, request});
    return waiting;
}

JobLog::AnswerResult JobLog::answerCodeRequest(qint64 jobId, const QString& code,
                                               CodeProvenance provenance, const QString& from,
                                               std::optional<StoredCode>* previous) {
    database_.setLastError({});
    const std::optional<Job> found = job(jobId);
    if (!found)
        return database_.lastError().isEmpty() ? AnswerResult::NotFound : AnswerResult::Failed;
    const std::optional<CodeRequest> request = codeRequest(jobId);
    if (!request || !request->waiting())
        return database_.lastError().isEmpty() ? AnswerResult::NotWaiting : AnswerResult::Failed;
    if (!servedByDatabase(found->family)) {
        database_.setLastError(Database::tr("Job %1 is not for a Blaupunkt or Becker radio: its "
                                            "code comes from the public algorithm.")
                                   .arg(jobId));
        return AnswerResult::Failed;
    }
    std::optional<StoredCode> stored;
    const AddResult added = database_.codes().addLearnedCode(*found->family, found->serial, code,
                                                             provenance, from, &stored);
    if (previous)
        *previous = stored;
    if (added == AddResult::Failed)
        return AnswerResult::Failed;
    if (added == AddResult::Conflict)
        return AnswerResult::Conflict;
    StoredCode answer{*found->family, found->serial, code, provenance, from, {}};
    const QString source = added == AddResult::Duplicate ? stored->source() : answer.source();

    if (!database_.beginWrite())
        return AnswerResult::Failed;
    QSqlQuery setCode(database_.connection());
    setCode.prepare(QStringLiteral("UPDATE jobs SET code = ?, source = ? WHERE id = ?"));
    setCode.addBindValue(code);
    setCode.addBindValue(source);
    setCode.addBindValue(jobId);
    QSqlQuery answered(database_.connection());
    answered.prepare(QStringLiteral(
        "UPDATE code_requests SET answered_at = ?, answered_by = ? WHERE job_id = ?"));
    answered.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    answered.addBindValue(notNull(from));
    answered.addBindValue(jobId);
    if (!database_.execInWrite(setCode) || !database_.execInWrite(answered) || !database_.commit())
        return AnswerResult::Failed;
    return added == AddResult::Duplicate ? AnswerResult::SameCode : AnswerResult::Saved;
}

} // namespace radiocode::storage
