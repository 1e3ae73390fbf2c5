#include "radiocode/provenance.h"

#include <array>
#include <utility>

namespace radiocode {
namespace {

// The prefixes of the sources that name a person, as id() writes them.
constexpr std::array<std::pair<Provenance::Kind, std::string_view>, 5> namedPrefixes = {{
    {Provenance::Kind::Confirmed, "database:confirmed:"},
    {Provenance::Kind::Card, "database:card:"},
    {Provenance::Kind::CardEntered, "card:"},
    {Provenance::Kind::Dealer, "dealer:"},
    {Provenance::Kind::Manufacturer, "manufacturer:"},
}};
constexpr std::string_view renaultId = "algorithm:renault-precode";
constexpr std::string_view visteonId = "algorithm:visteon-m-serial";
constexpr std::string_view importPrefix = "database:import:";
constexpr std::string_view databasePrefix = "database:";

} // namespace

std::string Provenance::id() const {
    switch (kind) {
    case Kind::RenaultAlgorithm:
        return std::string(renaultId);
    case Kind::VisteonAlgorithm:
        return std::string(visteonId);
    case Kind::Imported:
        return std::string(importPrefix) + detail;
    case Kind::OtherDatabase:
        return std::string(databasePrefix) + detail;
    case Kind::Other:
        return detail;
    case Kind::Confirmed:
    case Kind::Card:
    case Kind::CardEntered:
    case Kind::Dealer:
    case Kind::Manufacturer:
        break;
    }
    for (const auto& [named, prefix] : namedPrefixes)
        if (named == kind)
            return std::string(prefix) + who;
    return detail;
}

Provenance Provenance::fromId(std::string_view id) {
    if (id == renaultId)
        return {Kind::RenaultAlgorithm, {}, {}};
    if (id == visteonId)
        return {Kind::VisteonAlgorithm, {}, {}};
    if (id.substr(0, importPrefix.size()) == importPrefix)
        return imported(std::string(id.substr(importPrefix.size())));
    for (const auto& [kind, prefix] : namedPrefixes)
        if (id.substr(0, prefix.size()) == prefix)
            return named(kind, std::string(id.substr(prefix.size())));
    if (id.substr(0, databasePrefix.size()) == databasePrefix)
        return {Kind::OtherDatabase, std::string(id.substr(databasePrefix.size())), {}};
    return {Kind::Other, std::string(id), {}};
}

} // namespace radiocode
