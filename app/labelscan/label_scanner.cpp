#include "labelscan/label_scanner.h"

#include "labelscan/label_engines.h"
#include "labelscan/text_lines.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <numbers>

namespace radiocode::labelscan {
namespace {

// Barcodes are looked for at most this big (longest side); zxing scales down further itself.
constexpr int barcodeMaxSide = 1600;
// Text is read on a copy of this longest side: label print is then 20-40 pixels high.
constexpr int textMaxSide = 2000;
constexpr int textMinSide = 1200;

bool cancelled(const ScanOptions& options) {
    return options.isCancelled && options.isCancelled();
}

void report(const ScanOptions& options, int percent) {
    if (options.progress)
        options.progress(percent);
}

QImage grayOf(const QImage& image) {
    if (image.format() == QImage::Format_Grayscale8)
        return image;
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// A working copy scaled to fit `maxSide`, with the transform that takes its points back.
struct Working {
    QImage gray;
    QTransform toOriginal;
};

Working scaledTo(const QImage& gray, int maxSide, int minSide = 0) {
    const int side = std::max(gray.width(), gray.height());
    double factor = 1.0;
    if (side > maxSide)
        factor = double(maxSide) / side;
    else if (minSide > 0 && side < minSide)
        factor = std::min(2.0, double(minSide) / side);
    if (factor == 1.0)
        return {gray, QTransform()};
    const QSize size(std::max(1, int(std::lround(gray.width() * factor))),
                     std::max(1, int(std::lround(gray.height() * factor))));
    return {gray.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation),
            QTransform::fromScale(double(gray.width()) / size.width(),
                                  double(gray.height()) / size.height())};
}

// The picture turned by `degrees` (on a white ground), with the way back.
Working rotated(const Working& source, double degrees) {
    QTransform turn;
    turn.rotate(degrees);
    const QTransform actual = QImage::trueMatrix(turn, source.gray.width(), source.gray.height());
    const QImage turned = source.gray.convertToFormat(QImage::Format_ARGB32_Premultiplied)
                              .transformed(turn, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    // Corners outside the picture come out transparent: white, like a label's margin.
    QImage flat(turned.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < turned.height(); ++y) {
        const auto* in = reinterpret_cast<const QRgb*>(turned.constScanLine(y));
        uchar* out = flat.scanLine(y);
        for (int x = 0; x < turned.width(); ++x) {
            const int alpha = qAlpha(in[x]);
            out[x] = uchar(std::min(255, qGray(in[x]) + 255 - alpha));
        }
    }
    return {flat, actual.inverted() * source.toOriginal};
}

QImage inverted(const QImage& gray) {
    QImage copy = gray.copy();
    copy.invertPixels();
    return copy;
}

// Unsharp mask: the picture plus its difference from a blurred copy. Soft print (an out of
// focus photo) gets edges that the OCR reads with more certainty.
QImage sharpened(const QImage& gray) {
    const QSize size = gray.size();
    const QImage blurred =
        gray.scaled(std::max(1, size.width() / 3), std::max(1, size.height() / 3),
                    Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_Grayscale8);
    QImage out(size, QImage::Format_Grayscale8);
    for (int y = 0; y < size.height(); ++y) {
        const uchar* in = gray.constScanLine(y);
        const uchar* soft = blurred.constScanLine(y);
        uchar* line = out.scanLine(y);
        for (int x = 0; x < size.width(); ++x)
            line[x] = uchar(std::clamp(in[x] + (in[x] - soft[x]) * 3 / 2, 0, 255));
    }
    return out;
}

// Stretches the grey levels between the 1st and 99th percentile: dim photos read like bright ones.
QImage stretched(const QImage& gray) {
    std::array<qint64, 256> histogram{};
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            ++histogram[line[x]];
    }
    const qint64 total = qint64(gray.width()) * gray.height();
    int low = 0, high = 255;
    qint64 seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[level];
        if (seen > total / 100) {
            low = level;
            break;
        }
    }
    seen = 0;
    for (int level = 255; level >= 0; --level) {
        seen += histogram[level];
        if (seen > total / 100) {
            high = level;
            break;
        }
    }
    if (high - low < 8 || (low < 8 && high > 247))
        return gray;
    std::array<uchar, 256> map{};
    for (int level = 0; level < 256; ++level)
        map[level] = uchar(std::clamp((level - low) * 255 / (high - low), 0, 255));
    QImage out = gray.copy();
    for (int y = 0; y < out.height(); ++y) {
        uchar* line = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            line[x] = map[line[x]];
    }
    return out;
}

// The angle (degrees) that lines the print up with the picture's rows and columns, from the
// projections of dark pixels on a small copy: text lines and bars give sharp profiles when level.
double skewOf(const QImage& gray) {
    const Working small = scaledTo(gray, 480);
    const QImage& image = small.gray;
    // Edges, not dark pixels: a dark table around the label would count as print.
    std::vector<QPointF> dark;
    for (int y = 0; y + 1 < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        const uchar* below = image.constScanLine(y + 1);
        for (int x = 0; x + 1 < image.width(); ++x) {
            if (std::abs(line[x + 1] - line[x]) + std::abs(below[x] - line[x]) > 60)
                dark.emplace_back(x, y);
        }
    }
    if (dark.size() < 50)
        return 0.0;
    const double diagonal = std::hypot(image.width(), image.height());
    const int bins = int(diagonal * 2) + 4;
    auto score = [&](double degrees) {
        const double radians = degrees * std::numbers::pi / 180.0;
        const double c = std::cos(radians), s = std::sin(radians);
        std::vector<int> rows(bins), columns(bins);
        for (const QPointF& p : dark) {
            const int row = int(-p.x() * s + p.y() * c + diagonal);
            const int column = int(p.x() * c + p.y() * s + diagonal);
            ++rows[std::clamp(row, 0, bins - 1)];
            ++columns[std::clamp(column, 0, bins - 1)];
        }
        double total = 0;
        for (int i = 0; i < bins; ++i)
            total += double(rows[i]) * rows[i] + double(columns[i]) * columns[i];
        return total;
    };
    double best = 0.0, bestScore = score(0.0);
    for (double degrees = -18.0; degrees <= 18.0; degrees += 1.5) {
        const double value = score(degrees);
        if (value > bestScore * 1.0001) {
            bestScore = value;
            best = degrees;
        }
    }
    for (double degrees = best - 1.0; degrees <= best + 1.0; degrees += 0.25) {
        const double value = score(degrees);
        if (value > bestScore) {
            bestScore = value;
            best = degrees;
        }
    }
    return best;
}

QPolygonF mapped(const QTransform& transform, const QPolygonF& polygon) {
    return transform.map(polygon);
}

// ---- barcodes ----

// `otherBarcodes` collects where barcodes that carry no serial are (in the picture's coordinates).
std::vector<Reading> barcodesIn(const Working& working, std::vector<QPolygonF>& otherBarcodes) {
    std::vector<Reading> readings;
    const LabelEngines* engines = labelEngines();
    if (!engines)
        return readings;
    for (const FoundBarcode& found : engines->readBarcodes(working.gray)) {
        const std::string& text = found.text;
        Reading reading;
        reading.method = ReadMethod::Barcode;
        reading.textRead = QString::fromStdString(text);
        reading.barcodeFormat = QString::fromStdString(found.format);
        QPolygonF polygon;
        for (const QPointF& corner : found.corners)
            polygon << corner;
        // A 1D barcode is found as a line: give it some height so it can be framed.
        if (polygon.boundingRect().height() < 4 || polygon.boundingRect().width() < 4) {
            const QRectF box = polygon.boundingRect().adjusted(-4, -12, 4, 12);
            polygon = cornersOf(box);
        }
        reading.where = mapped(working.toOriginal, polygon);
        reading.recognition = finalised(recognise(text));
        // Barcodes are exact: a barcode that is not a serial carries something else.
        if (!reading.isSerial()) {
            otherBarcodes.push_back(reading.where);
            continue;
        }
        readings.push_back(std::move(reading));
    }
    return readings;
}

// ---- text ----

// The words of each text line, as Tesseract read them.
std::vector<TextLine> textLinesIn(const Working& working, const ScanOptions& options,
                                  bool& wasCancelled) {
    const LabelEngines* engines = labelEngines();
    if (!engines)
        return {};
    return engines->readTextLines(working.gray, options.isCancelled, wasCancelled);
}

// Same serial twice: one reading (the barcode's, when there is one). Suggestions that name a
// serial already read are dropped: that serial is offered already.
std::vector<Reading> merged(std::vector<Reading> readings) {
    std::stable_sort(readings.begin(), readings.end(), [](const Reading& a, const Reading& b) {
        return a.isSerial() && !b.isSerial();
    });
    std::vector<Reading> out;
    for (Reading& reading : readings) {
        auto same = std::find_if(out.begin(), out.end(), [&](const Reading& kept) {
            if (reading.isSerial())
                return kept.isSerial() && kept.recognition.serial == reading.recognition.serial;
            if (kept.isSerial())
                return std::find(reading.recognition.suggestions.begin(),
                                 reading.recognition.suggestions.end(),
                                 kept.recognition.serial) != reading.recognition.suggestions.end();
            return kept.recognition.suggestions == reading.recognition.suggestions;
        });
        if (same == out.end()) {
            out.push_back(std::move(reading));
            continue;
        }
        same->timesSeen += 1;
        // Keep the surest of the two: a barcode, else the more confident text reading.
        const bool better =
            (reading.method == ReadMethod::Barcode && same->method == ReadMethod::Text) ||
            (reading.method == same->method && reading.confidence > same->confidence);
        if (better) {
            const int seen = same->timesSeen;
            *same = std::move(reading);
            same->timesSeen = seen;
        }
    }
    // Serials of one family that differ in a character or two are one label read twice, one
    // of them wrong: a barcode is exact and wins over text; two text readings that disagree
    // give nothing.
    auto nearly = [](const Reading& a, const Reading& b) {
        const std::string& x = a.recognition.serial;
        const std::string& y = b.recognition.serial;
        if (a.recognition.family != b.recognition.family || x.size() != y.size() || x == y)
            return false;
        int differences = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            differences += x[i] != y[i];
        return differences <= 2;
    };
    std::vector<bool> drop(out.size(), false);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!out[i].isSerial() || out[i].method != ReadMethod::Text)
            continue;
        for (std::size_t j = 0; j < out.size(); ++j) {
            if (i != j && out[j].isSerial() && nearly(out[i], out[j])) {
                drop[i] = true;
                if (out[j].method == ReadMethod::Text)
                    drop[j] = true;
            }
        }
    }
    std::vector<Reading> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!drop[i])
            kept.push_back(std::move(out[i]));
    }
    out = std::move(kept);
    return out;
}

// Bars read as text give junk words and can swallow the print beside them: barcodes already
// read are blanked out before the text is read.
void blankOut(Working& working, const std::vector<QPolygonF>& barcodes) {
    if (barcodes.empty())
        return;
    const QTransform toWorking = working.toOriginal.inverted();
    QPainter painter(&working.gray);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    for (const QPolygonF& polygon : barcodes) {
        const QRectF box = toWorking.map(polygon).boundingRect();
        // A 1D barcode's frame is its scan line with a little height: blank the bars above and
        // below it too, but not the text around.
        painter.drawRect(box.adjusted(-box.height() * 0.1, -box.height() * 0.2, box.height() * 0.1,
                                      box.height() * 0.2));
    }
}

std::vector<Reading> textReadings(const QImage& gray, double skew,
                                  const std::vector<QPolygonF>& barcodes,
                                  const ScanOptions& options, bool forSerial, bool& wasCancelled,
                                  std::vector<PartNumberCandidate>& partNumbers) {
    Working working = scaledTo(gray, textMaxSide, textMinSide);
    // Contrast first: the white patches over barcodes would hide how dim the label is.
    working.gray = stretched(working.gray);
    if (working.gray.constBits() == gray.constBits())
        working.gray = gray.copy(); // painted on below
    blankOut(working, barcodes);
    if (std::abs(skew) >= 1.0)
        working = rotated(working, -skew);
    std::vector<TextLine> lines = textLinesIn(working, options, wasCancelled);
    // No serial read sure enough (a soft picture): once more with sharper edges. Its readings
    // pass the same rules and the same confidence line.
    const std::vector<TextCandidate> first = serialsInLines(lines);
    const bool sureOfOne =
        std::any_of(first.begin(), first.end(), [&](const TextCandidate& candidate) {
            return candidate.confidence >= options.minTextConfidence;
        });
    if (forSerial && !sureOfOne && !wasCancelled && !cancelled(options))
        lines = textLinesIn({sharpened(working.gray), working.toOriginal}, options, wasCancelled);
    for (PartNumberCandidate& candidate : partNumbersInLines(lines)) {
        if (candidate.confidence < options.minTextConfidence)
            continue;
        candidate.where = mapped(working.toOriginal, candidate.where);
        partNumbers.push_back(std::move(candidate));
    }
    std::vector<Reading> readings;
    for (TextCandidate& candidate : serialsInLines(lines)) {
        if (candidate.confidence < options.minTextConfidence)
            continue;
        Reading reading;
        reading.method = ReadMethod::Text;
        reading.textRead = candidate.text;
        reading.where = mapped(working.toOriginal, candidate.where);
        reading.confidence = candidate.confidence;
        reading.recognition = std::move(candidate.recognition);
        reading.beckerModel = candidate.beckerModel;
        reading.beckerSerialNumber = candidate.beckerSerialNumber;
        readings.push_back(std::move(reading));
    }
    return readings;
}

// The same barcode found in several passes counts once.
int distinctPlaces(const std::vector<QPolygonF>& polygons) {
    std::vector<QPointF> centres;
    for (const QPolygonF& polygon : polygons) {
        const QPointF centre = polygon.boundingRect().center();
        const double near = std::max(8.0, polygon.boundingRect().height() / 2);
        if (std::none_of(centres.begin(), centres.end(), [&](const QPointF& seen) {
                return std::abs(seen.x() - centre.x()) < near * 4 &&
                       std::abs(seen.y() - centre.y()) < near;
            }))
            centres.push_back(centre);
    }
    return int(centres.size());
}

bool anySerial(const std::vector<Reading>& readings) {
    return std::any_of(readings.begin(), readings.end(),
                       [](const Reading& reading) { return reading.isSerial(); });
}

bool anyBlaupunktSerial(const std::vector<Reading>& readings) {
    return std::any_of(readings.begin(), readings.end(), [](const Reading& reading) {
        return reading.isSerial() && reading.recognition.family == Family::Blaupunkt;
    });
}

// Gives each Blaupunkt serial the one part number that agrees with it; part numbers that fit
// no serial are counted, never offered.
void attachPartNumbers(std::vector<Reading>& readings,
                       const std::vector<PartNumberCandidate>& partNumbers, ScanReport& report) {
    std::vector<bool> fitted(partNumbers.size(), false);
    for (Reading& reading : readings) {
        if (!reading.isSerial() || reading.recognition.family != Family::Blaupunkt)
            continue;
        const PartNumberCandidate* agreeing = nullptr;
        bool twoDifferent = false;
        for (std::size_t i = 0; i < partNumbers.size(); ++i) {
            Recognition checked = reading.recognition;
            const QByteArray digits = partNumbers[i].digits.toLatin1();
            crossCheckPartNumber(checked, recognisePartNumber(std::string_view(
                                              digits.constData(), std::size_t(digits.size()))));
            if (!checked.partNumberAgrees)
                continue;
            fitted[i] = true;
            if (agreeing && agreeing->digits != partNumbers[i].digits)
                twoDifferent = true;
            if (!agreeing || partNumbers[i].confidence > agreeing->confidence)
                agreeing = &partNumbers[i];
        }
        if (agreeing && !twoDifferent) {
            reading.partNumber = agreeing->digits;
            reading.partNumberWhere = agreeing->where;
            reading.partNumberConfidence = agreeing->confidence;
        }
    }
    report.unfittingPartNumbers = int(std::count(fitted.begin(), fitted.end(), false));
}

} // namespace

int ScanReport::serialCount() const {
    return int(std::count_if(readings.begin(), readings.end(),
                             [](const Reading& reading) { return reading.isSerial(); }));
}

ScanReport scanImage(const QImage& image, const ScanOptions& options) {
    ScanReport report;
    if (image.isNull() || image.width() < 8 || image.height() < 8)
        return report;
    labelscan::report(options, 0);
    const QImage gray = grayOf(image);
    const Working full{gray, QTransform()};
    const Working barcodeImage = scaledTo(gray, barcodeMaxSide);
    std::vector<Reading> found;

    // Cheapest first; each further pass only while no serial has turned up.
    std::vector<QPolygonF> otherBarcodes;
    found = barcodesIn(barcodeImage, otherBarcodes);
    labelscan::report(options, 15);
    double skew = 0.0;
    bool skewKnown = false;
    auto knowSkew = [&] {
        if (!skewKnown)
            skew = skewOf(gray);
        skewKnown = true;
    };
    if (!anySerial(found) && !cancelled(options)) {
        knowSkew();
        if (std::abs(skew) >= 2.0)
            found = barcodesIn(rotated(barcodeImage, -skew), otherBarcodes);
    }
    labelscan::report(options, 25);
    if (!anySerial(found) && !cancelled(options))
        found = barcodesIn({inverted(barcodeImage.gray), barcodeImage.toOriginal}, otherBarcodes);
    if (!anySerial(found) && !cancelled(options) &&
        std::max(gray.width(), gray.height()) < textMinSide)
        found = barcodesIn(scaledTo(gray, barcodeMaxSide, textMinSide), otherBarcodes);
    labelscan::report(options, 35);
    if (cancelled(options)) {
        report.cancelled = true;
        return report;
    }

    // With a barcode's serial, the text is read for the part number alone: a serial from the
    // text could only add a misreading beside the exact one.
    const bool serialFromBarcode = anySerial(found);
    const bool forPartNumber = options.readPartNumber && anyBlaupunktSerial(found);
    std::vector<PartNumberCandidate> partNumbers;
    if (options.readText && (options.alwaysReadText || !serialFromBarcode || forPartNumber)) {
        knowSkew();
        report.textRead = true;
        bool wasCancelled = false;
        std::vector<Reading> text = textReadings(full.gray, skew, otherBarcodes, options,
                                                 !serialFromBarcode, wasCancelled, partNumbers);
        if (wasCancelled) {
            report.cancelled = true;
            return report;
        }
        if (options.alwaysReadText || !serialFromBarcode)
            for (Reading& reading : text)
                found.push_back(std::move(reading));
    }
    report.otherBarcodes = distinctPlaces(otherBarcodes);
    report.readings = merged(std::move(found));
    attachPartNumbers(report.readings, partNumbers, report);
    labelscan::report(options, 100);
    return report;
}

std::optional<Reading> SteadyReading::feed(const ScanReport& frame) {
    const Reading* serial = nullptr;
    int serials = 0;
    for (const Reading& reading : frame.readings) {
        if (reading.isSerial()) {
            serial = &reading;
            ++serials;
        }
    }
    twoSerials_ = serials > 1;
    if (serials == 0)
        return std::nullopt;
    if (serials > 1 || serial->recognition.serial != serial_) {
        streak_ = serials > 1 ? 0 : 1;
        serial_ = serials > 1 ? std::string() : serial->recognition.serial;
    } else {
        ++streak_;
    }
    if (serials == 1 && streak_ >= needed_)
        return *serial;
    return std::nullopt;
}

void SteadyReading::reset() {
    streak_ = 0;
    twoSerials_ = false;
    serial_.clear();
}

namespace {

LoadedImage readImage(QImageReader& reader) {
    LoadedImage loaded;
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > maxImagePixels) {
        loaded.problem = LoadProblem::TooLarge;
        return loaded;
    }
    if (!reader.canRead()) {
        loaded.problem = LoadProblem::NotAnImage;
        loaded.detail = reader.errorString();
        return loaded;
    }
    if (!reader.read(&loaded.image) || loaded.image.isNull()) {
        loaded.image = QImage();
        loaded.problem = LoadProblem::Damaged;
        loaded.detail = reader.errorString();
    }
    return loaded;
}

} // namespace

LoadedImage loadImage(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        LoadedImage loaded;
        loaded.problem = LoadProblem::NotFound;
        return loaded;
    }
    if (info.isDir() || !info.isReadable()) {
        LoadedImage loaded;
        loaded.problem = LoadProblem::NotReadable;
        return loaded;
    }
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    LoadedImage loaded = readImage(reader);
    if (loaded.problem == LoadProblem::NotAnImage && reader.error() == QImageReader::DeviceError)
        loaded.problem = LoadProblem::NotReadable;
    return loaded;
}

LoadedImage loadImage(const QByteArray& bytes) {
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return readImage(reader);
}

QString readFromId(const Reading& reading) {
    if (reading.method == ReadMethod::Text)
        return QStringLiteral("text");
    return QStringLiteral("barcode:") + reading.barcodeFormat;
}

std::string_view loadProblemId(LoadProblem problem) {
    switch (problem) {
    case LoadProblem::None:
        return "ok";
    case LoadProblem::NotFound:
        return "not-found";
    case LoadProblem::NotReadable:
        return "not-readable";
    case LoadProblem::NotAnImage:
        return "not-an-image";
    case LoadProblem::Damaged:
        return "damaged";
    case LoadProblem::TooLarge:
        return "too-large";
    }
    return "ok";
}

} // namespace radiocode::labelscan
