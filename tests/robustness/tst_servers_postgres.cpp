// Servers that misbehave, through the real `radiocode` against a throwaway PostgreSQL server
// (tests/db/postgres_fixture.sh): a lock held on the codes table, a damaged schema, a user who
// may not create tables, an import whose connection the server kills, malformed URLs.
#include "storage/database.h"

#include "postgres_server.h"
#include "process_run.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

const QString program = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");

using radiocode::test::Run;

} // namespace

class ServersTest : public QObject {
    Q_OBJECT

    QTemporaryDir state_;
    radiocode::test::PostgresServer server_{state_.path()};
    QTemporaryDir home_;
    QString url_;

    QProcessEnvironment environment() const {
        QProcessEnvironment env = radiocode::test::isolatedEnvironment(home_.path());
        env.insert(QStringLiteral("RADIOCODE_DB_TIMEOUT"), QStringLiteral("1"));
        env.insert(QStringLiteral("RADIOCODE_DB_WRITE_TIMEOUT"), QStringLiteral("2"));
        return env;
    }

    Run radiocode(const QStringList& arguments, const QByteArray& input = {}) {
        return radiocode::test::runProcess(
            program, arguments,
            radiocode::test::RunOptions().input(input).environment(environment()).timeoutMs(60000));
    }

    // A connection of the test's own, as another program on the network would hold one.
    QSqlDatabase other(const QString& name, const QString& url) {
        const QUrl parsed(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        db.setDatabaseName(parsed.path().mid(1));
        if (!db.open())
            qWarning("%s", qPrintable(db.lastError().text()));
        return db;
    }

    // A fresh database of the server, named `name`, and its URL.
    QString createDatabase(const QString& name) {
        QSqlDatabase admin = other(QStringLiteral("admin-") + name, url_);
        QSqlQuery query(admin);
        query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
        if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qWarning("%s", qPrintable(query.lastError().text()));
        admin.close();
        QUrl url(url_);
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }

    // `radiocode db info` on the database at `url`: opens it (creating the schema) and says what
    // it holds.
    Run dbInfo(const QString& url) {
        return radiocode(
            {QStringLiteral("--database"), url, QStringLiteral("db"), QStringLiteral("info")});
    }

private slots:
    void initTestCase() {
        QVERIFY(home_.isValid());
        QString problem;
        if (!server_.start(&problem))
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL test server: ") + problem));
        url_ = server_.url();
        QVERIFY(!url_.isEmpty());
        QCOMPARE(radiocode({QStringLiteral("--database"), url_, QStringLiteral("db"),
                            QStringLiteral("add"), QStringLiteral("BP934515516803"),
                            QStringLiteral("1234"), QStringLiteral("--technician"),
                            QStringLiteral("Ann")})
                     .exitCode,
                 0);
    }

    void cleanupTestCase() {
        for (const QString& name : QSqlDatabase::connectionNames())
            QSqlDatabase::removeDatabase(name);
        server_.stop();
    }

    void lockedCodesTableMakesLookupBusyNotHang() {
        QSqlDatabase holder = other(QStringLiteral("holder"), url_);
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(QStringLiteral("BEGIN")));
        QVERIFY(lock.exec(QStringLiteral("LOCK TABLE codes IN ACCESS EXCLUSIVE MODE")));

        const Run lookup = radiocode({QStringLiteral("--database"), url_, QStringLiteral("lookup"),
                                      QStringLiteral("BP934515516803")});
        QCOMPARE(lookup.exitCode, 3);
        QVERIFY2(lookup.out.contains("busy") || lookup.err.contains("busy"),
                 (lookup.out + lookup.err).constData());
        QVERIFY2(lookup.ms < 15000, QByteArray::number(lookup.ms).constData());

        const Run json = radiocode({QStringLiteral("--database"), url_, QStringLiteral("lookup"),
                                    QStringLiteral("--json"), QStringLiteral("BP934515516803")});
        QCOMPARE(json.exitCode, 3);
        QVERIFY2(json.out.contains("\"unreachable\""), json.out.constData());

        // A write says what it waited for.
        const Run add = radiocode({QStringLiteral("--database"), url_, QStringLiteral("db"),
                                   QStringLiteral("add"), QStringLiteral("BP538769672026"),
                                   QStringLiteral("1111"), QStringLiteral("--technician"),
                                   QStringLiteral("Ann")});
        QCOMPARE(add.exitCode, 3);
        QVERIFY2(add.err.contains("saving waited 2 s for another program"), add.err.constData());
        const Run import = radiocode({QStringLiteral("--database"), url_, QStringLiteral("db"),
                                      QStringLiteral("import"), QStringLiteral("-")},
                                     "serial,code\nBP538769672026,1111\n");
        QCOMPARE(import.exitCode, 3);
        QVERIFY2(import.err.contains("Nothing from stdin was saved") &&
                     import.err.contains("waited 2 s"),
                 import.err.constData());

        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        holder.close();
        const Run after = radiocode({QStringLiteral("--database"), url_, QStringLiteral("lookup"),
                                     QStringLiteral("BP934515516803")});
        QCOMPARE(after.exitCode, 0);
    }

    void damagedSchemaIsSaidPlainly() {
        const QString url = createDatabase(QStringLiteral("damaged"));
        QCOMPARE(dbInfo(url).exitCode, 0);
        {
            QSqlDatabase db = other(QStringLiteral("damage"), url);
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DELETE FROM radiocode_meta")));
            db.close();
        }
        const Run info = dbInfo(url);
        QCOMPARE(info.exitCode, 3);
        QVERIFY2(info.err.contains("schema record is damaged"), info.err.constData());
        const Run lookup = radiocode({QStringLiteral("--database"), url, QStringLiteral("lookup"),
                                      QStringLiteral("BP934515516803")});
        QCOMPARE(lookup.exitCode, 3);
        QVERIFY2((lookup.out + lookup.err).contains("schema record is damaged"),
                 (lookup.out + lookup.err).constData());
    }

    void userWhoMayNotCreateTablesIsToldSo() {
        const QString url = createDatabase(QStringLiteral("nocreate"));
        {
            QSqlDatabase db = other(QStringLiteral("roles"), url);
            QSqlQuery query(db);
            query.exec(QStringLiteral("DROP ROLE IF EXISTS clerk"));
            QVERIFY(query.exec(QStringLiteral("CREATE ROLE clerk LOGIN")));
            query.exec(QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC"));
            db.close();
        }
        QUrl clerk(url);
        clerk.setUserName(QStringLiteral("clerk"));
        const Run info = dbInfo(clerk.toString());
        QCOMPARE(info.exitCode, 3);
        QVERIFY2(info.err.contains("may not create tables"), info.err.constData());
        QVERIFY2(!info.err.contains("ERROR:"), info.err.constData());
    }

    void importCutOffByTheServerSaysNothingWasSaved() {
        const QString url = createDatabase(QStringLiteral("cutoff"));
        QCOMPARE(dbInfo(url).exitCode, 0);
        // The import reads a pipe that the test keeps open, so it is surely in the middle.
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(program, {QStringLiteral("--database"), url, QStringLiteral("db"),
                                QStringLiteral("import"), QStringLiteral("-")});
        QVERIFY(process.waitForStarted());
        process.write(radiocode::test::codeList(5000, 0, [](qint64) { return 1234; }));
        QSqlDatabase killer = other(QStringLiteral("killer"), url);
        QSqlQuery query(killer);
        // Wait until the import holds its lock, then end its connection as a server crash would.
        QTRY_VERIFY_WITH_TIMEOUT(
            query.exec(QStringLiteral("SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = "
                                      "l.relation WHERE c.relname = 'codes' AND l.granted AND "
                                      "l.mode = 'ShareRowExclusiveLock'")) &&
                query.next(),
            20000);
        QVERIFY(query.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                          "pg_stat_activity WHERE datname = 'cutoff' AND pid <> "
                                          "pg_backend_pid()")));
        process.write("BP999999999999,1234\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 3);
        QVERIFY2(err.contains("Nothing from stdin was saved"), err.constData());
        QVERIFY2(!err.contains("QSqlQuery") && !err.contains("()") &&
                     !err.contains("database not open"),
                 err.constData());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM codes")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        killer.close();
    }

    void malformedUrlsNeverShowThePassword_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("bad port") << QStringLiteral("postgresql://ann:s3cret@localhost:54x2/db")
                                  << QByteArray("the port “54x2” is not a number");
        QTest::newRow("at in password")
            << QStringLiteral("postgresql://ann:s3cret@word@localhost/db")
            << QByteArray("more than one @");
        QTest::newRow("space in password")
            << QStringLiteral("postgresql://ann:s3cret word@localhost/db")
            << QByteArray("%-escapes");
        QTest::newRow("unknown scheme") << QStringLiteral("bogus://s3cret") << QByteArray("bogus");
    }
    void malformedUrlsNeverShowThePassword() {
        QFETCH(QString, url);
        QFETCH(QByteArray, says);
        for (const QStringList& command :
             {QStringList{QStringLiteral("lookup"), QStringLiteral("BP934515516803")},
              QStringList{QStringLiteral("lookup"), QStringLiteral("J727")},
              QStringList{QStringLiteral("db"), QStringLiteral("info")},
              QStringList{QStringLiteral("jobs"), QStringLiteral("list")},
              QStringList{QStringLiteral("batch"), QStringLiteral("-")}}) {
            const Run result =
                radiocode(QStringList{QStringLiteral("--database"), url} + command, "J727\n");
            QCOMPARE(result.exitCode, 2);
            const QByteArray all = result.out + result.err;
            QVERIFY2(all.contains(says), all.constData());
            if (!url.startsWith(QLatin1String("bogus")))
                QVERIFY2(!all.contains("s3cret"), all.constData());
            QVERIFY2(!all.contains("source was") && !all.contains("QUrl"), all.constData());
        }
    }
};

QTEST_GUILESS_MAIN(ServersTest)
#include "tst_servers_postgres.moc"
