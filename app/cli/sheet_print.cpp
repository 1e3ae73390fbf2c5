#include "sheet_print.h"

#include "commands.h"
#include "cups_printing.h"

namespace radiocode::cli {

std::optional<int> takeSheetPrintOption(Context& context, const QStringList& arguments,
                                        qsizetype& index, SheetPrintOptions& options) {
    const QString& argument = arguments.at(index);
    const QString name = argument.section(QLatin1Char('='), 0, 0);
    if (argument == QLatin1String("--print")) {
        options.print = true;
        return ExitCodeShown;
    }
    if (name != QLatin1String("--printer") && name != QLatin1String("--copies") &&
        name != QLatin1String("--format"))
        return std::nullopt;
    QString value;
    if (argument.contains(QLatin1Char('=')))
        value = argument.section(QLatin1Char('='), 1);
    else if (index + 1 < arguments.size())
        value = arguments.at(++index);
    else
        return usageError(context, "sheet", Cli::tr("%1 needs a value.").arg(name));
    if (name == QLatin1String("--printer")) {
        if (value.trimmed().isEmpty())
            return usageError(context, "sheet", Cli::tr("--printer needs a printer's name."));
        options.printer = value;
        options.print = true;
    } else if (name == QLatin1String("--copies")) {
        bool ok = false;
        const int copies = value.toInt(&ok);
        if (!ok || copies < 1 || copies > 99)
            return usageError(
                context, "sheet",
                Cli::tr("--copies takes a number from 1 to 99, not \"%1\".").arg(value));
        options.copies = copies;
        options.print = true;
    } else {
        options.format = InstructionSheet::formatFromName(value);
        if (!options.format)
            return usageError(
                context, "sheet",
                Cli::tr("unknown format \"%1\": use a4, letter, card or label62.").arg(value));
    }
    return ExitCodeShown;
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

void printSheetPrintHelp(Context& context) {
    context.out << "  --print             "
                << Cli::tr("print it (on the default printer unless --printer names one)") << "\n"
                << "  --printer NAME      " << Cli::tr("the printer (a CUPS queue) to print on")
                << "\n"
                << "  --copies N          " << Cli::tr("how many copies to print (1 to 99)") << "\n"
                << "  --format F          "
                << Cli::tr("a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm "
                           "label) for the code card")
                << "\n";
}

} // namespace radiocode::cli
