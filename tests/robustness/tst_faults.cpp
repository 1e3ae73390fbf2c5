// Faults under the command-line tool: a disk that fills up, a file size limit, a file
// system that turns read-only. Each case checks: a clear error and a failure exit status (never a
// crash), the codes saved before are still there, and the same command works once the fault is
// gone.
//
// Real full and read-only file systems come from a small tmpfs, which needs the right to mount
// (root in a VM or a privileged container); without it those cases are skipped and the file size
// limit (RLIMIT_FSIZE, no privileges) stands in for a full disk.
#include "process_run.h"
#include "tmpfs_mount.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString radiocodeProgram = QStringLiteral(RADIOCODE_BINARY_DIR "/app/cli/radiocode");

using radiocode::test::codeList;
using radiocode::test::Run;
using radiocode::test::writeFile;

Run runProgram(const QString& program, const QStringList& arguments, int timeoutMs = 120000) {
    return radiocode::test::runProcess(program, arguments,
                                       radiocode::test::RunOptions().timeoutMs(timeoutMs));
}

} // namespace

class FaultsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    radiocode::test::TmpfsMount tmpfs_{dir_.filePath(QStringLiteral("mnt"))};
    QString smallList_; // two codes: the data that must survive every fault
    QString bigList_;   // 200,000 codes: about 16 MB of database

    QString url() const {
        return QStringLiteral("sqlite:") + tmpfs_.filePath(QStringLiteral("codes.db"));
    }

    Run cli(QStringList arguments, const QString& databaseUrl) {
        arguments.prepend(databaseUrl);
        arguments.prepend(QStringLiteral("--database"));
        return runProgram(radiocodeProgram, arguments);
    }

    Run importList(const QString& list, const QString& databaseUrl) {
        return cli({QStringLiteral("db"), QStringLiteral("import"), list}, databaseUrl);
    }

    // A code the technician Ann confirmed, for a serial the lists do not hold.
    Run addConfirmedCode() {
        return cli({QStringLiteral("db"), QStringLiteral("add"), QStringLiteral("BP111111111111"),
                    QStringLiteral("5555"), QStringLiteral("--technician"), QStringLiteral("Ann")},
                   url());
    }

    // The saved code is found (exit 0 and the code shown).
    void expectSavedCode(const QString& databaseUrl) {
        const Run lookup =
            cli({QStringLiteral("lookup"), QStringLiteral("BP934515516803")}, databaseUrl);
        QVERIFY(!lookup.crashed);
        QCOMPARE(lookup.exitCode, 0);
        QVERIFY2(lookup.out.contains("1234"), lookup.out.constData());
    }

private slots:
    void initTestCase() {
        QVERIFY(QFile::exists(radiocodeProgram));
        QVERIFY(dir_.isValid());
        smallList_ = dir_.filePath(QStringLiteral("small.csv"));
        bigList_ = dir_.filePath(QStringLiteral("big.csv"));
        writeFile(smallList_, "serial,code\nBP934515516803,1234\nBE473912345678,4321\n");
        writeFile(bigList_, codeList(200000, 200000000000));
    }

    void cleanup() {
        // Whatever a case left mounted.
        tmpfs_.unmount();
    }

    void diskFillsUpDuringImport() {
        if (!tmpfs_.mount(QStringLiteral("2m")))
            QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
        QCOMPARE(importList(smallList_, url()).exitCode, 0);

        const Run full = importList(bigList_, url());
        QVERIFY(!full.crashed);
        QCOMPARE(full.exitCode, 3);
        QVERIFY2(full.err.contains("full"), full.err.constData());
        QVERIFY2(full.err.contains("nothing was saved"), full.err.constData());
        expectSavedCode(url());

        // More room: the same import goes through, and the earlier codes are still there.
        QVERIFY(tmpfs_.remount(QStringLiteral("size=64m")));
        const Run again = importList(bigList_, url());
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("200000 imported"), again.out.constData());
        expectSavedCode(url());
    }

    void diskAlreadyFull() {
        if (!tmpfs_.mount(QStringLiteral("2m")))
            QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
        QCOMPARE(importList(smallList_, url()).exitCode, 0);
        // Fill every last block.
        QVERIFY(tmpfs_.fill());

        const Run add = addConfirmedCode();
        QVERIFY(!add.crashed);
        QCOMPARE(add.exitCode, 3);
        QVERIFY2(add.err.contains("database"), add.err.constData());
        QVERIFY2(add.err.contains("full"), add.err.constData());
        // Lookups on the full disk still work (the database is opened read-only).
        expectSavedCode(url());

        QVERIFY(tmpfs_.removeFiller());
        expectSavedCode(url());
        const Run addAgain = addConfirmedCode();
        QCOMPARE(addAgain.exitCode, 0);
        const Run added = cli({QStringLiteral("lookup"), QStringLiteral("BP111111111111")}, url());
        QVERIFY(added.out.contains("5555"));
    }

    // A small export is written in one buffered write that fails only when the file is closed:
    // it must still fail, with no empty file left behind (QSaveFile alone would commit it).
    void exportsToAFullDiskLeaveNoEmptyFile() {
        if (!tmpfs_.mount(QStringLiteral("1m")))
            QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
        const QString databaseUrl =
            QStringLiteral("sqlite:") + dir_.filePath(QStringLiteral("export.db"));
        QCOMPARE(importList(smallList_, databaseUrl).exitCode, 0);
        QVERIFY(tmpfs_.fill());
        for (const QString& what : {QStringLiteral("db"), QStringLiteral("jobs")}) {
            const QString target = tmpfs_.filePath(what + QStringLiteral(".csv"));
            const Run exported = cli(
                {what, QStringLiteral("export"), target, QStringLiteral("--force")}, databaseUrl);
            QVERIFY(!exported.crashed);
            QCOMPARE(exported.exitCode, 3);
            QVERIFY2(exported.err.contains("space"), exported.err.constData());
            QVERIFY(!QFileInfo::exists(target));
        }
    }

    void fileSizeLimitDuringImport() {
        // RLIMIT_FSIZE: writes past the limit fail (EFBIG) once SIGXFSZ is ignored, as a full
        // disk's writes fail. Works without any privilege.
        const QString databaseUrl =
            QStringLiteral("sqlite:") + dir_.filePath(QStringLiteral("limited.db"));
        QCOMPARE(importList(smallList_, databaseUrl).exitCode, 0);
        const Run limited = runProgram(
            QStringLiteral("/bin/bash"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "trap '' XFSZ; ulimit -f 200; exec \"$0\" --database \"$1\" db import \"$2\""),
             radiocodeProgram, databaseUrl, bigList_});
        QVERIFY(!limited.crashed);
        QCOMPARE(limited.exitCode, 3);
        QVERIFY2(limited.err.contains("database"), limited.err.constData());
        // Says what happened, not just "disk I/O error".
        QVERIFY2(limited.err.contains("size limit"), limited.err.constData());
        QVERIFY2(!limited.err.contains("disk I/O error"), limited.err.constData());
        expectSavedCode(databaseUrl);

        const Run again = importList(bigList_, databaseUrl);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("200000 imported"), again.out.constData());
        expectSavedCode(databaseUrl);
    }

    void fileSystemTurnsReadOnly() {
        if (!tmpfs_.mount(QStringLiteral("8m")))
            QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
        QCOMPARE(importList(smallList_, url()).exitCode, 0);
        QVERIFY(tmpfs_.remount(QStringLiteral("ro")));

        const Run add = addConfirmedCode();
        QVERIFY(!add.crashed);
        QCOMPARE(add.exitCode, 3);
        QVERIFY2(add.err.contains("read-only"), add.err.constData());
        const Run import = importList(smallList_, url());
        QCOMPARE(import.exitCode, 3);
        QVERIFY2(import.err.contains("read-only"), import.err.constData());
        // Lookups still work on the read-only file system.
        expectSavedCode(url());

        QVERIFY(tmpfs_.remount(QStringLiteral("rw")));
        expectSavedCode(url());
        QCOMPARE(addConfirmedCode().exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(FaultsTest)
#include "tst_faults.moc"
