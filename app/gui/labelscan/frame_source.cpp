#include "frame_source.h"

#include "camera_plugin.h"
#include "plugin_loading.h"

#include <QtDebug>

namespace radiocode::gui {
namespace {

// Loaded on the first call; null when the plugin cannot be loaded (then there is no camera).
const CameraPlugin* cameraPlugin() {
    static const CameraPlugin* const plugin = []() -> const CameraPlugin* {
        QString problem;
        using Entry = const CameraPlugin* (*)();
        const auto entry = reinterpret_cast<Entry>(
            resolveInPlugin(pluginPaths(QStringLiteral(RADIOCODE_CAMERA_INSTALLED),
                                        QStringLiteral(RADIOCODE_CAMERA_BUILT)),
                            "radiocode_camera_plugin", problem));
        const CameraPlugin* loaded = entry ? entry() : nullptr;
        if (loaded && loaded->version == cameraPluginVersion)
            return loaded;
        qWarning("radiocode-finder: the camera support (Qt Multimedia) could not be loaded: %s",
                 qUtf8Printable(loaded ? QStringLiteral("another version") : problem));
        return nullptr;
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
