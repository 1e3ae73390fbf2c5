#include "radiocode/families.h"

#include <algorithm>
#include <cctype>

namespace radiocode {
namespace {

constexpr std::array<std::string_view, 2> blaupunktExamples = {"BP53876 9672026",
                                                               "815CM934515516803"};
constexpr std::array<std::string_view, 4> renaultExamples = {"J727", "J295", "U769", "A123"};
constexpr std::array<std::string_view, 1> beckerExamples = {"BE473912345678"};
constexpr std::array<std::string_view, 2> visteonExamples = {"M123456", "M987654"};

constexpr std::array<FamilyInfo, 4> registry = {{
    {Family::Blaupunkt, "blaupunkt", "Blaupunkt", "BP", 14, "BP####*#######", blaupunktExamples,
     CodeOrigin::CodeDatabase},
    {Family::Renault, "renault", "Renault", "", 4, "A###", renaultExamples, CodeOrigin::Algorithm},
    {Family::Becker, "becker", "Becker", "BE", 14, "BE############", beckerExamples,
     CodeOrigin::CodeDatabase},
    {Family::Visteon, "visteon", "Visteon", "M", 7, "M######", visteonExamples,
     CodeOrigin::Algorithm},
}};

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

const FamilyInfo& familyInfo(Family family) {
    return registry[static_cast<std::size_t>(family)];
}

std::string_view familyId(Family family) {
    return familyInfo(family).id;
}

std::optional<Family> familyFromId(std::string_view id) {
    for (const FamilyInfo& info : registry) {
        if (equalsIgnoringCase(id, info.id) || (!info.prefix.empty() && info.prefix.size() == 2 &&
                                                equalsIgnoringCase(id, info.prefix)))
            return info.family;
    }
    return std::nullopt;
}

bool isNissanBeckerModel(std::string_view fourDigits) {
    return std::find(nissanBeckerModels.begin(), nissanBeckerModels.end(), fourDigits) !=
           nissanBeckerModels.end();
}

} // namespace radiocode
