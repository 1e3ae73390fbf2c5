// The job log: jobs saved, updated, listed and exported, and the refused tries for a serial.
#include "storage/csv_writer.h"
#include "storage/database.h"
#include "storage/database_columns.h"
#include "storage/job_pictures.h"

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

std::optional<Job> Database::job(qint64 id) {
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

QSqlQuery Database::jobsQuery(const JobFilter& filter, bool* ok) {
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

QList<Job> Database::jobs(const JobFilter& filter) {
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

AttemptHistory Database::attempts(Family family, const QString& serial) {
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
