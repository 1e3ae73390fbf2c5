// What every subcommand shares: standard streams and exit codes.
#pragma once

#include <QString>
#include <QTextStream>

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
    Context();
};

} // namespace radiocode::cli
