// The printed instruction sheet: the code in four boxes, how to key it in, the cautions and
// the troubleshooting, for the technician to take to the car. One renderer for every output:
// QPdfWriter (GUI "Save as PDF", `radiocode sheet`) and QPrinter (print and preview).
#pragma once

#include "sheet/job_details.h"
#include "sheet/label_photo.h"

#include "radiocode/code_source.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QPageLayout>
#include <QPageSize>
#include <QString>

#include <optional>

class QIODevice;

class QPagedPaintDevice;

namespace radiocode {

enum class PaperSize { A4, Letter };

// What is printed: the whole instruction sheet on A4 or Letter, or the code card for the
// owner's handbook or the glovebox, 85 × 54 mm (card) or on a 62 mm continuous label (Brother
// QL and similar label printers).
enum class SheetFormat { A4, Letter, Card, Label62 };

struct SheetContent {
    QString workshopName; // a setting; may be empty
    QDate date;
    JobDetails job;
    LookupResult result;   // Ok: the code goes in the boxes; otherwise they stay empty
    LabelPhoto labelPhoto; // printed small, with the serial framed; null: no photo box
};

class InstructionSheet {
    Q_DECLARE_TR_FUNCTIONS(InstructionSheet)

public:
    // Paints the sheet, starting new pages on the device when it runs long. The device's page
    // size and margins are taken as set. Returns false when the device could not be painted on.
    static bool render(QPagedPaintDevice& device, const SheetContent& content);

    // Writes a PDF; on failure returns false and says why in `error`.
    static bool writePdf(const QString& path, const SheetContent& content, PaperSize paper,
                         QString* error = nullptr);
    // The same into an open device (a file being replaced, a pipe); the caller closes it.
    static bool writePdf(QIODevice& device, const SheetContent& content, SheetFormat format,
                         QString* error = nullptr);

    // The sheet or the card in `format`, as a PDF in memory. `layout` replaces the format's own
    // page size and margins (the paper a print dialog chose); on failure returns empty bytes
    // and says why in `error`.
    static QByteArray pdf(const SheetContent& content, SheetFormat format,
                          const std::optional<QPageLayout>& layout = std::nullopt,
                          QString* error = nullptr);
    static bool writePdf(const QString& path, const SheetContent& content, SheetFormat format,
                         QString* error = nullptr);
    // Paints `format` on the device as its page layout is set: the sheet, or the code card.
    static bool render(QPagedPaintDevice& device, const SheetContent& content, SheetFormat format);
    static QPageLayout pageLayout(SheetFormat format);
    static std::optional<SheetFormat>
    formatFromName(const QString& name); // a4, letter, card, label62
    static QString formatName(SheetFormat format);
    static bool isCodeCard(SheetFormat format) {
        return format == SheetFormat::Card || format == SheetFormat::Label62;
    }
    static SheetFormat format(PaperSize paper) {
        return paper == PaperSize::Letter ? SheetFormat::Letter : SheetFormat::A4;
    }

    // `text` with each emoji (a sequence of pictographs, joiners, skin tones) as one plain
    // square: the colour emoji font's bitmaps do not survive into a PDF, where they would be
    // invisible gaps.
    static QString printableText(const QString& text);

    static QPageSize pageSize(PaperSize paper);
    static std::optional<PaperSize> paperFromName(const QString& name); // "a4", "letter"
    static PaperSize defaultPaper(); // Letter in the US and Canada, A4 elsewhere
    // The paper chosen in the GUI (shared setting), else defaultPaper().
    static PaperSize savedPaper();
    static void savePaper(PaperSize paper);

    static QString title();

    // The workshop's name printed on every sheet: one setting shared by the GUI and the CLI.
    static QString savedWorkshopName();
    static void saveWorkshopName(const QString& name);
};

} // namespace radiocode
