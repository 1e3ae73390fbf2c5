// Printing the sheet or the code card from the desktop program: the system's print dialog
// (its printers, their paper sizes and duplex), or straight to the last printer used without
// asking. The PDF goes to CUPS as `radiocode sheet --print` sends it, so the program can say
// which job it became, or why nothing was printed.
#pragma once

#include "sheet/cups_printing.h"
#include "sheet/instruction_sheet.h"

#include <QCoreApplication>

class QPrinter;
class QWidget;

namespace radiocode::gui {

class SheetPrinting {
    Q_DECLARE_TR_FUNCTIONS(SheetPrinting)

public:
    struct Result {
        bool cancelled = false; // the dialog was closed without printing
        bool toFile = false;    // the dialog's "print to file": written to `file`
        QString file;
        PrintOutcome outcome;
    };

    // Shows the print dialog with the last printer used for this kind of print chosen; Ctrl+P
    // in the dialog prints at once (so Ctrl+P twice prints to the last printer).
    static Result printWithDialog(QWidget* parent, const SheetContent& content, SheetFormat format);
    // Prints on the last printer used for this kind of print (the sheet or the card), with
    // its last duplex setting; the system's default printer when none was used yet.
    static Result printWithoutDialog(const SheetContent& content, SheetFormat format);

    // The settings behind the two: the last printer per kind, and "print without asking".
    static QString lastPrinter(SheetFormat format);
    static void setLastPrinter(SheetFormat format, const QString& printer);
    static bool printsWithoutAsking();
    static void setPrintsWithoutAsking(bool withoutAsking);
    // The card format last chosen (card or label62).
    static SheetFormat lastCardFormat();
    static void setLastCardFormat(SheetFormat format);

    // What CUPS should be told for a job set up in a print dialog (printer, copies, duplex,
    // paper and the dialog's own printer options).
    static PrintRequest requestFrom(const QPrinter& printer, const QPageLayout& layout);
};

} // namespace radiocode::gui
