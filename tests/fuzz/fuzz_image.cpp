// libFuzzer target: picture bytes as a user may drop or paste them (truncated, hostile PNG, JPEG,
// anything) through the label reader's loading and its barcode path (app/labelscan).
// Checks: loading either gives a picture or names a problem, never both; every reading is a
// finalised recognition (a serial, or an invalid one that only suggests) with a place inside the
// picture.
#include "fuzz_common.h"

#include "labelscan/label_scanner.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace radiocode;
using namespace radiocode::labelscan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The image format plugins (JPEG, ...) need an application object.
    static int argc = 1;
    static char name[] = "fuzz_image";
    static char* argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);

    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const LoadedImage loaded = loadImage(bytes);
    FUZZ_CHECK(loaded.ok() != loaded.image.isNull());
    if (!loaded.ok())
        return 0;
    FUZZ_CHECK(qint64(loaded.image.width()) * loaded.image.height() <= maxImagePixels);
    if (qint64(loaded.image.width()) * loaded.image.height() > 1024 * 1024)
        return 0; // big pictures are slow, not more interesting
    ScanOptions options;
    options.readText = false; // Tesseract reads pixels, which the barcode path has seen already
    const ScanReport report = scanImage(loaded.image, options);
    const QRectF picture = QRectF(loaded.image.rect()).adjusted(-2, -2, 2, 2);
    for (const Reading& reading : report.readings) {
        FUZZ_CHECK(reading.recognition.state != InputState::Incomplete);
        FUZZ_CHECK(reading.isSerial() || !reading.recognition.suggestions.empty());
        FUZZ_CHECK(reading.method == ReadMethod::Barcode);
        for (const QPointF& point : reading.where) {
            FUZZ_CHECK(std::isfinite(point.x()) && std::isfinite(point.y()));
            // 1D barcodes get a little height added around their line.
            FUZZ_CHECK(picture.adjusted(-20, -20, 20, 20).contains(point));
        }
    }
    return 0;
}
