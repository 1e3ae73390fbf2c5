// Generated pictures of radio labels for the label-reading tests and benchmark: a simplified
// rendition of our label drawings (resources/labels) with real barcodes (zxing-cpp's writer)
// carrying the serial and the printed text, then degraded as real photos are. Deterministic:
// the same seed gives the same pictures.
#pragma once

#include "radiocode/families.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace radiocode::labelimages {

enum class Degradation {
    Clean,
    Rotated,     // ±15°
    Perspective, // a label photographed at an angle
    Blurred,
    Dim, // little light: low contrast, noise
    LowQualityJpeg,
    WebcamFrame, // 640×480, the label filling most of it
    PhonePhoto   // 4000×3000 (12 MP), the label in a part of it
};
inline constexpr Degradation allDegradations[] = {
    Degradation::Clean,       Degradation::Rotated,   Degradation::Perspective,
    Degradation::Blurred,     Degradation::Dim,       Degradation::LowQualityJpeg,
    Degradation::WebcamFrame, Degradation::PhonePhoto};
const char* degradationName(Degradation degradation);

struct Label {
    std::optional<Family> family; // none: a picture with no serial on it
    QString serial;               // the normalised serial on it; empty when none
    bool barcodeCarriesSerial = false;
    QString partNumber; // Blaupunkt: the part number printed beside the serial (10 digits)
    QImage image;       // the clean label
};

// A label of `family` with a serial drawn from `seed`.
Label drawLabel(Family family, quint32 seed);
// A label with no radio serial on it: other barcodes (EAN-13, QR) and other text.
Label drawLabelWithoutSerial(quint32 seed);
// Two labels side by side (two different serials on one picture).
Label drawTwoLabels(Family first, Family second, quint32 seed);

// The clean label as a photo would show it. Pure function of its arguments.
QImage degraded(const QImage& label, Degradation degradation, quint32 seed);

struct Sample {
    QString name; // "blaupunkt-rotated-3"
    Label label;
    Degradation degradation = Degradation::Clean;
    QImage image;
};

// Every family × every degradation, `perCase` samples each, plus `withoutSerial` pictures
// without a serial (each degradation in turn).
std::vector<Sample> sampleSet(int perCase, int withoutSerial, quint32 seed);

} // namespace radiocode::labelimages
