#include "cli_context.h"
#include "commands.h"

#include <cstdio>

namespace radiocode::cli {

Context::Context() : out(stdout), err(stderr) {
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
}

Context::~Context() = default;

const CodeFinder& Context::finder() {
    if (!finder_) {
        finder_ = std::make_unique<CodeFinder>();
        // The code database plugs in here: when `databaseUrl` (or the environment's default) names
        // one, open it and addCodeSource() its CodeSource. Without one, Blaupunkt and Becker
        // serials answer not-found.
        for (const auto& source : sources_)
            finder_->addSource(source.get());
        addDatabaseSource(*this); // db_command.cpp
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
