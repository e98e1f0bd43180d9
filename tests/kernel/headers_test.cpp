// Built as C++17 with every public device header in its own translation unit
// (generated beside this file by CMake); building is the check.
#include <gtest/gtest.h>

#include "npurt/kernel.h"

static_assert(__cplusplus == 201703L, "this target checks the headers as C++17");

TEST(Headers, KernelHeaderIsCxx17) { SUCCEED(); }
