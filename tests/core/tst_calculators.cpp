// The two public algorithms, checked over their whole input space against independent
// re-statements written here straight from the domain notes (not from core/src).
#include "radiocode/calculators.h"

#include <QtTest>

#include <array>
#include <cstdio>
#include <set>
#include <string>

using namespace radiocode;

namespace {

// domain.md, Renault precode: P0..P3 the ASCII values of the four characters (letter upper-cased),
// x = P1 + 10*P0 - 698, y = P3 + 10*P2 + x - 528, z = (7*y) mod 100,
// code = floor(z/10) + 10*(z mod 10) + 100*((259 mod x) mod 100).
int renaultByTheBook(char letter, int d1, int d2, int d3) {
    const int p0 = static_cast<unsigned char>(letter);
    const int p1 = '0' + d1, p2 = '0' + d2, p3 = '0' + d3;
    const int x = p1 + 10 * p0 - 698;
    const int y = p3 + 10 * p2 + x - 528;
    const int z = (7 * y) % 100;
    return z / 10 + 10 * (z % 10) + 100 * ((259 % x) % 100);
}

// domain.md, Visteon M-serial, written out again: the table as text rows, the serial as a number.
const char* const visteonRows[10] = {"9534872610", "2156937048", "0473196582", "5641280937",
                                     "6312054879", "4087619325", "7805321496", "1968745203",
                                     "3290468751", "8729503164"};
int t(int row, int column) {
    return visteonRows[row][column] - '0';
}
int visteonByTheBook(int sixDigits) {
    int n[8] = {};
    for (int i = 1, rest = sixDigits; i <= 6; ++i, rest /= 10)
        n[i] = rest % 10; // n1 the last digit, n6 the first; n7 = 0
    const int r1 = t(n[1], 5), r2 = t(n[2], 3), r3 = t(n[3], 8), r4 = t(n[4], 2);
    const int r5 = t(n[5], 1), r6 = t(n[6], 6), r7 = t(n[7], 9);
    const int a = t(r2, r1) + 1;
    const int s1 = (a * (t(r6, r2) + 1) + (t(r4, r3) + 1) * (t(r7, r5) + 1) + t(r1, r4)) % 10;
    const int s2 = (a * (t(r5, r4) + 1) + (t(r5, r2) + 1) * (t(r7, r3) + 1) + t(r1, r6)) % 10;
    const int s3 = (a * (t(r4, r2) + 1) + (t(r3, r6) + 1) * (t(r7, r4) + 1) + t(r1, r5)) % 10;
    const int s4 = (a * (t(r6, r3) + 1) + (t(r3, r7) + 1) * (t(r2, r5) + 1) + t(r4, r1)) % 10;
    const int u1 = (t(s1, 5) + 1) * (t(s2, 1) + 1) + 105;
    const int u2 = (t(s2, 1) + 1) * (t(s4, 0) + 1) + 102;
    const int u3 = (t(s1, 5) + 1) * (t(s3, 8) + 1) + 103;
    const int u4 = (t(s3, 8) + 1) * (t(s4, 0) + 1) + 108;
    const auto f = [r1](int u) { return ((u / 10) % 10 + u % 10 + r1) % 10; };
    return ((f(u4) * 10 + f(u3)) * 10 + f(u2)) * 10 + f(u1);
}

std::string precodeText(char letter, int number) {
    char text[8];
    std::snprintf(text, sizeof text, "%c%03d", letter, number);
    return text;
}

} // namespace

class CalculatorsTest : public QObject {
    Q_OBJECT

private slots:
    void renaultKnownCodes() {
        QCOMPARE(renaultPrecodeCode("J727"), std::optional<int>(6586));
        QCOMPARE(renaultPrecodeCode("j727"), std::optional<int>(6586));
        QCOMPARE(renaultPrecodeCode("A100"), std::optional<int>(70));
        QCOMPARE(formatCode(*renaultPrecodeCode("A100")), std::string("0070"));
    }

    // All 26 x 1000 precodes: A000-A099 refused, every other one as the formula says, in either
    // case, always 0..9999, the same on every call.
    void renaultEveryPrecode() {
        int computed = 0;
        std::set<int> distinctCodes;
        for (char letter = 'A'; letter <= 'Z'; ++letter) {
            for (int number = 0; number < 1000; ++number) {
                const std::string upper = precodeText(letter, number);
                const std::string lower =
                    precodeText(static_cast<char>(letter - 'A' + 'a'), number);
                const std::optional<int> code = renaultPrecodeCode(upper);
                if (letter == 'A' && number < 100) {
                    if (code)
                        QFAIL(qPrintable(QStringLiteral("%1 must be refused").arg(upper.c_str())));
                    QVERIFY(!renaultPrecodeCode(lower));
                    continue;
                }
                if (!code)
                    QFAIL(qPrintable(QStringLiteral("%1 was refused").arg(upper.c_str())));
                const int expected =
                    renaultByTheBook(letter, number / 100, number / 10 % 10, number % 10);
                if (*code != expected)
                    QFAIL(qPrintable(QStringLiteral("%1: %2, the formula says %3")
                                         .arg(upper.c_str())
                                         .arg(*code)
                                         .arg(expected)));
                QVERIFY(*code >= 0 && *code <= 9999);
                QCOMPARE(renaultPrecodeCode(lower), code);
                QCOMPARE(renaultPrecodeCode(upper), code); // deterministic
                const std::string shown = formatCode(*code);
                QCOMPARE(shown.size(), std::size_t(4));
                QCOMPARE(std::stoi(shown), *code);
                distinctCodes.insert(*code);
                ++computed;
            }
        }
        QCOMPARE(computed, 26 * 1000 - 100);
        QVERIFY(distinctCodes.size() > 1000); // not a constant by mistake
    }

    void renaultRefusesOtherShapes() {
        for (const char* text : {"", "J", "J72", "J7277", "1727", "JJ27", "J7 7", "J72x",
                                 "\xc3\x8a"
                                 "727",
                                 "@727", "[727", "`727", "{727"})
            QVERIFY2(!renaultPrecodeCode(text), text);
    }

    void visteonKnownCodes() {
        // Reported by owners as the working codes of their radios (vectors/public.csv).
        QCOMPARE(visteonCode("M212365"), std::optional<int>(3633));
        QCOMPARE(visteonCode("M025345"), std::optional<int>(3306));
        QCOMPARE(visteonByTheBook(212365), 3633);
        QCOMPARE(visteonByTheBook(25345), 3306);
    }

    // All 1,000,000 Visteon serials against the re-implementation above.
    void visteonEverySerial() {
        std::array<int, 10000> histogram{};
        char serial[16];
        for (int number = 0; number < 1000000; ++number) {
            std::snprintf(serial, sizeof serial, "M%06d", number);
            const std::optional<int> code = visteonCode(serial);
            if (!code)
                QFAIL(serial);
            const int expected = visteonByTheBook(number);
            if (*code != expected)
                QFAIL(qPrintable(QStringLiteral("%1: %2, the algorithm says %3")
                                     .arg(serial)
                                     .arg(*code)
                                     .arg(expected)));
            if (*code < 0 || *code > 9999)
                QFAIL(serial);
            ++histogram[static_cast<std::size_t>(*code)];
        }
        int used = 0;
        for (const int count : histogram)
            used += count > 0 ? 1 : 0;
        QVERIFY2(used > 1000, "the codes cover a wide range");
        // Shape and determinism of what is shown.
        for (const char* text : {"M000000", "M999999", "m123456", "M123456"}) {
            const std::optional<int> code = visteonCode(text);
            QVERIFY(code);
            QCOMPARE(visteonCode(text), code);
            QCOMPARE(formatCode(*code).size(), std::size_t(4));
        }
        QCOMPARE(visteonCode("m123456"), visteonCode("M123456"));
    }

    void visteonRefusesOtherShapes() {
        for (const char* text : {"", "M", "M12345", "M1234567", "X123456", "M12345A", "MM12345",
                                 " M12345", "M-12345", "1234567"})
            QVERIFY2(!visteonCode(text), text);
    }

    void formatCodeAlwaysFourDigits() {
        QCOMPARE(formatCode(0), std::string("0000"));
        QCOMPARE(formatCode(7), std::string("0007"));
        QCOMPARE(formatCode(70), std::string("0070"));
        QCOMPARE(formatCode(707), std::string("0707"));
        QCOMPARE(formatCode(9999), std::string("9999"));
        std::string reused = "stale text, longer than four";
        for (int code = 0; code <= 9999; ++code) {
            const std::string text = formatCode(code);
            QCOMPARE(text.size(), std::size_t(4));
            QCOMPARE(std::stoi(text), code);
            formatCodeInto(code, reused);
            QCOMPARE(reused, text);
        }
    }
};

QTEST_APPLESS_MAIN(CalculatorsTest)
#include "tst_calculators.moc"
