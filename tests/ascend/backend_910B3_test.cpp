// Run with NPURT_BACKEND=ascend:910B3 (see CMakeLists.txt): the program sees the modeled device
// through the host API - its properties, its memory capacity and rounding - and each portability
// warning fires once per kernel for a planted launch, never for a clean one.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cstring>

#include "npurt/device/cost.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace {

constexpr std::size_t GiB = std::size_t(1) << 30;
constexpr std::size_t kCapacity = 64 * GiB;

std::size_t usedBytes() {
  std::size_t freeBytes = 0, totalBytes = 0;
  EXPECT_EQ(npuMemGetInfo(&freeBytes, &totalBytes), npuSuccess);
  return totalBytes - freeBytes;
}

TEST(Ascend910B3, DeviceProperties) {
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  EXPECT_STREQ(prop.name, "Ascend 910B3 (modeled)");
  EXPECT_EQ(prop.totalGlobalMem, kCapacity);
  EXPECT_EQ(prop.multiProcessorCount, 40);
  EXPECT_EQ(prop.integrated, 0);
  int value = 0;
  ASSERT_EQ(npuDeviceGetAttribute(&value, npuDevAttrMaxSharedMemoryPerBlock, 0), npuSuccess);
  EXPECT_EQ(value, 192 * 1024);
  ASSERT_EQ(npuDeviceGetAttribute(&value, npuDevAttrClockRate, 0), npuSuccess);
  EXPECT_EQ(value, 1800000);
  ASSERT_EQ(npuDeviceGetAttribute(&value, npuDevAttrWarpSize, 0), npuSuccess);
  EXPECT_EQ(value, 32);
}

TEST(Ascend910B3, MemGetInfoIsTheModeledCapacity) {
  std::size_t freeBytes = 0, totalBytes = 0;
  ASSERT_EQ(npuMemGetInfo(&freeBytes, &totalBytes), npuSuccess);
  EXPECT_EQ(totalBytes, kCapacity);
  EXPECT_EQ(freeBytes, kCapacity);
}

TEST(Ascend910B3, AllocationsAreRoundedAsAscendClDoes) {
  const std::size_t before = usedBytes();
  void *a = nullptr, *b = nullptr;
  ASSERT_EQ(npuMalloc(&a, 1), npuSuccess);
  EXPECT_EQ(usedBytes() - before, 64u); // 1 -> 32, + 32 padding
  ASSERT_EQ(npuMalloc(&b, 100), npuSuccess);
  EXPECT_EQ(usedBytes() - before, 64u + 160u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % 256, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b) % 256, 0u);
  ASSERT_EQ(npuFree(a), npuSuccess);
  ASSERT_EQ(npuFree(b), npuSuccess);
  EXPECT_EQ(usedBytes(), before);
}

TEST(Ascend910B3, CapacityIsEnforced) {
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, kCapacity + 1), npuErrorMemoryAllocation);
  EXPECT_EQ(npuGetLastError(), npuErrorMemoryAllocation);
  // Two allocations that each fit but not together: the second fails until the first is freed.
  void *first = nullptr, *second = nullptr;
  ASSERT_EQ(npuMalloc(&first, 40 * GiB), npuSuccess);
  EXPECT_EQ(npuMalloc(&second, 30 * GiB), npuErrorMemoryAllocation);
  npuGetLastError();
  ASSERT_EQ(npuFree(first), npuSuccess);
  ASSERT_EQ(npuMalloc(&second, 30 * GiB), npuSuccess);
  ASSERT_EQ(npuFree(second), npuSuccess);
  // Managed memory lives on the device too; pinned host memory does not count.
  ASSERT_EQ(npuMalloc(&first, 40 * GiB), npuSuccess);
  EXPECT_EQ(npuMallocManaged(&second, 30 * GiB), npuErrorMemoryAllocation);
  npuGetLastError();
  void *pinned = nullptr;
  const std::size_t before = usedBytes();
  ASSERT_EQ(npuMallocHost(&pinned, 1 << 20), npuSuccess);
  EXPECT_EQ(usedBytes(), before);
  ASSERT_EQ(npuFreeHost(pinned), npuSuccess);
  ASSERT_EQ(npuFree(first), npuSuccess);
}

// 90% of the 64 GiB device on a host with less memory: the mapping is committed page by page.
TEST(Ascend910B3, LargeAllocationsAreCommittedLazily) {
  rlimit limit;
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < kCapacity)
    GTEST_SKIP() << "address space limited to " << limit.rlim_cur << " bytes";
  const std::size_t bytes = kCapacity / 10 * 9;
  char *memory = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&memory), bytes), npuSuccess);
  for (std::size_t offset : {std::size_t(0), bytes / 3, bytes / 2, bytes - 4096})
    ASSERT_EQ(npuMemset(memory + offset, 0x5a, 4096), npuSuccess);
  char probe[4096];
  ASSERT_EQ(npuMemcpy(probe, memory + bytes / 2, sizeof probe, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(probe[0], 0x5a);
  EXPECT_EQ(probe[4095], 0x5a);
  ASSERT_EQ(npuFree(memory), npuSuccess);
}

// ---- Portability warnings, through real launches ----

__global__ void cleanKernel(float *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(fp32(1), gwrite(4));
    out[blockIdx.x * blockDim.x + threadIdx.x] = 1.0f;
  });
}

__global__ void doubleKernel(double *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(fp64(2), gwrite(8));
    out[threadIdx.x] = out[threadIdx.x] * 2.0 + 1.0;
  });
}

__global__ void shuffleKernel(int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    NPU_COST(warpops(1), gwrite(4));
    out[threadIdx.x] = __shfl_down_sync(0xffffffffu, int(threadIdx.x), 1);
  });
}

__global__ void emptyKernel() {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { NPU_COST(intops(1)); });
}

// Runs `launch` twice, returns what it printed on stderr.
template <class Launch> std::string twice(Launch launch) {
  testing::internal::CaptureStderr();
  for (int i = 0; i < 2; ++i) {
    launch();
    EXPECT_EQ(npuGetLastError(), npuSuccess);
    EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  }
  return testing::internal::GetCapturedStderr();
}

int occurrences(const std::string &text, const std::string &what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Ascend910B3Warnings, CleanLaunchWarnsNothing) {
  float *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 80 * 256 * sizeof(float)), npuSuccess);
  EXPECT_EQ(twice([&] { ::npu::launch("cleanKernel", cleanKernel, 80, 256, 0, 0, out); }), "");
  npuFree(out);
}

TEST(Ascend910B3Warnings, LanesWastedOncePerKernel) {
  float *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 4 * 100 * sizeof(float)), npuSuccess);
  const std::string text =
      twice([&] { ::npu::launch("cleanKernel<100>", cleanKernel, 4, 100, 0, 0, out); });
  EXPECT_EQ(occurrences(text, "[NPUW001]"), 1) << text;
  EXPECT_NE(text.find("npurt: warning: kernel 'cleanKernel<100>': block of 100 threads"),
            std::string::npos)
      << text;
  npuFree(out);
}

TEST(Ascend910B3Warnings, SharedMemoryAboveTheUnifiedBuffer) {
  const int bytes = 200 * 1024; // above 192 KiB of UB, within CUDA's 227 KiB opt-in
  ASSERT_EQ(npuFuncSetAttribute(reinterpret_cast<const void *>(&emptyKernel),
                                npuFuncAttributeMaxDynamicSharedMemorySize, bytes),
            npuSuccess);
  const std::string text =
      twice([&] { ::npu::launch("emptyKernel", emptyKernel, 1, 64, bytes, 0); });
  EXPECT_EQ(occurrences(text, "[NPUW003]"), 1) << text;
  EXPECT_EQ(occurrences(text, "NPUW"), 1) << text;
}

TEST(Ascend910B3Warnings, GridAboveTheLaunchLimit) {
  const std::string text =
      twice([&] { ::npu::launch("emptyKernelHuge", emptyKernel, 70000, 64, 0, 0); });
  EXPECT_EQ(occurrences(text, "[NPUW004]"), 1) << text;
  EXPECT_NE(text.find("grid of 70000 blocks exceeds the 65535"), std::string::npos) << text;
}

TEST(Ascend910B3Warnings, Fp64IsEmulated) {
  double *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 64 * sizeof(double)), npuSuccess);
  ASSERT_EQ(npuMemset(out, 0, 64 * sizeof(double)), npuSuccess);
  const std::string text =
      twice([&] { ::npu::launch("doubleKernel", doubleKernel, 1, 64, 0, 0, out); });
  EXPECT_EQ(occurrences(text, "[NPUW005]"), 1) << text;
  EXPECT_NE(text.find("kernel 'doubleKernel': 128 fp64 operations"), std::string::npos) << text;
  npuFree(out);
}

TEST(Ascend910B3Warnings, WarpOperationsAreEmulated) {
  int *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), 64 * sizeof(int)), npuSuccess);
  const std::string text =
      twice([&] { ::npu::launch("shuffleKernel", shuffleKernel, 1, 64, 0, 0, out); });
  EXPECT_EQ(occurrences(text, "[NPUW006]"), 1) << text;
  EXPECT_EQ(occurrences(text, "NPUW"), 1) << text;
  int host[64];
  ASSERT_EQ(npuMemcpy(host, out, sizeof host, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[0], 1);
  npuFree(out);
}

} // namespace
