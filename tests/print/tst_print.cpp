// Printing through a real CUPS server: the private cupsd of cups_fixture.sh, with a cups-pdf
// queue, a queue that writes to a file, one that rejects jobs and one that is stopped. The
// sheet is printed from `radiocode sheet --print` (the real binary) and from the desktop
// program (its real print path, no dialog, or the dialog accepted with Ctrl+P), and what was
// printed is read back: the document as handed to CUPS (kept in the spool, d<job>-001), and
// the pages cups-pdf made of it.
#include "pdf_reading.h"
#include "window_suite_main.h"

#include "common/i18n.h"
#include "gui/finder_program.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/sheet_printing.h"
#include "pdf_reading.h"
#include "process_run.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace radiocode;
using namespace radiocode::gui;
using radiocode::test::containsCode;
using radiocode::test::pdfPages;
using radiocode::test::pdfPageSize;
using radiocode::test::pdfText;
using radiocode::test::Run;
using radiocode::test::RunOptions;
using radiocode::test::runProcess;

namespace {

QString stateDir() {
    return qEnvironmentVariable("RADIOCODE_TEST_CUPS_STATE");
}

QString readState(const QString& name) {
    QFile file(QDir(stateDir()).filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QString run(const QString& program, const QStringList& arguments, int* exitCode = nullptr) {
    const Run result = runProcess(program, arguments, RunOptions().timeoutMs(60000));
    if (exitCode)
        *exitCode = result.exitCode;
    return QString::fromUtf8(result.out);
}

// In the order the page draws it: the code's four digits one after the other.
QString pdfRawText(const QString& path) {
    return pdfText(path, {QStringLiteral("-raw")});
}

bool waitFor(const std::function<bool()>& condition, int milliseconds = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds)
            return false;
        QTest::qWait(100);
    }
    return true;
}

int jobIdIn(const QString& message, const QString& printer) {
    const auto match =
        QRegularExpression(
            QStringLiteral("Printed: job (\\d+) on %1").arg(QRegularExpression::escape(printer)))
            .match(message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

class TestPrint : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QFile::exists(QDir(stateDir()).filePath(QStringLiteral("missing"))))
            QSKIP("cupsd is not installed (Debian package cups): nothing to print on.");
        QVERIFY2(
            !readState(QStringLiteral("server")).isEmpty(),
            "The CUPS fixture did not start (run through ctest: tests/print/cups_fixture.sh).");
        root_ = readState(QStringLiteral("root"));
        QVERIFY(QFileInfo(QDir(root_).filePath(QStringLiteral("spool"))).isDir());
        hasPdfQueue_ = run(QStringLiteral("lpstat"), {QStringLiteral("-v")})
                           .contains(QLatin1String("radiocode-pdf:"));
        defaultPrinter_ =
            hasPdfQueue_ ? QStringLiteral("radiocode-pdf") : QStringLiteral("radiocode-file");
        QVERIFY(config_.isValid());
    }

    void init() {
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
    }

    void cleanup() {
        program_.reset();
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog*>(widget))
                widget->close();
    }

    // ---- radiocode sheet --print ----

    void cliPrintsOnTheDefaultPrinter() {
        int status = -1;
        const QString out =
            cli({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--print"),
                 QStringLiteral("--customer"), QStringLiteral("Ayşe Yılmaz")},
                &status);
        QCOMPARE(status, 0);
        const int job = jobIdIn(out, defaultPrinter_);
        QVERIFY2(job > 0, qPrintable(out));
        const QString text = pdfText(spoolDocument(job));
        QVERIFY2(containsCode(text, QStringLiteral("6586")), qPrintable(text));
        QVERIFY(
            text.contains(QLatin1String("Press station button 1 until 6 shows on the display.")));
        QVERIFY(
            text.contains(QLatin1String("Press station button 4 until 6 shows on the display.")));
        QVERIFY(text.contains(QStringLiteral("Ayşe Yılmaz")));
        QCOMPARE(pdfPageSize(spoolDocument(job)), QStringLiteral("595x842")); // A4 by default
        if (!hasPdfQueue_)
            QSKIP("No cups-pdf queue here (needs root and a mount namespace): spool checked.");
        // cups-pdf draws it again through Ghostscript: its pages are there and not blank.
        QString output;
        QVERIFY2(waitFor([&] {
                     const QStringList files =
                         QDir(QDir(root_).filePath(QStringLiteral("cups-pdf")))
                             .entryList({QStringLiteral("*-job_%1.pdf").arg(job)});
                     output =
                         files.isEmpty()
                             ? QString()
                             : QDir(root_).filePath(QStringLiteral("cups-pdf/") + files.first());
                     return !output.isEmpty() && pdfPages(output) >= 1;
                 }),
                 "cups-pdf wrote no PDF for the job");
        QCOMPARE(pdfPages(output), pdfPages(spoolDocument(job)));
        const QString prefix = QDir(root_).filePath(QStringLiteral("page"));
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
             QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
             QStringLiteral("-singlefile"), output, prefix});
        const QImage page(prefix + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 100;
        QVERIFY2(dark > page.width() * page.height() / 200, "the printed page is blank");
    }

    void cliPrinterAndCopies() {
        int status = -1;
        const QString out =
            cli({QStringLiteral("sheet"), QStringLiteral("M212365"), QStringLiteral("--printer"),
                 QStringLiteral("radiocode-file"), QStringLiteral("--copies"), QStringLiteral("2"),
                 QStringLiteral("--paper"), QStringLiteral("letter")},
                &status);
        QCOMPARE(status, 0);
        const int job = jobIdIn(out, QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(out));
        QVERIFY(out.contains(QLatin1String("2 copies")));
        QVERIFY(containsCode(pdfText(spoolDocument(job)), QStringLiteral("3633")));
        QCOMPARE(pdfPageSize(spoolDocument(job)), QStringLiteral("612x792"));
        // The job asks CUPS for two copies on Letter: its attributes in the control file.
        QFile control(
            QDir(root_).filePath(QStringLiteral("spool/c%1").arg(job, 5, 10, QLatin1Char('0'))));
        // cupsd writes it a moment after the job: wait for it.
        QVERIFY(waitFor([&] { return control.size() > 0; }, 60000));
        QVERIFY(control.open(QIODevice::ReadOnly));
        const QByteArray attributes = control.readAll();
        QVERIFY(attributes.contains(QByteArray("\x21\x00\x06"
                                               "copies\x00\x04\x00\x00\x00\x02",
                                               13)));
        QVERIFY(attributes.contains("Letter"));
    }

    void cliCodeCardFormats_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("size");
        QTest::newRow("card") << QStringLiteral("card") << QStringLiteral("241x153");
        QTest::newRow("label62") << QStringLiteral("label62") << QStringLiteral("176x142");
    }

    void cliCodeCardFormats() {
        QFETCH(QString, format);
        QFETCH(QString, size);
        int status = -1;
        const QString out =
            cli({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--format"),
                 format, QStringLiteral("--printer"), QStringLiteral("radiocode-file"),
                 QStringLiteral("--workshop"), QStringLiteral("Garage Öztürk")},
                &status);
        QCOMPARE(status, 0);
        const int job = jobIdIn(out, QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(out));
        const QString document = spoolDocument(job);
        QCOMPARE(pdfPageSize(document), size);
        QCOMPARE(pdfPages(document), 1);
        const QString text = pdfRawText(document);
        QVERIFY2(containsCode(text, QStringLiteral("6586")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("J727")));
        QVERIFY(text.contains(QLatin1String("Renault")));
        QVERIFY(text.contains(QStringLiteral("Garage Öztürk")));
    }

    void cliWithoutCodeStillPrints() {
        int status = -1;
        const QString out = cli({QStringLiteral("sheet"), QStringLiteral("BP934515516803"),
                                 QStringLiteral("--printer"), QStringLiteral("radiocode-file")},
                                &status);
        QCOMPARE(status, 1); // printed, with empty boxes: no code on record
        QVERIFY2(jobIdIn(out, QStringLiteral("radiocode-file")) > 0, qPrintable(out));
    }

    void cliSaysWhyNothingWasPrinted_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("message");
        QTest::newRow("rejects jobs")
            << QStringList{QStringLiteral("--printer"), QStringLiteral("radiocode-rejects")}
            << QString()
            << QStringLiteral("The printer radiocode-rejects does not accept jobs. Let it accept "
                              "them (cupsaccept radiocode-rejects)");
        QTest::newRow("stopped") << QStringList{QStringLiteral("--printer"),
                                                QStringLiteral("radiocode-stopped")}
                                 << QString()
                                 << QStringLiteral("The printer radiocode-stopped is stopped");
        QTest::newRow("no such printer")
            << QStringList{QStringLiteral("--printer"), QStringLiteral("front-desk")} << QString()
            << QStringLiteral("There is no printer named \"front-desk\". Printers:");
        QTest::newRow("no print server")
            << QStringList{QStringLiteral("--print")} << QStringLiteral("no-such-cups.sock")
            << QStringLiteral("The print system (CUPS) cannot be reached");
    }

    void cliSaysWhyNothingWasPrinted() {
        QFETCH(QStringList, options);
        QFETCH(QString, server);
        QFETCH(QString, message);
        QProcessEnvironment environment = cliEnvironment();
        if (!server.isEmpty())
            environment.insert(QStringLiteral("CUPS_SERVER"), config_.filePath(server));
        const Run result = runCli(
            QStringList{QStringLiteral("sheet"), QStringLiteral("J727")} + options, environment);
        QVERIFY(!result.crashed);
        const QString err = QString::fromUtf8(result.err);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(err.startsWith(QLatin1String("radiocode sheet: not printed: ")));
        QVERIFY(result.out.isEmpty());
    }

    void cliUsageErrors() {
        int status = -1;
        cli({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--print"),
             QStringLiteral("--copies"), QStringLiteral("0")},
            &status);
        QCOMPARE(status, 2);
        cli({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--print"),
             QStringLiteral("--format"), QStringLiteral("a5")},
            &status);
        QCOMPARE(status, 2);
    }

    // ---- the desktop program ----

    void guiPrintsWithoutDialogOnTheLastPrinter() {
        SheetPrinting::setLastPrinter(SheetFormat::A4, QStringLiteral("radiocode-file"));
        MainWindow& window = startProgram();
        QVERIFY(window.lookUp(QStringLiteral("J727"), std::nullopt));
        QVERIFY(window.printWithoutDialog(SheetFormat::A4));
        const int job =
            jobIdIn(window.statusBar()->currentMessage(), QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(window.statusBar()->currentMessage()));
        const QString text = pdfText(spoolDocument(job));
        QVERIFY(containsCode(text, QStringLiteral("6586")));
        QVERIFY(
            text.contains(QLatin1String("Press station button 3 until 8 shows on the display.")));

        // With "print without asking" set, Ctrl+P prints at once, on the same printer.
        window.findChild<QAction*>(QStringLiteral("printWithoutAskingAction"))->setChecked(true);
        QVERIFY(SheetPrinting::printsWithoutAsking());
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        const int next =
            jobIdIn(window.statusBar()->currentMessage(), QStringLiteral("radiocode-file"));
        QVERIFY2(next > job, qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(containsCode(pdfText(spoolDocument(next)), QStringLiteral("6586")));
    }

    // The dialog's choices become the job's: the system's printers, copies, duplex, paper.
    void guiDialogSettingsReachTheJob() {
        const QStringList printers = QPrinterInfo::availablePrinterNames();
        QVERIFY2(printers.contains(QStringLiteral("radiocode-file")),
                 qPrintable(printers.join(QLatin1Char(' '))));
        QVERIFY(printers.contains(QStringLiteral("radiocode-rejects")));
        QPrinter printer(QPrinter::HighResolution);
        if (!printers.contains(QStringLiteral("radiocode-duplex")))
            QSKIP("CUPS's sample PCL driver is missing: no printer with duplex to test.");
        printer.setPrinterName(QStringLiteral("radiocode-duplex"));
        printer.setCopyCount(3);
        printer.setCollateCopies(false);
        printer.setDuplex(QPrinter::DuplexLongSide);
        QCOMPARE(printer.duplex(), QPrinter::DuplexLongSide);
        const QString sides = QStringLiteral("two-sided-long-edge");
        const QPageLayout letter = InstructionSheet::pageLayout(SheetFormat::Letter);
        const PrintRequest request = SheetPrinting::requestFrom(printer, letter);
        QCOMPARE(request.printer, QStringLiteral("radiocode-duplex"));
        QCOMPARE(request.copies, 3);
        QVERIFY(!request.collate);
        QCOMPARE(request.sides, sides);
        QCOMPARE(request.media, QStringLiteral("Letter"));
        const PrintOutcome outcome = CupsPrinting::print(
            InstructionSheet::pdf(SheetContent{}, SheetFormat::Letter, letter), request);
        QVERIFY2(outcome.printed, qPrintable(outcome.error));
        QFile control(QDir(root_).filePath(
            QStringLiteral("spool/c%1").arg(outcome.jobId, 5, 10, QLatin1Char('0'))));
        QVERIFY(waitFor([&] { return control.size() > 0; }, 60000));
        QVERIFY(control.open(QIODevice::ReadOnly));
        QVERIFY(control.readAll().contains(sides.toLatin1()));
    }

    // Ctrl+P opens the print dialog on the last printer; Ctrl+P again prints there.
    void guiCtrlPTwicePrintsOnTheLastPrinter() {
        SheetPrinting::setLastPrinter(SheetFormat::A4, QStringLiteral("radiocode-file"));
        MainWindow& window = startProgram();
        QVERIFY(window.lookUp(QStringLiteral("M212365"), std::nullopt));
        QString chosenPrinter;
        bool dialogSeen = false;
        QTimer::singleShot(0, this, [&] {
            waitFor(
                [&] {
                    auto* dialog = qobject_cast<QPrintDialog*>(QApplication::activeModalWidget());
                    if (!dialog)
                        return false;
                    dialogSeen = true;
                    chosenPrinter = dialog->printer()->printerName();
                    // The offscreen platform gives the dialog no focus: the key goes to it.
                    QTest::keyClick(dialog, Qt::Key_P, Qt::ControlModifier);
                    // Never hang the suite: a dialog still open is closed, and the test fails.
                    QTimer::singleShot(5000, dialog, &QDialog::reject);
                    return true;
                },
                20000);
        });
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        QVERIFY(dialogSeen);
        QCOMPARE(chosenPrinter, QStringLiteral("radiocode-file"));
        const int job =
            jobIdIn(window.statusBar()->currentMessage(), QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(containsCode(pdfText(spoolDocument(job)), QStringLiteral("3633")));
        QCOMPARE(SheetPrinting::lastPrinter(SheetFormat::A4), QStringLiteral("radiocode-file"));
    }

    void guiSaysWhyNothingWasPrinted() {
        SheetPrinting::setLastPrinter(SheetFormat::A4, QStringLiteral("radiocode-rejects"));
        MainWindow& window = startProgram();
        QVERIFY(window.lookUp(QStringLiteral("J727"), std::nullopt));
        QString shown;
        QTimer::singleShot(0, this, [&] {
            waitFor(
                [&] {
                    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                    if (!box)
                        return false;
                    shown = box->text();
                    box->accept();
                    return true;
                },
                20000);
        });
        QVERIFY(!window.printWithoutDialog(SheetFormat::A4));
        QVERIFY2(shown.contains(QLatin1String("Nothing was printed.")), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("radiocode-rejects does not accept jobs")));
    }

    void guiCodeCardGoesToItsOwnPrinter() {
        SheetPrinting::setLastPrinter(SheetFormat::A4, QStringLiteral("radiocode-rejects"));
        SheetPrinting::setLastPrinter(SheetFormat::Label62, QStringLiteral("radiocode-file"));
        MainWindow& window = startProgram();
        QVERIFY(window.lookUp(QStringLiteral("J727"), std::nullopt));
        QVERIFY(window.printWithoutDialog(SheetFormat::Label62));
        const int job =
            jobIdIn(window.statusBar()->currentMessage(), QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(pdfPageSize(spoolDocument(job)), QStringLiteral("176x142"));
        QVERIFY(containsCode(pdfRawText(spoolDocument(job)), QStringLiteral("6586")));
    }

    // The result page's code card button: the label format chosen there is printed (without
    // asking, on the label printer used last) and remembered.
    void guiResultPageCodeCard() {
        SheetPrinting::setLastPrinter(SheetFormat::Label62, QStringLiteral("radiocode-file"));
        SheetPrinting::setPrintsWithoutAsking(true);
        MainWindow& window = startProgram();
        QVERIFY(window.lookUp(QStringLiteral("M212365"), std::nullopt));
        auto* button =
            window.resultPage()->findChild<QToolButton*>(QStringLiteral("codeCardButton"));
        QVERIFY(button && button->isVisible() && button->menu());
        auto* label = button->menu()->findChild<QAction*>(QStringLiteral("printLabelAction"));
        QVERIFY(label);
        label->trigger();
        const int job =
            jobIdIn(window.statusBar()->currentMessage(), QStringLiteral("radiocode-file"));
        QVERIFY2(job > 0, qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(pdfPageSize(spoolDocument(job)), QStringLiteral("176x142"));
        QVERIFY(containsCode(pdfRawText(spoolDocument(job)), QStringLiteral("3633")));
        QCOMPARE(SheetPrinting::lastCardFormat(), SheetFormat::Label62);
    }

private:
    QString spoolDocument(int job) const {
        const QString path =
            QDir(root_).filePath(QStringLiteral("spool/d%1-001").arg(job, 5, 10, QLatin1Char('0')));
        waitFor([&] { return QFileInfo(path).size() > 0; }, 20000);
        return path;
    }

    QProcessEnvironment cliEnvironment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The user's own settings (paper, workshop) stay out of it.
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config_.path());
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.remove(QStringLiteral("PRINTER"));
        environment.remove(QStringLiteral("LPDEST"));
        return environment;
    }

    Run runCli(const QStringList& arguments, const QProcessEnvironment& environment) const {
        return runProcess(QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode"), arguments,
                          RunOptions().environment(environment).timeoutMs(60000));
    }

    // Its standard output; what it said on the standard error goes to the test log.
    QString cli(const QStringList& arguments, int* exitCode) const {
        const Run result = runCli(arguments, cliEnvironment());
        *exitCode = result.exitCode;
        if (!result.err.isEmpty())
            qInfo().noquote() << "stderr:" << QString::fromUtf8(result.err);
        return QString::fromUtf8(result.out);
    }

    MainWindow& startProgram() {
        program_ = std::make_unique<FinderProgram>();
        MainWindow& window = program_->window();
        window.resize(1100, 720);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            qWarning("The window was not exposed.");
        return window;
    }

    QTemporaryDir config_;
    QString root_;
    QString defaultPrinter_;
    bool hasPdfQueue_ = false;
    std::unique_ptr<FinderProgram> program_;
};

int main(int argc, char** argv) {
    // The private server, before anything asks libcups (which reads CUPS_SERVER once).
    const QString server = readState(QStringLiteral("server"));
    if (!server.isEmpty())
        qputenv("CUPS_SERVER", server.toUtf8());
    qunsetenv("PRINTER");
    qunsetenv("LPDEST");
    return radiocode::test::runWindowSuite<TestPrint>(argc, argv, QStringLiteral("tst_print"));
}

#include "tst_print.moc"
