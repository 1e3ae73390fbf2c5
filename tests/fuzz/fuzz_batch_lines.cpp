// libFuzzer target: `radiocode batch` line handling (answerBatch() in app/cli/batch_lines.cpp),
// fed the fuzzer's bytes as the input file. The CSV it writes is read back with the import's CSV
// reader and checked: one row per input line, seven fields, a known status, a four-digit code
// from an algorithm exactly where the core gives one, and valid UTF-8 throughout.
#include "fuzz_common.h"

#include "cli/batch_lines.h"
#include "storage/csv_reader.h"

#include "radiocode/code_source.h"
#include "radiocode/recognition.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

using namespace radiocode;
using radiocode::storage::CsvProblem;
using radiocode::storage::CsvReader;
using radiocode::storage::CsvRecord;

namespace {

bool isValidUtf8(const QByteArray& text) {
    return QString::fromUtf8(text).toUtf8() == text;
}

QByteArray readAll(std::FILE* file) {
    QByteArray all;
    std::rewind(file);
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        all.append(buffer, static_cast<qsizetype>(got));
    return all;
}

// Answers `input` as `radiocode batch [--family F]` would, returning the CSV written.
QByteArray runBatchOn(const QByteArray& input, const CodeFinder& finder,
                      std::optional<Family> family, std::size_t& answered) {
    std::FILE* in = std::tmpfile();
    std::FILE* out = std::tmpfile();
    FUZZ_CHECK(in && out);
    std::fwrite(input.constData(), 1, static_cast<std::size_t>(input.size()), in);
    std::fflush(in);
    std::rewind(in);
    const cli::BatchRun run = cli::answerBatch(in, out, finder, family);
    FUZZ_CHECK(run.outcome == cli::BatchOutcome::ReadThrough);
    answered = run.lines;
    QByteArray output = readAll(out);
    std::fclose(in);
    std::fclose(out);
    return output;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    static const CodeFinder finder;
    const QByteArray input(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    const std::optional<Family> family = size > 0 && bytes[0] % 5 != 0
                                             ? std::optional<Family>(allFamilies[bytes[0] % 5 - 1])
                                             : std::nullopt;
    std::size_t answered = 0;
    const QByteArray output = runBatchOn(input, finder, family, answered);
    FUZZ_CHECK(isValidUtf8(output));

    // The input's lines: LF ends a line, a CR before it belongs to the line end.
    QList<QByteArray> lines = input.split('\n');
    if (lines.last().isEmpty())
        lines.removeLast(); // the file ended with a line end (or was empty)
    for (QByteArray& line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    FUZZ_CHECK(answered == static_cast<std::size_t>(lines.size()));

    CsvReader reader(output, ',');
    CsvRecord record;
    FUZZ_CHECK(reader.next(record));
    FUZZ_CHECK(record.fields.join(',') == "input,series,serial,status,code,source,message");
    for (const QByteArray& line : lines) {
        FUZZ_CHECK(reader.next(record));
        FUZZ_CHECK(record.problem == CsvProblem::None);
        FUZZ_CHECK(record.fields.size() == 7);
        const QByteArray& status = record.fields[3];
        const QByteArray& code = record.fields[4];
        const LookupResult expected =
            line.size() > static_cast<qsizetype>(maxInputBytes)
                ? finder.lookupRecognised(inputTooLong(static_cast<std::size_t>(line.size())))
                : finder.lookup(
                      std::string_view(line.constData(), static_cast<std::size_t>(line.size())),
                      family);
        FUZZ_CHECK(status.toStdString() == lookupStatusId(expected.status));
        if (expected.answer) {
            FUZZ_CHECK(code.toStdString() == expected.answer->code);
            FUZZ_CHECK(record.fields[5].toStdString() == expected.answer->source.id());
            FUZZ_CHECK(record.fields[2].toStdString() == expected.recognition.serial);
        } else {
            FUZZ_CHECK(code.isEmpty());
            FUZZ_CHECK(!record.fields[6].isEmpty()); // every line without a code says why
        }
        // Short, clean lines are echoed as they are.
        if (line.size() <= 1000 && isValidUtf8(line) && !line.contains('\0'))
            FUZZ_CHECK(record.fields[0] == line);
    }
    FUZZ_CHECK(!reader.next(record));
    return 0;
}
