// A small CSV reader for code lists: comma or semicolon, quoted or not, UTF-8 with or without a
// byte-order mark, LF, CRLF or CR line ends. Pure (no database, no files): it reads bytes it is
// given, so it can be fuzzed and used from any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace radiocode::storage {

enum class CsvProblem {
    None,
    UnbalancedQuote, // a quoted field never closed: the record is reported, reading resumes on the
                     // next line after the one it started on
};

struct CsvRecord {
    int line = 0;             // 1-based line the record starts on
    QList<QByteArray> fields; // raw UTF-8, quotes removed, "" turned into "
    bool blank = false;       // the line holds nothing but spaces/tabs
    CsvProblem problem = CsvProblem::None;
};

class CsvReader {
public:
    // `delimiter` 0: detected from the first non-blank line (the one with more ';' than ',' outside
    // quotes is semicolon-separated). The data must stay alive while reading.
    explicit CsvReader(QByteArrayView data, char delimiter = 0);

    // Reads the next record; false at the end of the data.
    bool next(CsvRecord& record);

    char delimiter() const { return delimiter_; }
    bool hadByteOrderMark() const { return hadBom_; }
    qsizetype position() const { return pos_; } // bytes consumed, for progress
    qsizetype size() const { return data_.size(); }

    static char detectDelimiter(QByteArrayView data);

private:
    QByteArrayView data_;
    qsizetype pos_ = 0;
    int line_ = 1;
    char delimiter_ = ',';
    bool hadBom_ = false;
};

} // namespace radiocode::storage
