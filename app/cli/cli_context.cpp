#include "cli_context.h"

#include <cstdio>

namespace radiocode::cli {

Context::Context() : out(stdout), err(stderr) {
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
}

} // namespace radiocode::cli
