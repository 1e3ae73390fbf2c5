// The code-list reader on its own: rows accepted and rows skipped, each with its reason as data
// (no database, no sentences), and why a file is not a code list.
#include "storage/code_list_reader.h"
#include "storage/storage_texts.h"

#include <QBuffer>
#include <QTest>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

struct Read {
    QList<CodeListRow> rows;
    QList<SkippedRow> skipped;
};

Read readAll(QByteArray data, bool restore = false) {
    QBuffer device(&data);
    device.open(QIODevice::ReadOnly);
    CodeListReader reader(device, {}, restore);
    Read read;
    if (!reader.readHeader())
        return read;
    CodeListRow row;
    SkippedRow skipped;
    for (;;) {
        const auto next = reader.next(row, skipped);
        if (next == CodeListReader::Next::End)
            break;
        if (next == CodeListReader::Next::Row)
            read.rows.append(row);
        else
            read.skipped.append(skipped);
    }
    return read;
}

CodeListProblem problemOf(QByteArray data) {
    QBuffer device(&data);
    device.open(QIODevice::ReadOnly);
    CodeListReader reader(device, {}, false);
    reader.readHeader();
    return reader.problem();
}

} // namespace

class CodeListReaderTest : public QObject {
    Q_OBJECT

private slots:
    void rowsAndReasons() {
        const Read read = readAll("Serial,Code\n"
                                  "BP934515516803,1234\n"
                                  "\n"
                                  ",1234\n"
                                  "BP93451551,1234\n"
                                  "M212365,1111\n"
                                  "BP934515516804,420\n"
                                  "BP934515516805,12a4\n"
                                  "BP934515516806\n"
                                  "\"BP934515516807,1234\n");
        QCOMPARE(read.rows.size(), 1);
        QCOMPARE(read.rows[0].line, 2);
        QCOMPARE(read.rows[0].family, Family::Blaupunkt);
        QCOMPARE(read.rows[0].serial, QStringLiteral("BP934515516803"));
        QCOMPARE(read.rows[0].code, QStringLiteral("1234"));
        QVERIFY(!read.rows[0].leadingZerosRestored);

        QList<SkipReason> reasons;
        QList<int> lines;
        for (const SkippedRow& row : read.skipped) {
            reasons << row.reason;
            lines << row.line;
        }
        QCOMPARE(reasons, (QList<SkipReason>{SkipReason::EmptySerial, SkipReason::BadSerial,
                                             SkipReason::AlgorithmFamily, SkipReason::ShortenedCode,
                                             SkipReason::NotACode, SkipReason::TooFewColumns,
                                             SkipReason::UnbalancedQuote}));
        QCOMPARE(lines, (QList<int>{4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(read.skipped[1].cell, QByteArray("BP93451551"));
        QVERIFY(!read.skipped[1].recognition.isValid());
        QCOMPARE(read.skipped[2].family, Family::Visteon);
        QCOMPARE(read.skipped[3].restored, QByteArray("0420"));
        QCOMPARE(read.skipped[3].serial, QStringLiteral("BP934515516804"));
        QCOMPARE(read.skipped[5].columns, 1);
        QCOMPARE(read.skipped[5].needed, 2);
        // The sentences are made from the data, outside the reader.
        QVERIFY(StorageTexts::skippedRow(read.skipped[4]).contains(QLatin1String("12a4")));
        QCOMPARE(StorageTexts::skippedRowSerial(read.skipped[4]), QStringLiteral("BP934515516805"));
    }

    void leadingZerosRestoredWhenAsked() {
        const Read read = readAll("serial;code\nBP934515516804;420\n", true);
        QCOMPARE(read.skipped.size(), 0);
        QCOMPARE(read.rows.size(), 1);
        QCOMPARE(read.rows[0].code, QStringLiteral("0420"));
        QVERIFY(read.rows[0].leadingZerosRestored);
    }

    // A list this program exported says where each code came from.
    void exportedProvenanceIsKept() {
        const Read read = readAll("serial,code,family,source,origin,created_at\n"
                                  "BP934515516803,1234,blaupunkt,confirmed,Ann,"
                                  "2026-11-28T10:00:00Z\n"
                                  "BP934515516804,2345,blaupunkt,dealer,Kartal,\n");
        QCOMPARE(read.rows.size(), 2);
        QCOMPARE(read.rows[0].recordedProvenance, QStringLiteral("confirmed"));
        QCOMPARE(read.rows[0].recordedOrigin, QStringLiteral("Ann"));
        QCOMPARE(read.rows[0].recordedAt, QStringLiteral("2026-11-28T10:00:00Z"));
        QVERIFY(read.rows[1].recordedProvenance.isEmpty());
    }

    void notACodeList() {
        QCOMPARE(problemOf(""), CodeListProblem::Empty);
        QCOMPARE(problemOf("\n  \n"), CodeListProblem::Empty);
        QCOMPARE(problemOf("name,phone\nAnn,1\n"), CodeListProblem::Columns);
        QCOMPARE(problemOf("\"serial,code\n"), CodeListProblem::HeaderUnbalancedQuote);
        QCOMPARE(problemOf(QByteArray(5000, 'x') + "\n"), CodeListProblem::HeaderTooLong);
        QCOMPARE(problemOf(QByteArray("\xff\xfes\0e\0", 6)), CodeListProblem::Utf16);
        QCOMPARE(problemOf("serial,code\n"), CodeListProblem::None);
    }
};

QTEST_GUILESS_MAIN(CodeListReaderTest)
#include "tst_code_list_reader.moc"
