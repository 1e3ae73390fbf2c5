// Shared helpers for the libFuzzer targets: an invariant check that aborts with a readable line,
// so a broken promise shows up as a crash the fuzzer saves as a reproducer.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken at %s:%d: %s\n", __FILE__, __LINE__,            \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace radiocode::fuzz {

// Number of code points in valid UTF-8 (a lead byte starts each); bad bytes count one each.
inline int codePointCount(std::string_view text) {
    int count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u)
            ++count;
    }
    return count;
}

} // namespace radiocode::fuzz
