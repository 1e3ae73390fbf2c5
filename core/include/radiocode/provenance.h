// Where a code came from, as a value. Formatted for machines in one place (id(): the form CSV
// exports, JSON, batch output and the job log hold, "database:import:<file>" and the like) and
// for people by Texts. Plain data: no Qt, never throws.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace radiocode {

struct Provenance {
    enum class Kind {
        RenaultAlgorithm, // "algorithm:renault-precode"
        VisteonAlgorithm, // "algorithm:visteon-m-serial"
        Imported,         // "database:import:<file>": an imported code list
        Confirmed,        // "database:confirmed:<who>": confirmed on a radio by a technician
        Card,             // "database:card:<who>": the owner's radio card, once it worked
        CardEntered,      // "card:<who>": typed in from the radio card, not tried yet
        Dealer,           // "dealer:<who>": a Nissan dealer's answer
        Manufacturer,     // "manufacturer:<who>": the manufacturer's service's answer
        OtherDatabase,    // "database:<detail>": a database source this program does not name
        Other,            // anything else: `detail` holds it as it came (words, an unknown id)
    };
    Kind kind = Kind::Other;
    std::string detail; // Imported: the file's name; Other, OtherDatabase: as described above
    std::string who;    // the technician, dealer or service named by the source; may be empty
    // When the code was recorded (ISO 8601, UTC), where known. Not part of id().
    std::string when = {};

    // The machine form. Provenance::fromId(p.id()) gives p back (but `when`).
    std::string id() const;
    static Provenance fromId(std::string_view id);

    static Provenance imported(std::string file) { return {Kind::Imported, std::move(file), {}}; }
    static Provenance named(Kind kind, std::string who) { return {kind, {}, std::move(who)}; }

    // Held by the workshop's code database (imported, confirmed, a radio card that worked).
    bool isCodeDatabase() const {
        return kind == Kind::Imported || kind == Kind::Confirmed || kind == Kind::Card ||
               kind == Kind::OtherDatabase;
    }
    bool operator==(const Provenance& other) const {
        return kind == other.kind && detail == other.detail && who == other.who;
    }
};

} // namespace radiocode
