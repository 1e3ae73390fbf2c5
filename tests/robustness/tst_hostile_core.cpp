// Hostile input against the core: what a technician may paste or a scanner may send.
// Each case checks the exact answer: state, message, where, and the suggestion offered.
#include "radiocode/code_source.h"
#include "radiocode/recognition.h"

#include <QElapsedTimer>
#include <QTest>

#include <string>

using namespace radiocode;

namespace {

std::string utf8(const char* text) {
    return std::string(text);
}

} // namespace

class HostileCoreTest : public QObject {
    Q_OBJECT

private slots:
    void nulByteIsAControlCharacter() {
        const std::string raw("J7\0"
                              "27",
                              5);
        const Recognition result = recognise(raw);
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::ControlCharacter);
        QCOMPARE(result.message.position, 2);
        QCOMPARE(result.message.byteOffset, 2);
        QVERIFY(result.suggestions.empty()); // nothing to guess: the character is unknown
        QCOMPARE(CodeFinder().lookup(raw).status, LookupStatus::Invalid);
    }

    void terminalEscapeIsAControlCharacter() {
        const Recognition result = recognise("\x1b[31mJ727");
        QCOMPARE(result.message.id, MessageId::ControlCharacter);
        QCOMPARE(result.message.position, 0);
    }

    void megabyteLineIsRefusedByLengthAlone() {
        const std::string raw(1 << 20, 'M');
        QElapsedTimer timer;
        timer.start();
        const Recognition result = recognise(raw);
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::InputTooLong);
        QCOMPARE(result.message.actual, 1 << 20);
        QCOMPARE(result.message.count, static_cast<int>(maxInputBytes));
        const Recognition becker = recogniseBecker("4739", raw);
        QCOMPARE(becker.message.id, MessageId::InputTooLong);
        QCOMPARE(becker.message.field, InputField::BeckerSerialNumber);
        // Not a timing test: a scan of the whole megabyte would still pass, but it must not hang.
        QVERIFY(timer.elapsed() < 5000);
    }

    void justOverTheLimitIsTooLongJustUnderIsExamined() {
        const std::string over(maxInputBytes + 1, ' ');
        QCOMPARE(recognise(over).message.id, MessageId::InputTooLong);
        const std::string under = std::string(maxInputBytes - 4, ' ') + "J727";
        const Recognition result = recognise(under);
        QCOMPARE(result.state, InputState::Valid);
        QCOMPARE(result.serial, std::string("J727"));
    }

    void invalidUtf8SaysWhere() {
        const Recognition result = recognise("BP53\xff\xfe"
                                             "876");
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::InvalidEncoding);
        QCOMPARE(result.message.byteOffset, 4);
        QCOMPARE(result.message.position, 4);
        // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
        QCOMPARE(recognise("M12\xc0\xb1"
                           "456")
                     .message.id,
                 MessageId::InvalidEncoding);
        QCOMPARE(recognise("M12\xed\xa0\x80"
                           "456")
                     .message.id,
                 MessageId::InvalidEncoding);
        // A sequence cut off at the end.
        QCOMPARE(recognise("M12345\xe2\x80").message.id, MessageId::InvalidEncoding);
    }

    void bidiOverrideIsRefusedWithTheCleanSerial() {
        // U+202E RIGHT-TO-LEFT OVERRIDE would display "M123456" reversed.
        const Recognition result = recognise(utf8("\u202eM212365\u202c"));
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::DirectionMark);
        QCOMPARE(result.message.position, 0);
        QCOMPARE(result.suggestions, std::vector<std::string>{"M212365"});
        QCOMPARE(CodeFinder().lookup(utf8("\u202eM212365")).status, LookupStatus::Invalid);
    }

    void bidiMarksAloneOfferNoEmptySuggestion() {
        // Found by fuzz_recognition: only direction marks, nothing else, suggested "".
        const Recognition result = recognise(utf8("\u202e\u202c"));
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::DirectionMark);
        QVERIFY(result.suggestions.empty());
        // The same in a Blaupunkt label form still to be typed ("815BP": serial still empty).
        QVERIFY(recognise(utf8("\u202e815BP")).suggestions.empty());
    }

    void fullWidthDigitsAreTheSameDigits() {
        const Recognition result = recognise(utf8("Ｍ２１２３６５"));
        QCOMPARE(result.state, InputState::Valid);
        QCOMPARE(result.serial, std::string("M212365"));
        const LookupResult lookup = CodeFinder().lookup(utf8("Ｍ２１２３６５"));
        QCOMPARE(lookup.status, LookupStatus::Ok);
        QCOMPARE(lookup.answer->code, std::string("3633")); // public vector for M212365
    }

    void cyrillicBeIsRefusedWithTheLatinSuggestion() {
        // "ВЕ" is CYRILLIC CAPITAL VE and IE: looks like "BE", is not.
        const Recognition result = recognise(utf8("ВЕ473912345678"));
        QCOMPARE(result.state, InputState::Invalid);
        QCOMPARE(result.message.id, MessageId::NonLatinLetter);
        QCOMPARE(result.message.position, 0);
        QCOMPARE(result.message.character, utf8("В"));
        QCOMPARE(result.suggestions, std::vector<std::string>{"BE473912345678"});
        QCOMPARE(CodeFinder().lookup(utf8("ВЕ473912345678")).status, LookupStatus::Invalid);
        // The same in the Becker form's model field.
        const Recognition form = recogniseBecker(utf8("ВЕ 4739"), "12345678");
        QCOMPARE(form.state, InputState::Invalid);
        QCOMPARE(form.message.id, MessageId::NonLatinLetter);
        QCOMPARE(form.message.field, InputField::BeckerModel);
        QCOMPARE(form.suggestions, std::vector<std::string>{"BE473912345678"});
    }

    void greekAndCyrillicLookAlikesInOtherFamilies() {
        const Recognition visteon = recognise(utf8("М212365")); // CYRILLIC CAPITAL EM
        QCOMPARE(visteon.message.id, MessageId::NonLatinLetter);
        QCOMPARE(visteon.suggestions, std::vector<std::string>{"M212365"});
        const Recognition blaupunkt = recognise(utf8("ΒΡ538769672026")); // GREEK BETA, RHO
        QCOMPARE(blaupunkt.message.id, MessageId::NonLatinLetter);
        QCOMPARE(blaupunkt.suggestions, std::vector<std::string>{"BP538769672026"});
    }

    void zeroWidthCharactersAreDropped() {
        const Recognition result = recognise(utf8("J\u200b7\ufeff27"));
        QCOMPARE(result.state, InputState::Valid);
        QCOMPARE(result.serial, std::string("J727"));
    }

    void noInputOfAnyByteGivesACodeForADatabaseFamily() {
        // Every single byte and every byte pair after "BP"/"BE": never a code without a source.
        const CodeFinder finder;
        for (int a = 0; a < 256; ++a) {
            for (int b = 0; b < 256; b += 17) {
                const std::string raw = std::string("BP5387696720") + char(a) + char(b);
                const LookupResult result = finder.lookup(raw);
                QVERIFY(result.status != LookupStatus::Ok);
            }
        }
    }
};

QTEST_APPLESS_MAIN(HostileCoreTest)
#include "tst_hostile_core.moc"
