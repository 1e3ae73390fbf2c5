#include "gui/labelscan/frame_source.h"

#include "common/plugin_loading.h"
#include "gui/labelscan/camera_plugin.h"

#include <QtDebug>

namespace radiocode::gui {
namespace {

// Loaded on the first call; null when the plugin cannot be loaded (then there is no camera).
const CameraPlugin* cameraPlugin() {
    static const CameraPlugin* const plugin = [] {
        QString problem;
        return loadPluginTable<CameraPlugin>(pluginPaths(QStringLiteral(RADIOCODE_CAMERA_INSTALLED),
                                                         QStringLiteral(RADIOCODE_CAMERA_BUILT)),
                                             "radiocode_camera_plugin", cameraPluginVersion,
                                             "the camera support (Qt Multimedia)", problem);
    }();
    return plugin;
}

} // namespace

CameraFrameSource::CameraFrameSource(QObject* parent) : FrameSource(parent) {}

CameraFrameSource::~CameraFrameSource() {
    stop();
}

bool CameraFrameSource::cameraAvailable() {
    const CameraPlugin* plugin = cameraPlugin();
    return plugin && plugin->cameraAvailable();
}

void CameraFrameSource::start() {
    const CameraPlugin* plugin = cameraPlugin();
    if (!plugin) {
        emit failed(Failure::NoCamera);
        return;
    }
    camera_.reset(plugin->startCamera([this](const QImage& frame) { emit frameArrived(frame); },
                                      [this](Failure failure) { emit failed(failure); }));
}

void CameraFrameSource::stop() {
    camera_.reset();
}

} // namespace radiocode::gui
