#include "radiocode/entry_steps.h"

namespace radiocode {

EntrySteps entryStepsFor(Family family, std::string_view code) {
    const FamilyInfo& info = familyInfo(family);
    EntrySteps steps{family,
                     {},
                     info.confirm,
                     info.confirmHoldSecondsMin,
                     info.confirmHoldSecondsMax,
                     {Caution::AttemptsLimited, Caution::LeaveRadioOnWhenLocked}};
    for (int i = 0; i < 4; ++i) {
        const bool usable = code.size() == 4 && code[static_cast<std::size_t>(i)] >= '0' &&
                            code[static_cast<std::size_t>(i)] <= '9';
        steps.digits[static_cast<std::size_t>(i)] = {
            i + 1, usable ? code[static_cast<std::size_t>(i)] - '0' : -1};
    }
    return steps;
}

} // namespace radiocode
