// Hands a finished PDF to the print system (CUPS) and says what became of it: the job id, or
// in plain words why nothing was printed (no printer, a stopped printer, one that rejects
// jobs, a print server that cannot be reached). Used by `radiocode sheet --print` and by the
// desktop program, so both report the same.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace radiocode {

struct PrintRequest {
    QString printer; // empty: the system's default printer
    int copies = 1;
    QString title;       // the job's name in the queue
    QString media;       // CUPS media name ("A4", "Letter", "Custom.85x54mm"); empty: as set
    QString sides;       // "two-sided-long-edge", …; empty: the printer's default
    bool collate = true; // with several copies
    QList<QPair<QByteArray, QByteArray>> extraOptions; // options chosen in a print dialog
};

struct PrintOutcome {
    bool printed = false;
    int jobId = 0;
    QString printer; // the printer the job went to (or would have)
    QString error;   // why nothing was printed, in words for the user
};

class CupsPrinting {
    Q_DECLARE_TR_FUNCTIONS(CupsPrinting)

public:
    // Checks the printer (exists, not stopped, accepting jobs) and sends `pdf` to it.
    static PrintOutcome print(const QByteArray& pdf, const PrintRequest& request);
    // The printers the print system knows, and its default one (empty when there is none).
    static QStringList printerNames();
    static QString defaultPrinter();
};

} // namespace radiocode
