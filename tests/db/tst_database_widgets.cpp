// The code database's windows on the offscreen platform: the import dialog (dry run first,
// progress, cancel, conflicts resolved only when ticked and confirmed), the job history, the
// settings page, and the job buttons on the main window's result page.
#include "common/texts.h"
#include "database_test_support.h"
#include "gui/database/database_integration.h"
#include "gui/database/database_session.h"
#include "gui/database/database_settings_page.h"
#include "gui/database/history_window.h"
#include "gui/database/import_dialog.h"
#include "gui/finder_program.h"
#include "gui/job_details_page.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "process_run.h"
#include "storage/storage_texts.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace radiocode;
using namespace radiocode::gui;
using radiocode::storage::Database;

// Under AddressSanitizer everything runs several times slower: fewer rows show the same.
#if defined(__SANITIZE_ADDRESS__)
constexpr int largeRows = 100000;
#else
constexpr int largeRows = 300000;
#endif

// How long a worker may take before a test gives up: generous, because CI runs two test
// programs at once on two cores, under AddressSanitizer too. Nothing waits this long on success.
constexpr int workTimeoutMs = 120000;

class TestDatabaseWidgets : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString url_;
    int counter_ = 0;

    QString writeFile(const QString& name, const QByteArray& content) {
        return radiocode::test::writeFile(dir_.filePath(name), content);
    }

    std::unique_ptr<Database> open() { return radiocode::test::openDatabase(url_); }

    void closeWarnings() {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget))
                box->close();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        radiocode::test::isolateThisProgram(dir_.path());
    }

    void init() {
        url_ = QStringLiteral("sqlite:%1/gui%2.db").arg(dir_.path()).arg(++counter_);
        qputenv(storage::DatabaseUrl::environmentVariable, url_.toUtf8());
    }

    void importDialogChecksFirstThenImports() {
        auto db = open();
        db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                     QStringLiteral("1234"), QStringLiteral("Ann"));
        const QString file = writeFile(QStringLiteral("dealer.csv"),
                                       "serial;code\n"
                                       "BP934515516803;9999\n" // conflict with Ann's code
                                       "BP538769672026;0042\n"
                                       "J727;1111\n" // skipped: computed
                                       "BE473935000375;0007\n");
        ImportDialog dialog(db->location());
        dialog.show();
        QStringList questions;
        dialog.setConfirmation([&](const QString& question) {
            questions << question;
            return true;
        });
        dialog.setFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        // The summary before anything is saved.
        QCOMPARE(db->codes().codeCount(), 1);
        QVERIFY2(dialog.summaryLabel()->text().contains(QLatin1String("2 imported")),
                 qPrintable(dialog.summaryLabel()->text()));
        QCOMPARE(dialog.report().conflictCount(), 1);
        QCOMPARE(dialog.issuesTable()->rowCount(), 2);
        QCOMPARE(dialog.issuesTable()->item(0, 0)->data(Qt::DisplayRole).toInt(), 2);
        QCOMPARE(dialog.issuesTable()->item(0, 1)->text(), QStringLiteral("BP934515516803"));
        QVERIFY(dialog.chosenReplacements().isEmpty()); // keep stored is the default
        QVERIFY(dialog.importButton()->isEnabled());

        dialog.setReplaceChecked(0, true);
        QCOMPARE(dialog.chosenReplacements().size(), 1);
        QSignalSpy changed(&dialog, &ImportDialog::codesChanged);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Imported, workTimeoutMs);
        QCOMPARE(questions.size(), 1); // asked once before replacing
        QVERIFY(changed.count() >= 1);
        QCOMPARE(db->codes().codeCount(), 3);
        const auto replaced =
            db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QCOMPARE(replaced->code, QStringLiteral("9999"));
        QCOMPARE(replaced->source(), QStringLiteral("database:import:dealer.csv"));
    }

    // A dealer's own spreadsheet: the columns picked on the preview, shortened codes restored
    // only when ticked, every rejected row with its serial, and no internal ids anywhere.
    void importDialogPreviewPicksColumnsAndRestoresZeros() {
        auto db = open();
        db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP000000000009"),
                                     QStringLiteral("1234"), QStringLiteral("Mehmet K."));
        const QString file = writeFile(QStringLiteral("haendler.csv"),
                                       "Kunde;Nummer;Wert\n"
                                       "A;BP934515516803;420\n"
                                       "B;BP538769672026;0042\n"
                                       "C;BPO38769672026;1111\n"   // a letter O: rejected
                                       "D;BP000000000009;9999\n"); // conflict with Mehmet's
        ImportDialog dialog(db->location());
        dialog.resize(760, 520);
        dialog.show();
        dialog.setFile(file);
        // Neither column has a name this program knows: the technician is asked to choose.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Failed, workTimeoutMs);
        QVERIFY2(dialog.summaryLabel()->text().contains(QLatin1String("Choose the serial")),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(dialog.previewTable()->isVisible());
        QCOMPARE(dialog.previewTable()->columnCount(), 3);
        QCOMPARE(dialog.previewTable()->rowCount(), 4);
        QCOMPARE(dialog.previewTable()->item(0, 1)->text(), QStringLiteral("BP934515516803"));

        dialog.serialColumnBox()->setCurrentIndex(dialog.serialColumnBox()->findData(2));
        dialog.codeColumnBox()->setCurrentIndex(dialog.codeColumnBox()->findData(3));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        QCOMPARE(int(dialog.report().imported), 1);
        QCOMPARE(int(dialog.report().skipped), 2);
        QTableWidget* issues = dialog.issuesTable();
        QCOMPARE(issues->rowCount(), 3);
        QString all;
        for (int row = 0; row < issues->rowCount(); ++row) {
            // Every rejected row names its serial as read.
            QVERIFY2(!issues->item(row, 1)->text().isEmpty(),
                     qPrintable(issues->item(row, 2)->text()));
            all += issues->item(row, 2)->text() + QLatin1Char('\n');
        }
        QVERIFY2(all.contains(QLatin1String("looks like 0420")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("confirmed on a radio by Mehmet K.")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("database:")) && !all.contains(QLatin1String("K..")),
                 qPrintable(all));
        QCOMPARE(issues->item(1, 1)->text(), QStringLiteral("BPO38769672026"));
        // The "Replace stored code" header is shown whole.
        const QString header = issues->horizontalHeaderItem(3)->text();
        QVERIFY(issues->horizontalHeader()->sectionSize(3) >=
                issues->fontMetrics().horizontalAdvance(header));

        dialog.restoreZerosBox()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(dialog.report().imported), 2, workTimeoutMs);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Imported, workTimeoutMs);
        const auto restored =
            db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QVERIFY(restored);
        QCOMPARE(restored->code, QStringLiteral("0420"));
        QCOMPARE(restored->source(),
                 QStringLiteral("database:import:haendler.csv (leading zeros restored)"));
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP000000000009"))->code,
                 QStringLiteral("1234"));
    }

    void importDialogKeepsStoredWhenNotConfirmed() {
        auto db = open();
        db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                     QStringLiteral("1234"), QStringLiteral("Ann"));
        const QString file =
            writeFile(QStringLiteral("d2.csv"), "serial,code\nBP934515516803,9999\n");
        ImportDialog dialog(db->location());
        dialog.setConfirmation([](const QString&) { return false; });
        dialog.setFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        dialog.setReplaceChecked(0, true);
        dialog.startImport(); // the technician says No: nothing happens
        QCOMPARE(dialog.stage(), ImportDialog::Stage::Checked);
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("1234"));
    }

    void importDialogShowsBadFile() {
        auto db = open();
        ImportDialog dialog(db->location());
        dialog.setFile(writeFile(QStringLiteral("bad.csv"), "pin,number\n1,2\n"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Failed, workTimeoutMs);
        QVERIFY(dialog.summaryLabel()->text().contains(QLatin1String("serial")));
        QVERIFY(!dialog.importButton()->isEnabled());
    }

    void importDialogProgressAndCancel() {
        auto db = open();
        const QString file =
            writeFile(QStringLiteral("large.csv"), radiocode::test::codeList(largeRows));
        ImportDialog dialog(db->location());
        dialog.show();
        dialog.setFile(file);
        QCOMPARE(dialog.stage(), ImportDialog::Stage::Checking);
        QVERIFY(dialog.progressBar()->isVisible());
        QVERIFY(dialog.cancelButton()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        QCOMPARE(dialog.progressBar()->value(), 1000);
        QCOMPARE(int(dialog.report().imported), largeRows);
        // Cancel the real import: nothing saved. The worker is held before its first row until
        // the click has landed, so the cancel never comes after the commit on a slow machine.
        QSemaphore gate;
        dialog.setWorkerStartHook([&gate] { gate.acquire(); });
        auto releaseGate = qScopeGuard([&gate] { gate.release(); }); // never leave it blocked
        dialog.startImport();
        QCOMPARE(dialog.stage(), ImportDialog::Stage::Importing);
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog.cancelButton()->isEnabled());
        releaseGate.dismiss();
        gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), ImportDialog::Stage::Checked, workTimeoutMs);
        QVERIFY(dialog.summaryLabel()->text().contains(QLatin1String("cancelled")));
        QCOMPARE(db->codes().codeCount(), 0);
    }

    // Rule 2 in the desktop program: a database that fails to answer is not "no code on record".
    void sessionSaysWhenTheDatabaseCannotAnswer() {
        { auto db = open(); }
        DatabaseSession session;
        QVERIFY2(session.open(url_), qPrintable(session.error()));
        CodeFinder finder;
        finder.addSource(&session);
        LookupResult result = finder.lookup("BP934515516803");
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY(result.sourceFailure.empty());
        QVERIFY(Texts::noCodeReason(result).contains(QLatin1String("holds no code")));
        {
            // Another program breaks the database under the session.
            auto other = open();
            QSqlQuery drop(other->connection());
            QVERIFY(drop.exec(QStringLiteral("DROP TABLE codes")));
        }
        result = finder.lookup("BP934515516803");
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY(!result.sourceFailure.empty());
        const QString reason = Texts::noCodeReason(result);
        QVERIFY2(reason.contains(QLatin1String("could not be reached")), qPrintable(reason));
        QVERIFY2(!reason.contains(QLatin1String("holds no code")), qPrintable(reason));
    }

    // The database cannot be opened when the program starts (here: its folder's name is taken
    // by a file). Lookups say it could not be asked, never "no code on record", and the program
    // opens it by itself once it can.
    void sessionRecoversWhenTheDatabaseComesBack() {
        const QString blocker = dir_.filePath(QStringLiteral("later"));
        writeFile(QStringLiteral("later"), "not a folder");
        const QString url = QStringLiteral("sqlite:%1/codes.db").arg(blocker);
        DatabaseSession session;
        session.setRetryInterval(0);
        QVERIFY(!session.open(url));
        QVERIFY(!session.error().isEmpty());
        CodeFinder finder;
        finder.addSource(&session);
        LookupResult result = finder.lookup("BP934515516803");
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY(!result.sourceFailure.empty());
        QCOMPARE(Texts::statusName(result), QStringLiteral("Code database unreachable"));
        QVERIFY(!Texts::noCodeReason(result).contains(QLatin1String("holds no code")));

        QVERIFY(QFile::remove(blocker));
        {
            QString error;
            auto db = Database::open(url, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->codes()
                        .importCsv("serial,code\nBP934515516803,1234\n", QStringLiteral("d.csv"))
                        .ok());
        }
        QSignalSpy changed(&session, &DatabaseSession::databaseChanged);
        result = finder.lookup("BP934515516803");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("1234"));
        QCOMPARE(changed.count(), 1); // the menu learns that the database is there
        QVERIFY(session.database());
    }

    // A server that accepts the connection and never answers (here: a socket that listens and
    // never reads): it is reached on a worker thread, so the window's event loop runs on, a
    // lookup meanwhile says the database is being opened (never "no code on record"), and the
    // attempt ends as "cannot be opened" after the connect timeout.
    void openingAServerThatNeverAnswersKeepsTheWindowResponsive() {
        const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(silent >= 0);
        const auto closeSilent = qScopeGuard([silent] { ::close(silent); });
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        QVERIFY(::listen(silent, 4) == 0);
        QVERIFY(::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        const QString url =
            QStringLiteral("postgresql://ann@127.0.0.1:%1/codes").arg(ntohs(address.sin_port));

        DatabaseSession session;
        session.openLater(url);
        QSignalSpy changed(&session, &DatabaseSession::databaseChanged);
        session.openInBackground();
        QVERIFY(session.isOpening());
        QVERIFY(!session.openDatabase());

        int ticks = 0;
        QTimer timer;
        timer.setInterval(20);
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start();
        CodeFinder finder;
        finder.addSource(&session);
        const LookupResult during = finder.lookup("BP934515516803");
        QCOMPARE(during.status, LookupStatus::NotFound);
        QVERIFY(!during.sourceFailure.empty());
        QVERIFY2(Texts::fromUtf8(during.sourceFailure).contains(QLatin1String("being opened")),
                 during.sourceFailure.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 10, 4000);
        QVERIFY(session.isOpening()); // the event loop ran while the server kept it waiting

        QTRY_VERIFY_WITH_TIMEOUT(!session.isOpening(), 30000);
        QVERIFY(!session.openDatabase());
        QVERIFY(!session.error().isEmpty());
        QVERIFY(changed.count() >= 2); // "opening", then the outcome
    }

    void historyFiltersReopensAndExports() {
        auto db = open();
        auto add = [&](const char* serial, Family family, storage::Outcome outcome, int daysAgo,
                       const char* customer) {
            storage::Job job;
            job.time = QDateTime::currentDateTime().addDays(-daysAgo);
            job.serial = QString::fromLatin1(serial);
            job.family = family;
            job.outcome = outcome;
            job.customer = QString::fromLatin1(customer);
            job.code = QStringLiteral("1234");
            job.source = Provenance::imported("x.csv");
            db->jobLog().addJob(job);
        };
        add("BP934515516803", Family::Blaupunkt, storage::Outcome::Worked, 40, "Smith");
        add("J727", Family::Renault, storage::Outcome::Refused, 1, "Jones");
        add("M123456", Family::Visteon, storage::Outcome::NotTried, 0, "Jones");
        HistoryWindow history(db.get());
        history.show();
        QCOMPARE(history.table()->rowCount(), 3);
        history.familyCombo()->setCurrentIndex(
            history.familyCombo()->findData(static_cast<int>(Family::Renault)));
        QCOMPARE(history.table()->rowCount(), 1);
        QCOMPARE(history.table()->item(0, 2)->text(), QStringLiteral("J727"));
        history.familyCombo()->setCurrentIndex(0);
        history.outcomeCombo()->setCurrentIndex(
            history.outcomeCombo()->findData(static_cast<int>(storage::Outcome::Worked)));
        QCOMPARE(history.table()->rowCount(), 1);
        history.outcomeCombo()->setCurrentIndex(0);
        history.sinceEdit()->setDate(QDate::currentDate().addDays(-7));
        history.sinceCheck()->setChecked(true);
        QCOMPARE(history.table()->rowCount(), 2);
        history.sinceCheck()->setChecked(false);
        QTest::keyClicks(history.searchEdit(), QStringLiteral("jones"));
        QTRY_COMPARE_WITH_TIMEOUT(history.table()->rowCount(), 2, workTimeoutMs);

        QVERIFY(!history.reopenButton()->isEnabled());
        history.table()->selectRow(1);
        QVERIFY(history.reopenButton()->isEnabled());
        QSignalSpy reopen(&history, &HistoryWindow::reopenRequested);
        QTest::mouseClick(history.reopenButton(), Qt::LeftButton);
        QCOMPARE(reopen.count(), 1);
        QCOMPARE(reopen.first().first().value<storage::Job>().serial, QStringLiteral("J727"));

        const QString out = dir_.filePath(QStringLiteral("jobs.csv"));
        QVERIFY(history.exportTo(out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().split('\n').size(), 3); // header + the 2 shown
    }

    void settingsPageChecksAndTests() {
        DatabaseSettingsPage page;
        page.show();
        page.urlEdit()->setText(QStringLiteral("postgres:/nope"));
        page.accept();
        QVERIFY(page.isVisible()); // not saved
        QVERIFY(page.statusLabel()->text().contains(QLatin1String("not a database URL")));

        QSignalSpy tested(&page, &DatabaseSettingsPage::testFinished);
        page.urlEdit()->setText(url_);
        QTest::mouseClick(page.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, workTimeoutMs);
        QVERIFY(tested.first().at(0).toBool());
        QVERIFY(page.statusLabel()->text().contains(QLatin1String("Connected")));

        page.urlEdit()->setText(QStringLiteral("postgresql://nobody@127.0.0.1:1/codes"));
        QTest::mouseClick(page.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, workTimeoutMs);
        QVERIFY(!tested.last().at(0).toBool());
        QVERIFY(page.statusLabel()->text().contains(QLatin1String("Cannot connect")));

        page.urlEdit()->setText(url_);
        page.accept();
        QVERIFY(!page.isVisible());
        QCOMPARE(storage::DatabaseUrl::settingsUrl(), url_);
        storage::DatabaseUrl::setSettingsUrl(QString());
    }

    // The program as radiocode-finder starts it: the database is joined to the window's lookups
    // and its menu, yet opened only after the first frame (creating a file or reaching a server
    // must not hold up the start).
    void programOpensTheDatabaseAfterTheFirstFrame() {
        {
            auto db = open();
            db->codes().importCsv("serial,code\nBP934515516803,1234\n",
                                  QStringLiteral("dealer.csv"));
        }
        FinderProgram program;
        MainWindow& window = program.window();
        QVERIFY(program.database().session().isPending());
        QSignalSpy firstFrame(&window, &MainWindow::firstFrameShown);
        window.show();
        QVERIFY(program.database().session().isPending()); // still not opened by show()
        QVERIFY(firstFrame.wait(10000));
        QVERIFY(!program.database().session().isPending());
        QVERIFY2(program.database().session().database(),
                 qPrintable(program.database().session().error()));

        const QList<QAction*> actions = window.databaseMenu()->actions();
        QVERIFY(std::any_of(actions.begin(), actions.end(), [&](QAction* action) {
            return action->text().contains(url_.mid(url_.indexOf(QLatin1Char(':')) + 1));
        }));
        QVERIFY(window.lookUp(QStringLiteral("BP934515516803"), std::nullopt));
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("1234"));
        QVERIFY2(window.resultPage()->sourceText().contains(QLatin1String("dealer.csv")),
                 qPrintable(window.resultPage()->sourceText()));
        QVERIFY(program.database().workedButton()->isVisible());
    }

    // Joining the database to the window builds no page but the first before the first frame
    // (the other pages were a third of its cost); the result page's import button still opens
    // the import once the pages are there.
    void programBuildsTheOtherPagesAfterTheFirstFrame() {
        FinderProgram program;
        MainWindow& window = program.window();
        QVERIFY(!window.hasPages());
        QVERIFY(!window.findChild<ResultPage*>());
        QSignalSpy firstFrame(&window, &MainWindow::firstFrameShown);
        window.show();
        QVERIFY(!window.hasPages()); // not built by show() either
        QVERIFY(firstFrame.wait(10000));
        QVERIFY(window.hasPages());
        QVERIFY(program.database().session().database());
        QVERIFY(!program.database().importDialog());
        // The import asks for a file at once: that dialog is closed as soon as it is up.
        QTimer closeFileDialog;
        connect(&closeFileDialog, &QTimer::timeout, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        });
        closeFileDialog.start(50);
        emit window.resultPage()->importRequested();
        closeFileDialog.stop();
        QVERIFY(program.database().importDialog());
        program.database().importDialog()->close();
    }

    // A lookup before the first frame has opened it opens it then: no "no database" answer
    // because of the deferred start.
    void programLookupBeforeTheFirstFrameOpensTheDatabase() {
        {
            auto db = open();
            db->codes().importCsv("serial,code\nBE473935000375,0007\n",
                                  QStringLiteral("dealer.csv"));
        }
        FinderProgram program;
        QVERIFY(program.database().session().isPending());
        QVERIFY(program.window().lookUp(QStringLiteral("BE473935000375"), Family::Becker));
        QVERIFY(!program.database().session().isPending());
        QCOMPARE(program.window().resultPage()->codeText(), QStringLiteral("0007"));
    }

    // "Code refused" asks first (a wrong click would count an attempt), neither outcome button
    // has an Alt key of its own, and every action says on the page that it happened.
    void outcomesAskAndSayWhatHappened() {
        {
            auto db = open();
            db->codes().importCsv("serial,code\nBP934515516803,1234\n",
                                  QStringLiteral("dealer.csv"));
        }
        FinderProgram program;
        MainWindow& window = program.window();
        DatabaseIntegration& integration = program.database();
        window.show();
        QVERIFY(window.lookUp(QStringLiteral("BP934515516803"), std::nullopt));
        for (QPushButton* button : {integration.workedButton(), integration.refusedButton()}) {
            QVERIFY(button->isVisible());
            QVERIFY2(QKeySequence::mnemonic(button->text()).isEmpty(), qPrintable(button->text()));
        }
        // Alt+R (Renault on the first page) on the result page records nothing.
        QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
        QApplication::processEvents();
        Database* db = integration.session().database();
        QCOMPARE(db->jobLog().jobs().size(), 0);

        QStringList questions;
        bool answer = false;
        integration.setConfirmation([&](const QString& question) {
            questions << question;
            return answer;
        });
        QTest::mouseClick(integration.refusedButton(), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.first().contains(QLatin1String("1234")));
        QCOMPARE(db->jobLog().jobs().size(), 0); // cancelled: nothing counted
        answer = true;
        QTest::mouseClick(integration.refusedButton(), Qt::LeftButton);
        closeWarnings();
        QCOMPARE(db->jobLog().jobs().size(), 1);
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Refused);
        QVERIFY2(window.noticeText().contains(QLatin1String("refused")),
                 qPrintable(window.noticeText()));
        QVERIFY(window.noticeLabel()->isVisible());
        window.jobDetailsPage()->technicianEdit()->setText(QStringLiteral("Ann"));
        QTest::mouseClick(integration.workedButton(), Qt::LeftButton);
        QCOMPARE(db->jobLog().jobs().size(), 1); // the same job, updated
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);
        QVERIFY2(window.noticeText().contains(QLatin1String("recorded as worked")),
                 qPrintable(window.noticeText()));
        // The page shows the code's new source at once.
        QVERIFY2(window.resultPage()->sourceText().contains(QLatin1String("Ann")),
                 qPrintable(window.resultPage()->sourceText()));
        QTest::mouseClick(integration.saveJobButton(), Qt::LeftButton);
        QCOMPARE(window.noticeText(), QStringLiteral("Job saved."));
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked); // saving keeps it
    }

    // Notes are kept with the job; printing or saving the sheet saves the job, once per radio.
    void sheetSavesTheJobWithItsNotes() {
        FinderProgram program;
        MainWindow& window = program.window();
        window.show();
        Database* db = program.database().session().database();
        QVERIFY(db);
        QVERIFY(window.lookUp(QStringLiteral("M212365"), std::nullopt));
        window.jobDetailsPage()->customerEdit()->setText(QStringLiteral("Smith"));
        window.jobDetailsPage()->notesEdit()->setPlainText(QStringLiteral("Radio out, aerial ok"));
        const QString pdf = dir_.filePath(QStringLiteral("sheet.pdf"));
        QVERIFY(window.saveSheetAs(pdf, PaperSize::A4));
        QCOMPARE(db->jobLog().jobs().size(), 1);
        QCOMPARE(db->jobLog().jobs().first().notes, QStringLiteral("Radio out, aerial ok"));
        QCOMPARE(db->jobLog().jobs().first().code, QStringLiteral("3633"));
        QVERIFY2(window.noticeText().contains(QLatin1String("Job saved")),
                 qPrintable(window.noticeText()));
        QVERIFY(window.noticeText().contains(QLatin1String("sheet.pdf")));
        // Saved again after a change, and looked up again: still one job.
        window.jobDetailsPage()->notesEdit()->setPlainText(QStringLiteral("Second note"));
        QVERIFY(window.saveSheetAs(pdf, PaperSize::A4));
        QVERIFY(window.lookUp(QStringLiteral("M212365"), std::nullopt));
        QVERIFY(window.saveSheetAs(pdf, PaperSize::A4));
        QCOMPARE(db->jobLog().jobs().size(), 1);
        QCOMPARE(db->jobLog().jobs().first().notes, QStringLiteral("Second note"));

        // Reopened from the history: the notes come back, and go on the sheet again.
        window.newRadio();
        program.database().openHistory();
        HistoryWindow* history = program.database().historyWindow();
        QCOMPARE(history->table()->rowCount(), 1);
        QCOMPARE(history->table()->item(0, 9)->text(), QStringLiteral("Second note"));
        history->table()->selectRow(0);
        QTest::mouseClick(history->reopenButton(), Qt::LeftButton);
        QCOMPARE(window.currentJobDetails().notes, QStringLiteral("Second note"));
        QCOMPARE(window.currentSheet().job.notes, QStringLiteral("Second note"));
        QVERIFY(window.saveSheetAs(pdf, PaperSize::A4));
        QCOMPARE(db->jobLog().jobs().size(), 1); // the reopened job, not a new one

        // Export has a notes column.
        const QString out = dir_.filePath(QStringLiteral("notes.csv"));
        history->refresh();
        QVERIFY(history->exportTo(out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("\xEF\xBB\xBF"
                                "id,time,technician,customer,registration,vin,family,serial,code,"
                                "source,outcome,attempts,part_number,notes,label_photo\n"),
                 csv.constData());
        QVERIFY(csv.contains("Second note"));
        history->close();
    }

    // A mistaken click is not forever: the history changes a job's outcome afterwards.
    void historyChangesAnOutcome() {
        auto db = open();
        storage::Job job;
        job.serial = QStringLiteral("J727");
        job.family = Family::Renault;
        job.code = QStringLiteral("6586");
        job.outcome = storage::Outcome::Refused;
        job.attempts = 1;
        QVERIFY(db->jobLog().addJob(job));
        QCOMPARE(db->jobLog().attempts(Family::Renault, QStringLiteral("J727")).refusedAttempts, 1);
        HistoryWindow history(db.get());
        history.show();
        QVERIFY(!history.changeOutcomeButton()->isEnabled());
        history.table()->selectRow(0);
        QVERIFY(history.changeOutcomeButton()->isEnabled());
        QVERIFY(history.changeOutcomeButton()->menu());
        QCOMPARE(history.changeOutcomeButton()->menu()->actions().size(), 3);
        QVERIFY(history.changeOutcome(storage::Outcome::NotTried));
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::NotTried);
        QCOMPARE(db->jobLog().jobs().first().attempts, 0);
        QCOMPARE(db->jobLog().attempts(Family::Renault, QStringLiteral("J727")).refusedAttempts, 0);
        QVERIFY(history.statusText().contains(QLatin1String("J727")));
        QCOMPARE(history.table()->item(0, 4)->text(),
                 storage::StorageTexts::outcomeName(storage::Outcome::NotTried));
        history.changeOutcomeButton()->menu()->actions().at(0)->trigger(); // worked
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);
    }

    // "Change outcome" in the history teaches the code database as the result page's buttons
    // do: worked -> refused flags the code (shown on the result page at once, with who),
    // refused -> worked clears the flag. A waiting job says so in the whole list.
    void historyOutcomeChangeTeachesTheCodeDatabase() {
        const QString serial = QStringLiteral("BP934515516803");
        {
            auto db = open();
            QVERIFY(db->codes()
                        .importCsv("serial,code\nBP934515516803,1234\n", QStringLiteral("d.csv"))
                        .ok());
        }
        FinderProgram program;
        MainWindow& window = program.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DatabaseIntegration& integration = program.database();
        Database* db = integration.session().database();
        QVERIFY(db);
        JobDetails details;
        details.technician = QStringLiteral("Ann");
        window.setJobDetails(details);
        QVERIFY(window.lookUp(serial, std::nullopt));
        QTest::mouseClick(integration.workedButton(), Qt::LeftButton);
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());
        QVERIFY(window.resultPage()->refusedText().isEmpty());

        integration.openHistory();
        HistoryWindow* history = integration.historyWindow();
        QVERIFY(history);
        history->table()->selectRow(0);
        QVERIFY(history->changeOutcome(storage::Outcome::Refused));
        auto stored = db->codes().findCode(Family::Blaupunkt, serial);
        QVERIFY(stored->wasRefused());
        QCOMPARE(stored->refusedBy, QStringLiteral("Ann"));
        QVERIFY2(window.resultPage()->refusedText().contains(QLatin1String("refused on a radio by "
                                                                           "Ann")),
                 qPrintable(window.resultPage()->refusedText()));
        // ...and the next lookup of the radio says so too.
        QVERIFY(window.lookUp(serial, std::nullopt));
        QVERIFY(!window.resultPage()->refusedText().isEmpty());
        closeWarnings();

        history->table()->selectRow(0);
        QVERIFY(history->changeOutcome(storage::Outcome::Worked));
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());
        QVERIFY(window.resultPage()->refusedText().isEmpty());

        // A job waiting for a dealer's code: "Waiting for code since …", not "Not tried".
        storage::Job waiting;
        waiting.serial = QStringLiteral("BE473935000375");
        waiting.family = Family::Becker;
        const qint64 id = db->jobLog().addJob(waiting).value_or(0);
        QVERIFY(db->jobLog().addCodeRequest(id, QStringLiteral("Nissan Kartal")));
        history->refresh();
        QString outcomes;
        for (int row = 0; row < history->table()->rowCount(); ++row)
            outcomes += history->table()->item(row, 4)->text() + QLatin1Char('|');
        QVERIFY2(outcomes.contains(QStringLiteral("Waiting for code since %1 (asked Nissan Kartal)")
                                       .arg(QDate::currentDate().toString(Qt::ISODate))),
                 qPrintable(outcomes));
        QVERIFY2(!outcomes.contains(storage::StorageTexts::outcomeName(storage::Outcome::NotTried)),
                 qPrintable(outcomes));
        history->close();
    }

    // The result page never goes stale: an empty database says so and offers the import; a
    // code that arrives meanwhile (an import, another PC) shows when the page is looked at
    // again.
    void resultPageFollowsTheDatabase() {
        FinderProgram program;
        MainWindow& window = program.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(program.database().session().database());
        QVERIFY(window.lookUp(QStringLiteral("BP934515516803"), std::nullopt));
        QCOMPARE(window.currentResult().status, LookupStatus::NotFound);
        QVERIFY(window.resultPage()->emptyDatabaseOfferShown());
        QVERIFY(window.resultPage()->importButton()->isVisible());
        // Another PC sharing the database imports a list meanwhile.
        {
            auto other = open();
            QVERIFY(
                other->codes()
                    .importCsv("serial,code\nBP934515516803,4321\n", QStringLiteral("dealer.csv"))
                    .ok());
        }
        // Looked at again (back from the job details): the current answer.
        window.showPage(MainWindow::Page::JobDetails);
        window.showPage(MainWindow::Page::Result);
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("4321"));
        QVERIFY(!window.resultPage()->emptyDatabaseOfferShown());
        QVERIFY(program.database().workedButton()->isVisible());
        QVERIFY(window.noticeText().contains(QLatin1String("BP934515516803")));
        // And when the window becomes active again (back from another program).
        {
            auto other = open();
            QCOMPARE(other->codes().addConfirmedCode(Family::Blaupunkt,
                                                     QStringLiteral("BP934515516803"),
                                                     QStringLiteral("4321"), QStringLiteral("Ann")),
                     storage::AddResult::Confirmed);
        }
        QEvent activate(QEvent::WindowActivate);
        QApplication::sendEvent(&window, &activate);
        QVERIFY2(window.resultPage()->sourceText().contains(QLatin1String("Ann")),
                 qPrintable(window.resultPage()->sourceText()));
    }

    void resultPageRecordsJobsAndWarns() {
        {
            auto db = open();
            db->codes().importCsv("serial,code\nBP934515516803,1234\n",
                                  QStringLiteral("dealer.csv"));
        }
        CodeFinder finder;
        DatabaseIntegration integration(finder);
        QVERIFY2(integration.session().database(), qPrintable(integration.session().error()));
        MainWindow window(finder);
        integration.attach(window);
        window.setKeepDetailsQuestion([](const QString&) { return true; });
        window.show();
        QVERIFY(window.lookUp(QStringLiteral("BP934515516803"), std::nullopt));
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("1234"));
        QVERIFY(integration.workedButton()->isVisible());
        QVERIFY(integration.refusedButton()->isVisible());
        QVERIFY(!integration.recordCodeButton()->isVisible());

        JobDetails details;
        details.technician = QStringLiteral("Ann");
        details.customer = QStringLiteral("Smith");
        window.setJobDetails(details);
        integration.setConfirmation([](const QString&) { return true; });
        for (int i = 0; i < 3; ++i)
            QTest::mouseClick(integration.refusedButton(), Qt::LeftButton);
        QVERIFY2(integration.lastWarning().contains(QLatin1String("wait about an hour")),
                 qPrintable(integration.lastWarning()));
        closeWarnings();
        Database* db = integration.session().database();
        QCOMPARE(db->jobLog().jobs().size(), 1); // one job, three attempts
        QCOMPARE(db->jobLog().jobs().first().attempts, 3);
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Refused);
        QCOMPARE(db->jobLog().jobs().first().customer, QStringLiteral("Smith"));
        QCOMPARE(db->jobLog().jobs().first().source, Provenance::imported("dealer.csv"));

        // The next lookup of that radio warns before the next try.
        QVERIFY(window.lookUp(QStringLiteral("BP934515516803"), std::nullopt));
        QVERIFY(integration.lastWarning().contains(QLatin1String("wait about an hour")));
        closeWarnings();
        QTest::mouseClick(integration.workedButton(), Qt::LeftButton);
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);
        // The imported code worked on the radio: it is now a confirmed code.
        QCOMPARE(
            db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->source(),
            QStringLiteral("database:confirmed:Ann"));
        QCOMPARE(db->jobLog()
                     .attempts(Family::Blaupunkt, QStringLiteral("BP934515516803"))
                     .refusedAttempts,
                 0);

        // No code on record: the technician records the one that worked.
        QVERIFY(window.lookUp(QStringLiteral("BE473935000375"), std::nullopt));
        QVERIFY(window.resultPage()->codeText().isEmpty());
        QVERIFY(integration.recordCodeButton()->isVisible());
        QVERIFY(!integration.workedButton()->isVisible());
        QVERIFY(!integration.recordWorkingCode(QStringLiteral("12a4")));
        closeWarnings();
        QVERIFY(integration.recordWorkingCode(QStringLiteral("0042")));
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("0042"));
        const auto stored = db->codes().findCode(Family::Becker, QStringLiteral("BE473935000375"));
        QCOMPARE(stored->source(), QStringLiteral("database:confirmed:Ann"));
        QCOMPARE(db->jobLog().jobs().first().outcome, storage::Outcome::Worked);

        // Reopening a job from the history shows its code and details again.
        storage::Job old = db->jobLog().jobs().last();
        window.newRadio();
        integration.reopenJob(old);
        QCOMPARE(window.currentPage(), MainWindow::Page::Result);
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("1234"));
        QCOMPARE(window.currentJobDetails().customer, QStringLiteral("Smith"));

        // The Database menu offers import, history and settings.
        QVERIFY(window.databaseMenu()->actions().size() >= 4);
    }
};

QTEST_MAIN(TestDatabaseWidgets)
#include "tst_database_widgets.moc"
