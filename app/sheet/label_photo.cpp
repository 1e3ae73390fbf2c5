#include "sheet/label_photo.h"

#include <QBuffer>
#include <QPainter>
#include <QTransform>

#include <algorithm>

namespace radiocode {

QImage LabelPhoto::image() const {
    return QImage::fromData(jpeg, "JPEG");
}

QImage LabelPhoto::framedImage() const {
    QImage picture = image();
    if (picture.isNull() || serialFrame.size() < 3)
        return picture;
    picture = picture.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&picture);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 150, 70), std::max(3.0, picture.width() / 250.0)));
    painter.drawPolygon(serialFrame);
    return picture;
}

QImage LabelPhoto::printedImage() const {
    const QImage picture = framedImage();
    if (picture.isNull() || serialFrame.size() < 3)
        return picture;
    // The label is a few times the serial's height and wider than it: cut a piece around it, so
    // the print shows the label's text rather than the bench around it.
    const QRectF serial = serialFrame.boundingRect();
    const qreal width = std::max(serial.width() * 2.4, serial.height() * 6);
    const qreal height = std::max(serial.height() * 4, width * 0.7);
    QRectF piece(serial.center() - QPointF(width / 2, height / 2), QSizeF(width, height));
    piece = piece.intersected(QRectF(picture.rect()));
    if (piece.width() * piece.height() > 0.85 * picture.width() * picture.height())
        return picture;
    return picture.copy(piece.toAlignedRect());
}

LabelPhoto LabelPhoto::fromPicture(const QImage& picture, const QPolygonF& serialFrame,
                                   const QString& serialRead, const QStringList& serials) {
    LabelPhoto photo;
    if (picture.isNull())
        return photo;
    QImage scaled = picture;
    if (std::max(picture.width(), picture.height()) > maxSide)
        scaled = picture.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // JPEG has no alpha: a transparent screenshot goes on white, not black.
    if (scaled.hasAlphaChannel()) {
        QImage opaque(scaled.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter(&opaque).drawImage(0, 0, scaled);
        scaled = opaque;
    }
    for (int quality : {85, 75, 65, 50, 35}) {
        QBuffer buffer(&photo.jpeg);
        buffer.open(QIODevice::WriteOnly);
        if (!scaled.save(&buffer, "JPEG", quality))
            return {};
        if (photo.jpeg.size() <= targetBytes)
            break;
        photo.jpeg.clear();
    }
    if (photo.jpeg.isEmpty()) { // a huge noisy picture: smaller still rather than none
        scaled = scaled.scaled(scaled.size() / 2, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QBuffer buffer(&photo.jpeg);
        buffer.open(QIODevice::WriteOnly);
        scaled.save(&buffer, "JPEG", 50);
    }
    const QTransform toScaled = QTransform::fromScale(double(scaled.width()) / picture.width(),
                                                      double(scaled.height()) / picture.height());
    photo.serialFrame = toScaled.map(serialFrame);
    photo.serialRead = serialRead;
    photo.serials = serials;
    photo.takenAt = QDateTime::currentDateTimeUtc();
    return photo;
}

} // namespace radiocode
