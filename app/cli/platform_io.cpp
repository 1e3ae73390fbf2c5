#include "cli/platform_io.h"

#include <cerrno>
#include <climits>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#else
#include <unistd.h>
#endif

namespace radiocode::cli {

bool stderrIsTerminal() {
#ifdef _WIN32
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(STDERR_FILENO) == 1;
#endif
}

long long readAvailable(std::FILE* stream, char* buffer, std::size_t bytes) {
#ifdef _WIN32
    const int descriptor = _fileno(stream);
    _setmode(descriptor, _O_BINARY);
    const unsigned int wanted = bytes > INT_MAX ? INT_MAX : static_cast<unsigned int>(bytes);
    for (;;) {
        const int got = _read(descriptor, buffer, wanted);
        if (got < 0 && errno == EINTR)
            continue;
        return got;
    }
#else
    const int descriptor = fileno(stream);
    for (;;) {
        const ssize_t got = ::read(descriptor, buffer, bytes);
        if (got < 0 && errno == EINTR)
            continue;
        return got;
    }
#endif
}

} // namespace radiocode::cli
