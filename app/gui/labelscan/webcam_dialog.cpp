#include "gui/labelscan/webcam_dialog.h"

#include "gui/labelscan/keep_picture_box.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace radiocode::gui {

WebcamDialog::WebcamDialog(std::unique_ptr<FrameSource> source, QWidget* parent)
    : Retranslating(parent), source_(std::move(source)), thread_(new QThread(this)),
      reader_(new QObject) {
    setObjectName(QStringLiteral("webcamDialog"));
    reader_->moveToThread(thread_);
    connect(thread_, &QThread::finished, reader_, &QObject::deleteLater);
    thread_->start();

    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("webcamPreview"));
    preview_->setMinimumSize(480, 360);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setStyleSheet(QStringLiteral("background: #222; color: #ddd;"));
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("webcamState"));
    state_->setWordWrap(true);
    confirmNote_ = new QLabel(this);
    confirmNote_->setWordWrap(true);
    keepPicture_ = makeKeepPictureBox(QStringLiteral("keepWebcamPhoto"), this);
    retry_ = new QPushButton(this);
    retry_->setObjectName(QStringLiteral("webcamRetry"));
    retry_->hide();
    connect(retry_, &QPushButton::clicked, this, &WebcamDialog::start);
    use_ = new QPushButton(this);
    use_->setObjectName(QStringLiteral("useWebcamReading"));
    use_->setDefault(true);
    use_->setEnabled(false);
    close_ = new QPushButton(this);
    connect(use_, &QPushButton::clicked, this, &QDialog::accept);
    connect(close_, &QPushButton::clicked, this, &WebcamDialog::reject);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(retry_, QDialogButtonBox::ActionRole);
    buttons->addButton(use_, QDialogButtonBox::AcceptRole);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(preview_, 1);
    layout->addWidget(state_);
    layout->addWidget(confirmNote_);
    layout->addWidget(keepPicture_);
    layout->addWidget(buttons);

    connect(source_.get(), &FrameSource::frameArrived, this, &WebcamDialog::showFrame);
    connect(source_.get(), &FrameSource::failed, this, &WebcamDialog::sourceFailed);
    retranslate();
}

WebcamDialog::~WebcamDialog() {
    source_->stop();
    thread_->quit();
    thread_->wait();
}

void WebcamDialog::retranslate() {
    setWindowTitle(tr("Read the serial with the webcam"));
    confirmNote_->setText(tr("Hold the label still in front of the camera. A serial read off a "
                             "picture can be misread: compare it with the label."));
    keepPicture_->setText(tr("&Keep this picture with the job"));
    keepPicture_->setToolTip(tr("A small copy is saved with the job and printed on the sheet, "
                                "so a refused code can be checked against the real label"));
    retry_->setText(tr("Try again"));
    use_->setText(tr("Use this serial"));
    close_->setText(tr("Close"));
    showState();
}

void WebcamDialog::start() {
    failure_.reset();
    steady_.reset();
    steadyFrame_ = QImage();
    steadiness_.reset();
    use_->setEnabled(false);
    retry_->hide();
    showState();
    source_->start();
}

void WebcamDialog::reject() {
    source_->stop();
    QDialog::reject();
}

void WebcamDialog::showFrame(const QImage& frame) {
    ++framesShown_;
    preview_->setPixmap(QPixmap::fromImage(frame).scaled(preview_->size(), Qt::KeepAspectRatio,
                                                         Qt::FastTransformation));
    if (busy_ || steady_)
        return; // the reader is at work on an earlier frame: this one is only shown
    busy_ = true;
    QPointer<WebcamDialog> self(this);
    QMetaObject::invokeMethod(reader_, [self, frame] {
        const labelscan::ScanReport report = labelscan::scanImage(frame);
        QMetaObject::invokeMethod(
            self.data(),
            [self, report, frame] {
                if (self)
                    self->frameDone(report, frame);
            },
            Qt::QueuedConnection);
    });
}

bool WebcamDialog::keepPicture() const {
    return keepPicture_->isChecked() && !steadyFrame_.isNull();
}

void WebcamDialog::frameDone(const labelscan::ScanReport& report, const QImage& frame) {
    busy_ = false;
    ++framesRead_;
    if (!steady_) {
        steady_ = steadiness_.feed(report);
        if (steady_) {
            steadyFrame_ = frame;
            use_->setEnabled(true);
            use_->setFocus();
        }
    }
    showState();
    emit frameRead();
    if (steady_)
        emit steadyFound();
}

void WebcamDialog::sourceFailed(FrameSource::Failure failure) {
    failure_ = failure;
    retry_->show();
    showState();
}

void WebcamDialog::showState() {
    if (failure_) {
        switch (*failure_) {
        case FrameSource::Failure::NoCamera:
            state_->setText(tr("No webcam found. Connect one and press Try again, or read the "
                               "serial from a photo."));
            break;
        case FrameSource::Failure::CameraGone:
            state_->setText(tr("The webcam was disconnected. Connect it again and press Try "
                               "again, or read the serial from a photo."));
            break;
        case FrameSource::Failure::CameraError:
            state_->setText(tr("The webcam stopped with an error. Press Try again, or read the "
                               "serial from a photo."));
            break;
        }
        if (steady_)
            state_->setText(state_->text() + u' ' +
                            tr("Read before it stopped: %1.")
                                .arg(QString::fromStdString(steady_->recognition.serial)));
        return;
    }
    if (steady_) {
        state_->setText(tr("Found %1 (the same in %n frames in a row). Check it against the "
                           "label, then use it.",
                           nullptr, steadiness_.framesNeeded())
                            .arg(QString::fromStdString(steady_->recognition.serial)));
    } else if (steadiness_.sawTwoSerials()) {
        state_->setText(tr("Two different serials in view: show the camera one label only."));
    } else if (steadiness_.streak() > 0) {
        state_->setText(tr("Reading… hold still."));
    } else {
        state_->setText(tr("Looking for a serial…"));
    }
}

} // namespace radiocode::gui
