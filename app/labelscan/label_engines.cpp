// The plugin radiocode_label_engines: everything that needs zxing-cpp or Tesseract.
#include "labelscan/label_engines.h"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <memory>

namespace radiocode::labelscan {
namespace {

std::vector<FoundBarcode> readBarcodes(const QImage& gray) {
    ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                          int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    // No tryDownscale: with several symbols, zxing-cpp 1.4 then merges results in a way that fails
    // an assertion (an abort in Debian's build). The picture is scaled by the caller instead.
    hints.setTryHarder(true).setTryRotate(true).setTryDownscale(false).setMaxNumberOfSymbols(16);
    std::vector<FoundBarcode> found;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        FoundBarcode barcode;
        barcode.text = result.text();
        barcode.format = ZXing::ToString(result.format());
        const auto& position = result.position();
        std::size_t i = 0;
        for (const auto& corner : {position.topLeft(), position.topRight(), position.bottomRight(),
                                   position.bottomLeft()})
            barcode.corners[i++] = QPointF(corner.x, corner.y);
        found.push_back(std::move(barcode));
    }
    return found;
}

bool tesseractCancel(void* data, int /*words*/) {
    const auto* isCancelled = static_cast<const std::function<bool()>*>(data);
    return *isCancelled && (*isCancelled)();
}

tesseract::TessBaseAPI* textEngine() {
    // One engine per thread: loading the language data costs more than reading a label.
    thread_local std::unique_ptr<tesseract::TessBaseAPI> engine;
    thread_local bool failed = false;
    if (!engine && !failed) {
        auto created = std::make_unique<tesseract::TessBaseAPI>();
        if (created->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0) {
            failed = true;
            return nullptr;
        }
        // Serials are Latin capitals and digits; the field names around them are words.
        created->SetVariable("tessedit_char_whitelist",
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./ ");
        created->SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
        engine = std::move(created);
    }
    return engine.get();
}

std::vector<TextLine> readTextLines(const QImage& image, const std::function<bool()>& isCancelled,
                                    bool& wasCancelled) {
    std::vector<TextLine> lines;
    tesseract::TessBaseAPI* engine = textEngine();
    if (!engine)
        return lines;
    const auto cancelled = [&] { return isCancelled && isCancelled(); };
    engine->SetImage(image.constBits(), image.width(), image.height(), 1,
                     int(image.bytesPerLine()));
    engine->SetSourceResolution(300);
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &tesseractCancel;
    // Tesseract hands cancel_this back as a void*: a copy of our own to point at, not the
    // caller's const one.
    std::function<bool()> cancelCheck = isCancelled;
    monitor.cancel_this = &cancelCheck;
    if (engine->Recognize(&monitor) != 0 || cancelled()) {
        wasCancelled = cancelled();
        engine->Clear();
        return lines;
    }
    std::unique_ptr<tesseract::ResultIterator> iterator(engine->GetIterator());
    if (iterator) {
        TextLine current;
        // Symbol by symbol: a word is as sure as its least sure character (one misread digit
        // hides in a confident word's mean).
        do {
            if (iterator->Empty(tesseract::RIL_SYMBOL))
                continue;
            if (iterator->IsAtBeginningOf(tesseract::RIL_WORD)) {
                if (iterator->IsAtBeginningOf(tesseract::RIL_TEXTLINE) && !current.words.empty()) {
                    lines.push_back(std::move(current));
                    current = TextLine{};
                }
                std::unique_ptr<char[]> text(iterator->GetUTF8Text(tesseract::RIL_WORD));
                int left = 0, top = 0, right = 0, bottom = 0;
                iterator->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
                TextWord word;
                word.text = QString::fromUtf8(text ? text.get() : "");
                word.confidence = int(std::lround(iterator->Confidence(tesseract::RIL_WORD)));
                // In the upright copy's coordinates: the field rules compare positions on a line.
                word.where = cornersOf(QRectF(QPointF(left, top), QPointF(right, bottom)));
                current.words.push_back(std::move(word));
            }
            if (!current.words.empty()) {
                const int symbol = int(std::lround(iterator->Confidence(tesseract::RIL_SYMBOL)));
                current.words.back().confidence = std::min(current.words.back().confidence, symbol);
            }
        } while (iterator->Next(tesseract::RIL_SYMBOL));
        if (!current.words.empty())
            lines.push_back(std::move(current));
    }
    engine->Clear();
    return lines;
}

const LabelEngines engines{labelEnginesVersion, &readBarcodes, &readTextLines};

} // namespace

#ifdef RADIOCODE_LABEL_ENGINES_LINKED
// Linked in (the fuzzer): no plugin to load.
const LabelEngines* labelEngines() {
    return &engines;
}

QString labelEnginesProblem() {
    return {};
}
#endif

} // namespace radiocode::labelscan

extern "C" Q_DECL_EXPORT const radiocode::labelscan::LabelEngines* radiocode_label_engines() {
    return &radiocode::labelscan::engines;
}
