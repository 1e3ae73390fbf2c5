#include "storage/csv_reader.h"

#include "radiocode/calculators.h"

#include <QIODevice>

#include <algorithm>

namespace radiocode::storage {
namespace {

constexpr qsizetype excerptBytes = 64;

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

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

CsvReader::CsvReader(QByteArrayView data, char delimiter) : memory_(data) {
    deviceEnded_ = true;
    size_ = data.size();
    start(delimiter);
}

CsvReader::CsvReader(QIODevice& device, char delimiter, qsizetype chunkBytes)
    : device_(&device), chunk_(std::max<qsizetype>(chunkBytes, 1)) {
    if (!device.isSequential())
        size_ = device.size();
    start(delimiter);
}

void CsvReader::setMaxRecordBytes(qsizetype bytes) {
    maxRecord_ = std::max<qsizetype>(bytes, excerptBytes);
}

QByteArrayView CsvReader::window() const {
    if (device_)
        return QByteArrayView(buffer_).sliced(bufferPos_);
    return memory_.sliced(bufferPos_);
}

bool CsvReader::fill() {
    if (deviceEnded_)
        return false;
    // Drop what was consumed before reading more, so the buffer holds one record and a chunk.
    if (bufferPos_ > 0) {
        buffer_.remove(0, bufferPos_);
        bufferPos_ = 0;
    }
    const qsizetype before = buffer_.size();
    buffer_.resize(before + chunk_);
    const qint64 got = device_->read(buffer_.data() + before, chunk_);
    buffer_.resize(before + std::max<qint64>(got, 0));
    if (got < 0)
        readFailed_ = true;
    if (got <= 0) {
        deviceEnded_ = true;
        return false;
    }
    return true;
}

void CsvReader::consume(qsizetype bytes) {
    bufferPos_ += bytes;
    consumed_ += bytes;
}

void CsvReader::start(char delimiter) {
    // Enough of the start to see the byte-order mark, a sep= line and the first line.
    while (window().size() < 4 && fill()) {
    }
    const QByteArrayView head = window();
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        utf16_ = true;
    if (head.startsWith("\xEF\xBB\xBF")) {
        consume(3);
        hadBom_ = true;
    }
    auto firstLineEnd = [this]() -> qsizetype {
        const QByteArrayView w = window();
        bool sawContent = false;
        bool quoted = false;
        for (qsizetype i = 0; i < w.size(); ++i) {
            const char c = w[i];
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && isLineEnd(c) && sawContent)
                return i;
            if (!isLineEnd(c) && !isBlank(c))
                sawContent = true;
        }
        return -1;
    };
    while (firstLineEnd() < 0 && window().size() < maxRecord_ && fill()) {
    }
    const QByteArrayView w = window();
    // Excel's "sep=;" line names the delimiter and is not part of the data.
    if (delimiter == 0 && w.size() >= 5 &&
        QByteArrayView(w.first(4)).compare("sep=", Qt::CaseInsensitive) == 0 &&
        (w.size() == 5 || isLineEnd(w[5]))) {
        delimiter = w[4];
        hadSeparatorLine_ = true;
        qsizetype used = 5;
        if (used < w.size() && w[used] == '\r')
            ++used;
        if (used < w.size() && w[used] == '\n')
            ++used;
        consume(used);
        ++line_;
    }
    delimiter_ = delimiter != 0 ? delimiter : detectDelimiter(window());
}

char CsvReader::detectDelimiter(QByteArrayView data) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
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
        } else if (!quoted && c == '\t' && sawContent) {
            ++tabs;
        }
        if (!isLineEnd(c) && !isBlank(c))
            sawContent = true;
    }
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return semicolons > commas ? ';' : ',';
}

int CsvReader::skipRestOfLine() {
    while (true) {
        const QByteArrayView w = window();
        qsizetype i = 0;
        while (i < w.size() && !isLineEnd(w[i]))
            ++i;
        if (i < w.size()) {
            // A CR at the end of what is buffered may have its LF in the next chunk.
            if (w[i] == '\r' && i + 1 == w.size() && !deviceEnded_) {
                consume(i);
                fill();
                continue;
            }
            const qsizetype end = skipLineEnd(w, i);
            consume(end);
            ++line_;
            skipping_ = false;
            return static_cast<int>(end - i);
        }
        consume(w.size());
        if (!fill()) {
            skipping_ = false;
            return 0;
        }
    }
}

qint64 CsvReader::skipTooLong() {
    if (!skipping_)
        return 0;
    const int lineEnd = skipRestOfLine();
    return consumed_ - recordStart_ - lineEnd;
}

CsvReader::Parse CsvReader::parse(QByteArrayView data, bool final, CsvRecord& record,
                                  qsizetype& used) {
    const qsizetype end = data.size();
    QByteArray field;
    bool fieldWasQuoted = false;
    bool onlyBlanks = true;
    int lines = 0;
    qsizetype p = 0;
    record.fields.clear();
    while (true) {
        if (p >= end && !final)
            return Parse::NeedMore;
        if (p >= end || isLineEnd(data[p])) {
            record.fields.append(field);
            if (p < end) {
                if (data[p] == '\r') {
                    if (p + 1 >= end && !final)
                        return Parse::NeedMore;
                    ++p;
                    if (p < end && data[p] == '\n')
                        ++p;
                } else {
                    ++p;
                }
                ++lines;
            }
            break;
        }
        const char c = data[p];
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
            while (p < end) {
                const char q = data[p];
                if (q == '"') {
                    if (p + 1 >= end && !final)
                        return Parse::NeedMore;
                    if (p + 1 < end && data[p + 1] == '"') {
                        field.append('"');
                        p += 2;
                        continue;
                    }
                    ++p;
                    closed = true;
                    break;
                }
                if (q == '\r' && p + 1 >= end && !final)
                    return Parse::NeedMore;
                if (q == '\n' || (q == '\r' && (p + 1 >= end || data[p + 1] != '\n')))
                    ++lines;
                field.append(q);
                ++p;
            }
            if (!closed) {
                if (!final)
                    return Parse::NeedMore;
                // Report the record and go on with the line after the one it started on, so one
                // stray quote does not swallow the rest of the file.
                record.fields.clear();
                record.problem = CsvProblem::UnbalancedQuote;
                qsizetype q = 0;
                while (q < end && !isLineEnd(data[q]))
                    ++q;
                used = skipLineEnd(data, q);
                ++line_;
                return Parse::Done;
            }
            continue;
        }
        // Plain text up to the next delimiter or line end, appended in one go.
        qsizetype runEnd = p;
        while (runEnd < end && data[runEnd] != delimiter_ && !isLineEnd(data[runEnd]) &&
               data[runEnd] != '"') {
            if (!isBlank(data[runEnd]))
                onlyBlanks = false;
            ++runEnd;
        }
        if (runEnd == p) { // a quote inside text: kept literally
            field.append(c);
            onlyBlanks = false;
            ++p;
            continue;
        }
        field.append(data.sliced(p, runEnd - p));
        p = runEnd;
    }
    used = p;
    line_ += lines;
    record.blank = onlyBlanks && record.fields.size() == 1 && !fieldWasQuoted;
    return Parse::Done;
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.blank = false;
    record.problem = CsvProblem::None;
    record.excerpt.clear();
    if (skipping_)
        skipRestOfLine();
    while (window().isEmpty() && fill()) {
    }
    if (window().isEmpty())
        return false;
    record.line = line_;
    recordStart_ = consumed_;
    while (true) {
        const QByteArrayView w = window();
        qsizetype used = 0;
        if (w.size() <= maxRecord_) {
            if (parse(w, deviceEnded_, record, used) == Parse::Done) {
                consume(used);
                return true;
            }
            fill(); // parsed again from the record's start: bounded by maxRecordBytes
            continue;
        }
        const QByteArrayView limited = w.first(maxRecord_);
        if (parse(limited, false, record, used) == Parse::Done) {
            consume(used);
            return true;
        }
        // Longer than allowed. Inside an open quote that started on a shorter line: that line
        // is the unbalanced record. Else the line itself is too long: skipped as it streams in.
        record.fields.clear();
        qsizetype lineEnd = 0;
        while (lineEnd < limited.size() && !isLineEnd(limited[lineEnd]))
            ++lineEnd;
        if (lineEnd < limited.size()) {
            record.problem = CsvProblem::UnbalancedQuote;
            consume(skipLineEnd(w, lineEnd));
            ++line_;
            return true;
        }
        record.problem = CsvProblem::TooLong;
        record.excerpt = w.first(excerptBytes).toByteArray();
        skipping_ = true;
        return true;
    }
}

// --- columns ---------------------------------------------------------------------------------

QString normalisedColumnName(const QString& name) {
    const QString decomposed = name.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.isLetterOrNumber())
            result += c;
    // Turkish dotless ı and the German ß compare as their plain letters.
    result.replace(QChar(0x0131), QLatin1Char('i'));
    result.replace(QStringLiteral("ß"), QStringLiteral("ss"));
    return result;
}

namespace {

const QStringList& serialNames() {
    static const QStringList names = {
        // English
        QStringLiteral("serial"), QStringLiteral("serialno"), QStringLiteral("serialnumber"),
        QStringLiteral("serialnr"), QStringLiteral("sn"), QStringLiteral("radioserial"),
        QStringLiteral("radioserialnumber"), QStringLiteral("serialnum"),
        // German
        QStringLiteral("seriennummer"), QStringLiteral("seriennr"), QStringLiteral("serienno"),
        QStringLiteral("seriennummerradio"), QStringLiteral("geraetenummer"),
        QStringLiteral("geratenummer"),
        // Turkish
        QStringLiteral("seri"), QStringLiteral("serino"), QStringLiteral("serinumarasi"),
        QStringLiteral("serinumara"), QStringLiteral("serinr"),
        // French
        QStringLiteral("numerodeserie"), QStringLiteral("nodeserie"), QStringLiteral("ndeserie"),
        QStringLiteral("numserie"), QStringLiteral("serie"), QStringLiteral("numeroserie")};
    return names;
}

const QStringList& codeNames() {
    static const QStringList names = {
        // English
        QStringLiteral("code"), QStringLiteral("radiocode"), QStringLiteral("securitycode"),
        QStringLiteral("unlockcode"), QStringLiteral("radiopin"), QStringLiteral("pincode"),
        // German
        QStringLiteral("radiocodes"), QStringLiteral("sicherheitscode"),
        QStringLiteral("geheimcode"),
        // Turkish
        QStringLiteral("kod"), QStringLiteral("radyokodu"), QStringLiteral("radyokod"),
        QStringLiteral("guvenlikkodu"), QStringLiteral("sifre"),
        // French
        QStringLiteral("coderadio"), QStringLiteral("codeautoradio"),
        QStringLiteral("codedesecurite"), QStringLiteral("codesecurite")};
    return names;
}

} // namespace

CsvColumns findColumns(const QList<QByteArray>& header, const CsvColumnChoice& choice) {
    CsvColumns columns;
    QStringList normalised;
    for (const QByteArray& field : header) {
        const QString name = QString::fromUtf8(field).trimmed().remove(QChar(0x200B));
        columns.names << name;
        normalised << normalisedColumnName(name);
    }
    auto fail = [&](CsvColumns::Problem problem, const QString& detail) {
        columns.problem = problem;
        columns.detail = detail;
        columns.serial = columns.code = -1;
        return columns;
    };
    // A chosen column: a 1-based number, else a name (as written, or as normalised).
    // A name that two columns share cannot choose one of them (a number can).
    bool duplicate = false;
    auto chosen = [&](const QString& wanted) -> int {
        bool isNumber = false;
        const int number = wanted.trimmed().toInt(&isNumber);
        if (isNumber)
            return number >= 1 && number <= columns.names.size() ? number - 1 : -1;
        const QString key = normalisedColumnName(wanted);
        const qsizetype first = normalised.indexOf(key);
        duplicate = first >= 0 && normalised.indexOf(key, first + 1) > first;
        return static_cast<int>(first);
    };
    auto byName = [&](const QStringList& known, int* found) -> bool {
        QStringList matches;
        *found = -1;
        for (qsizetype i = 0; i < normalised.size(); ++i) {
            if (known.contains(normalised.at(i))) {
                if (*found < 0)
                    *found = static_cast<int>(i);
                matches << columns.names.at(i);
            }
        }
        if (matches.size() > 1) {
            duplicate =
                normalisedColumnName(matches.first()) == normalisedColumnName(matches.last());
            columns.detail = duplicate ? matches.first() : matches.join(QStringLiteral(", "));
            return false;
        }
        return true;
    };
    auto pick = [&](const QString& wanted, const QStringList& known, int* column) {
        if (!wanted.isEmpty()) {
            *column = chosen(wanted);
            if (duplicate)
                return fail(CsvColumns::Problem::DuplicateName, columns.names.value(*column));
            if (*column < 0)
                return fail(CsvColumns::Problem::ChosenNotFound, wanted);
        } else if (!byName(known, column)) {
            return fail(duplicate ? CsvColumns::Problem::DuplicateName
                                  : CsvColumns::Problem::Ambiguous,
                        columns.detail);
        }
        return columns;
    };
    if (!pick(choice.serial, serialNames(), &columns.serial).ok())
        return columns;
    if (!pick(choice.code, codeNames(), &columns.code).ok())
        return columns;
    if (columns.serial < 0)
        return fail(CsvColumns::Problem::SerialNotFound, {});
    if (columns.code < 0)
        return fail(CsvColumns::Problem::CodeNotFound, {});
    if (columns.serial == columns.code)
        return fail(CsvColumns::Problem::SameColumn, columns.names.value(columns.serial));
    // Our own export's columns, by their exact names.
    columns.source = static_cast<int>(normalised.indexOf(QStringLiteral("source")));
    columns.origin = static_cast<int>(normalised.indexOf(QStringLiteral("origin")));
    columns.createdAt = static_cast<int>(normalised.indexOf(QStringLiteral("createdat")));
    columns.family = static_cast<int>(normalised.indexOf(QStringLiteral("family")));
    return columns;
}

CodeCell readCodeCell(QByteArrayView cell) {
    CodeCell result;
    if (isCodeShape(std::string_view(cell.data(), static_cast<size_t>(cell.size())))) {
        result.kind = CodeCell::Kind::Code;
        return result;
    }
    // 1 to 3 digits: a code a spreadsheet read as a number.
    if (cell.isEmpty() || cell.size() > 3 || !std::all_of(cell.begin(), cell.end(), isDigit))
        return result;
    result.kind = CodeCell::Kind::Shortened;
    result.restored = QByteArray(4 - cell.size(), '0') + cell.toByteArray();
    return result;
}

} // namespace radiocode::storage
