// The instruction sheet: rendered to PDF by the library and by `radiocode sheet` with no
// display, its text read back with pdftotext.
#include "pdf_reading.h"

#include "common/i18n.h"
#include "sheet/instruction_sheet.h"
#include "sheet/request_letter.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using test::containsCode;
using test::pdfPages;
using test::pdfPageSize;
using test::pdfText;

namespace {

QString screenshotDir() {
    const QString dir = QStringLiteral(RADIOCODE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestSheet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (const char* missing = test::missingPdfTools())
            QFAIL(missing);
        QVERIFY(dir_.isValid());
    }

    void cleanup() { installTranslations(QStringLiteral("en")); }

    void sheetText_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("expectedSerial");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("paper");
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
            const auto row = [&](const char* serial, const char* expected, const char* family,
                                 const char* code, const char* paper) {
                QTest::addRow("%s-%s-%s", qPrintable(language), serial, paper)
                    << language << QString::fromUtf8(serial) << QString::fromUtf8(expected)
                    << QString::fromUtf8(family) << QString::fromUtf8(code)
                    << QString::fromUtf8(paper);
            };
            row("J727", "J727", "Renault", "6586", "a4");
            row("M212365", "M212365", "Visteon", "3633", "letter");
            row("BP53876 9672026", "BP538769672026", "Blaupunkt", "", "a4");
            row("815CM934515516803", "BP934515516803", "Blaupunkt", "", "letter");
            row("BE473912345678", "BE473912345678", "Becker", "", "a4");
            row("BE781835000375", "BE781835000375", "Becker", "", "letter");
        }
    }

    void sheetText() {
        QFETCH(QString, language);
        QFETCH(QString, serial);
        QFETCH(QString, expectedSerial);
        QFETCH(QString, family);
        QFETCH(QString, code);
        QFETCH(QString, paper);
        installTranslations(language);
        CodeFinder finder;
        SheetContent content;
        content.workshopName = QStringLiteral("Garage Öztürk & Sons");
        content.date = QDate(2026, 3, 14);
        content.job.customer = QStringLiteral("Ayşe Yılmaz");
        content.job.registration = QStringLiteral("34 ABC 123");
        content.job.vin = QStringLiteral("SJNFAAJ10U1234567");
        content.job.technician = QStringLiteral("Jörg");
        const QByteArray raw = serial.toUtf8();
        content.result = finder.lookup(std::string_view(raw.constData(), std::size_t(raw.size())));
        const QString path =
            dir_.filePath(QStringLiteral("%1-%2.pdf").arg(language, expectedSerial));
        QString error;
        QVERIFY2(InstructionSheet::writePdf(path, content, *InstructionSheet::paperFromName(paper),
                                            &error),
                 qPrintable(error));
        QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext found no text");
        QVERIFY(text.contains(expectedSerial));
        QVERIFY(text.contains(family));
        QVERIFY(text.contains(QStringLiteral("Garage Öztürk & Sons")));
        QVERIFY(text.contains(QStringLiteral("Ayşe Yılmaz")));
        QVERIFY(text.contains(QStringLiteral("SJNFAAJ10U1234567")));
        QVERIFY(text.contains(QStringLiteral("34 ABC 123")));
        // The four buttons, numbered steps 1-5 whatever the language.
        for (int step = 1; step <= 5; ++step)
            QVERIFY2(
                text.contains(QRegularExpression(QStringLiteral("(^|\\n)\\s*%1\\.\\s").arg(step))),
                qPrintable(QStringLiteral("step %1 missing").arg(step)));
        QCOMPARE(pdfPages(path), 1);
        QCOMPARE(pdfPageSize(path), paper == QLatin1String("a4") ? QStringLiteral("595x842")
                                                                 : QStringLiteral("612x792"));
        if (!code.isEmpty()) {
            QVERIFY2(containsCode(text, code), qPrintable(text));
        }
        if (language != QLatin1String("en"))
            return;
        // Sentences wrap over lines: compare with the white space folded.
        text = text.simplified();
        // English wording, from the shared texts.
        QVERIFY(text.contains(QStringLiteral("If the radio refuses the code")));
        QVERIFY(text.contains(QStringLiteral("Look for the radio card first")));
        QVERIFY(text.contains(QStringLiteral("Each wrong code costs an attempt")));
        if (!code.isEmpty()) {
            QVERIFY(text.contains(
                QStringLiteral("Press station button 1 until %1 shows on the display.")
                    .arg(code.at(0))));
            QVERIFY(text.contains(
                QStringLiteral("Press station button 4 until %1 shows on the display.")
                    .arg(code.at(3))));
            QVERIFY(
                text.contains(QStringLiteral("Press OK or ENTER (some units: see the handbook).")));
            QVERIFY(text.contains(QStringLiteral("Source: Computed with the public")));
            QVERIFY(!text.contains(QStringLiteral("What to do next")));
        } else {
            QVERIFY(text.contains(QStringLiteral("No code could be given")));
            QVERIFY(
                text.contains(QStringLiteral("until digit 1 of the code shows on the display")));
            QVERIFY(text.contains(QStringLiteral("What to do next")));
            QVERIFY(!text.contains(QStringLiteral("Source:")));
            if (family == QLatin1String("Blaupunkt"))
                QVERIFY(
                    text.contains(QStringLiteral("Press and hold station button 6, TA or SEEK")));
            if (expectedSerial == QLatin1String("BE781835000375"))
                QVERIFY(text.contains(QStringLiteral("was not fitted to Nissan vehicles")));
        }
    }

    // What the sheet says about how the serial was read, in words, never an internal id.
    void sheetSaysHowTheSerialWasRead() {
        CodeFinder finder;
        SheetContent content;
        content.date = QDate(2026, 3, 14);
        Recognition recognition = recognise("BP5511O2151786");
        crossCheckPartNumber(recognition, recognisePartNumber("7 645 511 310"));
        content.result = finder.lookupRecognised(recognition);
        // As the code database answers a code for the digit reading, confirmed by a name that
        // ends in a full stop.
        content.result.status = LookupStatus::Ok;
        content.result.answer = CodeAnswer{
            "4711", Provenance::named(Provenance::Kind::Confirmed, "Mehmet K."), "BP551102151786"};
        const QString path = dir_.filePath(QStringLiteral("readings.pdf"));
        QString error;
        QVERIFY2(InstructionSheet::writePdf(path, content, PaperSize::A4, &error),
                 qPrintable(error));
        const QString text = pdfText(path).simplified();
        QVERIFY2(text.contains(QStringLiteral("7 645 511 310 (agrees with the serial)")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("BP551102151786")));
        QVERIFY(text.contains(QStringLiteral("the letter O or the digit 0")));
        QVERIFY(text.contains(QStringLiteral("holds the code for the reading BP551102151786")));
        QVERIFY(text.contains(QStringLiteral("confirmed on a radio by Mehmet K.")));
        QVERIFY(!text.contains(QStringLiteral("Mehmet K..")));
        QVERIFY(!text.contains(QStringLiteral("database:")));
        QVERIFY(
            text.contains(QStringLiteral("Press station button 1 until 4 shows on the display.")));
        QCOMPARE(text.count(QStringLiteral("handbook")), 1);
    }

    void emptyJobDetailsLeaveLinesToFillIn() {
        CodeFinder finder;
        SheetContent content;
        content.result = finder.lookup("M123456");
        const QString path = dir_.filePath(QStringLiteral("blank.pdf"));
        QVERIFY(InstructionSheet::writePdf(path, content, PaperSize::A4));
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("Workshop: ____")));
        QVERIFY(text.contains(QStringLiteral("Customer")));
        QVERIFY(text.contains(QStringLiteral("________")));
        QVERIFY(containsCode(text, QStringLiteral("2487")));
    }

    void unwritablePathSaysWhy() {
        CodeFinder finder;
        SheetContent content;
        content.result = finder.lookup("J727");
        QString error;
        QVERIFY(!InstructionSheet::writePdf(QStringLiteral("/nonexistent-dir/x.pdf"), content,
                                            PaperSize::A4, &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.pdf")));
    }

    void paperNames() {
        QCOMPARE(InstructionSheet::paperFromName(QStringLiteral("A4")), PaperSize::A4);
        QCOMPARE(InstructionSheet::paperFromName(QStringLiteral("letter")), PaperSize::Letter);
        QVERIFY(!InstructionSheet::paperFromName(QStringLiteral("a5")));
    }

    void vinCheck() {
        QCOMPARE(Vin::check(QString()).state, VinState::Empty);
        QCOMPARE(Vin::check(QStringLiteral("sjnfaaj10u1234567")).state, VinState::Valid);
        QCOMPARE(Vin::check(QStringLiteral("SJN FAAJ10U 1234567")).vin,
                 QStringLiteral("SJNFAAJ10U1234567"));
        QCOMPARE(Vin::check(QStringLiteral("SJNFAAJ10U12345")).state, VinState::Incomplete);
        QVERIFY(Vin::check(QStringLiteral("SJNFAAJ10U12345"))
                    .message.contains(QStringLiteral("2 more")));
        const VinCheck withO = Vin::check(QStringLiteral("SJNFAAJ1OU1234567"));
        QCOMPARE(withO.state, VinState::Invalid);
        QVERIFY(withO.message.contains(QStringLiteral("character 9")));
        QCOMPARE(Vin::check(QStringLiteral("SJNFAAJ10U12345678")).state, VinState::Invalid);
        QCOMPARE(Vin::check(QStringLiteral("SJNFAAJ10U12345#7")).state, VinState::Invalid);
    }

    // `radiocode sheet` with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no platform set.
    void commandLineWithoutDisplay_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("code, German")
            << QStringList{QStringLiteral("--lang"),       QStringLiteral("de"),
                           QStringLiteral("sheet"),        QStringLiteral("j727"),
                           QStringLiteral("--customer"),   QStringLiteral("Max Müller"),
                           QStringLiteral("--vehicle"),    QStringLiteral("B-XY 123"),
                           QStringLiteral("--vin"),        QStringLiteral("sjnfaaj10u1234567"),
                           QStringLiteral("--technician"), QStringLiteral("Tom")}
            << 0 << QStringLiteral("SJNFAAJ10U1234567");
        QTest::newRow("code, Turkish, letter")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("M123456"),
                           QStringLiteral("--lang=tr"), QStringLiteral("--paper"),
                           QStringLiteral("letter")}
            << 0 << QStringLiteral("M123456");
        QTest::newRow("no code") << QStringList{QStringLiteral("sheet"),
                                                QStringLiteral("BP53876 9672026"),
                                                QStringLiteral("--family"),
                                                QStringLiteral("blaupunkt")}
                                 << 1 << QStringLiteral("BP538769672026");
        QTest::newRow("invalid serial")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("BPO38769672026")} << 2
            << QString();
        // The part number from the label: printed when it agrees, no sheet when it contradicts.
        QTest::newRow("part number agrees")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("BP53876 9672026"),
                           QStringLiteral("--part-number"), QStringLiteral("7 645 387 041")}
            << 1 << QStringLiteral("7 645 387 041 (agrees with the");
        QTest::newRow("part number contradicts")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("BP53876 9672026"),
                           QStringLiteral("--part-number=7612300041")}
            << 2 << QString();
        QTest::newRow("unchecked serial")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("XY 1234 5678 90")} << 1
            << QStringLiteral("Unchecked serial");
        QTest::newRow("bad vin") << QStringList{QStringLiteral("sheet"), QStringLiteral("J727"),
                                                QStringLiteral("--vin"),
                                                QStringLiteral("SJNFAAJ1OU1234567")}
                                 << 2 << QString();
        QTest::newRow("bad paper") << QStringList{QStringLiteral("sheet"), QStringLiteral("J727"),
                                                  QStringLiteral("--paper"), QStringLiteral("a3")}
                                   << 2 << QString();
    }

    void commandLineWithoutDisplay() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedText);
        const QString tag = QString::fromLatin1(QTest::currentDataTag())
                                .replace(QLatin1Char(' '), QLatin1Char('-'))
                                .remove(QLatin1Char(','));
        const QString out = dir_.filePath(QStringLiteral("cli-%1.pdf").arg(tag));
        QFile::remove(out);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("HOME"), dir_.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode"),
                      arguments + QStringList{QStringLiteral("--out"), out});
        QVERIFY(process.waitForFinished(60000));
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == exitCode, qPrintable(errors));
        if (exitCode == 2) {
            QVERIFY(!QFile::exists(out));
            QVERIFY(!errors.isEmpty());
            return;
        }
        QVERIFY(errors.isEmpty() || !errors.contains(QStringLiteral("XDG_RUNTIME_DIR")));
        const QString text = pdfText(out);
        QVERIFY2(text.contains(expectedText), qPrintable(text));
        if (arguments.contains(QStringLiteral("j727")))
            QVERIFY(containsCode(text, QStringLiteral("6586")) &&
                    text.contains(QStringLiteral("Max Müller")));
        // Keep a picture of each for a look (pdftoppm, small).
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                           QStringLiteral("-singlefile"), out,
                           screenshotDir() + QStringLiteral("/sheet-") + tag});
    }

    void commandLineUnwritable() {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.insert(QStringLiteral("HOME"), dir_.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode"),
                      {QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out"),
                       QStringLiteral("/nonexistent-dir/sheet.pdf")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains(QStringLiteral("/nonexistent-dir")));
    }

    // Every line of the request letter in the chosen language: its tr() calls name their class,
    // so the translations are found (an alias left them with no context, in English).
    void requestLetterIsTranslated() {
        installTranslations(QStringLiteral("de"));
        RequestContent content;
        content.date = QDate(2026, 3, 14);
        content.serial = QStringLiteral("BP538769672026");
        content.vin = QStringLiteral("SJNFAAJ10U1234567");
        const QString path = dir_.filePath(QStringLiteral("request-de.pdf"));
        QString error;
        QVERIFY2(RequestLetter::writePdf(path, content, PaperSize::A4, &error), qPrintable(error));
        const QString text = pdfText(path);
        for (const char* german : {"Werkstatt:", "Fahrzeug", "Eigentümer:", "Kennzeichen:"})
            QVERIFY2(text.contains(QString::fromUtf8(german)), german);
        for (const char* english : {"Workshop:", "Vehicle", "Owner:", "Registration:"})
            QVERIFY2(!text.contains(QString::fromUtf8(english)), english);
    }

private:
    QTemporaryDir dir_;
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    TestSheet test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sheet.moc"
