// The few operating-system calls the command-line tool needs beyond Qt, with a Windows branch.
#pragma once

#include <cstddef>
#include <cstdio>

namespace radiocode::cli {

// Is standard error a terminal (a person watching), rather than a pipe or a log file?
bool stderrIsTerminal();

// Reads whatever `stream` has now, up to `bytes`, bypassing stdio buffering so answers can go
// out while a producer is still writing. Returns the bytes read, 0 at the end, -1 on an error
// (interrupted reads are retried). Puts the stream in binary mode first (Windows would otherwise
// stop at byte 0x1A and turn CRLF into LF).
long long readAvailable(std::FILE* stream, char* buffer, std::size_t bytes);

} // namespace radiocode::cli
