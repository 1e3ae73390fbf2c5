// Code database speed: import of N rows (default 1,000,000) into a fresh SQLite
// file, then lookups of stored and unknown serials, one at a time as the programs do them.
// Prints "name<TAB>value<TAB>unit" lines for tests/benchmarks/run.sh; not a pass/fail test.
//   bench_database [ROWS] [LOOKUPS]
#include "process_run.h"
#include "storage/code_database_source.h"
#include "storage/database.h"

#include "radiocode/code_source.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace radiocode;
using Clock = std::chrono::steady_clock;

namespace {

void print(const char* name, double value, const char* unit) {
    std::printf("%s\t%.3f\t%s\n", name, value, unit);
}

// "BP" and 12 digits from a running number: every serial distinct and valid.
constexpr qint64 firstSerial = 100000000000LL; // the list's serials: BP100000000000, ...

QByteArray blaupunktSerial(qint64 number) {
    return "BP" + QByteArray::number(firstSerial + number);
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int lookups = argc > 2 ? QByteArray(argv[2]).toInt() : 20000;

    std::mt19937 random(4);
    const QByteArray csv = radiocode::test::codeList(
        rows, firstSerial, [&random](qint64) { return static_cast<int>(random() % 10000); });

    QTemporaryDir dir;
    QString error;
    const auto database = storage::Database::open(
        QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.db")), &error);
    if (!database) {
        std::fprintf(stderr, "bench_database: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const storage::ImportReport report =
        database->codes().importCsv(csv, QStringLiteral("bench.csv"));
    const double importSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!report.ok() || report.imported != rows) {
        std::fprintf(stderr, "bench_database: import: %s (%lld of %lld rows)\n",
                     qPrintable(report.failure), static_cast<long long>(report.imported),
                     static_cast<long long>(rows));
        return 1;
    }
    print("db.import.rows", static_cast<double>(rows), "rows");
    print("db.import.time", importSeconds, "s");

    // Lookups through the code finder, as `radiocode lookup` and the GUI make them: 9 of 10
    // serials stored, 1 of 10 unknown.
    storage::DatabaseCodeSource source(database.get());
    CodeFinder finder;
    finder.addSource(&source);
    std::uniform_int_distribution<qint64> pick(0, rows * 10 / 9);
    std::vector<double> micros;
    micros.reserve(static_cast<std::size_t>(lookups));
    int found = 0;
    for (int i = 0; i < lookups; ++i) {
        const QByteArray serial = blaupunktSerial(pick(random));
        const auto start = Clock::now();
        const LookupResult result = finder.lookup(
            std::string_view(serial.constData(), static_cast<std::size_t>(serial.size())));
        const std::chrono::duration<double, std::micro> elapsed = Clock::now() - start;
        micros.push_back(elapsed.count());
        found += result.status == LookupStatus::Ok ? 1 : 0;
    }
    print("db.lookup.p50", percentile(micros, 0.50) / 1000.0, "ms");
    print("db.lookup.p99", percentile(micros, 0.99) / 1000.0, "ms");
    print("db.lookup.found", 100.0 * found / lookups, "%");
    return 0;
}
