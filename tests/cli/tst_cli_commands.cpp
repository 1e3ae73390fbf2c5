// The `radiocode` commands run in-process, as the program runs them: the command line goes
// through runCommandLine() with the output and error streams captured. Every command's help,
// every option's usage errors (generated from what each command declares), and what each
// command does with its options. tst_cli and the other process suites check the program itself.
#include "cli/cli_context.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "process_run.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using radiocode::test::writeFile;
using namespace radiocode::cli;

namespace {

struct Outcome {
    int exitCode = -1;
    QString out; // the messages, then what went to the byte stream (batch's rows)
    QString err;
};

QByteArray readAll(std::FILE* file) {
    QByteArray bytes;
    std::rewind(file);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
        bytes.append(buffer, static_cast<qsizetype>(n));
    return bytes;
}

Outcome run(const QStringList& arguments, const QByteArray& input = {}) {
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    std::FILE* in = std::tmpfile();
    std::FILE* rows = std::tmpfile();
    std::fwrite(input.constData(), 1, static_cast<std::size_t>(input.size()), in);
    std::rewind(in);
    Outcome outcome;
    {
        Context context(&out, &err);
        context.input = in;
        context.output = rows;
        outcome.exitCode = runCommandLine(context, arguments);
        context.out.flush();
        context.err.flush();
    }
    outcome.out = QString::fromUtf8(out.data() + readAll(rows));
    outcome.err = QString::fromUtf8(err.data());
    std::fclose(in);
    std::fclose(rows);
    return outcome;
}

// Every command and every action of a command made of actions, by the name typed.
QList<const Command*> everyCommand() {
    QList<const Command*> list;
    for (const auto& command : commands()) {
        list << command.get();
        if (const auto* group = dynamic_cast<const CommandGroup*>(command.get()))
            for (const auto& action : group->actions())
                list << action.get();
    }
    return list;
}

QString usageErrorFor(const QString& command, const QString& problem) {
    return QStringLiteral("radiocode %1: %2\nTry \"radiocode %1 --help\".\n").arg(command, problem);
}

} // namespace

class TestCliCommands : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Never the user's settings or database: every command uses this one.
        qputenv("RADIOCODE_DATABASE",
                QStringLiteral("sqlite:%1").arg(path(QStringLiteral("codes.db"))).toUtf8());
    }

    // Names as typed, and which commands draw pages (the program starts those on a GUI
    // platform): declared by the command, not guessed from the words on the command line.
    void commandsAreDeclared() {
        QStringList names;
        for (const Command* command : everyCommand())
            names << command->name();
        QCOMPARE(
            names,
            QStringList(
                {QStringLiteral("lookup"), QStringLiteral("batch"), QStringLiteral("families"),
                 QStringLiteral("sheet"), QStringLiteral("db"), QStringLiteral("db import"),
                 QStringLiteral("db add"), QStringLiteral("db export"), QStringLiteral("db info"),
                 QStringLiteral("jobs"), QStringLiteral("jobs list"), QStringLiteral("jobs export"),
                 QStringLiteral("jobs add"), QStringLiteral("jobs attempts"),
                 QStringLiteral("jobs answer"), QStringLiteral("jobs outcome"),
                 QStringLiteral("card"), QStringLiteral("request"), QStringLiteral("scan")}));
        QStringList drawing;
        for (const Command* command : everyCommand())
            if (command->drawsPages())
                drawing << command->name();
        QCOMPARE(drawing, QStringList({QStringLiteral("sheet"), QStringLiteral("request")}));
        const Command& db = *commands().at(4);
        QCOMPARE(db.commandFor({QStringLiteral("import"), QStringLiteral("x.csv")}).name(),
                 QStringLiteral("db import"));
        QCOMPARE(db.commandFor({QStringLiteral("sheet")}).name(), QStringLiteral("db"));
        QCOMPARE(commands().at(0)->commandFor({QStringLiteral("sheet")}).name(),
                 QStringLiteral("lookup"));
    }

    void helpOfEveryCommand() {
        for (const Command* command : everyCommand()) {
            const QString name = command->name();
            const Outcome help = run(name.split(QLatin1Char(' ')) << QStringLiteral("--help"));
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage: radiocode ") + name),
                     qPrintable(name));
            QVERIFY(help.out.contains(QLatin1String("Exit status:")));
            QVERIFY(help.err.isEmpty());
            QCOMPARE(run(name.split(QLatin1Char(' ')) << QStringLiteral("-h")).out, help.out);
            QCOMPARE(run(QStringList{QStringLiteral("help")} << name.split(QLatin1Char(' '))).out,
                     help.out);
            // Each option is listed with its value's name, and no line is wider than a terminal.
            for (const QCommandLineOption& option : command->options()) {
                QString entry = QStringLiteral("--") + option.names().constFirst();
                if (!option.valueName().isEmpty())
                    entry += QLatin1Char(' ') + option.valueName();
                QVERIFY2(help.out.contains(entry), qPrintable(name + QLatin1Char(' ') + entry));
            }
            // The usage line breaks between options, never inside "[--copies N]".
            for (const QString& line :
                 help.out.section(QStringLiteral("\n\n"), 0, 0).split(QLatin1Char('\n')))
                QVERIFY2(line.count(QLatin1Char('[')) == line.count(QLatin1Char(']')),
                         qPrintable(line));
            for (const QString& line : help.out.split(QLatin1Char('\n')))
                QVERIFY2(line.size() <= 79 || !line.contains(QLatin1Char(' ')), qPrintable(line));
        }
        // A command made of actions lists them; their options are in their own help.
        const Outcome db = run({QStringLiteral("db"), QStringLiteral("--help")});
        for (const char* action : {"import", "add", "export", "info"})
            QVERIFY(db.out.contains(QStringLiteral("radiocode db ") + QLatin1String(action)));
        QVERIFY(db.out.contains(QLatin1String("--serial-column C")));
        QVERIFY(run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("--help")})
                    .out.contains(QLatin1String("--restore-leading-zeros")));
        // The batch columns come after the options.
        const Outcome batch = run({QStringLiteral("batch"), QStringLiteral("--help")});
        QVERIFY(batch.out.indexOf(QLatin1String("Options:")) <
                batch.out.indexOf(QLatin1String("  status   ok, invalid")));
        QVERIFY(
            batch.out.contains(QLatin1String("input,series,serial,status,code,source,message")));
        // --help after "--" is an argument, not a request for help.
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("--"), QStringLiteral("--help")})
                     .exitCode,
                 2);
    }

    // The same wording for the same mistake, whichever command, with the pointer to its help.
    void usageErrorsOfEveryOption() {
        for (const Command* command : everyCommand()) {
            const QString name = command->name();
            const QStringList words = name.split(QLatin1Char(' '));
            if (dynamic_cast<const CommandGroup*>(command))
                continue;
            Outcome unknown = run(QStringList(words) << QStringLiteral("--bogus=1"));
            QCOMPARE(unknown.exitCode, 2);
            QCOMPARE(unknown.err, usageErrorFor(name, QStringLiteral("unknown option --bogus")));
            QVERIFY(unknown.out.isEmpty());
            unknown = run(QStringList(words) << QStringLiteral("-x"));
            QCOMPARE(unknown.err, usageErrorFor(name, QStringLiteral("unknown option -x")));
            for (const QCommandLineOption& option : command->options()) {
                const QString dashed = QStringLiteral("--") + option.names().constFirst();
                if (option.valueName().isEmpty()) {
                    const Outcome valued = run(QStringList(words) << dashed + QStringLiteral("=1"));
                    QCOMPARE(valued.exitCode, 2);
                    QCOMPARE(valued.err,
                             usageErrorFor(name, dashed + QStringLiteral(" takes no value")));
                } else {
                    const Outcome missing = run(QStringList(words) << dashed);
                    QCOMPARE(missing.exitCode, 2);
                    QCOMPARE(missing.err,
                             usageErrorFor(name, QStringLiteral("missing value for ") + dashed));
                    QVERIFY(missing.out.isEmpty());
                }
            }
        }
        // Commands made of actions: no action is the help as a usage error, an unknown one says
        // which there are.
        const Outcome none = run({QStringLiteral("jobs")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.startsWith(QLatin1String("Usage: radiocode jobs list")));
        const Outcome unknown = run({QStringLiteral("db"), QStringLiteral("drop")});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err,
                 usageErrorFor(QStringLiteral("db"),
                               QStringLiteral("unknown action “drop”: use import, add, export or "
                                              "info")));
    }

    void globalOptions() {
        const Outcome help = run({});
        QCOMPARE(help.exitCode, 0);
        for (const Command* command : everyCommand())
            if (!command->name().contains(QLatin1Char(' ')))
                QVERIFY(
                    help.out.contains(QStringLiteral("  ") + command->name() + QLatin1Char(' ')));
        QVERIFY(run({QStringLiteral("--version")}).out.startsWith(QLatin1String("radiocode ")));
        QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
        const Outcome language =
            run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--lang=xx")});
        QCOMPARE(language.exitCode, 2);
        QVERIFY(language.err.contains(QLatin1String("unknown language \"xx\"")));
        QCOMPARE(
            run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--database")})
                .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("--database"), QStringLiteral("nosuch:x"),
                      QStringLiteral("families")})
                     .exitCode,
                 2);
        // Before or after the command, and in German.
        const Outcome german = run({QStringLiteral("--lang"), QStringLiteral("de"),
                                    QStringLiteral("lookup"), QStringLiteral("--help")});
        QCOMPARE(german.exitCode, 0);
        QVERIFY(!german.out.contains(QLatin1String("Finds the code for one radio serial")));
        run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("families")});
    }

    void lookup() {
        Outcome result = run({QStringLiteral("lookup"), QStringLiteral("J727")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("Code: 6586")));
        result = run({QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("J727")});
        QCOMPARE(
            QJsonDocument::fromJson(result.out.toUtf8()).object()[QLatin1String("code")].toString(),
            QStringLiteral("6586"));
        // In parts, as the label prints them; "--family=F" and "--family F" alike.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP53876"),
                      QStringLiteral("9672026"), QStringLiteral("--family=blaupunkt")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(QLatin1String("Serial: BP538769672026")));
        result = run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--family"),
                      QStringLiteral("ford")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.startsWith(
            QLatin1String("radiocode lookup: unknown radio family \"ford\"")));
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--family"),
                      QStringLiteral("visteon")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("lookup")}).err,
                 usageErrorFor(QStringLiteral("lookup"), QStringLiteral("the serial is missing.")));
        // An empty part number is given, and is too short; one that agrees is said to.
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number="), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number"), QStringLiteral("7645111141")});
        QCOMPARE(result.exitCode, 2);
        result = run({QStringLiteral("lookup"), QStringLiteral("BP538769672026"),
                      QStringLiteral("--part-number"), QStringLiteral("7 645 387 041")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(QLatin1String("part number")));
        // After "--" everything is the serial, even what looks like an option.
        result = run({QStringLiteral("lookup"), QStringLiteral("--"), QStringLiteral("-J727")});
        QVERIFY(result.err.isEmpty());
        QVERIFY(result.out.contains(QLatin1String("Serial: J727")));
    }

    void batch() {
        Outcome result = run({QStringLiteral("batch")}, "J727\nM212365\n\n");
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("input,series,serial,status,code,source,message"));
        QVERIFY(lines.at(1).startsWith(QLatin1String("J727,renault,J727,ok,6586,")));
        QVERIFY(lines.at(3).startsWith(QLatin1String(",unknown,,invalid")));
        result = run({QStringLiteral("batch"), QStringLiteral("-"), QStringLiteral("--family"),
                      QStringLiteral("visteon")},
                     "J727\n");
        QVERIFY(result.out.contains(QLatin1String("J727,visteon,,invalid")));
        result = run(
            {QStringLiteral("batch"), writeFile(path(QStringLiteral("serials.txt")), "M212365\n")});
        QVERIFY(result.out.contains(QLatin1String("M212365,visteon,M212365,ok,3633,")));
        result = run({QStringLiteral("batch"), QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(result.err,
                 usageErrorFor(QStringLiteral("batch"),
                               QStringLiteral("only one input file can be given (\"b\").")));
        result = run({QStringLiteral("batch"), path(QStringLiteral("none.txt"))});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QLatin1String("cannot open")));
    }

    void families() {
        const Outcome result = run({QStringLiteral("families")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().split(QLatin1Char('\n')).size(), 5);
        QCOMPARE(run({QStringLiteral("families"), QStringLiteral("x")}).err,
                 usageErrorFor(QStringLiteral("families"),
                               QStringLiteral("unexpected argument \"x\".")));
    }

    void sheet() {
        const QString pdf = path(QStringLiteral("sheet.pdf"));
        Outcome result = run({QStringLiteral("sheet"), QStringLiteral("J727"),
                              QStringLiteral("--out"), pdf, QStringLiteral("--vehicle"),
                              QStringLiteral("AB 123"), QStringLiteral("--paper=letter")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("Sheet for J727 written to")));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        file.close();
        // Not over an existing file without --force; with it, the alias --registration works.
        result =
            run({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out"), pdf});
        QCOMPARE(result.exitCode, 3);
        result =
            run({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out"), pdf,
                 QStringLiteral("--force"), QStringLiteral("--registration"),
                 QStringLiteral("CD 456"), QStringLiteral("--format"), QStringLiteral("card")});
        QCOMPARE(result.exitCode, 0);
        const QString sheet = QStringLiteral("sheet");
        QCOMPARE(run({sheet, QStringLiteral("J727")}).err,
                 usageErrorFor(sheet, QStringLiteral("--out FILE.pdf (or --print) is missing.")));
        QCOMPARE(run({sheet, QStringLiteral("J727"), QStringLiteral("M212365")}).exitCode, 2);
        QCOMPARE(run({sheet, QStringLiteral("--out"), pdf}).err,
                 usageErrorFor(sheet, QStringLiteral("the serial is missing.")));
        QCOMPARE(
            run({sheet, QStringLiteral("J727"), QStringLiteral("--out"), pdf,
                 QStringLiteral("--paper"), QStringLiteral("a5")})
                .err,
            usageErrorFor(sheet, QStringLiteral("unknown paper size \"a5\": use a4 or letter.")));
        QCOMPARE(
            run({sheet, QStringLiteral("J727"), QStringLiteral("--copies"), QStringLiteral("0")})
                .err,
            usageErrorFor(sheet,
                          QStringLiteral("--copies takes a number from 1 to 99, not \"0\".")));
        QCOMPARE(run({sheet, QStringLiteral("J727"), QStringLiteral("--print"),
                      QStringLiteral("--format"), QStringLiteral("a5")})
                     .exitCode,
                 2);
        QCOMPARE(run({sheet, QStringLiteral("J727"), QStringLiteral("--printer="),
                      QStringLiteral("--out"), pdf})
                     .exitCode,
                 2);
        result = run({sheet, QStringLiteral("J727"), QStringLiteral("--out"), pdf,
                      QStringLiteral("--force"), QStringLiteral("--vin"),
                      QStringLiteral("VSKJVWR51U0123")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("a VIN has 17 characters")));
        // Without a code: written with empty boxes, exit 1.
        result = run({sheet, QStringLiteral("BP538769672026"), QStringLiteral("--out"),
                      path(QStringLiteral("empty.pdf"))});
        QCOMPARE(result.exitCode, 1);
    }

    void codeDatabaseAndJobs() {
        const QString csv = path(QStringLiteral("list.csv"));
        writeFile(csv, "Serial No;Radio Code\nBP538769672026;1234\nBP934515516803;420\n");
        Outcome result = run({QStringLiteral("db"), QStringLiteral("import"), csv,
                              QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object[QLatin1String("imported")].toInt(), 1);
        QCOMPARE(object[QLatin1String("skipped")].toInt(), 1);
        result = run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--restore-leading-zeros"), QStringLiteral("--json")},
                     "serial,code\nBP538769672026,1234\nBP934515516803,420\n");
        object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object[QLatin1String("imported")].toInt(), 2);
        const QString import = QStringLiteral("db import");
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("import"), csv,
                 QStringLiteral("--code-column="), QStringLiteral("--dry-run")})
                .err,
            usageErrorFor(import, QStringLiteral("--code-column needs a column name or number")));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("a"),
                      QStringLiteral("b")})
                     .err,
                 usageErrorFor(import, QStringLiteral("one file at a time (got a and b)")));
        result = run({QStringLiteral("db"), QStringLiteral("import"), csv,
                      QStringLiteral("--serial-column"), QStringLiteral("9")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("no column “9”")));
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("BP538769672026")}).exitCode, 0);

        // db add needs who confirmed the code.
        const QString add = QStringLiteral("db add");
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP000000000001"),
                      QStringLiteral("5678")})
                     .exitCode,
                 2);
        result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP000000000001"),
                 QStringLiteral("5678"), QStringLiteral("--technician"), QStringLiteral("Ali")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("confirmed by Ali")));
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP000000000001")})
                .err,
            usageErrorFor(add, QStringLiteral("give the serial and the code")));
        result = run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP000000000001"),
                      QStringLiteral("9999"), QStringLiteral("--technician=Ali")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QLatin1String("--replace")));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP000000000001"),
                      QStringLiteral("9999"), QStringLiteral("--technician=Ali"),
                      QStringLiteral("--replace")})
                     .exitCode,
                 0);

        // db export and jobs export share FILE and --force.
        const QString exported = path(QStringLiteral("codes.csv"));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("export"), exported}).exitCode, 0);
        QFile codes(exported);
        QVERIFY(codes.open(QIODevice::ReadOnly));
        const QByteArray exportedCodes = codes.readAll();
        QVERIFY(exportedCodes.contains("BP000000000001,"));
        QVERIFY(exportedCodes.contains("9999"));
        codes.close();
        result = run({QStringLiteral("db"), QStringLiteral("export"), exported});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QLatin1String("--force")));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("export"), exported,
                      QStringLiteral("--force")})
                     .exitCode,
                 0);
        for (const QString& command : {QStringLiteral("db"), QStringLiteral("jobs")})
            QCOMPARE(
                run({command, QStringLiteral("export"), QStringLiteral("a"), QStringLiteral("b")})
                    .err,
                usageErrorFor(command + QStringLiteral(" export"),
                              QStringLiteral("one file at a time")));
        result = run({QStringLiteral("db"), QStringLiteral("info")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("Codes stored: 3")));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("x")}).exitCode,
                 2);

        // The job log.
        result =
            run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("BP538769672026"),
                 QStringLiteral("--code"), QStringLiteral("1234"), QStringLiteral("--outcome"),
                 QStringLiteral("refused"), QStringLiteral("--customer"), QStringLiteral("Ayşe"),
                 QStringLiteral("--notes=first try")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QLatin1String("Saved job #1.")));
        const QString jobsAdd = QStringLiteral("jobs add");
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("J727"),
                      QStringLiteral("--attempts"), QStringLiteral("100")})
                     .err,
                 usageErrorFor(jobsAdd, QStringLiteral("--attempts needs a number from 0 to 99")));
        QCOMPARE(
            run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("J727"),
                 QStringLiteral("--outcome"), QStringLiteral("maybe")})
                .err,
            usageErrorFor(jobsAdd, QStringLiteral("--outcome needs worked, refused or not-tried")));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("add")}).err,
                 usageErrorFor(jobsAdd, QStringLiteral("give one serial")));
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--family"),
                      QStringLiteral("blaupunkt"), QStringLiteral("--outcome=refused"),
                      QStringLiteral("--search"), QStringLiteral("Ayşe"), QStringLiteral("--limit"),
                      QStringLiteral("5"), QStringLiteral("--since"), QStringLiteral("2020-01-01"),
                      QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray jobs =
            QJsonDocument::fromJson(result.out.toUtf8()).object()[QLatin1String("jobs")].toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.at(0).toObject()[QLatin1String("notes")].toString(),
                 QStringLiteral("first try"));
        QVERIFY(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--until"),
                     QStringLiteral("2020-01-01")})
                    .out.contains(QLatin1String("No jobs match.")));
        const QString list = QStringLiteral("jobs list");
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--limit"),
                      QStringLiteral("0")})
                     .err,
                 usageErrorFor(list, QStringLiteral("--limit needs a positive number")));
        QVERIFY(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--since"),
                     QStringLiteral("yesterday")})
                    .err.contains(QStringLiteral("“yesterday” is not a date")));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--outcome"),
                      QStringLiteral("maybe")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("x")}).err,
                 usageErrorFor(list, QStringLiteral("unexpected argument x")));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting"),
                      QStringLiteral("--family"), QStringLiteral("renault")})
                     .err,
                 usageErrorFor(list, QStringLiteral("--waiting lists every waiting job: --family "
                                                    "cannot be combined with it.")));
        const QString jobsCsv = path(QStringLiteral("jobs.csv"));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("export"), jobsCsv,
                      QStringLiteral("--outcome"), QStringLiteral("refused")})
                     .exitCode,
                 0);
        QFile jobsFile(jobsCsv);
        QVERIFY(jobsFile.open(QIODevice::ReadOnly));
        QVERIFY(jobsFile.readAll().contains("BP538769672026"));
        result = run({QStringLiteral("jobs"), QStringLiteral("attempts"),
                      QStringLiteral("BP538769672026"), QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(result.out.toUtf8()).object()[QLatin1String("refused")].toInt(),
            1);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("attempts")}).exitCode, 2);
        result =
            run({QStringLiteral("jobs"), QStringLiteral("outcome"), QStringLiteral("1"),
                 QStringLiteral("worked"), QStringLiteral("--technician"), QStringLiteral("Ali")});
        QCOMPARE(result.exitCode, 0);
        const QString outcome = QStringLiteral("jobs outcome");
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("outcome"), QStringLiteral("x"),
                      QStringLiteral("worked")})
                     .err,
                 usageErrorFor(outcome, QStringLiteral("“x” is not a job number")));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("outcome"), QStringLiteral("1"),
                      QStringLiteral("maybe")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("outcome"), QStringLiteral("99"),
                      QStringLiteral("worked")})
                     .exitCode,
                 2);
    }

    void cardRequestAndAnswer() {
        Outcome result = run({QStringLiteral("card"), QStringLiteral("BP934515516811"),
                              QStringLiteral("--card-serial"), QStringLiteral("BP 9345 1551 6811"),
                              QStringLiteral("--code"), QStringLiteral("2468"),
                              QStringLiteral("--technician=Ali")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("Code: 2468")));
        QVERIFY(result.out.contains(QLatin1String("Saved job #")));
        const QString card = QStringLiteral("card");
        QCOMPARE(run({card, QStringLiteral("BP934515516811"), QStringLiteral("--code"),
                      QStringLiteral("2468")})
                     .err,
                 usageErrorFor(card, QStringLiteral("--card-serial S is needed: the serial "
                                                    "printed on the card.")));
        QCOMPARE(run({card, QStringLiteral("BP934515516811"), QStringLiteral("--card-serial"),
                      QStringLiteral("BP934515516811")})
                     .err,
                 usageErrorFor(card, QStringLiteral("--code C is needed: the code on the card.")));
        result = run({card, QStringLiteral("BP934515516811"), QStringLiteral("--card-serial"),
                      QStringLiteral("BP934515516820"), QStringLiteral("--code"),
                      QStringLiteral("2468")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.contains(QLatin1String("No code:")));

        const QString letter = path(QStringLiteral("request.pdf"));
        result =
            run({QStringLiteral("request"), QStringLiteral("BP934515516838"),
                 QStringLiteral("--out"), letter, QStringLiteral("--to"),
                 QStringLiteral("Nissan Merkez"), QStringLiteral("--paper"), QStringLiteral("a4"),
                 QStringLiteral("--family"), QStringLiteral("blaupunkt")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QFile::exists(letter));
        const QString request = QStringLiteral("request");
        QCOMPARE(run({request, QStringLiteral("BP934515516838")}).err,
                 usageErrorFor(request, QStringLiteral("--out FILE.pdf is missing.")));
        QCOMPARE(run({request, QStringLiteral("J727"), QStringLiteral("--out"), letter}).exitCode,
                 2);
        QCOMPARE(run({request, QStringLiteral("BP934515516838"), QStringLiteral("--out"), letter,
                      QStringLiteral("--paper"), QStringLiteral("a5")})
                     .exitCode,
                 2);
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting"),
                      QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray waiting =
            QJsonDocument::fromJson(result.out.toUtf8()).object()[QLatin1String("jobs")].toArray();
        QCOMPARE(waiting.size(), 1);
        const QString id = QString::number(waiting.at(0).toObject()[QLatin1String("id")].toInt());
        const QString answer = QStringLiteral("jobs answer");
        QCOMPARE(
            run({QStringLiteral("jobs"), QStringLiteral("answer"), id, QStringLiteral("1357")}).err,
            usageErrorFor(answer, QStringLiteral("--from NAME is needed: the code is kept with "
                                                 "who gave it")));
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), id}).err,
                 usageErrorFor(answer, QStringLiteral("give the job's number and the code")));
        result = run({QStringLiteral("jobs"), QStringLiteral("answer"), QStringLiteral("#") + id,
                      QStringLiteral("1357"), QStringLiteral("--from"),
                      QStringLiteral("Nissan Merkez"), QStringLiteral("--manufacturer")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("Saved: code 1357 for BP934515516838.")));
        QVERIFY(run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting")})
                    .out.contains(QLatin1String("No job is waiting")));
    }

    void scan() {
        const QString scan = QStringLiteral("scan");
        QCOMPARE(run({scan}).err,
                 usageErrorFor(scan, QStringLiteral("name at least one picture.")));
        const Outcome missing =
            run({scan, path(QStringLiteral("none.png")), QStringLiteral("--json")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QLatin1String("no such file")));
        QCOMPARE(QJsonDocument::fromJson(missing.out.toUtf8())
                     .object()[QLatin1String("images")]
                     .toArray()
                     .at(0)
                     .toObject()[QLatin1String("error")]
                     .toString(),
                 QStringLiteral("not-found"));
    }
};

int main(int argc, char** argv) {
    // Sheets and letters are drawn: fonts need a QGuiApplication, as `radiocode sheet` makes.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QGuiApplication app(argc, argv);
    TestCliCommands test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cli_commands.moc"
