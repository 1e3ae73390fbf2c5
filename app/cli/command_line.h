// The `radiocode` program: its commands, the options every command takes (--database, --lang),
// and the application a command needs. main.cpp only starts it; tests run it in-process.
#pragma once

#include "cli/cli_context.h"
#include "cli/command.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace radiocode::cli {

// Every command, in the order the help lists them.
const std::vector<std::unique_ptr<Command>>& commands();

// Runs the command line `arguments` (without the program's name) with the context's streams:
// global options, the help, --version, then the command. Returns the exit code.
int runCommandLine(Context& context, const QStringList& arguments);

// Keeps the bytes of the program's arguments (see rawArgument()), then makes the application the
// command named in them needs: a QGuiApplication on the offscreen platform for a command that
// draws pages, else a plain QCoreApplication, so the others stay light.
std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv);

// runCommandLine() on the standard streams with QCoreApplication::arguments(); everything
// printed must reach its file, or the exit code says the output could not be written.
int runProgram();

} // namespace radiocode::cli
