#include "radiocode/code_source.h"

#include "radiocode/calculators.h"

namespace radiocode {

bool AlgorithmSource::serves(Family family) const {
    return familyInfo(family).origin == CodeOrigin::Algorithm;
}

SourceResult AlgorithmSource::find(Family family, std::string_view serial) {
    CodeAnswer answer;
    if (!findInto(family, serial, answer))
        return SourceResult::notOnRecord();
    return SourceResult::found(std::move(answer));
}

bool AlgorithmSource::findInto(Family family, std::string_view serial, CodeAnswer& into) const {
    std::optional<int> code;
    Provenance::Kind source = Provenance::Kind::Other;
    if (family == Family::Renault) {
        code = renaultPrecodeCode(serial);
        source = Provenance::Kind::RenaultAlgorithm;
    } else if (family == Family::Visteon) {
        code = visteonCode(serial);
        source = Provenance::Kind::VisteonAlgorithm;
    }
    if (!code)
        return false;
    formatCodeInto(*code, into.code);
    // Cleared, not replaced: the strings keep their storage for the next answer.
    into.source.kind = source;
    into.source.detail.clear();
    into.source.who.clear();
    into.source.when.clear();
    into.refusedBy.clear();
    into.refusedAt.clear();
    return true;
}

std::string_view lookupStatusId(LookupStatus status) {
    switch (status) {
    case LookupStatus::Ok:
        return "ok";
    case LookupStatus::Invalid:
        return "invalid";
    case LookupStatus::Unsupported:
        return "unsupported";
    case LookupStatus::NotFound:
        return "not-found";
    }
    return "invalid";
}

std::string_view lookupStatusId(const LookupResult& result) {
    if (result.status == LookupStatus::NotFound && !result.sourceFailure.empty())
        return "unreachable";
    return lookupStatusId(result.status);
}

CodeFinder::CodeFinder() {
    sources_.push_back(&algorithms_);
}

void CodeFinder::addSource(CodeSource* source) {
    if (source != nullptr)
        sources_.push_back(source);
}

LookupResult CodeFinder::lookup(std::string_view rawUtf8, std::optional<Family> family) const {
    LookupResult result;
    lookupInto(result, rawUtf8, family);
    return result;
}

LookupResult CodeFinder::lookupRecognised(Recognition recognition) const {
    LookupResult result;
    result.recognition = std::move(recognition);
    answer(result);
    return result;
}

void CodeFinder::lookupInto(LookupResult& result, std::string_view rawUtf8,
                            std::optional<Family> family) const {
    recogniseInto(result.recognition, rawUtf8, family);
    answer(result);
}

void CodeFinder::answer(LookupResult& result) const {
    finalise(result.recognition);
    result.sourcesAsked = 0;
    result.sourceFailure.clear();
    switch (result.recognition.state) {
    case InputState::Incomplete: // finalise() never leaves this
    case InputState::Invalid:
        result.status = LookupStatus::Invalid;
        result.answer.reset();
        return;
    case InputState::Unsupported:
        result.status = LookupStatus::Unsupported;
        result.answer.reset();
        return;
    case InputState::Unchecked:
        answerUnchecked(result);
        return;
    case InputState::Valid:
        break;
    }
    const Family family = *result.recognition.family;
    for (CodeSource* source : sources_) {
        if (!source->serves(family))
            continue;
        ++result.sourcesAsked;
        if (source == &algorithms_) { // the common case: the answer's strings are reused
            CodeAnswer& answer = result.answer ? *result.answer : result.answer.emplace();
            if (algorithms_.findInto(family, result.recognition.serial, answer)) {
                result.answer->recordedSerial.clear();
                result.status = LookupStatus::Ok;
                return;
            }
            result.answer.reset();
        } else if (askSource(*source, family, result)) {
            return;
        }
    }
    result.status = LookupStatus::NotFound;
    result.answer.reset();
}

namespace {
// A source that could not answer leaves the lookup "not known now": the first one's reason is
// kept (never empty, so the lookup cannot read as "not on record").
void noteUnavailable(LookupResult& result, SourceResult& reply) {
    if (!result.sourceFailure.empty())
        return;
    result.sourceFailure =
        reply.reason.empty() ? std::string("unavailable") : std::move(reply.reason);
}
} // namespace

bool CodeFinder::askSource(CodeSource& source, Family family, LookupResult& result) const {
    Recognition& recognition = result.recognition;
    if (!recognition.readingOpen()) {
        SourceResult reply = source.find(family, recognition.serial);
        if (reply.kind == SourceResult::Kind::Unavailable)
            noteUnavailable(result, reply);
        if (!reply.isFound())
            return false;
        result.status = LookupStatus::Ok;
        result.answer = std::move(reply.answer);
        return true;
    }
    // Both readings are asked: a code on record for one reading is shown only when the other
    // reading holds no different code, because the two may be two different radios.
    std::optional<CodeAnswer> found;
    for (const std::string& serial : recognition.readings) {
        SourceResult reply = source.find(family, serial);
        if (reply.kind == SourceResult::Kind::Unavailable) {
            noteUnavailable(result, reply);
            return false; // the other reading could not be checked
        }
        if (!reply.isFound())
            continue;
        if (!found) {
            found = std::move(reply.answer);
            found->recordedSerial = serial;
        } else if (reply.answer.code != found->code) {
            result.status = LookupStatus::Invalid;
            result.answer.reset();
            recognition.state = InputState::Invalid;
            recognition.message = Message{};
            recognition.message.id = MessageId::ReadingsDisagree;
            recognition.message.expected = recognition.readings.front();
            recognition.suggestions.assign(recognition.readings.begin() + 1,
                                           recognition.readings.end());
            return true;
        }
    }
    if (!found)
        return false;
    result.status = LookupStatus::Ok;
    result.answer = std::move(found);
    return true;
}

void CodeFinder::answerUnchecked(LookupResult& result) const {
    for (const Family family : allFamilies) {
        const bool chosen = result.recognition.family ? family == *result.recognition.family : true;
        if (!chosen || familyInfo(family).origin != CodeOrigin::CodeDatabase)
            continue;
        for (CodeSource* source : sources_) {
            if (source == &algorithms_ || !source->serves(family))
                continue;
            ++result.sourcesAsked;
            if (askSource(*source, family, result)) {
                result.recognition.family = family; // the family it is on record for
                return;
            }
        }
    }
    result.status = LookupStatus::NotFound;
    result.answer.reset();
}

} // namespace radiocode
