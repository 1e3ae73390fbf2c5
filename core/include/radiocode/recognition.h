// Recognition, clean-up and validation of whatever a technician types, pastes or scans.
// Cheap enough to run on every keystroke; the result carries everything a GUI needs to explain
// itself (state, message id with parameters, position of the first bad character, suggestions).
#pragma once

#include "radiocode/families.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace radiocode {

enum class InputState {
    Incomplete,  // a prefix of a valid serial: keep typing
    Valid,       // a complete, well-formed serial of a supported radio
    Invalid,     // cannot become valid by typing more
    Unsupported, // well formed, but a radio this program does not cover (Becker model not Nissan)
    // Well formed, but no rule knows this label form: only a code database lookup "as printed"
    // (family, when known, is the one chosen; no algorithm answers it).
    Unchecked
};

enum class MessageId {
    Ok,                   // valid
    Empty,                // nothing typed yet (incomplete)
    MoreDigitsNeeded,     // count: characters still missing; expected: their shape ("P####")
    AmbiguousFamily,      // "M123": a Renault precode or the start of a Visteon serial
    NotRecognised,        // matches no family's format
    WrongPrefix,          // family given, serial must start with `expected` ("BP", "BE", "M")
    LooksLikeOtherFamily, // family given, but the input is a serial of `otherFamily`
    LetterExpected,       // position: a letter is needed there (precode's first character)
    DigitExpected,        // position, character: only digits belong there
    LookAlikeLetter,      // position, character: a letter that looks like a digit (suggestion)
    NonLatinLetter,       // position, character: Cyrillic/Greek look-alike (suggestion)
    ControlCharacter,     // position: NUL or another control character
    DirectionMark,        // position: an invisible bidi embedding/override mark (suggestion)
    InvalidEncoding,      // byteOffset: bytes that are not UTF-8
    TooLong,              // count: characters expected, actual: characters given
    InputTooLong,         // actual: bytes given; over maxInputBytes, not examined further
    PrecodeNotAssigned,   // A000-A099 are not precodes
    BeckerModelNotNissan, // expected: the model digits; well formed, not fitted to Nissan
    // Blaupunkt part number (field PartNumber): digits 4-7 must be the serial's characters 3-6.
    // expected: the part number's 10 digits; Recognition::partNumberMismatches says where.
    PartNumberMismatch,
    PartNumberNotBlaupunkt, // a part number was given with a serial of another family
    // Well formed (2 letters + 10-15 letters or digits) but of no known label form: it may be
    // looked up in the code database as printed, never computed. State Unchecked.
    UncheckedSerial,
    // A Blaupunkt serial with two readings (7th character O/0, I/1, ...) whose readings are both
    // on record with different codes: no code until the label says which it is. suggestions:
    // the digit reading; expected: the printed (letter) reading.
    ReadingsDisagree,
};

// Where a problem was found when the input came from the two Becker fields.
enum class InputField { Whole, BeckerModel, BeckerSerialNumber, PartNumber };

struct Message {
    MessageId id = MessageId::Empty;
    int count = 0;               // MoreDigitsNeeded, TooLong
    int actual = 0;              // TooLong, InputTooLong (saturated: see byteCount)
    std::uint64_t byteCount = 0; // InputTooLong: the input's whole length, gigabytes too
    int position = -1;           // index (in Unicode code points) into the raw input, -1 when none
    int byteOffset = -1;         // same place as a byte offset into the raw UTF-8 input
    std::string character;       // the offending character, UTF-8 (PartNumberMismatch: the serial's
                                 // characters 3-6)
    // WrongPrefix: the prefix; BeckerModelNotNissan: the model; MoreDigitsNeeded: the shape still
    // to type, '#' a digit, 'A' a letter, anything else that literal letter.
    std::string expected;
    std::optional<Family> otherFamily; // LooksLikeOtherFamily
    InputField field = InputField::Whole;
};

// A new field here must also be reset in recogniseInto() (recognition.cpp), which refills a
// Recognition in place.
struct Recognition {
    InputState state = InputState::Incomplete;
    std::optional<Family> family;   // recognised, or the one given
    std::vector<Family> candidates; // AmbiguousFamily / early prefixes: families still possible
    std::string serial;             // normalised serial (partial while incomplete)
    Message message;
    std::vector<std::string> suggestions; // corrected serials to offer as one click
    bool fromBarcode = false;             // a Renault precode taken from a longer barcode text
    bool fromLabelForm = false;           // a Blaupunkt 815BP/815CM label form was converted
    bool fromCmPrefix = false;            // a Blaupunkt serial printed with CM for BP
    // Blaupunkt with a 7th-character letter that looks like a digit (O I L S B Z G): both are
    // real readings, as printed first (the serial) and then with the digit. Empty otherwise.
    std::vector<std::string> readings;
    // The reading the technician saw on the label (index into readings: 0 the letter, 1 the
    // digit), -1 while both are possible. serial is then that reading, and only it is looked
    // up. Set with chooseReading().
    int chosenReading = -1;
    // The Blaupunkt part number cross-checked with this serial (10 digits), when one was given.
    std::string partNumber;
    bool partNumberAgrees = false; // digits 4-7 of partNumber are characters 3-6 of the serial
    std::vector<int>
        partNumberMismatches; // PartNumberMismatch: serial indices (0-based) that differ

    bool isValid() const { return state == InputState::Valid; }
    // Two readings and nobody has said yet which one the label shows.
    bool readingOpen() const { return readings.size() > 1 && chosenReading < 0; }
    // A code may be looked up, recorded and printed: valid, or unchecked (database only).
    bool isUsable() const { return state == InputState::Valid || state == InputState::Unchecked; }
};

// A Blaupunkt part ("type") number as typed: 10 digits starting 76, often printed in groups
// ("7 645 384 318"). Message positions refer to the part number's own text (field PartNumber).
struct PartNumber {
    InputState state = InputState::Incomplete; // Incomplete with Empty when nothing was typed
    std::string digits;                        // cleaned (partial while incomplete)
    Message message;
    std::vector<std::string> suggestions; // corrected part numbers (look-alike letters)

    bool isEmpty() const { return message.id == MessageId::Empty; }
};

inline constexpr std::size_t partNumberLength = 10;

PartNumber recognisePartNumber(std::string_view rawUtf8);

// Cross-checks `serial` with a part number: nothing happens for an empty part number or a serial
// that is not valid (yet). A valid Blaupunkt serial becomes Invalid when the part number is
// invalid or incomplete (its message, field PartNumber) or contradicts the serial
// (PartNumberMismatch); agreement sets partNumber and partNumberAgrees. A part number with a
// serial of another family is PartNumberNotBlaupunkt.
void crossCheckPartNumber(Recognition& serial, const PartNumber& partNumber);

// Longest raw input examined; anything longer is refused without scanning it.
inline constexpr std::size_t maxInputBytes = 256;
// Shortest text taken as a Renault barcode text whose last four characters are the precode.
inline constexpr std::size_t minBarcodeLength = 8;

// Recognise and validate raw UTF-8 input. With `family`, only that family is considered (and a
// serial of another family is reported as such). Never throws on any byte sequence.
Recognition recognise(std::string_view rawUtf8, std::optional<Family> family = std::nullopt);

// The same answer as recognise(), written into `into` and reusing its storage: for callers that
// recognise many inputs in a row (the command line's batch mode), where a complete serial typed
// plainly then costs no heap allocation.
void recogniseInto(Recognition& into, std::string_view rawUtf8,
                   std::optional<Family> family = std::nullopt);

// The two fields of a Becker label: "Model No" (e.g. "BE 7818" or "7818") and "Serial No".
Recognition recogniseBecker(std::string_view modelField, std::string_view serialNumberField);

// What recognise() answers for input of `byteCount` bytes over maxInputBytes, for callers that
// stream long input and never hold all of it (the command line's batch mode).
Recognition inputTooLong(std::size_t byteCount, InputField field = InputField::Whole);

// Which reading of a Blaupunkt 7th-character look-alike the label shows.
enum class ReadingChoice { Letter, Digit };

// The technician read the 7th character on the label: the serial becomes that reading (valid
// again after ReadingsDisagree) and a lookup asks only for it. False, unchanged, when the
// serial has no two readings.
bool chooseReading(Recognition& recognition, ReadingChoice reading);

// Stable machine ids, for JSON and logs: "look-alike-letter", "incomplete", ...
std::string_view messageIdName(MessageId id);
std::string_view inputStateId(InputState state);

// For callers with no "keep typing" (command line, import): an incomplete result becomes invalid,
// keeping its message (MoreDigitsNeeded reads as "too short").
Recognition finalised(Recognition recognition);
// The same, in place.
void finalise(Recognition& recognition);

} // namespace radiocode
