// PostgreSQL stopped in the middle of a session: a program holds an open Database, the
// server goes away, calls fail with a clear error and never invent a code, the server comes back,
// and nothing saved before is lost. Uses its own throwaway server from the storage suite's
// fixture (tests/db/postgres_fixture.sh), because this test stops and starts it.
#include "storage/code_database_source.h"
#include "storage/database.h"

#include "radiocode/code_source.h"

#include "postgres_server.h"
#include "process_run.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

// True when `program` ran and exited 0; `output`: what it wrote, standard output then error.
bool run(const QString& program, const QStringList& arguments, QByteArray* output = nullptr) {
    const radiocode::test::Run result = radiocode::test::runProcess(program, arguments);
    if (output)
        *output = result.out + result.err;
    return !result.crashed && result.exitCode == 0;
}

} // namespace

class PostgresFaultsTest : public QObject {
    Q_OBJECT

    QTemporaryDir state_;
    radiocode::test::PostgresServer server_{state_.path()};
    QString url_;
    QString dataDir_; // the fixture's folder: the cluster is in dataDir_/db
    int port_ = 0;

    // pg_ctl as the server's user (the fixture runs the server as "postgres" when we are root).
    bool pgCtl(const QStringList& arguments) {
        QStringList command{QStringLiteral("-D"), dataDir_ + QStringLiteral("/db")};
        command += arguments;
        const QString pgCtlPath =
            QString::fromUtf8(server_.state(QStringLiteral("bindir"))) + QStringLiteral("/pg_ctl");
        QByteArray output;
        const bool ok = ::geteuid() == 0
                            ? run(QStringLiteral("runuser"),
                                  QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                              QStringLiteral("--"), pgCtlPath} +
                                      command,
                                  &output)
                            : run(pgCtlPath, command, &output);
        if (!ok)
            qWarning("pg_ctl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                     output.constData());
        return ok;
    }
    bool stopServer() {
        return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                      QStringLiteral("stop")});
    }
    bool startServer() {
        // The same address, port and socket folder as the fixture chose.
        return pgCtl({QStringLiteral("-l"), dataDir_ + QStringLiteral("/server.log"),
                      QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                      QStringLiteral("-o"),
                      QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off")
                          .arg(port_)
                          .arg(dataDir_),
                      QStringLiteral("start")});
    }

private slots:
    void initTestCase() {
        QString problem;
        if (!server_.start(&problem))
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL test server: ") + problem));
        url_ = server_.url();
        dataDir_ = QString::fromUtf8(server_.state(QStringLiteral("datadir")));
        port_ = QUrl(url_).port();
        // The fixture finds pg_ctl the same way; remember where, for the restarts.
        QByteArray bindir;
        QVERIFY(run(QStringLiteral("bash"),
                    {QStringLiteral("-c"),
                     QStringLiteral("ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1")},
                    &bindir));
        radiocode::test::writeFile(state_.filePath(QStringLiteral("bindir")), bindir.trimmed());
        QVERIFY(!url_.isEmpty() && !dataDir_.isEmpty() && port_ > 0);
    }

    void cleanupTestCase() { server_.stop(); }

    // A write whose first statement meets the restarted server: nothing was written yet, so it
    // reconnects and goes through.
    void writeAfterRestartReconnects() {
        QString error;
        auto session = Database::open(url_, &error);
        QVERIFY2(session, qPrintable(error));
        QVERIFY(stopServer());
        QVERIFY(startServer());
        QCOMPARE(session->codes().addConfirmedCode(Family::Blaupunkt,
                                                   QStringLiteral("BP444444444444"),
                                                   QStringLiteral("8888"), QStringLiteral("Ann")),
                 AddResult::Added);
        QCOMPARE(
            session->codes().findCode(Family::Blaupunkt, QStringLiteral("BP444444444444"))->code,
            QStringLiteral("8888"));
        QVERIFY(stopServer());
        QVERIFY(startServer());
        QVERIFY(session->codes().codeCount() > 0);
        QCOMPARE(session->jobLog().jobs().size(), 0);
        QVERIFY2(session->lastError().isEmpty() || session->codes().codeCount() > 0,
                 qPrintable(session->lastError()));
    }

    void serverStopsMidSession() {
        QString error;
        OpenOptions quick;
        quick.connectTimeoutS = 3;
        auto session = Database::open(url_, &error, quick);
        QVERIFY2(session, qPrintable(error));
        QCOMPARE(session->codes().addConfirmedCode(Family::Blaupunkt,
                                                   QStringLiteral("BP934515516803"),
                                                   QStringLiteral("1234"), QStringLiteral("Ann")),
                 AddResult::Added);
        DatabaseCodeSource source(session.get());
        CodeFinder finder;
        finder.addSource(&source);
        QCOMPARE(finder.lookup("BP934515516803").answer->code, std::string("1234"));

        QVERIFY(stopServer());

        // Every call fails with a sentence about the connection; none makes up a code.
        QVERIFY(!session->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803")));
        QVERIFY2(!session->lastError().isEmpty(), "findCode failed without saying why");
        qInfo("lookup while the server is down: %s", qPrintable(session->lastError()));
        const LookupResult lookup = finder.lookup("BP934515516803");
        QVERIFY(lookup.status != LookupStatus::Ok);
        // Not "the database holds no code": we do not know, and the result says so.
        QCOMPARE(lookup.status, LookupStatus::NotFound);
        QVERIFY2(!lookup.sourceFailure.empty(), "a lookup while the server is down looks absent");
        QVERIFY(QString::fromStdString(lookup.sourceFailure).contains(QLatin1String("connect")));
        QCOMPARE(session->codes().addConfirmedCode(Family::Blaupunkt,
                                                   QStringLiteral("BP111111111111"),
                                                   QStringLiteral("5555"), QStringLiteral("Ann")),
                 AddResult::Failed);
        QVERIFY(!session->lastError().isEmpty());
        const ImportReport report = session->codes().importCsv("serial,code\nBP222222222222,6666\n",
                                                               QStringLiteral("while-down.csv"));
        QCOMPARE(report.status, ImportReport::Status::DatabaseError);
        QVERIFY(!report.failure.isEmpty());
        QVERIFY2(!report.failure.trimmed().endsWith(QLatin1Char(':')), qPrintable(report.failure));
        qInfo("import while the server is down: %s", qPrintable(report.failure));

        QVERIFY(startServer());

        // A new session (what the programs do on the next start or the next command) finds
        // everything saved before and nothing of the failed writes.
        auto next = Database::open(url_, &error, quick);
        QVERIFY2(next, qPrintable(error));
        QCOMPARE(next->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("1234"));
        QVERIFY(!next->codes().findCode(Family::Blaupunkt, QStringLiteral("BP111111111111")));
        QVERIFY(!next->codes().findCode(Family::Blaupunkt, QStringLiteral("BP222222222222")));
        QCOMPARE(next->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP111111111111"),
                                                QStringLiteral("5555"), QStringLiteral("Ann")),
                 AddResult::Added);

        // The session that saw the server go: working again without a restart of the program.
        const auto found =
            session->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QVERIFY2(found.has_value(), qPrintable(session->lastError()));
        QCOMPARE(found->code, QStringLiteral("1234"));
        const LookupResult again = finder.lookup("BP934515516803");
        QCOMPARE(again.status, LookupStatus::Ok);
        QVERIFY(again.sourceFailure.empty());
        QCOMPARE(session->codes().addConfirmedCode(Family::Blaupunkt,
                                                   QStringLiteral("BP333333333333"),
                                                   QStringLiteral("7777"), QStringLiteral("Ann")),
                 AddResult::Added);
        QCOMPARE(next->codes().findCode(Family::Blaupunkt, QStringLiteral("BP333333333333"))->code,
                 QStringLiteral("7777"));
    }
};

QTEST_GUILESS_MAIN(PostgresFaultsTest)
#include "tst_faults_postgres.moc"
