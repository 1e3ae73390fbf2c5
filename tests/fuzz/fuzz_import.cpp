// libFuzzer target: importing a code list (CodeStore::importCsv) into an SQLite database.
// Most inputs are checked as a dry run against one database that holds a few codes: the report
// adds up, every skipped row names a line of the file, and nothing changes. Every 16th input is
// imported for real into that database, and must then be readable back: each stored code is four
// digits for a valid Blaupunkt or Nissan Becker serial.
#include "fuzz_common.h"

#include "storage/database.h"

#include "radiocode/recognition.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <unistd.h>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

QString databasePath;

Database& database() {
    static int argc = 1;
    static char name[] = "fuzz_import";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static std::unique_ptr<Database> db = [] {
        // A private file in a RAM-backed folder when there is one: imports are many and small.
        const QString folder = QDir(QStringLiteral("/dev/shm")).exists()
                                   ? QStringLiteral("/dev/shm")
                                   : QDir::tempPath();
        databasePath = folder + QStringLiteral("/radiocode-fuzz-import-%1.db").arg(::getpid());
        QFile::remove(databasePath);
        QString error;
        auto opened = Database::open(QStringLiteral("sqlite:") + databasePath, &error);
        if (!opened) {
            std::fprintf(stderr, "fuzz_import: %s\n", qPrintable(error));
            std::abort();
        }
        const ImportReport seed = opened->codes().importCsv(
            "serial,code\nBP934515516803,1234\nBE473912345678,4321\n", QStringLiteral("seed.csv"));
        FUZZ_CHECK(seed.ok() && seed.imported == 2);
        std::atexit([] {
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(databasePath + QLatin1String(suffix));
        });
        return opened;
    }();
    return *db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    Database& db = database();
    const QByteArrayView data(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    const qint64 before = db.codes().codeCount();
    const qsizetype lines = data.count('\n') + data.count('\r') + 1;

    ImportOptions options;
    static unsigned counter = 0;
    options.dryRun = (++counter % 16) != 0;
    const ImportReport report = db.codes().importCsv(data, QStringLiteral("fuzz.csv"), options);

    FUZZ_CHECK(report.status == ImportReport::Status::Done ||
               report.status == ImportReport::Status::BadFile);
    if (report.status == ImportReport::Status::BadFile) {
        FUZZ_CHECK(!report.failure.isEmpty());
        FUZZ_CHECK(db.codes().codeCount() == before);
        return 0;
    }
    FUZZ_CHECK(report.imported >= 0 && report.duplicates >= 0 && report.skipped >= 0);
    FUZZ_CHECK(report.imported + report.duplicates + report.skipped + report.conflictCount() <=
               lines);
    for (const ImportIssue& issue : report.errors) {
        FUZZ_CHECK(issue.line >= 1 && issue.line <= lines);
        FUZZ_CHECK(!issue.message.isEmpty());
    }
    if (options.dryRun) {
        FUZZ_CHECK(db.codes().codeCount() == before);
        return 0;
    }
    FUZZ_CHECK(db.codes().codeCount() == before + report.imported);
    // Whatever went in reads back as a four-digit code for a serial the core accepts.
    QSqlQuery query(db.connection());
    FUZZ_CHECK(query.exec(QStringLiteral("SELECT family, serial, code FROM codes")));
    while (query.next()) {
        const QByteArray serial = query.value(1).toString().toUtf8();
        const QString code = query.value(2).toString();
        FUZZ_CHECK(code.size() == 4);
        for (const QChar c : code)
            FUZZ_CHECK(c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        const Recognition recognition = recognise(
            std::string_view(serial.constData(), static_cast<std::size_t>(serial.size())));
        FUZZ_CHECK(recognition.serial == serial.toStdString());
        // A label form no rule knows goes in only under a code-database family the row named.
        if (recognition.state == InputState::Unchecked) {
            const auto family = familyFromId(query.value(0).toString().toStdString());
            FUZZ_CHECK(family == Family::Blaupunkt || family == Family::Becker);
            continue;
        }
        FUZZ_CHECK(recognition.state == InputState::Valid);
        FUZZ_CHECK(recognition.family == Family::Blaupunkt || recognition.family == Family::Becker);
    }
    return 0;
}
