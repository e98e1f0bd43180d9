// nvcc accepts a launch's chevrons with blanks between the angle brackets (`k<< <g, b>> >(...)`);
// clang does not. Such a launch's `<< <` and `>> >` are joined into `<<<` and `>>>`, the blanks
// moved after them, so every offset and line stays as written: in the main file before the first
// parse, in a header for a second parse (driver/Action.cpp).
#pragma once

#include <optional>
#include <string>

#include <llvm/ADT/StringRef.h>

namespace cu2npu {

// The text with spaced launch chevrons joined; nullopt when it has none. `operator<< <T>` (an
// explicit specialisation of operator<<) and `>> >` closing nested templates are left alone.
std::optional<std::string> joinSpacedChevrons(llvm::StringRef Text);

} // namespace cu2npu
