// `radiocode sheet … --print [--printer NAME] [--copies N]` and `--format`: the options that
// send the sheet (or the code card) to a printer through CUPS, kept apart from writing a file.
#pragma once

#include "cli/cli_context.h"
#include "sheet/instruction_sheet.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace radiocode::cli {

class Command;

struct SheetPrintOptions {
    bool print = false;
    QString printer; // empty: the system's default printer
    int copies = 1;
    std::optional<SheetFormat> format; // --format; else --paper or the saved paper
};

// --print, --printer, --copies and --format; read after parsing: false, after a usage error,
// when a value is malformed.
QList<QCommandLineOption> sheetPrintOptions();
bool readSheetPrintOptions(Context& context, const Command& command,
                           const QCommandLineParser& parser, SheetPrintOptions& options);

// --paper a4|letter of sheet and request: the saved paper when not given; false, after a usage
// error, when it names no paper size.
bool readPaper(Context& context, const Command& command, const QCommandLineParser& parser,
               PaperSize& paper);

// Prints `content` in `format` and says "Printed: job N on PRINTER", or why not (exit 3).
// Returns ExitCodeShown when it was printed.
int printSheet(Context& context, const SheetContent& content, const SheetPrintOptions& options,
               SheetFormat format);

} // namespace radiocode::cli
