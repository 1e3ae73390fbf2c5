// The picture of the radio's label a serial was read from, as it goes with the job: scaled down
// to a JPEG of a few hundred KB (stored in the job log, printed small on the instruction sheet
// and the code request), with the outline of the serial on it.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QPolygonF>
#include <QString>
#include <QStringList>

namespace radiocode {

struct LabelPhoto {
    QByteArray jpeg;
    QPolygonF serialFrame; // in the JPEG's pixels; empty when not known
    QString serialRead;    // as read off the picture
    // The serials this picture stands for (the one read and the corrections it suggested): the
    // photo goes only with a job for one of them, never with another radio's.
    QStringList serials;
    QDateTime takenAt;

    bool isNull() const { return jpeg.isEmpty(); }
    bool isFor(const QString& serial) const {
        return !isNull() && !serial.isEmpty() && serials.contains(serial);
    }
    QImage image() const; // decoded; null when the bytes are not a picture
    // The picture with the serial framed, as the sheet, the request and the history show it.
    QImage framedImage() const;
    // The framed picture cut to the label around the serial (a phone photo shows the label in a
    // part of it), for a small print; the whole picture when no frame is known.
    QImage printedImage() const;

    // The long side is scaled down to this and the quality lowered until the JPEG fits.
    static constexpr int maxSide = 1600;
    static constexpr qsizetype targetBytes = 400 * 1024;
    // `picture` scaled down and encoded, the frame scaled with it; null for a null picture.
    static LabelPhoto fromPicture(const QImage& picture, const QPolygonF& serialFrame,
                                  const QString& serialRead, const QStringList& serials);
};

} // namespace radiocode
