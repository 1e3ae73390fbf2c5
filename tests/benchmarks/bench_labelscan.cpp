// Label reading (radiocode_labelscan) on the generated label set: read rate per family and
// degradation, wrong serials, serials from pictures without one, the text confidences that set
// the threshold, and the time for a 12 MP photo (barcode path, and with the text path).
// Prints "name<TAB>value<TAB>unit" lines for tests/benchmarks/run.sh; not a pass/fail test.
//   bench_labelscan [PER_CASE] [WITHOUT_SERIAL] [--verbose] [--only NAME-PREFIX]
//   [--text-everywhere] [--seed N]
#include "label_images.h"
#include "labelscan/label_scanner.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

using namespace radiocode;
using namespace radiocode::labelimages;

namespace {

void print(const char* name, double value, const char* unit) {
    std::printf("%s\t%.3f\t%s\n", name, value, unit);
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool verbose = arguments.removeAll(QStringLiteral("--verbose")) > 0;
    // --text-everywhere: read the text of every label, also where a barcode gave the serial,
    // for more text readings to set the confidence threshold by (the timings then mean little).
    const bool textEverywhere = arguments.removeAll(QStringLiteral("--text-everywhere")) > 0;
    quint32 seed = 7; // --seed N: another set of labels
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--seed"));
        at >= 0 && at + 1 < arguments.size()) {
        seed = arguments.at(at + 1).toUInt();
        arguments.remove(at, 2);
    }
    QString only; // --only NAME-PREFIX: just those samples
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--only"));
        at >= 0 && at + 1 < arguments.size()) {
        only = arguments.at(at + 1);
        arguments.remove(at, 2);
    }
    const int perCase = arguments.size() > 0 ? arguments.at(0).toInt() : 3;
    const int withoutSerial = arguments.size() > 1 ? arguments.at(1).toInt() : 16;
    const std::vector<Sample> samples = sampleSet(perCase, withoutSerial, seed);

    struct Tally {
        int total = 0, right = 0, wrong = 0;
    };
    std::map<QString, Tally> byCase;
    Tally all, negatives;
    int lowestRightConfidence = 101, highestWrongConfidence = -1, textRight = 0, textWrong = 0;
    std::vector<double> photoBarcodeMs, photoTextMs, photoBarcodeCpuMs, photoTextCpuMs;
    labelscan::ScanOptions options;
    options.minTextConfidence = 0; // measured here, applied below
    options.alwaysReadText = textEverywhere;
    for (const Sample& sample : samples) {
        if (!sample.name.startsWith(only))
            continue;
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        const labelscan::ScanReport report = labelscan::scanImage(sample.image, options);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        if (sample.degradation == Degradation::PhonePhoto) {
            (report.textRead ? photoTextMs : photoBarcodeMs).push_back(ms);
            (report.textRead ? photoTextCpuMs : photoBarcodeCpuMs).push_back(cpuMs);
        }
        const QStringList truth = sample.label.serial.split(u',', Qt::SkipEmptyParts);
        bool right = false, wrong = false;
        QStringList seen;
        for (const labelscan::Reading& reading : report.readings) {
            if (!reading.isSerial())
                continue;
            const bool correct = truth.contains(reading.serial());
            if (reading.method == labelscan::ReadMethod::Text) {
                if (correct) {
                    lowestRightConfidence = std::min(lowestRightConfidence, reading.confidence);
                    ++textRight;
                } else {
                    highestWrongConfidence = std::max(highestWrongConfidence, reading.confidence);
                    ++textWrong;
                }
                if (reading.confidence < labelscan::defaultMinTextConfidence) {
                    seen << QStringLiteral("(dropped: %1@text/%2)")
                                .arg(reading.serial())
                                .arg(reading.confidence);
                    continue;
                }
            }
            seen << reading.serial() + u'@' + labelscan::readFromId(reading) + u'/' +
                        QString::number(reading.confidence);
            (correct ? right : wrong) = true;
        }
        Tally& tally = truth.isEmpty() ? negatives : byCase[sample.name.section(u'-', 0, -2)];
        ++tally.total;
        tally.right += right && !wrong;
        tally.wrong += wrong;
        if (!truth.isEmpty()) {
            ++all.total;
            all.right += right && !wrong;
            all.wrong += wrong;
        }
        if (verbose || wrong || (!right && !truth.isEmpty()))
            std::fprintf(stderr, "%-28s %-16s %7.0f ms  %s%s\n", qPrintable(sample.name),
                         qPrintable(sample.label.serial), ms,
                         qPrintable(seen.join(QStringLiteral(" "))),
                         wrong ? "  WRONG" : (right || truth.isEmpty() ? "" : "  missed"));
    }
    for (const auto& [name, tally] : byCase)
        std::fprintf(stderr, "  %-26s %d/%d read right, %d wrong\n", qPrintable(name), tally.right,
                     tally.total, tally.wrong);
    print("labelscan.samples", all.total, "labels");
    print("labelscan.read_rate", 100.0 * all.right / std::max(1, all.total), "%");
    print("labelscan.wrong", all.wrong, "labels");
    print("labelscan.no_serial_pictures", negatives.total, "pictures");
    print("labelscan.no_serial_false", negatives.wrong, "pictures");
    print("labelscan.text_confidence_right_min", lowestRightConfidence, "");
    print("labelscan.text_confidence_wrong_max", highestWrongConfidence, "");
    print("labelscan.text_readings_right", textRight, "");
    print("labelscan.text_readings_wrong", textWrong, "");
    print("labelscan.photo12mp_barcode_ms", median(photoBarcodeMs), "ms");
    print("labelscan.photo12mp_text_ms", median(photoTextMs), "ms");
    // On a busy machine the wall clock waits for other work too; the CPU time does not.
    print("labelscan.photo12mp_barcode_cpu_ms", median(photoBarcodeCpuMs), "ms");
    print("labelscan.photo12mp_text_cpu_ms", median(photoTextCpuMs), "ms");
    return 0;
}
