// `radiocode db` and `radiocode jobs` through QProcess: output shapes, exit codes, and what the
// database looks like afterwards (including after a SIGKILL in the middle of an import).
#include "database_test_support.h"
#include "process_run.h"
#include "storage/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace radiocode::storage;

constexpr int largeRows = radiocode::test::largeCodeListRows;

namespace {

const QString program = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");

using radiocode::test::Run;

using radiocode::test::codeList;

} // namespace

class TestDbCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString url_;
    int counter_ = 0;

    // Never the user's own settings or default database.
    QProcessEnvironment environment() const {
        return radiocode::test::isolatedEnvironment(dir_.path());
    }

    Run run(const QStringList& arguments, const QProcessEnvironment& env) {
        return radiocode::test::runProcess(program, arguments,
                                           radiocode::test::RunOptions().environment(env));
    }

    Run run(const QStringList& arguments) {
        return run(QStringList{QStringLiteral("--database"), url_} + arguments, environment());
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        return radiocode::test::writeFile(dir_.filePath(name), content);
    }

    QString dbPath() const { return url_.mid(7); }

    // The output with its line breaks undone: the text is wrapped to the terminal's width.
    static QByteArray words(const QByteArray& output) { return output.simplified(); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFile::exists(program), "build the radiocode target first");
    }

    void init() { url_ = QStringLiteral("sqlite:%1/cli%2.db").arg(dir_.path()).arg(++counter_); }

    void importJsonIsOneObject() {
        const QString file =
            writeFile(QStringLiteral("list.csv"), "\xEF\xBB\xBFserial;code\r\n"
                                                  "BP934515516803;1234\r\n"
                                                  "BP934515516803;1234\r\n"
                                                  "BP934515516803;9999\r\n"
                                                  "J727;1234\r\n"
                                                  "\"BE473935000375\";\"0042\"\r\n");
        // --database after the subcommand, too.
        const Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), file, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, result.out.constData());
        QVERIFY(document.isObject());
        QCOMPARE(result.out.count('\n'), 1); // exactly one object, one line
        const QJsonObject object = document.object();
        QCOMPARE(object.keys().size(), 5);
        QCOMPARE(object.value(QLatin1String("imported")).toInt(), 2);
        QCOMPARE(object.value(QLatin1String("duplicates")).toInt(), 1);
        QCOMPARE(object.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(object.value(QLatin1String("conflicts")).toInt(), 1);
        const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].toObject().value(QLatin1String("line")).toInt(), 4);
        QCOMPARE(errors[1].toObject().value(QLatin1String("line")).toInt(), 5);
        QVERIFY(!errors[1].toObject().value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(result.err.isEmpty());

        // The imported code answers a lookup, naming its source.
        const Run lookup = run(
            {QStringLiteral("lookup"), QStringLiteral("BP934515516803"), QStringLiteral("--json")});
        QCOMPARE(lookup.exitCode, 0);
        QVERIFY2(lookup.out.contains("database:import:list.csv"), lookup.out.constData());
    }

    void importFailuresStillOneObject() {
        Run result = run({QStringLiteral("db"), QStringLiteral("import"),
                          dir_.filePath(QStringLiteral("missing.csv")), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 3);
        QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(QLatin1String("imported")).toInt(-1), 0);
        QCOMPARE(object.value(QLatin1String("errors")).toArray().size(), 1);
        QVERIFY(
            object.value(QLatin1String("errors"))[0][QLatin1String("message")].toString().contains(
                QLatin1String("missing.csv")));

        const QString noHeader = writeFile(QStringLiteral("noheader.csv"), "BP934515516803,1234\n");
        result = run(
            {QStringLiteral("db"), QStringLiteral("import"), noHeader, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(QJsonDocument::fromJson(result.out).isObject());

        const QString empty = writeFile(QStringLiteral("empty.csv"), "");
        result = run({QStringLiteral("db"), QStringLiteral("import"), empty});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("empty"), result.err.constData());
    }

    void dryRunSavesNothing() {
        const QString file = writeFile(QStringLiteral("dry.csv"), codeList(20));
        Run result = run(
            {QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("--dry-run"), file});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("20 imported"), result.out.constData());
        QVERIFY(result.out.contains("nothing saved"));
        result = run({QStringLiteral("db"), QStringLiteral("export")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out,
                 QByteArray("\xEF\xBB\xBFserial,code,family,source,origin,created_at\n"));
    }

    void addAndExport() {
        Run result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("J727"),
                 QStringLiteral("1234"), QStringLiteral("--technician"), QStringLiteral("Ann")});
        QCOMPARE(result.exitCode, 2); // Renault: computed, not stored
        QVERIFY(result.err.contains("computed"));
        result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP93451551680O"),
                 QStringLiteral("1234"), QStringLiteral("--technician"), QStringLiteral("Ann")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("BP934515516800")); // the suggestion
        result = run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                      QStringLiteral("1234")});
        QCOMPARE(result.exitCode, 2); // no technician
        result = run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                      QStringLiteral("12345"), QStringLiteral("--technician=Ann")});
        QCOMPARE(result.exitCode, 2);
        result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("1234"), QStringLiteral("--technician"), QStringLiteral("=Ann")});
        QCOMPARE(result.exitCode, 0);
        result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("1234"), QStringLiteral("--technician"), QStringLiteral("Bob")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("Already stored"));
        result =
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("4321"), QStringLiteral("--technician"), QStringLiteral("Bob")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains("--replace"));

        const QString out = dir_.filePath(QStringLiteral("codes%1.csv").arg(counter_));
        result = run({QStringLiteral("db"), QStringLiteral("export"), out});
        QCOMPARE(result.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines[0], QByteArray("\xEF\xBB\xBFserial,code,family,source,origin,created_at"));
        QVERIFY2(lines[1].startsWith("BP934515516803,\xE2\x80\x8B"
                                     "1234,blaupunkt,confirmed,"
                                     "\xE2\x80\x8B=Ann,"),
                 lines[1].constData());
        file.close();
        result = run({QStringLiteral("db"), QStringLiteral("export"), out});
        QCOMPARE(result.exitCode, 3); // exists: not overwritten without --force
        QVERIFY(result.err.contains("--force"));
        result =
            run({QStringLiteral("db"), QStringLiteral("export"), out, QStringLiteral("--force")});
        QCOMPARE(result.exitCode, 0);
    }

    void databaseFromEnvironment() {
        QProcessEnvironment env = environment();
        env.insert(QLatin1String(DatabaseUrl::environmentVariable), url_);
        Run result = run({QStringLiteral("db"), QStringLiteral("info")}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(url_.toUtf8()));
        QVERIFY(result.out.contains("RADIOCODE_DATABASE"));
        // --database after the subcommand works as well as before it.
        result = run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"),
                      url_ + QStringLiteral(".after")},
                     env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(".after (chosen by --database)"));
        // The command line wins over the environment.
        result = run({QStringLiteral("--database"), url_ + QStringLiteral(".other"),
                      QStringLiteral("db"), QStringLiteral("info")},
                     env);
        QVERIFY(result.out.contains(".other"));
    }

    void badUrlAndUnreachableServer() {
        Run result = run({QStringLiteral("--database"), QStringLiteral("mysql://a@b/c"),
                          QStringLiteral("db"), QStringLiteral("info")},
                         environment());
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("not a database URL"));
        result =
            run({QStringLiteral("--database"), QStringLiteral("postgresql://ann@127.0.0.1:1/x"),
                 QStringLiteral("db"), QStringLiteral("import"),
                 writeFile(QStringLiteral("u.csv"), codeList(1)), QStringLiteral("--json")},
                environment());
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(QJsonDocument::fromJson(result.out)
                     .object()
                     .value(QLatin1String("errors"))[0][QLatin1String("message")]
                     .toString()
                     .contains(QLatin1String("Cannot connect")),
                 result.out.constData());
    }

    // Rule 2: an unreachable database does not mean "no code": the lookup says the database
    // could not be reached (the code may be on record) and fails with status 3.
    void lookupWithUnreachableDatabase() {
        const QString unreachable = QStringLiteral("postgresql://ann@127.0.0.1:1/x");
        Run result = run({QStringLiteral("--database"), unreachable, QStringLiteral("lookup"),
                          QStringLiteral("BP934515516803")},
                         environment());
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(words(result.out).contains("could not be reached"), result.out.constData());
        QVERIFY2(words(result.out).contains("may be on record"), result.out.constData());
        QVERIFY2(!words(result.out).contains("holds no code"), result.out.constData());
        QVERIFY2(words(result.out).contains("Code database unreachable"), result.out.constData());
        // For scripts: "unreachable", never "not-found".
        result = run({QStringLiteral("--database"), unreachable, QStringLiteral("lookup"),
                      QStringLiteral("--json"), QStringLiteral("BP934515516803")},
                     environment());
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QLatin1String("status")),
                 QJsonValue(QStringLiteral("unreachable")));
        // The batch keeps its fixed status column: "unreachable"; the message says why.
        const QString input =
            writeFile(QStringLiteral("batch-unreachable.txt"), "BP934515516803\nT019\n");
        result = run({QStringLiteral("--database"), unreachable, QStringLiteral("batch"), input},
                     environment());
        QVERIFY2(result.out.contains(",unreachable,"), result.out.constData());
        QVERIFY2(!result.out.contains(",not-found,"), result.out.constData());
        QVERIFY2(words(result.out).contains("could not be reached"), result.out.constData());
        QVERIFY2(!words(result.out).contains("holds no code"), result.out.constData());
        QCOMPARE(result.err.count("cannot be used"), 1); // said once, not per line
        // Algorithm families are unaffected.
        result = run({QStringLiteral("--database"), unreachable, QStringLiteral("lookup"),
                      QStringLiteral("T019")},
                     environment());
        QCOMPARE(result.exitCode, 0);
        // A batch that needs no database never opens it: no error, no connection attempt.
        const QString algorithmsOnly =
            writeFile(QStringLiteral("batch-algorithms.txt"), "M123456\nT019\nM212365\n");
        result = run(
            {QStringLiteral("--database"), unreachable, QStringLiteral("batch"), algorithmsOnly},
            environment());
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        QCOMPARE(result.out.count("\nM"), 2);
    }

    void newerSchemaRefused() {
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("info")}).exitCode, 0);
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(dbPath());
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(QStringLiteral(
                "UPDATE radiocode_meta SET value = '7' WHERE key = 'schema_version'")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const Run result = run({QStringLiteral("db"), QStringLiteral("info")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("newer version"), result.err.constData());
    }

    // A job added with a refused code flags that code for the next lookup, as `jobs outcome` does.
    void jobsAddWithARefusedCodeFlagsIt() {
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP538769672026"),
                 QStringLiteral("4711"), QStringLiteral("--technician"), QStringLiteral("Ann")})
                .exitCode,
            0);
        Run result =
            run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("BP538769672026"),
                 QStringLiteral("--code"), QStringLiteral("4711"), QStringLiteral("--outcome"),
                 QStringLiteral("refused"), QStringLiteral("--technician"), QStringLiteral("Bea")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        result = run(
            {QStringLiteral("lookup"), QStringLiteral("BP538769672026"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject flag =
            QJsonDocument::fromJson(result.out).object().value(QLatin1String("refused")).toObject();
        QCOMPARE(flag.value(QLatin1String("by")).toString(), QStringLiteral("Bea"));
    }

    void jobsListExportAndAttempts() {
        Run result =
            run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("--code"), QStringLiteral("1234"), QStringLiteral("--outcome"),
                 QStringLiteral("refused"), QStringLiteral("--technician"), QStringLiteral("Ann"),
                 QStringLiteral("--customer"), QStringLiteral("Müller")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("refused 1 time"));
        result = run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("J727"),
                      QStringLiteral("--outcome"), QStringLiteral("worked")});
        QCOMPARE(result.exitCode, 0);
        result =
            run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("--outcome"), QStringLiteral("refused"),
                 QStringLiteral("--attempts"), QStringLiteral("2")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("wait about an hour"), result.out.constData());

        result = run({QStringLiteral("jobs"), QStringLiteral("attempts"),
                      QStringLiteral("BP934515516803"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject attempts = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(attempts.value(QLatin1String("refused")).toInt(), 3);
        QVERIFY(attempts.value(QLatin1String("lockout")).toBool());

        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out)
                     .object()
                     .value(QLatin1String("jobs"))
                     .toArray()
                     .size(),
                 3);
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--family"),
                      QStringLiteral("renault"), QStringLiteral("--json")});
        const QJsonArray renault =
            QJsonDocument::fromJson(result.out).object().value(QLatin1String("jobs")).toArray();
        QCOMPARE(renault.size(), 1);
        QCOMPARE(renault[0][QLatin1String("outcome")].toString(), QStringLiteral("worked"));
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--outcome"),
                      QStringLiteral("refused")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.count('\n'), 2);
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--since"),
                      QStringLiteral("2999-01-01")});
        QVERIFY(result.out.contains("No jobs match"));
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--since"),
                      QStringLiteral("yesterday")});
        QCOMPARE(result.exitCode, 2);
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--outcome"),
                      QStringLiteral("maybe")});
        QCOMPARE(result.exitCode, 2);
        result = run({QStringLiteral("jobs"), QStringLiteral("export")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.count('\n'), 4);
        QVERIFY(result.out.startsWith(
            "\xEF\xBB\xBFid,time,technician,customer,registration,vin,family"));
        QVERIFY(result.out.contains("Müller"));
    }

    // A Blaupunkt 7th-character letter that looks like a digit: both readings are asked, and
    // the answer names the one on record; an unknown label form is answered unchecked.
    void lookupTriesBothReadingsAndUncheckedSerials() {
        const QString file =
            writeFile(QStringLiteral("readings.csv"), "serial,code,family\n"
                                                      "BP551102151786,4711,\n"
                                                      "XY1234567890,2468,blaupunkt\n");
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import"), file}).exitCode, 0);
        Run result = run(
            {QStringLiteral("lookup"), QStringLiteral("BP5511O2151786"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(QLatin1String("code")).toString(), QStringLiteral("4711"));
        QCOMPARE(object.value(QLatin1String("serial")).toString(),
                 QStringLiteral("BP5511O2151786"));
        QCOMPARE(object.value(QLatin1String("recordedSerial")).toString(),
                 QStringLiteral("BP551102151786"));
        QVERIFY(object.value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("holds the code for the reading BP551102151786")));
        result = run({QStringLiteral("lookup"), QStringLiteral("XY1234567890")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(words(result.out).contains("Code: 2468"), result.out.constData());
        QVERIFY(words(result.out).contains("Warning: Unchecked serial"));
    }

    // Both readings on record with different codes: no code (readings-disagree) until
    // --reading says which the label shows; then only that reading is asked, for the sheet too.
    void readingOptionResolvesDisagreeingReadings() {
        const QString file = writeFile(QStringLiteral("disagree.csv"), "serial,code\n"
                                                                       "BP5511S2151786,1111\n"
                                                                       "BP551152151786,2222\n"
                                                                       "BP5511O2151786,3333\n");
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import"), file}).exitCode, 0);
        Run result = run(
            {QStringLiteral("lookup"), QStringLiteral("BP5511S2151786"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(QLatin1String("messageId")).toString(),
                 QStringLiteral("readings-disagree"));
        QVERIFY(object.value(QLatin1String("code")).isNull());
        result = run({QStringLiteral("lookup"), QStringLiteral("BP5511S2151786")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(words(result.out).contains("radiocode lookup BP5511S2151786 --reading digit"),
                 result.out.constData());
        for (const auto& [reading, serial, code] :
             {std::tuple{"letter", "BP5511S2151786", "1111"},
              std::tuple{"digit", "BP551152151786", "2222"}}) {
            result = run({QStringLiteral("lookup"), QStringLiteral("BP5511S 2151786"),
                          QStringLiteral("--reading"), QLatin1String(reading),
                          QStringLiteral("--json")});
            QVERIFY2(result.exitCode == 0, result.err.constData());
            object = QJsonDocument::fromJson(result.out).object();
            QCOMPARE(object.value(QLatin1String("code")).toString(), QLatin1String(code));
            QCOMPARE(object.value(QLatin1String("serial")).toString(), QLatin1String(serial));
            QCOMPARE(object.value(QLatin1String("reading")).toString(), QLatin1String(reading));
            QVERIFY(!object.contains(QLatin1String("recordedSerial")));
        }
        // The letter O that the database holds only as printed: the digit reading has none.
        result = run({QStringLiteral("lookup"), QStringLiteral("--reading=digit"),
                      QStringLiteral("BP5511O2151786")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(words(result.out).contains("The technician read the digit 0"),
                 result.out.constData());
        result = run({QStringLiteral("lookup"), QStringLiteral("BP5511O2151786"),
                      QStringLiteral("--reading"), QStringLiteral("letter")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(words(result.out).contains("Code: 3333"), result.out.constData());
        // The sheet takes it too.
        const QString sheet = dir_.filePath(QStringLiteral("reading-sheet.pdf"));
        result = run({QStringLiteral("sheet"), QStringLiteral("BP5511S2151786"),
                      QStringLiteral("--reading"), QStringLiteral("digit"), QStringLiteral("--out"),
                      sheet});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // Wrong use: no value, another value, a serial with one reading.
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("BP5511S2151786"),
                      QStringLiteral("--reading")})
                     .exitCode,
                 2);
        result = run({QStringLiteral("lookup"), QStringLiteral("BP5511S2151786"),
                      QStringLiteral("--reading"), QStringLiteral("both")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("letter or digit"));
        result = run({QStringLiteral("lookup"), QStringLiteral("BP5511V2151786"),
                      QStringLiteral("--reading"), QStringLiteral("letter")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("one reading"), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    // Notes are kept with the job: jobs list (text and JSON), search and the export's column.
    void jobsKeepTheirNotes() {
        Run result = run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("M212365"),
                          QStringLiteral("--code"), QStringLiteral("3633"),
                          QStringLiteral("--notes"), QStringLiteral("Aerial plug loose\nfixed")});
        QCOMPARE(result.exitCode, 0);
        result = run({QStringLiteral("jobs"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("Notes: Aerial plug loose"), result.out.constData());
        QVERIFY(result.out.contains("fixed"));
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray jobs =
            QJsonDocument::fromJson(result.out).object().value(QLatin1String("jobs")).toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs[0][QLatin1String("notes")].toString(),
                 QStringLiteral("Aerial plug loose\nfixed"));
        result = run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--search"),
                      QStringLiteral("aerial"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(result.out)
                     .object()
                     .value(QLatin1String("jobs"))
                     .toArray()
                     .size(),
                 1);
        result = run({QStringLiteral("jobs"), QStringLiteral("export")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(
            result.out.startsWith("\xEF\xBB\xBF"
                                  "id,time,technician,customer,registration,vin,family,serial,"
                                  "code,source,outcome,attempts,part_number,notes,label_photo\n"),
            result.out.constData());
        QVERIFY(result.out.contains("\"Aerial plug loose\nfixed\""));
    }

    // A lookup warns before the next try when codes were refused for the serial before.
    void lookupWarnsAfterRefusedCodes() {
        Run result = run({QStringLiteral("lookup"), QStringLiteral("J727")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!result.out.contains("Warning"));
        result = run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("J727"),
                      QStringLiteral("--code"), QStringLiteral("6586"), QStringLiteral("--outcome"),
                      QStringLiteral("refused")});
        QCOMPARE(result.exitCode, 0);
        result = run({QStringLiteral("lookup"), QStringLiteral("j 727")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("Warning: A code was refused 1 time"), result.out.constData());
        QVERIFY(result.out.indexOf("Warning") < result.out.indexOf("Code: 6586"));
        result = run({QStringLiteral("jobs"), QStringLiteral("add"), QStringLiteral("J727"),
                      QStringLiteral("--outcome"), QStringLiteral("refused"),
                      QStringLiteral("--attempts"), QStringLiteral("2")});
        QCOMPARE(result.exitCode, 0);
        result = run({QStringLiteral("lookup"), QStringLiteral("J727"), QStringLiteral("--json")});
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QVERIFY(object.value(QLatin1String("attemptWarning"))
                    .toString()
                    .contains(QLatin1String("wait about an hour")));
        // Another serial has its own history.
        result = run({QStringLiteral("lookup"), QStringLiteral("J295"), QStringLiteral("--json")});
        QVERIFY(!QJsonDocument::fromJson(result.out)
                     .object()
                     .contains(QLatin1String("attemptWarning")));
    }

    // SIGKILL while a large import is writing: afterwards all rows or none, and an intact file.
    void killedImportLeavesAllOrNothing() {
        const int rows = largeRows;
        const QString file = writeFile(QStringLiteral("kill.csv"), codeList(rows));
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("info")}).exitCode, 0); // created
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(program, {QStringLiteral("--database"), url_, QStringLiteral("db"),
                                QStringLiteral("import"), file});
        QVERIFY(process.waitForStarted());
        // Wait until the import is writing (its journal grows), then kill it mid-way.
        const QString wal = dbPath() + QStringLiteral("-wal");
        QElapsedTimer timer;
        timer.start();
        bool writing = false;
        while (timer.elapsed() < 60000 && process.state() == QProcess::Running) {
            if (QFileInfo(wal).size() > 4 * 1024 * 1024) {
                writing = true;
                break;
            }
            QTest::qWait(5);
        }
        QVERIFY2(writing, "the import finished before it could be interrupted");
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        {
            QString error;
            auto db = Database::open(url_, &error);
            QVERIFY2(db, qPrintable(error));
            QSqlQuery check(db->connection());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            check.finish();
            const qint64 count = db->codes().codeCount();
            QVERIFY2(count == 0 || count == rows, qPrintable(QString::number(count)));
            QCOMPARE(count, 0); // it was killed before COMMIT
        }
        // The database works on: the same import now goes through completely.
        const Run again =
            run({QStringLiteral("db"), QStringLiteral("import"), file, QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(again.out).object().value(QLatin1String("imported")).toInt(),
            rows);
    }

    void readOnlyFileGivesClearError() {
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("info")}).exitCode, 0);
        QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther);
        QStringList arguments = {QStringLiteral("--database"),
                                 url_,
                                 QStringLiteral("db"),
                                 QStringLiteral("add"),
                                 QStringLiteral("BP934515516803"),
                                 QStringLiteral("1234"),
                                 QStringLiteral("--technician"),
                                 QStringLiteral("Ann")};
        QString command = program;
        if (::geteuid() == 0) {
            // root may write anywhere: run as an unprivileged user to see what a technician sees.
            QFile::setPermissions(dir_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                   QFileDevice::ExeOther);
            // A copy beside the database: the build folder may be under /root, out of its reach.
            const QString copy = dir_.filePath(QStringLiteral("radiocode"));
            QFile::remove(copy);
            QVERIFY(QFile::copy(program, copy));
            QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
            QProcess probe;
            probe.start(QStringLiteral("runuser"),
                        {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), copy,
                         QStringLiteral("--version")});
            if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
                QSKIP("cannot run the program as the unprivileged user nobody here");
            arguments = QStringList{QStringLiteral("-u"), QStringLiteral("nobody"),
                                    QStringLiteral("--"), copy} +
                        arguments;
            command = QStringLiteral("runuser");
        }
        QProcess process;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/tmp"));
        process.setProcessEnvironment(env);
        process.start(command, arguments);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 3);
        QVERIFY2(err.contains("read-only"), err.constData());
        QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    // Another program holds the write lock: the command waits its busy timeout, then says so.
    void lockedFileGivesClearError() {
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("info")}).exitCode, 0);
        {
            QSqlDatabase holder =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(dbPath());
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            const Run result = run({QStringLiteral("db"), QStringLiteral("add"),
                                    QStringLiteral("BP934515516803"), QStringLiteral("1234"),
                                    QStringLiteral("--technician"), QStringLiteral("Ann")});
            QCOMPARE(result.exitCode, 3);
            QVERIFY2(result.err.contains("locked by another program"), result.err.constData());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            holder.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                 QStringLiteral("1234"), QStringLiteral("--technician"), QStringLiteral("Ann")})
                .exitCode,
            0);
    }

    void usageErrors() {
        QCOMPARE(run({QStringLiteral("db")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("a"),
                      QStringLiteral("--bogus")})
                     .exitCode,
                 2);
        QCOMPARE(
            run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("extra")}).exitCode,
            2);
        const Run help = run({QStringLiteral("db"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("radiocode db import FILE"));
    }
};

QTEST_GUILESS_MAIN(TestDbCli)
#include "tst_db_cli.moc"
