#include "gui/database/label_photo_viewer.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QScreen>
#include <QVBoxLayout>

namespace radiocode::gui {

LabelPhotoViewer::LabelPhotoViewer(const LabelPhoto& photo, const QString& jobSerial,
                                   QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("labelPhotoViewer"));
    setWindowTitle(tr("Label photo of %1").arg(jobSerial));
    picture_ = new QLabel(this);
    picture_->setObjectName(QStringLiteral("labelPhotoPicture"));
    picture_->setAlignment(Qt::AlignCenter);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QImage image = photo.framedImage();
    if (image.isNull()) {
        picture_->setText(tr("The photo kept with this job cannot be shown: its data is "
                             "damaged."));
    } else {
        // Fits a small screen with room for the caption and the button.
        QSize room(900, 620);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            room = room.boundedTo(screen->availableSize() * 0.8);
        picture_->setPixmap(
            QPixmap::fromImage(image).scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        picture_->setAccessibleName(tr("Photo of the radio's label"));
    }
    const QString when = QLocale().toString(photo.takenAt.toLocalTime(), QLocale::ShortFormat);
    caption_->setText(photo.serialRead.isEmpty()
                          ? tr("Taken on %1.").arg(when)
                          : tr("Read off this picture as %1 on %2 (framed in green). Compare it "
                               "with the serial of the job: %3.")
                                .arg(photo.serialRead, when, jobSerial));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(picture_, 1);
    layout->addWidget(caption_);
    layout->addWidget(buttons);
}

} // namespace radiocode::gui
