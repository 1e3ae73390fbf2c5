#include "radiocode/recognition.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>

namespace radiocode {
namespace {

// A character that survives clean-up: an upper-case ASCII letter, a digit, or `otherChar` for
// anything else (which no serial format accepts), with where it stood in the raw input.
constexpr char otherChar = '\x01';

struct Cell {
    char c;
    int position;   // code point index into the raw input
    int byteOffset; // byte offset into the raw input
    int byteLength;
    InputField field;
};

struct Cells {
    std::array<Cell, maxInputBytes> items; // one raw byte makes at most one cell
    std::size_t size = 0;
    const Cell& operator[](std::size_t i) const { return items[i]; }
};

struct Scan {
    Cells cells;
    std::optional<Message> hardProblem; // no suggestion possible (control character, bad bytes)
    std::optional<Message> softProblem; // fixed in the suggestion (non-Latin letter, bidi mark)
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return c >= 'A' && c <= 'Z';
}

// Decodes one UTF-8 sequence; returns its length, or 0 when the bytes are not valid UTF-8.
int decodeUtf8(std::string_view text, std::size_t at, char32_t& codePoint) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    int length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
    } else {
        return 0;
    }
    if (at + static_cast<std::size_t>(length) > text.size())
        return 0;
    for (int i = 1; i < length; ++i) {
        const unsigned char next = byte(at + static_cast<std::size_t>(i));
        if ((next & 0xC0u) != 0x80u)
            return 0;
        value = (value << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (overlong || surrogate || value > 0x10FFFF)
        return 0;
    codePoint = value;
    return length;
}

bool isSeparator(char32_t c) {
    switch (c) {
    case U' ':
    case U'\t':
    case U'\r':
    case U'\n':
    case U'-':
    case U'.':
    case 0x00A0: // no-break space
    case 0x2007:
    case 0x202F:
    case 0x3000: // figure, narrow no-break, ideographic spaces
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015: // dashes
    case 0x2212: // minus sign
    case 0xFF0D:
    case 0xFF0E: // full-width hyphen and full stop
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A; // typographic spaces
    }
}

// Invisible characters that change nothing a technician sees in a serial: dropped.
bool isInvisibleFiller(char32_t c) {
    return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x061C;
}

// Bidi embeddings, overrides and isolates reorder what is displayed: refused, with a suggestion.
bool isDirectionControl(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isControl(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// Cyrillic and Greek capitals (and the small letters that look the same) that pass for Latin.
char latinLookAlike(char32_t c) {
    switch (c) {
    case 0x0410:
    case 0x0430:
    case 0x0391:
        return 'A';
    case 0x0412:
    case 0x0432:
    case 0x0392:
        return 'B';
    case 0x0421:
    case 0x0441:
        return 'C';
    case 0x0415:
    case 0x0435:
    case 0x0395:
        return 'E';
    case 0x041D:
    case 0x043D:
    case 0x0397:
        return 'H';
    case 0x0406:
    case 0x0456:
    case 0x0399:
        return 'I';
    case 0x0408:
    case 0x0458:
        return 'J';
    case 0x041A:
    case 0x043A:
    case 0x039A:
        return 'K';
    case 0x041C:
    case 0x043C:
    case 0x039C:
        return 'M';
    case 0x039D:
        return 'N';
    case 0x041E:
    case 0x043E:
    case 0x039F:
    case 0x03BF:
        return 'O';
    case 0x0420:
    case 0x0440:
    case 0x03A1:
        return 'P';
    case 0x0405:
    case 0x0455:
        return 'S';
    case 0x0422:
    case 0x0442:
    case 0x03A4:
        return 'T';
    case 0x0425:
    case 0x0445:
    case 0x03A7:
        return 'X';
    case 0x04AE:
    case 0x03A5:
        return 'Y';
    case 0x0396:
        return 'Z';
    default:
        return 0;
    }
}

// Letters typed for digits inside a digit group: the most common reading error on labels.
char digitLookAlike(char c) {
    switch (c) {
    case 'O':
        return '0';
    case 'I':
    case 'L':
        return '1';
    case 'S':
        return '5';
    case 'B':
        return '8';
    default:
        return 0;
    }
}

// A Blaupunkt 7th-character letter that may as well be a digit: both readings are real.
char seventhCharacterDigit(char c) {
    switch (c) {
    case 'Z':
        return '2';
    case 'G':
        return '6';
    default:
        return digitLookAlike(c); // the same look-alikes as inside a digit group
    }
}

Message messageAt(MessageId id, const Cell& cell, std::string_view raw) {
    Message message;
    message.id = id;
    message.position = cell.position;
    message.byteOffset = cell.byteOffset;
    message.field = cell.field;
    if (cell.byteOffset >= 0)
        message.character = std::string(raw.substr(static_cast<std::size_t>(cell.byteOffset),
                                                   static_cast<std::size_t>(cell.byteLength)));
    return message;
}

// Clean-up shared by all families: case, separators, full-width forms, invisible characters.
Scan scan(std::string_view raw, InputField field = InputField::Whole) {
    Scan result;
    int position = 0;
    for (std::size_t at = 0; at < raw.size(); ++position) {
        // Fast path for what serials are made of: an ASCII letter or digit is a cell as it is.
        const char byte = raw[at];
        if ((byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= 'a' && byte <= 'z')) {
            const char c = byte >= 'a' ? static_cast<char>(byte - 'a' + 'A') : byte;
            result.cells.items[result.cells.size++] =
                Cell{c, position, static_cast<int>(at), 1, field};
            ++at;
            continue;
        }
        char32_t cp = 0;
        const int length = decodeUtf8(raw, at, cp);
        Cell cell{otherChar, position, static_cast<int>(at), std::max(length, 1), field};
        if (length == 0) {
            Message message = messageAt(MessageId::InvalidEncoding, cell, raw);
            message.character.clear();
            result.hardProblem = message;
            return result;
        }
        at += static_cast<std::size_t>(length);
        if (isSeparator(cp) || isInvisibleFiller(cp))
            continue;
        if (cp >= 0xFF10 && cp <= 0xFF19) // full-width digits: the same digits, another width
            cp = cp - 0xFF10 + U'0';
        else if (cp >= 0xFF21 && cp <= 0xFF3A)
            cp = cp - 0xFF21 + U'A';
        else if (cp >= 0xFF41 && cp <= 0xFF5A)
            cp = cp - 0xFF41 + U'a';

        if (isControl(cp)) {
            result.hardProblem = messageAt(MessageId::ControlCharacter, cell, raw);
            return result;
        }
        if (isDirectionControl(cp)) {
            if (!result.softProblem)
                result.softProblem = messageAt(MessageId::DirectionMark, cell, raw);
            continue;
        }
        if (cp >= U'a' && cp <= U'z')
            cell.c = static_cast<char>(cp - U'a' + U'A');
        else if ((cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9'))
            cell.c = static_cast<char>(cp);
        else if (const char latin = latinLookAlike(cp)) {
            cell.c = latin;
            if (!result.softProblem)
                result.softProblem = messageAt(MessageId::NonLatinLetter, cell, raw);
        }
        result.cells.items[result.cells.size++] = cell;
    }
    return result;
}

// The outcome of checking cells against a format shape ("BP####*#######", "A###").
// '#' a digit, 'A' a letter, '*' a digit or a letter, anything else that literal character.
struct ShapeCheck {
    std::string serial;    // the cells as typed (upper-cased), up to the shape's length
    std::string corrected; // with look-alike letters turned into digits
    std::optional<Message> problem;
    bool fixable = true;             // every problem is a look-alike letter
    int missing = 0;                 // characters still to type
    std::string_view remainingShape; // the part of the shape still to type
    int eitherIndex = -1;            // a '*' holding a letter that looks like a digit: its index
    char eitherDigit = 0;            // and that digit
};

void noteProblem(ShapeCheck& check, Message message, bool fixable) {
    if (!check.problem)
        check.problem = std::move(message);
    check.fixable = check.fixable && fixable;
}

ShapeCheck checkShape(std::string_view shape, const Cell* cells, std::size_t count,
                      std::string_view raw, std::string_view prefixName) {
    ShapeCheck check;
    const std::size_t checked = std::min(count, shape.size());
    // One character per cell checked, written in place (this runs for every line of a batch).
    check.serial.resize(checked);
    check.corrected.resize(checked);
    for (std::size_t i = 0; i < checked; ++i) {
        const Cell& cell = cells[i];
        const char want = shape[i];
        char got = cell.c;
        if (want == '#') {
            if (!isDigit(got)) {
                if (const char digit = digitLookAlike(got)) {
                    noteProblem(check, messageAt(MessageId::LookAlikeLetter, cell, raw), true);
                    check.serial[i] = got;
                    check.corrected[i] = digit;
                    continue;
                }
                noteProblem(check, messageAt(MessageId::DigitExpected, cell, raw), false);
            }
        } else if (want == 'A') {
            if (!isLetter(got))
                noteProblem(check, messageAt(MessageId::LetterExpected, cell, raw), false);
        } else if (want == '*') {
            if (!isDigit(got) && !isLetter(got))
                noteProblem(check, messageAt(MessageId::DigitExpected, cell, raw), false);
            else if (const char digit = isLetter(got) ? seventhCharacterDigit(got) : 0) {
                check.eitherIndex = static_cast<int>(i);
                check.eitherDigit = digit;
            }
        } else if (got != want) {
            Message message = messageAt(MessageId::WrongPrefix, cell, raw);
            message.expected = std::string(prefixName);
            noteProblem(check, std::move(message), false);
        }
        if (got == otherChar)
            got = '?';
        check.serial[i] = got;
        check.corrected[i] = got;
    }
    if (count > shape.size()) {
        Message message = messageAt(MessageId::TooLong, cells[shape.size()], raw);
        message.count = static_cast<int>(shape.size());
        message.actual = static_cast<int>(count);
        noteProblem(check, std::move(message), false);
    }
    check.missing = static_cast<int>(shape.size() - checked);
    check.remainingShape = shape.substr(checked);
    return check;
}

Recognition fromCheck(Family family, const ShapeCheck& check) {
    Recognition result;
    result.family = family;
    result.serial = check.serial;
    if (check.problem) {
        result.state = InputState::Invalid;
        result.message = *check.problem;
        return result;
    }
    if (check.missing > 0) {
        result.state = InputState::Incomplete;
        result.message.id = check.serial.empty() ? MessageId::Empty : MessageId::MoreDigitsNeeded;
        result.message.count = check.missing;
        result.message.expected = std::string(check.remainingShape);
        return result;
    }
    result.state = InputState::Valid;
    result.message.id = MessageId::Ok;
    if (check.eitherIndex >= 0) {
        result.readings = {check.serial, check.serial};
        result.readings[1][static_cast<std::size_t>(check.eitherIndex)] = check.eitherDigit;
    }
    return result;
}

// Rules that only make sense once the shape is right.
void applyFamilyRules(Recognition& result, const Cell* cells, std::size_t count,
                      std::string_view raw) {
    if (result.state == InputState::Invalid || !result.family)
        return;
    if (*result.family == Family::Renault && result.serial.size() >= 2 && result.serial[0] == 'A' &&
        result.serial[1] == '0') { // A000-A099: x = 0 in the formula, no such precode
        Message message = messageAt(MessageId::PrecodeNotAssigned,
                                    cells[std::min<std::size_t>(1, count - 1)], raw);
        result.state = InputState::Invalid;
        result.message = message;
    } else if (*result.family == Family::Becker && result.serial.size() >= 6) {
        const std::string model = result.serial.substr(2, 4);
        if (!isNissanBeckerModel(model)) {
            const int missing = result.message.count;
            result.message = Message{};
            result.message.id = MessageId::BeckerModelNotNissan;
            result.message.expected = model; // the remaining digits are in `count`
            result.message.count = missing;
            if (result.state == InputState::Valid)
                result.state = InputState::Unsupported;
        }
    }
}

bool isBarcodeText(const Cells& cells) {
    const std::size_t n = cells.size;
    if (n < minBarcodeLength)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (cells[i].c == otherChar)
            return false;
    }
    return isLetter(cells[n - 4].c) && isDigit(cells[n - 3].c) && isDigit(cells[n - 2].c) &&
           isDigit(cells[n - 1].c);
}

bool startsWith(const Cells& cells, std::string_view text) {
    if (cells.size < text.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (cells[i].c != text[i])
            return false;
    }
    return true;
}

// Is the cleaned input a (possibly empty) prefix of `text`?
bool isPrefixOf(const Cells& cells, std::string_view text) {
    if (cells.size > text.size())
        return false;
    for (std::size_t i = 0; i < cells.size; ++i) {
        if (cells[i].c != text[i])
            return false;
    }
    return true;
}

Recognition incompleteOf(std::vector<Family> candidates, std::string serial, MessageId id,
                         int count = 0) {
    Recognition result;
    result.state = InputState::Incomplete;
    if (candidates.size() == 1)
        result.family = candidates.front();
    result.candidates = std::move(candidates);
    result.serial = std::move(serial);
    result.message.id = id;
    result.message.count = count;
    return result;
}

std::string cellText(const Cells& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size; ++i)
        text += cells[i].c == otherChar ? '?' : cells[i].c;
    return text;
}

Recognition checkFamily(Family family, const Cells& cells, std::string_view raw) {
    const FamilyInfo& info = familyInfo(family);
    const Cell* begin = cells.items.data();
    std::size_t count = cells.size;
    bool labelForm = false;
    bool barcode = false;
    bool cmPrefix = false;
    Cells relabelled; // Blaupunkt 815BP/815CM label: drop "815", read "CM" as "BP"

    if (family == Family::Blaupunkt && cells.size > 0 && cells[0].c == 'C') {
        if (cells.size == 1) {
            Recognition result = incompleteOf({Family::Blaupunkt}, "", MessageId::MoreDigitsNeeded,
                                              static_cast<int>(info.serialLength - 1));
            result.message.expected = std::string(info.formatShape.substr(1));
            result.message.expected[0] = 'M';
            return result;
        }
        if (cells[1].c == 'M') { // printed without the 815: CM is BP all the same
            relabelled = cells;
            relabelled.items[0].c = 'B';
            relabelled.items[1].c = 'P';
            begin = relabelled.items.data();
            cmPrefix = true;
        }
    } else if (family == Family::Blaupunkt && cells.size > 0 && cells[0].c == '8') {
        const std::string_view labelShape =
            (cells.size > 3 && cells[3].c == 'C') ? "815CM####*#######" : "815BP####*#######";
        if ((isPrefixOf(cells, "815BP") || isPrefixOf(cells, "815CM")) && cells.size <= 5) {
            Recognition result = incompleteOf({Family::Blaupunkt}, "", MessageId::MoreDigitsNeeded,
                                              static_cast<int>(labelShape.size() - cells.size));
            result.message.expected = std::string(labelShape.substr(cells.size));
            return result;
        }
        if (startsWith(cells, "815BP") || startsWith(cells, "815CM")) {
            relabelled = cells;
            relabelled.items[3].c = 'B';
            relabelled.items[4].c = 'P';
            begin = relabelled.items.data() + 3;
            count = cells.size - 3;
            labelForm = true;
        }
    } else if (family == Family::Renault && isBarcodeText(cells)) {
        begin += cells.size - 4;
        count = 4;
        barcode = true;
    }

    const ShapeCheck check = checkShape(info.formatShape, begin, count, raw, info.prefix);
    Recognition result = fromCheck(family, check);
    result.fromLabelForm = labelForm;
    result.fromBarcode = barcode;
    result.fromCmPrefix = cmPrefix;
    applyFamilyRules(result, begin, count, raw);
    if (check.problem && check.fixable) {
        const Recognition fixed = recognise(check.corrected, family);
        if (fixed.state != InputState::Invalid)
            result.suggestions.push_back(fixed.serial);
    }
    return result;
}

// Which family a cleaned input belongs to when none was given.
Recognition detectFamily(const Cells& cells, std::string_view raw) {
    if (cells.size == 0)
        return incompleteOf({Family::Blaupunkt, Family::Renault, Family::Becker, Family::Visteon},
                            "", MessageId::Empty);
    const char first = cells[0].c;
    const bool visteonShaped =
        first == 'M' && std::all_of(cells.items.begin() + 1, cells.items.begin() + cells.size,
                                    [](const Cell& c) { return isDigit(c.c); });
    // CM + 12: a Blaupunkt serial printed without its 815 (longer: maybe a barcode text).
    const bool cmStart = startsWith(cells, "CM") && cells.size <= 14;
    const bool knownStart = startsWith(cells, "BP") || startsWith(cells, "BE") ||
                            startsWith(cells, "815") || visteonShaped || cmStart;
    if (!knownStart && isBarcodeText(cells))
        return checkFamily(Family::Renault, cells, raw);

    if (first == '8' || cmStart)
        return checkFamily(Family::Blaupunkt, cells, raw);
    if (first == 'B') {
        if (cells.size == 1)
            return incompleteOf({Family::Blaupunkt, Family::Renault, Family::Becker}, "B",
                                MessageId::AmbiguousFamily);
        if (cells[1].c == 'P')
            return checkFamily(Family::Blaupunkt, cells, raw);
        if (cells[1].c == 'E')
            return checkFamily(Family::Becker, cells, raw);
        return checkFamily(Family::Renault, cells, raw);
    }
    if (first == 'M') {
        if (cells.size > 4)
            return checkFamily(Family::Visteon, cells, raw);
        // "M123" is a Renault precode and also the start of a Visteon serial.
        Recognition asPrecode = checkFamily(Family::Renault, cells, raw);
        if (asPrecode.state == InputState::Invalid) {
            asPrecode.family.reset();
            asPrecode.candidates = {Family::Renault, Family::Visteon};
            return asPrecode;
        }
        return incompleteOf({Family::Renault, Family::Visteon}, cellText(cells),
                            MessageId::AmbiguousFamily);
    }
    if (isLetter(first))
        return checkFamily(Family::Renault, cells, raw);

    Recognition result;
    result.state = InputState::Invalid;
    result.serial = cellText(cells);
    result.message = messageAt(MessageId::NotRecognised, cells[0], raw);
    return result;
}

// A new label form, conservatively: 2 letters that start no known serial, then 10-15 letters or
// digits. Never a typing error of a known shape (those keep their messages and suggestions).
bool isUncheckedShape(const Cells& cells) {
    if (cells.size < 12 || cells.size > 17 || !isLetter(cells[0].c) || !isLetter(cells[1].c))
        return false;
    if (startsWith(cells, "BP") || startsWith(cells, "BE") || startsWith(cells, "CM"))
        return false;
    for (std::size_t i = 2; i < cells.size; ++i) {
        if (!isLetter(cells[i].c) && !isDigit(cells[i].c))
            return false;
    }
    // Two letters and the 12 characters of a Blaupunkt or Becker serial: a misread prefix
    // ("XP538769672026"), said as such, not a new label form.
    if (cells.size == 14) {
        bool knownBody = true;
        for (std::size_t i = 2; i < cells.size; ++i)
            knownBody = knownBody && (isDigit(cells[i].c) || (i == 6 && isLetter(cells[i].c)));
        if (knownBody)
            return false;
    }
    return true;
}

Recognition uncheckedOf(const Cells& cells, std::optional<Family> family) {
    Recognition result;
    result.state = InputState::Unchecked;
    result.family = family;
    result.serial = cellText(cells);
    result.message.id = MessageId::UncheckedSerial;
    return result;
}

Recognition recogniseCells(const Cells& cells, std::string_view raw, std::optional<Family> family) {
    // Only a code database can answer an unchecked serial: never one of the algorithm families.
    if (isUncheckedShape(cells) &&
        (!family || familyInfo(*family).origin == CodeOrigin::CodeDatabase)) {
        const Recognition known =
            family ? checkFamily(*family, cells, raw) : detectFamily(cells, raw);
        if (known.state == InputState::Invalid && known.suggestions.empty())
            return uncheckedOf(cells, family);
        return known;
    }
    if (!family)
        return detectFamily(cells, raw);
    Recognition result = checkFamily(*family, cells, raw);
    if (result.state == InputState::Invalid && result.suggestions.empty()) {
        // A serial of another family typed with the wrong family chosen: say which one it is.
        const Recognition other = detectFamily(cells, raw);
        if (other.family && *other.family != *family &&
            (other.state == InputState::Valid || other.state == InputState::Unsupported)) {
            result.message = Message{};
            result.message.id = MessageId::LooksLikeOtherFamily;
            result.message.otherFamily = other.family;
            result.candidates = {*other.family};
        }
    }
    return result;
}

Recognition withSoftProblem(Recognition result, const Message& problem) {
    // The input is usable once the non-Latin letters or direction marks are gone: offer that.
    if (result.state == InputState::Invalid)
        return result;
    // Nothing but marks leaves nothing to offer: an empty serial is no suggestion.
    if (result.suggestions.empty() && !result.serial.empty())
        result.suggestions.push_back(result.serial);
    result.state = InputState::Invalid;
    result.message = problem;
    return result;
}

// The family whose complete serial `raw` is, typed plainly (ASCII letters of either case and
// digits, nothing else), when the full path would answer it as valid without a word: Visteon
// "M123456", Renault "J727", Blaupunkt "BP123456789012". Becker is left to the full path (its
// model rule). Nearly every line of a large batch file takes this way.
std::optional<Family> plainCompleteSerial(std::string_view raw, std::optional<Family> family) {
    Family candidate;
    if (family) {
        candidate = *family;
    } else if (raw.size() == 7) {
        candidate = Family::Visteon;
    } else if (raw.size() == 4) {
        candidate = Family::Renault;
        if (raw[0] == 'M' || raw[0] == 'm') // "M123": also the start of a Visteon serial
            return std::nullopt;
    } else if (raw.size() == 14) {
        candidate = Family::Blaupunkt;
    } else {
        return std::nullopt;
    }
    if (candidate == Family::Becker)
        return std::nullopt;
    const std::string_view shape = familyInfo(candidate).formatShape;
    if (raw.size() != shape.size())
        return std::nullopt;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char want = shape[i];
        if (want == '#') { // most of a serial: digits
            if (!isDigit(raw[i]))
                return std::nullopt;
            continue;
        }
        const char c =
            raw[i] >= 'a' && raw[i] <= 'z' ? static_cast<char>(raw[i] - 'a' + 'A') : raw[i];
        if (want == '*') { // a letter that may be a digit has two readings: the full path
            if (!isDigit(c) && !(isLetter(c) && seventhCharacterDigit(c) == 0))
                return std::nullopt;
            continue;
        }
        if (want == 'A' ? !isLetter(c) : c != want)
            return std::nullopt;
    }
    if (candidate == Family::Renault && (raw[0] == 'A' || raw[0] == 'a') && raw[1] == '0')
        return std::nullopt; // A000-A099: the full path explains why not
    return candidate;
}

Recognition hardFailure(const Message& problem) {
    Recognition result;
    result.state = InputState::Invalid;
    result.message = problem;
    return result;
}

} // namespace

Recognition inputTooLong(std::size_t byteCount, InputField field) {
    Message message;
    message.id = MessageId::InputTooLong;
    // Saturate: a line of several gigabytes must not wrap into a negative count.
    message.actual = static_cast<int>(std::min<std::size_t>(byteCount, INT_MAX));
    message.byteCount = byteCount;
    message.count = static_cast<int>(maxInputBytes);
    message.field = field;
    return hardFailure(message);
}

std::string_view messageIdName(MessageId id) {
    switch (id) {
    case MessageId::Ok:
        return "ok";
    case MessageId::Empty:
        return "empty";
    case MessageId::MoreDigitsNeeded:
        return "more-digits-needed";
    case MessageId::AmbiguousFamily:
        return "ambiguous-family";
    case MessageId::NotRecognised:
        return "not-recognised";
    case MessageId::WrongPrefix:
        return "wrong-prefix";
    case MessageId::LooksLikeOtherFamily:
        return "looks-like-other-family";
    case MessageId::LetterExpected:
        return "letter-expected";
    case MessageId::DigitExpected:
        return "digit-expected";
    case MessageId::LookAlikeLetter:
        return "look-alike-letter";
    case MessageId::NonLatinLetter:
        return "non-latin-letter";
    case MessageId::ControlCharacter:
        return "control-character";
    case MessageId::DirectionMark:
        return "direction-mark";
    case MessageId::InvalidEncoding:
        return "invalid-encoding";
    case MessageId::TooLong:
        return "too-long";
    case MessageId::InputTooLong:
        return "input-too-long";
    case MessageId::PrecodeNotAssigned:
        return "precode-not-assigned";
    case MessageId::BeckerModelNotNissan:
        return "becker-model-not-nissan";
    case MessageId::PartNumberMismatch:
        return "part-number-mismatch";
    case MessageId::PartNumberNotBlaupunkt:
        return "part-number-not-blaupunkt";
    case MessageId::UncheckedSerial:
        return "unchecked-serial";
    case MessageId::ReadingsDisagree:
        return "readings-disagree";
    }
    return "unknown";
}

std::string_view inputStateId(InputState state) {
    switch (state) {
    case InputState::Incomplete:
        return "incomplete";
    case InputState::Valid:
        return "valid";
    case InputState::Invalid:
        return "invalid";
    case InputState::Unsupported:
        return "unsupported";
    case InputState::Unchecked:
        return "unchecked";
    }
    return "invalid";
}

void recogniseInto(Recognition& into, std::string_view rawUtf8, std::optional<Family> family) {
    const std::optional<Family> plain = plainCompleteSerial(rawUtf8, family);
    if (!plain) {
        into = recognise(rawUtf8, family);
        return;
    }
    // Every field of Recognition, as the full path leaves it for a plain valid serial; strings
    // and vectors are emptied, not freed, so their storage serves the next input.
    into.state = InputState::Valid;
    into.family = plain;
    into.candidates.clear();
    into.serial.assign(rawUtf8);
    for (char& c : into.serial) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    Message& message = into.message;
    message.id = MessageId::Ok;
    message.count = 0;
    message.actual = 0;
    message.position = -1;
    message.byteOffset = -1;
    message.character.clear();
    message.expected.clear();
    message.otherFamily.reset();
    message.field = InputField::Whole;
    into.suggestions.clear();
    into.fromBarcode = false;
    into.fromLabelForm = false;
    into.fromCmPrefix = false;
    into.readings.clear();
    into.chosenReading = -1;
    into.partNumber.clear();
    into.partNumberAgrees = false;
    into.partNumberMismatches.clear();
}

bool chooseReading(Recognition& recognition, ReadingChoice reading) {
    if (recognition.readings.size() < 2 || !recognition.family)
        return false;
    const int index = reading == ReadingChoice::Letter ? 0 : 1;
    recognition.chosenReading = index;
    recognition.serial = recognition.readings[static_cast<std::size_t>(index)];
    if (recognition.message.id == MessageId::ReadingsDisagree) {
        recognition.state = InputState::Valid;
        recognition.message = Message{};
        recognition.message.id = MessageId::Ok;
    }
    recognition.suggestions.clear();
    return true;
}

Recognition recognise(std::string_view rawUtf8, std::optional<Family> family) {
    if (plainCompleteSerial(rawUtf8, family)) {
        Recognition result;
        recogniseInto(result, rawUtf8, family);
        return result;
    }
    if (rawUtf8.size() > maxInputBytes)
        return inputTooLong(rawUtf8.size());
    const Scan scanned = scan(rawUtf8);
    if (scanned.hardProblem)
        return hardFailure(*scanned.hardProblem);
    Recognition result = recogniseCells(scanned.cells, rawUtf8, family);
    if (scanned.softProblem)
        result = withSoftProblem(std::move(result), *scanned.softProblem);
    return result;
}

Recognition recogniseBecker(std::string_view modelField, std::string_view serialNumberField) {
    if (modelField.size() > maxInputBytes || serialNumberField.size() > maxInputBytes)
        return inputTooLong(std::max(modelField.size(), serialNumberField.size()),
                            modelField.size() > maxInputBytes ? InputField::BeckerModel
                                                              : InputField::BeckerSerialNumber);
    const Scan model = scan(modelField, InputField::BeckerModel);
    if (model.hardProblem)
        return hardFailure(*model.hardProblem);
    const Scan serialNumber = scan(serialNumberField, InputField::BeckerSerialNumber);
    if (serialNumber.hardProblem)
        return hardFailure(*serialNumber.hardProblem);

    // The model field may carry the "BE" printed before the digits ("BE 7818").
    std::size_t modelStart = 0;
    if (startsWith(model.cells, "BE"))
        modelStart = 2;
    else if (isPrefixOf(model.cells, "BE") && model.cells.size == 1)
        modelStart = 1;

    const Cell* modelCells = model.cells.items.data() + modelStart;
    const std::size_t modelCount = model.cells.size - modelStart;
    const ShapeCheck modelCheck = checkShape("####", modelCells, modelCount, modelField, "");
    const ShapeCheck serialCheck = checkShape("########", serialNumber.cells.items.data(),
                                              serialNumber.cells.size, serialNumberField, "");

    // Combine as one serial, "BE" + model + serial number, and reuse the whole-serial rules.
    Cells combined;
    const auto append = [&combined](const Cell* cells, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            combined.items[combined.size++] = cells[i];
    };
    const Cell synthetic[2] = {{'B', -1, -1, 0, InputField::BeckerModel},
                               {'E', -1, -1, 0, InputField::BeckerModel}};
    append(synthetic, 2);
    append(modelCells, std::min<std::size_t>(modelCount, 4));
    append(serialNumber.cells.items.data(), std::min<std::size_t>(serialNumber.cells.size, 8));

    Recognition result;
    const std::optional<Message> problem =
        modelCheck.problem ? modelCheck.problem : serialCheck.problem;
    if (problem) {
        result.state = InputState::Invalid;
        result.family = Family::Becker;
        result.serial = "BE" + modelCheck.serial + serialCheck.serial;
        result.message = *problem;
        // The message was built against one field's text: keep the offending character from it.
        if (modelCheck.fixable && serialCheck.fixable) {
            const Recognition fixed = recogniseBecker(modelCheck.corrected, serialCheck.corrected);
            if (fixed.state != InputState::Invalid)
                result.suggestions.push_back(fixed.serial);
        }
    } else if (model.cells.size == 0 && serialNumber.cells.size == 0) {
        result = incompleteOf({Family::Becker}, "", MessageId::Empty);
    } else {
        // Missing model digits count too, even when the serial number is already typed.
        const int missing = modelCheck.missing + serialCheck.missing;
        result.family = Family::Becker;
        result.serial = "BE" + modelCheck.serial + serialCheck.serial;
        if (missing > 0) {
            result.state = InputState::Incomplete;
            result.message.id = MessageId::MoreDigitsNeeded;
            result.message.count = missing;
            result.message.expected = std::string(static_cast<std::size_t>(missing), '#');
        } else {
            result.state = InputState::Valid;
            result.message.id = MessageId::Ok;
        }
        if (modelCheck.missing == 0)
            applyFamilyRules(result, combined.items.data(), combined.size, "");
    }
    const std::optional<Message>& soft =
        model.softProblem ? model.softProblem : serialNumber.softProblem;
    if (soft)
        result = withSoftProblem(std::move(result), *soft);
    return result;
}

PartNumber recognisePartNumber(std::string_view rawUtf8) {
    PartNumber result;
    if (rawUtf8.size() > maxInputBytes) {
        const Recognition tooLong = inputTooLong(rawUtf8.size(), InputField::PartNumber);
        result.state = tooLong.state;
        result.message = tooLong.message;
        return result;
    }
    const Scan scanned = scan(rawUtf8, InputField::PartNumber);
    if (scanned.hardProblem) {
        result.state = InputState::Invalid;
        result.message = *scanned.hardProblem;
        return result;
    }
    const ShapeCheck check =
        checkShape("76########", scanned.cells.items.data(), scanned.cells.size, rawUtf8, "76");
    result.digits = check.serial;
    if (check.problem) {
        result.state = InputState::Invalid;
        result.message = *check.problem;
        if (check.fixable) {
            const PartNumber fixed = recognisePartNumber(check.corrected);
            if (fixed.state != InputState::Invalid)
                result.suggestions.push_back(fixed.digits);
        }
    } else if (check.missing > 0) {
        result.state = InputState::Incomplete;
        result.message.id = check.serial.empty() ? MessageId::Empty : MessageId::MoreDigitsNeeded;
        result.message.count = check.missing;
        result.message.expected = std::string(check.remainingShape);
    } else {
        result.state = InputState::Valid;
        result.message.id = MessageId::Ok;
    }
    result.message.field = InputField::PartNumber;
    if (scanned.softProblem && result.state != InputState::Invalid) {
        if (!result.digits.empty())
            result.suggestions.push_back(result.digits);
        result.state = InputState::Invalid;
        result.message = *scanned.softProblem;
    }
    return result;
}

void crossCheckPartNumber(Recognition& serial, const PartNumber& partNumber) {
    if (partNumber.isEmpty() || serial.state != InputState::Valid || !serial.family)
        return;
    if (*serial.family != Family::Blaupunkt) {
        serial.state = InputState::Invalid;
        serial.message = Message{};
        serial.message.id = MessageId::PartNumberNotBlaupunkt;
        serial.message.field = InputField::PartNumber;
        serial.suggestions.clear();
        return;
    }
    if (partNumber.state != InputState::Valid) {
        serial.state = InputState::Invalid;
        serial.message = partNumber.message;
        serial.message.field = InputField::PartNumber;
        serial.suggestions.clear();
        return;
    }
    // The part number's 4th-7th digits are the serial's 3rd-6th characters (BP5384… ↔ 7645384…).
    serial.partNumber = partNumber.digits;
    serial.partNumberMismatches.clear();
    for (int i = 0; i < 4; ++i) {
        const auto at = static_cast<std::size_t>(i);
        if (serial.serial[2 + at] != partNumber.digits[3 + at])
            serial.partNumberMismatches.push_back(2 + i);
    }
    serial.partNumberAgrees = serial.partNumberMismatches.empty();
    if (serial.partNumberAgrees)
        return;
    serial.state = InputState::Invalid;
    serial.message = Message{};
    serial.message.id = MessageId::PartNumberMismatch;
    serial.message.field = InputField::PartNumber;
    serial.message.expected = partNumber.digits;
    serial.message.character = serial.serial.substr(2, 4);
    serial.suggestions.clear();
}

Recognition finalised(Recognition recognition) {
    finalise(recognition);
    return recognition;
}

void finalise(Recognition& recognition) {
    if (recognition.state != InputState::Incomplete)
        return;
    // "M123" stays ambiguous even when nobody types any more: it may be a Visteon serial cut
    // short, and a Renault code for it would cost the customer an attempt. The family decides.
    recognition.state = InputState::Invalid;
    if (recognition.message.id == MessageId::BeckerModelNotNissan) {
        const int missing = recognition.message.count;
        recognition.message = Message{};
        recognition.message.id = MessageId::MoreDigitsNeeded;
        recognition.message.count = missing;
        recognition.message.expected = std::string(static_cast<std::size_t>(missing), '#');
    }
}

} // namespace radiocode
