// libFuzzer target: recognition, validation and lookup in the core, on any byte sequence.
// Each input is tried without a family, with each family, and as the two Becker label fields;
// the promises of recognition.h and code_source.h are checked on every result.
#include "fuzz_common.h"

#include "radiocode/calculators.h"
#include "radiocode/code_source.h"
#include "radiocode/families.h"
#include "radiocode/recognition.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

using namespace radiocode;
using radiocode::fuzz::codePointCount;

namespace {

bool matchesShape(std::string_view serial, std::string_view shape) {
    if (serial.size() != shape.size())
        return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char want = shape[i];
        const char got = serial[i];
        if (want == '#' && !(got >= '0' && got <= '9'))
            return false;
        if (want == 'A' && !(got >= 'A' && got <= 'Z'))
            return false;
        if (want == '*' && !((got >= '0' && got <= '9') || (got >= 'A' && got <= 'Z')))
            return false;
        if (want != '#' && want != 'A' && want != '*' && got != want)
            return false;
    }
    return true;
}

// `raw` is the text the message positions refer to (one field for the Becker form).
void checkMessagePosition(const Message& message, std::string_view raw) {
    FUZZ_CHECK(message.position >= -1);
    FUZZ_CHECK(message.byteOffset >= -1);
    if (message.byteOffset < 0)
        return;
    const auto offset = static_cast<std::size_t>(message.byteOffset);
    FUZZ_CHECK(offset < raw.size());
    FUZZ_CHECK(message.position == codePointCount(raw.substr(0, offset)));
    if (message.id != MessageId::InvalidEncoding) {
        FUZZ_CHECK(!message.character.empty());
        FUZZ_CHECK(raw.substr(offset, message.character.size()) == message.character);
    }
}

void checkWellFormed(const Recognition& result) {
    switch (result.state) {
    case InputState::Valid: {
        FUZZ_CHECK(result.family.has_value());
        FUZZ_CHECK(result.message.id == MessageId::Ok);
        const FamilyInfo& info = familyInfo(*result.family);
        FUZZ_CHECK(result.serial.size() == info.serialLength);
        FUZZ_CHECK(matchesShape(result.serial, info.formatShape));
        if (*result.family == Family::Becker)
            FUZZ_CHECK(isNissanBeckerModel(std::string_view(result.serial).substr(2, 4)));
        if (*result.family == Family::Renault)
            FUZZ_CHECK(renaultPrecodeCode(result.serial).has_value());
        if (*result.family == Family::Visteon)
            FUZZ_CHECK(visteonCode(result.serial).has_value());
        // A normalised serial reads back as itself.
        const Recognition again = recognise(result.serial, result.family);
        FUZZ_CHECK(again.state == InputState::Valid && again.serial == result.serial);
        break;
    }
    case InputState::Unsupported:
        FUZZ_CHECK(result.family == Family::Becker);
        FUZZ_CHECK(matchesShape(result.serial, familyInfo(Family::Becker).formatShape));
        FUZZ_CHECK(!isNissanBeckerModel(std::string_view(result.serial).substr(2, 4)));
        break;
    case InputState::Incomplete:
        FUZZ_CHECK(result.suggestions.empty() || result.message.id != MessageId::Ok);
        break;
    case InputState::Invalid:
        FUZZ_CHECK(result.message.id != MessageId::Ok);
        break;
    case InputState::Unchecked:
        // Database only: never a family an algorithm answers, and it reads back as itself.
        FUZZ_CHECK(result.message.id == MessageId::UncheckedSerial);
        FUZZ_CHECK(!result.family || familyInfo(*result.family).origin == CodeOrigin::CodeDatabase);
        FUZZ_CHECK(result.serial.size() >= 12 && result.serial.size() <= 17);
        FUZZ_CHECK(recognise(result.serial, result.family).state == InputState::Unchecked);
        break;
    }
    // Both readings of a Blaupunkt 7th-character letter are valid serials of their own.
    if (result.readings.size() > 1) {
        FUZZ_CHECK(result.state == InputState::Valid && result.readings[0] == result.serial);
        FUZZ_CHECK(recognise(result.readings[1], Family::Blaupunkt).state == InputState::Valid);
    }
    // A suggestion is offered as one click: it must itself be usable (valid, or a prefix).
    for (const std::string& suggestion : result.suggestions) {
        FUZZ_CHECK(!suggestion.empty());
        const std::optional<Family> family =
            result.family ? result.family : std::optional<Family>{};
        const Recognition followed = recognise(suggestion, family);
        FUZZ_CHECK(followed.state != InputState::Invalid);
    }
    const Recognition final = finalised(result);
    FUZZ_CHECK(final.state != InputState::Incomplete);
    if (result.state != InputState::Incomplete)
        FUZZ_CHECK(final.state == result.state && final.serial == result.serial);
}

void checkLookup(const CodeFinder& finder, std::string_view raw, std::optional<Family> family) {
    const LookupResult lookup = finder.lookup(raw, family);
    FUZZ_CHECK(lookup.recognition.state != InputState::Incomplete);
    FUZZ_CHECK(lookup.answer.has_value() == (lookup.status == LookupStatus::Ok));
    const Recognition& recognition = lookup.recognition;
    switch (lookup.status) {
    case LookupStatus::Ok: {
        FUZZ_CHECK(recognition.state == InputState::Valid);
        const std::string& code = lookup.answer->code;
        FUZZ_CHECK(code.size() == 4);
        for (const char c : code)
            FUZZ_CHECK(c >= '0' && c <= '9');
        // Only the algorithm families can answer: the finder has no database source here.
        if (*recognition.family == Family::Renault) {
            FUZZ_CHECK(lookup.answer->source.kind == Provenance::Kind::RenaultAlgorithm);
            FUZZ_CHECK(code == formatCode(*renaultPrecodeCode(recognition.serial)));
        } else {
            FUZZ_CHECK(*recognition.family == Family::Visteon);
            FUZZ_CHECK(lookup.answer->source.kind == Provenance::Kind::VisteonAlgorithm);
            FUZZ_CHECK(code == formatCode(*visteonCode(recognition.serial)));
        }
        break;
    }
    case LookupStatus::NotFound:
        // A label form no rule knows is unchecked: only a code database could answer it.
        FUZZ_CHECK(recognition.isUsable());
        if (recognition.state == InputState::Valid)
            FUZZ_CHECK(familyInfo(*recognition.family).origin == CodeOrigin::CodeDatabase);
        break;
    case LookupStatus::Unsupported:
        FUZZ_CHECK(recognition.state == InputState::Unsupported);
        break;
    case LookupStatus::Invalid:
        FUZZ_CHECK(recognition.state == InputState::Invalid);
        break;
    }
    FUZZ_CHECK(!lookupStatusId(lookup.status).empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    static const CodeFinder finder;

    const Recognition detected = recognise(raw);
    checkWellFormed(detected);
    if (size <= maxInputBytes)
        checkMessagePosition(detected.message, raw);
    else
        FUZZ_CHECK(detected.message.id == MessageId::InputTooLong);
    checkLookup(finder, raw, std::nullopt);

    for (const Family family : allFamilies) {
        const Recognition given = recognise(raw, family);
        checkWellFormed(given);
        if (given.state != InputState::Invalid)
            FUZZ_CHECK(given.family == family);
        if (size <= maxInputBytes)
            checkMessagePosition(given.message, raw);
        checkLookup(finder, raw, family);
    }

    // The Becker form: split at the first '|' (or in the middle) into model and serial fields.
    const std::size_t bar = raw.find('|');
    const std::size_t split = bar == std::string_view::npos ? size / 2 : bar;
    const std::string_view model = raw.substr(0, split);
    const std::string_view serialNumber =
        raw.substr(bar == std::string_view::npos ? split : split + 1);
    const Recognition becker = recogniseBecker(model, serialNumber);
    checkWellFormed(becker);
    if (becker.state != InputState::Invalid)
        FUZZ_CHECK(becker.family == Family::Becker);
    if (becker.message.field == InputField::BeckerModel)
        checkMessagePosition(becker.message, model);
    else if (becker.message.field == InputField::BeckerSerialNumber)
        checkMessagePosition(becker.message, serialNumber);
    const LookupResult beckerLookup = finder.lookupRecognised(becker);
    FUZZ_CHECK(beckerLookup.status != LookupStatus::Ok);
    return 0;
}
