// The picture readers behind scanImage(): zxing-cpp for barcodes and Tesseract for printed text.
// With their dependencies they take longer to load than the desktop program takes to show its
// first frame, so they live in a plugin (radiocode_label_engines) that is loaded the first time
// a picture is read, by the desktop program and by `radiocode scan` alike.
#pragma once

#include "labelscan/text_lines.h"

#include <QImage>
#include <QPointF>
#include <QString>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace radiocode::labelscan {

struct FoundBarcode {
    std::string text;
    std::string format;             // "Code128", "QRCode", ...
    std::array<QPointF, 4> corners; // top left, top right, bottom right, bottom left
};

// Raised whenever the table below changes, so that a plugin of another build is refused.
inline constexpr int labelEnginesVersion = 1;

struct LabelEngines {
    int version = labelEnginesVersion;
    // The barcodes zxing-cpp decodes on an 8-bit grey picture.
    std::vector<FoundBarcode> (*readBarcodes)(const QImage& gray) = nullptr;
    // The words of each text line Tesseract reads on an 8-bit grey picture (none when its English
    // data cannot be loaded). `isCancelled` (may be empty) is asked while it works; a stop sets
    // `wasCancelled`.
    std::vector<TextLine> (*readTextLines)(const QImage& gray,
                                           const std::function<bool()>& isCancelled,
                                           bool& wasCancelled) = nullptr;
};

// The readers, loaded on the first call (thread-safe). Null when the plugin cannot be loaded:
// then labelEnginesProblem() says why, and scanImage() finds nothing.
const LabelEngines* labelEngines();
QString labelEnginesProblem();

} // namespace radiocode::labelscan
