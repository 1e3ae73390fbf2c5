// Reads radio serials off a picture of the label: barcodes first (exact), printed text only where
// the barcodes give no serial. Every reading goes through the core's recognition; the caller
// shows it for the technician to confirm. Reasons come back as data, never as sentences.
#pragma once

#include "radiocode/recognition.h"

#include <QByteArray>
#include <QImage>
#include <QPolygonF>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace radiocode::labelscan {

enum class ReadMethod { Barcode, Text };

// Text readings whose least sure word is below this (Tesseract's 0-100) are dropped. Measured on
// the generated label sets (bench_labelscan, seeds 7 and 11, 192 labels, also with
// --text-everywhere): right readings scored 71-97 (most 93 or more); the wrong ones that passed
// recognition scored 0, 83 and 87 (a digit misread on a 640x480 webcam frame, caught since by
// the rule that two nearly equal serials on one picture are one label misread). A missed reading
// is better than a wrong one, so the line sits well above most wrong scores.
inline constexpr int defaultMinTextConfidence = 85;

struct Reading {
    QString textRead; // the barcode text, or the text line(s) as read
    QPolygonF where;  // where on the image it was found, in the image's coordinates
    ReadMethod method = ReadMethod::Barcode;
    QString barcodeFormat;   // "Code128", "QRCode", ...: barcodes only
    int confidence = 100;    // text: the lowest word confidence (0-100); barcodes: 100
    Recognition recognition; // finalised: Valid, Unsupported, or Invalid with a suggestion
    // Becker labels read as text: the two fields, as the wizard's two Becker fields take them.
    QString beckerModel;
    QString beckerSerialNumber;
    int timesSeen = 1; // the same serial found more than once on the picture (merged)
    // Blaupunkt: the part number printed on the label ("7 645 384 318"), read as text, only
    // when it agrees with this serial (the core's cross-check); empty otherwise. The technician
    // confirms it with the serial.
    QString partNumber;
    QPolygonF partNumberWhere;
    int partNumberConfidence = 0;

    // A serial the technician may take (after confirming); otherwise only its suggestions are.
    bool isSerial() const {
        return recognition.state == InputState::Valid ||
               recognition.state == InputState::Unsupported;
    }
    QString serial() const { return QString::fromStdString(recognition.serial); }
};

struct ScanOptions {
    bool readText = true;        // fall back to the text when the barcodes give no serial
    bool alwaysReadText = false; // read the text even when a barcode gave a serial
    int minTextConfidence = defaultMinTextConfidence;
    // Read the printed text for the Blaupunkt part number too when a barcode gave the serial
    // (slower: the text path runs).
    bool readPartNumber = false;
    // Asked between steps and during text recognition: true stops the work.
    std::function<bool()> isCancelled;
    // 0-100, from the thread doing the work.
    std::function<void(int percent)> progress;
};

struct ScanReport {
    bool cancelled = false;
    bool textRead = false; // the text path ran
    int otherBarcodes = 0; // barcodes read that carry no serial (an EAN-13 of the part, ...)
    // Part numbers read sure enough that fit no serial on the picture: one of the two is
    // misread, so none is offered.
    int unfittingPartNumbers = 0;
    // Serials first (in the order found), then look-alike readings that only suggest one.
    std::vector<Reading> readings;

    int serialCount() const;
};

// Reads every serial on the picture. Safe to call from any thread; never throws.
ScanReport scanImage(const QImage& image, const ScanOptions& options = {});

// Webcam frames: a serial counts once it was read in `framesNeeded` decoded frames in a row.
// A frame with another serial, or with two, starts the count again; a frame with none (motion
// blur) neither counts nor breaks the run.
class SteadyReading {
public:
    explicit SteadyReading(int framesNeeded = 3) : needed_(framesNeeded) {}
    // The reading once it is steady.
    std::optional<Reading> feed(const ScanReport& frame);
    void reset();
    int streak() const { return streak_; }
    int framesNeeded() const { return needed_; }
    bool sawTwoSerials() const { return twoSerials_; }

private:
    int needed_;
    int streak_ = 0;
    bool twoSerials_ = false;
    std::string serial_;
};

enum class LoadProblem {
    None,
    NotFound,    // no such file
    NotReadable, // exists, cannot be read (permissions, a folder)
    NotAnImage,  // not a format Qt reads
    Damaged,     // a known format, but the data is truncated or corrupt
    TooLarge     // more pixels than maxImagePixels
};

// Larger pictures are refused before decoding (a hostile header could ask for gigabytes).
inline constexpr qint64 maxImagePixels = 64LL * 1000 * 1000;

struct LoadedImage {
    QImage image; // EXIF orientation applied
    LoadProblem problem = LoadProblem::None;
    QString detail; // Qt's own description of the failure, for logs; not translated
    bool ok() const { return problem == LoadProblem::None; }
};

LoadedImage loadImage(const QString& path);
LoadedImage loadImage(const QByteArray& bytes);

// Stable machine ids: "barcode:Code128", "text".
QString readFromId(const Reading& reading);
std::string_view loadProblemId(LoadProblem problem); // "not-found", "damaged", ...

} // namespace radiocode::labelscan
