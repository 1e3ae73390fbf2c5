// `radiocode sheet … --print [--printer NAME] [--copies N]` and `--format`: the options that
// send the sheet (or the code card) to a printer through CUPS, kept apart from writing a file.
#pragma once

#include "cli_context.h"
#include "instruction_sheet.h"

#include <QStringList>

#include <optional>

namespace radiocode::cli {

struct SheetPrintOptions {
    bool print = false;
    QString printer; // empty: the system's default printer
    int copies = 1;
    std::optional<SheetFormat> format; // --format; else --paper or the saved paper
};

// Takes --print, --printer, --copies and --format at arguments[index] (as --name VALUE or
// --name=VALUE, advancing index past the value). Returns nothing when the argument is none of
// them, else the exit status: ExitCodeShown when taken, a usage error when malformed.
std::optional<int> takeSheetPrintOption(Context& context, const QStringList& arguments,
                                        qsizetype& index, SheetPrintOptions& options);

// Prints `content` in `format` and says "Printed: job N on PRINTER", or why not (exit 3).
// Returns ExitCodeShown when it was printed.
int printSheet(Context& context, const SheetContent& content, const SheetPrintOptions& options,
               SheetFormat format);

// The help lines of the options above.
void printSheetPrintHelp(Context& context);

} // namespace radiocode::cli
