#include "storage/job_pictures.h"

#include "storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace radiocode::storage {
namespace {

bool failed(const QSqlQuery& query, QString* error) {
    if (error)
        *error = Database::tr("The label photo could not be read or saved: %1")
                     .arg(query.lastError().text().trimmed());
    return false;
}

} // namespace

QString frameText(const QList<QPointF>& frame) {
    QStringList points;
    points.reserve(frame.size());
    for (const QPointF& point : frame)
        points << QString::number(point.x(), 'f', 1) + QLatin1Char(',') +
                      QString::number(point.y(), 'f', 1);
    return points.join(QLatin1Char(';'));
}

QList<QPointF> frameFromText(const QString& text) {
    QList<QPointF> frame;
    if (text.isEmpty())
        return frame;
    for (const QString& point : text.split(QLatin1Char(';'))) {
        const QStringList xy = point.split(QLatin1Char(','));
        bool xOk = false;
        bool yOk = false;
        const double x = xy.size() == 2 ? xy[0].toDouble(&xOk) : 0;
        const double y = xy.size() == 2 ? xy[1].toDouble(&yOk) : 0;
        if (!xOk || !yOk)
            return {};
        frame << QPointF(x, y);
    }
    return frame;
}

bool saveJobPicture(Database& database, qint64 jobId, const JobPicture& picture, QString* error) {
    if (picture.isNull() || picture.jpeg.size() > maxJobPictureBytes) {
        if (error)
            *error = Database::tr("The label photo is empty or larger than %1 MB: it was not "
                                  "kept with the job.")
                         .arg(maxJobPictureBytes / (1024 * 1024));
        return false;
    }
    QSqlQuery query(database.connection());
    // One statement, so no transaction is needed; both SQLite and PostgreSQL know the upsert.
    query.prepare(QStringLiteral(
        "INSERT INTO job_pictures (job_id, taken_at, serial_read, serial_frame, jpeg) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET taken_at = excluded.taken_at, "
        "serial_read = excluded.serial_read, serial_frame = excluded.serial_frame, "
        "jpeg = excluded.jpeg"));
    const QDateTime taken =
        picture.takenAt.isValid() ? picture.takenAt : QDateTime::currentDateTimeUtc();
    query.addBindValue(jobId);
    query.addBindValue(taken.toUTC().toString(Qt::ISODate));
    query.addBindValue(picture.serialRead.isNull() ? QStringLiteral("") : picture.serialRead);
    // Qt binds a null QString as SQL NULL; the column is NOT NULL.
    const QString frame = frameText(picture.serialFrame);
    query.addBindValue(frame.isNull() ? QStringLiteral("") : frame);
    query.addBindValue(picture.jpeg);
    if (!query.exec())
        return failed(query, error);
    return true;
}

std::optional<JobPicture> jobPicture(const Database& database, qint64 jobId, QString* error) {
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT taken_at, serial_read, serial_frame, jpeg FROM "
                                 "job_pictures WHERE job_id = ?"));
    query.addBindValue(jobId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    JobPicture picture;
    picture.takenAt = QDateTime::fromString(query.value(0).toString(), Qt::ISODate);
    picture.takenAt.setTimeSpec(Qt::UTC);
    picture.serialRead = query.value(1).toString();
    picture.serialFrame = frameFromText(query.value(2).toString());
    picture.jpeg = query.value(3).toByteArray();
    if (picture.isNull())
        return std::nullopt;
    return picture;
}

bool removeJobPicture(Database& database, qint64 jobId, QString* error) {
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("DELETE FROM job_pictures WHERE job_id = ?"));
    query.addBindValue(jobId);
    if (!query.exec())
        return failed(query, error);
    return true;
}

QSet<qint64> jobsWithPicture(const Database& database, QString* error) {
    QSet<qint64> ids;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT job_id FROM job_pictures"))) {
        failed(query, error);
        return ids;
    }
    while (query.next())
        ids.insert(query.value(0).toLongLong());
    return ids;
}

} // namespace radiocode::storage
