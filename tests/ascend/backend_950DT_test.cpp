// Run with NPURT_BACKEND=ascend:950DT: a device with SIMT warps of 32, so block sizes and warp
// operations port as written; fp64 is still emulated.
#include <gtest/gtest.h>

#include "npurt/device/cost.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace {

__global__ void shuffleAndDouble(int *out, double *dbl) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    NPU_COST(warpops(1), fp64(1), gwrite(12));
    out[threadIdx.x] = __shfl_xor_sync(0xffffffffu, int(threadIdx.x), 1);
    dbl[threadIdx.x] = 0.5 * threadIdx.x;
  });
}

TEST(Ascend950DT, PropertiesAndMemory) {
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  EXPECT_STREQ(prop.name, "Ascend 950DT (modeled)");
  EXPECT_EQ(prop.totalGlobalMem, std::size_t(144) << 30);
  EXPECT_EQ(prop.multiProcessorCount, 72);
  EXPECT_EQ(prop.sharedMemPerBlock, 248u * 1024);
  EXPECT_EQ(prop.maxThreadsPerBlock, 1024);
  std::size_t freeBytes = 0, totalBytes = 0;
  ASSERT_EQ(npuMemGetInfo(&freeBytes, &totalBytes), npuSuccess);
  EXPECT_EQ(totalBytes, std::size_t(144) << 30);
}

TEST(Ascend950DT, SimtDeviceWarnsOnlyAboutFp64) {
  int *out = nullptr;
  double *dbl = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 100 * sizeof(int)), npuSuccess);
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&dbl), 100 * sizeof(double)), npuSuccess);
  testing::internal::CaptureStderr();
  for (int i = 0; i < 3; ++i)
    ::npu::launch("shuffleAndDouble", shuffleAndDouble, 1, 100, 0, 0, out, dbl);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  const std::string text = testing::internal::GetCapturedStderr();
  EXPECT_NE(text.find("npurt: warning: kernel 'shuffleAndDouble': 100 fp64 operations: 950DT "
                      "has no FP64 units"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("NPUW001"), std::string::npos) << text; // SIMT: no lane padding
  EXPECT_EQ(text.find("NPUW006"), std::string::npos) << text; // real warps of 32
  EXPECT_EQ(text.find("NPUW005", text.find("NPUW005") + 1), std::string::npos) << text;
  int host[4];
  ASSERT_EQ(npuMemcpy(host, out, sizeof host, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[0], 1);
  EXPECT_EQ(host[1], 0);
  npuFree(out);
  npuFree(dbl);
}

} // namespace
