// Real Blaupunkt labels: a letter as the 7th character, the bare CM form, the part number that
// cross-checks the serial, and serials of a label form no rule knows (looked up unchecked).
#include "radiocode/code_source.h"
#include "radiocode/recognition.h"

#include <QtTest>

#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace radiocode;

namespace {

// The letters that pass for a digit in the 7th place, and that digit.
const std::map<char, char> seventhLookAlikes = {{'O', '0'}, {'I', '1'}, {'L', '1'}, {'S', '5'},
                                                {'B', '8'}, {'Z', '2'}, {'G', '6'}};

// Every way a label prints the serial BP5511<c>2151786, and how it is typed.
std::vector<std::string> formsOf(char seventh) {
    const std::string tail = std::string("5511") + seventh + "2151786";
    std::string lower = "bp" + tail;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {"BP" + tail,
            "815BP" + tail,
            "815CM" + tail,
            "CM" + tail,
            "BP5511" + std::string(1, seventh) + " 2151786",
            "BP 5511" + std::string(1, seventh) + " 215 1786",
            "815 CM " + tail,
            lower,
            "815cm" + lower.substr(2),
            "cm" + lower.substr(2)};
}

// A stand-in for the code database: knows the serials it is given.
class RecordedCodes final : public CodeSource {
public:
    std::map<std::string, std::string> codes;
    std::vector<std::string> asked;
    bool serves(Family family) const override { return family == Family::Blaupunkt; }
    SourceResult find(Family, std::string_view serial) override {
        asked.emplace_back(serial);
        const auto found = codes.find(std::string(serial));
        if (found == codes.end())
            return SourceResult::notOnRecord();
        return SourceResult::found({found->second, Provenance::imported("dealer.csv")});
    }
};

// A finder whose code database is a RecordedCodes holding `codes`:
// `auto& [database, finder] = records;`.
struct RecordedFinder {
    RecordedCodes database;
    CodeFinder finder;
    explicit RecordedFinder(
        std::initializer_list<std::pair<const std::string, std::string>> codes = {}) {
        database.codes = codes;
        finder.addSource(&database);
    }
    RecordedFinder(const RecordedFinder&) = delete;
    RecordedFinder& operator=(const RecordedFinder&) = delete;
};

PartNumber part(const char* text) {
    return recognisePartNumber(text);
}

} // namespace

class BlaupunktLabelTest : public QObject {
    Q_OBJECT

private slots:
    // Any capital letter is valid as the 7th character, in every label form, with or without the
    // family chosen; only the look-alike letters give a second reading.
    void everyLetterAtTheSeventhCharacter() {
        for (char letter = 'A'; letter <= 'Z'; ++letter) {
            const std::string serial = std::string("BP5511") + letter + "2151786";
            for (const std::string& form : formsOf(letter)) {
                for (const std::optional<Family> family :
                     {std::optional<Family>(), std::optional<Family>(Family::Blaupunkt)}) {
                    const Recognition r = recognise(form, family);
                    const QByteArray context = QByteArray::fromStdString(form);
                    QVERIFY2(r.state == InputState::Valid, context.constData());
                    QCOMPARE(r.family, std::optional<Family>(Family::Blaupunkt));
                    QCOMPARE(r.serial, serial);
                    QCOMPARE(r.message.id, MessageId::Ok);
                    QVERIFY(r.suggestions.empty());
                    const auto lookAlike = seventhLookAlikes.find(letter);
                    if (lookAlike == seventhLookAlikes.end()) {
                        QVERIFY2(r.readings.empty(), context.constData());
                    } else {
                        std::string asDigit = serial;
                        asDigit[6] = lookAlike->second;
                        QCOMPARE(r.readings, (std::vector<std::string>{serial, asDigit}));
                    }
                    // The fast path (batch) says the same as the full path.
                    Recognition into;
                    into.readings = {"stale"};
                    into.fromCmPrefix = true;
                    recogniseInto(into, form, family);
                    QCOMPARE(into.readings, r.readings);
                    QCOMPARE(into.fromCmPrefix, r.fromCmPrefix);
                    QCOMPARE(into.serial, r.serial);
                }
            }
        }
    }

    // A letter anywhere else among the digits stays a typing error with its one-click fix.
    void letterElsewhereIsStillATypingError() {
        for (int index = 2; index < 14; ++index) {
            if (index == 6)
                continue;
            std::string typed = "BP538769672026";
            const char digit = typed[static_cast<std::size_t>(index)];
            typed[static_cast<std::size_t>(index)] = 'O';
            const Recognition r = recognise(typed);
            QVERIFY2(r.state == InputState::Invalid, typed.c_str());
            QCOMPARE(r.message.id, MessageId::LookAlikeLetter);
            QCOMPARE(r.message.position, index);
            std::string fixed = typed;
            fixed[static_cast<std::size_t>(index)] = '0';
            QCOMPARE(r.suggestions, std::vector<std::string>{fixed});
            (void)digit;
            typed[static_cast<std::size_t>(index)] = 'X';
            QCOMPARE(recognise(typed).message.id, MessageId::DigitExpected);
        }
        // The 7th character may be a letter; a mark there is not.
        QCOMPARE(recognise("BP5511#2151786").state, InputState::Invalid);
    }

    void bareCmIsBlaupunkt() {
        const Recognition r = recognise("CM934515516803");
        QCOMPARE(r.state, InputState::Valid);
        QCOMPARE(r.family, std::optional<Family>(Family::Blaupunkt));
        QCOMPARE(r.serial, std::string("BP934515516803"));
        QVERIFY(r.fromCmPrefix);
        QVERIFY(!r.fromLabelForm);
        QVERIFY(!recognise("BP934515516803").fromCmPrefix);
        QCOMPARE(recognise("CM934515516803", Family::Blaupunkt).serial,
                 std::string("BP934515516803"));
        // While typing: a prefix, not a Renault precode gone wrong.
        for (const char* prefix : {"CM", "CM9345", "cm93451551680"}) {
            const Recognition typing = recognise(prefix);
            QVERIFY2(typing.state == InputState::Incomplete, prefix);
            QCOMPARE(typing.family, std::optional<Family>(Family::Blaupunkt));
        }
        QCOMPARE(recognise("C", Family::Blaupunkt).state, InputState::Incomplete);
        QCOMPARE(recognise("C", Family::Blaupunkt).message.count, 13);
        // A letter typed for a digit is still offered its fix.
        const Recognition typo = recognise("CM93451551680O");
        QCOMPARE(typo.message.id, MessageId::LookAlikeLetter);
        QCOMPARE(typo.suggestions, std::vector<std::string>{"BP934515516800"});
        // Renault precodes starting with C are untouched.
        QCOMPARE(recognise("C123").family, std::optional<Family>(Family::Renault));
    }

    void partNumberIsCleanedAndValidated() {
        for (const char* printed :
             {"7645384318", "7 645 384 318", "7-645-384-318", "7.645.384.318"}) {
            const PartNumber p = part(printed);
            QVERIFY2(p.state == InputState::Valid, printed);
            QCOMPARE(p.digits, std::string("7645384318"));
        }
        QVERIFY(part("").isEmpty());
        QCOMPARE(part("").state, InputState::Incomplete);
        QCOMPARE(part("7 645").state, InputState::Incomplete);
        QCOMPARE(part("7 645").message.count, 6);
        QCOMPARE(part("7 645").message.id, MessageId::MoreDigitsNeeded);
        QCOMPARE(part("7645384318 1").message.id, MessageId::TooLong);
        QCOMPARE(part("8645384318").message.id, MessageId::WrongPrefix);
        QCOMPARE(part("8645384318").message.expected, std::string("76"));
        QCOMPARE(part("8645384318").message.field, InputField::PartNumber);
        const PartNumber typo = part("7 645 3B4 318");
        QCOMPARE(typo.state, InputState::Invalid);
        QCOMPARE(typo.message.id, MessageId::LookAlikeLetter);
        QCOMPARE(typo.message.position, 7); // in the text as typed
        QCOMPARE(typo.suggestions, std::vector<std::string>{"7645384318"});
        QCOMPARE(part("7645X84318").message.id, MessageId::DigitExpected);
        QCOMPARE(part(std::string(300, '7').c_str()).message.id, MessageId::InputTooLong);
    }

    // Three real labels agree: digits 4-7 of the part number are characters 3-6 of the serial.
    void partNumberAgreesWithTheSerial() {
        for (const auto& [serialText, partText] : std::vector<std::pair<const char*, const char*>>{
                 {"BP5384 12345678", "7 645 384 318"},
                 {"BP2346 12345678", "7642346318"},
                 {"BP5511V2151786", "7645511310"},
                 {"815CM5511O2151786", "7645511310"}}) {
            Recognition r = recognise(serialText);
            crossCheckPartNumber(r, part(partText));
            QVERIFY2(r.state == InputState::Valid, serialText);
            QVERIFY(r.partNumberAgrees);
            QCOMPARE(r.partNumber, part(partText).digits);
            QVERIFY(r.partNumberMismatches.empty());
        }
        // No part number: nothing changes.
        Recognition plain = recognise("BP538769672026");
        crossCheckPartNumber(plain, part(""));
        QCOMPARE(plain.state, InputState::Valid);
        QVERIFY(!plain.partNumberAgrees);
        QVERIFY(plain.partNumber.empty());
    }

    void partNumberContradictingTheSerialIsInvalid() {
        Recognition r = recognise("BP53876 9672026");
        crossCheckPartNumber(r, part("7 612 300 041"));
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::PartNumberMismatch);
        QCOMPARE(messageIdName(r.message.id), std::string_view("part-number-mismatch"));
        QCOMPARE(r.message.expected, std::string("7612300041"));
        QCOMPARE(r.message.character, std::string("5387"));
        QCOMPARE(r.partNumberMismatches, (std::vector<int>{2, 4, 5})); // both have a 3 there
        QVERIFY(!r.partNumberAgrees);
        QVERIFY(r.suggestions.empty());

        // Exhaustively: each of the four characters differing alone is named, and only it.
        for (int index = 0; index < 4; ++index) {
            for (char digit = '0'; digit <= '9'; ++digit) {
                std::string partDigits = "7645384318";
                if (partDigits[static_cast<std::size_t>(3 + index)] == digit)
                    continue;
                partDigits[static_cast<std::size_t>(3 + index)] = digit;
                Recognition one = recognise("BP538412345678");
                crossCheckPartNumber(one, part(partDigits.c_str()));
                QCOMPARE(one.message.id, MessageId::PartNumberMismatch);
                QCOMPARE(one.partNumberMismatches, std::vector<int>{2 + index});
            }
        }

        // A part number that is itself wrong blocks the serial with its own message.
        Recognition shortPart = recognise("BP538769672026");
        crossCheckPartNumber(shortPart, part("7645"));
        QCOMPARE(shortPart.state, InputState::Invalid);
        QCOMPARE(shortPart.message.field, InputField::PartNumber);
        QCOMPARE(shortPart.message.id, MessageId::MoreDigitsNeeded);

        // Another family's serial with a part number.
        Recognition renault = recognise("J727");
        crossCheckPartNumber(renault, part("7645384318"));
        QCOMPARE(renault.state, InputState::Invalid);
        QCOMPARE(renault.message.id, MessageId::PartNumberNotBlaupunkt);

        // Still typing the serial: the part number waits.
        Recognition typing = recognise("BP53");
        crossCheckPartNumber(typing, part("7612300041"));
        QCOMPARE(typing.state, InputState::Incomplete);
    }

    // No code is given for a serial its part number contradicts, even when one is on record.
    void mismatchGivesNoCode() {
        RecordedFinder records({{"BP538769672026", "1234"}});
        auto& [database, finder] = records;
        Recognition r = recognise("BP538769672026");
        crossCheckPartNumber(r, part("7612300041"));
        const LookupResult result = finder.lookupRecognised(r);
        QCOMPARE(result.status, LookupStatus::Invalid);
        QVERIFY(!result.answer);
        QVERIFY(database.asked.empty());

        Recognition agreeing = recognise("BP538769672026");
        crossCheckPartNumber(agreeing, part("7645387000"));
        const LookupResult found = finder.lookupRecognised(agreeing);
        QCOMPARE(found.status, LookupStatus::Ok);
        QVERIFY(found.recognition.partNumberAgrees);
    }

    // The code database is asked both readings and says which one is on record.
    void lookupTriesBothReadings() {
        for (const auto& [letter, digit] : seventhLookAlikes) {
            const std::string printed = std::string("BP5511") + letter + "2151786";
            const std::string asDigit = std::string("BP5511") + digit + "2151786";
            for (const bool recordedAsDigit : {false, true}) {
                RecordedFinder records({{recordedAsDigit ? asDigit : printed, "4711"}});
                auto& [database, finder] = records;
                const LookupResult result = finder.lookup(printed);
                QCOMPARE(result.status, LookupStatus::Ok);
                QCOMPARE(result.answer->code, std::string("4711"));
                QCOMPARE(result.answer->recordedSerial, recordedAsDigit ? asDigit : printed);
                QCOMPARE(result.recognition.serial, printed);
            }
            RecordedFinder records;
            auto& [empty, finder] = records;
            QCOMPARE(finder.lookup(printed).status, LookupStatus::NotFound);
            QCOMPARE(empty.asked, (std::vector<std::string>{printed, asDigit}));
        }
        // One reading only: asked once, and no reading named.
        RecordedFinder records({{"BP5511V2151786", "0815"}});
        auto& [database, finder] = records;
        const LookupResult result = finder.lookup("BP5511V2151786");
        QCOMPARE(result.status, LookupStatus::Ok);
        QVERIFY(result.answer->recordedSerial.empty());
        QCOMPARE(database.asked.size(), std::size_t(1));
    }

    // The technician says which reading the label shows: only that one is asked, and a
    // disagreement of the two readings' codes is resolved by it.
    void chosenReadingIsTheOnlyOneAsked() {
        const std::string printed = "BP5511O2151786";
        const std::string asDigit = "BP551102151786";
        RecordedFinder records({{printed, "1111"}, {asDigit, "2222"}});
        auto& [database, finder] = records;
        const LookupResult both = finder.lookup(printed);
        QCOMPARE(both.status, LookupStatus::Invalid);
        QCOMPARE(both.recognition.message.id, MessageId::ReadingsDisagree);
        for (const auto& [reading, serial, code] :
             {std::tuple{ReadingChoice::Letter, printed, "1111"},
              std::tuple{ReadingChoice::Digit, asDigit, "2222"}}) {
            for (const bool afterDisagreement : {false, true}) {
                Recognition recognition =
                    afterDisagreement ? both.recognition : finalised(recognise(printed));
                QVERIFY(chooseReading(recognition, reading));
                QCOMPARE(recognition.state, InputState::Valid);
                QCOMPARE(recognition.serial, serial);
                QVERIFY(!recognition.readingOpen());
                QCOMPARE(recognition.readings, (std::vector<std::string>{printed, asDigit}));
                database.asked.clear();
                const LookupResult chosen = finder.lookupRecognised(recognition);
                QCOMPARE(chosen.status, LookupStatus::Ok);
                QCOMPARE(chosen.answer->code, std::string(code));
                QVERIFY(chosen.answer->recordedSerial.empty());
                QCOMPARE(database.asked, std::vector<std::string>{serial});
            }
        }
        // No second reading: nothing to choose, nothing changed.
        Recognition single = finalised(recognise("BP5511V2151786"));
        QVERIFY(!chooseReading(single, ReadingChoice::Digit));
        QCOMPARE(single.serial, std::string("BP5511V2151786"));
        QCOMPARE(single.chosenReading, -1);
        // Recognising again forgets the choice.
        Recognition reused = finalised(recognise(printed));
        QVERIFY(chooseReading(reused, ReadingChoice::Digit));
        recogniseInto(reused, printed);
        QCOMPARE(reused.chosenReading, -1);
        QVERIFY(reused.readingOpen());
    }

    // A well-formed serial of a label form no rule knows: unchecked, database only.
    void unknownLabelFormIsUnchecked() {
        for (const char* typed : {"XY1234567890", "QK 12345 67890 AB", "xy123456789012345"}) {
            for (const std::optional<Family> family :
                 {std::optional<Family>(), std::optional<Family>(Family::Blaupunkt),
                  std::optional<Family>(Family::Becker)}) {
                const Recognition r = recognise(typed, family);
                QVERIFY2(r.state == InputState::Unchecked, typed);
                QCOMPARE(r.message.id, MessageId::UncheckedSerial);
                QCOMPARE(r.family, family);
                QCOMPARE(finalised(r).state, InputState::Unchecked);
            }
            // Never given to an algorithm family.
            QCOMPARE(recognise(typed, Family::Renault).state, InputState::Invalid);
            QCOMPARE(recognise(typed, Family::Visteon).state, InputState::Invalid);
        }
        QCOMPARE(inputStateId(InputState::Unchecked), std::string_view("unchecked"));
        // Known shapes keep their own messages: too long, typing errors, barcode texts.
        QCOMPARE(recognise("BP5387696720261").message.id, MessageId::TooLong);
        QCOMPARE(recognise("BE47391234567899").state, InputState::Invalid);
        QCOMPARE(recognise("XY12345RTBT019").family, std::optional<Family>(Family::Renault));
        QCOMPARE(recognise("XY12345678").state, InputState::Invalid);          // too short
        QCOMPARE(recognise("XY12345678901234567").state, InputState::Invalid); // too long
        QCOMPARE(recognise("X1234567890123").state, InputState::Invalid);      // one letter
        // Two letters before a Blaupunkt/Becker body: a misread prefix, not a new form.
        QCOMPARE(recognise("XP538769672026", Family::Blaupunkt).message.id, MessageId::WrongPrefix);
        QCOMPARE(recognise("XP5511V2151786").state, InputState::Invalid);

        RecordedFinder records({{"XY1234567890", "2468"}});
        auto& [database, finder] = records;
        const LookupResult found = finder.lookup("xy 1234567890");
        QCOMPARE(found.status, LookupStatus::Ok);
        QCOMPARE(found.answer->code, std::string("2468"));
        QCOMPARE(found.recognition.state, InputState::Unchecked);
        QCOMPARE(found.recognition.family, std::optional<Family>(Family::Blaupunkt));
        const LookupResult missing = finder.lookup("XY1234567891");
        QCOMPARE(missing.status, LookupStatus::NotFound);
        QCOMPARE(missing.sourcesAsked, 1);
        // Without a code database nothing can answer it: no algorithm ever does.
        const CodeFinder algorithmsOnly;
        const LookupResult none = algorithmsOnly.lookup("XY1234567890");
        QCOMPARE(none.status, LookupStatus::NotFound);
        QCOMPARE(none.sourcesAsked, 0);
        QVERIFY(!none.answer);
    }
};

QTEST_APPLESS_MAIN(BlaupunktLabelTest)
#include "tst_blaupunkt_label.moc"
