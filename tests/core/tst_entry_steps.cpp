// Keying a code in: each family's procedure (the same whatever the code) and the digit steps of
// one code, every code of every family.
#include "radiocode/calculators.h"
#include "radiocode/entry_steps.h"
#include "radiocode/families.h"

#include <QtTest>

#include <algorithm>
#include <string>

using namespace radiocode;

class TestEntrySteps : public QObject {
    Q_OBJECT

private slots:
    // domain.md: station buttons 1-4 set the digits; Blaupunkt holds preset 6, TA or SEEK up for
    // 10-15 s, Renault and Visteon press OK or ENTER, Becker's button is the handbook's.
    void procedurePerFamily() {
        for (const Family family : allFamilies) {
            const EntryProcedure& procedure = entryProcedure(family);
            QCOMPARE(procedure.family, family);
            QCOMPARE(procedure.digitButtons, (std::array<int, 4>{1, 2, 3, 4}));
            QCOMPARE(procedure.cautions[0], Caution::AttemptsLimited);
            QVERIFY(std::find(procedure.cautions.begin(), procedure.cautions.end(),
                              Caution::LeaveRadioOnWhenLocked) != procedure.cautions.end());
            // The confirm step names the handbook: the cautions beside it do not say it again.
            QVERIFY(std::find(procedure.cautions.begin(), procedure.cautions.end(),
                              Caution::CheckHandbook) == procedure.cautions.end());
            QVERIFY(procedure.confirmHoldSecondsMin <= procedure.confirmHoldSecondsMax);
            // Held seconds only where the confirm button is held.
            QCOMPARE(procedure.confirmHoldSecondsMax > 0,
                     procedure.confirm == ConfirmAction::HoldPreset6TaOrSeekUp);
        }
        const EntryProcedure& blaupunkt = entryProcedure(Family::Blaupunkt);
        QCOMPARE(blaupunkt.confirm, ConfirmAction::HoldPreset6TaOrSeekUp);
        QCOMPARE(blaupunkt.confirmHoldSecondsMin, 10);
        QCOMPARE(blaupunkt.confirmHoldSecondsMax, 15);
        QCOMPARE(entryProcedure(Family::Renault).confirm, ConfirmAction::PressOkOrEnter);
        QCOMPARE(entryProcedure(Family::Visteon).confirm, ConfirmAction::PressOkOrEnter);
        QCOMPARE(entryProcedure(Family::Becker).confirm, ConfirmAction::VariesSeeHandbook);
    }

    // domain.md's example: code 4782 is 1 until 4, 2 until 7, 3 until 8, 4 until 2.
    void domainExample() {
        for (const Family family : allFamilies) {
            const std::optional<DigitSteps> steps = digitStepsFor(family, "4782");
            QVERIFY(steps);
            const DigitStep expected[4] = {{1, 4}, {2, 7}, {3, 8}, {4, 2}};
            for (std::size_t i = 0; i < 4; ++i) {
                QCOMPARE((*steps)[i].button, expected[i].button);
                QCOMPARE((*steps)[i].digit, expected[i].digit);
            }
        }
    }

    // All 10,000 codes on every family: each digit in its place on the procedure's button, and
    // the code read back from the steps is the code (leading zeros included: "0070").
    void everyCodeOnEveryFamily() {
        for (const Family family : allFamilies) {
            const EntryProcedure& procedure = entryProcedure(family);
            for (int value = 0; value <= 9999; ++value) {
                const std::string code = formatCode(value);
                const std::optional<DigitSteps> steps = digitStepsFor(family, code);
                QVERIFY2(steps, code.c_str());
                std::string readBack;
                for (std::size_t i = 0; i < 4; ++i) {
                    QCOMPARE((*steps)[i].button, procedure.digitButtons[i]);
                    QVERIFY((*steps)[i].digit >= 0 && (*steps)[i].digit <= 9);
                    readBack += char('0' + (*steps)[i].digit);
                }
                QCOMPARE(readBack, code);
            }
        }
    }

    // Anything without a code's shape gives no steps: every string of up to five characters
    // from digits and their neighbours in ASCII and beyond, and a few longer ones.
    void nonCodesGiveNoSteps() {
        const std::string alphabet = std::string("0189/:aO ") + '\0' + "\xff\xd9";
        std::vector<std::string> texts = {""};
        for (std::size_t length = 1; length <= 5; ++length) {
            std::vector<std::string> longer;
            for (const std::string& text : texts)
                if (text.size() == length - 1)
                    for (const char c : alphabet)
                        longer.push_back(text + c);
            texts.insert(texts.end(), longer.begin(), longer.end());
        }
        texts.push_back("47820");
        texts.push_back(std::string(1000, '7'));
        int withSteps = 0;
        for (const std::string& text : texts) {
            const bool steps = digitStepsFor(Family::Renault, text).has_value();
            QCOMPARE(steps, isCodeShape(text));
            if (steps) {
                ++withSteps;
                QCOMPARE(text.size(), std::size_t(4));
            }
        }
        QCOMPARE(withSteps, 4 * 4 * 4 * 4); // the four digits of the alphabet, in every place
    }
};

QTEST_APPLESS_MAIN(TestEntrySteps)
#include "tst_entry_steps.moc"
