// From the words an OCR engine read to serial candidates. Pure (no OCR here), so the rules that
// keep wrong readings out are tested on their own.
#pragma once

#include "radiocode/recognition.h"

#include <QPolygonF>
#include <QString>

#include <vector>

namespace radiocode::labelscan {

struct TextWord {
    QString text;
    int confidence = 0; // 0-100
    QPolygonF where;    // in the image's coordinates
};

struct TextLine {
    std::vector<TextWord> words;
};

struct TextCandidate {
    QString text; // what was read, words separated by a space
    QPolygonF where;
    int confidence = 0;      // the lowest confidence of the words it is made of
    Recognition recognition; // finalised; Valid/Unsupported, or Invalid with a suggestion
    QString beckerModel;     // Becker "Model No" + "Serial No" fields, when read from them
    QString beckerSerialNumber;
};

// The four corners of a box, clockwise from the top left (QPolygonF(QRectF) repeats the first).
inline QPolygonF cornersOf(const QRectF& box) {
    return QPolygonF{box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
}

// Serials in the lines: runs of up to three words that the core recognises as a serial, a
// look-alike reading that only suggests one, and Becker's two fields combined. A Renault precode
// is taken only from a line of its own: four characters inside other text are too easily a
// part or batch number.
std::vector<TextCandidate> serialsInLines(const std::vector<TextLine>& lines);

struct PartNumberCandidate {
    QString digits;   // the 10 digits
    QString textRead; // as printed ("7 645 384 318")
    QPolygonF where;
    int confidence = 0; // the lowest confidence of its words
};

// Blaupunkt part numbers in the lines: words of digits only (as printed in groups, up to four
// words) that make exactly 10 digits from 76, with no further digits on either side. Nothing is
// corrected: a letter among the digits is no part number.
std::vector<PartNumberCandidate> partNumbersInLines(const std::vector<TextLine>& lines);

} // namespace radiocode::labelscan
