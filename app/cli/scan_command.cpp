// radiocode scan IMAGE... [--json]: the serials read off pictures of labels (barcodes, then the
// printed text), each answered as batch answers a line.
#include "cli/command.h"
#include "cli/commands.h"
#include "common/texts.h"
#include "labelscan/label_scanner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace radiocode::cli {
namespace {

QString csvField(const QString& text) {
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString loadFailure(const QString& path, const labelscan::LoadedImage& loaded) {
    switch (loaded.problem) {
    case labelscan::LoadProblem::NotFound:
        return Cli::tr("radiocode scan: %1: no such file.").arg(path);
    case labelscan::LoadProblem::NotReadable:
        return Cli::tr("radiocode scan: %1 cannot be read (a folder, or no permission).").arg(path);
    case labelscan::LoadProblem::NotAnImage:
        return Cli::tr("radiocode scan: %1 is not a picture this program can read (use PNG or "
                       "JPEG).")
            .arg(path);
    case labelscan::LoadProblem::Damaged:
        return Cli::tr("radiocode scan: %1 is damaged or cut short (%2); take or save the "
                       "picture again.")
            .arg(path, loaded.detail);
    case labelscan::LoadProblem::TooLarge:
        return Cli::tr("radiocode scan: %1 is larger than %2 megapixels; save a smaller copy.")
            .arg(path)
            .arg(labelscan::maxImagePixels / 1000000);
    case labelscan::LoadProblem::None:
        break;
    }
    return {};
}

struct Row {
    QString series, serial, status, code, source, readFrom;
    QJsonObject json;
};

Row rowOf(Context& context, const labelscan::Reading& reading) {
    Row row;
    row.readFrom = labelscan::readFromId(reading);
    const Recognition& recognition = reading.recognition;
    row.series = recognition.family ? Texts::fromUtf8(familyId(*recognition.family))
                                    : QStringLiteral("unknown");
    QJsonArray where;
    for (const QPointF& point : reading.where)
        where.append(QJsonArray{qRound(point.x()), qRound(point.y())});
    row.json = QJsonObject{{QStringLiteral("text_read"), reading.textRead},
                           {QStringLiteral("read_from"), row.readFrom},
                           {QStringLiteral("where"), where},
                           {QStringLiteral("message"), Texts::message(recognition)}};
    if (reading.method == labelscan::ReadMethod::Text)
        row.json.insert(QStringLiteral("confidence"), reading.confidence);
    if (!reading.beckerModel.isEmpty()) {
        row.json.insert(QStringLiteral("becker_model"), reading.beckerModel);
        row.json.insert(QStringLiteral("becker_serial_number"), reading.beckerSerialNumber);
    }
    if (!reading.isSerial()) {
        row.status = QStringLiteral("invalid");
        row.serial = reading.textRead;
        QJsonArray suggestions;
        for (const std::string& suggestion : recognition.suggestions)
            suggestions.append(Texts::fromUtf8(suggestion));
        row.json.insert(QStringLiteral("suggestions"), suggestions);
    } else {
        const LookupResult result = context.finder().lookupRecognised(recognition);
        row.serial = Texts::fromUtf8(result.recognition.serial);
        row.status = Texts::fromUtf8(lookupStatusId(result));
        if (result.answer) {
            row.code = Texts::fromUtf8(result.answer->code);
            row.source = Texts::fromUtf8(result.answer->source.id());
        }
    }
    row.json.insert(QStringLiteral("series"), row.series);
    row.json.insert(QStringLiteral("serial"), row.serial);
    row.json.insert(QStringLiteral("status"), row.status);
    row.json.insert(QStringLiteral("code"), row.code);
    row.json.insert(QStringLiteral("source"), row.source);
    return row;
}

class ScanCommand final : public Command {
public:
    ScanCommand()
        : Command("scan", QT_TRANSLATE_NOOP("radiocode::cli",
                                            "Read the serials off pictures of the label")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {jsonOption(Cli::tr("answer as one JSON object"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("IMAGE..."); }
    QString description() const override {
        return Cli::tr("Reads the radio serials off pictures of the label (a phone photo, a scan, "
                       "a screenshot: PNG, JPEG and the other formats Qt reads): barcodes first, "
                       "the printed text where no barcode carries a serial. Writes one CSV row "
                       "per serial found in each picture, with the header:") +
               QStringLiteral("\n  file,series,serial,status,code,source,read_from\n\n") +
               Cli::tr("A serial read off a picture can be misread: check it against the label "
                       "before entering a code. Two different serials on one picture are both "
                       "listed.");
    }
    QString details() const override {
        return columnsHelp(
            {Cli::tr("  status     as in batch (ok, invalid, unsupported, not-found, "
                     "unreachable), or no-serial: none was found in the picture (one row)"),
             Cli::tr("  serial     the normalised serial; for invalid, the text as read (a "
                     "letter that looks like a digit: check the label)"),
             Cli::tr("  read_from  barcode:FORMAT (barcode:Code128, ...) or text")},
            13);
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 every picture was read through (serials found or not), 2 a "
                       "picture could not be opened or bad arguments.");
    }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

} // namespace

std::unique_ptr<Command> makeScanCommand() {
    return std::make_unique<ScanCommand>();
}

int ScanCommand::execute(Context& context, const QCommandLineParser& parser) const {
    const QStringList paths = parser.positionalArguments();
    const bool json = parser.isSet(QStringLiteral("json"));
    if (paths.isEmpty())
        return usageError(context, Cli::tr("name at least one picture."));

    int status = ExitCodeShown;
    QJsonArray images;
    if (!json)
        context.out << "file,series,serial,status,code,source,read_from\n";
    for (const QString& path : paths) {
        const labelscan::LoadedImage loaded = labelscan::loadImage(path);
        if (!loaded.ok()) {
            const QString message = loadFailure(path, loaded);
            context.err << message << "\n";
            context.err.flush();
            status = ExitInvalidInput;
            if (json)
                images.append(QJsonObject{
                    {QStringLiteral("file"), path},
                    {QStringLiteral("error"),
                     QString::fromLatin1(labelscan::loadProblemId(loaded.problem).data())},
                    {QStringLiteral("message"), message}});
            continue;
        }
        const labelscan::ScanReport report = labelscan::scanImage(loaded.image);
        QJsonArray readings;
        for (const labelscan::Reading& reading : report.readings) {
            const Row row = rowOf(context, reading);
            if (json) {
                readings.append(row.json);
                continue;
            }
            context.out << csvField(path) << ',' << row.series << ',' << csvField(row.serial) << ','
                        << row.status << ',' << row.code << ',' << csvField(row.source) << ','
                        << row.readFrom << '\n';
        }
        if (report.readings.empty() && !json)
            context.out << csvField(path) << ",,,no-serial,,,\n";
        if (json)
            images.append(QJsonObject{{QStringLiteral("file"), path},
                                      {QStringLiteral("status"), report.readings.empty()
                                                                     ? QStringLiteral("no-serial")
                                                                     : QStringLiteral("read")},
                                      {QStringLiteral("readings"), readings}});
        context.out.flush();
    }
    if (json)
        context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("images"), images}})
                .toJson(QJsonDocument::Indented));
    return status;
}

} // namespace radiocode::cli
