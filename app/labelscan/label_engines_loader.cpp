#include "label_engines.h"
#include "plugin_loading.h"

#include <QtDebug>

namespace radiocode::labelscan {
namespace {

struct Loaded {
    const LabelEngines* engines = nullptr;
    QString problem;
};

const Loaded& loaded() {
    static const Loaded result = [] {
        Loaded loading;
        using Entry = const LabelEngines* (*)();
        const auto entry = reinterpret_cast<Entry>(
            resolveInPlugin(pluginPaths(QStringLiteral(RADIOCODE_LABEL_ENGINES_INSTALLED),
                                        QStringLiteral(RADIOCODE_LABEL_ENGINES_BUILT)),
                            "radiocode_label_engines", loading.problem));
        const LabelEngines* engines = entry ? entry() : nullptr;
        if (engines && engines->version == labelEnginesVersion) {
            loading.engines = engines;
            return loading;
        }
        if (engines)
            loading.problem = QStringLiteral("the plugin is of another version");
        qWarning("radiocode: the label readers (zxing-cpp, Tesseract) could not be loaded: %s",
                 qUtf8Printable(loading.problem));
        return loading;
    }();
    return result;
}

} // namespace

const LabelEngines* labelEngines() {
    return loaded().engines;
}

QString labelEnginesProblem() {
    return loaded().problem;
}

} // namespace radiocode::labelscan
