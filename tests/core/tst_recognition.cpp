// Recognition and clean-up of raw input: every rule and edge of the domain notes.
#include "radiocode/recognition.h"

#include <QtTest>

#include <set>
#include <string>
#include <vector>

using namespace radiocode;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string fromQ(const QString& text) {
    return text.toUtf8().toStdString();
}

bool hasSuggestion(const Recognition& r, const std::string& serial) {
    return std::find(r.suggestions.begin(), r.suggestions.end(), serial) != r.suggestions.end();
}

QString describe(const std::string& input, const Recognition& r) {
    return QStringLiteral("input \"%1\": state %2, message %3, serial \"%4\", count %5")
        .arg(QString::fromUtf8(input.data(), qsizetype(input.size())))
        .arg(QString::fromLatin1(inputStateId(r.state).data()))
        .arg(QString::fromLatin1(messageIdName(r.message.id).data()))
        .arg(QString::fromStdString(r.serial))
        .arg(r.message.count);
}

// Types `text` one character (code point) at a time, as a technician would, and checks that every
// proper prefix is incomplete (never invalid), with the right count once the family is known.
// `digitsFrom`: from this many characters on, the message must be "N more" with N = length - typed.
void typeOneByOne(const std::string& text, std::optional<Family> family, std::size_t countFrom,
                  std::size_t expectedLength, InputState finalState) {
    std::size_t typed = 0; // characters that count (separators excluded)
    for (std::size_t end = 1; end <= text.size(); ++end) {
        if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u)
            continue; // in the middle of a UTF-8 sequence
        const std::string prefix = text.substr(0, end);
        const Recognition r = recognise(prefix, family);
        const char last = prefix.back();
        if (last != ' ' && last != '-' && last != '.')
            ++typed;
        const QString context = describe(prefix, r);
        if (end == text.size()) {
            QVERIFY2(r.state == finalState, qPrintable(context));
            break;
        }
        QVERIFY2(r.state == InputState::Incomplete, qPrintable(context));
        QVERIFY2(r.suggestions.empty(), qPrintable(context));
        if (typed >= countFrom) {
            QVERIFY2(r.message.id == MessageId::MoreDigitsNeeded ||
                         r.message.id == MessageId::BeckerModelNotNissan,
                     qPrintable(context));
            QVERIFY2(r.message.count == static_cast<int>(expectedLength - typed),
                     qPrintable(context));
        }
    }
}

// Every field, so that the fast path and recogniseInto() can be held to the full path.
QString differences(const Recognition& a, const Recognition& b) {
    QStringList found;
    if (a.state != b.state)
        found << QStringLiteral("state");
    if (a.family != b.family)
        found << QStringLiteral("family");
    if (a.candidates != b.candidates)
        found << QStringLiteral("candidates");
    if (a.serial != b.serial)
        found << QStringLiteral("serial");
    const Message &m = a.message, &n = b.message;
    if (m.id != n.id || m.count != n.count || m.actual != n.actual || m.position != n.position ||
        m.byteOffset != n.byteOffset || m.character != n.character || m.expected != n.expected ||
        m.otherFamily != n.otherFamily || m.field != n.field)
        found << QStringLiteral("message");
    if (a.suggestions != b.suggestions)
        found << QStringLiteral("suggestions");
    if (a.fromBarcode != b.fromBarcode || a.fromLabelForm != b.fromLabelForm ||
        a.fromCmPrefix != b.fromCmPrefix)
        found << QStringLiteral("flags");
    if (a.readings != b.readings)
        found << QStringLiteral("readings");
    return found.join(QLatin1Char(' '));
}

const std::vector<std::optional<Family>> noFamilyAndEach = {
    std::nullopt, Family::Blaupunkt, Family::Renault, Family::Becker, Family::Visteon};

} // namespace

class RecognitionTest : public QObject {
    Q_OBJECT

private slots:
    void validSerials_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("serial");
        const auto row = [](const char* name, const QString& input, Family family,
                            const char* serial) {
            QTest::newRow(name) << input << int(family) << QString::fromLatin1(serial);
        };
        // Case does not matter.
        row("renault", QStringLiteral("J727"), Family::Renault, "J727");
        row("renault lower case", QStringLiteral("j727"), Family::Renault, "J727");
        row("visteon lower case", QStringLiteral("m123456"), Family::Visteon, "M123456");
        row("blaupunkt lower case", QStringLiteral("bp538769672026"), Family::Blaupunkt,
            "BP538769672026");
        row("becker lower case", QStringLiteral("be473912345678"), Family::Becker,
            "BE473912345678");
        // Spaces, dashes and dots between groups are dropped.
        row("label with space", QStringLiteral("BP53876 9672026"), Family::Blaupunkt,
            "BP538769672026");
        row("dashes and dots", QStringLiteral("BP-538.769-672.026"), Family::Blaupunkt,
            "BP538769672026");
        row("leading and trailing blanks", QStringLiteral("  J727\t"), Family::Renault, "J727");
        row("becker with spaces", QStringLiteral("BE 4739 12345678"), Family::Becker,
            "BE473912345678");
        row("visteon with dash", QStringLiteral("M-123-456"), Family::Visteon, "M123456");
        row("no-break space", QStringLiteral("BP53876\u00A09672026"), Family::Blaupunkt,
            "BP538769672026");
        row("en dash", QStringLiteral("M123\u2013456"), Family::Visteon, "M123456");
        row("zero-width space", QStringLiteral("J7\u200B27"), Family::Renault, "J727");
        row("byte order mark", QStringLiteral("\uFEFFM123456"), Family::Visteon, "M123456");
        // Full-width forms (an East Asian input method): the same characters.
        row("full-width digits", QStringLiteral("M\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16"),
            Family::Visteon, "M123456");
        row("full-width letters", QStringLiteral("\uFF2A\uFF17\uFF12\uFF17"), Family::Renault,
            "J727");
        row("full-width lower", QStringLiteral("\uFF4A727"), Family::Renault, "J727");
        // Blaupunkt 17-character labels: drop 815, CM becomes BP.
        row("815CM label", QStringLiteral("815CM934515516803"), Family::Blaupunkt,
            "BP934515516803");
        row("815BP label", QStringLiteral("815BP934515516803"), Family::Blaupunkt,
            "BP934515516803");
        row("815cm label lower case", QStringLiteral("815cm 934515 516803"), Family::Blaupunkt,
            "BP934515516803");
        // Renault precode at the end of a long barcode text.
        row("barcode text", QStringLiteral("7711RTBT019"), Family::Renault, "T019");
        row("barcode text lower", QStringLiteral("xxrtbt019"), Family::Renault, "T019");
        row("barcode text with spaces", QStringLiteral("CX 12 RT BT019"), Family::Renault, "T019");
        row("precode A100", QStringLiteral("A100"), Family::Renault, "A100");
        row("precode Z999", QStringLiteral("Z999"), Family::Renault, "Z999");
    }
    void validSerials() {
        QFETCH(QString, input);
        QFETCH(int, family);
        QFETCH(QString, serial);
        const std::string raw = fromQ(input);
        for (const std::optional<Family> given :
             {std::optional<Family>(), std::optional<Family>(Family(family))}) {
            const Recognition r = recognise(raw, given);
            QVERIFY2(r.state == InputState::Valid, qPrintable(describe(raw, r)));
            QVERIFY(r.isValid());
            QCOMPARE(r.family, std::optional<Family>(Family(family)));
            QCOMPARE(QString::fromStdString(r.serial), serial);
            QCOMPARE(r.message.id, MessageId::Ok);
            QVERIFY(r.suggestions.empty());
            QCOMPARE(finalised(r).state, InputState::Valid);
        }
    }

    void labelFormAndBarcodeAreFlagged() {
        QVERIFY(recognise("815CM934515516803").fromLabelForm);
        QVERIFY(!recognise("BP934515516803").fromLabelForm);
        QVERIFY(recognise("7711RTBT019").fromBarcode);
        QVERIFY(!recognise("T019").fromBarcode);
        // Shorter than a barcode text: not cut down to its last four characters.
        const Recognition shortText = recognise("RTBT019");
        QCOMPARE(shortText.state, InputState::Invalid);
        QVERIFY(!shortText.fromBarcode);
    }

    void blaupunktLabelPrefixIsIncomplete() {
        for (const char* prefix : {"8", "81", "815", "815C", "815CM", "815B", "815BP"}) {
            const Recognition r = recognise(prefix);
            QVERIFY2(r.state == InputState::Incomplete, qPrintable(describe(prefix, r)));
            QCOMPARE(r.message.count, int(17 - std::strlen(prefix)));
        }
        QCOMPARE(recognise("815CM9345").message.count, 8);
        QCOMPARE(recognise("815CM9345").state, InputState::Incomplete);
        QCOMPARE(recognise("815XX934515516803").state, InputState::Invalid);
    }

    // domain.md: A000-A099 are not precodes (x would be 0): said plainly, with or without family.
    void precodesA000ToA099AreRefused() {
        for (int number = 0; number < 100; ++number) {
            char text[8];
            std::snprintf(text, sizeof text, "A%03d", number);
            for (const std::optional<Family> given :
                 {std::optional<Family>(), std::optional<Family>(Family::Renault)}) {
                const Recognition r = recognise(text, given);
                QVERIFY2(r.state == InputState::Invalid, text);
                QCOMPARE(r.message.id, MessageId::PrecodeNotAssigned);
                QVERIFY(r.suggestions.empty());
            }
            QCOMPARE(recognise(std::string("a") + (text + 1)).message.id,
                     MessageId::PrecodeNotAssigned);
        }
        // Typing "A0" is already hopeless: said at once, not after the fourth character.
        QCOMPARE(recognise("A0", Family::Renault).message.id, MessageId::PrecodeNotAssigned);
        QCOMPARE(recognise("A1", Family::Renault).state, InputState::Incomplete);
        // The barcode text route ends the same way.
        QCOMPARE(recognise("7711RTBA042").message.id, MessageId::PrecodeNotAssigned);
    }

    void becker() {
        Recognition r = recognise("BE473912345678");
        QCOMPARE(r.state, InputState::Valid);
        r = recognise("BE475712345678");
        QCOMPARE(r.state, InputState::Valid);
        // Any other model is well formed but out of scope: unsupported, not a typing error.
        r = recognise("BE781835000375");
        QCOMPARE(r.state, InputState::Unsupported);
        QCOMPARE(r.family, std::optional<Family>(Family::Becker));
        QCOMPARE(r.serial, std::string("BE781835000375"));
        QCOMPARE(r.message.id, MessageId::BeckerModelNotNissan);
        QCOMPARE(r.message.expected, std::string("7818"));
        QVERIFY(r.suggestions.empty());
        QCOMPARE(finalised(r).state, InputState::Unsupported);
        QCOMPARE(recognise("BE000000000000").state, InputState::Unsupported);
        QCOMPARE(recognise("BE 4740 12345678").state, InputState::Unsupported);
    }

    void beckerTwoFields() {
        Recognition r = recogniseBecker("BE 4739", "12345678");
        QCOMPARE(r.state, InputState::Valid);
        QCOMPARE(r.family, std::optional<Family>(Family::Becker));
        QCOMPARE(r.serial, std::string("BE473912345678"));
        QCOMPARE(recogniseBecker("4757", "1234 5678").serial, std::string("BE475712345678"));
        QCOMPARE(recogniseBecker("be4757", "12345678").state, InputState::Valid);
        // domain.md's example: model BE 7818 and serial 35000375 make BE781835000375.
        r = recogniseBecker("BE 7818", "35000375");
        QCOMPARE(r.serial, std::string("BE781835000375"));
        QCOMPARE(r.state, InputState::Unsupported);
        QCOMPARE(r.message.id, MessageId::BeckerModelNotNissan);
        QCOMPARE(r.message.expected, std::string("7818"));
        // Nothing typed, then one field at a time.
        QCOMPARE(recogniseBecker("", "").state, InputState::Incomplete);
        QCOMPARE(recogniseBecker("", "").message.id, MessageId::Empty);
        r = recogniseBecker("4739", "");
        QCOMPARE(r.state, InputState::Incomplete);
        QCOMPARE(r.message.count, 8);
        r = recogniseBecker("", "12345678");
        QCOMPARE(r.state, InputState::Incomplete);
        QCOMPARE(r.message.count, 4);
        r = recogniseBecker("47", "1234");
        QCOMPARE(r.state, InputState::Incomplete);
        QCOMPARE(r.message.count, 6);
        // A look-alike letter in either field: which field, which character, and the fix.
        r = recogniseBecker("47S7", "12345678");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::LookAlikeLetter);
        QCOMPARE(r.message.field, InputField::BeckerModel);
        QCOMPARE(r.message.position, 2);
        QCOMPARE(r.message.character, std::string("S"));
        QVERIFY(hasSuggestion(r, "BE475712345678"));
        r = recogniseBecker("4739", "1234567O");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.field, InputField::BeckerSerialNumber);
        QCOMPARE(r.message.position, 7);
        QVERIFY(hasSuggestion(r, "BE473912345670"));
        r = recogniseBecker("4739", "123456789");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::TooLong);
        QCOMPARE(r.message.field, InputField::BeckerSerialNumber);
        r = recogniseBecker("4739", "1234x678");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::DigitExpected);
        QVERIFY(r.suggestions.empty());
        // Hostile bytes in a field.
        QCOMPARE(recogniseBecker("47\xff"
                                 "9",
                                 "12345678")
                     .message.id,
                 MessageId::InvalidEncoding);
        QCOMPARE(recogniseBecker("4739", std::string(300, '1')).message.id,
                 MessageId::InputTooLong);
        QCOMPARE(recogniseBecker("4739", std::string(300, '1')).message.field,
                 InputField::BeckerSerialNumber);
        r = recogniseBecker("\u0412\u0415 4739", "12345678"); // Cyrillic "ВЕ"
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::NonLatinLetter);
        QVERIFY(hasSuggestion(r, "BE473912345678"));
    }

    // domain.md: O for 0, I/L for 1, S for 5, B for 8 inside a digit group: reject and suggest.
    void lookAlikeLetters_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("character");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("O in blaupunkt") << "BPO38769672026" << 2 << "O"
                                        << "BP038769672026";
        QTest::newRow("o lower case") << "bpo38769672026" << 2 << "o"
                                      << "BP038769672026";
        QTest::newRow("I in visteon") << "M12345I" << 6 << "I"
                                      << "M123451";
        QTest::newRow("L in visteon") << "ML23456" << 1 << "L"
                                      << "M123456";
        QTest::newRow("S in precode") << "J7S7" << 2 << "S"
                                      << "J757";
        QTest::newRow("B in blaupunkt") << "BP53876967202B" << 13 << "B"
                                        << "BP538769672028";
        QTest::newRow("O in becker serial") << "BE47391234567O" << 13 << "O"
                                            << "BE473912345670";
        QTest::newRow("two look-alikes") << "MO2345I" << 1 << "O"
                                         << "M023451";
        QTest::newRow("with separators") << "BP53876 96720O6" << 13 << "O"
                                         << "BP538769672006";
    }
    void lookAlikeLetters() {
        QFETCH(QString, input);
        QFETCH(int, position);
        QFETCH(QString, character);
        QFETCH(QString, suggestion);
        const Recognition r = recognise(fromQ(input));
        QVERIFY2(r.state == InputState::Invalid, qPrintable(describe(fromQ(input), r)));
        QCOMPARE(r.message.id, MessageId::LookAlikeLetter);
        QCOMPARE(r.message.position, position);
        QCOMPARE(QString::fromStdString(r.message.character), character);
        QCOMPARE(r.suggestions.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.suggestions.front()), suggestion);
        // The suggestion is a serial that is not invalid itself.
        QVERIFY(recognise(r.suggestions.front()).state != InputState::Invalid);
    }

    // A letter that does not look like a digit gets no suggestion.
    void otherLettersHaveNoSuggestion() {
        Recognition r = recognise("M12X456");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::DigitExpected);
        QCOMPARE(r.message.position, 3);
        QCOMPARE(r.message.character, std::string("X"));
        QVERIFY(r.suggestions.empty());
        r = recognise("M1234567");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::TooLong);
        QCOMPARE(r.message.count, 7);
        QCOMPARE(r.message.actual, 8);
        r = recognise("1234");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::NotRecognised);
        QCOMPARE(r.message.position, 0);
        r = recognise("#727");
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.position, 0);
    }

    // Cyrillic or Greek letters that look Latin: refused, the Latin serial suggested.
    void nonLatinLookAlikes_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("cyrillic M") << QStringLiteral("\u041C123456") << 0 << "M123456";
        QTest::newRow("cyrillic small m") << QStringLiteral("\u043C123456") << 0 << "M123456";
        QTest::newRow("cyrillic B and P")
            << QStringLiteral("\u0412\u0420538769672026") << 0 << "BP538769672026";
        QTest::newRow("cyrillic E in becker")
            << QStringLiteral("B\u0415473912345678") << 1 << "BE473912345678";
        QTest::newRow("cyrillic T precode") << QStringLiteral("\u0422019") << 0 << "T019";
        QTest::newRow("greek M") << QStringLiteral("\u039C123456") << 0 << "M123456";
        QTest::newRow("cyrillic O as digit")
            << QStringLiteral("BP\u041E38769672026") << 2 << "BP038769672026";
    }
    void nonLatinLookAlikes() {
        QFETCH(QString, input);
        QFETCH(int, position);
        QFETCH(QString, suggestion);
        const std::string raw = fromQ(input);
        const Recognition r = recognise(raw);
        QVERIFY2(r.state == InputState::Invalid, qPrintable(describe(raw, r)));
        QVERIFY2(r.message.id == MessageId::NonLatinLetter ||
                     r.message.id == MessageId::LookAlikeLetter,
                 qPrintable(describe(raw, r)));
        QCOMPARE(r.message.position, position);
        QVERIFY2(hasSuggestion(r, fromQ(suggestion)), qPrintable(describe(raw, r)));
    }

    void directionMarks() {
        // U+202E RIGHT-TO-LEFT OVERRIDE before the serial, U+2066 isolate inside it.
        for (const QString& input : {QStringLiteral("\u202EJ727"), QStringLiteral("M123\u2066456"),
                                     QStringLiteral("BP53876 9672026\u202C")}) {
            const std::string raw = fromQ(input);
            const Recognition r = recognise(raw);
            QVERIFY2(r.state == InputState::Invalid, qPrintable(describe(raw, r)));
            QCOMPARE(r.message.id, MessageId::DirectionMark);
            QCOMPARE(r.suggestions.size(), std::size_t(1));
            QVERIFY(recognise(r.suggestions.front()).isValid());
        }
        QCOMPARE(recognise(fromQ(QStringLiteral("\u202EJ727"))).message.position, 0);
        QCOMPARE(recognise(fromQ(QStringLiteral("M123\u2066456"))).message.position, 4);
        QCOMPARE(recognise(fromQ(QStringLiteral("M123\u2066456"))).message.byteOffset, 4);
        // Left-to-right/right-to-left marks (U+200E/U+200F) change nothing visible: dropped.
        QVERIFY(recognise(fromQ(QStringLiteral("\u200FJ727\u200E"))).isValid());
    }

    void controlCharacters() {
        const std::string withNul("J7\0"
                                  "27",
                                  5);
        Recognition r = recognise(withNul);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::ControlCharacter);
        QCOMPARE(r.message.position, 2);
        QCOMPARE(r.message.byteOffset, 2);
        QVERIFY(r.suggestions.empty());
        for (const char* input : {"\x01J727", "J727\x1b",
                                  "M12\x7f"
                                  "3456",
                                  "\x08"}) {
            r = recognise(input);
            QVERIFY2(r.state == InputState::Invalid, input);
            QCOMPARE(r.message.id, MessageId::ControlCharacter);
        }
        QCOMPARE(recognise(fromQ(QStringLiteral("J7\u008527"))).message.id,
                 MessageId::ControlCharacter); // C1 control, NEL
        QCOMPARE(recognise(std::string("\0", 1)).message.id, MessageId::ControlCharacter);
    }

    void invalidUtf8_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("byteOffset");
        QTest::newRow("0xff") << QByteArray("J7\xff"
                                            "27")
                              << 2;
        QTest::newRow("lone continuation") << QByteArray("\x80M123456") << 0;
        QTest::newRow("truncated sequence at end") << QByteArray("J727\xe2\x80") << 4;
        QTest::newRow("overlong slash") << QByteArray("M1\xc0\xaf") << 2;
        QTest::newRow("overlong three bytes") << QByteArray("M\xe0\x80\xb1") << 1;
        QTest::newRow("utf-16 surrogate") << QByteArray("M\xed\xa0\x80") << 1;
        QTest::newRow("over U+10FFFF") << QByteArray("M\xf4\x90\x80\x80") << 1;
        QTest::newRow("latin-1 text") << QByteArray("J\xe9"
                                                    "27")
                                      << 1;
    }
    void invalidUtf8() {
        QFETCH(QByteArray, input);
        QFETCH(int, byteOffset);
        const std::string raw(input.constData(), std::size_t(input.size()));
        const Recognition r = recognise(raw);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::InvalidEncoding);
        QCOMPARE(r.message.byteOffset, byteOffset);
        QVERIFY(r.suggestions.empty());
        QVERIFY(r.message.character.empty()); // never hand bad bytes on for display
        for (const Family family : allFamilies)
            QCOMPARE(recognise(raw, family).message.id, MessageId::InvalidEncoding);
    }

    void inputOverMaxInputBytes() {
        const std::string tooLong(maxInputBytes + 1, 'M');
        Recognition r = recognise(tooLong);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::InputTooLong);
        QCOMPARE(r.message.actual, int(maxInputBytes + 1));
        QCOMPARE(r.message.count, int(maxInputBytes));
        QCOMPARE(recognise(std::string(1 << 20, '\xff')).message.id, MessageId::InputTooLong);
        // At the limit the input is examined (and is simply too long for any serial).
        r = recognise(std::string(maxInputBytes, '1'));
        QCOMPARE(r.state, InputState::Invalid);
        QVERIFY(r.message.id != MessageId::InputTooLong);
        // 256 bytes of separators around a serial are still a serial.
        const std::string padded = std::string(maxInputBytes - 7, ' ') + "M123456";
        QVERIFY(recognise(padded).isValid());
        // What a streaming caller uses: the same answer, without the bytes.
        r = inputTooLong(123456);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::InputTooLong);
        QCOMPARE(r.message.actual, 123456);
        QVERIFY(inputTooLong(std::size_t(1) << 40).message.actual > 0); // saturates
    }

    void familyGiven() {
        // A serial of another family: said so.
        Recognition r = recognise("M123456", Family::Renault);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::LooksLikeOtherFamily);
        QCOMPARE(r.message.otherFamily, std::optional<Family>(Family::Visteon));
        r = recognise("BP538769672026", Family::Becker);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.otherFamily, std::optional<Family>(Family::Blaupunkt));
        r = recognise("BE781835000375", Family::Visteon);
        QCOMPARE(r.message.otherFamily, std::optional<Family>(Family::Becker));
        // Wrong start for the family chosen.
        r = recognise("XP538769672026", Family::Blaupunkt);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::WrongPrefix);
        QCOMPARE(r.message.expected, std::string("BP"));
        QCOMPARE(r.message.position, 0);
        r = recognise("7123456", Family::Visteon);
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::WrongPrefix);
        QCOMPARE(r.message.expected, std::string("M"));
        r = recognise("1727", Family::Renault);
        QCOMPARE(r.message.id, MessageId::LetterExpected);
        // "M123" is a precode when Renault is chosen.
        QVERIFY(recognise("M123", Family::Renault).isValid());
        QCOMPARE(recognise("M123", Family::Visteon).state, InputState::Incomplete);
    }

    void ambiguousStarts() {
        Recognition r = recognise("");
        QCOMPARE(r.state, InputState::Incomplete);
        QCOMPARE(r.message.id, MessageId::Empty);
        QCOMPARE(r.candidates.size(), std::size_t(4));
        r = recognise("   ");
        QCOMPARE(r.message.id, MessageId::Empty);
        r = recognise("B");
        QCOMPARE(r.state, InputState::Incomplete);
        QCOMPARE(r.message.id, MessageId::AmbiguousFamily);
        QVERIFY(!r.family);
        QCOMPARE(r.candidates.size(), std::size_t(3));
        for (const char* input : {"M", "M1", "M12", "M123"}) {
            r = recognise(input);
            QVERIFY2(r.state == InputState::Incomplete, input);
            QCOMPARE(r.message.id, MessageId::AmbiguousFamily);
            QCOMPARE(r.candidates, (std::vector<Family>{Family::Renault, Family::Visteon}));
        }
        r = recognise("M1234");
        QCOMPARE(r.family, std::optional<Family>(Family::Visteon));
        QCOMPARE(r.message.count, 2);
        // Finalised: empty and too short are invalid; "M123" stays ambiguous (a Visteon serial
        // cut short would otherwise get a Renault code).
        QCOMPARE(finalised(recognise("")).state, InputState::Invalid);
        QCOMPARE(finalised(recognise("")).message.id, MessageId::Empty);
        QCOMPARE(finalised(recognise("M1")).state, InputState::Invalid);
        QCOMPARE(finalised(recognise("B")).state, InputState::Invalid);
        r = finalised(recognise("M123"));
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::AmbiguousFamily);
        QVERIFY(!r.family);
        QCOMPARE(finalised(recognise("M123", Family::Renault)).state, InputState::Valid);
        r = finalised(recognise("BP5387"));
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::MoreDigitsNeeded);
        QCOMPARE(r.message.count, 8);
        r = finalised(recognise("BE7818"));
        QCOMPARE(r.state, InputState::Invalid);
        QCOMPARE(r.message.id, MessageId::MoreDigitsNeeded);
        QCOMPARE(r.message.count, 8);
    }

    // Each family typed one character at a time: incomplete with "N more" at every step, never
    // invalid on a prefix, valid (or unsupported) when complete.
    void typedOneCharacterAtATime_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("family"); // -1: none given
        QTest::addColumn<int>("countFrom");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("finalState");
        const int valid = int(InputState::Valid);
        QTest::newRow("blaupunkt") << "BP538769672026" << -1 << 2 << 14 << valid;
        QTest::newRow("blaupunkt given")
            << "BP538769672026" << int(Family::Blaupunkt) << 1 << 14 << valid;
        QTest::newRow("blaupunkt label with space") << "BP53876 9672026" << -1 << 2 << 14 << valid;
        QTest::newRow("blaupunkt lower case") << "bp538769672026" << -1 << 2 << 14 << valid;
        QTest::newRow("blaupunkt 815CM") << "815CM934515516803" << -1 << 1 << 17 << valid;
        QTest::newRow("blaupunkt 815BP") << "815BP934515516803" << -1 << 1 << 17 << valid;
        QTest::newRow("renault") << "J727" << -1 << 1 << 4 << valid;
        QTest::newRow("renault given") << "U769" << int(Family::Renault) << 1 << 4 << valid;
        QTest::newRow("renault given M") << "M123" << int(Family::Renault) << 1 << 4 << valid;
        QTest::newRow("becker") << "BE473912345678" << -1 << 2 << 14 << valid;
        QTest::newRow("becker 4757 spaced") << "BE 4757 12345678" << -1 << 2 << 14 << valid;
        QTest::newRow("becker given")
            << "BE475712345678" << int(Family::Becker) << 1 << 14 << valid;
        QTest::newRow("becker not nissan")
            << "BE781835000375" << -1 << 2 << 14 << int(InputState::Unsupported);
        QTest::newRow("visteon") << "M123456" << -1 << 5 << 7 << valid;
        QTest::newRow("visteon given") << "M987654" << int(Family::Visteon) << 1 << 7 << valid;
        QTest::newRow("visteon dashed") << "M-123-456" << -1 << 5 << 7 << valid;
    }
    void typedOneCharacterAtATime() {
        QFETCH(QString, text);
        QFETCH(int, family);
        QFETCH(int, countFrom);
        QFETCH(int, length);
        QFETCH(int, finalState);
        typeOneByOne(fromQ(text), family < 0 ? std::nullopt : std::optional<Family>(Family(family)),
                     std::size_t(countFrom), std::size_t(length), InputState(finalState));
    }

    // The Becker fields typed one character at a time: model first, then serial number.
    void beckerFieldsTypedOneByOne() {
        const std::string model = "4739", serialNumber = "12345678";
        int missing = 12;
        for (std::size_t i = 1; i <= model.size(); ++i) {
            const Recognition r = recogniseBecker(model.substr(0, i), "");
            --missing;
            QCOMPARE(r.state, InputState::Incomplete);
            QCOMPARE(r.message.count, missing);
        }
        for (std::size_t i = 1; i <= serialNumber.size(); ++i) {
            const Recognition r = recogniseBecker(model, serialNumber.substr(0, i));
            --missing;
            if (missing == 0) {
                QCOMPARE(r.state, InputState::Valid);
            } else {
                QCOMPARE(r.state, InputState::Incomplete);
                QCOMPARE(r.message.id, MessageId::MoreDigitsNeeded);
                QCOMPARE(r.message.count, missing);
            }
        }
    }

    // Whatever is typed, the shape of the message is sound and nothing is thrown.
    void messageIdsAndStatesHaveNames() {
        std::set<std::string_view> names;
        for (int id = int(MessageId::Ok); id <= int(MessageId::BeckerModelNotNissan); ++id) {
            const std::string_view name = messageIdName(MessageId(id));
            QVERIFY(!name.empty());
            QVERIFY(name != "unknown");
            names.insert(name);
        }
        QCOMPARE(names.size(), std::size_t(int(MessageId::BeckerModelNotNissan) + 1));
        QCOMPARE(inputStateId(InputState::Incomplete), std::string_view("incomplete"));
        QCOMPARE(inputStateId(InputState::Valid), std::string_view("valid"));
        QCOMPARE(inputStateId(InputState::Invalid), std::string_view("invalid"));
        QCOMPARE(inputStateId(InputState::Unsupported), std::string_view("unsupported"));
    }

    // Complete serials typed plainly take a short way (batch files are full of them); it must
    // answer exactly what the full clean-up does, here reached by a trailing space it drops.
    void plainSerialsAnswerAsTheFullPath() {
        for (const std::string input : {"M123456",        "m212365",
                                        "J727",           "j727",
                                        "B123",           "Z999",
                                        "M123",           "m123",
                                        "A099",           "a100",
                                        "A100",           "BP538769672026",
                                        "bp538769672026", "bP538769672026",
                                        "BE473912345678", "BE781835000375",
                                        "M12345",         "M1234567",
                                        "MM23456",        "BP53876967202O",
                                        "BPO38769672026", "815CM934515516803",
                                        "RTBT019"}) {
            for (const std::optional<Family> family : noFamilyAndEach) {
                const Recognition plain = recognise(input, family);
                const Recognition full = recognise(input + " ", family);
                const QString diff = differences(plain, full);
                QVERIFY2(diff.isEmpty(),
                         qPrintable(describe(input, plain) + QStringLiteral(" differs: ") + diff));
            }
        }
        QCOMPARE(recognise("m212365").serial, std::string("M212365"));
        QCOMPARE(recognise("bp538769672026").family, Family::Blaupunkt);
    }

    // recogniseInto() refills a used Recognition: nothing of the previous answer may remain.
    void recogniseIntoLeavesNothingBehind() {
        const std::vector<std::string> inputs = {"BPO38769672026",
                                                 "M123456",
                                                 "M123",
                                                 "J727",
                                                 "\xd0\x9c"
                                                 "212365",
                                                 "A099",
                                                 "j727",
                                                 "BE78183",
                                                 "\xe2\x80\xaeM212365",
                                                 "",
                                                 "BP538769672026",
                                                 "M12\x01",
                                                 "RTBT019",
                                                 "815CM934515516803"};
        for (const std::optional<Family> family : noFamilyAndEach) {
            Recognition reused;
            // Every input after every other one, so each leftover has its chance to show.
            for (const std::string& before : inputs) {
                for (const std::string& input : inputs) {
                    recogniseInto(reused, before, family);
                    recogniseInto(reused, input, family);
                    const QString diff = differences(reused, recognise(input, family));
                    QVERIFY2(diff.isEmpty(),
                             qPrintable(describe(input, reused) + QStringLiteral(" after \"") +
                                        QString::fromStdString(before) +
                                        QStringLiteral("\" differs: ") + diff));
                }
            }
        }
    }

    void finaliseInPlaceMatchesFinalised() {
        for (const char* input :
             {"", "M1", "M123", "BP5387", "BE7818", "BE78183500037", "J727", "BPO38769672026"}) {
            Recognition inPlace = recognise(input);
            finalise(inPlace);
            const QString diff = differences(inPlace, finalised(recognise(input)));
            QVERIFY2(diff.isEmpty(),
                     qPrintable(describe(input, inPlace) + QLatin1Char(' ') + diff));
        }
    }

    // Every single byte and every pair of bytes, with and without a family: no crash, a state,
    // and a position inside the input when one is given.
    void everyShortByteString() {
        std::string input(2, '\0');
        for (int a = 0; a < 256; ++a) {
            for (int b = 0; b < 256; ++b) {
                input[0] = char(a);
                input[1] = char(b);
                for (const std::optional<Family> family :
                     {std::optional<Family>(), std::optional<Family>(Family::Becker)}) {
                    const Recognition r = recognise(input, family);
                    if (r.message.byteOffset >= int(input.size()) || r.message.position >= 2)
                        QFAIL(qPrintable(describe(input, r)));
                    if (r.state == InputState::Valid)
                        QFAIL(qPrintable(describe(input, r)));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(RecognitionTest)
#include "tst_recognition.moc"
