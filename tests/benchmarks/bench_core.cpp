// Core speed: validate-and-compute per family, and validation per keystroke.
// Prints "name<TAB>value<TAB>unit" lines for tests/benchmarks/run.sh; not a pass/fail test.
#include "radiocode/calculators.h"
#include "radiocode/code_source.h"
#include "radiocode/recognition.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace radiocode;
using Clock = std::chrono::steady_clock;

namespace {

volatile std::size_t sink = 0; // keeps results alive so the work is not optimised away

std::vector<std::string> serialsOf(Family family, std::size_t count) {
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> digit(0, 9);
    // Appends n random digits (appending, not operator+: GCC 12 warns falsely on that).
    const auto withDigits = [&](std::string text, int n) {
        for (int i = 0; i < n; ++i)
            text.push_back(static_cast<char>('0' + digit(random)));
        return text;
    };
    std::vector<std::string> serials;
    serials.reserve(count);
    while (serials.size() < count) {
        switch (family) {
        case Family::Blaupunkt:
            serials.push_back(withDigits("BP", 12));
            break;
        case Family::Renault: {
            const std::string precode =
                withDigits(std::string(1, static_cast<char>('A' + random() % 26)), 3);
            if (precode[0] == 'A' && precode[1] == '0')
                continue; // A000-A099 are not precodes
            serials.push_back(precode);
            break;
        }
        case Family::Becker:
            serials.push_back(withDigits(random() % 2 ? "BE4739" : "BE4757", 8));
            break;
        case Family::Visteon:
            serials.push_back(withDigits("M", 6));
            break;
        }
    }
    return serials;
}

// Runs `work` over every item `rounds` times and returns the best round's nanoseconds per item.
template <typename Work>
double nsPerCall(const std::vector<std::string>& items, int rounds, Work work) {
    double best = 1e300;
    for (int round = 0; round < rounds; ++round) {
        const auto start = Clock::now();
        for (const std::string& item : items)
            work(item);
        const std::chrono::duration<double, std::nano> elapsed = Clock::now() - start;
        best = std::min(best, elapsed.count() / static_cast<double>(items.size()));
    }
    return best;
}

void print(const std::string& name, double value, const char* unit) {
    std::printf("%s\t%.3f\t%s\n", name.c_str(), value, unit);
}

} // namespace

int main() {
    const CodeFinder finder;
    for (const Family family : allFamilies) {
        const std::vector<std::string> serials = serialsOf(family, 200000);
        const std::string id(familyId(family));
        // What a lookup costs: recognition, validation and (for Renault and Visteon) the code.
        print("core.lookup." + id,
              nsPerCall(serials, 5,
                        [&](const std::string& serial) {
                            const LookupResult result = finder.lookup(serial);
                            sink = sink + result.recognition.serial.size() +
                                   (result.answer ? result.answer->code.size() : 0);
                        }),
              "ns/call");
        print("core.recognise." + id,
              nsPerCall(serials, 5,
                        [&](const std::string& serial) {
                            sink = sink + recognise(serial).serial.size();
                        }),
              "ns/call");
    }
    // The public algorithms alone, without recognition.
    using Calculator = std::optional<int> (*)(std::string_view);
    for (const auto& [family, calculate] :
         {std::pair<Family, Calculator>{Family::Visteon, &visteonCode},
          std::pair<Family, Calculator>{Family::Renault, &renaultPrecodeCode}}) {
        print("core.calculate." + std::string(familyId(family)),
              nsPerCall(serialsOf(family, 200000), 5,
                        [&](const std::string& serial) {
                            sink = sink + static_cast<std::size_t>(*calculate(serial));
                        }),
              "ns/call");
    }

    // Typing: every prefix of label-form serials, as the field sees them keystroke by keystroke
    // (with the separators a label prints). The slowest keystroke counts, not only the mean.
    const std::vector<std::string> typed = {
        "BP53876 9672026", "815CM934515516803", "BE 4739 12345678", "M212365", "J727",
        "8200RTBT019",     "BPO38769672026",    "ВЕ473912345678"};
    std::vector<std::string> prefixes;
    for (const std::string& text : typed) {
        for (std::size_t n = 1; n <= text.size(); ++n)
            prefixes.push_back(text.substr(0, n));
    }
    double worst = 0;
    for (const std::string& prefix : prefixes) {
        const std::vector<std::string> one(1000, prefix);
        worst = std::max(worst, nsPerCall(one, 3, [&](const std::string& text) {
                             sink = sink + recognise(text).suggestions.size();
                         }));
    }
    print("core.keystroke.mean",
          nsPerCall(
              prefixes, 2000,
              [&](const std::string& text) { sink = sink + recognise(text).suggestions.size(); }) /
              1000.0,
          "us/keystroke");
    print("core.keystroke.worst", worst / 1000.0, "us/keystroke");
    return sink == 42 ? 1 : 0; // practically never; makes `sink` observable
}
