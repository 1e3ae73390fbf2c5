// The exports opened in a real spreadsheet: headless LibreOffice Calc reads each export as a
// workshop would open it, once with ',' and once with ';' as the separator (the German and
// Turkish default), and saves what it made of it as flat ODF, which is read back here. No cell
// may be a formula, codes and serials keep their leading zeros as text, and with ',' every cell
// shows exactly what was stored.
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

const QString program = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");
constexpr QChar zeroWidthSpace(0x200B);

struct Cell {
    QString type; // office:value-type: string, float, date, ...
    bool formula = false;
    QString text; // as shown, paragraphs joined with \n
};
using Sheet = QList<QList<Cell>>;

// The first table of a flat ODF spreadsheet.
Sheet readFods(const QString& path) {
    Sheet sheet;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return sheet;
    QXmlStreamReader xml(&file);
    Cell* cell = nullptr;
    int paragraphs = 0;
    bool inParagraph = false; // the file is indented: only text inside <text:p> counts
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.qualifiedName();
            if (name == u"table:table-row") {
                sheet.append(QList<Cell>());
            } else if (name == u"table:table-cell" || name == u"table:covered-table-cell") {
                const int repeated = std::min(
                    50, std::max(1, xml.attributes()
                                        .value(QStringLiteral("table:number-columns-repeated"))
                                        .toInt()));
                Cell made;
                made.type = xml.attributes().value(QStringLiteral("office:value-type")).toString();
                made.formula = xml.attributes().hasAttribute(QStringLiteral("table:formula"));
                for (int i = 0; i < repeated; ++i)
                    sheet.last().append(made);
                cell = &sheet.last().last();
                paragraphs = 0;
            } else if (cell && name == u"text:p") {
                inParagraph = true;
                if (paragraphs++ > 0)
                    cell->text += QLatin1Char('\n');
            } else if (cell && name == u"text:s") {
                const int count =
                    std::max(1, xml.attributes().value(QStringLiteral("text:c")).toInt());
                cell->text += QString(count, QLatin1Char(' '));
            } else if (cell && name == u"text:tab") {
                cell->text += QLatin1Char('\t');
            } else if (cell && name == u"text:line-break") {
                cell->text += QLatin1Char('\n');
            }
        } else if (xml.isEndElement()) {
            if (xml.qualifiedName() == u"table:table-cell")
                cell = nullptr;
            if (xml.qualifiedName() == u"text:p")
                inParagraph = false;
            if (xml.qualifiedName() == u"table:table")
                break;
        } else if (xml.isCharacters() && cell && inParagraph) {
            cell->text += xml.text();
        }
    }
    // Empty cells that only pad a row or the sheet go.
    for (auto& row : sheet)
        while (!row.isEmpty() && row.last().text.isEmpty() && row.last().type.isEmpty())
            row.removeLast();
    while (!sheet.isEmpty() && sheet.last().isEmpty())
        sheet.removeLast();
    return sheet;
}

QString visible(QString text) {
    return text.remove(zeroWidthSpace);
}

} // namespace

class TestSpreadsheet : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString url_;
    QString soffice_;

    // Both exports of one database full of what a spreadsheet would misread.
    QList<QStringList> codes_; // the stored rows: serial, code, family, source, origin
    QList<QStringList> jobs_;  // technician, customer, registration, vin, serial, code

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QLatin1String(DatabaseUrl::environmentVariable));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("HOME"), dir_.filePath(QStringLiteral("home")));
        return env;
    }

    bool exportTo(const QStringList& command, const QString& path) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(program, QStringList{QStringLiteral("--database"), url_} + command +
                                   QStringList{path, QStringLiteral("--force")});
        return process.waitForFinished(60000) && process.exitCode() == 0;
    }

    // Opens every file of `files` with `separator` and saves it as .fods in `outDir`: one
    // LibreOffice start for all of them.
    bool convert(const QStringList& files, char separator, const QString& outDir) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        // Separator, text delimiter ", UTF-8, from line 1: the rest as LibreOffice's defaults
        // (formulas evaluated, as a user opening the file gets).
        const QString filter = QStringLiteral("CSV:%1,34,76,1").arg(int(separator));
        process.start(
            soffice_,
            QStringList{QStringLiteral("-env:UserInstallation=") +
                            QUrl::fromLocalFile(dir_.filePath(QStringLiteral("lo"))).toString(),
                        QStringLiteral("--headless"), QStringLiteral("--norestore"),
                        QStringLiteral("--infilter=") + filter, QStringLiteral("--convert-to"),
                        QStringLiteral("fods"), QStringLiteral("--outdir"), outDir} +
                files);
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            return false;
        }
        const QByteArray output = process.readAll();
        if (process.exitCode() != 0)
            qWarning("soffice: %s", output.constData());
        return process.exitCode() == 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        soffice_ = QStandardPaths::findExecutable(QStringLiteral("soffice"));
        QVERIFY2(!soffice_.isEmpty(), "LibreOffice Calc is needed: apt-get install "
                                      "libreoffice-calc-nogui (packaging/dev.sh test does)");
        url_ = QStringLiteral("sqlite:") + dir_.filePath(QStringLiteral("codes.db"));
        QString error;
        auto db = Database::open(url_, &error);
        QVERIFY2(db, qPrintable(error));
        const QList<QStringList> confirmed = {
            {QStringLiteral("BP934515516803"), QStringLiteral("0420"),
             QStringLiteral("Yilmaz;=2*3")},
            {QStringLiteral("BP538769672026"), QStringLiteral("0007"),
             QStringLiteral("Müller, H.\n=1+1")},
            {QStringLiteral("BE473935000375"), QStringLiteral("1234"), QStringLiteral("@SUM(A1)")},
            {QStringLiteral("BP000000000001"), QStringLiteral("0099"),
             QStringLiteral("\"=1\";x\t-5 +4 ,=3")},
        };
        for (const QStringList& row : confirmed) {
            QCOMPARE(db->codes().addConfirmedCode(row[0].startsWith(QLatin1String("BE"))
                                                      ? Family::Becker
                                                      : Family::Blaupunkt,
                                                  row[0], row[1], row[2]),
                     AddResult::Added);
        }
        QVERIFY(db->codes()
                    .importCsv("serial,code\nBE475735000375,0001\n", QStringLiteral("-list+.csv"))
                    .ok());
        Job job;
        job.technician = QStringLiteral("Yilmaz;+1");
        job.customer = QStringLiteral("=HYPERLINK(\"http://x\";\"y\")");
        job.registration = QStringLiteral("34 ABC 123");
        job.vin = QStringLiteral("VF1FL000000000000");
        job.family = Family::Blaupunkt;
        job.serial = QStringLiteral("BP934515516803");
        job.code = QStringLiteral("0420");
        job.source = Provenance::named(Provenance::Kind::Confirmed, "Yilmaz;=2*3");
        QVERIFY(db->jobLog().addJob(job));
        job.technician = QStringLiteral("Ann\n@x");
        job.customer = QStringLiteral("a;\"=2\"");
        job.registration = QStringLiteral("-5");
        job.serial = QStringLiteral("BP538769672026");
        job.code = QStringLiteral("0007");
        QVERIFY(db->jobLog().addJob(job));
    }

    void exportsOpenSafelyAndExactly() {
        const QString csv = dir_.filePath(QStringLiteral("csv"));
        QDir().mkpath(csv);
        const QString codesFile = csv + QStringLiteral("/codes.csv");
        const QString jobsFile = csv + QStringLiteral("/jobs.csv");
        QVERIFY(exportTo({QStringLiteral("db"), QStringLiteral("export")}, codesFile));
        QVERIFY(exportTo({QStringLiteral("jobs"), QStringLiteral("export")}, jobsFile));

        // What the database holds, row by row, as the exports should show it.
        QString error;
        auto db = Database::open(url_, &error);
        QVERIFY(db);
        const QList<Job> jobs = db->jobLog().jobs();
        QCOMPARE(jobs.size(), 2);

        for (const char separator : {',', ';'}) {
            const QString out = dir_.filePath(QStringLiteral("out%1").arg(int(separator)));
            QDir().mkpath(out);
            QVERIFY(convert({codesFile, jobsFile}, separator, out));
            const Sheet codes = readFods(out + QStringLiteral("/codes.fods"));
            const Sheet jobSheet = readFods(out + QStringLiteral("/jobs.fods"));
            QVERIFY(!codes.isEmpty() && !jobSheet.isEmpty());
            for (const Sheet* sheet : {&codes, &jobSheet})
                for (const auto& row : *sheet)
                    for (const Cell& cell : row)
                        QVERIFY2(!cell.formula,
                                 qPrintable(QStringLiteral("a formula: ") + cell.text));
            if (separator == ';') {
                // Split where our quotes do not count: nothing became a formula (above), and
                // nothing was turned into a number or a date.
                for (const Sheet* sheet : {&codes, &jobSheet})
                    for (const auto& row : *sheet)
                        for (const Cell& cell : row)
                            QVERIFY2(cell.type == QLatin1String("string") || cell.type.isEmpty(),
                                     qPrintable(cell.type + QLatin1Char(' ') + cell.text));
                continue;
            }
            // With ',': every cell exactly as stored, codes and serials as text.
            QCOMPARE(visible(codes.first().first().text), QStringLiteral("serial"));
            QCOMPARE(codes.size(), 6);
            for (int r = 1; r < codes.size(); ++r) {
                const auto& row = codes.at(r);
                QVERIFY(row.size() >= 6);
                const QString serial = visible(row[0].text);
                const auto family =
                    serial.startsWith(QLatin1String("BE")) ? Family::Becker : Family::Blaupunkt;
                const auto stored = db->codes().findCode(family, serial);
                QVERIFY2(stored, qPrintable(serial));
                QCOMPARE(row[1].type, QStringLiteral("string"));
                QCOMPARE(visible(row[1].text), stored->code);
                QCOMPARE(visible(row[4].text), stored->origin);
                for (int c = 0; c < 5; ++c)
                    QCOMPARE(row[c].type, QStringLiteral("string"));
            }
            QCOMPARE(jobSheet.size(), 3);
            for (int r = 1; r < jobSheet.size(); ++r) {
                const auto& row = jobSheet.at(r);
                const Job& job = jobs.at(r - 1);
                QVERIFY(row.size() >= 12);
                QCOMPARE(visible(row[0].text), QString::number(job.id));
                QCOMPARE(visible(row[2].text), job.technician);
                QCOMPARE(visible(row[3].text), job.customer);
                QCOMPARE(visible(row[4].text), job.registration);
                QCOMPARE(visible(row[5].text), job.vin);
                QCOMPARE(visible(row[7].text), job.serial);
                QCOMPARE(row[8].type, QStringLiteral("string"));
                QCOMPARE(visible(row[8].text), job.code);
                QCOMPARE(visible(row[9].text), QString::fromStdString(job.source.id()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSpreadsheet)
#include "tst_spreadsheet.moc"
