// The storage suite. Runs twice: against SQLite (RADIOCODE_TEST_DB unset or "sqlite") and against
// the PostgreSQL server the ctest fixture starts (RADIOCODE_TEST_DB=postgresql, the URL in the
// file named by RADIOCODE_TEST_PG_URL_FILE).
#include "storage/code_database_source.h"
#include "storage/csv_writer.h"
#include "storage/database.h"
#include "storage/job_pictures.h"
#include "storage/storage_texts.h"

#include "radiocode/code_source.h"

#include "database_test_support.h"
#include "process_run.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace radiocode;
using namespace radiocode::storage;

constexpr int largeRows = radiocode::test::largeCodeListRows;

namespace {

using radiocode::test::codeList;

QString blaupunkt(int i) {
    return QStringLiteral("BP") + QString::number(i).rightJustified(12, QLatin1Char('0'));
}

} // namespace

class TestStorage : public QObject {
    Q_OBJECT

    bool postgres_ = false;
    QString postgresUrl_;
    QTemporaryDir dir_;
    int counter_ = 0;
    QString url_; // this test's database

    // A database of its own for every test: a new SQLite file, or the PostgreSQL test database
    // emptied.
    QString freshUrl() {
        if (!postgres_)
            return QStringLiteral("sqlite:%1/test%2.db").arg(dir_.path()).arg(++counter_);
        radiocode::test::emptyPostgresDatabase(postgresUrl_, {QStringLiteral("other_table")});
        return postgresUrl_;
    }

    std::unique_ptr<Database> openFresh() {
        url_ = freshUrl();
        return radiocode::test::openDatabase(url_);
    }

    std::unique_ptr<Database> reopen() { return radiocode::test::openDatabase(url_); }

    // The open database taken back to schema `version`, closed and opened again, which migrates
    // it; null when the downgrade failed.
    std::unique_ptr<Database> migratedFromSchema(std::unique_ptr<Database> db, int version) {
        downgradeJobs(*db, version);
        if (QTest::currentTestFailed())
            return nullptr;
        db.reset();
        return reopen();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        postgres_ = radiocode::test::againstPostgres();
        if (postgres_) {
            postgresUrl_ = radiocode::test::fixturePostgresUrl();
            QVERIFY2(postgresUrl_.startsWith(QLatin1String("postgresql://")),
                     "the PostgreSQL fixture did not leave its URL (tests/db/postgres_fixture.sh)");
        }
        qInfo("storage suite against %s", postgres_ ? "PostgreSQL" : "SQLite");
    }

    void urlParsing() {
        QString error;
        auto sqlite = DatabaseUrl::parse(QStringLiteral("sqlite:/tmp/x/codes.db"), &error);
        QVERIFY(sqlite);
        QCOMPARE(sqlite->kind, DatabaseLocation::Kind::Sqlite);
        QCOMPARE(sqlite->path, QStringLiteral("/tmp/x/codes.db"));
        QCOMPARE(DatabaseUrl::parse(QStringLiteral("sqlite:///tmp/y.db"), &error)->path,
                 QStringLiteral("/tmp/y.db"));

        auto pg = DatabaseUrl::parse(
            QStringLiteral("postgresql://ann:s%40cret@db.workshop.lan:5433/codes"), &error);
        QVERIFY(pg);
        QCOMPARE(pg->kind, DatabaseLocation::Kind::PostgreSql);
        QCOMPARE(pg->user, QStringLiteral("ann"));
        QCOMPARE(pg->password, QStringLiteral("s@cret"));
        QCOMPARE(pg->host, QStringLiteral("db.workshop.lan"));
        QCOMPARE(pg->port, 5433);
        QCOMPARE(pg->databaseName, QStringLiteral("codes"));
        QVERIFY(!pg->displayUrl().contains(QLatin1String("cret"))); // never printed
        QCOMPARE(DatabaseUrl::parse(QStringLiteral("postgresql://ann@h/codes"), &error)->port,
                 5432);

        const QStringList bad = {QString(),
                                 QStringLiteral("codes.db"),
                                 QStringLiteral("mysql://a@b/c"),
                                 QStringLiteral("sqlite:"),
                                 QStringLiteral("postgresql://host/db"),
                                 QStringLiteral("postgresql://ann@/db"),
                                 QStringLiteral("postgresql://ann@host"),
                                 QStringLiteral("postgresql://ann@host:99999/db"),
                                 QStringLiteral("postgresql:ann@host/db")};
        for (const QString& url : bad) {
            error.clear();
            QVERIFY2(!DatabaseUrl::parse(url, &error), qPrintable(url));
            QVERIFY2(error.contains(QLatin1String("sqlite:/path/file.db")), qPrintable(error));
        }
    }

    void resolveOrder() {
        qputenv(DatabaseUrl::environmentVariable, "sqlite:/from/env.db");
        QString origin;
        QCOMPARE(DatabaseUrl::resolve(QStringLiteral("sqlite:/cli.db"), &origin),
                 QStringLiteral("sqlite:/cli.db"));
        QCOMPARE(DatabaseUrl::resolve(QString(), &origin), QStringLiteral("sqlite:/from/env.db"));
        qunsetenv(DatabaseUrl::environmentVariable);
    }

    void openCreatesSchema() {
        auto db = openFresh();
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::knownSchemaVersion);
        QCOMPARE(int(db->codes().codeCount()), 0);
        if (!postgres_) {
            struct stat info {};
            QCOMPARE(::stat(db->location().path.toLocal8Bit().constData(), &info), 0);
            QCOMPARE(info.st_mode & 0777, 0600u); // owner only
            QSqlQuery query(db->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        }
        db.reset();
        db = reopen(); // opening again migrates nothing and keeps working
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::knownSchemaVersion);
    }

    // Takes the open database back to schema `version`: drops the columns later schemas added.
    static void downgradeJobs(Database& db, int version) {
        QSqlQuery query(db.connection());
        if (version < 5) {
            QVERIFY2(query.exec(QStringLiteral("DROP TABLE job_pictures")),
                     qPrintable(query.lastError().text()));
            QVERIFY(!db.connection().tables().contains(QStringLiteral("job_pictures")));
        }
        if (version < 4)
            for (const char* statement :
                 {"DROP TABLE code_requests", "ALTER TABLE codes DROP COLUMN refused_by",
                  "ALTER TABLE codes DROP COLUMN refused_at"})
                QVERIFY2(query.exec(QLatin1String(statement)),
                         qPrintable(query.lastError().text()));
        if (version < 3)
            QVERIFY2(query.exec(QStringLiteral("ALTER TABLE jobs DROP COLUMN notes")),
                     qPrintable(query.lastError().text()));
        if (version < 2)
            QVERIFY2(query.exec(QStringLiteral("ALTER TABLE jobs DROP COLUMN part_number")),
                     qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("UPDATE radiocode_meta SET value = '%1' WHERE key = "
                                          "'schema_version'")
                               .arg(version)));
    }

    // A database of schema 1 (no part number in the job log) is migrated on open, its jobs kept.
    void schemaOneIsMigrated() {
        auto db = openFresh();
        QVERIFY(db);
        Job old;
        old.family = Family::Blaupunkt;
        old.serial = QStringLiteral("BP538769672026");
        old.customer = QStringLiteral("Ann");
        QVERIFY(db->jobLog().addJob(old));
        db = migratedFromSchema(std::move(db), 1);
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::knownSchemaVersion);
        const QList<Job> before = db->jobLog().jobs();
        QCOMPARE(before.size(), 1);
        QCOMPARE(before.first().customer, QStringLiteral("Ann"));
        QVERIFY(before.first().partNumber.isEmpty());

        Job withPart = old;
        withPart.partNumber = QStringLiteral("7645387041");
        const auto id = db->jobLog().addJob(withPart);
        QVERIFY(id);
        QCOMPARE(db->jobLog().job(*id)->partNumber, QStringLiteral("7645387041"));
        Job changed = *db->jobLog().job(*id);
        changed.partNumber = QStringLiteral("7645387042");
        QVERIFY(db->jobLog().updateJob(changed));
        QCOMPARE(db->jobLog().job(*id)->partNumber, QStringLiteral("7645387042"));
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(db->jobLog().exportJobs(buffer));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QVERIFY(lines.first().endsWith(",part_number,notes,label_photo"));
        QVERIFY(buffer.data().contains(",\xE2\x80\x8B"
                                       "7645387042,,no\n")); // kept as text
    }

    // A database from the version before notes (schema 2) gains the notes column on open; its
    // jobs keep everything and have no notes.
    void schemaTwoGainsJobNotes() {
        auto db = openFresh();
        QVERIFY(db);
        storage::Job job;
        job.serial = QStringLiteral("J727");
        job.family = Family::Renault;
        job.customer = QStringLiteral("Smith");
        QVERIFY(db->jobLog().addJob(job));
        db = migratedFromSchema(std::move(db), 2);
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::knownSchemaVersion);
        QCOMPARE(db->jobLog().jobs().size(), 1);
        QCOMPARE(db->jobLog().jobs().first().customer, QStringLiteral("Smith"));
        QCOMPARE(db->jobLog().jobs().first().notes, QString());
        storage::Job changed = db->jobLog().jobs().first();
        changed.notes = QStringLiteral("Aerial loose");
        QVERIFY(db->jobLog().updateJob(changed));
        QCOMPARE(db->jobLog().job(changed.id)->notes, QStringLiteral("Aerial loose"));
    }

    // The label photo goes with its job: every byte back after a reopen (a JPEG holds NULs
    // and every other byte), replaced when saved again, listed by id, and the export says which
    // jobs have one without carrying the picture.
    void jobPictureKeptWithJob() {
        auto db = openFresh();
        QVERIFY(db);
        Job job;
        job.family = Family::Blaupunkt;
        job.serial = QStringLiteral("BP538769672026");
        const auto withPhoto = db->jobLog().addJob(job);
        const auto without = db->jobLog().addJob(job);
        QVERIFY(withPhoto && without);
        QByteArray bytes;
        for (int i = 0; i < 300 * 1024; ++i)
            bytes += char((i * 7 + i / 256) & 0xff);
        JobPicture picture;
        picture.jpeg = bytes;
        picture.serialRead = job.serial;
        picture.serialFrame = {QPointF(10, 20.5), QPointF(300, 20), QPointF(300, 60),
                               QPointF(10, 60)};
        picture.takenAt = QDateTime(QDate(2026, 11, 30), QTime(9, 15), Qt::UTC);
        QString error;
        QVERIFY2(saveJobPicture(*db, *withPhoto, picture, &error), qPrintable(error));
        db.reset();
        db = reopen();
        QVERIFY(db);
        auto stored = jobPicture(*db, *withPhoto, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->jpeg.size(), bytes.size());
        QVERIFY(stored->jpeg == bytes);
        QCOMPARE(stored->serialRead, job.serial);
        QCOMPARE(stored->serialFrame, picture.serialFrame);
        QCOMPARE(stored->takenAt, picture.takenAt);
        QVERIFY(!jobPicture(*db, *without, &error));
        QCOMPARE(jobsWithPicture(*db), QSet<qint64>{*withPhoto});

        picture.jpeg = QByteArray("\xFF\xD8\x00second\xFF\xD9", 11);
        picture.serialFrame.clear();
        QVERIFY2(saveJobPicture(*db, *withPhoto, picture, &error), qPrintable(error));
        QCOMPARE(jobPicture(*db, *withPhoto)->jpeg, picture.jpeg);
        QVERIFY(jobPicture(*db, *withPhoto)->serialFrame.isEmpty());

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(db->jobLog().exportJobs(buffer));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QVERIFY(lines.first().endsWith(",notes,label_photo"));
        QVERIFY(!buffer.data().contains("second"));
        for (const QByteArray& line : lines.mid(1, 2)) {
            const bool hasPhoto = line.startsWith(QByteArray::number(*withPhoto) + ',');
            QVERIFY2(line.endsWith(hasPhoto ? ",yes" : ",no"), line.constData());
        }

        // Too large, or nothing: refused with a reason, the kept one stays.
        picture.jpeg = QByteArray(maxJobPictureBytes + 1, 'x');
        QVERIFY(!saveJobPicture(*db, *without, picture, &error));
        QVERIFY(error.contains(QLatin1String("MB")));
        QVERIFY(!saveJobPicture(*db, *without, JobPicture{}, &error));
        QVERIFY(!jobPicture(*db, *without));
        QVERIFY(removeJobPicture(*db, *withPhoto, &error));
        QVERIFY(!jobPicture(*db, *withPhoto));
    }

    // A database from before label photos (schema 4) gains their table on open; its jobs stay.
    void schemaFourGainsJobPictures() {
        auto db = openFresh();
        QVERIFY(db);
        Job job;
        job.family = Family::Becker;
        job.serial = QStringLiteral("BE475712345678");
        job.notes = QStringLiteral("kept");
        const auto id = db->jobLog().addJob(job);
        QVERIFY(id);
        db = migratedFromSchema(std::move(db), 4);
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::knownSchemaVersion);
        QCOMPARE(db->jobLog().job(*id)->notes, QStringLiteral("kept"));
        QVERIFY(!jobPicture(*db, *id));
        JobPicture picture;
        picture.jpeg = QByteArray(1000, '\x01');
        QString error;
        QVERIFY2(saveJobPicture(*db, *id, picture, &error), qPrintable(error));
        QCOMPARE(jobPicture(*db, *id)->jpeg.size(), 1000);
    }

    // Codes of a Blaupunkt label form with a 7th-character letter import like any other; a
    // serial of an unknown label form only with its family named.
    void importLabelForms() {
        auto db = openFresh();
        QVERIFY(db);
        const ImportReport report = db->codes().importCsv("serial,code,family\n"
                                                          "BP5511V2151786,1111,\n"
                                                          "CM934515516803,2222,\n"
                                                          "XY1234567890,3333,becker\n"
                                                          "QK1234567890,4444,\n"
                                                          "ZZ1234567890,5555,renault\n",
                                                          QStringLiteral("labels.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report.imported, 3);
        QCOMPARE(report.skipped, 2);
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP5511V2151786"))->code,
                 QStringLiteral("1111"));
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("2222"));
        QCOMPARE(db->codes().findCode(Family::Becker, QStringLiteral("XY1234567890"))->code,
                 QStringLiteral("3333"));
        // Looked up through the code finder: unchecked, answered for the family on record.
        DatabaseCodeSource source(db.get());
        CodeFinder finder;
        finder.addSource(&source);
        const LookupResult result = finder.lookup("xy 1234567890");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.recognition.state, InputState::Unchecked);
        QCOMPARE(result.recognition.family, std::optional<Family>(Family::Becker));
    }

    // Each row keeps its own source, origin and date, whether the rows of a statement share
    // them (bound once for the statement) or not: restored leading zeros are marked in the
    // origin, and a list this program exported keeps each code's technician and date.
    void importKeepsEachRowsSourceOriginAndDate() {
        auto db = openFresh();
        QVERIFY(db);
        QString csv = QStringLiteral("serial,code\n");
        for (int i = 0; i < 900; ++i) // chunks of 400 rows: two whole ones and a partial one
            csv += QStringLiteral("BP5000000%1,%2\n")
                       .arg(i, 5, 10, QLatin1Char('0'))
                       .arg(i % 7 == 0 ? QString::number(420) : QStringLiteral("1234"));
        ImportOptions options;
        options.restoreLeadingZeros = true;
        ImportReport report =
            db->codes().importCsv(csv.toUtf8(), QStringLiteral("mixed.csv"), options);
        QVERIFY2(report.ok(), qPrintable(report.failure));
        QCOMPARE(report.imported, 900);
        for (int i : {0, 1, 6, 7, 399, 400, 401, 799, 800, 899}) {
            const QString serial = QStringLiteral("BP5000000%1").arg(i, 5, 10, QLatin1Char('0'));
            const auto stored = db->codes().findCode(Family::Blaupunkt, serial);
            QVERIFY2(stored, qPrintable(serial));
            QCOMPARE(stored->provenance, CodeProvenance::Import);
            QCOMPARE(stored->code, i % 7 == 0 ? QStringLiteral("0420") : QStringLiteral("1234"));
            QCOMPARE(stored->origin, i % 7 == 0
                                         ? QStringLiteral("mixed.csv (leading zeros restored)")
                                         : QStringLiteral("mixed.csv"));
            QVERIFY(stored->createdAt.isValid());
        }

        // An exported list: every row its own technician and date.
        QString exported = QStringLiteral("serial,code,family,source,origin,created_at\n");
        for (int i = 0; i < 450; ++i)
            exported += QStringLiteral("BP6000000%1,%2,blaupunkt,%3,%4,2026-0%5-1%6T08:00:00Z\n")
                            .arg(i, 5, 10, QLatin1Char('0'))
                            .arg(1000 + i)
                            .arg(i % 2 ? QStringLiteral("confirmed") : QStringLiteral("import"))
                            .arg(i % 2 ? QStringLiteral("Tech %1").arg(i % 5)
                                       : QStringLiteral("dealer list.csv"))
                            .arg(1 + i % 9)
                            .arg(i % 10);
        report = db->codes().importCsv(exported.toUtf8(), QStringLiteral("export.csv"));
        QVERIFY2(report.ok(), qPrintable(report.failure));
        QCOMPARE(report.imported, 450);
        for (int i : {0, 1, 2, 13, 399, 400, 449}) {
            const QString serial = QStringLiteral("BP6000000%1").arg(i, 5, 10, QLatin1Char('0'));
            const auto stored = db->codes().findCode(Family::Blaupunkt, serial);
            QVERIFY2(stored, qPrintable(serial));
            QCOMPARE(stored->code, QString::number(1000 + i));
            QCOMPARE(stored->provenance,
                     i % 2 ? CodeProvenance::Confirmed : CodeProvenance::Import);
            QCOMPARE(stored->origin, i % 2 ? QStringLiteral("Tech %1").arg(i % 5)
                                           : QStringLiteral("dealer list.csv"));
            QCOMPARE(stored->createdAt,
                     QDateTime(QDate(2026, 1 + i % 9, 10 + i % 10), QTime(8, 0), Qt::UTC));
        }
    }

    // A conflict names the stored code's origin in words, never its internal id.
    void conflictMessagesNameTheSourceInWords() {
        auto db = openFresh();
        QVERIFY(db);
        QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP538769672026"),
                                              QStringLiteral("1234"), QStringLiteral("Mehmet K.")),
                 AddResult::Added);
        const ImportReport report = db->codes().importCsv("serial,code\nBP538769672026,9999\n",
                                                          QStringLiteral("dealer.csv"));
        QCOMPARE(report.conflictCount(), 1);
        QCOMPARE(report.errors.size(), 1);
        const QString message = report.errors.first().message;
        QVERIFY2(message.contains(QLatin1String("(confirmed on a radio by Mehmet K.);")),
                 qPrintable(message));
        QVERIFY(!message.contains(QLatin1String("database:")));
    }

    void newerSchemaRefusedAndUntouched() {
        auto db = openFresh();
        QVERIFY(db);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE radiocode_meta SET value = '99' WHERE key = "
                                          "'schema_version'")));
        query.finish();
        db.reset();
        QByteArray before;
        if (!postgres_) {
            QFile file(DatabaseUrl::parse(url_, nullptr)->path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        }
        QString error;
        QVERIFY(!Database::open(url_, &error));
        QVERIFY2(error.contains(QLatin1String("newer version")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("99")));
        QVERIFY(error.contains(QLatin1String("not changed")));
        if (!postgres_) {
            QFile file(DatabaseUrl::parse(url_, nullptr)->path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
        }
    }

    void foreignDatabaseRefused() {
        url_ = freshUrl();
        if (!postgres_) {
            const QString path = DatabaseUrl::parse(url_, nullptr)->path;
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE other_table (x INTEGER)"));
            raw.close();
        } else {
            auto db = Database::open(url_, nullptr);
            QSqlQuery(db->connection()).exec(QStringLiteral("CREATE TABLE other_table (x INT)"));
            QSqlQuery(db->connection()).exec(QStringLiteral("DROP TABLE radiocode_meta"));
            QSqlQuery(db->connection()).exec(QStringLiteral("DROP TABLE codes"));
            QSqlQuery(db->connection()).exec(QStringLiteral("DROP TABLE jobs"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QString error;
        QVERIFY(!Database::open(url_, &error));
        QVERIFY2(error.contains(QLatin1String("other_table")), qPrintable(error));
    }

    void importEdgeCases_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("imported");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QList<int>>("errorLines");
        QTest::newRow("bom crlf semicolon quotes")
            << QByteArray("\xEF\xBB\xBF\"Serial\";\"Code\"\r\n\"BP934515516803\";\"1234\"\r\n"
                          "BP538769672026 ; 0042\r\n")
            << 2 << 0 << QList<int>{};
        QTest::newRow("header only") << QByteArray("serial,code\n") << 0 << 0 << QList<int>{};
        QTest::newRow("blank lines ignored")
            << QByteArray("\n\nserial,code\n\n  \nBP934515516803,1234\n\n") << 1 << 0
            << QList<int>{};
        QTest::newRow("extra columns, any order")
            << QByteArray("note,code,serial\nfront,1234,BP934515516803\n") << 1 << 0
            << QList<int>{};
        QTest::newRow("label forms are normalised")
            << QByteArray("serial,code\n815CM934515516803,1234\n\"BE 4739 35000375\",5555\n") << 2
            << 0 << QList<int>{};
        QTest::newRow("bad rows") << QByteArray("serial,code\n"
                                                "J727,1234\n"           // 2 Renault: computed
                                                "M123456,1234\n"        // 3 Visteon: computed
                                                "BE781835000375,1234\n" // 4 Becker model not Nissan
                                                "BP93451551680O,1234\n" // 5 look-alike letter
                                                "BP9345,1234\n"         // 6 too short
                                                "BP934515516803,123\n"  // 7 code too short
                                                "BP934515516803,12345\n"  // 8 code too long
                                                "BP934515516803,12a4\n"   // 9 code not digits
                                                "BP934515516803\n"        // 10 missing column
                                                ",1234\n"                 // 11 no serial
                                                "\"BP934515516803,1234\n" // 12 unbalanced quote
                                                "BP538769672026,0042\n")  // 13 fine
                                  << 1 << 11 << QList<int>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    }

    void importEdgeCases() {
        QFETCH(QByteArray, file);
        QFETCH(int, imported);
        QFETCH(int, skipped);
        QFETCH(QList<int>, errorLines);
        auto db = openFresh();
        QVERIFY(db);
        const ImportReport report =
            db->codes().importCsv(file, QStringLiteral("/some/dir/list.csv"));
        QVERIFY2(report.ok(), qPrintable(report.failure));
        QCOMPARE(int(report.imported), imported);
        QCOMPARE(int(report.skipped), skipped);
        QList<int> lines;
        for (const ImportIssue& issue : report.errors) {
            lines << issue.line;
            QVERIFY(!issue.message.isEmpty());
        }
        QCOMPARE(lines, errorLines);
        QCOMPARE(int(db->codes().codeCount()), imported);
    }

    void importMessagesSayWhy() {
        auto db = openFresh();
        const ImportReport report = db->codes().importCsv(
            "serial,code\nJ727,1234\nBP93451551680O,1234\nBP934515516803,12a4\n\"x,1\n",
            QStringLiteral("l.csv"));
        QCOMPARE(report.errors.size(), 4);
        QVERIFY(report.errors[0].message.contains(QLatin1String("computed")));
        QVERIFY(report.errors[1].message.contains(QLatin1String("BP934515516800"))); // suggestion
        QVERIFY(report.errors[2].message.contains(QLatin1String("4 digits")));
        QVERIFY(report.errors[3].message.contains(QLatin1String("quote")) ||
                report.errors[3].message.contains(QLatin1String("\"")));
    }

    // A megabyte cell or control characters do not end up whole in the report.
    void hostileCellsAreShortenedInMessages() {
        auto db = openFresh();
        QByteArray file = "serial,code\n" + QByteArray(1 << 20, 'B') + ",1234\n";
        file += "BP934515516803,\x1b[31m12\n";
        const ImportReport report = db->codes().importCsv(file, QStringLiteral("h.csv"));
        QCOMPARE(report.errors.size(), 2);
        QVERIFY(report.errors[0].message.size() < 400);
        QVERIFY(!report.errors[1].message.contains(QChar(0x1b)));
        QCOMPARE(int(db->codes().codeCount()), 0);
    }

    void importRefusesWhatIsNotACodeList_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("blank lines only") << QByteArray("\n \r\n") << QStringLiteral("empty");
        QTest::newRow("no code column")
            << QByteArray("serial,pin\nBP934515516803,1234\n") << QStringLiteral("“code”");
        QTest::newRow("no header")
            << QByteArray("BP934515516803,1234\n") << QStringLiteral("“serial”");
        QTest::newRow("utf-16") << QByteArray("\xFF\xFEs\0e\0", 6) << QStringLiteral("UTF-16");
    }

    void importRefusesWhatIsNotACodeList() {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        auto db = openFresh();
        const ImportReport report = db->codes().importCsv(file, QStringLiteral("x.csv"));
        QCOMPARE(report.status, ImportReport::Status::BadFile);
        QVERIFY2(report.failure.contains(expected), qPrintable(report.failure));
        QCOMPARE(int(db->codes().codeCount()), 0);
    }

    void conflictsAndDuplicates() {
        auto db = openFresh();
        QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                              QStringLiteral("1234"), QStringLiteral("Ann")),
                 AddResult::Added);
        const ImportReport report =
            db->codes().importCsv("serial,code\n"
                                  "BP934515516803,1234\n"  // duplicate of stored
                                  "BP934515516803,9999\n"  // conflict with stored
                                  "BP538769672026,0042\n"  // new
                                  "BP538769672026,0042\n"  // duplicate in file
                                  "BP538769672026,0043\n", // conflict in file
                                  QStringLiteral("dealer.csv"));
        QVERIFY(report.ok());
        QCOMPARE(int(report.imported), 1);
        QCOMPARE(int(report.duplicates), 2);
        QCOMPARE(int(report.conflictCount()), 2);
        QCOMPARE(int(report.skipped), 0);
        QCOMPARE(report.conflicts[0].line, 3);
        QCOMPARE(report.conflicts[0].storedCode, QStringLiteral("1234"));
        QCOMPARE(report.conflicts[0].fileCode, QStringLiteral("9999"));
        QCOMPARE(report.conflicts[0].storedSource,
                 Provenance::named(Provenance::Kind::Confirmed, "Ann"));
        QCOMPARE(report.conflicts[1].line, 6);
        QCOMPARE(report.conflicts[1].storedSource.id(), std::string("line 4 of this file"));
        QCOMPARE(report.errors.size(), 2); // conflicts are listed with their lines
        QVERIFY2(report.errors[0].message.contains(u"(confirmed on a radio by Ann)"),
                 qPrintable(report.errors[0].message));
        QVERIFY2(report.errors[1].message.contains(u"(line 4 of this file)"),
                 qPrintable(report.errors[1].message));
        // Never overwritten.
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("1234"));
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP538769672026"))->code,
                 QStringLiteral("0042"));
        // The technician may replace one, deliberately.
        QVERIFY(db->codes().replaceCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                        QStringLiteral("9999"), CodeProvenance::Import,
                                        QStringLiteral("dealer.csv")));
        const auto replaced =
            db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QCOMPARE(replaced->code, QStringLiteral("9999"));
        QCOMPARE(replaced->source(), QStringLiteral("database:import:dealer.csv"));
    }

    void duplicatesAcrossChunks() {
        auto db = openFresh();
        QByteArray file = codeList(1000);
        file += codeList(1000).mid(12);  // every row again
        file += "BP000000000005,1111\n"; // a conflict far from its twin
        const ImportReport report = db->codes().importCsv(file, QStringLiteral("twice.csv"));
        QCOMPARE(int(report.imported), 1000);
        QCOMPARE(int(report.duplicates), 1000);
        QCOMPARE(int(report.conflictCount()), 1);
        QCOMPARE(report.conflicts[0].line, 2002);
    }

    void dryRunChangesNothing() {
        auto db = openFresh();
        ImportOptions options;
        options.dryRun = true;
        const ImportReport report =
            db->codes().importCsv(codeList(50), QStringLiteral("a.csv"), options);
        QVERIFY(report.ok());
        QVERIFY(report.dryRun);
        QCOMPARE(int(report.imported), 50);
        QCOMPARE(int(db->codes().codeCount()), 0);
        // The real import afterwards gives the same figures.
        QCOMPARE(db->codes().importCsv(codeList(50), QStringLiteral("a.csv")).imported, 50);
        QCOMPARE(int(db->codes().codeCount()), 50);
    }

    void cancelledImportLeavesNothing() {
        auto db = openFresh();
        std::atomic_bool cancel{false};
        ImportOptions options;
        options.cancel = &cancel;
        int calls = 0;
        options.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            if (++calls == 2)
                cancel = true;
        };
        const ImportReport report =
            db->codes().importCsv(codeList(50000), QStringLiteral("big.csv"), options);
        QCOMPARE(report.status, ImportReport::Status::Cancelled);
        QCOMPARE(int(db->codes().codeCount()), 0);
    }

    void addConfirmedCode() {
        auto db = openFresh();
        const QString serial = QStringLiteral("BE473935000375");
        std::optional<StoredCode> previous;
        QCOMPARE(db->codes().addConfirmedCode(Family::Becker, serial, QStringLiteral("0042"),
                                              QStringLiteral("Ann"), false, &previous),
                 AddResult::Added);
        QVERIFY(!previous);
        QCOMPARE(db->codes().addConfirmedCode(Family::Becker, serial, QStringLiteral("0042"),
                                              QStringLiteral("Bob")),
                 AddResult::Duplicate);
        QCOMPARE(db->codes().addConfirmedCode(Family::Becker, serial, QStringLiteral("0043"),
                                              QStringLiteral("Bob"), false, &previous),
                 AddResult::Conflict);
        QCOMPARE(previous->code, QStringLiteral("0042"));
        QCOMPARE(db->codes().findCode(Family::Becker, serial)->code, QStringLiteral("0042"));
        QCOMPARE(db->codes().addConfirmedCode(Family::Becker, serial, QStringLiteral("0043"),
                                              QStringLiteral("Bob"), true),
                 AddResult::Replaced);
        const auto stored = db->codes().findCode(Family::Becker, serial);
        QCOMPARE(stored->code, QStringLiteral("0043"));
        QCOMPARE(stored->source(), QStringLiteral("database:confirmed:Bob"));
        QVERIFY(stored->createdAt.isValid());
        // An imported code that worked on the radio becomes a confirmed one.
        db->codes().importCsv("serial,code\nBP934515516803,1234\n", QStringLiteral("list.csv"));
        QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                              QStringLiteral("1234"), QStringLiteral("Cem")),
                 AddResult::Confirmed);
        QCOMPARE(
            db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->source(),
            QStringLiteral("database:confirmed:Cem"));
        // Key is (family, serial): the same serial under another family is not found.
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial));
    }

    void lookupThroughCodeFinder() {
        auto db = openFresh();
        QVERIFY(db->codes()
                    .importCsv("serial,code\nBP934515516803,1234\n",
                               QStringLiteral("/x/dealer list.csv"))
                    .ok());
        db->codes().addConfirmedCode(Family::Becker, QStringLiteral("BE473935000375"),
                                     QStringLiteral("0042"), QStringLiteral("Ann"));
        DatabaseCodeSource source(db.get());
        CodeFinder finder;
        finder.addSource(&source);
        auto result = finder.lookup("bp 93451 5516803");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("1234"));
        QCOMPARE(result.answer->source.id(), std::string("database:import:dealer list.csv"));
        QVERIFY(!result.answer->source.when.empty()); // when it was stored
        result = finder.lookup("BE473935000375");
        QCOMPARE(result.answer->source.id(), std::string("database:confirmed:Ann"));
        QCOMPARE(finder.lookup("BP000000000000").status, LookupStatus::NotFound);
        // Algorithms still answer their families; the database does not serve them.
        QCOMPARE(finder.lookup("J727").answer->source.kind, Provenance::Kind::RenaultAlgorithm);
        QVERIFY(!source.serves(Family::Visteon));
    }

    void exportIsSpreadsheetSafeAndReimports() {
        auto db = openFresh();
        db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP934515516803"),
                                     QStringLiteral("1234"), QStringLiteral("=HYPERLINK(\"x\")"));
        db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP538769672026"),
                                     QStringLiteral("0042"), QStringLiteral("@Ann, senior"));
        db->codes().importCsv("serial,code\nBE473935000375,0007\n", QStringLiteral("-list+.csv"));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(db->codes().exportCodes(buffer));
        // A byte-order mark first; a zero-width space before every spot where a spreadsheet
        // could start a formula or read a number (csv_writer.h).
        const QByteArray guard = "\xE2\x80\x8B";
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines[0], QByteArray("\xEF\xBB\xBFserial,code,family,source,origin,created_at"));
        QVERIFY(lines[1].startsWith("BE473935000375," + guard + "0007,becker,import," + guard +
                                    "-list+.csv,"));
        QVERIFY(lines[2].startsWith("BP538769672026," + guard + "0042,blaupunkt,confirmed,\"" +
                                    guard + "@Ann, senior\","));
        QVERIFY(lines[3].startsWith("BP934515516803," + guard + "1234,blaupunkt,confirmed,\"" +
                                    guard + "=HYPERLINK(\"\"x\"\")\","));
        QCOMPARE(csvCell(QStringLiteral("+1")), guard + "+1");
        QCOMPARE(csvCell(QStringLiteral("-1"), CsvCellKind::Number), guard + "-1");
        QCOMPARE(csvCell(QStringLiteral("12"), CsvCellKind::Number), QByteArray("12"));
        QCOMPARE(csvCell(QStringLiteral("Yilmaz;=2*3")), "\"Yilmaz;" + guard + "=2*3\"");
        QCOMPARE(csvCell(QStringLiteral("a\n @b")), "\"a\n" + guard + " @b\"");
        for (const QString& text :
             {QStringLiteral("Yilmaz;=2*3"), QStringLiteral("\u200B=x;\u200B"),
              QStringLiteral("0420"), QStringLiteral("a,\"=1\"\t-2\r\n+3"),
              QStringLiteral("plain")}) {
            QByteArray cell = csvCell(text);
            if (cell.startsWith('"'))
                cell = cell.mid(1, cell.size() - 2).replace("\"\"", "\"");
            QCOMPARE(QString::fromUtf8(withoutSpreadsheetGuards(cell)), text);
        }
        // The export is a valid code list: into a fresh database it imports all three.
        auto other = openFresh();
        const ImportReport report =
            other->codes().importCsv(buffer.data(), QStringLiteral("export.csv"));
        QCOMPARE(int(report.imported), 3);
        QCOMPARE(int(report.skipped), 0);
    }

    void twoConnectionsSeeEachOthersWrites() {
        auto first = openFresh();
        auto second = reopen();
        QVERIFY(first && second);
        const QString serial = QStringLiteral("BP934515516803");
        QVERIFY(!second->codes().findCode(Family::Blaupunkt, serial)); // a read before the write
        first->codes().addConfirmedCode(Family::Blaupunkt, serial, QStringLiteral("1234"),
                                        QStringLiteral("Ann"));
        QCOMPARE(second->codes().findCode(Family::Blaupunkt, serial)->code, QStringLiteral("1234"));
        Job job;
        job.serial = serial;
        job.family = Family::Blaupunkt;
        job.outcome = Outcome::Refused;
        job.attempts = 1;
        const auto id = second->jobLog().addJob(job);
        QVERIFY(id);
        QCOMPARE(first->jobLog().jobs().size(), 1);
        QCOMPARE(first->jobLog().attempts(Family::Blaupunkt, serial).refusedAttempts, 1);
        QVERIFY(second->codes().importCsv(codeList(10), QStringLiteral("x.csv")).ok());
        QCOMPARE(int(first->codes().codeCount()), 11);
    }

    // Two writers at once, each on its own connection: every row arrives.
    void concurrentWritersLoseNothing() {
        auto db = openFresh();
        QVERIFY(db);
        const QString url = url_;
        auto writer = [url](int offset, QString* error) {
            auto own = Database::open(url, error);
            if (!own)
                return;
            for (int i = 0; i < 60; ++i) {
                if (own->codes().addConfirmedCode(
                        Family::Blaupunkt, blaupunkt(offset + i), QStringLiteral("1234"),
                        QStringLiteral("T%1").arg(offset)) != AddResult::Added) {
                    *error = own->lastError();
                    return;
                }
                Job job;
                job.serial = blaupunkt(offset + i);
                if (!own->jobLog().addJob(job)) {
                    *error = own->lastError();
                    return;
                }
            }
            const ImportReport report =
                own->codes().importCsv(codeList(300, offset + 1000), QStringLiteral("c.csv"));
            if (!report.ok())
                *error = report.failure;
        };
        QString errorA;
        QString errorB;
        std::unique_ptr<QThread> a(QThread::create(writer, 0, &errorA));
        std::unique_ptr<QThread> b(QThread::create(writer, 100000, &errorB));
        a->start();
        b->start();
        QVERIFY(a->wait(120000) && b->wait(120000));
        QVERIFY2(errorA.isEmpty(), qPrintable(errorA));
        QVERIFY2(errorB.isEmpty(), qPrintable(errorB));
        QCOMPARE(int(db->codes().codeCount()), 2 * (60 + 300));
        QCOMPARE(db->jobLog().jobs().size(), 120);
    }

    // Two programs starting at once on a new database: one creates the schema, the other waits
    // and finds it done.
    void concurrentFirstOpen() {
        url_ = freshUrl();
        const QString url = url_;
        QString errors[4];
        std::unique_ptr<QThread> threads[4];
        for (int i = 0; i < 4; ++i) {
            threads[i].reset(QThread::create([url, &errors, i] {
                auto db = Database::open(url, &errors[i]);
                if (db && db->schemaVersion() != Database::knownSchemaVersion)
                    errors[i] = QStringLiteral("schema %1").arg(db->schemaVersion());
            }));
        }
        for (auto& thread : threads)
            thread->start();
        for (int i = 0; i < 4; ++i) {
            QVERIFY(threads[i]->wait(60000));
            QVERIFY2(errors[i].isEmpty(), qPrintable(errors[i]));
        }
    }

    void jobSourceReadsBackAsTheSameProvenance() {
        auto db = openFresh();
        QVERIFY(db);
        const QList<Provenance> sources = {
            Provenance::named(Provenance::Kind::CardEntered, "Ann"),
            Provenance::named(Provenance::Kind::Dealer, "Nissan Kartal"),
            Provenance::imported("dealer list.csv"),
            Provenance{Provenance::Kind::VisteonAlgorithm, {}, {}},
            Provenance{}, // no code yet
        };
        for (const Provenance& source : sources) {
            Job job;
            job.serial = QStringLiteral("BP934515516803");
            job.family = Family::Blaupunkt;
            job.source = source;
            const auto id = db->jobLog().addJob(job);
            QVERIFY(id);
            QCOMPARE(db->jobLog().job(*id)->source, source);
        }
        // The column holds the machine form; a source this program does not name stays as
        // written.
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT source FROM jobs ORDER BY id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("card:Ann"));
        QVERIFY(query.exec(QStringLiteral("UPDATE jobs SET source = 'a workshop note'")));
        const Provenance other = db->jobLog().jobs().first().source;
        QCOMPARE(other.kind, Provenance::Kind::Other);
        QCOMPARE(other.id(), std::string("a workshop note"));
    }

    void jobsFilterAndAttempts() {
        auto db = openFresh();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto job = [&](const char* serial, Family family, Outcome outcome, int attempts,
                       int daysAgo) {
            Job j;
            j.time = now.addDays(-daysAgo);
            j.serial = QString::fromLatin1(serial);
            j.family = family;
            j.outcome = outcome;
            j.attempts = attempts;
            j.technician = QStringLiteral("Ann");
            j.customer = QStringLiteral("Müller GmbH");
            j.registration = QStringLiteral("AB-123");
            j.code = QStringLiteral("1234");
            j.source = Provenance::imported("x.csv");
            return db->jobLog().addJob(j).value_or(0);
        };
        const qint64 first = job("BP934515516803", Family::Blaupunkt, Outcome::Refused, 1, 10);
        job("BP934515516803", Family::Blaupunkt, Outcome::Worked, 2, 9);
        job("BP934515516803", Family::Blaupunkt, Outcome::Refused, 1, 2);
        job("BP934515516803", Family::Blaupunkt, Outcome::Refused, 2, 1);
        job("J727", Family::Renault, Outcome::NotTried, 0, 0);
        QVERIFY(first > 0);

        QCOMPARE(db->jobLog().jobs().size(), 5);
        QCOMPARE(db->jobLog().jobs().first().serial, QStringLiteral("J727")); // newest first
        JobFilter filter;
        filter.family = Family::Blaupunkt;
        QCOMPARE(db->jobLog().jobs(filter).size(), 4);
        filter.outcome = Outcome::Refused;
        QCOMPARE(db->jobLog().jobs(filter).size(), 3);
        filter.since = now.addDays(-3);
        QCOMPARE(db->jobLog().jobs(filter).size(), 2);
        JobFilter search;
        search.text = QStringLiteral("müller");
        QCOMPARE(db->jobLog().jobs(search).size(), 5);
        search.text = QStringLiteral("ab-1");
        QCOMPARE(db->jobLog().jobs(search).size(), 5);
        search.text = QStringLiteral("j72");
        QCOMPARE(db->jobLog().jobs(search).size(), 1);

        // Refusals since the code last worked: 1 + 2 = 3, the lock-out guidance.
        const AttemptHistory history =
            db->jobLog().attempts(Family::Blaupunkt, QStringLiteral("BP934515516803"));
        QCOMPARE(history.refusedAttempts, 3);
        QVERIFY(history.lockoutLikely());
        QVERIFY(
            StorageTexts::attemptWarning(history).contains(QLatin1String("wait about an hour")));
        QVERIFY(StorageTexts::attemptWarning({}).isEmpty());
        AttemptHistory once;
        once.refusedAttempts = 1;
        QVERIFY(!once.lockoutLikely());
        QVERIFY(StorageTexts::attemptWarning(once).contains(QLatin1String("refused")));

        // Reopen a job and record the outcome.
        auto reopened = db->jobLog().job(first);
        QVERIFY(reopened);
        QCOMPARE(reopened->customer, QStringLiteral("Müller GmbH"));
        reopened->outcome = Outcome::Worked;
        reopened->attempts = 3;
        QVERIFY(db->jobLog().updateJob(*reopened));
        QCOMPARE(db->jobLog().job(first)->outcome, Outcome::Worked);
        Job missing;
        missing.id = 999999;
        QVERIFY(!db->jobLog().updateJob(missing));

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(db->jobLog().exportJobs(buffer));
        const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines[0].startsWith(
            "\xEF\xBB\xBFid,time,technician,customer,registration,vin,family,serial"));
    }

    // Changing an outcome afterwards teaches the code database as recording it did: a refusal
    // flags the code for the next lookup (who and when), worked clears the flag and confirms an
    // imported code, a refusal taken back clears the flag.
    void changedOutcomeTeachesTheCodeDatabase() {
        auto db = openFresh();
        const QString serial = QStringLiteral("BP934515516803");
        QVERIFY(db->codes()
                    .importCsv("serial,code\nBP934515516803,1234\n", QStringLiteral("list.csv"))
                    .ok());
        Job job;
        job.serial = serial;
        job.family = Family::Blaupunkt;
        job.code = QStringLiteral("1234");
        job.source = Provenance::imported("list.csv");
        job.technician = QStringLiteral("Ann");
        job.outcome = Outcome::Worked;
        job.attempts = 1;
        const qint64 id = db->jobLog().addJob(job).value_or(0);
        QVERIFY(id > 0);
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());

        // worked -> refused: flagged, with who.
        QVERIFY2(db->jobLog().changeOutcome(id, Outcome::Refused, QStringLiteral("Mehmet")),
                 qPrintable(db->lastError()));
        QCOMPARE(db->jobLog().job(id)->outcome, Outcome::Refused);
        auto stored = db->codes().findCode(Family::Blaupunkt, serial);
        QVERIFY(stored->wasRefused());
        QCOMPARE(stored->refusedBy, QStringLiteral("Mehmet"));
        QCOMPARE(stored->refusedAt.date(), QDateTime::currentDateTimeUtc().date());
        // ...which the next lookup says.
        DatabaseCodeSource source(db.get());
        CodeFinder finder;
        finder.addSource(&source);
        QCOMPARE(finder.lookup(serial.toStdString()).answer->refusedBy, std::string("Mehmet"));

        // refused -> worked: the flag goes, the imported code is confirmed by the technician.
        QVERIFY(db->jobLog().changeOutcome(id, Outcome::Worked, QString()));
        stored = db->codes().findCode(Family::Blaupunkt, serial);
        QVERIFY(!stored->wasRefused());
        QCOMPARE(stored->source(), QStringLiteral("database:confirmed:Ann"));
        QVERIFY(!finder.lookup(serial.toStdString()).answer->wasRefused());

        // refused -> not tried: the refusal taken back, unless another job still records one.
        QVERIFY(db->jobLog().changeOutcome(id, Outcome::Refused, QStringLiteral("Mehmet")));
        QVERIFY(db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());
        QVERIFY(db->jobLog().changeOutcome(id, Outcome::NotTried, QString()));
        QCOMPARE(db->jobLog().job(id)->attempts, 0);
        QVERIFY(!db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());
        job.outcome = Outcome::Refused;
        const qint64 other = db->jobLog().addJob(job).value_or(0);
        QVERIFY(db->codes().flagRefusedCode(Family::Blaupunkt, serial, job.code,
                                            QStringLiteral("Cem")));
        QVERIFY(db->jobLog().changeOutcome(id, Outcome::Refused, QString()));
        QVERIFY(db->jobLog().changeOutcome(id, Outcome::NotTried, QString()));
        QVERIFY(db->codes().findCode(Family::Blaupunkt, serial)->wasRefused());
        QVERIFY(other > 0);
        QVERIFY(!db->jobLog().changeOutcome(999999, Outcome::Worked, QString()));
    }

    void largeImport() {
        auto db = openFresh();
        // A million rows on SQLite (the import budget in the README); fewer on the test
        // server, which only has to show the same behaviour.
        const int rows = postgres_ ? 50000 : largeRows;
        const QByteArray file = codeList(rows);
        QElapsedTimer timer;
        timer.start();
        const ImportReport report = db->codes().importCsv(file, QStringLiteral("million.csv"));
        qInfo("%d rows imported in %lld ms", rows, static_cast<long long>(timer.elapsed()));
        QVERIFY2(report.ok(), qPrintable(report.failure));
        QCOMPARE(int(report.imported), rows);
        QCOMPARE(int(db->codes().codeCount()), rows);
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, blaupunkt(rows - 1))->code,
                 QString::number((rows - 1) % 10000).rightJustified(4, QLatin1Char('0')));
        // Importing it again: all duplicates, nothing written.
        const ImportReport again = db->codes().importCsv(file, QStringLiteral("million.csv"));
        QCOMPARE(int(again.imported), 0);
        QCOMPARE(int(again.duplicates), rows);
    }

    // PostgreSQL: `radiocode db import` killed with SIGKILL half-way leaves all rows or none, and
    // the database works on. (The SQLite case is in tst_db_cli, timed on the journal's growth.)
    void killedImportLeavesAllOrNothing() {
        if (!postgres_)
            QSKIP("SQLite: see tst_db_cli");
        auto db = openFresh();
        const int rows = 200000;
        const QString file = dir_.filePath(QStringLiteral("kill.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(codeList(rows));
        }
        QProcess process;
        process.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode"),
                      {QStringLiteral("--database"), url_, QStringLiteral("db"),
                       QStringLiteral("import"), file});
        QVERIFY(process.waitForStarted());
        // Until the import has written rows inside its transaction (other sessions see the
        // table locked by it), then a little more.
        QElapsedTimer timer;
        timer.start();
        bool locked = false;
        while (!locked && timer.elapsed() < 30000 && process.state() == QProcess::Running) {
            QSqlQuery query(db->connection());
            query.exec(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON "
                                      "c.oid = l.relation WHERE c.relname = 'codes' AND "
                                      "l.mode = 'ShareRowExclusiveLock' AND l.granted"));
            locked = query.next() && query.value(0).toInt() > 0;
            if (!locked)
                QTest::qWait(5);
        }
        QVERIFY2(locked, "the import did not start in time");
        QTest::qWait(200);
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished());
        // The server notices the broken connection and rolls back; wait for its lock to go.
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                QSqlQuery query(db->connection());
                query.exec(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON "
                                          "c.oid = l.relation WHERE c.relname = 'codes' AND "
                                          "l.mode = 'ShareRowExclusiveLock'"));
                return query.next() ? query.value(0).toInt() : -1;
            }(),
            0, 20000);
        const qint64 count = db->codes().codeCount();
        QVERIFY2(count == 0 || count == rows, qPrintable(QString::number(count)));
        QVERIFY(db->codes().importCsv(codeList(rows), QStringLiteral("again.csv")).ok());
        QCOMPARE(int(db->codes().codeCount()), rows);
    }

    void lockedDatabaseGivesClearError() {
        if (postgres_)
            QSKIP("SQLite file locking; PostgreSQL writers wait for each other instead");
        auto holder = openFresh();
        OpenOptions quick;
        quick.busyTimeoutMs = 200;
        QString error;
        auto waiter = Database::open(url_, &error, quick);
        QVERIFY(waiter);
        QSqlQuery lock(holder->connection());
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QCOMPARE(waiter->codes().addConfirmedCode(Family::Blaupunkt,
                                                  QStringLiteral("BP934515516803"),
                                                  QStringLiteral("1234"), QStringLiteral("Ann")),
                 AddResult::Failed);
        QVERIFY2(waiter->lastError().contains(QLatin1String("locked by another program")),
                 qPrintable(waiter->lastError()));
        const ImportReport report = waiter->codes().importCsv(codeList(5), QStringLiteral("x.csv"));
        QCOMPARE(report.status, ImportReport::Status::DatabaseError);
        QVERIFY(report.failure.contains(QLatin1String("locked")));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QCOMPARE(waiter->codes().addConfirmedCode(Family::Blaupunkt,
                                                  QStringLiteral("BP934515516803"),
                                                  QStringLiteral("1234"), QStringLiteral("Ann")),
                 AddResult::Added);
    }

    void readOnlyFileGivesClearError() {
        if (postgres_)
            QSKIP("file permissions are an SQLite matter");
        if (::geteuid() == 0)
            QSKIP("root writes to read-only files; tst_db_cli covers this as an unprivileged user");
        { auto db = openFresh(); }
        const QString path = DatabaseUrl::parse(url_, nullptr)->path;
        {
            auto db = Database::open(url_, nullptr);
            QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt,
                                                  QStringLiteral("BP934515516803"),
                                                  QStringLiteral("1234"), QStringLiteral("Ann")),
                     AddResult::Added);
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        QString error;
        // Opened read-only: lookups work, writes say why they cannot be saved.
        auto db = Database::open(url_, &error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY(db->isReadOnly());
        QVERIFY(db->readOnlyReason().contains(QLatin1String("read-only")));
        QCOMPARE(db->codes().findCode(Family::Blaupunkt, QStringLiteral("BP934515516803"))->code,
                 QStringLiteral("1234"));
        QCOMPARE(db->codes().addConfirmedCode(Family::Blaupunkt, QStringLiteral("BP111111111111"),
                                              QStringLiteral("5555"), QStringLiteral("Ann")),
                 AddResult::Failed);
        QVERIFY2(db->lastError().contains(QLatin1String("read-only")), qPrintable(db->lastError()));
        db.reset();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void notADatabaseGivesClearError() {
        if (postgres_)
            QSKIP("SQLite files only");
        const QString path = dir_.filePath(QStringLiteral("notes.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QString error;
        QVERIFY(!Database::open(QStringLiteral("sqlite:") + path, &error));
        QVERIFY2(error.contains(QLatin1String("not a radiocode database")), qPrintable(error));
        QCOMPARE(int(QFileInfo(path).size()), 4096); // untouched
    }

    void unreachableServerGivesClearError() {
        QString error;
        OpenOptions quick;
        quick.connectTimeoutS = 2;
        // Port 1 on loopback: nothing listens there.
        QVERIFY(!Database::open(QStringLiteral("postgresql://nobody@127.0.0.1:1/codes"), &error,
                                quick));
        QVERIFY2(error.contains(QLatin1String("Cannot connect to the database "
                                              "postgresql://nobody@127.0.0.1:1/codes")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
