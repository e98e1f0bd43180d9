// Run in three processes (see CMakeLists.txt), each with an ascend setting that cannot work: a
// malformed NPURT_ASCEND_CATALOG, "ascend" without a model, an unknown model. The runtime says
// why at start, naming the position or the models, and every call fails.
#include <gtest/gtest.h>

#include <cstdlib>

#include "npurt/runtime.h"

inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace {

TEST(AscendSelection, FailsAtStartSayingWhy) {
  const char *expected = std::getenv("EXPECTED_MESSAGE");
  ASSERT_NE(expected, nullptr) << "set EXPECTED_MESSAGE";
  testing::internal::CaptureStderr();
  int count = -1;
  EXPECT_EQ(npuGetDeviceCount(&count), npuErrorInitializationError);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find(expected), std::string::npos) << printed;
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, 16), npuErrorInitializationError);
}

} // namespace
