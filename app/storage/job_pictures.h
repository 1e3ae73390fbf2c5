// The label photo kept with a job: a scaled-down JPEG of the picture the serial was read from,
// and where on it the serial was found, so a later "code refused" can be checked against the
// real label. Stored in the job_pictures table beside the job log (BLOB in SQLite, bytea in
// PostgreSQL), one picture per job.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QString>

#include <optional>

namespace radiocode::storage {

class Database;

struct JobPicture {
    QByteArray jpeg;
    QList<QPointF> serialFrame; // the serial's outline in the JPEG's pixels; empty: not known
    QString serialRead;         // the serial as it was read off the picture
    QDateTime takenAt;

    bool isNull() const { return jpeg.isEmpty(); }
};

// Anything larger is no scaled-down label photo: refused rather than stored.
inline constexpr qsizetype maxJobPictureBytes = 4 * 1024 * 1024;

// Keeps the picture with the job (replacing one kept before). False with *error on failure.
bool saveJobPicture(Database& database, qint64 jobId, const JobPicture& picture,
                    QString* error = nullptr);
// The job's picture; nullopt when it has none or the database failed (*error then says why).
std::optional<JobPicture> jobPicture(const Database& database, qint64 jobId,
                                     QString* error = nullptr);
bool removeJobPicture(Database& database, qint64 jobId, QString* error = nullptr);
// The jobs that have a picture (ids only, no image bytes).
QSet<qint64> jobsWithPicture(const Database& database, QString* error = nullptr);

// "x,y;x,y;…" as the table keeps the frame, and back (malformed text gives an empty frame).
QString frameText(const QList<QPointF>& frame);
QList<QPointF> frameFromText(const QString& text);

} // namespace radiocode::storage
