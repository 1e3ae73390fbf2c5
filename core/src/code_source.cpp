#include "radiocode/code_source.h"

#include "radiocode/calculators.h"

namespace radiocode {

bool AlgorithmSource::serves(Family family) const {
    return familyInfo(family).origin == CodeOrigin::Algorithm;
}

std::optional<CodeAnswer> AlgorithmSource::find(Family family, std::string_view serial) const {
    CodeAnswer answer;
    if (!findInto(family, serial, answer))
        return std::nullopt;
    return answer;
}

bool AlgorithmSource::findInto(Family family, std::string_view serial, CodeAnswer& into) const {
    std::optional<int> code;
    std::string_view source;
    if (family == Family::Renault) {
        code = renaultPrecodeCode(serial);
        source = renaultSourceName;
    } else if (family == Family::Visteon) {
        code = visteonCode(serial);
        source = visteonSourceName;
    }
    if (!code)
        return false;
    formatCodeInto(*code, into.code);
    into.source.assign(source);
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

void CodeFinder::addSource(const CodeSource* source) {
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
    case InputState::Valid:
        break;
    }
    const Family family = *result.recognition.family;
    for (const CodeSource* source : sources_) {
        if (!source->serves(family))
            continue;
        ++result.sourcesAsked;
        if (source == &algorithms_) { // the common case: the answer's strings are reused
            CodeAnswer& answer = result.answer ? *result.answer : result.answer.emplace();
            if (algorithms_.findInto(family, result.recognition.serial, answer)) {
                result.status = LookupStatus::Ok;
                return;
            }
            result.answer.reset();
        } else if (auto answer = source->find(family, result.recognition.serial)) {
            result.status = LookupStatus::Ok;
            result.answer = std::move(answer);
            return;
        }
        if (result.sourceFailure.empty())
            result.sourceFailure = source->unavailableReason();
    }
    result.status = LookupStatus::NotFound;
    result.answer.reset();
}

} // namespace radiocode
