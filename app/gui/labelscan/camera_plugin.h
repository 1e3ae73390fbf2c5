// The webcam through Qt Multimedia, in a plugin of its own (radiocode_camera): Qt Multimedia and
// its libraries are loaded when the cameras are first asked for, after the first frame, not at
// start. CameraFrameSource (frame_source.h) is the program's side.
#pragma once

#include "gui/labelscan/frame_source.h"

#include <QImage>
#include <QObject>

#include <functional>

namespace radiocode::gui {

// Raised whenever the table below changes, so that a plugin of another build is refused.
inline constexpr int cameraPluginVersion = 1;

struct CameraPlugin {
    int version = cameraPluginVersion;
    // Whether any camera is connected.
    bool (*cameraAvailable)() = nullptr;
    // Starts the default camera: its frames and failures come to the callbacks (in the thread
    // that called). Deleting the object returned stops the camera. A failure may be reported at
    // once (no camera).
    QObject* (*startCamera)(std::function<void(const QImage&)> onFrame,
                            std::function<void(FrameSource::Failure)> onFailure) = nullptr;
};

} // namespace radiocode::gui
