// radiocode sheet SERIAL (--out FILE.pdf | --print): the printable instruction sheet.
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/output_target.h"
#include "cli/sheet_print.h"
#include "common/texts.h"
#include "sheet/instruction_sheet.h"

#include <QDate>
#include <QFileInfo>
#include <QGuiApplication>

namespace radiocode::cli {
namespace {

class SheetCommand final : public Command {
public:
    SheetCommand()
        : Command("sheet", QT_TRANSLATE_NOOP("radiocode::cli",
                                             "Write the printable instruction sheet (PDF)")) {}

    bool drawsPages() const override { return true; }

protected:
    QList<QCommandLineOption> options() const override {
        QList<QCommandLineOption> list{
            familyOption(Cli::tr("read the serial as this family's")),
            partNumberOption(Cli::tr("the Blaupunkt part number from the label, cross-checked "
                                     "with the serial and printed on the sheet")),
            readingOption(Cli::tr("which reading of a Blaupunkt 7th character that may be a "
                                  "letter or a digit the label shows (see lookup)")),
            valueOption("out", "FILE.pdf",
                        Cli::tr("where to write the PDF (required unless --print; - for the "
                                "standard output)")),
            QCommandLineOption(QStringLiteral("force"), Cli::tr("replace FILE.pdf when it exists")),
            valueOption("customer", "NAME", Cli::tr("the customer, printed on the sheet")),
            QCommandLineOption({QStringLiteral("vehicle"), QStringLiteral("registration")},
                               Cli::tr("the vehicle's registration"), QStringLiteral("REG")),
            valueOption("vin", "VIN", Cli::tr("the vehicle identification number (17 characters)")),
            valueOption("technician", "NAME", Cli::tr("who does the job")),
            valueOption("notes", "TEXT", Cli::tr("free notes")),
            valueOption("workshop", "NAME",
                        Cli::tr("the workshop's name (default: the one set in radiocode-finder)")),
            valueOption("paper", "a4|letter",
                        Cli::tr("paper size (default: as set in radiocode-finder, else from the "
                                "system's region)")),
        };
        return list << sheetPrintOptions();
    }
    QString argumentsSynopsis() const override { return QStringLiteral("SERIAL"); }
    QString description() const override {
        return Cli::tr("Writes the printable instruction sheet for one radio: the code in four "
                       "boxes, how to key it in, the cautions and what to do when the radio "
                       "refuses it. Without a code the boxes are left empty to fill in by hand. "
                       "Needs no display.");
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 the sheet was written with a code, 1 it was written "
                       "without one (not-found, unsupported), 2 invalid serial or arguments, 3 "
                       "the file could not be written or nothing was printed (no printer, a "
                       "stopped printer, one that rejects jobs).");
    }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

} // namespace

bool readVin(Context& context, const Command& command, QString& vin) {
    if (vin.isEmpty())
        return true;
    const VinCheck check = Vin::check(vin);
    if (check.state == VinState::Valid) {
        vin = check.vin;
        return true;
    }
    context.err
        << "radiocode " << command.name() << ": "
        << Cli::tr("--vin: %1")
               .arg(check.state == VinState::Incomplete
                        ? Cli::tr("a VIN has 17 characters, %1 were given.").arg(check.vin.size())
                        : check.message)
        << "\n";
    return false;
}

std::unique_ptr<Command> makeSheetCommand() {
    return std::make_unique<SheetCommand>();
}

int SheetCommand::execute(Context& context, const QCommandLineParser& parser) const {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        context.err << Cli::tr("radiocode sheet: the sheet cannot be drawn without fonts.") << "\n";
        return ExitFailure;
    }
    const QStringList serials = parser.positionalArguments();
    if (serials.size() > 1)
        return usageError(context, Cli::tr("unexpected argument \"%1\".").arg(serials.at(1)));
    const QString serial = serials.isEmpty() ? QString() : serials.first();
    std::optional<Family> family;
    if (!readFamily(context, *this, parser, family))
        return ExitInvalidInput;
    SheetPrintOptions printing;
    if (!readSheetPrintOptions(context, *this, parser, printing))
        return ExitInvalidInput;
    const QString partNumber = partNumberValue(parser);
    std::optional<ReadingChoice> reading;
    if (!readReading(context, *this, parser, reading))
        return ExitInvalidInput;
    const QString out = parser.value(QStringLiteral("out"));
    const bool force = parser.isSet(QStringLiteral("force"));
    SheetContent content;
    content.date = QDate::currentDate();
    content.workshopName = parser.isSet(QStringLiteral("workshop"))
                               ? parser.value(QStringLiteral("workshop"))
                               : InstructionSheet::savedWorkshopName();
    content.job.customer = parser.value(QStringLiteral("customer"));
    content.job.registration = parser.value(QStringLiteral("vehicle"));
    content.job.vin = parser.value(QStringLiteral("vin"));
    content.job.technician = parser.value(QStringLiteral("technician"));
    content.job.notes = parser.value(QStringLiteral("notes"));
    PaperSize paper;
    if (!readPaper(context, *this, parser, paper))
        return ExitInvalidInput;
    if (serial.isEmpty())
        return usageError(context, Cli::tr("the serial is missing."));
    if (out.isEmpty() && !printing.print)
        return usageError(context, Cli::tr("--out FILE.pdf (or --print) is missing."));
    if (!readVin(context, *this, content.job.vin))
        return ExitInvalidInput;

    content.result = lookupSerial(context, serial.toUtf8(), family, partNumber, reading);
    if (const int exit = readingNotApplicable(context, *this, reading, content.result); exit >= 0)
        return exit;
    const Recognition& recognition = content.result.recognition;
    if (content.result.status == LookupStatus::Invalid) {
        printSerialProblem(context, name(), recognition);
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
