#include "common/plugin_loading.h"
#include "labelscan/label_engines.h"

namespace radiocode::labelscan {
namespace {

struct Loaded {
    const LabelEngines* engines = nullptr;
    QString problem;
};

const Loaded& loaded() {
    static const Loaded result = [] {
        Loaded loading;
        loading.engines = loadPluginTable<LabelEngines>(
            pluginPaths(QStringLiteral(RADIOCODE_LABEL_ENGINES_INSTALLED),
                        QStringLiteral(RADIOCODE_LABEL_ENGINES_BUILT)),
            "radiocode_label_engines", labelEnginesVersion,
            "the label readers (zxing-cpp, Tesseract)", loading.problem);
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
