#include "gui/sheet_printing.h"

#include "common/settings.h"

#include <QApplication>
#include <QFile>
#include <QKeyEvent>
#include <QKeySequence>
#include <QPrintDialog>
#include <QPrintEngine>
#include <QPrinter>

namespace radiocode::gui {
namespace {

// Qt's CUPS print dialog keeps the printer options it offers (its "Properties" page) in this
// engine property, as name, value, name, value, … (PPK_CupsOptions in Qt's CUPS support).
constexpr auto cupsOptionsProperty = QPrintEngine::PrintEnginePropertyKey(0xfe00);

QString sidesFor(QPrinter::DuplexMode duplex) {
    switch (duplex) {
    case QPrinter::DuplexNone:
        return QStringLiteral("one-sided");
    case QPrinter::DuplexLongSide:
        return QStringLiteral("two-sided-long-edge");
    case QPrinter::DuplexShortSide:
        return QStringLiteral("two-sided-short-edge");
    case QPrinter::DuplexAuto:
        break;
    }
    return {};
}

QString jobTitle(const SheetContent& content, SheetFormat format) {
    return QStringLiteral("%1 %2").arg(
        InstructionSheet::isCodeCard(format) ? InstructionSheet::tr("Radio code card")
                                             : InstructionSheet::title(),
        QString::fromUtf8(content.result.recognition.serial.c_str()));
}

// Accepts the dialog when Ctrl+P is pressed in it.
class PrintAgainFilter : public QObject {
public:
    explicit PrintAgainFilter(QDialog& dialog) : dialog_(dialog) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return false;
        auto* widget = qobject_cast<QWidget*>(watched);
        auto* key = static_cast<QKeyEvent*>(event);
        if (!widget || widget->window() != &dialog_ || !key->matches(QKeySequence::Print))
            return false;
        if (event->type() == QEvent::KeyPress)
            dialog_.accept();
        event->accept();
        return true;
    }

private:
    QDialog& dialog_;
};

} // namespace

QString SheetPrinting::lastPrinter(SheetFormat format) {
    return Settings::value(Settings::lastPrinter(InstructionSheet::isCodeCard(format)));
}

void SheetPrinting::setLastPrinter(SheetFormat format, const QString& printer) {
    Settings::setValue(Settings::lastPrinter(InstructionSheet::isCodeCard(format)), printer);
}

bool SheetPrinting::printsWithoutAsking() {
    return Settings::value(Settings::printWithoutAsking, false);
}

void SheetPrinting::setPrintsWithoutAsking(bool withoutAsking) {
    Settings::setValue(Settings::printWithoutAsking, withoutAsking);
}

SheetFormat SheetPrinting::lastCardFormat() {
    const auto saved = InstructionSheet::formatFromName(Settings::value(Settings::cardFormat));
    return saved && InstructionSheet::isCodeCard(*saved) ? *saved : SheetFormat::Card;
}

void SheetPrinting::setLastCardFormat(SheetFormat format) {
    Settings::setValue(Settings::cardFormat, InstructionSheet::formatName(format));
}

PrintRequest SheetPrinting::requestFrom(const QPrinter& printer, const QPageLayout& layout) {
    PrintRequest request;
    request.printer = printer.printerName().section(QLatin1Char('/'), 0, 0); // without instance
    request.copies = std::max(1, printer.copyCount());
    request.collate = printer.collateCopies();
    request.sides = sidesFor(printer.duplex());
    request.media = layout.pageSize().key();
    const QStringList options = printer.printEngine()->property(cupsOptionsProperty).toStringList();
    for (qsizetype i = 0; i + 1 < options.size(); i += 2)
        request.extraOptions.append({options.at(i).toUtf8(), options.at(i + 1).toUtf8()});
    return request;
}

SheetPrinting::Result SheetPrinting::printWithDialog(QWidget* parent, const SheetContent& content,
                                                     SheetFormat format) {
    Result result;
    QPrinter printer(QPrinter::HighResolution);
    const QString last = lastPrinter(format);
    if (!last.isEmpty())
        printer.setPrinterName(last);
    printer.setPageLayout(InstructionSheet::pageLayout(format));
    printer.setDocName(jobTitle(content, format));
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("sheetPrintDialog"));
    dialog.setWindowTitle(InstructionSheet::isCodeCard(format) ? tr("Print the code card")
                                                               : tr("Print the instruction sheet"));
    // Ctrl+P again: print as set, on the printer already chosen (the last one), wherever the
    // focus is in the dialog.
    PrintAgainFilter again(dialog);
    qApp->installEventFilter(&again);
    const int answer = dialog.exec();
    qApp->removeEventFilter(&again);
    if (answer != QDialog::Accepted) {
        result.cancelled = true;
        return result;
    }
    // The sheet takes the paper chosen in the dialog; the card keeps its own size.
    const QPageLayout layout = InstructionSheet::isCodeCard(format)
                                   ? InstructionSheet::pageLayout(format)
                                   : printer.pageLayout();
    QString error;
    const QByteArray pdf = InstructionSheet::pdf(content, format, layout, &error);
    if (pdf.isEmpty()) {
        result.outcome.error = error;
        return result;
    }
    if (printer.outputFormat() == QPrinter::PdfFormat) {
        result.toFile = true;
        result.file = printer.outputFileName();
        QFile file(result.file);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(pdf) != pdf.size() || !file.flush()) {
            result.outcome.error = tr("Cannot write %1: %2").arg(result.file, file.errorString());
            return result;
        }
        result.outcome.printed = true;
        return result;
    }
    PrintRequest request = requestFrom(printer, layout);
    request.title = jobTitle(content, format);
    result.outcome = CupsPrinting::print(pdf, request);
    if (result.outcome.printed) {
        setLastPrinter(format, result.outcome.printer);
        Settings::setValue(Settings::lastPrinterSides(InstructionSheet::isCodeCard(format)),
                           request.sides);
    }
    return result;
}

SheetPrinting::Result SheetPrinting::printWithoutDialog(const SheetContent& content,
                                                        SheetFormat format) {
    Result result;
    QString error;
    const QByteArray pdf = InstructionSheet::pdf(content, format, std::nullopt, &error);
    if (pdf.isEmpty()) {
        result.outcome.error = error;
        return result;
    }
    PrintRequest request;
    request.printer = lastPrinter(format);
    request.title = jobTitle(content, format);
    request.media = InstructionSheet::pageLayout(format).pageSize().key();
    request.sides =
        Settings::value(Settings::lastPrinterSides(InstructionSheet::isCodeCard(format)));
    result.outcome = CupsPrinting::print(pdf, request);
    if (result.outcome.printed)
        setLastPrinter(format, result.outcome.printer);
    return result;
}

} // namespace radiocode::gui
