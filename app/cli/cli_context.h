// What every subcommand shares: standard streams, global options, the code finder, exit codes.
#pragma once

#include "radiocode/code_source.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace radiocode::cli {

// Exit codes of `radiocode`.
enum ExitCode {
    ExitCodeShown = 0,    // a code was shown / the work was done
    ExitNoCode = 1,       // the serial is fine but no code can be given (not-found, unsupported)
    ExitInvalidInput = 2, // invalid serial, bad arguments
    ExitFailure = 3,      // the work could not be done (file, database)
};

struct Context {
    QTextStream out;
    QTextStream err;
    // Global options, taken from anywhere on the command line before the subcommand runs.
    QString databaseUrl;         // --database URL; empty when not given
    QByteArray databaseUrlBytes; // the same as the bytes given (a file name need not be UTF-8)
    QString language;            // --lang tr|de|en; empty: the system's language
    // Where batch reads its lines and writes its rows, and db import reads "-": byte streams,
    // the process's own unless a test gives others.
    std::FILE* input = stdin;
    std::FILE* output = stdout;
    // The standard streams.
    Context();
    // Messages to `out` and `err` instead (tests run commands in-process so).
    Context(QIODevice* out, QIODevice* err);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    // The one CodeFinder every command asks for codes. Built on first use: the public algorithms,
    // then the sources `addSources` adds (the program adds the code database, when one is
    // configured).
    const CodeFinder& finder();
    std::function<void(Context&)> addSources;
    // Hands a source to the context, which keeps it alive as long as the finder.
    void addCodeSource(std::unique_ptr<CodeSource> source);
    // Set by the code database when one is open: a warning when codes were refused for this
    // serial before (empty when none were). Lives as long as the finder's sources.
    std::function<QString(Family, const std::string& serial)> attemptWarning;

private:
    std::unique_ptr<CodeFinder> finder_;
    std::vector<std::unique_ptr<CodeSource>> sources_;
};

} // namespace radiocode::cli
