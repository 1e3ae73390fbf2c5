#include "radiocode/code_source.h"

#include "radiocode/calculators.h"

namespace radiocode {

bool AlgorithmSource::serves(Family family) const {
    return familyInfo(family).origin == CodeOrigin::Algorithm;
}

std::optional<CodeAnswer> AlgorithmSource::find(Family family, std::string_view serial) const {
    if (family == Family::Renault) {
        if (const auto code = renaultPrecodeCode(serial))
            return CodeAnswer{formatCode(*code), std::string(renaultSourceName)};
    } else if (family == Family::Visteon) {
        if (const auto code = visteonCode(serial))
            return CodeAnswer{formatCode(*code), std::string(visteonSourceName)};
    }
    return std::nullopt;
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

CodeFinder::CodeFinder() {
    sources_.push_back(&algorithms_);
}

void CodeFinder::addSource(const CodeSource* source) {
    if (source != nullptr)
        sources_.push_back(source);
}

LookupResult CodeFinder::lookup(std::string_view rawUtf8, std::optional<Family> family) const {
    return lookupRecognised(recognise(rawUtf8, family));
}

LookupResult CodeFinder::lookupRecognised(Recognition recognition) const {
    LookupResult result;
    // finalised() only changes incomplete input: spare the common case its copies.
    result.recognition = recognition.state == InputState::Incomplete
                             ? finalised(std::move(recognition))
                             : std::move(recognition);
    switch (result.recognition.state) {
    case InputState::Incomplete: // finalised() never leaves this
    case InputState::Invalid:
        result.status = LookupStatus::Invalid;
        return result;
    case InputState::Unsupported:
        result.status = LookupStatus::Unsupported;
        return result;
    case InputState::Valid:
        break;
    }
    const Family family = *result.recognition.family;
    for (const CodeSource* source : sources_) {
        if (!source->serves(family))
            continue;
        ++result.sourcesAsked;
        if (auto answer = source->find(family, result.recognition.serial)) {
            result.status = LookupStatus::Ok;
            result.answer = std::move(answer);
            result.sourceFailure.clear();
            return result;
        }
        if (result.sourceFailure.empty())
            result.sourceFailure = source->unavailableReason();
    }
    result.status = LookupStatus::NotFound;
    return result;
}

} // namespace radiocode
