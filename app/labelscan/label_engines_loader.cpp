#include "common/plugin_loading.h"
#include "labelscan/label_engines.h"

namespace radiocode::labelscan {
namespace {

// Loaded on the first call (thread-safe).
const LoadedPlugin<LabelEngines>& loaded() {
    static const LoadedPlugin<LabelEngines> result = loadPlugin<LabelEngines>(
        pluginPaths(QStringLiteral(RADIOCODE_LABEL_ENGINES_INSTALLED),
                    QStringLiteral(RADIOCODE_LABEL_ENGINES_BUILT)),
        "radiocode_label_engines", labelEnginesVersion, "the label readers (zxing-cpp, Tesseract)");
    return result;
}

} // namespace

const LabelEngines* labelEngines() {
    return loaded().table;
}

QString labelEnginesProblem() {
    return loaded().problem;
}

} // namespace radiocode::labelscan
