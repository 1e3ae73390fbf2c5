// The desktop program never waits for a PostgreSQL server on its GUI thread: while the database
// is opened, while an action that needs it waits for it, and while a lost connection is made
// again. A timer ticking every 20 ms stands for the window's event loop; its longest gap shows
// whether anything blocked it. The server that never answers is a socket that listens on
// 127.0.0.1 and never reads (the kernel accepts the connections), so libpq waits for its
// connect_timeout. The restarts use a throwaway server of the storage suite's fixture
// (tests/db/postgres_fixture.sh), its own, because this test stops and starts it.
#include "common/texts.h"
#include "gui/database/database_session.h"
#include "gui/finder_program.h"
#include "gui/result_page.h"
#include "process_run.h"

#include "radiocode/code_source.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace radiocode;
using namespace radiocode::gui;
using radiocode::storage::Database;

namespace {

const QString fixture = QStringLiteral(RADIOCODE_SOURCE_DIR "/tests/db/postgres_fixture.sh");

// What a blocked GUI thread would show: the connect timeout. Gaps are allowed far more than a
// loaded CI machine (two cores, several suites) ever takes between two ticks, and far less than
// the connect timeout.
constexpr int connectTimeoutS = 3;
constexpr int allowedGapMs = 1000;
constexpr int workTimeoutMs = 60000;

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

// The longest time between two ticks of a 20 ms timer while it runs.
class GapMeter {
public:
    GapMeter() {
        timer_.setInterval(20);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            longest_ = std::max(longest_, sinceTick_.restart());
            ++ticks_;
        });
        sinceTick_.start();
        timer_.start();
    }
    qint64 longestGapMs() const { return std::max(longest_, sinceTick_.elapsed()); }
    int ticks() const { return ticks_; }

private:
    QTimer timer_;
    QElapsedTimer sinceTick_;
    qint64 longest_ = 0;
    int ticks_ = 0;
};

// A server that accepts TCP connections (the kernel does, from the backlog) and never answers.
class SilentServer {
public:
    explicit SilentServer(int port = 0) {
        socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
        const int yes = 1;
        ::setsockopt(socket_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port));
        socklen_t length = sizeof address;
        if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(socket_, 16) != 0 ||
            ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            close();
            return;
        }
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    bool listening() const { return socket_ >= 0; }
    int port() const { return port_; }
    // The connections waiting in the backlog are reset: their clients fail at once.
    void close() {
        if (socket_ >= 0)
            ::close(socket_);
        socket_ = -1;
    }

private:
    int socket_ = -1;
    int port_ = 0;
};

QString silentUrl(const SilentServer& server) {
    return QStringLiteral("postgresql://ann@127.0.0.1:%1/codes?connect_timeout=%2")
        .arg(server.port())
        .arg(connectTimeoutS);
}

} // namespace

class TestDatabaseReconnect : public QObject {
    Q_OBJECT

    QTemporaryDir state_;
    QString url_; // the fixture's server, with a short connect timeout
    int port_ = 0;
    bool started_ = false;

    // The fixture's server stopped (its data kept) and started again on the same port.
    bool fixtureDoes(const QString& action) {
        const auto run = test::runProcess(QStringLiteral("bash"), {fixture, action, state_.path()});
        if (run.exitCode != 0)
            qWarning("postgres_fixture.sh %s: %s", qPrintable(action), run.err.constData());
        return run.exitCode == 0;
    }
    // The server's packets dropped (in, and out) or let through again: iptables, in the
    // network namespace of this test's own.
    bool cable(bool pluggedIn) {
        bool done = true;
        for (const char* direction : {"--dport", "--sport"}) {
            const auto run = test::runProcess(
                QStringLiteral("iptables"),
                {pluggedIn ? QStringLiteral("-D") : QStringLiteral("-I"), QStringLiteral("INPUT"),
                 QStringLiteral("-p"), QStringLiteral("tcp"), QString::fromLatin1(direction),
                 QString::number(port_), QStringLiteral("-j"), QStringLiteral("DROP")});
            done = done && run.exitCode == 0;
        }
        return done;
    }
    // `session` on the fixture's server with `code` confirmed for the Blaupunkt `serial`, and
    // `finder` answering it from there: the session's database, or nullptr (with a warning)
    // when any of that failed.
    Database* openWithCode(DatabaseSession& session, CodeFinder& finder, const char* serial,
                           const char* code) {
        if (!session.open(url_)) {
            qWarning("cannot open %s: %s", qPrintable(url_), qPrintable(session.error()));
            return nullptr;
        }
        Database* database = session.openDatabase();
        if (database->codes().addConfirmedCode(Family::Blaupunkt, QString::fromLatin1(serial),
                                               QString::fromLatin1(code), QStringLiteral("Ann")) !=
            storage::AddResult::Added) {
            qWarning("%s was not added", serial);
            return nullptr;
        }
        finder.addSource(&session);
        const LookupResult found = finder.lookup(serial);
        if (!found.answer || found.answer->code != code) {
            qWarning("%s was not answered with %s", serial, code);
            return nullptr;
        }
        return database;
    }
    bool stopServer() { return fixtureDoes(QStringLiteral("halt")); }
    bool startServer() { return fixtureDoes(QStringLiteral("resume")); }
    void requireServer() {
        if (!started_)
            QSKIP("no PostgreSQL test server (see initTestCase)");
    }

private slots:
    void initTestCase() {
        QVERIFY(state_.isValid());
        radiocode::test::isolateThisProgram(state_.path());
        const auto started = test::runProcess(QStringLiteral("bash"),
                                              {fixture, QStringLiteral("start"), state_.path()});
        if (started.exitCode != 0) {
            qWarning("no PostgreSQL test server: %s", started.err.constData());
            return; // the tests with the silent server run all the same
        }
        started_ = true;
        const QString url = QString::fromUtf8(readFile(state_.filePath(QStringLiteral("url"))));
        url_ = url + QStringLiteral("?connect_timeout=%1").arg(connectTimeoutS);
        port_ = QUrl(url).port();
        QVERIFY(!url.isEmpty() && port_ > 0);
    }

    void cleanupTestCase() {
        if (started_)
            test::runProcess(QStringLiteral("bash"),
                             {fixture, QStringLiteral("stop"), state_.path()});
    }

    // The first open, on a server that never answers: the event loop runs on until the attempt
    // ends, and a lookup meanwhile says the database is being opened.
    void openingKeepsTheEventLoopRunning() {
        SilentServer silent;
        QVERIFY(silent.listening());
        DatabaseSession session;
        session.openLater(silentUrl(silent));
        GapMeter meter;
        QElapsedTimer took;
        took.start();
        session.openInBackground();
        QVERIFY(session.isOpening());
        CodeFinder finder;
        finder.addSource(&session);
        const LookupResult during = finder.lookup("BP934515516803");
        QCOMPARE(during.status, LookupStatus::NotFound);
        QVERIFY2(Texts::fromUtf8(during.sourceFailure).contains(QLatin1String("being opened")),
                 during.sourceFailure.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(!session.isOpening(), workTimeoutMs);
        qInfo("opening: the attempt took %lld ms, the longest gap between ticks %lld ms (%d ticks)",
              took.elapsed(), meter.longestGapMs(), meter.ticks());
        QVERIFY(took.elapsed() >= 1000); // it did wait for the server, elsewhere
        QVERIFY2(meter.longestGapMs() < allowedGapMs,
                 qPrintable(QString::number(meter.longestGapMs())));
        QVERIFY(!session.openDatabase());
        QVERIFY(!session.error().isEmpty());
    }

    // An action that needs the database (the job log) while it is being opened: it waits with
    // the event loop running, a modal progress dialog says why, and Esc gives up waiting.
    void actionWaitsWithACancellableDialog() {
        SilentServer silent;
        QVERIFY(silent.listening());
        DatabaseSession session;
        session.openLater(silentUrl(silent));
        session.openInBackground();
        GapMeter meter;
        QPointer<QProgressDialog> shown;
        bool wasModal = false;
        QString label;
        QTimer::singleShot(1200, [&] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                auto* progress = qobject_cast<QProgressDialog*>(widget);
                if (progress && progress->isVisible()) {
                    shown = progress;
                    wasModal = progress->isModal();
                    label = progress->labelText();
                    QTest::keyClick(progress, Qt::Key_Escape);
                }
            }
        });
        QElapsedTimer took;
        took.start();
        Database* database = session.database();
        qInfo("an action waiting: cancelled after %lld ms, the longest gap between ticks %lld ms",
              took.elapsed(), meter.longestGapMs());
        QVERIFY(!database);
        QVERIFY2(!label.isEmpty(), "no progress dialog while the action waited");
        QVERIFY(wasModal);
        QVERIFY2(label.contains(QLatin1String("Connecting")), qPrintable(label));
        QVERIFY(took.elapsed() < connectTimeoutS * 1000); // given up by Esc, not by the timeout
        QVERIFY(meter.longestGapMs() < allowedGapMs);
        QVERIFY(session.isOpening()); // the attempt goes on; a later action finds its outcome
        QVERIFY(session.error().contains(QLatin1String("being opened")));

        // Not cancelled: the action goes on when the attempt ends (here: it fails).
        took.restart();
        QVERIFY(!session.database());
        qInfo("an action waiting to the end: %lld ms, the longest gap between ticks %lld ms",
              took.elapsed(), meter.longestGapMs());
        QVERIFY(!session.isOpening());
        QVERIFY(meter.longestGapMs() < allowedGapMs);
        QVERIFY(!session.error().isEmpty());
    }

    // A database that the program reconnects elsewhere: a call that finds the connection lost
    // fails at once and says so (the command-line program reconnects inside the call instead).
    void lostConnectionFailsFastWhenTheProgramReconnects() {
        requireServer();
        int told = 0;
        storage::OpenOptions options;
        options.connectionLost = [&told] { ++told; };
        QString error;
        auto db = Database::open(url_, &error, options);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                              QStringLiteral("1234"), QStringLiteral("Ann")),
                 storage::AddResult::Added);
        QVERIFY(stopServer());
        QVERIFY(startServer());
        bool failed = false;
        QVERIFY(
            !db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"), &failed));
        QVERIFY(failed);
        QVERIFY(db->connectionLost());
        QCOMPARE(told, 1);
        QVERIFY2(db->lastError().contains(QLatin1String("Lost the connection")),
                 qPrintable(db->lastError()));
        QVERIFY(db->codes().codeCount() < 0); // still lost: nothing reconnects inside a call
        QVERIFY(db->connectionLost());
        QCOMPARE(told, 2); // each call that finds it lost says so
        QVERIFY2(db->reconnect(&error), qPrintable(error));
        QVERIFY(!db->connectionLost());
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("1234"));

        // Without connectionLost (the command-line program): reconnected inside the call.
        auto inline_ = Database::open(url_, &error);
        QVERIFY2(inline_, qPrintable(error));
        QVERIFY(stopServer());
        QVERIFY(startServer());
        const auto found =
            inline_->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QVERIFY2(found, qPrintable(inline_->lastError()));
        QVERIFY(!inline_->connectionLost());
    }

    // The server restarted: the next lookup says the connection is being made again (never
    // "no code on record"), it is made on a worker, and a lookup then is answered again. While
    // the server cannot be reached (a silent one on its port), neither the lookups nor an
    // action waiting for the database stop the event loop.
    void lostConnectionIsMadeAgainInTheBackground() {
        requireServer();
        DatabaseSession session;
        CodeFinder finder;
        Database* database = openWithCode(session, finder, "BP111122223333", "4321");
        QVERIFY(database);

        // Restarted: the lookup after it is not answered from a connection made inline.
        QVERIFY(stopServer());
        QVERIFY(startServer());
        QSignalSpy changed(&session, &DatabaseSession::databaseChanged);
        LookupResult result = finder.lookup("BP111122223333");
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY2(Texts::fromUtf8(result.sourceFailure).contains(QLatin1String("connection")),
                 result.sourceFailure.c_str());
        QVERIFY(!Texts::noCodeReason(result).contains(QLatin1String("holds no code")));
        QVERIFY(session.isReconnecting());
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        QCOMPARE(session.openDatabase(), database); // the same database, connected again
        QVERIFY(!database->connectionLost());
        QVERIFY(changed.count() >= 2); // "connecting again", then the outcome
        result = finder.lookup("BP111122223333");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("4321"));

        // Stopped, and something on its port that never answers: reconnecting waits for the
        // connect timeout, on the worker.
        QVERIFY(stopServer());
        auto silent = std::make_unique<SilentServer>(port_);
        QVERIFY(silent->listening());
        auto restart = qScopeGuard([&] {
            silent.reset();
            startServer();
        });
        GapMeter meter;
        QElapsedTimer took;
        took.start();
        result = finder.lookup("BP111122223333");
        const qint64 lookupMs = took.elapsed();
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY(!result.sourceFailure.empty());
        QVERIFY(session.isReconnecting());
        // An action meanwhile waits for the attempt (no Esc here), the event loop running.
        Database* forAction = session.database();
        const qint64 actionMs = took.elapsed();
        qInfo("reconnecting to a silent server: the lookup took %lld ms, the action waited %lld "
              "ms, the longest gap between ticks %lld ms (%d ticks)",
              lookupMs, actionMs, meter.longestGapMs(), meter.ticks());
        QVERIFY(lookupMs < allowedGapMs);
        QVERIFY(actionMs >= 1000); // it did wait for the attempt
        QVERIFY(meter.longestGapMs() < allowedGapMs);
        QVERIFY(!session.isReconnecting());
        QCOMPARE(forAction, database); // still lost: its calls say so at once
        QVERIFY(database->connectionLost());
        QVERIFY(database->codes().codeCount() < 0);
        QVERIFY2(session.error().contains(QLatin1String("cannot be reached")),
                 qPrintable(session.error()));
        result = finder.lookup("BP111122223333"); // starts the next attempt
        QVERIFY2(Texts::fromUtf8(result.sourceFailure).contains(QLatin1String("cannot be reached")),
                 result.sourceFailure.c_str());
        QVERIFY(session.isReconnecting());

        // Back: the attempt under way fails at once (its connection reset), the next one
        // reaches the server, and lookups are answered again.
        restart.dismiss();
        silent.reset();
        QVERIFY(startServer());
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        if (database->connectionLost()) {
            finder.lookup("BP111122223333");
            QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        }
        QVERIFY2(!database->connectionLost(), qPrintable(session.error()));
        result = finder.lookup("BP111122223333");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("4321"));
        QVERIFY(result.sourceFailure.empty());
    }

    // A pulled network cable: the server's packets stop and nothing resets the connection, so
    // only TCP could tell, after a quarter of an hour. A lookup on the dead connection gives up
    // after the read timeout (tcp_user_timeout); on one that has been idle for a while the
    // keepalives have found it dead already and the lookup fails at once. Runs as
    // tst_db_pulled_cable, in a network of its own (in_own_network.sh), where iptables can
    // drop the server's packets.
    void pulledCableIsFoundWithoutWaitingForTcp() {
        if (!qEnvironmentVariableIsSet("RADIOCODE_TEST_OWN_NETWORK"))
            QSKIP("runs as tst_db_pulled_cable, in a network namespace of its own");
        requireServer();
        DatabaseSession session;
        CodeFinder finder;
        Database* database = openWithCode(session, finder, "BP444455556666", "1357");
        QVERIFY(database);
        const qint64 readTimeoutMs = storage::OpenOptions::defaultReadTimeoutMs();
        auto plugIn = qScopeGuard([&] { cable(true); });

        // Pulled while a lookup is sent: its packets are never acknowledged.
        QVERIFY(cable(false));
        QElapsedTimer took;
        took.start();
        LookupResult result = finder.lookup("BP444455556666");
        const qint64 sentMs = took.elapsed();
        QCOMPARE(result.status, LookupStatus::NotFound);
        QVERIFY(!result.sourceFailure.empty());
        QVERIFY(!Texts::noCodeReason(result).contains(QLatin1String("holds no code")));
        QVERIFY(session.isReconnecting());
        // The attempt to connect again waits on the worker, and fails: the cable is still out.
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        QVERIFY(database->connectionLost());

        // Plugged in again: the next lookup starts an attempt that reaches the server.
        QVERIFY(cable(true));
        finder.lookup("BP444455556666");
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        QVERIFY2(!database->connectionLost(), qPrintable(session.error()));
        QCOMPARE(finder.lookup("BP444455556666").answer->code, std::string("1357"));

        // Pulled while nobody asks anything: by the next lookup the keepalives (10 s idle, then
        // probes) have found the connection dead.
        QVERIFY(cable(false));
        QTest::qWait(16000);
        took.restart();
        result = finder.lookup("BP444455556666");
        const qint64 idleMs = took.elapsed();
        QVERIFY(!result.sourceFailure.empty());
        QVERIFY(session.isReconnecting());
        qInfo("a pulled cable: a lookup sent on it gave up after %lld ms (read timeout %lld ms), "
              "one after 16 s idle after %lld ms",
              sentMs, readTimeoutMs, idleMs);
        QVERIFY(sentMs < readTimeoutMs + 1500);
        QVERIFY(idleMs < allowedGapMs);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
    }

    // The program as the technician has it: a lookup after a restart says the connection is
    // being made again, "Save job" meanwhile waits for it and saves, and the result page shows
    // the code by itself once the database answers.
    void programRecoversFromARestart() {
        requireServer();
        qputenv(storage::DatabaseUrl::environmentVariable, url_.toUtf8());
        const auto unset =
            qScopeGuard([] { qunsetenv(storage::DatabaseUrl::environmentVariable); });
        {
            QString error;
            auto db = Database::open(url_, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->codes()
                        .importCsv("serial,code\nBP555566667777,2468\n", QStringLiteral("r.csv"))
                        .ok());
        }
        FinderProgram program;
        MainWindow& window = program.window();
        DatabaseSession& session = program.database().session();
        QSignalSpy firstFrame(&window, &MainWindow::firstFrameShown);
        window.show();
        QVERIFY(firstFrame.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(session.openDatabase() && !session.isOpening(), workTimeoutMs);
        QVERIFY(window.lookUp(QStringLiteral("BP555566667777"), std::nullopt));
        QCOMPARE(window.resultPage()->codeText(), QStringLiteral("2468"));

        QVERIFY(stopServer());
        QVERIFY(startServer());
        GapMeter meter;
        QVERIFY(window.lookUp(QStringLiteral("BP555566667777"), std::nullopt));
        QVERIFY(window.resultPage()->codeText().isEmpty()); // not asked, and not "no code" either
        QVERIFY(!window.currentResult().sourceFailure.empty());
        QVERIFY(session.isReconnecting());
        QPushButton* saveJob = program.database().saveJobButton();
        QVERIFY(saveJob->isVisible());
        saveJob->click(); // waits for the connection, the event loop running
        QVERIFY2(program.database().currentJobId() > 0, qPrintable(program.database().lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(window.resultPage()->codeText(), QStringLiteral("2468"),
                                  workTimeoutMs);
        qInfo("the program after a restart: the longest gap between ticks %lld ms",
              meter.longestGapMs());
        QVERIFY(meter.longestGapMs() < allowedGapMs);

        // A serial not on record, looked up while the connection is lost: "could not be asked"
        // turns into "not on record" by itself once the database answers again.
        QTRY_VERIFY_WITH_TIMEOUT(!session.isReconnecting(), workTimeoutMs);
        QVERIFY(stopServer());
        QVERIFY(startServer());
        QVERIFY(window.lookUp(QStringLiteral("BP555566660000"), std::nullopt));
        QVERIFY(!window.currentResult().sourceFailure.empty());
        QTRY_VERIFY_WITH_TIMEOUT(window.currentResult().sourceFailure.empty(), workTimeoutMs);
        QCOMPARE(window.currentResult().status, LookupStatus::NotFound);
        QVERIFY(window.resultPage()->codeText().isEmpty());
        QVERIFY2(window.noticeText().contains(QStringLiteral("holds no code for BP555566660000")),
                 qPrintable(window.noticeText()));
    }
};

QTEST_MAIN(TestDatabaseReconnect)
#include "tst_database_reconnect.moc"
