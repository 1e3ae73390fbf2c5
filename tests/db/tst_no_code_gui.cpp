// When no code is on record, in the real program (FinderProgram, offscreen): the radio card on
// the no-code page (a swapped radio shows no code; a match shows the card's code and keeps it once
// it worked), "Request the code" (the letter as PDF, the job waiting), the reminder at start, the
// "Waiting for codes" history with the answer, and a refused code flagged on the next lookup.
#include "database_test_support.h"
#include "gui/database/database_integration.h"
#include "gui/database/history_window.h"
#include "gui/database/no_code_actions.h"
#include "gui/finder_program.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "process_run.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using namespace radiocode::gui;
using radiocode::storage::Database;

namespace {

const QString serial = QStringLiteral("BP934515516803");

QString pdfText(const QString& path) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

} // namespace

class TestNoCodeGui : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString url_;
    int counter_ = 0;

    std::unique_ptr<Database> open() { return radiocode::test::openDatabase(url_); }

    void closeMessages() {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget))
                box->close();
    }

    // The program as the technician starts it, shown, its database open. Another radio's lookup
    // keeps no job details (the question answered "clear them"); every confirmation is answered
    // yes.
    static bool start(FinderProgram& program) {
        QSignalSpy firstFrame(&program.window(), &MainWindow::firstFrameShown);
        program.window().show();
        if (!firstFrame.wait(10000) || program.database().session().database() == nullptr)
            return false;
        program.window().setKeepDetailsQuestion([](const QString&) { return false; });
        program.database().setConfirmation([](const QString&) { return true; });
        return true;
    }

    static void technician(MainWindow& window, const QString& name) {
        JobDetails details = window.currentJobDetails();
        details.technician = name;
        window.setJobDetails(details);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        radiocode::test::isolateThisProgram(dir_.path());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (packaging/dev.sh test does).");
    }

    void init() {
        url_ = QStringLiteral("sqlite:%1/nocode%2.db").arg(dir_.path()).arg(++counter_);
        qputenv(storage::DatabaseUrl::environmentVariable, url_.toUtf8());
    }

    void cleanup() { closeMessages(); }

    void radioCardOnTheNoCodePage() {
        FinderProgram program;
        QVERIFY(start(program));
        MainWindow& window = program.window();
        NoCodeActions* noCode = program.database().noCodeActions();
        technician(window, QStringLiteral("Ann"));
        QVERIFY(window.lookUp(serial, std::nullopt));
        QVERIFY(window.resultPage()->codeText().isEmpty());
        QVERIFY(noCode->cardButton()->isVisible());
        QVERIFY(noCode->requestButton()->isVisible());

        noCode->cardButton()->click();
        CardDialog* dialog = noCode->cardDialog();
        QVERIFY(dialog && dialog->isVisible());
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        // Another radio's card: it stays open, says why, and shows no code anywhere.
        dialog->cardSerialEdit()->setText(QStringLiteral("BP934515516804"));
        dialog->codeEdit()->setText(QStringLiteral("4711"));
        ok->click();
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problemLabel()->text().contains(QLatin1String("probably swapped")),
                 qPrintable(dialog->problemLabel()->text()));
        QVERIFY(dialog->problemLabel()->isVisible());
        QVERIFY(window.resultPage()->codeText().isEmpty());
        // The right card, typed in groups and lower case; a code that is not 4 digits first.
        dialog->cardSerialEdit()->setText(QStringLiteral("bp93451 5516803"));
        dialog->codeEdit()->setText(QStringLiteral("47a1"));
        ok->click();
        QVERIFY(dialog->problemLabel()->text().contains(QLatin1String("4 digits")));
        dialog->codeEdit()->setText(QStringLiteral("4711"));
        ok->click();
        QTRY_VERIFY(!noCode->cardDialog() || !noCode->cardDialog()->isVisible());
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("4711"));
        QVERIFY2(window.resultPage()->sourceText().contains(QLatin1String("radio card")),
                 qPrintable(window.resultPage()->sourceText()));
        QVERIFY(window.resultPage()->sourceText().contains(QLatin1String("Ann")));
        QVERIFY(!window.resultPage()->sourceText().contains(QLatin1String("card:")));
        QVERIFY(!noCode->cardButton()->isVisible());

        // Logged with the card's code, not yet in the code database...
        auto db = open();
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial));
        QCOMPARE(db->jobLog().jobs().first().source,
                 Provenance::named(Provenance::Kind::CardEntered, "Ann"));
        // ...until the radio accepted it.
        QVERIFY(program.database().workedButton()->isVisible());
        program.database().workedButton()->click();
        const auto stored = db->codes().findCode(Family::Blaupunkt, serial);
        QVERIFY(stored);
        QCOMPARE(stored->code, QStringLiteral("4711"));
        QCOMPARE(stored->source(), QStringLiteral("database:card:Ann"));
        QCOMPARE(db->jobLog().jobs().size(), 1);
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);

        // The next lookup finds it, in words.
        QVERIFY(window.lookUp(serial, std::nullopt));
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("4711"));
        QVERIFY(window.resultPage()->sourceText().contains(QLatin1String("radio card")));
    }

    void requestTheCodeAndWaitForIt() {
        FinderProgram program;
        QVERIFY(start(program));
        MainWindow& window = program.window();
        NoCodeActions* noCode = program.database().noCodeActions();

        // The workshop's details, from the settings dialog.
        {
            WorkshopDialog workshop(&window);
            workshop.nameEdit()->setText(QStringLiteral("Werkstatt Becker & Sohn"));
            workshop.addressEdit()->setPlainText(QStringLiteral("Hauptstr. 5\n50667 Köln"));
            workshop.contactEdit()->setText(QStringLiteral("0221 555 123"));
            workshop.reminderSpin()->setValue(7);
            workshop.save();
        }
        QCOMPARE(WorkshopDetails::saved().contact, QStringLiteral("0221 555 123"));
        QCOMPARE(savedReminderDays(), 7);

        JobDetails details;
        details.customer = QStringLiteral("Jana Nowak");
        details.vin = QStringLiteral("SJNFAAJ10U1234567");
        details.technician = QStringLiteral("Ann");
        window.setJobDetails(details);
        QVERIFY(window.lookUp(serial, std::nullopt));
        noCode->requestButton()->click();
        RequestDialog* dialog = noCode->requestDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->vinEdit()->text(), details.vin);
        QCOMPARE(dialog->ownerEdit()->text(), details.customer);
        QVERIFY(dialog->partNumberEdit()); // Blaupunkt: the service asks for it
        QCOMPARE(dialog->languageCombo()->count(), 3);
        dialog->recipientEdit()->setText(QStringLiteral("Nissan Autohaus Köln"));
        dialog->partNumberEdit()->setText(QStringLiteral("7 649 345 318"));

        const QString pdf = dir_.filePath(QStringLiteral("request.pdf"));
        QString error;
        // A part number that does not belong to the serial: one of them was misread.
        RequestContent misread = dialog->content();
        misread.partNumber = QStringLiteral("7 645 384 318");
        QVERIFY(!noCode->saveRequest(misread, QStringLiteral("en"), pdf, &error));
        QVERIFY(error.contains(QLatin1String("misread")));
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(open()->jobLog().waitingJobs().isEmpty());
        QVERIFY2(noCode->saveRequest(dialog->content(), QStringLiteral("de"), pdf, &error),
                 qPrintable(error));
        const QString text = pdfText(pdf);
        for (const QString& part :
             {serial, QStringLiteral("Werkstatt Becker & Sohn"), QStringLiteral("50667 Köln"),
              QStringLiteral("0221 555 123"), QStringLiteral("Nissan Autohaus Köln"),
              QStringLiteral("7 649 345 318"), QStringLiteral("SJNFAAJ10U1234567"),
              QStringLiteral("Jana Nowak")})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" in ") + text));
        QVERIFY(text.contains(QLatin1String("______"))); // the registration, the signature
        QVERIFY(noCode->lastRequestJob() > 0);
        QVERIFY(text.contains(QStringLiteral("#%1").arg(noCode->lastRequestJob())));
        // The program's own language is back after a letter in German.
        QCOMPARE(noCode->requestButton()->text(), QStringLiteral("Request th&e code…"));

        auto db = open();
        const auto waiting = db->jobLog().waitingJobs();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().first.id, noCode->lastRequestJob());
        QCOMPARE(waiting.first().first.customer, details.customer);
        QCOMPARE(waiting.first().second.askedFrom, QStringLiteral("Nissan Autohaus Köln"));
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("waiting")));
        QVERIFY(noCode->reminder().isEmpty()); // asked today
    }

    void waitingForCodesReminderAndAnswer() {
        qint64 id = 0;
        {
            auto db = open();
            storage::Job job;
            job.family = Family::Blaupunkt;
            job.serial = serial;
            job.customer = QStringLiteral("Jana Nowak");
            id = *db->jobLog().addJob(job);
            QVERIFY(db->jobLog().addCodeRequest(id, QStringLiteral("Nissan Autohaus Köln"),
                                                QDateTime::currentDateTimeUtc().addDays(-10)));
        }
        saveReminderDays(7);
        FinderProgram program;
        QVERIFY(start(program));
        MainWindow& window = program.window();
        NoCodeActions* noCode = program.database().noCodeActions();
        // Said at start.
        QVERIFY2(noCode->reminder().contains(QLatin1String("7 days")),
                 qPrintable(noCode->reminder()));
        QVERIFY(window.statusBar()->currentMessage().contains(noCode->reminder()));

        program.database().openHistory();
        HistoryWindow* history = program.database().historyWindow();
        QVERIFY(history);
        QVERIFY(!history->answerButton()->isVisible());
        history->showWaiting();
        QVERIFY(history->showsWaiting());
        QCOMPARE(history->table()->rowCount(), 1);
        QVERIFY2(history->table()->item(0, 4)->text().contains(QLatin1String("10 day")),
                 qPrintable(history->table()->item(0, 4)->text()));
        QVERIFY(
            history->table()->item(0, 4)->text().contains(QStringLiteral("Nissan Autohaus Köln")));
        QVERIFY(history->statusText().contains(QLatin1String("Reminder")));
        QVERIFY(history->answerButton()->isVisible());
        QVERIFY(!history->answerButton()->isEnabled());
        history->table()->selectRow(0);
        QVERIFY(history->answerButton()->isEnabled());

        QString error;
        QVERIFY(
            !history->answerSelected(QStringLiteral("08 5"), QStringLiteral("X"), false, &error));
        QVERIFY(error.contains(QLatin1String("4 digits")));
        QVERIFY(!history->answerSelected(QStringLiteral("0815"), QString(), false, &error));
        QVERIFY2(history->answerSelected(QStringLiteral("0815"),
                                         QStringLiteral("Nissan Autohaus Köln"), false, &error),
                 qPrintable(error));
        QCOMPARE(history->table()->rowCount(), 0); // no longer waiting
        // The answer is on the result page, ready for the radio and the sheet.
        QCOMPARE(window.currentPage(), MainWindow::Page::Result);
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("0815"));
        QVERIFY2(window.resultPage()->sourceText().contains(QStringLiteral("Nissan Autohaus Köln")),
                 qPrintable(window.resultPage()->sourceText()));
        QCOMPARE(QString::fromStdString(window.currentSheet().result.answer->code),
                 QStringLiteral("0815"));

        // The radio refuses it.
        technician(window, QStringLiteral("Ann"));
        QVERIFY(program.database().refusedButton()->isVisible());
        program.database().refusedButton()->click();
        closeMessages();
        {
            auto db = open();
            const auto stored = db->codes().findCode(Family::Blaupunkt, serial);
            QVERIFY(stored && stored->wasRefused());
            QCOMPARE(stored->refusedBy, QStringLiteral("Ann"));
            QCOMPARE(stored->source(), QStringLiteral("dealer:Nissan Autohaus Köln"));
            QCOMPARE(db->jobLog().job(id)->outcome, storage::Outcome::Refused);
        }
        // Whoever looks it up next is told, with who and when.
        QVERIFY(window.lookUp(serial, std::nullopt));
        closeMessages();
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("0815"));
        const QString warning = window.resultPage()->refusedText();
        QVERIFY2(warning.contains(QStringLiteral("refused on a radio by Ann on %1")
                                      .arg(QDate::currentDate().toString(Qt::ISODate))),
                 qPrintable(warning));
        QVERIFY(
            window.resultPage()->findChild<QLabel*>(QStringLiteral("refusedWarning"))->isVisible());
    }
};

QTEST_MAIN(TestNoCodeGui)

#include "tst_no_code_gui.moc"
