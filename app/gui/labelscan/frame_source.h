// Where webcam frames come from: the camera through Qt Multimedia, or (in tests) frames made
// from generated label pictures. The webcam dialog sees only this interface.
#pragma once

#include <QImage>
#include <QObject>

#include <memory>

namespace radiocode::gui {

class FrameSource : public QObject {
    Q_OBJECT

public:
    enum class Failure {
        NoCamera,   // none connected
        CameraGone, // unplugged or stopped while in use
        CameraError // the camera reported an error
    };
    Q_ENUM(Failure)

    using QObject::QObject;
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void frameArrived(const QImage& frame);
    void failed(radiocode::gui::FrameSource::Failure failure);
};

// The default camera, through QCamera, QMediaCaptureSession and QVideoSink in the camera plugin
// (camera_plugin.h), loaded when first asked.
class CameraFrameSource : public FrameSource {
    Q_OBJECT

public:
    explicit CameraFrameSource(QObject* parent = nullptr);
    ~CameraFrameSource() override;
    static bool cameraAvailable();
    void start() override;
    void stop() override;

private:
    std::unique_ptr<QObject> camera_; // the plugin's running camera
};

} // namespace radiocode::gui
