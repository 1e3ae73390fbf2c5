#include "radiocode/entry_steps.h"

#include "radiocode/calculators.h"

#include <cstddef>

namespace radiocode {
namespace {

// Station buttons 1 to 4 set the four digits on every Nissan family; only the confirm differs.
constexpr std::array<int, 4> stationButtons = {1, 2, 3, 4};
constexpr std::array<Caution, 2> everyFamilysCautions = {Caution::AttemptsLimited,
                                                         Caution::LeaveRadioOnWhenLocked};

constexpr std::array<EntryProcedure, 4> procedures = {{
    {Family::Blaupunkt, stationButtons, ConfirmAction::HoldPreset6TaOrSeekUp, 10, 15,
     everyFamilysCautions},
    {Family::Renault, stationButtons, ConfirmAction::PressOkOrEnter, 0, 0, everyFamilysCautions},
    {Family::Becker, stationButtons, ConfirmAction::VariesSeeHandbook, 0, 0, everyFamilysCautions},
    {Family::Visteon, stationButtons, ConfirmAction::PressOkOrEnter, 0, 0, everyFamilysCautions},
}};

} // namespace

const EntryProcedure& entryProcedure(Family family) {
    return procedures[static_cast<std::size_t>(family)];
}

std::optional<DigitSteps> digitStepsFor(Family family, std::string_view code) {
    if (!isCodeShape(code))
        return std::nullopt;
    const EntryProcedure& procedure = entryProcedure(family);
    DigitSteps steps{};
    for (std::size_t i = 0; i < steps.size(); ++i)
        steps[i] = {procedure.digitButtons[i], code[i] - '0'};
    return steps;
}

} // namespace radiocode
