// radiocode sheet SERIAL [--family F] --out FILE.pdf [--customer ...] [--vehicle ...] [--vin ...]
// [--technician ...] [--notes ...] [--workshop ...] [--paper a4|letter] [--part-number N]
// [--force]
#include "sheet_command.h"

#include "commands.h"
#include "instruction_sheet.h"
#include "output_target.h"
#include "sheet_print.h"
#include "texts.h"

#include <QDate>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstring>

namespace radiocode::cli {
namespace {

void printHelp(Context& context) {
    context.out
        << Cli::tr("Usage: radiocode sheet SERIAL [--family F] (--out FILE.pdf | --print) "
                   "[--customer NAME] [--vehicle REGISTRATION] [--vin VIN] [--technician NAME] "
                   "[--notes TEXT] [--workshop NAME] [--paper a4|letter] "
                   "[--format a4|letter|card|label62] [--part-number N] [--reading letter|digit] "
                   "[--print [--printer NAME] [--copies N]] [--force]")
        << "\n\n"
        << Cli::tr("Writes the printable instruction sheet for one radio: the code in four "
                   "boxes, how to key it in, the cautions and what to do when the radio refuses "
                   "it. Without a code the boxes are left empty to fill in by hand. Needs no "
                   "display.")
        << "\n\n"
        << Cli::tr("Options:") << "\n"
        << "  --family F          " << Cli::tr("read the serial as this family's") << "\n"
        << wrapped(QStringLiteral("  --part-number N     ") +
                       Cli::tr("the Blaupunkt part number from the label, cross-checked with "
                               "the serial and printed on the sheet"),
                   22)
        << "\n"
        << wrapped(QStringLiteral("  --reading letter|digit ") +
                       Cli::tr("which reading of a Blaupunkt 7th character that may be a letter "
                               "or a digit the label shows (see lookup)"),
                   22)
        << "\n"
        << "  --out FILE.pdf      "
        << Cli::tr("where to write the PDF (required unless --print; - for the standard output)")
        << "\n"
        << "  --force             " << Cli::tr("replace FILE.pdf when it exists") << "\n"
        << "  --customer NAME     " << Cli::tr("the customer, printed on the sheet") << "\n"
        << "  --vehicle REG       " << Cli::tr("the vehicle's registration") << "\n"
        << "  --vin VIN           " << Cli::tr("the vehicle identification number (17 characters)")
        << "\n"
        << "  --technician NAME   " << Cli::tr("who does the job") << "\n"
        << "  --notes TEXT        " << Cli::tr("free notes") << "\n"
        << "  --workshop NAME     "
        << Cli::tr("the workshop's name (default: the one set in radiocode-finder)") << "\n"
        << "  --paper a4|letter   "
        << Cli::tr(
               "paper size (default: as set in radiocode-finder, else from the system's region)")
        << "\n";
    printSheetPrintHelp(context);
    context.out
        << "\n"
        << Cli::tr("Exit status: 0 the sheet was written with a code, 1 it was written without "
                   "one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could "
                   "not be written or nothing was printed (no printer, a stopped printer, one "
                   "that rejects jobs).")
        << "\n";
}

} // namespace

std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv) {
    bool sheet = false;
    for (int i = 1; i < argc; ++i)
        sheet = sheet || std::strcmp(argv[i], "sheet") == 0 || std::strcmp(argv[i], "request") == 0;
    if (!sheet)
        return std::make_unique<QCoreApplication>(argc, argv);
    // Rendering needs no window system: never wait for (or fail on) a missing display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's note about a missing XDG_RUNTIME_DIR means nothing to someone writing a PDF.
    static QtMessageHandler previousHandler = nullptr;
    previousHandler = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext& where, const QString& text) {
            if (text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                return;
            if (previousHandler)
                previousHandler(type, where, text);
        });
    return std::make_unique<QGuiApplication>(argc, argv);
}

int runSheet(Context& context, const QStringList& arguments) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        context.err << Cli::tr("radiocode sheet: the sheet cannot be drawn without fonts.") << "\n";
        return ExitFailure;
    }
    QString serial;
    QString out;
    std::optional<Family> family;
    QString partNumber;
    std::optional<ReadingChoice> reading;
    SheetContent content;
    content.date = QDate::currentDate();
    content.workshopName = InstructionSheet::savedWorkshopName();
    PaperSize paper = InstructionSheet::savedPaper();
    SheetPrintOptions printing;
    bool optionsEnded = false;
    bool force = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(QLatin1String("--"))) {
            if (!serial.isEmpty())
                return usageError(context, "sheet",
                                  Cli::tr("unexpected argument \"%1\".").arg(argument));
            serial = argument;
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (isHelpOption(argument)) {
            printHelp(context);
            return ExitCodeShown;
        }
        if (argument == QLatin1String("--force")) {
            force = true;
            continue;
        }
        if (argument == QLatin1String("--family") ||
            argument.startsWith(QLatin1String("--family="))) {
            if (!takeFamilyOption(context, arguments, i, family))
                return ExitInvalidInput;
            continue;
        }
        if (argument == QLatin1String("--part-number") ||
            argument.startsWith(QLatin1String("--part-number="))) {
            if (!takePartNumberOption(context, "sheet", arguments, i, partNumber))
                return ExitInvalidInput;
            continue;
        }
        if (argument == QLatin1String("--reading") ||
            argument.startsWith(QLatin1String("--reading="))) {
            if (!takeReadingOption(context, "sheet", arguments, i, reading))
                return ExitInvalidInput;
            continue;
        }
        if (const std::optional<int> taken =
                takeSheetPrintOption(context, arguments, i, printing)) {
            if (*taken != ExitCodeShown)
                return *taken;
            continue;
        }
        // The options that take a value, as --name VALUE or --name=VALUE.
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        QString* target = nullptr;
        QString paperName;
        if (name == QLatin1String("--out"))
            target = &out;
        else if (name == QLatin1String("--customer"))
            target = &content.job.customer;
        else if (name == QLatin1String("--vehicle") || name == QLatin1String("--registration"))
            target = &content.job.registration;
        else if (name == QLatin1String("--vin"))
            target = &content.job.vin;
        else if (name == QLatin1String("--technician"))
            target = &content.job.technician;
        else if (name == QLatin1String("--notes"))
            target = &content.job.notes;
        else if (name == QLatin1String("--workshop"))
            target = &content.workshopName;
        else if (name == QLatin1String("--paper"))
            target = &paperName;
        if (!target)
            return usageError(context, "sheet", Cli::tr("unknown option %1.").arg(argument));
        if (argument.contains(QLatin1Char('=')))
            *target = argument.section(QLatin1Char('='), 1);
        else if (i + 1 < arguments.size())
            *target = arguments.at(++i);
        else
            return usageError(context, "sheet", Cli::tr("%1 needs a value.").arg(name));
        if (target == &paperName) {
            const auto chosen = InstructionSheet::paperFromName(paperName);
            if (!chosen)
                return usageError(
                    context, "sheet",
                    Cli::tr("unknown paper size \"%1\": use a4 or letter.").arg(paperName));
            paper = *chosen;
        }
    }
    if (serial.isEmpty())
        return usageError(context, "sheet", Cli::tr("the serial is missing."));
    if (out.isEmpty() && !printing.print)
        return usageError(context, "sheet", Cli::tr("--out FILE.pdf (or --print) is missing."));
    if (!content.job.vin.isEmpty()) {
        const VinCheck vin = Vin::check(content.job.vin);
        if (vin.state != VinState::Valid) {
            context.err << "radiocode sheet: "
                        << Cli::tr("--vin: %1")
                               .arg(vin.state == VinState::Incomplete
                                        ? Cli::tr("a VIN has 17 characters, %1 were given.")
                                              .arg(vin.vin.size())
                                        : vin.message)
                        << "\n";
            return ExitInvalidInput;
        }
        content.job.vin = vin.vin;
    }

    content.result = lookupSerial(context, serial.toUtf8(), family, partNumber, reading);
    if (const int exit = readingNotApplicable(context, "sheet", reading, content.result); exit >= 0)
        return exit;
    const Recognition& recognition = content.result.recognition;
    if (content.result.status == LookupStatus::Invalid) {
        context.err << "radiocode sheet: " << Texts::message(recognition) << "\n";
        for (const std::string& suggestion : recognition.suggestions)
            context.err << Texts::suggestion(Texts::fromUtf8(suggestion)) << "\n";
        return ExitInvalidInput;
    }
    const SheetFormat format = printing.format.value_or(InstructionSheet::format(paper));
    if (printing.print) {
        const int printed = printSheet(context, content, printing, format);
        if (printed != ExitCodeShown || out.isEmpty())
            return printed != ExitCodeShown                    ? printed
                   : content.result.status == LookupStatus::Ok ? ExitCodeShown
                                                               : ExitNoCode;
    }
    QString error;
    const auto target = OutputTarget::open(fileNameArgument(out), force, &error);
    if (!target) {
        context.err << "radiocode sheet: " << error << "\n";
        return ExitFailure;
    }
    if (!InstructionSheet::writePdf(target->device(), content, format, &error) ||
        !target->finish(&error)) {
        context.err << "radiocode sheet: " << error << "\n";
        return ExitFailure;
    }
    // The PDF went to the standard output: the message goes beside it, not into it.
    QTextStream& report =
        target->kind() == OutputTarget::Kind::StandardOutput ? context.err : context.out;
    const QString path = target->kind() == OutputTarget::Kind::ReplacedFile
                             ? QFileInfo(target->displayName()).absoluteFilePath()
                             : target->displayName();
    if (content.result.status == LookupStatus::Ok) {
        report
            << Cli::tr("Sheet for %1 written to %2.").arg(Texts::fromUtf8(recognition.serial), path)
            << "\n";
        return ExitCodeShown;
    }
    report << Cli::tr("Sheet for %1 written to %2 with empty code boxes: %3")
                  .arg(Texts::fromUtf8(recognition.serial), path,
                       Texts::noCodeReason(content.result))
           << "\n";
    return ExitNoCode;
}

} // namespace radiocode::cli
