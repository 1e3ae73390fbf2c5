// The CSV reader of the code list import: delimiters, quotes, BOM, line ends, broken quotes.
#include "storage/csv_reader.h"

#include <QBuffer>
#include <QTest>

using radiocode::storage::CodeCell;
using radiocode::storage::CsvColumnChoice;
using radiocode::storage::CsvColumns;
using radiocode::storage::CsvProblem;
using radiocode::storage::CsvReader;
using radiocode::storage::CsvRecord;
using radiocode::storage::findColumns;
using radiocode::storage::readCodeCell;

namespace {

QList<CsvRecord> readAll(const QByteArray& data, char delimiter = 0) {
    CsvReader reader(data, delimiter);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records.append(record);
    return records;
}

using Fields = QList<QByteArray>;

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void tabAndExcelSeparatorLine() {
        QCOMPARE(CsvReader("serial\tcode\nBP1\t1234\n").delimiter(), '\t');
        CsvReader excel("\xEF\xBB\xBFsep=;\r\nserial;code\r\nBP1;1,5\r\n");
        QCOMPARE(excel.delimiter(), ';');
        QVERIFY(excel.hadSeparatorLine());
        CsvRecord record;
        QVERIFY(excel.next(record));
        QCOMPARE(record.fields, (Fields{"serial", "code"}));
        QCOMPARE(record.line, 2);
        QVERIFY(excel.next(record));
        QCOMPARE(record.fields, (Fields{"BP1", "1,5"}));
    }

    // Streamed one byte at a time, the records are those read from memory.
    void streamedInTinyChunks() {
        const QByteArray data = "a;\"b\"\"\r\nc\"\r\n\r\nd;e\r\n\"open\n"
                                "f;g";
        QByteArray copy = data;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        CsvReader streamed(buffer, 0, 1);
        const auto whole = readAll(data);
        CsvRecord record;
        for (const CsvRecord& expected : whole) {
            QVERIFY(streamed.next(record));
            QCOMPARE(record.fields, expected.fields);
            QCOMPARE(record.line, expected.line);
            QCOMPARE(record.problem, expected.problem);
        }
        QVERIFY(!streamed.next(record));
        QCOMPARE(streamed.position(), qint64(data.size()));
    }

    // A line longer than allowed is reported at once with a short excerpt and skipped as it
    // streams in, without being held in memory.
    void tooLongLineIsCutShort() {
        QByteArray data = "serial,code\n" + QByteArray(1 << 20, 'x') + "\nBP1,1234\n";
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, 0, 4096);
        reader.setMaxRecordBytes(1000);
        CsvRecord record;
        QVERIFY(reader.next(record));
        QVERIFY(reader.next(record));
        QCOMPARE(record.problem, CsvProblem::TooLong);
        QCOMPARE(record.line, 2);
        QVERIFY(record.excerpt.size() <= 64);
        QVERIFY(record.fields.isEmpty());
        QVERIFY(reader.position() < 10000); // the rest is read only when asked for
        QCOMPARE(reader.skipTooLong(), qint64(1 << 20));
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields, (Fields{"BP1", "1234"}));
        QCOMPARE(record.line, 3);
    }

    void columnsByTheirNames_data() {
        QTest::addColumn<Fields>("header");
        QTest::addColumn<int>("serial");
        QTest::addColumn<int>("code");
        QTest::newRow("en") << Fields{"Customer", "Serial No.", "Radio Code"} << 1 << 2;
        QTest::newRow("de") << Fields{"Seriennummer", "Radiocode"} << 0 << 1;
        QTest::newRow("tr") << Fields{"Seri Numarası", "Radyo Kodu"} << 0 << 1;
        QTest::newRow("fr") << Fields{"Code radio", "Numéro de série"} << 1 << 0;
        QTest::newRow("guarded") << Fields{"\xE2\x80\x8Bserial", "code"} << 0 << 1;
    }
    void columnsByTheirNames() {
        QFETCH(Fields, header);
        QFETCH(int, serial);
        QFETCH(int, code);
        const CsvColumns columns = findColumns(header);
        QVERIFY(columns.ok());
        QCOMPARE(columns.serial, serial);
        QCOMPARE(columns.code, code);
    }

    void columnsThatCannotBeTold() {
        QCOMPARE(findColumns({"serial", "code", "Code"}).problem,
                 CsvColumns::Problem::DuplicateName);
        QCOMPARE(findColumns({"serial", "code", "Radio Code"}).problem,
                 CsvColumns::Problem::Ambiguous);
        QCOMPARE(findColumns({"a", "code"}).problem, CsvColumns::Problem::SerialNotFound);
        const CsvColumns chosen =
            findColumns({"a", "b", "b"}, CsvColumnChoice{QStringLiteral("1"), QStringLiteral("3")});
        QVERIFY(chosen.ok());
        QCOMPARE(chosen.code, 2);
        QCOMPARE(
            findColumns({"a", "b", "b"}, CsvColumnChoice{QStringLiteral("a"), QStringLiteral("b")})
                .problem,
            CsvColumns::Problem::DuplicateName);
        QCOMPARE(findColumns({"a", "b"}, CsvColumnChoice{QStringLiteral("a"), QStringLiteral("c")})
                     .problem,
                 CsvColumns::Problem::ChosenNotFound);
        QCOMPARE(findColumns({"a", "b"}, CsvColumnChoice{QStringLiteral("1"), QStringLiteral("1")})
                     .problem,
                 CsvColumns::Problem::SameColumn);
    }

    void shortenedCodes() {
        QCOMPARE(readCodeCell("0420").kind, CodeCell::Kind::Code);
        QCOMPARE(readCodeCell("420").kind, CodeCell::Kind::Shortened);
        QCOMPARE(readCodeCell("420").restored, QByteArray("0420"));
        QCOMPARE(readCodeCell("7").restored, QByteArray("0007"));
        QCOMPARE(readCodeCell("12345").kind, CodeCell::Kind::NotACode);
        QCOMPARE(readCodeCell("4a0").kind, CodeCell::Kind::NotACode);
        QCOMPARE(readCodeCell("").kind, CodeCell::Kind::NotACode);
    }

    void commaAndLf() {
        const auto records = readAll("serial,code\nBP1,1234\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (Fields{"serial", "code"}));
        QCOMPARE(records[1].fields, (Fields{"BP1", "1234"}));
        QCOMPARE(records[1].line, 2);
    }

    void semicolonDetected() {
        CsvReader reader("serial;code\r\nBP1;1234\r\n");
        QCOMPARE(reader.delimiter(), ';');
        const auto records = readAll("serial;code\r\nBP1;1234\r\n");
        QCOMPARE(records[1].fields, (Fields{"BP1", "1234"}));
    }

    // Commas inside quotes do not count when the delimiter is detected.
    void detectionIgnoresQuotedText() {
        QCOMPARE(CsvReader::detectDelimiter("\"a,b,c\";x\n"), ';');
        QCOMPARE(CsvReader::detectDelimiter("\n\n serial,code\n"), ',');
        QCOMPARE(CsvReader::detectDelimiter(""), ',');
    }

    void byteOrderMarkSkipped() {
        CsvReader reader("\xEF\xBB\xBFserial,code\n");
        QVERIFY(reader.hadByteOrderMark());
        CsvRecord record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields, (Fields{"serial", "code"}));
    }

    void lineEndsCrlfLfAndCr() {
        const auto records = readAll("a,b\r\nc,d\re,f\ng,h");
        QCOMPARE(records.size(), 4);
        QCOMPARE(records[1].fields, (Fields{"c", "d"}));
        QCOMPARE(records[2].line, 3);
        QCOMPARE(records[3].fields, (Fields{"g", "h"}));
        QCOMPARE(records[3].line, 4);
    }

    void quotes() {
        const auto records = readAll("\"BP1\",\"12\"\"34\",  \"x,y\"  ,\"\"\n");
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].fields, (Fields{"BP1", "12\"34", "x,y  ", ""}));
    }

    void quotedLineEndCountsAsLine() {
        const auto records = readAll("\"a\nb\",c\nd,e\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (Fields{"a\nb", "c"}));
        QCOMPARE(records[1].line, 3);
    }

    void quoteInsideTextKept() {
        const auto records = readAll("ab\"c,d\n");
        QCOMPARE(records[0].fields, (Fields{"ab\"c", "d"}));
    }

    void blankLines() {
        const auto records = readAll("a,b\n\n  \t\n,\n");
        QCOMPARE(records.size(), 4);
        QVERIFY(!records[0].blank);
        QVERIFY(records[1].blank);
        QVERIFY(records[2].blank);
        QVERIFY(!records[3].blank); // a lone delimiter is an empty row, not a blank line
        QCOMPARE(records[3].fields, (Fields{"", ""}));
    }

    void emptyInput() {
        QVERIFY(readAll("").isEmpty());
        QVERIFY(readAll("\xEF\xBB\xBF").isEmpty());
    }

    // A quote that never closes is reported on its line; the lines after it are still read.
    void unbalancedQuoteReportedAndReadingGoesOn() {
        const auto records = readAll("serial,code\n\"BP1,1234\nBP2,5678\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[1].problem, CsvProblem::UnbalancedQuote);
        QCOMPARE(records[1].line, 2);
        QVERIFY(records[1].fields.isEmpty());
        QCOMPARE(records[2].problem, CsvProblem::None);
        QCOMPARE(records[2].fields, (Fields{"BP2", "5678"}));
        QCOMPARE(records[2].line, 3);
    }

    void explicitDelimiterWins() {
        const auto records = readAll("a;b,c\n", ',');
        QCOMPARE(records[0].fields, (Fields{"a;b", "c"}));
    }

    void positionReachesEnd() {
        const QByteArray data = "a,b\nc,d\n";
        CsvReader reader(data);
        CsvRecord record;
        while (reader.next(record)) {
        }
        QCOMPARE(reader.position(), data.size());
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
