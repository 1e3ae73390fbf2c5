// radiocode-finder as main() starts it: the code finder with the built-in algorithms, the code
// database joined to it, and the main window. The GUI tests build this same object, so what they
// check is what the technician gets.
#pragma once

#include "gui/database/database_integration.h"
#include "gui/labelscan/label_scan_integration.h"
#include "gui/main_window.h"

#include "radiocode/code_source.h"

namespace radiocode::gui {

class FinderProgram {
public:
    FinderProgram();
    FinderProgram(const FinderProgram&) = delete;
    FinderProgram& operator=(const FinderProgram&) = delete;

    MainWindow& window() { return window_; }
    DatabaseIntegration& database() { return database_; }
    LabelScanIntegration& labelScan() { return labelScan_; }

private:
    // In this order: the database borrows the finder, the window asks both.
    CodeFinder finder_;
    DatabaseIntegration database_;
    MainWindow window_;
    LabelScanIntegration labelScan_;
};

} // namespace radiocode::gui
