// Files as a workshop has them, through the real `radiocode`: outputs that are not ours to
// replace (a FIFO, a device, a folder, a socket), standard input, pipes and process
// substitution, dealer lists with their own headers, codes a spreadsheet shortened, names that
// are not UTF-8, and a round trip from export to import.
#include "storage/database.h"

#include "process_run.h"
#include "tmpfs_mount.h"

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <thread>

using namespace radiocode::storage;

namespace {

const QString program = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");

using radiocode::test::Run;

// Reads a FIFO to its end in a thread, as a consumer process would.
class FifoReader {
public:
    explicit FifoReader(const QByteArray& path) {
        thread_ = std::thread([this, path] {
            const int fd = ::open(path.constData(), O_RDONLY);
            if (fd < 0)
                return;
            char buffer[65536];
            ssize_t got = 0;
            while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
                data_.append(buffer, got);
            ::close(fd);
        });
    }
    QByteArray take() {
        thread_.join();
        return data_;
    }
    ~FifoReader() {
        if (thread_.joinable())
            thread_.join();
    }

private:
    std::thread thread_;
    QByteArray data_;
};

mode_t fileType(const QByteArray& path) {
    struct stat info {};
    if (::lstat(path.constData(), &info) != 0)
        return 0;
    return info.st_mode & S_IFMT;
}

} // namespace

class TestFilesCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString url_;
    int counter_ = 0;

    QProcessEnvironment environment() const {
        QProcessEnvironment env = radiocode::test::isolatedEnvironment(dir_.path());
        env.insert(QStringLiteral("RADIOCODE"), program);
        env.insert(QStringLiteral("DB"), url_);
        env.insert(QStringLiteral("DIR"), dir_.path());
        return env;
    }

    Run run(const QStringList& arguments, const QByteArray& input = {}) {
        return radiocode::test::runProcess(
            program, QStringList{QStringLiteral("--database"), url_} + arguments,
            radiocode::test::RunOptions().input(input).environment(environment()));
    }

    // A shell line, for what QProcess cannot express: pipes, process substitution, file names
    // that are not UTF-8. $RADIOCODE, $DB and $DIR are set.
    Run shell(const QString& script) {
        return radiocode::test::runProcess(
            QStringLiteral("bash"), {QStringLiteral("-c"), script},
            radiocode::test::RunOptions().environment(environment()));
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        return radiocode::test::writeFile(dir_.filePath(name), content);
    }

    QByteArray fifo(const QString& name) {
        const QByteArray path = QFile::encodeName(dir_.filePath(name));
        ::unlink(path.constData());
        if (::mkfifo(path.constData(), 0600) != 0)
            qFatal("mkfifo failed");
        return path;
    }

    void addCodes() {
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP934515516803"),
                      QStringLiteral("0420"), QStringLiteral("--technician"),
                      QStringLiteral("Mehmet K.")})
                     .exitCode,
                 0);
    }

    // A "command" column: the commands that write the file named after them.
    static void addCommandsThatWriteAFile() {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("db export") << QStringList{QStringLiteral("db"), QStringLiteral("export")};
        QTest::newRow("jobs export")
            << QStringList{QStringLiteral("jobs"), QStringLiteral("export")};
        QTest::newRow("sheet --out") << QStringList{QStringLiteral("sheet"), QStringLiteral("J727"),
                                                    QStringLiteral("--out")};
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFile::exists(program), "build the radiocode target first");
    }

    void init() { url_ = QStringLiteral("sqlite:%1/files%2.db").arg(dir_.path()).arg(++counter_); }

    // --- never destroy what is not ours ------------------------------------------------------

    void exportsWriteIntoAFifoAndLeaveIt_data() {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("db export") << QStringList{QStringLiteral("db"), QStringLiteral("export")}
                                   << QByteArray("\xEF\xBB\xBFserial,code,");
        QTest::newRow("jobs export")
            << QStringList{QStringLiteral("jobs"), QStringLiteral("export")}
            << QByteArray("\xEF\xBB\xBFid,time,");
        QTest::newRow("sheet --out")
            << QStringList{QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out")}
            << QByteArray("%PDF");
    }
    void exportsWriteIntoAFifoAndLeaveIt() {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, starts);
        addCodes();
        const QByteArray path = fifo(QStringLiteral("out.fifo"));
        FifoReader reader(path);
        const Run result =
            run(command + QStringList{QFile::decodeName(path), QStringLiteral("--force")});
        const QByteArray data = reader.take();
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(data.startsWith(starts), data.left(40).constData());
        QCOMPARE(fileType(path), mode_t(S_IFIFO)); // still a FIFO, not a file
    }

    void exportsToAFullDiskFailAndKeepTheOldFile_data() { addCommandsThatWriteAFile(); }
    void exportsToAFullDiskFailAndKeepTheOldFile() {
        // A file already there, on a disk that then fills up: --force must not cost it.
        QFETCH(QStringList, command);
        addCodes();
        QTemporaryDir mountDir;
        radiocode::test::TmpfsMount disk(mountDir.filePath(QStringLiteral("disk")));
        if (!disk.mount(QStringLiteral("256k")))
            QSKIP("cannot mount a tmpfs to fill up here (needs root outside a restricted "
                  "container)");
        const QString path = radiocode::test::writeFile(disk.filePath(QStringLiteral("export.out")),
                                                        "saved before the disk filled up");
        QVERIFY(disk.fill());
        const Run result = run(command + QStringList{path, QStringLiteral("--force")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("No space left on device"), result.err.constData());
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("saved before the disk filled up"));
    }

    void exportsRefuseFoldersAndSockets_data() { addCommandsThatWriteAFile(); }
    void exportsRefuseFoldersAndSockets() {
        QFETCH(QStringList, command);
        const QString folder = dir_.filePath(QStringLiteral("folder"));
        QDir().mkpath(folder);
        Run result = run(command + QStringList{folder, QStringLiteral("--force")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("is a folder"), result.err.constData());
        QCOMPARE(fileType(QFile::encodeName(folder)), mode_t(S_IFDIR));

        const QByteArray socketPath = QFile::encodeName(dir_.filePath(QStringLiteral("s.sock")));
        ::unlink(socketPath.constData());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, socketPath.constData(), sizeof address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        result =
            run(command + QStringList{QFile::decodeName(socketPath), QStringLiteral("--force")});
        ::close(fd);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("not a regular file"), result.err.constData());
        QCOMPARE(fileType(socketPath), mode_t(S_IFSOCK));
    }

    void sheetAsksBeforeReplacingAFile() {
        const QString path = writeFile(QStringLiteral("job.pdf"), "keep me");
        Run result =
            run({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out"), path});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("already exists: add --force"), result.err.constData());
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("keep me"));
        kept.close();
        result = run({QStringLiteral("sheet"), QStringLiteral("J727"), QStringLiteral("--out"),
                      path, QStringLiteral("--force")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().startsWith("%PDF"));
    }

    void exportReplacesAFileThroughALinkAndKeepsItsMode() {
        addCodes();
        const QString path = writeFile(QStringLiteral("codes.csv"), "old");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString link = dir_.filePath(QStringLiteral("link.csv"));
        QVERIFY(QFile::link(path, link));
        const Run result =
            run({QStringLiteral("db"), QStringLiteral("export"), link, QStringLiteral("--force")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(fileType(QFile::encodeName(link)), mode_t(S_IFLNK));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("BP934515516803"));
        QCOMPARE(QFile::permissions(path) & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
    }

    // --- any file, any name ------------------------------------------------------------------

    void importReadsStandardInputPipesFifosAndSubstitution() {
        const QByteArray list = "serial,code\nBP934515516803,1234\n";
        Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")}, list);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());

        result = shell(QStringLiteral(
            "printf 'serial,code\\nBP538769672026,1111\\n' | \"$RADIOCODE\" --database \"$DB\" db "
            "import /dev/stdin"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());

        result = shell(QStringLiteral("\"$RADIOCODE\" --database \"$DB\" db import <(printf "
                                      "'serial;code\\nBE473935000375;0042\\n')"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());

        const QByteArray path = fifo(QStringLiteral("in.fifo"));
        std::thread writer([path] {
            const int fd = ::open(path.constData(), O_WRONLY);
            const QByteArray data = "serial,code\nBE475735000375,0007\n";
            if (fd >= 0) {
                [[maybe_unused]] const auto written = ::write(fd, data.constData(), data.size());
                ::close(fd);
            }
        });
        result = run({QStringLiteral("db"), QStringLiteral("import"), QFile::decodeName(path)});
        writer.join();
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());
    }

    void importRefusesAHugeHeaderAtOnce() {
        // 50 MB on one line, through a pipe: refused after its first few kB, with a short
        // message, long before the rest has been written.
        const Run result = shell(QStringLiteral(
            "head -c 50000000 /dev/zero | tr '\\0' 'x' | \"$RADIOCODE\" --database \"$DB\" db "
            "import -; echo \"exit=${PIPESTATUS[2]}\" >&2"));
        QVERIFY2(result.err.contains("exit=2"), result.err.constData());
        QVERIFY2(result.err.contains("longer than 4096 bytes"), result.err.constData());
        QVERIFY2(result.err.size() < 600, result.err.left(600).constData());
    }

    void namesThatAreNotUtf8Work() {
        // $'\xff' names: written, read back and imported under exactly those bytes.
        Run result = shell(QStringLiteral(
            "set -e; cd \"$DIR\"; printf 'serial,code\\nBP934515516803,1234\\n' > "
            "$'list\\xff.csv'; "
            "\"$RADIOCODE\" --database \"$DB\" db import $'list\\xff.csv'; "
            "\"$RADIOCODE\" --database \"$DB\" db export $'out\\xfe.csv'; "
            "\"$RADIOCODE\" --database \"$DB\" sheet J727 --out $'sheet\\xfd.pdf'; "
            "printf 'BP934515516803\\n' > $'serials\\xfc.txt'; "
            "\"$RADIOCODE\" --database \"$DB\" batch $'serials\\xfc.txt'; "
            "test -s $'out\\xfe.csv' && test -s $'sheet\\xfd.pdf' && grep -q BP934515516803 "
            "$'out\\xfe.csv'; "
            "\"$RADIOCODE\" --database \"sqlite:$DIR/db\"$'\\xfb'.db db import $'list\\xff.csv'; "
            "test -s $'db\\xfb.db'; "
            // QTemporaryDir cannot remove names it cannot decode.
            "rm -f $'list\\xff.csv' $'out\\xfe.csv' $'sheet\\xfd.pdf' $'serials\\xfc.txt' "
            "$'db\\xfb.db'*"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());
        QVERIFY2(result.out.contains(",ok,1234,"), result.out.constData());
    }

    void batchTellsTheLengthOfAThreeGigabyteLine() {
        // Through a pipe, never on disk: 3 GiB of one line.
        const Run result = shell(QStringLiteral(
            "head -c 3221225472 /dev/zero | \"$RADIOCODE\" batch | tail -c 200 | tr -d '\\000'"));
        QVERIFY2(result.out.contains("far too long (3221225472 bytes)"), result.out.constData());
    }

    // --- dealer lists ------------------------------------------------------------------------

    void importRecognisesDealerHeaders_data() {
        QTest::addColumn<QByteArray>("list");
        QTest::newRow("en") << QByteArray(
            "Customer,Serial No.,Radio Code\nA,BP934515516803,1234\n");
        QTest::newRow("en number") << QByteArray("Serial Number;Code\nBP934515516803;1234\n");
        QTest::newRow("de") << QByteArray("Seriennummer;Radiocode\nBP934515516803;1234\n");
        QTest::newRow("tr") << QByteArray("Seri No;Kod\nBP934515516803;1234\n");
        QTest::newRow("fr") << QByteArray("Numéro de série;Code radio\nBP934515516803;1234\n");
        QTest::newRow("tab") << QByteArray("serial\tcode\nBP934515516803\t1234\n");
        QTest::newRow("sep=") << QByteArray(
            "sep=;\r\nSerial;Code;Note\r\nBP934515516803;1234;a,b\r\n");
        QTest::newRow("bom sep=") << QByteArray(
            "\xEF\xBB\xBFsep=,\nSerial,Code\nBP934515516803,1234\n");
    }
    void importRecognisesDealerHeaders() {
        QFETCH(QByteArray, list);
        const Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")}, list);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());
    }

    void importTakesChosenColumns() {
        const QByteArray list = "A;B;C\nx;BP934515516803;1234\n";
        Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")}, list);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("--serial-column"), result.err.constData());
        result = run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--serial-column"), QStringLiteral("2"),
                      QStringLiteral("--code-column=C")},
                     list);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("1 imported"), result.out.constData());
        result = run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--serial-column"), QStringLiteral("9")},
                     list);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("no column “9”"), result.err.constData());
    }

    void importRefusesADuplicateColumnName() {
        const Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")},
                "serial,code,code\nBP934515516803,1234,9999\n");
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("names the column “code” twice"), result.err.constData());
        // Chosen by number, the duplicate is no longer ambiguous.
        const Run chosen = run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-"),
                                QStringLiteral("--code-column"), QStringLiteral("3")},
                               "serial,code,code\nBP934515516803,1234,9999\n");
        QVERIFY2(chosen.exitCode == 0, chosen.err.constData());
        QVERIFY(
            run({QStringLiteral("lookup"), QStringLiteral("BP934515516803")}).out.contains("9999"));
    }

    void shortenedCodesAreNamedSkippedOrRestored() {
        const QByteArray list = "serial,code\nBP934515516803,420\nBP538769672026,7\n"
                                "BE473935000375,0042\n";
        Run result =
            run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")}, list);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("looks like 0420 with its leading zero lost by a spreadsheet"),
                 result.out.constData());
        QVERIFY2(result.out.contains("looks like 0007 with its leading zeros lost"),
                 result.out.constData());
        QVERIFY2(result.out.contains("1 imported") && result.out.contains("2 skipped"),
                 result.out.constData());
        result = run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--restore-leading-zeros")},
                     list);
        QVERIFY2(result.out.contains("2 imported"), result.out.constData());
        const Run lookup = run(
            {QStringLiteral("lookup"), QStringLiteral("--json"), QStringLiteral("BP934515516803")});
        QVERIFY2(lookup.out.contains("\"0420\"") &&
                     lookup.out.contains("stdin (leading zeros restored)"),
                 lookup.out.constData());
    }

    // --- round trip ----------------------------------------------------------------------------

    void exportThenImportGivesBackTheSameCodesAndSources() {
        addCodes();
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BE473935000375"),
                      QStringLiteral("0007"), QStringLiteral("--technician"),
                      QStringLiteral("Yilmaz;=2*3")})
                     .exitCode,
                 0);
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("import"), QStringLiteral("-")},
                     "serial,code\nBP538769672026,0042\n")
                     .exitCode,
                 0);
        const Run first = run({QStringLiteral("db"), QStringLiteral("export")});
        QCOMPARE(first.exitCode, 0);
        const QString copy = writeFile(QStringLiteral("export.csv"), first.out);
        const QString firstUrl = url_;
        init(); // a fresh database
        const Run imported = run({QStringLiteral("db"), QStringLiteral("import"), copy});
        QVERIFY2(imported.out.contains("3 imported"), imported.out.constData());
        const Run second = run({QStringLiteral("db"), QStringLiteral("export")});
        QCOMPARE(second.out, first.out);
        QVERIFY(url_ != firstUrl);
        QVERIFY(second.out.contains("confirmed,Mehmet K."));
    }
};

QTEST_GUILESS_MAIN(TestFilesCli)
#include "tst_files_cli.moc"
