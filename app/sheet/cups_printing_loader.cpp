// CupsPrinting in the programs: the plugin radiocode_printing (cups_printing.cpp) does the work.
#include "common/plugin_loading.h"
#include "sheet/cups_printing.h"
#include "sheet/printing_plugin.h"

#include <QtDebug>

namespace radiocode {
namespace {

// Loaded on the first call (thread-safe).
const LoadedPlugin<PrintingPlugin>& loaded() {
    static const LoadedPlugin<PrintingPlugin> result = loadPlugin<PrintingPlugin>(
        pluginPaths(QStringLiteral(RADIOCODE_PRINTING_INSTALLED),
                    QStringLiteral(RADIOCODE_PRINTING_BUILT)),
        "radiocode_printing_plugin", printingPluginVersion, "printing (CUPS)");
    return result;
}

} // namespace

PrintOutcome CupsPrinting::print(const QByteArray& pdf, const PrintRequest& request) {
    if (const PrintingPlugin* plugin = loaded().table)
        return plugin->print(pdf, request);
    PrintOutcome outcome;
    outcome.printer = request.printer;
    outcome.error = tr("The document could not be sent to the printer %1: %2")
                        .arg(request.printer, loaded().problem);
    return outcome;
}

QStringList CupsPrinting::printerNames() {
    const PrintingPlugin* plugin = loaded().table;
    return plugin ? plugin->printerNames() : QStringList();
}

QString CupsPrinting::defaultPrinter() {
    const PrintingPlugin* plugin = loaded().table;
    return plugin ? plugin->defaultPrinter() : QString();
}

} // namespace radiocode
