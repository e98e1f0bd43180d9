// Run with NPURT_BACKEND set to an unknown name (see CMakeLists.txt): the runtime says so on
// stderr, naming the accepted values, and every call fails with npuErrorInitializationError
// instead of silently falling back to a default.
#include <gtest/gtest.h>

#include "npurt/runtime.h"

inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace {

TEST(BackendSelection, UnknownBackendFailsEveryCall) {
  testing::internal::CaptureStderr();
  int count = -1;
  EXPECT_EQ(npuGetDeviceCount(&count), npuErrorInitializationError);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("NPURT_BACKEND='no-such-backend' is not a known backend"),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find("accepted values: cpu"), std::string::npos) << printed;
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, 16), npuErrorInitializationError);
  EXPECT_EQ(npuDeviceReset(), npuErrorInitializationError);
  EXPECT_EQ(npuGetLastError(), npuErrorInitializationError);
}

} // namespace
