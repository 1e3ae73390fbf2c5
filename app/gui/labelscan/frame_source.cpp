#include "frame_source.h"

#include <QCamera>
#include <QCameraDevice>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

namespace radiocode::gui {

CameraFrameSource::CameraFrameSource(QObject* parent) : FrameSource(parent) {}

CameraFrameSource::~CameraFrameSource() {
    stop();
}

bool CameraFrameSource::cameraAvailable() {
    return !QMediaDevices::videoInputs().isEmpty();
}

void CameraFrameSource::start() {
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        emit failed(Failure::NoCamera);
        return;
    }
    cameraId_ = device.id();
    camera_ = std::make_unique<QCamera>(device);
    session_ = std::make_unique<QMediaCaptureSession>();
    sink_ = std::make_unique<QVideoSink>();
    session_->setCamera(camera_.get());
    session_->setVideoSink(sink_.get());
    connect(sink_.get(), &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        const QImage image = frame.toImage();
        if (!image.isNull())
            emit frameArrived(image);
    });
    connect(camera_.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error) {
        if (error != QCamera::NoError)
            emit failed(Failure::CameraError);
    });
    // Unplugged: the device leaves the list of video inputs.
    if (!devices_) {
        devices_ = new QMediaDevices(this);
        connect(devices_, &QMediaDevices::videoInputsChanged, this, [this] {
            if (!camera_)
                return;
            for (const QCameraDevice& input : QMediaDevices::videoInputs()) {
                if (input.id() == cameraId_)
                    return;
            }
            stop();
            emit failed(Failure::CameraGone);
        });
    }
    camera_->start();
}

void CameraFrameSource::stop() {
    if (camera_)
        camera_->stop();
    session_.reset();
    sink_.reset();
    camera_.reset();
}

} // namespace radiocode::gui
