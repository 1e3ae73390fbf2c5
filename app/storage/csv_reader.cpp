#include "csv_reader.h"

namespace radiocode::storage {
namespace {

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

// Skips one line end (LF, CRLF or CR) at `pos`; returns the new position.
qsizetype skipLineEnd(QByteArrayView data, qsizetype pos) {
    if (pos < data.size() && data[pos] == '\r') {
        ++pos;
        if (pos < data.size() && data[pos] == '\n')
            ++pos;
    } else if (pos < data.size() && data[pos] == '\n') {
        ++pos;
    }
    return pos;
}

} // namespace

CsvReader::CsvReader(QByteArrayView data, char delimiter) : data_(data) {
    if (data_.startsWith("\xEF\xBB\xBF")) {
        pos_ = 3;
        hadBom_ = true;
    }
    delimiter_ = delimiter != 0 ? delimiter : detectDelimiter(data_.sliced(pos_));
}

char CsvReader::detectDelimiter(QByteArrayView data) {
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    bool sawContent = false;
    for (const char c : data) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && isLineEnd(c)) {
            if (sawContent)
                break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == ';') {
            ++semicolons;
        }
        if (!isLineEnd(c) && !isBlank(c))
            sawContent = true;
    }
    return semicolons > commas ? ';' : ',';
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.blank = false;
    record.problem = CsvProblem::None;
    if (pos_ >= data_.size())
        return false;
    record.line = line_;
    const qsizetype start = pos_;
    const int startLine = line_;
    QByteArray field;
    bool fieldWasQuoted = false;
    bool onlyBlanks = true;
    qsizetype p = pos_;
    const qsizetype end = data_.size();
    while (true) {
        if (p >= end || isLineEnd(data_[p])) {
            record.fields.append(field);
            if (p < end) {
                p = skipLineEnd(data_, p);
                ++line_;
            }
            break;
        }
        const char c = data_[p];
        if (c == delimiter_) {
            record.fields.append(field);
            field.clear();
            fieldWasQuoted = false;
            onlyBlanks = false;
            ++p;
            continue;
        }
        if (c == '"' && !fieldWasQuoted && field.trimmed().isEmpty()) {
            // A quoted field: up to the closing quote, "" is a literal quote, line ends kept.
            field.clear();
            fieldWasQuoted = true;
            onlyBlanks = false;
            ++p;
            bool closed = false;
            int linesInside = 0;
            while (p < end) {
                const char q = data_[p];
                if (q == '"') {
                    if (p + 1 < end && data_[p + 1] == '"') {
                        field.append('"');
                        p += 2;
                        continue;
                    }
                    ++p;
                    closed = true;
                    break;
                }
                if (q == '\n' || (q == '\r' && (p + 1 >= end || data_[p + 1] != '\n')))
                    ++linesInside;
                field.append(q);
                ++p;
            }
            if (!closed) {
                // Report the record and go on with the line after the one it started on, so one
                // stray quote does not swallow the rest of the file.
                record.fields.clear();
                record.problem = CsvProblem::UnbalancedQuote;
                qsizetype q = start;
                while (q < end && !isLineEnd(data_[q]))
                    ++q;
                pos_ = skipLineEnd(data_, q);
                line_ = startLine + 1;
                return true;
            }
            line_ += linesInside;
            continue;
        }
        // Plain text up to the next delimiter or line end, appended in one go.
        qsizetype runEnd = p;
        while (runEnd < end && data_[runEnd] != delimiter_ && !isLineEnd(data_[runEnd]) &&
               data_[runEnd] != '"') {
            if (!isBlank(data_[runEnd]))
                onlyBlanks = false;
            ++runEnd;
        }
        if (runEnd == p) { // a quote inside text: kept literally
            field.append(c);
            onlyBlanks = false;
            ++p;
            continue;
        }
        field.append(data_.sliced(p, runEnd - p));
        p = runEnd;
    }
    pos_ = p;
    record.blank = onlyBlanks && record.fields.size() == 1 && !fieldWasQuoted;
    return true;
}

} // namespace radiocode::storage
