// The `radiocode` subcommands. Each lives in its own file; main.cpp lists them.
#pragma once

#include "cli_context.h"

#include <QStringList>

namespace radiocode::cli {

struct Command {
    const char* name;
    const char* summary; // translated with QT_TRANSLATE_NOOP in main.cpp
    int (*run)(Context& context, const QStringList& arguments);
};

} // namespace radiocode::cli
