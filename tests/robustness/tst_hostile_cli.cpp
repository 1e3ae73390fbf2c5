// Hostile input and faults against the command-line tool, run as a real process:
// `radiocode lookup` and `radiocode batch` with what a paste, a scanner or a broken file can give,
// and an output disk that is full (a tmpfs of the test's own, filled up).
#include "process_run.h"
#include "tmpfs_mount.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString radiocodeProgram = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");

using radiocode::test::Run;
using radiocode::test::writeFile;

Run run(const QStringList& arguments, const QByteArray& input = {},
        const QString& program = radiocodeProgram) {
    return radiocode::test::runProcess(program, arguments,
                                       radiocode::test::RunOptions().input(input));
}

QJsonObject lookupJson(const QString& serial, int expectedExit) {
    const Run result =
        run({QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("--"), serial});
    if (result.exitCode != expectedExit)
        qWarning() << "exit" << result.exitCode << result.err;
    return QJsonDocument::fromJson(result.out).object();
}

bool isValidUtf8(const QByteArray& text) {
    return QString::fromUtf8(text).toUtf8() == text;
}

QList<QByteArray> rowsOf(const QByteArray& csv) {
    QList<QByteArray> rows = csv.split('\n');
    if (!rows.isEmpty() && rows.last().isEmpty())
        rows.removeLast();
    return rows;
}

} // namespace

class HostileCliTest : public QObject {
    Q_OBJECT

    // A full disk: a tmpfs of the test's own with every block taken, so each write of the
    // program's output fails with ENOSPC.
    QTemporaryDir fullDiskDir_;
    radiocode::test::TmpfsMount fullDisk_{fullDiskDir_.filePath(QStringLiteral("full"))};
    bool haveFullDisk_ = false;

    QString outputOnTheFullDisk() const { return fullDisk_.filePath(QStringLiteral("output.txt")); }

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(radiocodeProgram), qPrintable(radiocodeProgram));
        QVERIFY(fullDiskDir_.isValid());
        haveFullDisk_ = fullDisk_.mount(QStringLiteral("256k"));
        if (haveFullDisk_)
            QVERIFY(fullDisk_.fill());
    }

    void cleanupTestCase() { fullDisk_.unmount(); }

    // Look-alike letters and a bidi override are refused, with the clean serial suggested.
    void lookupRefusesAndSuggestsTheCleanSerial_data() {
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("messageId");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("Cyrillic") << QStringLiteral("ВЕ473912345678")
                                  << QStringLiteral("non-latin-letter")
                                  << QStringLiteral("BE473912345678");
        QTest::newRow("bidi override")
            << QStringLiteral("\u202EM212365") << QStringLiteral("direction-mark")
            << QStringLiteral("M212365");
    }

    void lookupRefusesAndSuggestsTheCleanSerial() {
        QFETCH(QString, serial);
        QFETCH(QString, messageId);
        QFETCH(QString, suggestion);
        const QJsonObject answer = lookupJson(serial, 2);
        QCOMPARE(answer.value(QLatin1String("status")).toString(), QStringLiteral("invalid"));
        QCOMPARE(answer.value(QLatin1String("messageId")).toString(), messageId);
        QVERIFY(answer.value(QLatin1String("code")).isNull());
        QCOMPARE(answer.value(QLatin1String("suggestions")).toArray(), QJsonArray{suggestion});
    }

    void lookupReadsFullWidthDigits() {
        const QJsonObject answer = lookupJson(QStringLiteral("Ｍ２１２３６５"), 0);
        QCOMPARE(answer.value(QLatin1String("code")).toString(), QStringLiteral("3633"));
        QCOMPARE(answer.value(QLatin1String("serial")).toString(), QStringLiteral("M212365"));
    }

    void lookupRefusesAHugeArgumentByItsLength() {
        // 100 KB: near the kernel's limit for one argument (128 KiB).
        const QJsonObject answer = lookupJson(QString(100000, QLatin1Char('J')), 2);
        QCOMPARE(answer.value(QLatin1String("messageId")).toString(),
                 QStringLiteral("input-too-long"));
        QVERIFY(
            answer.value(QLatin1String("message")).toString().contains(QLatin1String("100000")));
    }

    void lookupRefusesBytesThatAreNotUtf8() {
        // Arguments carry raw bytes only through a shell.
        const Run result =
            run({QStringLiteral("-c"),
                 QStringLiteral("exec \"$0\" lookup --json \"$(printf 'M12\\377456')\""),
                 radiocodeProgram},
                {}, QStringLiteral("/bin/sh"));
        QCOMPARE(result.exitCode, 2);
        QVERIFY(isValidUtf8(result.out));
        const QJsonObject answer = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(answer.value(QLatin1String("status")).toString(), QStringLiteral("invalid"));
        QVERIFY(answer.value(QLatin1String("code")).isNull());
    }

    void batchAnswersEveryHostileLine() {
        const QByteArray input = QByteArray("J727\n")                  // fine
                                 + "J7" + QByteArray(1, '\0') + "27\n" // NUL
                                 + "BP53\xff\xfe"
                                   "876\n"                 // not UTF-8
                                 + "\"M212365\n"           // unbalanced quote
                                 + "\xe2\x80\xaeM212365\n" // bidi override
                                 + "\xd0\x92\xd0\x95"
                                   "473912345678\n" // Cyrillic ВЕ
                                 + "\xef\xbc\xad\xef\xbc\x92\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
                                   "\xef\xbc\x96\xef\xbc\x95\r\n" // full-width, CRLF
                                 + "\x1b[31mM212365\n"            // terminal escape
                                 + "\n";                          // blank
        const Run result = run({QStringLiteral("batch")}, input);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(isValidUtf8(result.out));
        const QList<QByteArray> rows = rowsOf(result.out);
        QCOMPARE(rows.size(), 10); // header + one row per line
        QVERIFY(rows[1].startsWith("J727,renault,J727,ok,6586,"));
        QVERIFY(rows[2].startsWith("J7\xef\xbf\xbd"
                                   "27,unknown,,invalid,,,")); // NUL shown as U+FFFD
        QVERIFY(rows[2].contains("control character"));
        QVERIFY(rows[3].contains(",invalid,,,"));
        QVERIFY(rows[3].contains("not readable text"));
        QVERIFY(rows[4].startsWith("\"\"\"M212365\",")); // the quote echoed, CSV-escaped
        QVERIFY(rows[4].contains(",invalid,,,"));
        QVERIFY(rows[5].contains(",invalid,,,"));
        QVERIFY(rows[5].contains("M212365?")); // "Did you mean M212365?"
        QVERIFY(rows[6].contains(",invalid,,,"));
        QVERIFY(rows[6].contains("BE473912345678"));
        QVERIFY(rows[7].contains(",visteon,M212365,ok,3633,algorithm:visteon-m-serial,"));
        QVERIFY(rows[8].contains(",invalid,,,"));
        QVERIFY(rows[9].startsWith(",unknown,,invalid,,,"));
        for (const QByteArray& row : rows)
            QVERIFY2(!row.contains(",ok,") || row.contains("algorithm:"), row.constData());
    }

    void batchSurvivesMegabyteLinesAndBlockEdges() {
        // Three 1 MiB lines, then a short line whose CR ends a 64 KiB read block and whose LF
        // starts the next one, then a line without a line end.
        QByteArray input;
        for (int i = 0; i < 3; ++i)
            input += QByteArray(1 << 20, 'M') + '\n';
        const int blockBytes = 1 << 16;
        const qsizetype padTo =
            (input.size() / blockBytes + 1) * blockBytes - 6; // "J727\r" ends it
        input += QByteArray(padTo - input.size(), 'X') + '\n';
        input += "J727\r\n";
        QCOMPARE((input.size() - 1) % blockBytes, 0); // the LF opens a block
        input += "M212365";
        const Run result = run({QStringLiteral("batch")}, input);
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> rows = rowsOf(result.out);
        QCOMPARE(rows.size(), 1 + 3 + 1 + 1 + 1);
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(rows[i].size() < 2000); // the echo is cut, not the whole megabyte
            QVERIFY(rows[i].contains("\xe2\x80\xa6,unknown,,invalid,,,")); // "…" marks the cut
            QVERIFY(rows[i].contains("1048576"));
        }
        QVERIFY(rows[4].contains(",invalid,,,"));
        QCOMPARE(rows[5], QByteArray("J727,renault,J727,ok,6586,algorithm:renault-precode,"));
        QCOMPARE(rows[6],
                 QByteArray("M212365,visteon,M212365,ok,3633,algorithm:visteon-m-serial,"));
    }

    void batchToAFullDiskSaysSoAndFails() {
        if (!haveFullDisk_)
            QSKIP(
                "cannot mount a tmpfs to fill up here (needs root outside a restricted container)");
        QProcess process;
        process.setProgram(radiocodeProgram);
        process.setArguments({QStringLiteral("batch")});
        process.setStandardOutputFile(outputOnTheFullDisk());
        process.start();
        QVERIFY(process.waitForStarted());
        process.write("J727\nM212365\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(process.readAllStandardError().contains("cannot write the output"));
    }

    // Every command's output must reach its file: on a full disk the work is not done.
    void everyCommandToAFullDiskSaysSoAndFails_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("lookup") << QStringList{QStringLiteral("lookup"), QStringLiteral("J727")};
        QTest::newRow("lookup --json") << QStringList{
            QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("M212365")};
        QTest::newRow("families") << QStringList{QStringLiteral("families")};
        QTest::newRow("help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("db export") << QStringList{QStringLiteral("db"), QStringLiteral("export")};
        QTest::newRow("jobs list") << QStringList{QStringLiteral("jobs"), QStringLiteral("list")};
    }

    void everyCommandToAFullDiskSaysSoAndFails() {
        QFETCH(QStringList, arguments);
        if (!haveFullDisk_)
            QSKIP(
                "cannot mount a tmpfs to fill up here (needs root outside a restricted container)");
        QTemporaryDir dir;
        QProcess process;
        process.setProgram(radiocodeProgram);
        process.setArguments(
            QStringList{QStringLiteral("--database"),
                        QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("codes.db"))} +
            arguments);
        process.setStandardOutputFile(outputOnTheFullDisk());
        process.start();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 3);
        QVERIFY2(err.contains("could not be written") || err.contains("Cannot write"),
                 err.constData());
    }

    void importSkipsHostileRowsAndKeepsTheRest() {
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("hostile.csv"));
        writeFile(list,
                  QByteArray("serial,code\n") + "\"BP934515516803,1234\n" // 2: unbalanced quote
                      + "BP111111111111,5555\n"                           // 3: fine
                      + "BP22222\xff"
                        "2222222,6666\n"                                   // 4: not UTF-8
                      + "BP333333333333,77" + QByteArray(1, '\0') + "77\n" // 5: NUL in the code
                      + "\xe2\x80\xae"
                        "BP444444444444,1111\n"              // 6: bidi override
                      + QByteArray(1 << 20, 'B') + ",1234\n" // 7: a megabyte
                      + "BP555555555555,5555\n");            // 8: fine
        const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("codes.db"));
        const Run result = run({QStringLiteral("--database"), url, QStringLiteral("db"),
                                QStringLiteral("import"), list, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(report.value(QLatin1String("imported")).toInt(), 2);
        QCOMPARE(report.value(QLatin1String("skipped")).toInt(), 5);
        QList<int> lines;
        for (const QJsonValue error : report.value(QLatin1String("errors")).toArray())
            lines << error.toObject().value(QLatin1String("line")).toInt();
        QCOMPARE(lines, (QList<int>{2, 4, 5, 6, 7}));
        // The rows after the stray quote were read: both good rows are there.
        for (const char* serial : {"BP111111111111", "BP555555555555"}) {
            const Run lookup = run({QStringLiteral("--database"), url, QStringLiteral("lookup"),
                                    QString::fromLatin1(serial)});
            QCOMPARE(lookup.exitCode, 0);
            QVERIFY(lookup.out.contains("5555"));
        }

        // The plain-text report goes to a terminal: no raw control or direction characters,
        // and not a megabyte of echo.
        const Run text = run({QStringLiteral("--database"),
                              QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("other.db")),
                              QStringLiteral("db"), QStringLiteral("import"), list});
        QCOMPARE(text.exitCode, 0);
        const QByteArray shown = text.out + text.err;
        QVERIFY(shown.contains("line 2"));
        QVERIFY(!shown.contains('\0'));
        QVERIFY(!shown.contains("\xe2\x80\xae")); // U+202E would reorder the terminal line
        QVERIFY2(shown.size() < 20000, QByteArray::number(shown.size()).constData());
        // The megabyte row (a megabyte serial, a comma, a code): its length is said, not echoed.
        QVERIFY2(shown.contains("1048581 bytes"), shown.constData());
    }

    void importRefusesUtf16WithAReason() {
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("utf16.csv"));
        const QString text = QStringLiteral("serial,code\nBP111111111111,5555\n");
        writeFile(list,
                  QByteArray("\xff\xfe") +
                      QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2));
        const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("codes.db"));
        const Run result = run({QStringLiteral("--database"), url, QStringLiteral("db"),
                                QStringLiteral("import"), list});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("UTF-16"), result.err.constData());
        const Run lookup = run({QStringLiteral("--database"), url, QStringLiteral("lookup"),
                                QStringLiteral("BP111111111111")});
        QCOMPARE(lookup.exitCode, 1); // nothing imported: no code on record
    }

    void batchOnUnreadableInputSaysWhy() {
        QTemporaryDir dir;
        const Run missing =
            run({QStringLiteral("batch"), dir.filePath(QStringLiteral("none.txt"))});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains("cannot open"));
        QVERIFY(missing.err.contains("none.txt"));
        const Run directory = run({QStringLiteral("batch"), dir.path()});
        QCOMPARE(directory.exitCode, 3);
        QVERIFY(directory.err.contains("Is a directory") || directory.err.contains("failed"));
    }
};

QTEST_GUILESS_MAIN(HostileCliTest)
#include "tst_hostile_cli.moc"
