// CupsPrinting in the programs: the plugin radiocode_printing (cups_printing.cpp) does the work.
#include "common/plugin_loading.h"
#include "sheet/cups_printing.h"
#include "sheet/printing_plugin.h"

#include <QtDebug>

namespace radiocode {
namespace {

struct Loaded {
    const PrintingPlugin* plugin = nullptr;
    QString problem;
};

// Loaded on the first call (thread-safe).
const Loaded& loaded() {
    static const Loaded result = [] {
        Loaded loading;
        loading.plugin = loadPluginTable<PrintingPlugin>(
            pluginPaths(QStringLiteral(RADIOCODE_PRINTING_INSTALLED),
                        QStringLiteral(RADIOCODE_PRINTING_BUILT)),
            "radiocode_printing_plugin", printingPluginVersion, "printing (CUPS)", loading.problem);
        return loading;
    }();
    return result;
}

} // namespace

PrintOutcome CupsPrinting::print(const QByteArray& pdf, const PrintRequest& request) {
    if (const PrintingPlugin* plugin = loaded().plugin)
        return plugin->print(pdf, request);
    PrintOutcome outcome;
    outcome.printer = request.printer;
    outcome.error = tr("The document could not be sent to the printer %1: %2")
                        .arg(request.printer, loaded().problem);
    return outcome;
}

QStringList CupsPrinting::printerNames() {
    const PrintingPlugin* plugin = loaded().plugin;
    return plugin ? plugin->printerNames() : QStringList();
}

QString CupsPrinting::defaultPrinter() {
    const PrintingPlugin* plugin = loaded().plugin;
    return plugin ? plugin->defaultPrinter() : QString();
}

} // namespace radiocode
