// libFuzzer target: the CSV reader of the code database import (app/storage/csv_reader.h).
// Three checks on every input:
//  - read as a CSV file as it is: the reader always moves forward and ends, line numbers only
//    grow, and a record with an unbalanced quote carries no fields;
//  - read as a list of fields (0x1F between fields, 0x1E between records) that is written out
//    as CSV with every field quoted: the reader gives back exactly those fields;
//  - streamed from a device in chunks of a few bytes, the reader gives the same records as from
//    memory (chunk boundaries anywhere: inside a CRLF, a "" or a quoted line end).
#include "fuzz_common.h"

#include "storage/csv_reader.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using radiocode::storage::CsvProblem;
using radiocode::storage::CsvReader;
using radiocode::storage::CsvRecord;

namespace {

void readAsFile(QByteArrayView data, char delimiter) {
    CsvReader reader(data, delimiter);
    FUZZ_CHECK(reader.hadSeparatorLine() || reader.delimiter() == ',' ||
               reader.delimiter() == ';' || reader.delimiter() == '\t');
    CsvRecord record;
    qsizetype lastPosition = reader.position();
    int lastLine = 0;
    const qsizetype lineEnds = data.count('\n') + data.count('\r');
    while (reader.next(record)) {
        FUZZ_CHECK(reader.position() > lastPosition); // every record consumes something
        FUZZ_CHECK(reader.position() <= data.size());
        FUZZ_CHECK(record.line > lastLine);
        FUZZ_CHECK(record.line <= lineEnds + 1);
        if (record.problem != CsvProblem::None)
            FUZZ_CHECK(record.fields.isEmpty());
        else
            FUZZ_CHECK(!record.fields.isEmpty());
        if (record.blank)
            FUZZ_CHECK(record.fields.size() == 1 && record.fields.first().trimmed().isEmpty());
        lastPosition = reader.position();
        lastLine = record.line;
    }
    FUZZ_CHECK(reader.position() == data.size());
}

QByteArray quoted(const QByteArray& field) {
    QByteArray text = field;
    text.replace('"', "\"\"");
    return '"' + text + '"';
}

void roundTrip(QByteArrayView data, char delimiter, bool detect) {
    QList<QList<QByteArray>> records;
    for (const QByteArray& recordText : data.toByteArray().split('\x1e'))
        records.append(recordText.split('\x1f'));
    if (detect && records.first().size() < 2)
        detect = false; // one field per line: nothing to detect the delimiter from
    QByteArray csv;
    QList<int> expectedLines;
    int line = 1;
    for (const QList<QByteArray>& fields : records) {
        expectedLines.append(line);
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                csv += delimiter;
            csv += quoted(fields[i]);
            // Line ends inside quotes still count as lines of the file.
            const QByteArray& f = fields[i];
            for (qsizetype j = 0; j < f.size(); ++j) {
                if (f[j] == '\n' || (f[j] == '\r' && (j + 1 >= f.size() || f[j + 1] != '\n')))
                    ++line;
            }
        }
        csv += '\n';
        ++line;
    }
    CsvReader reader(csv, detect ? 0 : delimiter);
    FUZZ_CHECK(reader.delimiter() == delimiter);
    CsvRecord record;
    for (qsizetype r = 0; r < records.size(); ++r) {
        FUZZ_CHECK(reader.next(record));
        FUZZ_CHECK(record.problem == CsvProblem::None);
        FUZZ_CHECK(!record.blank);
        FUZZ_CHECK(record.line == expectedLines[r]);
        FUZZ_CHECK(record.fields == records[r]);
    }
    FUZZ_CHECK(!reader.next(record));
}

} // namespace

void streamedAsFromMemory(QByteArrayView data, qsizetype chunk) {
    CsvReader whole(data);
    QByteArray copy = data.toByteArray();
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader streamed(buffer, 0, chunk);
    FUZZ_CHECK(streamed.delimiter() == whole.delimiter());
    CsvRecord a;
    CsvRecord b;
    while (true) {
        const bool more = whole.next(a);
        FUZZ_CHECK(streamed.next(b) == more);
        if (!more)
            break;
        FUZZ_CHECK(a.line == b.line && a.problem == b.problem && a.blank == b.blank);
        FUZZ_CHECK(a.fields == b.fields);
        FUZZ_CHECK(whole.position() == streamed.position());
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const QByteArrayView data(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    readAsFile(data, 0);
    readAsFile(data, ';');
    const char delimiter = (size > 0 && (bytes[0] & 1u)) ? ';' : ',';
    roundTrip(data, delimiter, false);
    roundTrip(data, delimiter, true);
    streamedAsFromMemory(data, 1 + (size > 1 ? bytes[1] % 7 : 0));
    return 0;
}
