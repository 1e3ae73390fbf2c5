// The job log: jobs saved, updated, listed and exported, the refused tries for a serial, and
// what an outcome teaches the code database.
#include "storage/job_log.h"

#include "storage/csv_writer.h"
#include "storage/database.h"
#include "storage/database_columns.h"
#include "storage/job_pictures.h"

#include "common/texts.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace radiocode::storage {

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

// --- jobs ----------------------------------------------------------------------------------

namespace {

const QString jobColumns = QStringLiteral("id, created_at, technician, customer, registration, "
                                          "vin, family, serial, code, source, outcome, attempts, "
                                          "part_number, notes");

Job jobFromQuery(const QSqlQuery& query) {
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
    job.source = Provenance::fromId(query.value(9).toString().toStdString());
    job.outcome = outcomeFromId(query.value(10).toString()).value_or(Outcome::NotTried);
    job.attempts = query.value(11).toInt();
    job.partNumber = query.value(12).toString();
    job.notes = query.value(13).toString();
    return job;
}

// The job's columns from technician to notes, in the order addJob and updateJob name them.
void bindJobDetails(QSqlQuery& query, const Job& job) {
    query.addBindValue(notNull(job.technician));
    query.addBindValue(notNull(job.customer));
    query.addBindValue(notNull(job.registration));
    query.addBindValue(notNull(job.vin));
    query.addBindValue(job.family ? familyText(*job.family) : QVariant());
    query.addBindValue(notNull(job.serial));
    query.addBindValue(notNull(job.code));
    query.addBindValue(QString::fromStdString(job.source.id()));
    query.addBindValue(outcomeId(job.outcome));
    query.addBindValue(std::max(job.attempts, 0));
    query.addBindValue(notNull(job.partNumber));
    query.addBindValue(notNull(job.notes));
}

} // namespace

std::optional<qint64> JobLog::addJob(const Job& job) {
    QSqlQuery query(database_.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO jobs (created_at, technician, customer, "
        "registration, vin, family, serial, code, source, outcome, "
        "attempts, part_number, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"));
    query.addBindValue(timestamp(job.time.isValid() ? job.time : QDateTime::currentDateTimeUtc()));
    bindJobDetails(query, job);
    if (!query.exec() || !query.next()) {
        database_.fail(query);
        return std::nullopt;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

bool JobLog::updateJob(const Job& job) {
    QSqlQuery query(database_.connection());
    query.prepare(
        QStringLiteral("UPDATE jobs SET technician = ?, customer = ?, registration = ?, "
                       "vin = ?, family = ?, serial = ?, code = ?, source = ?, "
                       "outcome = ?, attempts = ?, part_number = ?, notes = ? WHERE id = ?"));
    bindJobDetails(query, job);
    query.addBindValue(job.id);
    if (!query.exec())
        return database_.fail(query);
    if (query.numRowsAffected() == 0) {
        database_.setLastError(Database::tr("Job %1 does not exist.").arg(job.id));
        return false;
    }
    return true;
}

std::optional<Job> JobLog::job(qint64 id) {
    std::optional<QSqlQuery> query = database_.read(
        QStringLiteral("SELECT ") + jobColumns + QStringLiteral(" FROM jobs WHERE id = ?"), {id});
    if (!query || !query->next())
        return std::nullopt;
    return jobFromQuery(*query);
}

std::optional<QSqlQuery> JobLog::jobsQuery(const JobFilter& filter) {
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
    return database_.read(sql, values);
}

QList<Job> JobLog::jobs(const JobFilter& filter) {
    std::optional<QSqlQuery> query = jobsQuery(filter);
    QList<Job> result;
    while (query && query->next())
        result.append(jobFromQuery(*query));
    return result;
}

bool JobLog::exportJobs(QIODevice& device, const JobFilter& filter) {
    // Whether a label photo is kept with the job; the picture itself stays in the database.
    // Asked first: PostgreSQL streams the jobs, and another query would drop the rest of them.
    const QSet<qint64> pictured = jobsWithPicture(database_);
    std::optional<QSqlQuery> query = jobsQuery(filter);
    if (!query)
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
    while (query->next()) {
        const Job job = jobFromQuery(*query);
        if (!writer.writeRow(
                {QString::number(job.id), timestamp(job.time), job.technician, job.customer,
                 job.registration, job.vin, job.family ? familyText(*job.family) : QString(),
                 job.serial, job.code, QString::fromStdString(job.source.id()),
                 outcomeId(job.outcome), QString::number(job.attempts), job.partNumber, job.notes,
                 pictured.contains(job.id) ? QStringLiteral("yes") : QStringLiteral("no")}))
            return database_.cannotWriteExport(writer.errorString());
    }
    return writer.finish() || database_.cannotWriteExport(writer.errorString());
}

AttemptHistory JobLog::attempts(Family family, const QString& serial) {
    AttemptHistory history;
    std::optional<QSqlQuery> query = database_.read(
        QStringLiteral("SELECT created_at, outcome, attempts FROM jobs WHERE "
                       "serial = ? AND family = ? ORDER BY created_at DESC, id DESC"),
        {serial, familyText(family)});
    while (query && query->next()) {
        const auto outcome = outcomeFromId(query->value(1).toString());
        if (outcome == Outcome::Worked)
            break;
        if (outcome == Outcome::Refused) {
            history.refusedAttempts += std::max(query->value(2).toInt(), 1);
            if (!history.lastRefused.isValid())
                history.lastRefused = fromTimestamp(query->value(0).toString());
        }
    }
    return history;
}

// --- what an outcome teaches the code database ---------------------------------------------

bool JobLog::learnFromOutcome(const Job& job, const QString& technician) {
    if (!servedByDatabase(job.family) || job.code.isEmpty() || job.serial.isEmpty())
        return true;
    const Family family = *job.family;
    if (job.outcome == Outcome::Refused)
        return database_.codes().flagRefusedCode(family, job.serial, job.code, technician);
    if (job.outcome != Outcome::Worked)
        return true;
    const Provenance& source = job.source;
    if (source.kind == Provenance::Kind::CardEntered) {
        // The card's code is kept only now that the radio accepted it.
        QString enteredBy = QString::fromStdString(source.who);
        if (enteredBy.isEmpty())
            enteredBy = technician;
        std::optional<StoredCode> previous;
        switch (database_.codes().addLearnedCode(family, job.serial, job.code, CodeProvenance::Card,
                                                 enteredBy, &previous)) {
        case AddResult::Added:
            return true;
        case AddResult::Duplicate:
            return database_.codes().clearRefusedFlag(family, job.serial, job.code);
        case AddResult::Conflict:
            database_.setLastError(
                Database::tr("The radio accepted %1 from the radio card, but the code database "
                             "holds %2 for %3 (%4): the stored code was kept. Check which is right "
                             "and correct it with “radiocode db add … --replace”.")
                    .arg(job.code, previous->code, job.serial,
                         Texts::sourceDescription(previous->sourceProvenance())));
            return false;
        default:
            return false;
        }
    }
    if (source.kind == Provenance::Kind::Imported && !technician.isEmpty()) {
        if (database_.codes().addConfirmedCode(family, job.serial, job.code, technician) ==
            AddResult::Failed)
            return false;
    }
    return database_.codes().clearRefusedFlag(family, job.serial, job.code);
}

std::optional<Job> JobLog::existingJob(qint64 id) {
    std::optional<Job> found = job(id);
    if (!found && database_.lastError().isEmpty())
        database_.setLastError(Database::tr("Job %1 does not exist.").arg(id));
    return found;
}

bool JobLog::recordOutcome(qint64 jobId, Outcome outcome, const QString& technician) {
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

bool JobLog::changeOutcome(qint64 jobId, Outcome outcome, const QString& technician) {
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
    return database_.codes().clearRefusedFlag(*changed.family, changed.serial, changed.code);
}

} // namespace radiocode::storage
