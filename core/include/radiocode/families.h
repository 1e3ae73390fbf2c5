// The four Nissan radio families and what the program knows about each.
// Plain data only: user-facing wording lives in the Qt layer (app/common) so it can be translated.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace radiocode {

enum class Family { Blaupunkt, Renault, Becker, Visteon };

inline constexpr std::array<Family, 4> allFamilies = {Family::Blaupunkt, Family::Renault,
                                                      Family::Becker, Family::Visteon};

// Where a family's code can come from.
enum class CodeOrigin {
    Algorithm,   // a published algorithm computes it from the serial
    CodeDatabase // only the workshop's code database (imported lists, confirmed codes)
};

struct FamilyInfo {
    Family family;
    std::string_view id;          // stable machine id: "blaupunkt", "renault", ...
    std::string_view brand;       // proper name, not translated: "Blaupunkt"
    std::string_view prefix;      // letters a complete serial starts with ("BP"); empty for Renault
    std::size_t serialLength;     // characters of the normalised serial
    std::string_view formatShape; // "BP####*#######": B/P literal, # a digit, A a letter, * either
    std::span<const std::string_view> examples; // example serials, as printed on a label
    CodeOrigin origin;
};

const FamilyInfo& familyInfo(Family family);
std::string_view familyId(Family family);
std::optional<Family>
familyFromId(std::string_view id); // case-insensitive; "bp", "be" accepted too

// Becker models fitted to Nissan vehicles. Any other model is well formed but out of scope.
inline constexpr std::array<std::string_view, 2> nissanBeckerModels = {"4739", "4757"};
bool isNissanBeckerModel(std::string_view fourDigits);

// Typical lock-out behaviour, shown as a caution beside every code.
inline constexpr int wrongAttemptsBeforeLockout = 3;
inline constexpr int lockoutMinutes = 60;

} // namespace radiocode
