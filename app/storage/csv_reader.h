// A small CSV reader for code lists: comma, semicolon or tab, quoted or not, UTF-8 with or
// without a byte-order mark, an Excel "sep=;" first line, LF, CRLF or CR line ends. Pure (no
// database, no translated text): it reads the bytes it is given or streams them from a device
// (a file, a pipe, standard input) with memory bounded by the longest record it accepts, and
// reports what is wrong as data.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

class QIODevice;

namespace radiocode::storage {

enum class CsvProblem {
    None,
    UnbalancedQuote, // a quoted field never closed: the record is reported, reading resumes on the
                     // next line after the one it started on
    TooLong,         // the record is longer than maxRecordBytes(): no fields, an excerpt of its
                     // start; reading resumes after its line
};

struct CsvRecord {
    int line = 0;             // 1-based line the record starts on
    QList<QByteArray> fields; // raw UTF-8, quotes removed, "" turned into "
    bool blank = false;       // the line holds nothing but spaces/tabs
    CsvProblem problem = CsvProblem::None;
    QByteArray excerpt; // TooLong: the first bytes of the record
};

class CsvReader {
public:
    static constexpr qsizetype defaultMaxRecordBytes = 64 * 1024;

    // `delimiter` 0: an Excel "sep=X" first line, else detected from the first non-blank line
    // (the one of ',', ';' and tab found most often outside quotes; ',' on a tie). The data must
    // stay alive while reading.
    explicit CsvReader(QByteArrayView data, char delimiter = 0);
    // Streams from an open device, reading it in chunks; never holds more than about
    // maxRecordBytes() beyond the record being read.
    // `chunkBytes`: how much is read at a time (small values only to test chunk boundaries).
    explicit CsvReader(QIODevice& device, char delimiter = 0,
                       qsizetype chunkBytes = defaultChunkBytes);
    static constexpr qsizetype defaultChunkBytes = 256 * 1024;

    // Reads the next record; false at the end of the data (or when the device failed: see
    // readFailed()).
    bool next(CsvRecord& record);

    // After a TooLong record: reads over the rest of its line (streaming, in constant memory)
    // and returns the line's whole length in bytes. Without this call, the next next() does the
    // same silently.
    qint64 skipTooLong();

    // Records longer than this are reported as TooLong (at least 64 bytes).
    void setMaxRecordBytes(qsizetype bytes);
    qsizetype maxRecordBytes() const { return maxRecord_; }

    char delimiter() const { return delimiter_; }
    bool hadByteOrderMark() const { return hadBom_; }
    bool hadSeparatorLine() const { return hadSeparatorLine_; }
    bool startsLikeUtf16() const { return utf16_; }
    bool readFailed() const { return readFailed_; }
    qint64 position() const { return consumed_; } // bytes consumed, for progress
    qint64 size() const { return size_; }         // -1 when not known (a pipe)

    static char detectDelimiter(QByteArrayView data);

private:
    enum class Parse { Done, NeedMore };
    void start(char delimiter);
    QByteArrayView window() const;
    bool fill(); // reads more from the device; false when nothing more came
    void consume(qsizetype bytes);
    Parse parse(QByteArrayView data, bool final, CsvRecord& record, qsizetype& used);
    int skipRestOfLine(); // TooLong: drops bytes up to and over the next line end; returns the
                          // line end's length (0 at the end of the data)

    QByteArrayView memory_;       // the data, when given whole
    QIODevice* device_ = nullptr; // else the device it is streamed from
    QByteArray buffer_;
    qsizetype bufferPos_ = 0; // consumed part of buffer_ (device) or of memory_
    bool deviceEnded_ = false;
    bool readFailed_ = false;
    bool skipping_ = false; // inside a TooLong line
    qint64 recordStart_ = 0; // position() where the last record started
    qint64 consumed_ = 0;
    qint64 size_ = -1;
    qsizetype maxRecord_ = defaultMaxRecordBytes;
    qsizetype chunk_ = defaultChunkBytes;
    int line_ = 1;
    char delimiter_ = ',';
    bool hadBom_ = false;
    bool hadSeparatorLine_ = false;
    bool utf16_ = false;
};

// --- the columns of a code list ---------------------------------------------------------------

// Which columns hold the serial and the code: chosen by the user (a header name or a 1-based
// number), else found by their header names (English, German, Turkish, French).
struct CsvColumnChoice {
    QString serial; // empty: by the header's names
    QString code;
};

struct CsvColumns {
    enum class Problem {
        None,
        SerialNotFound, // no header name reads as a serial column (names: the header's names)
        CodeNotFound,
        ChosenNotFound, // a --serial-column/--code-column that the header does not have
        DuplicateName,  // two columns share the name `detail`
        Ambiguous,      // several columns read as the serial (or code) column: `detail` names them
        SameColumn,     // the serial and the code would be the same column
    };
    Problem problem = Problem::None;
    QString detail;    // the name concerned
    QStringList names; // the header's names as read
    int serial = -1;
    int code = -1;
    // The columns of our own export that say where a code came from; -1 when not in the file.
    int source = -1;
    int origin = -1;
    int createdAt = -1;
    int family = -1; // optional: the family of a serial of a label form no rule knows
    bool ok() const { return problem == Problem::None; }
};

// `header`: the first record's fields. A pure function of its input.
CsvColumns findColumns(const QList<QByteArray>& header, const CsvColumnChoice& choice = {});
// A header name as compared: lower case, accents and everything but letters and digits dropped
// ("Numéro de série" -> "numerodeserie").
QString normalisedColumnName(const QString& name);

// --- codes as spreadsheets leave them --------------------------------------------------------

// What a code cell holds.
struct CodeCell {
    enum class Kind {
        Code,      // exactly 4 digits
        Shortened, // 1 to 3 digits: a code whose leading zeros a spreadsheet dropped
        NotACode,  // anything else
    };
    Kind kind = Kind::NotACode;
    QByteArray restored; // Shortened: the code with its zeros put back ("420" -> "0420")
};
CodeCell readCodeCell(QByteArrayView cell);

} // namespace radiocode::storage
