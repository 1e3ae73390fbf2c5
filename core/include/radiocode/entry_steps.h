// How a code is keyed in on the radio, as plain data. The Qt layer turns it into words.
// Two parts: a family's procedure, the same whatever the code (which buttons set the digits, how
// to confirm, what to watch for), and the digit steps of one code on it.
#pragma once

#include "radiocode/families.h"

#include <array>
#include <optional>
#include <string_view>

namespace radiocode {

// The button a technician presses after setting the four digits.
enum class ConfirmAction {
    HoldPreset6TaOrSeekUp, // Blaupunkt: hold preset 6, TA or SEEK up for 10-15 seconds
    PressOkOrEnter,        // Renault, Visteon
    VariesSeeHandbook      // Becker: not documented, the vehicle handbook says
};

enum class Caution {
    AttemptsLimited,        // about 3 wrong entries, then the unit locks for about an hour
    CheckHandbook,          // the confirm button varies by model
    LeaveRadioOnWhenLocked, // while locked: keep the radio on, wait, do not disconnect power
};

enum class TroubleshootingItem {
    CheckRadioCard, // the owner's radio card ("Radio Pass", "Safety-Nr", PIN) may hold the code
    WrongSerial,    // O/0, I/1 mix-ups, a missing character: read the label again
    ChangedRadio,   // a swapped radio: the car's code card belongs to another unit
    EepromChanged,  // reprogrammed memory: only bench work helps
};

inline constexpr std::array<TroubleshootingItem, 4> troubleshootingItems = {
    TroubleshootingItem::CheckRadioCard, TroubleshootingItem::WrongSerial,
    TroubleshootingItem::ChangedRadio, TroubleshootingItem::EepromChanged};

// A family's way of taking a code, whatever the code: what a page shows before a code is known.
struct EntryProcedure {
    Family family;
    std::array<int, 4> digitButtons; // the station button that sets each digit, first to last
    ConfirmAction confirm;
    int confirmHoldSecondsMin; // 0 when the button is just pressed
    int confirmHoldSecondsMax;
    // The confirm step itself says the button varies (CheckHandbook): not repeated here.
    std::array<Caution, 2> cautions;
};

const EntryProcedure& entryProcedure(Family family);

// "Press station button `button` until the display shows `digit`."
struct DigitStep {
    int button; // 1..4
    int digit;  // 0..9
};

using DigitSteps = std::array<DigitStep, 4>;

// The four presses that key `code` in on a radio of `family`, first digit first. Nothing when
// `code` does not have a code's shape (isCodeShape: four ASCII digits).
std::optional<DigitSteps> digitStepsFor(Family family, std::string_view code);

} // namespace radiocode
