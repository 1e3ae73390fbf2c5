// The CSV reader of the code list import: delimiters, quotes, BOM, line ends, broken quotes.
#include "csv_reader.h"

#include <QTest>

using radiocode::storage::CsvProblem;
using radiocode::storage::CsvReader;
using radiocode::storage::CsvRecord;

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
