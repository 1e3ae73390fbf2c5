// How long this process has run, counted from when the kernel started it (before the dynamic
// loader ran): the start of "first frame" figures. Shared by `radiocode-finder --smoke-test`
// and the bare-window benchmark so the two are measured the same way.
#pragma once

namespace radiocode {

// Milliseconds since the kernel started this process, or -1 where the system does not tell
// (then the caller falls back to the time since main()).
double millisecondsSinceProcessStart();

} // namespace radiocode
