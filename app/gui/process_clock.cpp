#include "gui/process_clock.h"

#ifdef __linux__
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#endif

namespace radiocode {

double millisecondsSinceProcessStart() {
#ifndef __linux__
    return -1;
#else
    std::ifstream statFile("/proc/self/stat");
    std::string stat;
    std::getline(statFile, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    // Field 22 (starttime) counted from field 3 (state), which follows the ')'.
    for (int index = 3; index <= 22 && fields >> field; ++index)
        if (index == 22) {
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            const double startSeconds = std::stod(field) / double(sysconf(_SC_CLK_TCK));
            return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startSeconds) * 1000.0;
        }
    return -1;
#endif
}

} // namespace radiocode
