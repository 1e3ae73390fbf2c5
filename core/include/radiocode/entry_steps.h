// How a code is keyed in on the radio, as plain data. The Qt layer turns it into words.
#pragma once

#include "radiocode/families.h"

#include <array>
#include <string_view>

namespace radiocode {

// "Press station button `button` until the display shows `digit`."
struct DigitStep {
    int button; // 1..4
    int digit;  // 0..9
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

struct EntrySteps {
    Family family;
    std::array<DigitStep, 4> digits;
    ConfirmAction confirm;
    int confirmHoldSecondsMin; // 0 when the button is just pressed
    int confirmHoldSecondsMax;
    // The confirm step itself says the button varies (CheckHandbook): not repeated here.
    std::array<Caution, 2> cautions;
};

// `code` must be four digits; anything else gives steps with digit -1 (callers check first).
EntrySteps entryStepsFor(Family family, std::string_view code);

} // namespace radiocode
