// CSV that a spreadsheet opens safely and exactly, whichever separator it is opened with.
//
// A spreadsheet splits a line on its own separator (',' or ';' by locale, sometimes a tab) and
// may not honour our quotes or line breaks inside them. So a formula can start after any ',',
// ';', tab or line break in a field, not only at its start, and a code like 0420 loses its
// leading zero when it is read as a number. Both are prevented by one invisible mark, U+200B
// ZERO WIDTH SPACE, put where a spreadsheet would start reading: LibreOffice and Excel keep such
// a cell as text, shown exactly as it was. Our import takes the marks out again
// (withoutSpreadsheetGuards), so an export reads back as it was written.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

class QIODevice;

namespace radiocode::storage {

enum class CsvCellKind {
    Text,  // kept as text: a leading digit is guarded too (codes, serials, names)
    Number // a count, an id, a timestamp: a spreadsheet may read it as it likes
};

// One cell, quoted where needed (RFC 4180) and guarded against formulas and number conversion.
QByteArray csvCell(const QString& text, CsvCellKind kind = CsvCellKind::Text);

// Undoes the guards of csvCell on a cell as read (UTF-8, quotes already removed).
QByteArray withoutSpreadsheetGuards(QByteArrayView cell);
// The same; a cell without guards (nearly every cell of an import) comes back shared, not copied.
QByteArray withoutSpreadsheetGuards(const QByteArray& cell);

// Writes rows to a device in one buffer, with a UTF-8 byte-order mark first (so "Müller" opens
// right in a spreadsheet). Add a column by adding a name and a cell: nothing else changes.
class CsvWriter {
public:
    struct Column {
        QString name;
        CsvCellKind kind = CsvCellKind::Text;
    };

    CsvWriter(QIODevice& device, QList<Column> columns);
    // One row, a cell per column; false when the device refused the bytes (see errorString()).
    bool writeRow(const QList<QString>& cells);
    bool finish(); // writes what is still buffered
    QString errorString() const;

private:
    bool writeOut();

    QIODevice& device_;
    QList<Column> columns_;
    QByteArray buffer_;
};

} // namespace radiocode::storage
