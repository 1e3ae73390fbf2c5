// The `radiocode` command-line tool, run as a process: output format, CSV quoting, exit codes,
// every public vector through `batch`, hostile input lines, --json.
#include "process_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using radiocode::test::Run;
using radiocode::test::writeFile;

using Record = QList<QByteArray>;

// Strict RFC 4180 reader: fails the test on a stray quote, so unquoted commas, quotes or line
// breaks inside a field cannot go unnoticed. Records end in LF.
bool parseCsv(const QByteArray& data, QList<Record>& records, QString& problem) {
    records.clear();
    Record record;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = data.size();
    while (i < n) {
        if (data[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    problem = QStringLiteral("unterminated quoted field");
                    return false;
                }
                if (data[i] == '"') {
                    if (i + 1 < n && data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += data[i++];
            }
            if (i < n && data[i] != ',' && data[i] != '\n') {
                problem = QStringLiteral("text after a closing quote at byte %1").arg(i);
                return false;
            }
        } else {
            while (i < n && data[i] != ',' && data[i] != '\n') {
                if (data[i] == '"' || data[i] == '\r') {
                    problem = QStringLiteral("quote or CR in an unquoted field at byte %1").arg(i);
                    return false;
                }
                field += data[i++];
            }
        }
        record << field;
        field.clear();
        if (i < n && data[i] == ',') {
            ++i;
            if (i == n) {
                problem = QStringLiteral("the file ends after a comma");
                return false;
            }
            continue;
        }
        records << record;
        record.clear();
        if (i < n) // '\n'
            ++i;
    }
    if (!data.isEmpty() && !data.endsWith('\n')) {
        problem = QStringLiteral("the last row has no line end");
        return false;
    }
    return true;
}

// Valid UTF-8 and no NUL (which would cut the text short in most CSV readers).
bool isValidUtf8(const QByteArray& bytes) {
    return QString::fromUtf8(bytes).toUtf8() == bytes && !bytes.contains('\0');
}

const QByteArray header = "input,series,serial,status,code,source,message";

enum Column { Input, Series, Serial, Status, Code, Source, Message };

} // namespace

class CliTest : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    Run run(const QStringList& arguments, const QByteArray& input = {},
            const QString& workingDirectory = {}) {
        return runProgram(QStringLiteral(RADIOCODE_CLI), arguments, input, workingDirectory);
    }

    // Runs `radiocode` through /bin/sh, for arguments QProcess cannot pass (bytes that are not
    // UTF-8): `script` sees the program as "$0".
    Run runShell(const QString& script) {
        return runProgram(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"), script, QStringLiteral(RADIOCODE_CLI)});
    }

    Run runProgram(const QString& program, const QStringList& arguments,
                   const QByteArray& input = {}, const QString& workingDirectory = {}) {
        // A home of its own: no code database, settings or language from the machine.
        return radiocode::test::runProcess(
            program, arguments,
            radiocode::test::RunOptions()
                .input(input)
                .environment(radiocode::test::isolatedEnvironment(home_.path()))
                .workingDirectory(workingDirectory)
                .timeoutMs(60000));
    }

    // Runs `batch` over `input` and returns its rows after the header, checking the format.
    QList<Record> batch(const QByteArray& input, const QStringList& extra = {}) {
        const Run result = run(QStringList{QStringLiteral("batch")} + extra, input);
        [&] {
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(isValidUtf8(result.out), "the output is valid UTF-8 with no NUL");
        }();
        QList<Record> records;
        QString problem;
        if (!parseCsv(result.out, records, problem)) {
            QTest::qFail(qPrintable(problem), __FILE__, __LINE__);
            return {};
        }
        if (records.isEmpty() || records.first().join(',') != header) {
            QTest::qFail("the header is not exactly input,series,...,message", __FILE__, __LINE__);
            return {};
        }
        for (const Record& record : records) {
            if (record.size() != 7) {
                QTest::qFail(qPrintable(QStringLiteral("a row of %1 fields").arg(record.size())),
                             __FILE__, __LINE__);
                return {};
            }
        }
        records.removeFirst();
        for (const Record& record : records) {
            static const QList<QByteArray> series = {"blaupunkt", "renault", "becker", "visteon",
                                                     "unknown"};
            static const QList<QByteArray> statuses = {"ok", "invalid", "unsupported", "not-found"};
            if (!series.contains(record[Series]) || !statuses.contains(record[Status]) ||
                (record[Status] == "ok") != (record[Code].size() == 4) ||
                (record[Status] == "ok") != !record[Source].isEmpty()) {
                QTest::qFail(qPrintable(QString::fromUtf8(record.join(','))), __FILE__, __LINE__);
                return {};
            }
        }
        return records;
    }

private slots:
    void initTestCase() {
        QVERIFY(home_.isValid());
        QVERIFY(QFileInfo(QStringLiteral(RADIOCODE_CLI)).isExecutable());
    }

    void helpAndVersion() {
        for (const QStringList& arguments :
             {QStringList{}, QStringList{QStringLiteral("--help")},
              QStringList{QStringLiteral("-h")}, QStringList{QStringLiteral("help")}}) {
            const Run result = run(arguments);
            QCOMPARE(result.exitCode, 0);
            for (const char* command : {"lookup", "batch", "families", "--database", "--lang"})
                QVERIFY2(result.out.contains(command), command);
        }
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^radiocode \\d+\\.\\d+\\.\\d+\\n$"))
                     .match(QString::fromUtf8(version.out))
                     .hasMatch(),
                 version.out.constData());
        for (const char* command : {"lookup", "batch", "families"}) {
            const Run result = run({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.out.startsWith("Usage: radiocode " + QByteArray(command)),
                     result.out.constData());
            QCOMPARE(run({QStringLiteral("help"), QString::fromLatin1(command)}).out, result.out);
        }
        QVERIFY(run({QStringLiteral("batch"), QStringLiteral("--help")})
                    .out.contains("input,series,serial,status,code,source,message"));
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("lookup without serial") << QStringList{QStringLiteral("lookup")};
        QTest::newRow("lookup unknown option")
            << QStringList{QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--x")};
        QTest::newRow("unknown family")
            << QStringList{QStringLiteral("lookup"), QStringLiteral("J727"),
                           QStringLiteral("--family"), QStringLiteral("ford")};
        QTest::newRow("family without value") << QStringList{
            QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--family")};
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("lookup"),
                           QStringLiteral("J727")};
        QTest::newRow("database without value") << QStringList{
            QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--database")};
        QTest::newRow("batch two files")
            << QStringList{QStringLiteral("batch"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("batch unknown option")
            << QStringList{QStringLiteral("batch"), QStringLiteral("--fast")};
        QTest::newRow("families extra")
            << QStringList{QStringLiteral("families"), QStringLiteral("x")};
    }
    void badArguments() {
        QFETCH(QStringList, arguments);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY(!result.err.isEmpty());
    }

    void families() {
        const Run result = run({QStringLiteral("families")});
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // a heading and the four families
        QVERIFY(lines[1].startsWith("blaupunkt "));
        QVERIFY(lines[2].startsWith("renault "));
        QVERIFY(lines[3].startsWith("becker "));
        QVERIFY(lines[4].startsWith("visteon "));
        // The 7th character may be a letter on real labels: the format says so.
        QVERIFY(lines[1].contains("BP + 12 characters, 7th may be a letter"));
    }

    void lookupShowsCodeSourceAndSteps() {
        const Run result = run({QStringLiteral("lookup"), QStringLiteral("J727")});
        QCOMPARE(result.exitCode, 0);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY(out.contains(QLatin1String("Family: Renault")));
        QVERIFY(out.contains(QLatin1String("Serial: J727")));
        QVERIFY(out.contains(QLatin1String("Code: 6586")));
        QVERIFY(out.contains(QLatin1String("algorithm:renault-precode")));
        QVERIFY(
            out.contains(QLatin1String("Press station button 1 until 6 shows on the display.")));
        QVERIFY(
            out.contains(QLatin1String("Press station button 2 until 5 shows on the display.")));
        QVERIFY(
            out.contains(QLatin1String("Press station button 3 until 8 shows on the display.")));
        QVERIFY(
            out.contains(QLatin1String("Press station button 4 until 6 shows on the display.")));
        QVERIFY(out.contains(QLatin1String("Press OK or ENTER (some units: see the handbook).")));
        // The handbook is named once, in the confirm step, not again among the cautions.
        QCOMPARE(out.count(QLatin1String("handbook")), 1);
        QVERIFY(result.err.isEmpty());
        // Visteon, and a label printed in groups given as two arguments.
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("M212365")}).exitCode, 0);
        QVERIFY(run({QStringLiteral("lookup"), QStringLiteral("M212365")}).out.contains("3633"));
        const Run blaupunkt =
            run({QStringLiteral("lookup"), QStringLiteral("BP53876"), QStringLiteral("9672026")});
        QCOMPARE(blaupunkt.exitCode, 1);
        QVERIFY(blaupunkt.out.contains("Serial: BP538769672026"));
        QVERIFY(blaupunkt.out.contains("No code on record"));
        // How a changed input was read is said: barcode text, 17-character label.
        const Run barcode = run({QStringLiteral("lookup"), QStringLiteral("7711RTBT019")});
        QCOMPARE(barcode.exitCode, 0);
        QVERIFY(barcode.out.contains("Serial: T019"));
        QVERIFY(barcode.out.contains("barcode"));
        const Run label = run({QStringLiteral("lookup"), QStringLiteral("815CM934515516803")});
        QCOMPARE(label.exitCode, 1);
        QVERIFY(label.out.contains("Serial: BP934515516803"));
    }

    void lookupExitCodes_data() {
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("renault ok") << "J727"
                                    << "" << 0;
        QTest::newRow("visteon ok") << "M025345"
                                    << "" << 0;
        QTest::newRow("precode with family") << "M123"
                                             << "renault" << 0;
        QTest::newRow("blaupunkt not-found") << "BP538769672026"
                                             << "" << 1;
        QTest::newRow("815CM not-found") << "815CM934515516803"
                                         << "" << 1;
        QTest::newRow("becker not-found") << "BE473912345678"
                                          << "" << 1;
        QTest::newRow("becker unsupported") << "BE781835000375"
                                            << "" << 1;
        QTest::newRow("look-alike invalid") << "BPO38769672026"
                                            << "" << 2;
        QTest::newRow("A099 invalid") << "A099"
                                      << "" << 2;
        QTest::newRow("too short") << "BP5387"
                                   << "" << 2;
        QTest::newRow("wrong family") << "M123456"
                                      << "renault" << 2;
        // After "--" a leading dash is the serial's (and, as a separator, dropped).
        QTest::newRow("serial after --") << "-J727"
                                         << "" << 0;
    }
    void lookupExitCodes() {
        QFETCH(QString, serial);
        QFETCH(QString, family);
        QFETCH(int, exitCode);
        QStringList arguments{QStringLiteral("lookup")};
        if (!family.isEmpty())
            arguments << QStringLiteral("--family") << family;
        arguments << QStringLiteral("--") << serial;
        QCOMPARE(run(arguments).exitCode, exitCode);
    }

    void lookupInvalidSaysWhatAndSuggests() {
        const Run result = run({QStringLiteral("lookup"), QStringLiteral("BPO38769672026")});
        QCOMPARE(result.exitCode, 2);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY(out.contains(QLatin1String("Invalid serial")));
        QVERIFY(out.contains(QLatin1String("character 3")));
        QVERIFY(out.contains(QLatin1String("Did you mean BP038769672026?")));
        QVERIFY(!out.contains(QLatin1String("Code:")));
    }

    void lookupJson() {
        Run result =
            run({QStringLiteral("lookup"), QStringLiteral("j727"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        QJsonObject object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object[QLatin1String("input")].toString(), QStringLiteral("j727"));
        QCOMPARE(object[QLatin1String("family")].toString(), QStringLiteral("renault"));
        QCOMPARE(object[QLatin1String("serial")].toString(), QStringLiteral("J727"));
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(object[QLatin1String("code")].toString(), QStringLiteral("6586"));
        QCOMPARE(object[QLatin1String("source")].toString(),
                 QStringLiteral("algorithm:renault-precode"));
        const QJsonArray steps = object[QLatin1String("steps")].toArray();
        QCOMPARE(steps.size(), 5);
        QCOMPARE(steps[0].toString(),
                 QStringLiteral("Press station button 1 until 6 shows on the display."));
        QCOMPARE(steps[4].toString(),
                 QStringLiteral("Press OK or ENTER (some units: see the handbook)."));
        const QJsonArray digits = object[QLatin1String("digits")].toArray();
        QCOMPARE(digits.size(), 4);
        QCOMPARE(digits[1].toObject()[QLatin1String("button")].toInt(), 2);
        QCOMPARE(digits[1].toObject()[QLatin1String("digit")].toInt(), 5);
        QCOMPARE(object[QLatin1String("cautions")].toArray().size(), 2);

        result = run(
            {QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("BPO38769672026")});
        QCOMPARE(result.exitCode, 2);
        object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("invalid"));
        QCOMPARE(object[QLatin1String("family")].toString(), QStringLiteral("blaupunkt"));
        QVERIFY(object[QLatin1String("serial")].isNull());
        QVERIFY(object[QLatin1String("code")].isNull());
        QCOMPARE(object[QLatin1String("messageId")].toString(),
                 QStringLiteral("look-alike-letter"));
        QCOMPARE(object[QLatin1String("position")].toInt(), 2);
        QVERIFY(object[QLatin1String("message")].toString().contains(QStringLiteral("“O”")));
        QCOMPARE(object[QLatin1String("suggestions")].toArray(),
                 QJsonArray{QStringLiteral("BP038769672026")});

        result = run(
            {QStringLiteral("lookup"), QStringLiteral("BE473912345678"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("not-found"));
        QCOMPARE(object[QLatin1String("serial")].toString(), QStringLiteral("BE473912345678"));
        QVERIFY(object[QLatin1String("code")].isNull());
        QVERIFY(!object[QLatin1String("nextSteps")].toArray().isEmpty());

        // Hostile bytes reach JSON as valid text.
        result = run(
            {QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("J7\u202E27\"\\")});
        QCOMPARE(result.exitCode, 2);
        object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object[QLatin1String("input")].toString(), QStringLiteral("J7\u202E27\"\\"));
    }

    // Bytes that are not UTF-8 reach the core as they are: it says the text is not readable,
    // rather than complaining about the replacement character "�" the decoded argument holds.
    void lookupBytesThatAreNotText() {
        Run result = runShell(QStringLiteral("exec \"$0\" lookup \"$(printf 'M21\\377365')\""));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.out.contains("not readable text"), result.out.constData());
        QVERIFY2(!result.out.contains("\xef\xbf\xbd"), result.out.constData()); // no "�" shown
        result = runShell(
            QStringLiteral("exec \"$0\" lookup --json -- \"$(printf 'BP53876')\" \"$(printf "
                           "'96\\300\\20072026')\""));
        QCOMPARE(result.exitCode, 2);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object[QLatin1String("messageId")].toString(), QStringLiteral("invalid-encoding"));
        // The parts are joined by one space: the bad byte is the 11th ("BP53876 96" before it).
        QVERIFY2(object[QLatin1String("message")].toString().contains(QLatin1String("byte 11")),
                 qPrintable(object[QLatin1String("message")].toString()));
        // Valid UTF-8 is unchanged by the detour: a Cyrillic "М" is still named as such.
        result = runShell(QStringLiteral("exec \"$0\" lookup \"$(printf '\\320\\234212365')\""));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.out.contains("\xd0\x9c"), result.out.constData());
        QVERIFY2(result.out.contains("M212365"), result.out.constData()); // the suggestion
    }

    // --json echoes the input, but not 100 KB of it: cut like batch's input column.
    void lookupJsonCutsHugeInput() {
        const QString huge = QStringLiteral("M1") + QString(50000, QChar(0x00E9)); // 100 KB
        const Run result = run({QStringLiteral("lookup"), QStringLiteral("--json"), huge});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.out.size() < 4000, QByteArray::number(result.out.size()).constData());
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString input = object[QLatin1String("input")].toString();
        QVERIFY(input.endsWith(QChar(0x2026)));
        QVERIFY(huge.startsWith(input.chopped(1))); // a clean cut: no broken character
        QVERIFY(input.chopped(1).toUtf8().size() <= 1000);
        QVERIFY(input.chopped(1).toUtf8().size() >= 998);
        QCOMPARE(object[QLatin1String("messageId")].toString(), QStringLiteral("input-too-long"));
        // A short input is echoed whole.
        const Run shortRun =
            run({QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("j 727")});
        QCOMPARE(QJsonDocument::fromJson(shortRun.out).object()[QLatin1String("input")].toString(),
                 QStringLiteral("j 727"));
    }

    void globalOptionsAnywhere() {
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("lookup"),
                          QStringLiteral("J727")},
              QStringList{QStringLiteral("lookup"), QStringLiteral("J727"),
                          QStringLiteral("--lang"), QStringLiteral("tr")},
              QStringList{QStringLiteral("lookup"), QStringLiteral("--lang=en"),
                          QStringLiteral("J727")},
              QStringList{QStringLiteral("--database"),
                          QStringLiteral("sqlite:") + home_.filePath(QStringLiteral("none.db")),
                          QStringLiteral("lookup"), QStringLiteral("J727"),
                          QStringLiteral("--json")}}) {
            const Run result = run(arguments);
            QVERIFY2(result.exitCode == 0, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY(result.out.contains("6586"));
        }
    }

    // Every row of the public vectors (tests/data/vectors/public.csv) through `batch`.
    void publicVectorsThroughBatch() {
        QFile file(QStringLiteral(RADIOCODE_TEST_DATA_DIR "/vectors/public.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<Record> vectors;
        QString problem;
        QVERIFY2(parseCsv(file.readAll(), vectors, problem), qPrintable(problem));
        vectors.removeFirst();
        QByteArray input;
        for (const Record& vector : vectors)
            input += vector[0] + '\n';
        const QList<Record> rows = batch(input);
        QCOMPARE(rows.size(), vectors.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Record& want = vectors[i];
            const Record& got = rows[i];
            const QByteArray context = want.join(',') + " -> " + got.join(',');
            QVERIFY2(got[Input] == want[0], context.constData());
            QVERIFY2(got[Status] == want[3], context.constData());
            QVERIFY2(got[Code] == want[4], context.constData());
            if (!want[1].isEmpty())
                QVERIFY2(got[Series] == want[1], context.constData());
            if (!want[2].isEmpty() || want[3] == "invalid")
                QVERIFY2(got[Serial] == want[2], context.constData());
            QVERIFY2(got[Message].isEmpty() == (want[3] == "ok"), context.constData());
        }
        QVERIFY(rows[10][Message].contains("BP038769672026"));
    }

    // Commas, quotes and line breaks in a field are always quoted, and read back exactly.
    void quoting() {
        const QList<QByteArray> lines = {"J727", "a,b", "\"J727\"", "say \"\"hi\"\"",
                                         "x\ry", ",",   "\"",       "M12,3456"};
        QByteArray input;
        for (const QByteArray& line : lines)
            input += line + '\n';
        const QList<Record> rows = batch(input);
        QCOMPARE(rows.size(), lines.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i][Input], lines[i]);
        }
        QCOMPARE(rows[0][Status], QByteArray("ok"));
        QCOMPARE(rows[2][Status], QByteArray("invalid"));
        // A message with a comma in it is quoted (the strict reader above would fail otherwise).
        const Run raw = run({QStringLiteral("batch")}, "BP538769672026\n");
        QVERIFY(raw.out.contains(",\"No public algorithm exists for Blaupunkt radios, and no code "
                                 "database could be consulted"));
        QVERIFY(raw.out.contains("\nBP538769672026,blaupunkt,BP538769672026,not-found,,,\""));
    }

    void batchAnswersEveryLine() {
        // CRLF, blank lines, blanks only, no line end after the last line.
        const QList<Record> rows = batch("J727\r\n\r\n\n   \nM212365\r\nM025345");
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[0][Input], QByteArray("J727"));
        QCOMPARE(rows[0][Code], QByteArray("6586"));
        for (const int blank : {1, 2, 3}) {
            QCOMPARE(rows[blank][Status], QByteArray("invalid"));
            QCOMPARE(rows[blank][Series], QByteArray("unknown"));
            QVERIFY(!rows[blank][Message].isEmpty());
        }
        QCOMPARE(rows[4][Input], QByteArray("M212365"));
        QCOMPARE(rows[4][Code], QByteArray("3633"));
        QCOMPARE(rows[5][Code], QByteArray("3306"));
        // Nothing at all: the header only.
        QCOMPARE(batch("").size(), 0);
        QCOMPARE(batch("\n").size(), 1);
    }

    void batchHostileLines() {
        QByteArray input;
        input += QByteArray("J7\0"
                            "27",
                            5) +
                 '\n';                               // 0: NUL inside
        input += QByteArray(200 * 1000, 'M') + '\n'; // 1: a 200 kB line
        input += QByteArray("M12\xff\xfe"
                            "3456\n");                             // 2: invalid UTF-8
        input += QStringLiteral("\u202EJ727\n").toUtf8();          // 3: right-to-left override
        input += QStringLiteral("\u200FM123456\u200E\n").toUtf8(); // 4: RLM/LRM marks
        input +=
            QStringLiteral("M\uFF12\uFF11\uFF12\uFF13\uFF16\uFF15\n").toUtf8(); // 5: full-width
        input += QByteArray("\0\0\0\n", 4);                                     // 6: NUL only
        input += QStringLiteral("\u041C212365\n").toUtf8();                     // 7: Cyrillic M
        input += QByteArray("\xe2\x80") + '\n';                      // 8: cut-off sequence
        input += QByteArray("\x1b[2J\x1b]0;t\x07\tM\xc2\x85\x7f\n"); // 9: terminal controls
        input += "J727";                                             // 10: no line end
        const QList<Record> rows = batch(input);
        QCOMPARE(rows.size(), 11);

        QCOMPARE(rows[0][Status], QByteArray("invalid"));
        QCOMPARE(rows[0][Input], QStringLiteral("J7\uFFFD27").toUtf8());
        QVERIFY(rows[0][Message].contains("control character"));

        QCOMPARE(rows[1][Status], QByteArray("invalid"));
        QVERIFY(rows[1][Input].size() <= 1003 + 3);
        QVERIFY(rows[1][Input].startsWith(QByteArray(1000, 'M')));
        QVERIFY(rows[1][Input].endsWith(QStringLiteral("\u2026").toUtf8()));
        QVERIFY(rows[1][Message].contains("200000 bytes"));

        QCOMPARE(rows[2][Status], QByteArray("invalid"));
        QCOMPARE(rows[2][Input], QStringLiteral("M12\uFFFD\uFFFD3456").toUtf8());
        QVERIFY(rows[2][Message].contains("byte 4"));

        QCOMPARE(rows[3][Status], QByteArray("invalid"));
        QCOMPARE(rows[3][Input], QStringLiteral("\u202EJ727").toUtf8());
        QVERIFY(rows[3][Message].contains("text-direction mark"));
        QVERIFY(rows[3][Message].contains("Did you mean J727?"));

        QCOMPARE(rows[4][Status], QByteArray("ok"));
        QCOMPARE(rows[4][Serial], QByteArray("M123456"));

        QCOMPARE(rows[5][Status], QByteArray("ok"));
        QCOMPARE(rows[5][Serial], QByteArray("M212365"));
        QCOMPARE(rows[5][Code], QByteArray("3633"));

        QCOMPARE(rows[6][Status], QByteArray("invalid"));
        QCOMPARE(rows[6][Input], QStringLiteral("\uFFFD\uFFFD\uFFFD").toUtf8());

        QCOMPARE(rows[7][Status], QByteArray("invalid"));
        QVERIFY(rows[7][Message].contains("Did you mean M212365?"));

        QCOMPARE(rows[8][Status], QByteArray("invalid"));
        QCOMPARE(rows[8][Input], QStringLiteral("\uFFFD\uFFFD").toUtf8());

        // Other control characters are valid UTF-8: echoed exactly (and the line is invalid).
        QCOMPARE(rows[9][Status], QByteArray("invalid"));
        QCOMPARE(rows[9][Input], QByteArray("\x1b[2J\x1b]0;t\x07\tM\xc2\x85\x7f"));
        QVERIFY(rows[9][Message].contains("control character"));

        QCOMPARE(rows[10][Code], QByteArray("6586"));
    }

    // A megabyte line of every byte value, then ordinary lines: all answered, memory stays flat.
    void batchMegabyteLines() {
        QByteArray big;
        big.reserve(1 << 20);
        for (int i = 0; i < (1 << 20); ++i) {
            char c = char(i % 256);
            big += c == '\n' ? 'x' : c;
        }
        QByteArray input =
            big + '\n' + "J727\n" + big + "\r\n" + QByteArray(3 << 20, '\0') + "\nM212365\n";
        const QList<Record> rows = batch(input);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0][Status], QByteArray("invalid"));
        QVERIFY(rows[0][Message].contains("1048576 bytes"));
        QCOMPARE(rows[1][Code], QByteArray("6586"));
        QVERIFY(rows[2][Message].contains("1048576 bytes")); // the CR is the line end's
        QVERIFY(rows[3][Message].contains("3145728 bytes"));
        QCOMPARE(rows[4][Code], QByteArray("3633"));
    }

    // Constant memory: a 64 MB line goes through a process that stays far below that size. The
    // peak is read by a small python3 parent (this test's own forks would count its memory too).
    void batchMemoryStaysFlat() {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is needed to read a child's peak memory");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long-line.txt"));
        writeFile(path, "J727\n" + QByteArray(64 << 20, 'M') + "\nM212365\n");
        // The peak of a run over a short file, then of a run over the long line (each python3
        // process has one child, so RUSAGE_CHILDREN is that child's).
        const QString script = QStringLiteral(
            "import resource, subprocess, sys\n"
            "out = subprocess.run([sys.argv[1], 'batch', sys.argv[2]], capture_output=True,"
            " env={'HOME': sys.argv[3], 'XDG_DATA_HOME': sys.argv[3], 'XDG_CONFIG_HOME': "
            "sys.argv[3],"
            " 'LC_ALL': 'C.UTF-8'}).stdout\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, out.count(b'\\n'),"
            " b'67108864 bytes' in out)\n");
        const auto peak = [&](const QString& input) {
            QProcess process;
            process.start(python, {QStringLiteral("-c"), script, QStringLiteral(RADIOCODE_CLI),
                                   input, home_.path()});
            process.waitForFinished(120000);
            return process.readAllStandardOutput().trimmed().split(' ');
        };
        const QString shortPath = dir.filePath(QStringLiteral("short.txt"));
        writeFile(shortPath, "J727\n");
        const QList<QByteArray> baseline = peak(shortPath);
        const QList<QByteArray> answer = peak(path);
        QCOMPARE(baseline.size(), 3);
        QCOMPARE(answer.size(), 3);
        QCOMPARE(answer[1], QByteArray("4")); // the header and three rows
        QCOMPARE(answer[2], QByteArray("True"));
        // ru_maxrss in KiB. Holding the line would add 64 MB; allow a little for buffers (and
        // for a sanitizer build's bookkeeping).
        const qint64 growth = answer[0].toLongLong() - baseline[0].toLongLong();
        QVERIFY2(growth < 24 * 1024, (baseline[0] + " KiB then " + answer[0] + " KiB").constData());
    }

    void batchFromFileAndFamily() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("serials, list.txt"));
        writeFile(path, "J727\nM212365\n");
        Run result = run({QStringLiteral("batch"), path});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.count('\n'), 3);
        QVERIFY(result.out.contains("M212365,visteon,M212365,ok,3633,algorithm:visteon-m-serial,"));
        // "-" is the standard input.
        result = run({QStringLiteral("batch"), QStringLiteral("-")}, "J727\n");
        QVERIFY(result.out.endsWith("J727,renault,J727,ok,6586,algorithm:renault-precode,\n"));
        // --family reads every line as that family's serial.
        const QList<Record> rows = batch("J727\nM212365\nM123\n" + QByteArray(5000, 'J') + '\n',
                                         {QStringLiteral("--family"), QStringLiteral("renault")});
        QCOMPARE(rows[0][Status], QByteArray("ok"));
        QCOMPARE(rows[1][Status], QByteArray("invalid"));
        QCOMPARE(rows[1][Series], QByteArray("renault"));
        QVERIFY(rows[1][Message].contains("Visteon"));
        QCOMPARE(rows[2][Code], QByteArray("1780"));
        QCOMPARE(rows[3][Status], QByteArray("invalid"));
        QCOMPARE(rows[3][Series], QByteArray("renault")); // too long, still read as asked
        // A file that cannot be read: exit 3 and why.
        result = run({QStringLiteral("batch"), dir.filePath(QStringLiteral("missing.txt"))});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains("missing.txt"));
        result = run({QStringLiteral("batch"), dir.path()});
        QCOMPARE(result.exitCode, 3);
    }

    // Many lines stream through: row count, order and codes hold.
    void batchManyLines() {
        QByteArray input;
        for (int i = 0; i < 50000; ++i)
            input += "M" + QByteArray::number(i).rightJustified(6, '0') + '\n';
        const QList<Record> rows = batch(input);
        QCOMPARE(rows.size(), 50000);
        QCOMPARE(rows[0][Input], QByteArray("M000000"));
        QCOMPARE(rows[49999][Input], QByteArray("M049999"));
        for (const Record& row : rows)
            QCOMPARE(row[Status], QByteArray("ok"));
        QCOMPARE(rows[25345][Code], QByteArray("3306")); // M025345
    }

    // Rows from an algorithm are written without quoting checks (letters, digits, ':' and '-');
    // a database's source names a file, which may hold commas and quotes: quoted as RFC 4180 says.
    void batchQuotesDatabaseSources() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString list = dir.filePath(QStringLiteral("dealer, \"north\".csv"));
        writeFile(list, "serial,code\nBP538769672026,4711\n");
        const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("codes.db"));
        const Run imported = run({QStringLiteral("--database"), url, QStringLiteral("db"),
                                  QStringLiteral("import"), list});
        if (imported.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("radiocode db import failed: ") +
                             QString::fromUtf8(imported.err)));
        const QList<Record> rows =
            batch("BP538769672026\nm212365\nM212365\nJ727\n", {QStringLiteral("--database"), url});
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0][Code], QByteArray("4711"));
        QCOMPARE(rows[0][Source], QByteArray("database:import:dealer, \"north\".csv"));
        // Lower case is echoed as typed, the serial normalised.
        QCOMPARE(rows[1], (Record{"m212365", "visteon", "M212365", "ok", "3633",
                                  "algorithm:visteon-m-serial", ""}));
        QCOMPARE(rows[2], (Record{"M212365", "visteon", "M212365", "ok", "3633",
                                  "algorithm:visteon-m-serial", ""}));
        QCOMPARE(rows[3], (Record{"J727", "renault", "J727", "ok", "6586",
                                  "algorithm:renault-precode", ""}));
    }

    // With a code database (--database before or after the command), its codes are found and
    // named; the algorithms still answer first.
    void databaseIsAskedAndNamed() {
        const QString url = QStringLiteral("sqlite:") + home_.filePath(QStringLiteral("codes.db"));
        const Run added =
            run({QStringLiteral("--database"), url, QStringLiteral("db"), QStringLiteral("add"),
                 QStringLiteral("BP538769672026"), QStringLiteral("4711"),
                 QStringLiteral("--technician"), QStringLiteral("Ana")});
        if (added.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("radiocode db add failed: ") +
                             QString::fromUtf8(added.err)));
        const QList<Record> rows =
            batch("BP53876 9672026\nBE473912345678\nJ727\n", {QStringLiteral("--database"), url});
        QCOMPARE(rows[0][Status], QByteArray("ok"));
        QCOMPARE(rows[0][Code], QByteArray("4711"));
        QVERIFY2(rows[0][Source].startsWith("database:"), rows[0][Source].constData());
        QCOMPARE(rows[1][Status], QByteArray("not-found"));
        QCOMPARE(rows[2][Source], QByteArray("algorithm:renault-precode"));
        const Run lookup = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                                QStringLiteral("--json"), QStringLiteral("--database=") + url});
        QCOMPARE(lookup.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(lookup.out).object();
        QCOMPARE(object[QLatin1String("code")].toString(), QStringLiteral("4711"));
        QVERIFY(object[QLatin1String("source")].toString().startsWith(QLatin1String("database:")));
        // Blaupunkt's confirm step: hold preset 6, TA or SEEK for 10-15 seconds.
        const QJsonArray steps = object[QLatin1String("steps")].toArray();
        QCOMPARE(steps.size(), 5);
        QVERIFY2(steps[4].toString().contains(QLatin1String("station button 6")),
                 qPrintable(steps[4].toString()));
        QVERIFY(steps[4].toString().contains(QLatin1String("10")));
        QCOMPARE(steps[0].toString(),
                 QStringLiteral("Press station button 1 until 4 shows on the display."));
    }

    // The part number from a Blaupunkt label cross-checks the serial.
    void partNumberCrossCheck() {
        // A contradiction: invalid, both numbers and the characters named, no code.
        Run result = run({QStringLiteral("lookup"), QStringLiteral("BP53876 9672026"),
                          QStringLiteral("--part-number"), QStringLiteral("7 612 300 041"),
                          QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("invalid"));
        QCOMPARE(object[QLatin1String("messageId")].toString(),
                 QStringLiteral("part-number-mismatch"));
        const QString message = object[QLatin1String("message")].toString();
        QVERIFY2(message.contains(QLatin1String("7 612 300 041")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("BP538769672026")));
        QVERIFY(message.contains(QLatin1String("(2300)")) &&
                message.contains(QLatin1String("(5387)")));
        QVERIFY(message.contains(QLatin1String("3, 5, 6")));
        QVERIFY(object[QLatin1String("code")].isNull());
        const QJsonObject part = object[QLatin1String("partNumber")].toObject();
        QCOMPARE(part[QLatin1String("number")].toString(), QStringLiteral("7612300041"));
        QCOMPARE(part[QLatin1String("agrees")].toBool(), false);
        QCOMPARE(part[QLatin1String("differingSerialCharacters")].toArray(), QJsonArray({3, 5, 6}));
        // One character off, as text.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number=7645386041")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.out.simplified().contains("differ at serial character 6"),
                 result.out.constData());
        QVERIFY(!result.out.contains("Code:"));
        QVERIFY(result.out.contains("Status: Part number and serial disagree"));
        QVERIFY(result.out.simplified().contains("Read the serial and the part number"));

        // Agreement: a second confirmation, said in words and in JSON.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP53876 9672026"),
                      QStringLiteral("--part-number"), QStringLiteral("7645387041"),
                      QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1); // no code database: no code, but the serial is fine
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("not-found"));
        QCOMPARE(object[QLatin1String("partNumber")].toObject()[QLatin1String("agrees")].toBool(),
                 true);
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number"), QStringLiteral("7 645 387 041")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.simplified().contains("The part number 7 645 387 041 agrees with it"),
                 result.out.constData());

        // A part number that is wrong in itself, or given for another family; one without a value.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number"), QStringLiteral("7645"),
                      QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(QJsonDocument::fromJson(result.out)
                    .object()[QLatin1String("message")]
                    .toString()
                    .startsWith(QLatin1String("Part number: too short")));
        result =
            run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--part-number"),
                 QStringLiteral("7645387041"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(
            QJsonDocument::fromJson(result.out).object()[QLatin1String("messageId")].toString(),
            QStringLiteral("part-number-not-blaupunkt"));
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number")})
                     .exitCode,
                 2);
        QVERIFY(run({QStringLiteral("lookup"), QStringLiteral("--help")})
                    .out.contains("--part-number"));
    }

    // Real labels: a letter as the 7th character, CM without the 815, both readings.
    void blaupunktLabelForms() {
        Run result = run(
            {QStringLiteral("lookup"), QStringLiteral("BP5511V2151786"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("serial")].toString(), QStringLiteral("BP5511V2151786"));
        QVERIFY(!object.contains(QLatin1String("readings")));
        result = run({QStringLiteral("lookup"), QStringLiteral("815cm 5511o2151786"),
                      QStringLiteral("--json")});
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("serial")].toString(), QStringLiteral("BP5511O2151786"));
        QCOMPARE(object[QLatin1String("readings")].toArray(),
                 QJsonArray({QStringLiteral("BP5511O2151786"), QStringLiteral("BP551102151786")}));
        result = run(
            {QStringLiteral("lookup"), QStringLiteral("CM934515516803"), QStringLiteral("--json")});
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("family")].toString(), QStringLiteral("blaupunkt"));
        QCOMPARE(object[QLatin1String("serial")].toString(), QStringLiteral("BP934515516803"));
        // Elsewhere a letter is still a typing error with its fix.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP5511V215178O")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.contains("BP5511V2151780"));
    }

    // A label form no rule knows: unchecked, never an algorithm's code.
    void uncheckedSerial() {
        const Run result = run(
            {QStringLiteral("lookup"), QStringLiteral("XY1234567890"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object[QLatin1String("serialState")].toString(), QStringLiteral("unchecked"));
        QCOMPARE(object[QLatin1String("messageId")].toString(), QStringLiteral("unchecked-serial"));
        QCOMPARE(object[QLatin1String("status")].toString(), QStringLiteral("not-found"));
        QVERIFY(object[QLatin1String("code")].isNull());
        QVERIFY(object[QLatin1String("message")].toString().contains(
            QLatin1String("fits no known label form")));
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("XY1234567890"),
                      QStringLiteral("--family"), QStringLiteral("renault")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
