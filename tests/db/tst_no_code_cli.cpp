// When no code is on record, through the real `radiocode`: the radio card (matching and
// swapped), the code request PDF read back with pdftotext in every language, the waiting list
// and its reminder, a dealer's answer that another "PC" (another process, its own settings, the
// same database) looks up, and a refused code flagged on the next lookup. Run against SQLite
// and, with RADIOCODE_TEST_DB=postgresql, the fixture's PostgreSQL server.
#include "common/i18n.h"
#include "sheet/request_letter.h"
#include "storage/database.h"

#include "database_test_support.h"
#include "process_run.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

const QString program = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");
const QString serial = QStringLiteral("BP934515516803");

using radiocode::test::Run;

// The output as one line of text, for sentences that may wrap.
QString outputText(const Run& run) {
    return QString::fromUtf8(run.out).simplified();
}

} // namespace

class TestNoCodeCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    bool postgres_ = false;
    QString postgresUrl_;
    QString url_;
    int counter_ = 0;

    // A database of its own for every test: a new SQLite file, or the PostgreSQL test database
    // emptied.
    QString freshUrl() {
        if (!postgres_)
            return QStringLiteral("sqlite:%1/nocode%2.db").arg(dir_.path()).arg(++counter_);
        radiocode::test::emptyPostgresDatabase(postgresUrl_);
        return postgresUrl_;
    }

    // One workshop PC: its own settings folder (workshop details, reminder days).
    QString configHome(const QString& pc) const {
        return dir_.filePath(QStringLiteral("config-") + pc);
    }

    void writeSettings(const QString& pc, const QVariantMap& values) {
        QSettings settings(configHome(pc) + QStringLiteral("/radiocode/radiocode-finder.conf"),
                           QSettings::IniFormat);
        for (auto it = values.begin(); it != values.end(); ++it)
            settings.setValue(it.key(), it.value());
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    Run run(const QStringList& arguments, const QString& pc = QStringLiteral("a")) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QLatin1String(DatabaseUrl::environmentVariable));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome(pc));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data-") + pc));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        return radiocode::test::runProcess(
            program, QStringList{QStringLiteral("--database"), url_} + arguments,
            radiocode::test::RunOptions().environment(env).timeoutMs(60000));
    }

    QJsonObject lookupJson(const QString& pc) {
        const Run lookup = run({QStringLiteral("lookup"), serial, QStringLiteral("--json")}, pc);
        return QJsonDocument::fromJson(lookup.out).object();
    }

    static QString pdfText(const QString& path) {
        QProcess process;
        process.start(QStringLiteral("pdftotext"),
                      {QStringLiteral("-layout"), path, QStringLiteral("-")});
        if (!process.waitForFinished(30000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // The text in the order it was drawn, lines joined: a paragraph reads as one sentence.
    static QString pdfRawText(const QString& path) {
        QProcess process;
        process.start(QStringLiteral("pdftotext"),
                      {QStringLiteral("-raw"), path, QStringLiteral("-")});
        if (!process.waitForFinished(30000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput()).simplified();
    }

    // The job a `radiocode request` logged, from its last line of output.
    qint64 requestedJob(const Run& request) {
        const QJsonObject waiting =
            QJsonDocument::fromJson(run({QStringLiteral("jobs"), QStringLiteral("list"),
                                         QStringLiteral("--waiting"), QStringLiteral("--json")})
                                        .out)
                .object();
        const QJsonArray jobs = waiting.value(QLatin1String("jobs")).toArray();
        for (const QJsonValue& job : jobs) {
            const qint64 id = job.toObject().value(QLatin1String("id")).toInteger();
            if (outputText(request).contains(
                    QStringLiteral("#%1 ").arg(id))) // "Job #12", "Auftrag #12"
                return id;
        }
        return 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFile::exists(program), "build the radiocode target first");
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (packaging/dev.sh test does).");
        postgres_ = radiocode::test::againstPostgres();
        if (postgres_) {
            postgresUrl_ = radiocode::test::fixturePostgresUrl();
            QVERIFY2(postgresUrl_.startsWith(QLatin1String("postgresql://")),
                     "the PostgreSQL fixture did not leave its URL (tests/db/postgres_fixture.sh)");
        }
        qInfo("no-code suite against %s", postgres_ ? "PostgreSQL" : "SQLite");
    }

    void init() { url_ = freshUrl(); }

    // A workshop's database from before code requests: upgraded on open, every code kept.
    void schemaOneDatabaseIsUpgraded() {
        if (postgres_)
            QSKIP("the upgrade is the same SQL on both; checked on SQLite");
        const QString path = url_.mid(7);
        {
            QSqlDatabase old =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
            old.setDatabaseName(path);
            QVERIFY(old.open());
            QSqlQuery query(old);
            for (const char* statement :
                 {"CREATE TABLE radiocode_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                  "INSERT INTO radiocode_meta VALUES ('schema_version', '1')",
                  "CREATE TABLE codes (serial TEXT NOT NULL, family TEXT NOT NULL, code TEXT NOT "
                  "NULL, source TEXT NOT NULL, origin TEXT NOT NULL, created_at TEXT NOT NULL, "
                  "PRIMARY KEY (serial, family)) WITHOUT ROWID",
                  "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT "
                  "NULL, technician TEXT NOT NULL DEFAULT '', customer TEXT NOT NULL DEFAULT '', "
                  "registration TEXT NOT NULL DEFAULT '', vin TEXT NOT NULL DEFAULT '', family "
                  "TEXT, serial TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', source "
                  "TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL, attempts INTEGER NOT NULL "
                  "DEFAULT 0)",
                  "INSERT INTO codes VALUES ('BP934515516803', 'blaupunkt', '1234', 'import', "
                  "'dealer.csv', '2026-01-02T03:04:05Z')"})
                QVERIFY2(query.exec(QLatin1String(statement)),
                         qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema1"));
        QString error;
        auto database = Database::open(url_, &error);
        QVERIFY2(database, qPrintable(error));
        QCOMPARE(database->schemaVersion(), storage::Database::knownSchemaVersion);
        const auto stored = database->codes().findCode(Family::Blaupunkt, serial);
        QVERIFY(stored);
        QCOMPARE(stored->source(), QStringLiteral("database:import:dealer.csv"));
        QVERIFY(!stored->wasRefused());
        QVERIFY(database->jobLog().waitingJobs().isEmpty());
        database.reset();
        const QJsonObject lookup = lookupJson(QStringLiteral("a"));
        QCOMPARE(lookup.value(QLatin1String("code")).toString(), QStringLiteral("1234"));
    }

    void cardWithMatchingSerial() {
        // No code on record: the lookup names the two commands that lead on.
        const Run before = run({QStringLiteral("lookup"), serial});
        QCOMPARE(before.exitCode, 1);
        QVERIFY(outputText(before).contains(QStringLiteral("radiocode card %1").arg(serial)));
        QVERIFY(outputText(before).contains(QStringLiteral("radiocode request %1").arg(serial)));
        // The card prints the serial in groups, as labels do: cleaned the same way.
        const Run card =
            run({QStringLiteral("card"), serial, QStringLiteral("--card-serial"),
                 QStringLiteral("bp93451 5516803"), QStringLiteral("--code"),
                 QStringLiteral("4711"), QStringLiteral("--technician"), QStringLiteral("Ayse")});
        QVERIFY2(card.exitCode == 0, card.err.constData());
        QVERIFY(outputText(card).contains(QStringLiteral("Code: 4711")));
        QVERIFY(outputText(card).contains(QStringLiteral("(card:Ayse)")));
        QVERIFY(outputText(card).contains(QStringLiteral("radio card")));
        QVERIFY(outputText(card).contains(
            QStringLiteral("Press station button 1 until 4 shows on the display")));

        // Not in the code database until the radio accepted it.
        QCOMPARE(run({QStringLiteral("lookup"), serial}).exitCode, 1);
        const QJsonObject jobs =
            QJsonDocument::fromJson(
                run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")}).out)
                .object();
        const QJsonObject job = jobs.value(QLatin1String("jobs")).toArray().first().toObject();
        QCOMPARE(job.value(QLatin1String("source")).toString(), QStringLiteral("card:Ayse"));
        QCOMPARE(job.value(QLatin1String("code")).toString(), QStringLiteral("4711"));
        const QString id = QString::number(job.value(QLatin1String("id")).toInteger());
        const Run worked =
            run({QStringLiteral("jobs"), QStringLiteral("outcome"), id, QStringLiteral("worked")});
        QVERIFY2(worked.exitCode == 0, worked.err.constData());

        // Now every PC finds it, naming the card and who entered it.
        const QJsonObject lookup = lookupJson(QStringLiteral("b"));
        QCOMPARE(lookup.value(QLatin1String("code")).toString(), QStringLiteral("4711"));
        QCOMPARE(lookup.value(QLatin1String("source")).toString(),
                 QStringLiteral("database:card:Ayse"));
        QVERIFY(lookup.value(QLatin1String("sourceText"))
                    .toString()
                    .contains(QStringLiteral("radio card")));
    }

    void cardWithOtherSerialShowsNoCode() {
        const Run card = run({QStringLiteral("card"), serial, QStringLiteral("--card-serial"),
                              QStringLiteral("BP934515516804"), QStringLiteral("--code"),
                              QStringLiteral("4711")});
        QCOMPARE(card.exitCode, 2);
        QVERIFY(outputText(card).contains(QStringLiteral("probably swapped")));
        QVERIFY(!card.out.contains("4711"));
        QVERIFY(!outputText(card).contains(QStringLiteral("Code:")));
        // Nothing logged, nothing stored.
        QVERIFY(outputText(run({QStringLiteral("jobs"), QStringLiteral("list")}))
                    .contains(QStringLiteral("No jobs match")));

        // A code that is not 4 digits, and a card serial that is not a serial.
        const Run shortCode = run({QStringLiteral("card"), serial, QStringLiteral("--card-serial"),
                                   serial, QStringLiteral("--code"), QStringLiteral("471")});
        QCOMPARE(shortCode.exitCode, 2);
        QVERIFY(shortCode.err.contains("4 digits"));
        const Run badCard = run({QStringLiteral("card"), serial, QStringLiteral("--card-serial"),
                                 QStringLiteral("BPO34515516803"), QStringLiteral("--code"),
                                 QStringLiteral("4711")});
        QCOMPARE(badCard.exitCode, 2);
        QVERIFY(badCard.err.contains("card's serial"));
        QVERIFY(badCard.err.contains("BP034515516803")); // the suggestion
    }

    void requestPdf_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("filled");
        for (const char* language : {"en", "de", "tr"}) {
            QTest::addRow("%s filled", language) << QString::fromLatin1(language) << true;
            QTest::addRow("%s blank", language) << QString::fromLatin1(language) << false;
        }
    }

    void requestPdf() {
        QFETCH(QString, language);
        QFETCH(bool, filled);
        if (filled)
            writeSettings(
                QStringLiteral("a"),
                {{QStringLiteral("sheet/workshopName"), QStringLiteral("Oto Servis Kaya")},
                 {QStringLiteral("workshop/address"),
                  QStringLiteral("Sanayi Cad. 12\n34000 Istanbul")},
                 {QStringLiteral("workshop/contact"),
                  QStringLiteral("+90 212 555 01 01, servis@example.com")}});
        else
            QFile::remove(configHome(QStringLiteral("a")) +
                          QStringLiteral("/radiocode/radiocode-finder.conf"));
        const QString pdf =
            dir_.filePath(QStringLiteral("request-%1-%2.pdf")
                              .arg(language)
                              .arg(filled ? QStringLiteral("filled") : QStringLiteral("blank")));
        QStringList arguments = {QStringLiteral("request"), serial,  QStringLiteral("--out"), pdf,
                                 QStringLiteral("--lang"),  language};
        if (filled)
            arguments << QStringLiteral("--vin") << QStringLiteral("SJNFAAJ10U1234567")
                      << QStringLiteral("--registration") << QStringLiteral("34 ABC 123")
                      << QStringLiteral("--customer") << QStringLiteral("Ali Yilmaz")
                      << QStringLiteral("--part-number") << QStringLiteral("7 649 345 318")
                      << QStringLiteral("--to") << QStringLiteral("Nissan Kartal");
        const Run request = run(arguments);
        QVERIFY2(request.exitCode == 0, request.err.constData());
        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");

        // What the request says, in the language asked for (untranslated sentences stay
        // English: the expected texts come from the same translations).
        installTranslations(language);
        const QStringList structure = {
            RequestLetter::title(),
            RequestLetter::tr("Vehicle"),
            RequestLetter::tr("Radio"),
            RequestLetter::tr("VIN (chassis number):"),
            RequestLetter::tr("Registration:"),
            RequestLetter::tr("Serial number:"),
            RequestLetter::tr("Proof of ownership enclosed"),
            RequestLetter::tr("Vehicle registration document (copy)"),
            RequestLetter::tr("Owner's identity document (copy)"),
            RequestLetter::tr("Purchase invoice for the vehicle or the radio (copy)"),
            RequestLetter::tr("Owner's signature:"),
        };
        installTranslations(QStringLiteral("en"));
        const QString flat = text.simplified();
        for (const QString& part : structure)
            QVERIFY2(flat.contains(part.simplified()),
                     qPrintable(part + QStringLiteral(" in\n") + text));
        QVERIFY(flat.contains(serial));
        QVERIFY(flat.contains(QStringLiteral("Blaupunkt")));
        QVERIFY(flat.contains(QStringLiteral("Nissan")));

        // The signature and stamp lines are always blank; every empty field is a blank line.
        const qsizetype blanks = text.count(QStringLiteral("______________________________"));
        if (filled) {
            for (const char* value :
                 {"SJNFAAJ10U1234567", "34 ABC 123", "Ali Yilmaz", "7 649 345 318", "Nissan Kartal",
                  "Oto Servis Kaya", "Sanayi Cad. 12", "34000 Istanbul", "servis@example.com"})
                QVERIFY2(flat.contains(QLatin1String(value)), value);
            QCOMPARE(blanks, 3); // signature, place and date, workshop's stamp
        } else {
            QVERIFY(!flat.contains(QStringLiteral("Kartal")));
            // Workshop, address, contact, to, VIN, registration, owner, part number, owner's
            // name, signature, place and date, stamp.
            QCOMPARE(blanks, 12);
        }
        // Said in the language asked for: the job's number is in every language.
        if (language == QLatin1String("en"))
            QVERIFY(outputText(request).contains(QStringLiteral("waiting for the code")));
        // The letter names the job, so the answer finds its way back.
        const qint64 id = requestedJob(request);
        QVERIFY(id > 0);
        QVERIFY2(flat.contains(QRegularExpression(QStringLiteral("#%1\\b").arg(id))),
                 qPrintable(text));
    }

    void requestRefusesWhatIsWrong() {
        const QString pdf = dir_.filePath(QStringLiteral("wrong.pdf"));
        // The part number's 4th to 7th digits are the serial's 3rd to 6th characters.
        Run request = run({QStringLiteral("request"), serial, QStringLiteral("--out"), pdf,
                           QStringLiteral("--part-number"), QStringLiteral("7 645 384 318")});
        QCOMPARE(request.exitCode, 2);
        QVERIFY(request.err.contains("misread"));
        request =
            run({QStringLiteral("request"), QStringLiteral("J727"), QStringLiteral("--out"), pdf});
        QCOMPARE(request.exitCode, 2);
        QVERIFY(request.err.contains("public algorithm"));
        request = run({QStringLiteral("request"), serial, QStringLiteral("--out"), pdf,
                       QStringLiteral("--vin"), QStringLiteral("SJNFAAJ10U12345")});
        QCOMPARE(request.exitCode, 2);
        QVERIFY(!QFile::exists(pdf));
        QCOMPARE(run({QStringLiteral("request"), serial}).exitCode, 2); // --out is missing
        // A letter that cannot be written is not a request: nothing waits for an answer.
        request = run({QStringLiteral("request"), serial, QStringLiteral("--out"), dir_.path()});
        QCOMPARE(request.exitCode, 3);
        QVERIFY(!request.err.isEmpty());
        QVERIFY(outputText(run({QStringLiteral("jobs"), QStringLiteral("list"),
                                QStringLiteral("--waiting")}))
                    .contains(QStringLiteral("No job is waiting")));
    }

    // `request --photo`: the photo is on the letter and kept with the job (scaled down), and
    // `jobs export` says which job has one, without the picture's bytes.
    void requestPhotoKeptWithTheJob() {
        QImage photo(3000, 2000, QImage::Format_RGB32);
        photo.fill(QColor(240, 240, 230));
        for (int x = 100; x < 2900; x += 37)
            for (int y = 600; y < 1400; ++y)
                photo.setPixel(x + (y % 3), y, qRgb(20, 20, 20));
        const QString photoPath = dir_.filePath(QStringLiteral("label.png"));
        QVERIFY(photo.save(photoPath));
        const QString pdf = dir_.filePath(QStringLiteral("with-photo.pdf"));
        const Run request = run({QStringLiteral("request"), serial, QStringLiteral("--out"), pdf,
                                 QStringLiteral("--photo"), photoPath});
        QVERIFY2(request.exitCode == 0, request.err.constData());
        const qint64 id = requestedJob(request);
        QVERIFY(id > 0);
        QProcess images;
        images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QVERIFY(images.waitForFinished(30000));
        QVERIFY2(images.readAllStandardOutput().split('\n').size() >= 4, "no picture in the PDF");

        const Run without = run({QStringLiteral("request"), serial, QStringLiteral("--out"),
                                 dir_.filePath(QStringLiteral("without-photo.pdf"))});
        QVERIFY2(without.exitCode == 0, without.err.constData());
        const qint64 other = requestedJob(without);

        const Run exported = run({QStringLiteral("jobs"), QStringLiteral("export")});
        QCOMPARE(exported.exitCode, 0);
        const QList<QByteArray> lines = exported.out.split('\n');
        QVERIFY(lines.first().endsWith(",label_photo"));
        int checked = 0;
        for (const QByteArray& line : lines) {
            const QByteArray start = line.startsWith("\xEF\xBB\xBF") ? line.mid(3) : line;
            if (start.startsWith(QByteArray::number(id) + ',')) {
                QVERIFY2(line.endsWith(",yes"), line.constData());
                ++checked;
            } else if (start.startsWith(QByteArray::number(other) + ',')) {
                QVERIFY2(line.endsWith(",no"), line.constData());
                ++checked;
            }
        }
        QCOMPARE(checked, 2);
        QVERIFY(exported.out.size() < 4096); // no picture in the export

        // An unreadable photo: said, and nothing is logged.
        const QString broken = dir_.filePath(QStringLiteral("broken.jpg"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xFF\xD8\xFF not a picture");
        file.close();
        const Run bad =
            run({QStringLiteral("request"), serial, QStringLiteral("--out"),
                 dir_.filePath(QStringLiteral("bad.pdf")), QStringLiteral("--photo"), broken});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(QString::fromUtf8(bad.err).contains(broken), bad.err.constData());
    }

    void waitingListWithReminder() {
        writeSettings(QStringLiteral("a"), {{QStringLiteral("requests/reminderDays"), 5}});
        const Run request = run({QStringLiteral("request"), serial, QStringLiteral("--out"),
                                 dir_.filePath(QStringLiteral("wait.pdf")), QStringLiteral("--to"),
                                 QStringLiteral("Nissan Kartal"), QStringLiteral("--customer"),
                                 QStringLiteral("Ali Yilmaz")});
        QVERIFY2(request.exitCode == 0, request.err.constData());
        const qint64 id = requestedJob(request);
        QVERIFY(id > 0);

        Run list = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting"),
                        QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QJsonObject object = QJsonDocument::fromJson(list.out).object();
        QCOMPARE(object.value(QLatin1String("reminderDays")).toInt(), 5);
        QJsonObject job = object.value(QLatin1String("jobs")).toArray().first().toObject();
        QCOMPARE(job.value(QLatin1String("id")).toInteger(), id);
        QCOMPARE(job.value(QLatin1String("serial")).toString(), serial);
        QCOMPARE(job.value(QLatin1String("askedFrom")).toString(), QStringLiteral("Nissan Kartal"));
        QCOMPARE(job.value(QLatin1String("daysWaited")).toInt(), 0);
        QCOMPARE(job.value(QLatin1String("overdue")).toBool(), false);
        QVERIFY(!object.contains(QLatin1String("reminder")));
        list = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting")});
        // "day(s)" until the English plural forms are in translations/.
        QVERIFY2(outputText(list).contains(QRegularExpression(QStringLiteral("waiting 0 day"))),
                 list.out.constData());
        QVERIFY(!outputText(list).contains(QStringLiteral("Reminder")));
        // The whole job list says the job waits, since when and for whom, not "Not tried".
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        list = run({QStringLiteral("jobs"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(outputText(list).contains(
                     QStringLiteral("Waiting for code since %1 (asked Nissan Kartal)").arg(today)),
                 list.out.constData());
        QVERIFY2(!outputText(list).contains(QStringLiteral("Not tried")), list.out.constData());
        object =
            QJsonDocument::fromJson(
                run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")}).out)
                .object();
        job = object.value(QLatin1String("jobs")).toArray().first().toObject();
        QCOMPARE(job.value(QLatin1String("outcome")).toString(), QStringLiteral("not-tried"));
        QCOMPARE(job.value(QLatin1String("waiting")).toObject().value(QLatin1String("askedFrom")),
                 QJsonValue(QStringLiteral("Nissan Kartal")));

        // Eight days later (the request dated back in the database).
        {
            QString error;
            auto database = Database::open(url_, &error);
            QVERIFY2(database, qPrintable(error));
            QSqlQuery query(database->connection());
            query.prepare(QStringLiteral("UPDATE code_requests SET asked_at = ? WHERE job_id = ?"));
            query.addBindValue(QDateTime::currentDateTimeUtc().addDays(-8).toString(Qt::ISODate));
            query.addBindValue(id);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        list = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--waiting")});
        QVERIFY(outputText(list).contains(QRegularExpression(QStringLiteral("waiting 8 day"))));
        QVERIFY2(outputText(list).contains(QRegularExpression(QStringLiteral(
                     "Reminder: 1 code request(\\(s\\))? waiting longer than 5 days"))),
                 list.out.constData());
        object =
            QJsonDocument::fromJson(run({QStringLiteral("jobs"), QStringLiteral("list"),
                                         QStringLiteral("--waiting"), QStringLiteral("--json")})
                                        .out)
                .object();
        QCOMPARE(object.value(QLatin1String("overdue")).toInt(), 1);
        QVERIFY(object.contains(QLatin1String("reminder")));

        // Answered: no longer waiting.
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(id),
                      QStringLiteral("1234"), QStringLiteral("--from"), QStringLiteral("Kartal")})
                     .exitCode,
                 0);
        QVERIFY(!outputText(run({QStringLiteral("jobs"), QStringLiteral("list")}))
                     .contains(QStringLiteral("Waiting for code")));
        QVERIFY(outputText(run({QStringLiteral("jobs"), QStringLiteral("list"),
                                QStringLiteral("--waiting")}))
                    .contains(QStringLiteral("No job is waiting")));
    }

    void answerLooksUpOnAnotherPc() {
        const Run request = run({QStringLiteral("request"), serial, QStringLiteral("--out"),
                                 dir_.filePath(QStringLiteral("answer.pdf")),
                                 QStringLiteral("--to"), QStringLiteral("Nissan Kartal")});
        QVERIFY2(request.exitCode == 0, request.err.constData());
        const qint64 id = requestedJob(request);
        QVERIFY(id > 0);
        // Not on record yet, from either PC.
        QCOMPARE(run({QStringLiteral("lookup"), serial}, QStringLiteral("b")).exitCode, 1);

        const Run answer = run({QStringLiteral("jobs"), QStringLiteral("answer"),
                                QString::number(id), QStringLiteral("0815"),
                                QStringLiteral("--from"), QStringLiteral("Nissan Kartal")});
        QVERIFY2(answer.exitCode == 0, answer.err.constData());
        QVERIFY(outputText(answer).contains(QStringLiteral("dealer:Nissan Kartal")));

        // The second PC: its own process and settings, the same database.
        QJsonObject lookup = lookupJson(QStringLiteral("b"));
        QCOMPARE(lookup.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(lookup.value(QLatin1String("code")).toString(), QStringLiteral("0815"));
        QCOMPARE(lookup.value(QLatin1String("source")).toString(),
                 QStringLiteral("dealer:Nissan Kartal"));
        QVERIFY(!lookup.contains(QLatin1String("refused")));

        // The job carries the code: the sheet prints it, and the outcome is recorded as for any
        // job. The radio refuses it on the second PC...
        const Run sheet = run({QStringLiteral("sheet"), serial, QStringLiteral("--out"),
                               dir_.filePath(QStringLiteral("answer-sheet.pdf"))},
                              QStringLiteral("b"));
        QCOMPARE(sheet.exitCode, 0);
        const Run refused = run({QStringLiteral("jobs"), QStringLiteral("outcome"),
                                 QString::number(id), QStringLiteral("refused"),
                                 QStringLiteral("--technician"), QStringLiteral("Mehmet")},
                                QStringLiteral("b"));
        QVERIFY2(refused.exitCode == 0, refused.err.constData());

        // ...and the first PC's next lookup says so, with who and when.
        lookup = lookupJson(QStringLiteral("a"));
        QCOMPARE(lookup.value(QLatin1String("code")).toString(), QStringLiteral("0815"));
        const QJsonObject flag = lookup.value(QLatin1String("refused")).toObject();
        QCOMPARE(flag.value(QLatin1String("by")).toString(), QStringLiteral("Mehmet"));
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QVERIFY(flag.value(QLatin1String("at"))
                    .toString()
                    .startsWith(QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)));
        const Run text = run({QStringLiteral("lookup"), serial});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(outputText(text).contains(
                     QStringLiteral("This code was refused on a radio by Mehmet on %1").arg(today)),
                 text.out.constData());
        // The instruction sheet warns as the lookup does, with who and when.
        const QString refusedSheet = dir_.filePath(QStringLiteral("refused-sheet.pdf"));
        const Run sheetAfter = run({QStringLiteral("sheet"), serial, QStringLiteral("--out"),
                                    refusedSheet, QStringLiteral("--force")});
        QVERIFY2(sheetAfter.exitCode == 0, sheetAfter.err.constData());
        QVERIFY2(
            pdfRawText(refusedSheet)
                .contains(
                    QStringLiteral("This code was refused on a radio by Mehmet on %1").arg(today)),
            qPrintable(pdfRawText(refusedSheet)));
        QVERIFY(!pdfRawText(dir_.filePath(QStringLiteral("answer-sheet.pdf")))
                     .contains(QStringLiteral("was refused")));

        // Worked after all (the serial was misread the first time): the flag goes.
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("outcome"), QString::number(id),
                      QStringLiteral("worked"), QStringLiteral("--technician"),
                      QStringLiteral("Mehmet")})
                     .exitCode,
                 0);
        QVERIFY(!lookupJson(QStringLiteral("b")).contains(QLatin1String("refused")));
    }

    void manufacturerAnswerAndConflicts() {
        const auto ask = [&](const QString& file) {
            const Run request = run(
                {QStringLiteral("request"), serial, QStringLiteral("--out"), dir_.filePath(file)});
            return requestedJob(request);
        };
        const qint64 first = ask(QStringLiteral("m1.pdf"));
        const qint64 second = ask(QStringLiteral("m2.pdf"));
        QVERIFY(first > 0 && second > 0 && first != second);
        Run answer = run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(first),
                          QStringLiteral("2468"), QStringLiteral("--from"),
                          QStringLiteral("Blaupunkt Service"), QStringLiteral("--manufacturer")});
        QVERIFY2(answer.exitCode == 0, answer.err.constData());
        QCOMPARE(lookupJson(QStringLiteral("b")).value(QLatin1String("source")).toString(),
                 QStringLiteral("manufacturer:Blaupunkt Service"));
        // Another answer never overwrites a different stored code.
        answer = run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(second),
                      QStringLiteral("1357"), QStringLiteral("--from"), QStringLiteral("Dealer")});
        QCOMPARE(answer.exitCode, 3);
        QVERIFY(answer.err.contains("2468"));
        QCOMPARE(lookupJson(QStringLiteral("a")).value(QLatin1String("code")).toString(),
                 QStringLiteral("2468"));
        // Answered already, not a job, not a code, nobody named.
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(first),
                      QStringLiteral("2468"), QStringLiteral("--from"), QStringLiteral("X")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), QStringLiteral("999"),
                      QStringLiteral("2468"), QStringLiteral("--from"), QStringLiteral("X")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(second),
                      QStringLiteral("24a8"), QStringLiteral("--from"), QStringLiteral("X")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("answer"), QString::number(second),
                      QStringLiteral("2468")})
                     .exitCode,
                 2);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // the translations the expected texts come from
    TestNoCodeCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_no_code_cli.moc"
