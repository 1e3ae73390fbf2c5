// libFuzzer target: the code-list reader (app/storage/code_list_reader.h), with no database and
// no translated text. On every input, read whole and streamed from a device:
//  - the reader ends, line numbers only grow, and it never accepts or skips a blank line;
//  - an accepted row is a normalised serial of a code-database family with a four-digit code
//    (restored from fewer digits only when that was asked for);
//  - a skipped row carries what its reason needs (a too long row its length, a bad serial the
//    core's verdict, ...);
//  - the same rows and reasons come out whether leading zeros are restored or not, except for
//    the shortened codes themselves.
#include "fuzz_common.h"

#include "storage/code_list_reader.h"

#include "radiocode/families.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace radiocode;
using namespace radiocode::storage;

namespace {

struct Outcome {
    QList<int> lines;
    QList<int> kinds; // 0 accepted, 1 + SkipReason skipped
};

bool isFourDigits(const QString& code) {
    if (code.size() != 4)
        return false;
    for (const QChar c : code)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

Outcome read(const QByteArray& bytes, bool restore) {
    Outcome outcome;
    QByteArray copy = bytes;
    QBuffer device(&copy);
    device.open(QIODevice::ReadOnly);
    CodeListReader reader(device, {}, restore);
    if (!reader.readHeader()) {
        FUZZ_CHECK(reader.problem() != CodeListProblem::None);
        if (reader.problem() == CodeListProblem::Columns)
            FUZZ_CHECK(!reader.columns().ok());
        return outcome;
    }
    FUZZ_CHECK(reader.problem() == CodeListProblem::None && reader.columns().ok());
    FUZZ_CHECK(reader.headerLine() >= 1);
    int lastLine = reader.headerLine();
    CodeListRow row;
    SkippedRow skipped;
    for (;;) {
        const auto next = reader.next(row, skipped);
        if (next == CodeListReader::Next::End)
            break;
        const int line = next == CodeListReader::Next::Row ? row.line : skipped.line;
        FUZZ_CHECK(line > lastLine);
        lastLine = line;
        outcome.lines.append(line);
        if (next == CodeListReader::Next::Row) {
            outcome.kinds.append(0);
            FUZZ_CHECK(familyInfo(row.family).origin == CodeOrigin::CodeDatabase);
            FUZZ_CHECK(!row.serial.isEmpty());
            FUZZ_CHECK(isFourDigits(row.code));
            FUZZ_CHECK(restore || !row.leadingZerosRestored);
            if (!row.recordedProvenance.isEmpty())
                FUZZ_CHECK(row.recordedProvenance == QLatin1String("import") ||
                           row.recordedProvenance == QLatin1String("confirmed"));
            continue;
        }
        outcome.kinds.append(1 + static_cast<int>(skipped.reason));
        switch (skipped.reason) {
        case SkipReason::TooLong:
            FUZZ_CHECK(skipped.length > 0 && !skipped.cell.isEmpty());
            break;
        case SkipReason::TooFewColumns:
            FUZZ_CHECK(skipped.columns < skipped.needed);
            break;
        case SkipReason::BadSerial:
            FUZZ_CHECK(!skipped.cell.isEmpty() && !skipped.recognition.isValid());
            break;
        case SkipReason::AlgorithmFamily:
            FUZZ_CHECK(familyInfo(skipped.family).origin != CodeOrigin::CodeDatabase);
            break;
        case SkipReason::ShortenedCode:
            FUZZ_CHECK(!restore && skipped.restored.size() == 4);
            break;
        case SkipReason::NotACode:
        case SkipReason::UnbalancedQuote:
        case SkipReason::EmptySerial:
            break;
        }
    }
    FUZZ_CHECK(!reader.readFailed());
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Outcome plain = read(bytes, false);
    const Outcome restored = read(bytes, true);
    FUZZ_CHECK(plain.lines == restored.lines);
    for (qsizetype i = 0; i < plain.kinds.size(); ++i) {
        const bool shortened = plain.kinds[i] == 1 + static_cast<int>(SkipReason::ShortenedCode);
        FUZZ_CHECK(shortened ? restored.kinds[i] == 0 : restored.kinds[i] == plain.kinds[i]);
    }
    return 0;
}
