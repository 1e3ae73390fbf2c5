// The label photo kept with a job, as the history shows it: the picture with the serial
// framed, and what was read off it when.
#pragma once

#include "sheet/label_photo.h"

#include <QDialog>

class QLabel;

namespace radiocode::gui {

class LabelPhotoViewer : public QDialog {
    Q_OBJECT

public:
    LabelPhotoViewer(const LabelPhoto& photo, const QString& jobSerial, QWidget* parent = nullptr);

    QLabel* pictureLabel() const { return picture_; }
    QLabel* captionLabel() const { return caption_; }

private:
    QLabel* picture_;
    QLabel* caption_;
};

} // namespace radiocode::gui
