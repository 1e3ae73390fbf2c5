#include "cli/cli_context.h"

namespace radiocode::cli {

Context::Context() : out(stdout), err(stderr) {
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
}

Context::Context(QIODevice* out, QIODevice* err) : out(out), err(err) {
    this->out.setEncoding(QStringConverter::Utf8);
    this->err.setEncoding(QStringConverter::Utf8);
}

Context::~Context() = default;

const CodeFinder& Context::finder() {
    if (!finder_) {
        finder_ = std::make_unique<CodeFinder>();
        for (const auto& source : sources_)
            finder_->addSource(source.get());
        // Without a code database, Blaupunkt and Becker serials answer not-found.
        if (addSources)
            addSources(*this);
    }
    return *finder_;
}

void Context::addCodeSource(std::unique_ptr<CodeSource> source) {
    if (!source)
        return;
    if (finder_)
        finder_->addSource(source.get());
    sources_.push_back(std::move(source));
}

} // namespace radiocode::cli
