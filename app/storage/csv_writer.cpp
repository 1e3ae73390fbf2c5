#include "storage/csv_writer.h"

#include <QIODevice>

#include <algorithm>

namespace radiocode::storage {
namespace {

constexpr char16_t guard = u'\u200B';
constexpr char guardUtf8[] = "\xE2\x80\x8B";

// Where a spreadsheet may start reading a cell: at the start and after a separator it might use.
bool endsSegment(QChar c) {
    return c == u',' || c == u';' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool startsFormula(QChar c) {
    // '"' too: after a ';' it would open a quoted cell of its own, and what follows its closing
    // quote is read as the cell's start.
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'"' || c == guard;
}

bool isSegmentEnd(char c) {
    return c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

QByteArray csvCell(const QString& text, CsvCellKind kind) {
    QString cell;
    cell.reserve(text.size() + 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 0 || endsSegment(text.at(i - 1))) {
            qsizetype first = i;
            while (first < text.size() && text.at(first) == u' ')
                ++first;
            const bool leadingNumber = i == 0 && kind == CsvCellKind::Text && first < text.size() &&
                                       (text.at(first).isDigit() || text.at(first) == u'.');
            if (first < text.size() && (startsFormula(text.at(first)) || leadingNumber))
                cell += QChar(guard);
        }
        cell += text.at(i);
    }
    const bool needsQuotes = std::any_of(cell.cbegin(), cell.cend(),
                                         [](QChar c) { return endsSegment(c) || c == u'"'; });
    if (!needsQuotes)
        return cell.toUtf8();
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + cell.toUtf8() + '"';
}

QByteArray withoutSpreadsheetGuards(QByteArrayView cell) {
    QByteArray result;
    result.reserve(cell.size());
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if ((i == 0 || isSegmentEnd(cell[i - 1])) && cell.sliced(i).startsWith(guardUtf8)) {
            i += 2; // the guard's three bytes, the loop steps over the last
            continue;
        }
        result += cell[i];
    }
    return result;
}

QByteArray withoutSpreadsheetGuards(const QByteArray& cell) {
    if (!cell.contains(QByteArrayView(guardUtf8)))
        return cell;
    return withoutSpreadsheetGuards(QByteArrayView(cell));
}

CsvWriter::CsvWriter(QIODevice& device, QList<Column> columns)
    : device_(device), columns_(std::move(columns)) {
    buffer_ = "\xEF\xBB\xBF";
    for (qsizetype i = 0; i < columns_.size(); ++i) {
        if (i > 0)
            buffer_ += ',';
        buffer_ += csvCell(columns_.at(i).name);
    }
    buffer_ += '\n';
}

bool CsvWriter::writeRow(const QList<QString>& cells) {
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            buffer_ += ',';
        buffer_ +=
            csvCell(cells.at(i), i < columns_.size() ? columns_.at(i).kind : CsvCellKind::Text);
    }
    buffer_ += '\n';
    return buffer_.size() < (1 << 16) || writeOut();
}

bool CsvWriter::finish() {
    return writeOut();
}

bool CsvWriter::writeOut() {
    if (buffer_.isEmpty())
        return true;
    const bool written = device_.write(buffer_) == buffer_.size();
    buffer_.clear();
    return written;
}

QString CsvWriter::errorString() const {
    return device_.errorString();
}

} // namespace radiocode::storage
