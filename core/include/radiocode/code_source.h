// Where codes come from. Every answer names its source; a source that does not know says so.
#pragma once

#include "radiocode/families.h"
#include "radiocode/provenance.h"
#include "radiocode/recognition.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace radiocode {

struct CodeAnswer {
    std::string code;  // four digits
    Provenance source; // machines read source.id(); people read Texts::sourceDescription()
    // The serial the code is on record for, when the source was asked another reading than the
    // serial as recognised (a Blaupunkt 7th-character letter read as a digit). Empty otherwise.
    std::string recordedSerial = {};
    // Set when a technician recorded that this code was refused on a radio: who, and when (ISO
    // 8601, UTC). The code is still shown, with that warning, for the next technician to judge.
    std::string refusedBy = {};
    std::string refusedAt = {};
    bool wasRefused() const { return !refusedAt.empty(); }
};

// One source's whole answer to one question: a code, "not on record", or "could not answer,
// because …". Nothing is left to ask the source afterwards.
struct SourceResult {
    enum class Kind {
        Found,       // `answer` holds the code
        NotOnRecord, // the source was asked and holds no code for the serial
        Unavailable, // the source could not be asked (its database cannot be reached, ...)
    };
    Kind kind = Kind::NotOnRecord;
    CodeAnswer answer = {}; // Found only
    std::string reason;     // Unavailable only: why, as the source reports it

    static SourceResult found(CodeAnswer answer) { return {Kind::Found, std::move(answer), {}}; }
    static SourceResult notOnRecord() { return {}; }
    static SourceResult unavailable(std::string reason) {
        return {Kind::Unavailable, {}, std::move(reason)};
    }
    bool isFound() const { return kind == Kind::Found; }
};

class CodeSource {
public:
    virtual ~CodeSource() = default;
    // Only called with a valid, normalised serial of a family this source serves.
    virtual bool serves(Family family) const = 0;
    // Not const: a source may open or reopen its connection to answer. Never throws.
    virtual SourceResult find(Family family, std::string_view serial) = 0;
};

// The two public algorithms (Renault precode, Visteon M-serial).
class AlgorithmSource final : public CodeSource {
public:
    bool serves(Family family) const override;
    SourceResult find(Family family, std::string_view serial) override;
    // The same as find(), written into `into` (its strings reused): false when find() has none.
    bool findInto(Family family, std::string_view serial, CodeAnswer& into) const;
};

enum class LookupStatus { Ok, Invalid, Unsupported, NotFound };
std::string_view lookupStatusId(LookupStatus status); // "ok", "invalid", "unsupported", "not-found"

struct LookupResult {
    LookupStatus status = LookupStatus::Invalid;
    Recognition recognition;          // finalised: never Incomplete
    std::optional<CodeAnswer> answer; // set exactly when status is Ok
    // Sources that serve the family and were asked. NotFound with none asked means no source
    // could be consulted (no code database open), not that a database lacks the serial.
    int sourcesAsked = 0;
    // NotFound only: set when a source that serves the family could not answer (the first such
    // source's reason). The code may then be on record; "not found" means "not known now".
    std::string sourceFailure;
};

// The status for machines (JSON, batch CSV): lookupStatusId(result.status), except "unreachable"
// when a code database that serves the family could not answer: the code may be on record, so
// a script must not read it as "not-found".
std::string_view lookupStatusId(const LookupResult& result);

// Recognises the input and asks the sources in order; the first that serves the family and
// knows the serial answers. A serial with two readings is asked as printed first, then with the
// digit; an unchecked serial only of the code database (its family's, or each database family's
// when none was chosen), as printed. Sources are borrowed, not owned.
class CodeFinder {
public:
    CodeFinder(); // with the algorithm source only
    void addSource(CodeSource* source);
    LookupResult lookup(std::string_view rawUtf8,
                        std::optional<Family> family = std::nullopt) const;
    LookupResult lookupRecognised(Recognition recognition) const;
    // The same as lookup(), written into `result` and reusing its storage: for callers that
    // look up many serials in a row (the command line's batch mode), where a complete serial
    // typed plainly and answered by an algorithm then costs no heap allocation.
    void lookupInto(LookupResult& result, std::string_view rawUtf8,
                    std::optional<Family> family = std::nullopt) const;

private:
    // Finalises result.recognition in place and asks the sources.
    void answer(LookupResult& result) const;
    // Asks one source for each reading of the serial: true when it answered (result filled).
    // A source that could not answer is noted in result.sourceFailure (the first such source).
    bool askSource(CodeSource& source, Family family, LookupResult& result) const;
    void answerUnchecked(LookupResult& result) const;

    AlgorithmSource algorithms_;
    std::vector<CodeSource*> sources_;
};

} // namespace radiocode
