// The line handling of `radiocode batch`: input lines in, one CSV row per line out. On its own so
// that the fuzzer links exactly this (with the core and the shared texts), not the whole command.
#pragma once

#include "radiocode/code_source.h"
#include "radiocode/families.h"

#include <cstddef>
#include <cstdio>
#include <functional>
#include <optional>
#include <string_view>

namespace radiocode::cli {

// The `input` column echoes at most this many bytes of a line; a longer line is cut there (at a
// character boundary) and marked with "…". The message still gives the line's full length.
inline constexpr std::size_t batchEchoedBytes = 1000;

// How many bytes of `text` to show when at most `limit` may be: all of it when it fits, else
// `limit` or a little less, so that a UTF-8 character is not split.
inline std::size_t echoLength(std::string_view text, std::size_t limit) {
    if (text.size() <= limit)
        return text.size();
    std::size_t length = limit;
    while (length > 0 && length + 3 > limit &&
           (static_cast<unsigned char>(text[length]) & 0xC0u) == 0x80u)
        --length;
    return length;
}

enum class BatchOutcome {
    ReadThrough, // every line answered, the output written
    ReadFailed,  // reading stopped early (errno in BatchRun::readError); what was read is answered
    WriteFailed  // the output could not be written
};

struct BatchRun {
    BatchOutcome outcome = BatchOutcome::ReadThrough;
    std::size_t lines = 0; // lines answered
    int readError = 0;     // errno of the failed read
};

// Reads `input` to its end and writes to `output` the CSV header and one row per line (LF or
// CRLF; a last line without a line end counts), in constant memory whatever the line lengths.
// Messages come from the shared texts in the language installed now. `progress`, if given, is
// told the number of lines answered so far after each block read.
BatchRun answerBatch(std::FILE* input, std::FILE* output, const CodeFinder& finder,
                     std::optional<Family> family,
                     const std::function<void(std::size_t)>& progress = {});

} // namespace radiocode::cli
