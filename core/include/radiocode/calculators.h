// The two public algorithms, exactly as the domain notes give them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace radiocode {

// Renault precode: one letter (either case) and three digits, "J727". Returns 0..9999, or nothing
// when the text is not a precode (wrong shape, or A000-A099 where the formula divides by zero).
std::optional<int> renaultPrecodeCode(std::string_view precode);

// Visteon M-serial: "M" and six digits, "M123456". Returns 0..9999, or nothing for another shape.
std::optional<int> visteonCode(std::string_view serial);

// A code as the radio shows it: always four digits, "0070".
std::string formatCode(int code);
// The same into `into`, reusing its storage.
void formatCodeInto(int code, std::string& into);

} // namespace radiocode
