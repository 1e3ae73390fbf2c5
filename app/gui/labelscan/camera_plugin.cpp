// The plugin radiocode_camera: everything that needs Qt Multimedia.
#include "gui/labelscan/camera_plugin.h"

#include <QCamera>
#include <QCameraDevice>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

#include <memory>

namespace radiocode::gui {
namespace {

class Camera : public QObject {
public:
    Camera(std::function<void(const QImage&)> onFrame,
           std::function<void(FrameSource::Failure)> onFailure)
        : onFrame_(std::move(onFrame)), onFailure_(std::move(onFailure)) {}
    ~Camera() override { stop(); }

    void start() {
        const QCameraDevice device = QMediaDevices::defaultVideoInput();
        if (device.isNull()) {
            onFailure_(FrameSource::Failure::NoCamera);
            return;
        }
        cameraId_ = device.id();
        camera_ = std::make_unique<QCamera>(device);
        session_ = std::make_unique<QMediaCaptureSession>();
        sink_ = std::make_unique<QVideoSink>();
        session_->setCamera(camera_.get());
        session_->setVideoSink(sink_.get());
        connect(sink_.get(), &QVideoSink::videoFrameChanged, this,
                [this](const QVideoFrame& frame) {
                    const QImage image = frame.toImage();
                    if (!image.isNull())
                        onFrame_(image);
                });
        connect(camera_.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error) {
            if (error != QCamera::NoError)
                onFailure_(FrameSource::Failure::CameraError);
        });
        // Unplugged: the device leaves the list of video inputs.
        devices_ = new QMediaDevices(this);
        connect(devices_, &QMediaDevices::videoInputsChanged, this, [this] {
            if (!camera_)
                return;
            for (const QCameraDevice& input : QMediaDevices::videoInputs()) {
                if (input.id() == cameraId_)
                    return;
            }
            stop();
            onFailure_(FrameSource::Failure::CameraGone);
        });
        camera_->start();
    }

private:
    void stop() {
        if (camera_)
            camera_->stop();
        session_.reset();
        sink_.reset();
        camera_.reset();
    }

    std::function<void(const QImage&)> onFrame_;
    std::function<void(FrameSource::Failure)> onFailure_;
    std::unique_ptr<QCamera> camera_;
    std::unique_ptr<QMediaCaptureSession> session_;
    std::unique_ptr<QVideoSink> sink_;
    QMediaDevices* devices_ = nullptr;
    QByteArray cameraId_;
};

bool cameraAvailable() {
    return !QMediaDevices::videoInputs().isEmpty();
}

QObject* startCamera(std::function<void(const QImage&)> onFrame,
                     std::function<void(FrameSource::Failure)> onFailure) {
    auto* camera = new Camera(std::move(onFrame), std::move(onFailure));
    camera->start();
    return camera;
}

const CameraPlugin plugin{cameraPluginVersion, &cameraAvailable, &startCamera};

} // namespace
} // namespace radiocode::gui

extern "C" Q_DECL_EXPORT const radiocode::gui::CameraPlugin* radiocode_camera_plugin() {
    return &radiocode::gui::plugin;
}
