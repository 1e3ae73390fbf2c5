#include "label_images.h"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace radiocode::labelimages {
namespace {

constexpr int labelWidth = 880;
constexpr int labelHeight = 460;

QString digits(QRandomGenerator& random, int count) {
    QString text;
    for (int i = 0; i < count; ++i)
        text += QChar(u'0' + random.bounded(10));
    return text;
}

QFont font(const char* family, int pixels, bool bold = false) {
    QFont f(QString::fromLatin1(family));
    f.setPixelSize(pixels);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

// A barcode drawn with `module` pixels per module (1D: `height` pixels tall).
void drawBarcode(QPainter& painter, ZXing::BarcodeFormat format, const QString& text, QPointF at,
                 int module, int height) {
    const ZXing::BitMatrix matrix =
        ZXing::MultiFormatWriter(format).setMargin(0).encode(text.toStdString(), 0, 0);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(20, 20, 20));
    const bool linear = matrix.height() <= 1 || format == ZXing::BarcodeFormat::Code128 ||
                        format == ZXing::BarcodeFormat::Code39 ||
                        format == ZXing::BarcodeFormat::EAN13;
    for (int y = 0; y < (linear ? 1 : matrix.height()); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y))
                painter.drawRect(QRectF(at.x() + x * module, at.y() + y * module, module,
                                        linear ? height : module));
        }
    }
    painter.restore();
}

QImage blankLabel(QPainter& painter, QImage& image) {
    image = QImage(labelWidth, labelHeight, QImage::Format_RGB32);
    image.fill(QColor(59, 67, 80));
    painter.begin(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(QPen(QColor(154, 160, 166), 3));
    painter.setBrush(QColor(251, 251, 247));
    painter.drawRoundedRect(QRectF(24, 24, labelWidth - 48, labelHeight - 48), 10, 10);
    return image;
}

void text(QPainter& painter, const QFont& f, QColor color, QPointF at, const QString& line) {
    painter.setFont(f);
    painter.setPen(color);
    painter.drawText(at, line);
}

Label blaupunkt(quint32 seed) {
    QRandomGenerator random(seed);
    Label label;
    label.family = Family::Blaupunkt;
    const QString twelve = digits(random, 12);
    label.serial = QStringLiteral("BP") + twelve;
    const QString part = QStringLiteral("764") + twelve.mid(0, 4) + QStringLiteral("318");
    label.partNumber = part;
    QPainter painter;
    blankLabel(painter, label.image);
    text(painter, font("DejaVu Sans", 44, true), QColor(29, 63, 143), {70, 100},
         QStringLiteral("BLAUPUNKT"));
    text(painter, font("DejaVu Sans", 20), QColor(85, 85, 85), {72, 136},
         QStringLiteral("Car radio  Nissan  12 V"));
    text(painter, font("DejaVu Sans", 22), QColor(85, 85, 85), {560, 100},
         part.left(1) + u' ' + part.mid(1, 3) + u' ' + part.mid(4, 3) + u' ' + part.mid(7));
    const QString barcodeText =
        (seed % 2 ? QStringLiteral("815CM") : QStringLiteral("BP")) + twelve;
    drawBarcode(painter, ZXing::BarcodeFormat::Code128, barcodeText, {72, 170}, 3, 100);
    label.barcodeCarriesSerial = true;
    text(painter, font("DejaVu Sans Mono", 20), QColor(68, 68, 68), {72, 300}, barcodeText);
    text(painter, font("DejaVu Sans Mono", 40, true), QColor(17, 17, 17), {72, 380},
         QStringLiteral("BP") + twelve.left(5) + u' ' + twelve.mid(5));
    painter.end();
    return label;
}

Label renault(quint32 seed) {
    QRandomGenerator random(seed);
    Label label;
    label.family = Family::Renault;
    const QChar letter(u'B' + random.bounded(25)); // B-Z: A0xx are not precodes
    label.serial = letter + digits(random, 3);
    const QString barcodeText = QStringLiteral("CM") + digits(random, 4) + QStringLiteral("VE") +
                                digits(random, 3) + QStringLiteral("RTB") + label.serial;
    QPainter painter;
    blankLabel(painter, label.image);
    text(painter, font("DejaVu Sans", 36, true), QColor(51, 51, 51), {70, 96},
         QStringLiteral("RENAULT"));
    text(painter, font("DejaVu Sans", 22), QColor(85, 85, 85), {300, 96},
         QStringLiteral("CAR RADIO  8200 633 629"));
    drawBarcode(painter, ZXing::BarcodeFormat::Code128, barcodeText, {72, 130}, 3, 110);
    label.barcodeCarriesSerial = true;
    text(painter, font("DejaVu Sans Mono", 24), QColor(51, 51, 51), {72, 290}, barcodeText);
    text(painter, font("DejaVu Sans", 22, true), QColor(179, 92, 0), {300, 378},
         QStringLiteral("PRECODE"));
    text(painter, font("DejaVu Sans Mono", 44, true), QColor(17, 17, 17), {90, 388}, label.serial);
    painter.end();
    return label;
}

Label becker(quint32 seed) {
    QRandomGenerator random(seed);
    Label label;
    label.family = Family::Becker;
    // Mostly the two Nissan models; now and then another one (well formed, unsupported).
    const int pick = random.bounded(4);
    const QString model = pick == 3 ? QStringLiteral("7818")
                                    : (pick % 2 ? QStringLiteral("4739") : QStringLiteral("4757"));
    const QString number = digits(random, 8);
    label.serial = QStringLiteral("BE") + model + number;
    QPainter painter;
    blankLabel(painter, label.image);
    text(painter, font("DejaVu Sans", 40, true), QColor(17, 17, 17), {70, 100},
         QStringLiteral("Harman/Becker"));
    text(painter, font("DejaVu Sans", 20), QColor(85, 85, 85), {72, 136},
         QStringLiteral("Automotive Systems  Nissan"));
    text(painter, font("DejaVu Sans", 24), QColor(51, 51, 51), {72, 208},
         QStringLiteral("Model No"));
    text(painter, font("DejaVu Sans Mono", 40, true), QColor(17, 17, 17), {252, 212},
         QStringLiteral("BE ") + model);
    text(painter, font("DejaVu Sans", 24), QColor(51, 51, 51), {72, 300},
         QStringLiteral("Serial No"));
    text(painter, font("DejaVu Sans Mono", 40, true), QColor(17, 17, 17), {252, 304}, number);
    // The barcode carries the serial number alone, which is not a serial to enter.
    drawBarcode(painter, ZXing::BarcodeFormat::Code128, number, {560, 340}, 3, 60);
    painter.end();
    return label;
}

Label visteon(quint32 seed) {
    QRandomGenerator random(seed);
    Label label;
    label.family = Family::Visteon;
    label.serial = QStringLiteral("M") + digits(random, 6);
    QPainter painter;
    blankLabel(painter, label.image);
    text(painter, font("DejaVu Sans", 44, true), QColor(13, 92, 99), {70, 100},
         QStringLiteral("VISTEON"));
    text(painter, font("DejaVu Sans", 20), QColor(85, 85, 85), {72, 136},
         QStringLiteral("Audio unit  Nissan"));
    text(painter, font("DejaVu Sans", 22), QColor(85, 85, 85), {560, 100},
         QStringLiteral("28185-") + digits(random, 5));
    text(painter, font("DejaVu Sans", 22, true), QColor(179, 92, 0), {540, 180},
         QStringLiteral("SERIAL"));
    text(painter, font("DejaVu Sans Mono", 44, true), QColor(17, 17, 17), {540, 236}, label.serial);
    switch (seed % 3) {
    case 0: // printed only
        break;
    case 1:
        drawBarcode(painter, ZXing::BarcodeFormat::Code39, label.serial, {72, 170}, 2, 110);
        label.barcodeCarriesSerial = true;
        break;
    default:
        drawBarcode(painter, ZXing::BarcodeFormat::DataMatrix, label.serial, {90, 160}, 8, 0);
        label.barcodeCarriesSerial = true;
        break;
    }
    text(painter, font("DejaVu Sans", 20), QColor(85, 85, 85), {72, 330},
         QStringLiteral("M + 6 digits. Some units show it on the"));
    text(painter, font("DejaVu Sans", 20), QColor(119, 119, 119), {72, 400},
         QStringLiteral("Made in EU"));
    painter.end();
    return label;
}

quint32 mixed(quint32 seed, quint32 salt) {
    return seed * 2654435761u + salt * 40503u + 17u;
}

void addNoise(QImage& image, QRandomGenerator& random, int amplitude) {
    if (amplitude <= 0)
        return;
    image = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        quint32 bits = random.generate();
        for (int x = 0; x < image.width(); ++x) {
            if ((x & 7) == 0)
                bits = random.generate();
            const int delta = int((bits >> ((x & 7) * 4)) & 15u) * amplitude / 8 - amplitude;
            const QRgb p = line[x];
            line[x] =
                qRgb(std::clamp(qRed(p) + delta, 0, 255), std::clamp(qGreen(p) + delta, 0, 255),
                     std::clamp(qBlue(p) + delta, 0, 255));
        }
    }
}

QImage jpeg(const QImage& image, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    QImage decoded;
    decoded.loadFromData(bytes, "JPEG");
    return decoded;
}

QImage blurred(const QImage& image, double factor) {
    const QSize small(std::max(1, int(image.width() * factor)),
                      std::max(1, int(image.height() * factor)));
    return image.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// The label on a table-coloured ground, scaled by `scale`, turned by `degrees` and (when given)
// mapped onto `quad` of the canvas.
QImage scene(const QImage& label, QSize canvasSize, double scale, double degrees,
             QRandomGenerator& random, const QPolygonF& quad = {}) {
    QImage canvas(canvasSize, QImage::Format_RGB32);
    const int shade = 90 + random.bounded(60);
    canvas.fill(QColor(shade, shade - 8, shade - 16));
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!quad.isEmpty()) {
        QTransform mapping;
        const QPolygonF corners{QPointF(0, 0), QPointF(label.width(), 0),
                                QPointF(label.width(), label.height()), QPointF(0, label.height())};
        QTransform::quadToQuad(corners, quad, mapping);
        painter.setTransform(mapping);
        painter.drawImage(0, 0, label);
        return canvas;
    }
    QTransform placement;
    placement.translate(canvasSize.width() / 2.0, canvasSize.height() / 2.0);
    placement.rotate(degrees);
    placement.scale(scale, scale);
    placement.translate(-label.width() / 2.0, -label.height() / 2.0);
    painter.setTransform(placement);
    painter.drawImage(0, 0, label);
    return canvas;
}

double between(QRandomGenerator& random, double low, double high) {
    return low + random.generateDouble() * (high - low);
}

} // namespace

const char* degradationName(Degradation degradation) {
    switch (degradation) {
    case Degradation::Clean:
        return "clean";
    case Degradation::Rotated:
        return "rotated";
    case Degradation::Perspective:
        return "perspective";
    case Degradation::Blurred:
        return "blurred";
    case Degradation::Dim:
        return "dim";
    case Degradation::LowQualityJpeg:
        return "jpeg";
    case Degradation::WebcamFrame:
        return "webcam";
    case Degradation::PhonePhoto:
        return "photo-12mp";
    }
    return "?";
}

Label drawLabel(Family family, quint32 seed) {
    switch (family) {
    case Family::Blaupunkt:
        return blaupunkt(seed);
    case Family::Renault:
        return renault(seed);
    case Family::Becker:
        return becker(seed);
    case Family::Visteon:
        return visteon(seed);
    }
    return {};
}

Label drawLabelWithoutSerial(quint32 seed) {
    QRandomGenerator random(seed);
    Label label;
    QPainter painter;
    blankLabel(painter, label.image);
    static const char* const titles[] = {"SPARE PART", "WIRING HARNESS", "AMPLIFIER", "FUSE BOX"};
    text(painter, font("DejaVu Sans", 40, true), QColor(17, 17, 17), {70, 100},
         QString::fromLatin1(titles[seed % 4]));
    text(painter, font("DejaVu Sans", 22), QColor(85, 85, 85), {72, 140},
         QStringLiteral("12V 4A  8200 633 629  EB300"));
    // A shop's EAN-13 (the writer adds the check digit) and a QR code with an address.
    drawBarcode(painter, ZXing::BarcodeFormat::EAN13, QStringLiteral("400638") + digits(random, 6),
                {72, 170}, 3, 110);
    drawBarcode(painter, ZXing::BarcodeFormat::QRCode,
                QStringLiteral("https://example.invalid/part/28185-") + digits(random, 5),
                {560, 160}, 6, 0);
    text(painter, font("DejaVu Sans Mono", 36, true), QColor(17, 17, 17), {72, 360},
         QStringLiteral("LOT ") + digits(random, 4) + QStringLiteral("  E11 10R-") +
             digits(random, 6));
    text(painter, font("DejaVu Sans", 20), QColor(119, 119, 119), {72, 410},
         QStringLiteral("Made in EU  Do not open"));
    painter.end();
    return label;
}

Label drawTwoLabels(Family first, Family second, quint32 seed) {
    const Label left = drawLabel(first, seed);
    const Label right = drawLabel(second, seed + 1);
    Label both;
    both.family = first;
    both.serial = left.serial + u',' + right.serial;
    both.barcodeCarriesSerial = left.barcodeCarriesSerial && right.barcodeCarriesSerial;
    both.image = QImage(labelWidth * 2 + 40, labelHeight, QImage::Format_RGB32);
    both.image.fill(QColor(59, 67, 80));
    QPainter painter(&both.image);
    painter.drawImage(0, 0, left.image);
    painter.drawImage(labelWidth + 40, 0, right.image);
    return both;
}

QImage degraded(const QImage& label, Degradation degradation, quint32 seed) {
    QRandomGenerator random(mixed(seed, quint32(degradation)));
    const QSize around(int(label.width() * 1.3), int(label.height() * 1.5));
    switch (degradation) {
    case Degradation::Clean:
        return scene(label, around, 1.0, 0.0, random);
    case Degradation::Rotated: {
        const double angle = between(random, 5.0, 15.0) * (random.bounded(2) ? 1 : -1);
        return scene(label, QSize(int(label.width() * 1.4), int(label.height() * 1.9)), 1.0, angle,
                     random);
    }
    case Degradation::Perspective: {
        const double w = around.width(), h = around.height();
        const double mx = label.width() * 0.15, my = label.height() * 0.25;
        const double squeeze = between(random, 0.06, 0.12) * label.height();
        QPolygonF quad;
        if (random.bounded(2)) // the right side further away
            quad << QPointF(mx, my) << QPointF(w - mx, my + squeeze)
                 << QPointF(w - mx, h - my - squeeze) << QPointF(mx, h - my);
        else
            quad << QPointF(mx, my + squeeze) << QPointF(w - mx, my) << QPointF(w - mx, h - my)
                 << QPointF(mx, h - my - squeeze);
        return scene(label, around, 1.0, 0.0, random, quad);
    }
    case Degradation::Blurred:
        return blurred(scene(label, around, 1.0, 0.0, random), between(random, 0.38, 0.48));
    case Degradation::Dim: {
        QImage image = scene(label, around, 1.0, 0.0, random).convertToFormat(QImage::Format_RGB32);
        const double light = between(random, 0.18, 0.3);
        for (int y = 0; y < image.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = line[x];
                line[x] = qRgb(int(qRed(p) * light) + 6, int(qGreen(p) * light) + 6,
                               int(qBlue(p) * light) + 8);
            }
        }
        addNoise(image, random, 5);
        return image;
    }
    case Degradation::LowQualityJpeg:
        return jpeg(scene(label, around, 1.0, 0.0, random), 10 + random.bounded(8));
    case Degradation::WebcamFrame: {
        const double scale = 600.0 / label.width() * between(random, 0.92, 1.0);
        QImage frame = scene(label, QSize(640, 480), scale, between(random, -4, 4), random);
        frame = blurred(frame, 0.85);
        addNoise(frame, random, 6);
        return jpeg(frame, 70);
    }
    case Degradation::PhonePhoto: {
        const double scale = 1700.0 / label.width() * between(random, 0.9, 1.1);
        QImage photo = scene(label, QSize(4000, 3000), scale, between(random, -6, 6), random);
        photo = blurred(photo, 0.6);
        addNoise(photo, random, 4);
        return jpeg(photo, 85);
    }
    }
    return label;
}

std::vector<Sample> sampleSet(int perCase, int withoutSerial, quint32 seed) {
    std::vector<Sample> samples;
    for (const Family family : allFamilies) {
        for (const Degradation degradation : allDegradations) {
            for (int i = 0; i < perCase; ++i) {
                const quint32 labelSeed = mixed(seed, quint32(samples.size()));
                Sample sample;
                sample.label = drawLabel(family, labelSeed);
                sample.degradation = degradation;
                sample.image = degraded(sample.label.image, degradation, labelSeed);
                sample.name = QStringLiteral("%1-%2-%3")
                                  .arg(QString::fromLatin1(familyId(family).data(),
                                                           qsizetype(familyId(family).size())),
                                       QString::fromLatin1(degradationName(degradation)))
                                  .arg(i);
                samples.push_back(std::move(sample));
            }
        }
    }
    for (int i = 0; i < withoutSerial; ++i) {
        const quint32 labelSeed = mixed(seed, 100000u + quint32(i));
        const Degradation degradation = allDegradations[i % std::size(allDegradations)];
        Sample sample;
        sample.label = drawLabelWithoutSerial(labelSeed);
        sample.degradation = degradation;
        sample.image = degraded(sample.label.image, degradation, labelSeed);
        sample.name = QStringLiteral("no-serial-%1-%2")
                          .arg(QString::fromLatin1(degradationName(degradation)))
                          .arg(i);
        samples.push_back(std::move(sample));
    }
    return samples;
}

} // namespace radiocode::labelimages
