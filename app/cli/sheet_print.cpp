#include "cli/sheet_print.h"

#include "cli/command.h"
#include "cli/commands.h"
#include "sheet/cups_printing.h"

namespace radiocode::cli {

QList<QCommandLineOption> sheetPrintOptions() {
    return {
        QCommandLineOption(QStringLiteral("print"),
                           Cli::tr("print it (on the default printer unless --printer names one)")),
        valueOption("printer", "NAME", Cli::tr("the printer (a CUPS queue) to print on")),
        valueOption("copies", "N", Cli::tr("how many copies to print (1 to 99)")),
        valueOption("format", "F",
                    Cli::tr("a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm "
                            "label) for the code card")),
    };
}

bool readSheetPrintOptions(Context& context, const Command& command,
                           const QCommandLineParser& parser, SheetPrintOptions& options) {
    options.print = parser.isSet(QStringLiteral("print"));
    if (parser.isSet(QStringLiteral("printer"))) {
        const QString printer = parser.value(QStringLiteral("printer"));
        if (printer.trimmed().isEmpty()) {
            command.usageError(context, Cli::tr("--printer needs a printer's name."));
            return false;
        }
        options.printer = printer;
        options.print = true;
    }
    if (parser.isSet(QStringLiteral("copies"))) {
        const QString value = parser.value(QStringLiteral("copies"));
        bool ok = false;
        const int copies = value.toInt(&ok);
        if (!ok || copies < 1 || copies > 99) {
            command.usageError(
                context, Cli::tr("--copies takes a number from 1 to 99, not \"%1\".").arg(value));
            return false;
        }
        options.copies = copies;
        options.print = true;
    }
    if (parser.isSet(QStringLiteral("format"))) {
        const QString value = parser.value(QStringLiteral("format"));
        options.format = InstructionSheet::formatFromName(value);
        if (!options.format) {
            command.usageError(
                context,
                Cli::tr("unknown format \"%1\": use a4, letter, card or label62.").arg(value));
            return false;
        }
    }
    return true;
}

bool readPaper(Context& context, const Command& command, const QCommandLineParser& parser,
               PaperSize& paper) {
    paper = InstructionSheet::savedPaper();
    if (!parser.isSet(QStringLiteral("paper")))
        return true;
    const QString name = parser.value(QStringLiteral("paper"));
    const auto chosen = InstructionSheet::paperFromName(name);
    if (!chosen) {
        command.usageError(context,
                           Cli::tr("unknown paper size \"%1\": use a4 or letter.").arg(name));
        return false;
    }
    paper = *chosen;
    return true;
}

int printSheet(Context& context, const SheetContent& content, const SheetPrintOptions& options,
               SheetFormat format) {
    QString error;
    const QByteArray pdf = InstructionSheet::pdf(content, format, std::nullopt, &error);
    if (pdf.isEmpty()) {
        context.err << "radiocode sheet: " << error << "\n";
        return ExitFailure;
    }
    PrintRequest request;
    request.printer = options.printer;
    request.copies = options.copies;
    request.title = QStringLiteral("%1 %2").arg(
        InstructionSheet::isCodeCard(format) ? InstructionSheet::tr("Radio code card")
                                             : InstructionSheet::title(),
        QString::fromUtf8(content.result.recognition.serial.c_str()));
    request.media = InstructionSheet::pageLayout(format).pageSize().key();
    const PrintOutcome outcome = CupsPrinting::print(pdf, request);
    if (!outcome.printed) {
        context.err << "radiocode sheet: " << Cli::tr("not printed: %1").arg(outcome.error) << "\n";
        return ExitFailure;
    }
    context.out << Cli::tr("Printed: job %1 on %2").arg(outcome.jobId).arg(outcome.printer);
    if (options.copies > 1)
        context.out << " " << Cli::tr("(%n copies)", nullptr, options.copies);
    context.out << "\n";
    return ExitCodeShown;
}

} // namespace radiocode::cli
