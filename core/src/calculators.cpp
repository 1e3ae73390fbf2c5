#include "radiocode/calculators.h"

#include <array>
#include <cstdint>

namespace radiocode {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
}

// The fixed table of the Visteon M-serial algorithm: visteonTable[row][column]. Bytes and
// unsigned arithmetic: a batch computes a million codes, and `% 10` on unsigned is cheaper.
constexpr std::array<std::array<std::uint8_t, 10>, 10> visteonTable = {{
    {9, 5, 3, 4, 8, 7, 2, 6, 1, 0},
    {2, 1, 5, 6, 9, 3, 7, 0, 4, 8},
    {0, 4, 7, 3, 1, 9, 6, 5, 8, 2},
    {5, 6, 4, 1, 2, 8, 0, 9, 3, 7},
    {6, 3, 1, 2, 0, 5, 4, 8, 7, 9},
    {4, 0, 8, 7, 6, 1, 9, 3, 2, 5},
    {7, 8, 0, 5, 3, 2, 1, 4, 9, 6},
    {1, 9, 6, 8, 7, 4, 5, 2, 0, 3},
    {3, 2, 9, 0, 4, 6, 8, 7, 5, 1},
    {8, 7, 2, 9, 5, 0, 3, 1, 6, 4},
}};

unsigned T(unsigned row, unsigned column) {
    return visteonTable[row][column];
}

// Sums in the formula stay below 256 (at most 10·10 + 10·10 + 9): `% 10` and f()'s digit sum
// read from tables instead of dividing, a dozen divisions saved per code.
constexpr std::size_t sumLimit = 256;
constexpr std::array<std::uint8_t, sumLimit> lastDigit = [] {
    std::array<std::uint8_t, sumLimit> table{};
    for (std::size_t i = 0; i < sumLimit; ++i)
        table[i] = static_cast<std::uint8_t>(i % 10);
    return table;
}();
// ⌊u/10⌋ mod 10 + u mod 10: the first part of f(u).
constexpr std::array<std::uint8_t, sumLimit> tensPlusUnits = [] {
    std::array<std::uint8_t, sumLimit> table{};
    for (std::size_t i = 0; i < sumLimit; ++i)
        table[i] = static_cast<std::uint8_t>((i / 10) % 10 + i % 10);
    return table;
}();

} // namespace

std::optional<int> renaultPrecodeCode(std::string_view precode) {
    if (precode.size() != 4)
        return std::nullopt;
    const char letter = upper(precode[0]);
    if (!isUpperLetter(letter) || !isDigit(precode[1]) || !isDigit(precode[2]) ||
        !isDigit(precode[3]))
        return std::nullopt;
    const int p0 = letter, p1 = precode[1], p2 = precode[2], p3 = precode[3];
    const int x = p1 + 10 * p0 - 698;
    if (x <= 0) // A000-A099: the formula would divide by zero
        return std::nullopt;
    const int y = p3 + 10 * p2 + x - 528;
    const int z = (7 * y) % 100;
    return z / 10 + 10 * (z % 10) + 100 * ((259 % x) % 100);
}

std::optional<int> visteonCode(std::string_view serial) {
    if (serial.size() != 7 || upper(serial[0]) != 'M')
        return std::nullopt;
    std::array<unsigned, 8> n{}; // n[1] is the last digit, n[6] the first, n[7] = 0
    for (std::size_t i = 1; i <= 6; ++i) {
        const char c = serial[7 - i];
        if (!isDigit(c))
            return std::nullopt;
        n[i] = static_cast<unsigned>(c - '0');
    }
    const unsigned r1 = T(n[1], 5), r2 = T(n[2], 3), r3 = T(n[3], 8), r4 = T(n[4], 2),
                   r5 = T(n[5], 1), r6 = T(n[6], 6), r7 = T(n[7], 9);
    const unsigned a = T(r2, r1) + 1;
    const auto mod10 = [](unsigned sum) { return unsigned{lastDigit[sum]}; };
    const unsigned s1 = mod10(a * (T(r6, r2) + 1) + (T(r4, r3) + 1) * (T(r7, r5) + 1) + T(r1, r4));
    const unsigned s2 = mod10(a * (T(r5, r4) + 1) + (T(r5, r2) + 1) * (T(r7, r3) + 1) + T(r1, r6));
    const unsigned s3 = mod10(a * (T(r4, r2) + 1) + (T(r3, r6) + 1) * (T(r7, r4) + 1) + T(r1, r5));
    const unsigned s4 = mod10(a * (T(r6, r3) + 1) + (T(r3, r7) + 1) * (T(r2, r5) + 1) + T(r4, r1));
    const unsigned u1 = (T(s1, 5) + 1) * (T(s2, 1) + 1) + 105;
    const unsigned u2 = (T(s2, 1) + 1) * (T(s4, 0) + 1) + 102;
    const unsigned u3 = (T(s1, 5) + 1) * (T(s3, 8) + 1) + 103;
    const unsigned u4 = (T(s3, 8) + 1) * (T(s4, 0) + 1) + 108;
    // f(u) = (⌊u/10⌋ mod 10 + u mod 10 + r1) mod 10
    const auto f = [r1, mod10](unsigned u) { return mod10(tensPlusUnits[u] + r1); };
    return static_cast<int>(f(u4) * 1000 + f(u3) * 100 + f(u2) * 10 + f(u1));
}

std::string formatCode(int code) {
    std::string text;
    formatCodeInto(code, text);
    return text;
}

void formatCodeInto(int code, std::string& into) {
    into.resize(4);
    // The last four digits of a positive code, "0000" for anything else.
    auto rest = static_cast<unsigned>(code > 0 ? code : 0);
    for (std::size_t i = 4; i-- > 0; rest /= 10)
        into[i] = static_cast<char>('0' + rest % 10);
}

bool isCodeShape(std::string_view text) {
    if (text.size() != 4)
        return false;
    for (const char c : text)
        if (!isDigit(c))
            return false;
    return true;
}

} // namespace radiocode
