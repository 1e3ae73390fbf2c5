// Reads a code list (CSV) row by row for the codes store: the header's columns, each row's serial
// recognised and its code checked. Pure: no database, no translated text. What is wrong with the
// file or a row is reported as data; StorageTexts makes the sentences.
#pragma once

#include "storage/csv_reader.h"

#include "radiocode/families.h"
#include "radiocode/recognition.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace radiocode::storage {

// Why the file is not a code list.
enum class CodeListProblem {
    None,
    Utf16,                 // UTF-16 text
    HeaderTooLong,         // longer than maxHeaderBytes: `headerExcerpt` is its start
    HeaderUnbalancedQuote, // a quote in the header is never closed
    Columns,               // the header does not name the columns (columns().problem says why)
    Empty,                 // no header at all
    ReadFailed,            // the device failed
};

// One accepted row.
struct CodeListRow {
    int line = 0;
    Family family = Family::Blaupunkt;
    QString serial; // normalised
    QString code;   // four digits
    bool leadingZerosRestored = false;
    // A list this program exported says where each code came from: "import" or "confirmed",
    // with its origin and time (as written, ISO 8601). Empty otherwise.
    QString recordedProvenance;
    QString recordedOrigin;
    QString recordedAt;
};

// Why a row is skipped.
enum class SkipReason {
    UnbalancedQuote, // a quoted field is never closed
    TooLong,         // `length` bytes, `cell` holds its start
    TooFewColumns,   // `columns` of them, `needed` wanted
    EmptySerial,
    BadSerial,       // `cell` as read, `recognition` says what is wrong with it
    AlgorithmFamily, // `serial` of `family`, whose codes are computed, not stored
    ShortenedCode,   // `cell` lost its leading zeros: `restored` would be the code
    NotACode,        // `cell` is not four digits
};

struct SkippedRow {
    int line = 0;
    SkipReason reason = SkipReason::EmptySerial;
    QByteArray cell;                   // the serial or code as read, or the start of a too long row
    qint64 length = 0;                 // TooLong
    int columns = 0;                   // TooFewColumns
    int needed = 0;                    // TooFewColumns
    Recognition recognition;           // BadSerial
    QString serial;                    // AlgorithmFamily, ShortenedCode, NotACode: normalised
    Family family = Family::Blaupunkt; // AlgorithmFamily
    QByteArray restored;               // ShortenedCode
};

class CodeListReader {
public:
    // A header is a line of names: anything longer is not a code list, and is refused before the
    // rest of it is read.
    static constexpr qsizetype maxHeaderBytes = 4096;

    // `restoreLeadingZeros`: a code of 1 to 3 digits is read as the code with its zeros put back
    // ("420" -> "0420"), else the row is skipped.
    CodeListReader(QIODevice& device, const CsvColumnChoice& columns, bool restoreLeadingZeros);

    // Reads up to and over the header: false, with problem(), when this is not a code list.
    bool readHeader();
    CodeListProblem problem() const { return problem_; }
    int headerLine() const { return headerLine_; }
    QByteArray headerExcerpt() const { return headerExcerpt_; } // HeaderTooLong
    const CsvColumns& columns() const { return columns_; }

    enum class Next { Row, Skipped, End };
    // The next row that is not blank: accepted into `row` or skipped with `skipped`. End also
    // when the device failed (readFailed()).
    Next next(CodeListRow& row, SkippedRow& skipped);

    bool readFailed() const { return reader_.readFailed(); }
    qint64 position() const { return reader_.position(); } // bytes consumed, for progress
    qint64 size() const { return reader_.size(); }         // -1 when not known (a pipe)

private:
    QByteArray cell(int column) const;

    CsvReader reader_;
    CsvColumnChoice choice_;
    bool restoreLeadingZeros_ = false;
    CsvColumns columns_;
    CsvRecord record_;
    CodeListProblem problem_ = CodeListProblem::None;
    int headerLine_ = 0;
    QByteArray headerExcerpt_;
};

} // namespace radiocode::storage
