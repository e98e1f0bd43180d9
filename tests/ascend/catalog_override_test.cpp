// Run with NPURT_ASCEND_CATALOG=data/tiny-catalog.json and NPURT_BACKEND=ascend:tiny: the file
// replaces the built-in catalog, and its device is what the program sees - a 1 MiB device with
// 16-lane SIMT warps, 512-thread SIMT blocks and 100 blocks per launch.
#include <gtest/gtest.h>

#include "npurt/device/cost.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace {

__global__ void warpKernel(int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    NPU_COST(warpops(1));
    int v = __shfl_down_sync(0xffffffffu, int(threadIdx.x), 1);
    if (blockIdx.x == 0)
      out[threadIdx.x] = v;
  });
}

TEST(CatalogOverride, TheFileReplacesTheBuiltInCatalog) {
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  EXPECT_STREQ(prop.name, "Ascend tiny test device (modeled)");
  EXPECT_EQ(prop.totalGlobalMem, 1u << 20);
  EXPECT_EQ(prop.sharedMemPerBlock, 16u * 1024);
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, 1 << 20), npuErrorMemoryAllocation); // + 32 B padding
  npuGetLastError();
  ASSERT_EQ(npuMalloc(&memory, (1 << 20) - 32), npuSuccess);
  std::size_t freeBytes = 1, totalBytes = 0;
  ASSERT_EQ(npuMemGetInfo(&freeBytes, &totalBytes), npuSuccess);
  EXPECT_EQ(freeBytes, 0u);
  EXPECT_EQ(totalBytes, 1u << 20);
  ASSERT_EQ(npuFree(memory), npuSuccess);
}

TEST(CatalogOverride, ItsLimitsRaiseTheirWarnings) {
  int *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 1024 * sizeof(int)), npuSuccess);
  testing::internal::CaptureStderr();
  ::npu::launch("warpKernel", warpKernel, 101, 1024, 0, 0, out);
  ::npu::launch("warpKernel", warpKernel, 101, 1024, 0, 0, out);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  const std::string text = testing::internal::GetCapturedStderr();
  EXPECT_NE(text.find("block of 1024 threads exceeds tiny's SIMT limit of 512 threads per block "
                      "[NPUW002]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grid of 101 blocks exceeds the 100 blocks"), std::string::npos) << text;
  EXPECT_NE(text.find("tiny's SIMT warp has 16 lanes (npurt keeps CUDA's 32) [NPUW007]"),
            std::string::npos)
      << text;
  int host[2];
  ASSERT_EQ(npuMemcpy(host, out, sizeof host, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[0], 1); // CUDA's 32-lane warp semantics kept
  npuFree(out);
}

} // namespace
