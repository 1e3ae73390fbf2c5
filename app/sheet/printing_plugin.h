// CUPS (libcups, with GnuTLS, Kerberos and Avahi) is loaded on the first print or printer list,
// not at start: cups_printing.cpp is a plugin of its own (radiocode_printing), and CupsPrinting
// in the programs forwards to it (cups_printing_loader.cpp).
#pragma once

#include "sheet/cups_printing.h"

namespace radiocode {

// Raised whenever the table below changes, so that a plugin of another build is refused.
inline constexpr int printingPluginVersion = 1;

struct PrintingPlugin {
    int version = printingPluginVersion;
    PrintOutcome (*print)(const QByteArray& pdf, const PrintRequest& request) = nullptr;
    QStringList (*printerNames)() = nullptr;
    QString (*defaultPrinter)() = nullptr;
};

} // namespace radiocode
