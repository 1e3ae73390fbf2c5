// How the code database learns codes when none was on record: the owner's radio card, a
// dealer's or the manufacturer's answer to a code request, and what an outcome on a radio says
// (a code that worked is kept, a refused one is flagged for the next technician).
#include "storage/database.h"

#include "common/texts.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace radiocode::storage {
namespace {

QString familyColumn(Family family) {
    return Texts::fromUtf8(familyId(family));
}

QString utcTimestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime fromUtcTimestamp(const QString& text) {
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

bool servedByDatabase(const std::optional<Family>& family) {
    return family && familyInfo(*family).origin == CodeOrigin::CodeDatabase;
}

} // namespace

AddResult Database::addLearnedCode(Family family, const QString& serial, const QString& code,
                                   CodeProvenance provenance, const QString& origin,
                                   std::optional<StoredCode>* previous) {
    if (!beginWrite())
        return AddResult::Failed;
    QSqlQuery query(connection());
    const auto abandon = [this](AddResult result) {
        rollback();
        return result;
    };
    if (!isSqlite() &&
        !query.exec(QStringLiteral("LOCK TABLE codes IN SHARE ROW EXCLUSIVE MODE"))) {
        fail(query);
        return abandon(AddResult::Failed);
    }
    lastError_.clear();
    const std::optional<StoredCode> stored = findCode(family, serial);
    if (!stored && !lastError_.isEmpty())
        return abandon(AddResult::Failed);
    if (previous)
        *previous = stored;
    if (stored)
        return abandon(stored->code == code ? AddResult::Duplicate : AddResult::Conflict);
    query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(serial);
    query.addBindValue(familyColumn(family));
    query.addBindValue(code);
    query.addBindValue(codeProvenanceId(provenance));
    query.addBindValue(origin.isNull() ? QStringLiteral("") : origin);
    query.addBindValue(utcTimestamp(QDateTime::currentDateTimeUtc()));
    if (!query.exec()) {
        fail(query);
        return abandon(AddResult::Failed);
    }
    return commit() ? AddResult::Added : AddResult::Failed;
}

bool Database::flagRefusedCode(Family family, const QString& serial, const QString& code,
                               const QString& technician, bool* flagged) {
    if (flagged)
        *flagged = false;
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("UPDATE codes SET refused_by = ?, refused_at = ? WHERE serial = "
                                 "? AND family = ? AND code = ?"));
    query.addBindValue(technician.isNull() ? QStringLiteral("") : technician);
    query.addBindValue(utcTimestamp(QDateTime::currentDateTimeUtc()));
    query.addBindValue(serial);
    query.addBindValue(familyColumn(family));
    query.addBindValue(code);
    if (!query.exec()) {
        fail(query);
        rollback();
        return false;
    }
    const bool any = query.numRowsAffected() > 0;
    if (!commit())
        return false;
    if (flagged)
        *flagged = any;
    return true;
}

bool Database::clearRefusedFlag(Family family, const QString& serial, const QString& code) {
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("UPDATE codes SET refused_by = '', refused_at = '' WHERE serial "
                                 "= ? AND family = ? AND code = ? AND refused_at <> ''"));
    query.addBindValue(serial);
    query.addBindValue(familyColumn(family));
    query.addBindValue(code);
    if (!query.exec()) {
        fail(query);
        rollback();
        return false;
    }
    return commit();
}

bool Database::learnFromOutcome(const Job& job, const QString& technician) {
    if (!servedByDatabase(job.family) || job.code.isEmpty() || job.serial.isEmpty())
        return true;
    const Family family = *job.family;
    if (job.outcome == Outcome::Refused)
        return flagRefusedCode(family, job.serial, job.code, technician);
    if (job.outcome != Outcome::Worked)
        return true;
    const Provenance source = Provenance::fromId(job.source.toStdString());
    if (source.kind == Provenance::Kind::CardEntered) {
        // The card's code is kept only now that the radio accepted it.
        QString enteredBy = QString::fromStdString(source.who);
        if (enteredBy.isEmpty())
            enteredBy = technician;
        std::optional<StoredCode> previous;
        switch (addLearnedCode(family, job.serial, job.code, CodeProvenance::Card, enteredBy,
                               &previous)) {
        case AddResult::Added:
            return true;
        case AddResult::Duplicate:
            return clearRefusedFlag(family, job.serial, job.code);
        case AddResult::Conflict:
            lastError_ = tr("The radio accepted %1 from the radio card, but the code database "
                            "holds %2 for %3 (%4): the stored code was kept. Check which is right "
                            "and correct it with “radiocode db add … --replace”.")
                             .arg(job.code, previous->code, job.serial,
                                  Texts::sourceDescription(previous->source()));
            return false;
        default:
            return false;
        }
    }
    if (source.kind == Provenance::Kind::Imported && !technician.isEmpty()) {
        if (addConfirmedCode(family, job.serial, job.code, technician) == AddResult::Failed)
            return false;
    }
    return clearRefusedFlag(family, job.serial, job.code);
}

std::optional<Job> Database::existingJob(qint64 id) {
    std::optional<Job> found = job(id);
    if (!found && lastError_.isEmpty())
        lastError_ = tr("Job %1 does not exist.").arg(id);
    return found;
}

bool Database::recordOutcome(qint64 jobId, Outcome outcome, const QString& technician) {
    std::optional<Job> found = existingJob(jobId);
    if (!found)
        return false;
    Job& updated = *found;
    updated.outcome = outcome;
    if (outcome != Outcome::NotTried)
        ++updated.attempts;
    if (updated.technician.isEmpty())
        updated.technician = technician;
    if (!updateJob(updated))
        return false;
    return learnFromOutcome(updated, technician.isEmpty() ? updated.technician : technician);
}

bool Database::changeOutcome(qint64 jobId, Outcome outcome, const QString& technician) {
    std::optional<Job> found = existingJob(jobId);
    if (!found)
        return false;
    Job& changed = *found;
    const Outcome before = changed.outcome;
    changed.outcome = outcome;
    if (outcome == Outcome::NotTried)
        changed.attempts = 0;
    else if (changed.attempts == 0)
        changed.attempts = 1;
    if (!updateJob(changed))
        return false;
    const QString who = technician.isEmpty() ? changed.technician : technician;
    if (outcome != Outcome::NotTried)
        return learnFromOutcome(changed, who);
    if (before != Outcome::Refused || !servedByDatabase(changed.family) || changed.code.isEmpty())
        return true;
    // The refusal was a mistake: the flag goes, unless another job of this radio still records
    // that the code was refused.
    JobFilter sameRadio;
    sameRadio.family = changed.family;
    sameRadio.outcome = Outcome::Refused;
    sameRadio.text = changed.serial;
    for (const Job& other : jobs(sameRadio))
        if (other.id != changed.id && other.serial == changed.serial && other.code == changed.code)
            return true;
    return clearRefusedFlag(*changed.family, changed.serial, changed.code);
}

bool Database::addCodeRequest(qint64 jobId, const QString& askedFrom, const QDateTime& askedAt) {
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    // Asked again (another dealer, a reminder): the newest request counts.
    query.prepare(QStringLiteral("DELETE FROM code_requests WHERE job_id = ?"));
    query.addBindValue(jobId);
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral("INSERT INTO code_requests (job_id, asked_at, asked_from) "
                                     "VALUES (?, ?, ?)"));
        query.addBindValue(jobId);
        query.addBindValue(
            utcTimestamp(askedAt.isValid() ? askedAt : QDateTime::currentDateTimeUtc()));
        query.addBindValue(askedFrom.isNull() ? QStringLiteral("") : askedFrom);
        ok = query.exec();
    }
    if (!ok) {
        fail(query);
        rollback();
        return false;
    }
    return commit();
}

bool Database::removeCodeRequest(qint64 jobId) {
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("DELETE FROM code_requests WHERE job_id = ?"));
    query.addBindValue(jobId);
    if (!query.exec()) {
        fail(query);
        rollback();
        return false;
    }
    return commit();
}

std::optional<CodeRequest> Database::codeRequest(qint64 jobId) {
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT asked_at, asked_from, answered_at, answered_by FROM "
                                 "code_requests WHERE job_id = ?"));
    query.addBindValue(jobId);
    if (!query.exec()) {
        if (reconnectIfLost())
            return retried([&] { return codeRequest(jobId); });
        fail(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    CodeRequest request;
    request.jobId = jobId;
    request.askedAt = fromUtcTimestamp(query.value(0).toString());
    request.askedFrom = query.value(1).toString();
    request.answeredAt = fromUtcTimestamp(query.value(2).toString());
    request.answeredBy = query.value(3).toString();
    return request;
}

QList<std::pair<Job, CodeRequest>> Database::waitingJobs() {
    QList<std::pair<Job, CodeRequest>> waiting;
    QSqlQuery ids(connection());
    ids.setForwardOnly(true);
    if (!ids.exec(QStringLiteral("SELECT job_id, asked_at, asked_from FROM code_requests WHERE "
                                 "answered_at = '' ORDER BY asked_at, job_id"))) {
        if (reconnectIfLost())
            return retried([&] { return waitingJobs(); });
        fail(ids);
        return waiting;
    }
    QList<CodeRequest> requests;
    while (ids.next()) {
        CodeRequest request;
        request.jobId = ids.value(0).toLongLong();
        request.askedAt = fromUtcTimestamp(ids.value(1).toString());
        request.askedFrom = ids.value(2).toString();
        requests.append(request);
    }
    ids.finish();
    for (const CodeRequest& request : requests)
        if (const auto found = job(request.jobId))
            waiting.append({*found, request});
    return waiting;
}

Database::AnswerResult Database::answerCodeRequest(qint64 jobId, const QString& code,
                                                   CodeProvenance provenance, const QString& from,
                                                   std::optional<StoredCode>* previous) {
    lastError_.clear();
    const std::optional<Job> found = job(jobId);
    if (!found)
        return lastError_.isEmpty() ? AnswerResult::NotFound : AnswerResult::Failed;
    const std::optional<CodeRequest> request = codeRequest(jobId);
    if (!request || !request->waiting())
        return lastError_.isEmpty() ? AnswerResult::NotWaiting : AnswerResult::Failed;
    if (!servedByDatabase(found->family)) {
        lastError_ = tr("Job %1 is not for a Blaupunkt or Becker radio: its code comes from the "
                        "public algorithm.")
                         .arg(jobId);
        return AnswerResult::Failed;
    }
    std::optional<StoredCode> stored;
    const AddResult added =
        addLearnedCode(*found->family, found->serial, code, provenance, from, &stored);
    if (previous)
        *previous = stored;
    if (added == AddResult::Failed)
        return AnswerResult::Failed;
    if (added == AddResult::Conflict)
        return AnswerResult::Conflict;
    StoredCode answer{*found->family, found->serial, code, provenance, from, {}};
    const QString source = added == AddResult::Duplicate ? stored->source() : answer.source();

    if (!beginWrite())
        return AnswerResult::Failed;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("UPDATE jobs SET code = ?, source = ? WHERE id = ?"));
    query.addBindValue(code);
    query.addBindValue(source);
    query.addBindValue(jobId);
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral(
            "UPDATE code_requests SET answered_at = ?, answered_by = ? WHERE job_id = ?"));
        query.addBindValue(utcTimestamp(QDateTime::currentDateTimeUtc()));
        query.addBindValue(from.isNull() ? QStringLiteral("") : from);
        query.addBindValue(jobId);
        ok = query.exec();
    }
    if (!ok) {
        fail(query);
        rollback();
        return AnswerResult::Failed;
    }
    if (!commit())
        return AnswerResult::Failed;
    return added == AddResult::Duplicate ? AnswerResult::SameCode : AnswerResult::Saved;
}

} // namespace radiocode::storage
