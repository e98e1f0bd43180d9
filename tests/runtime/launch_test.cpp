// Kernel launch: configuration checks, stream placement, the engine running the grid, failures
// becoming sticky, and per-kernel attributes.
#include <numeric>
#include <vector>

#include "RuntimeTestSupport.h"
#include "npurt/kernel.h"

using npu::test::launchCounting;
using npu::test::RuntimeTest;

namespace {

// Kernels in the emitted form (docs/ARCHITECTURE.md).
__global__ void addVectors(const float *a, const float *b, float *c, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      c[i] = a[i] + b[i];
  });
}

__global__ void assertPositive(const int *values) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { NPU_DEVICE_ASSERT(values[threadIdx.x] > 0); });
}

__global__ void withBigSharedMemory(int *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { out[threadIdx.x] = 1; });
}

template <int Width, class T> __global__ void fillWidth(T *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { out[threadIdx.x] = T(Width); });
}

using LaunchTest = RuntimeTest;

// The name a launch in a template reports: the instantiation's where the compiler spells it
// (g++), the source spelling otherwise (clang leaves template arguments out of
// __PRETTY_FUNCTION__'s function-pointer parameters).
TEST_F(LaunchTest, KernelNameOfATemplateInstantiation) {
  const char *narrow = ::npu::kernel_name<fillWidth<8, float>>("fillWidth<W, T>");
  const char *wide = ::npu::kernel_name<fillWidth<64, int>>("fillWidth<W, T>");
#if defined(__clang__)
  EXPECT_STREQ(narrow, "fillWidth<W, T>");
  EXPECT_STREQ(wide, "fillWidth<W, T>");
#else
  EXPECT_STREQ(narrow, "{anonymous}::fillWidth<8, float>");
  EXPECT_STREQ(wide, "{anonymous}::fillWidth<64, int>");
#endif
  // The same instantiation gives the same storage: a name lives as long as the program.
  EXPECT_EQ(narrow, (::npu::kernel_name<fillWidth<8, float>>("other")));
  int *out;
  ASSERT_EQ(npuMallocManaged(&out, 64 * sizeof(int)), npuSuccess);
  ASSERT_EQ(::npu::launch(wide, fillWidth<64, int>, 1, 64, 0, 0, out), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(out[63], 64);
  EXPECT_EQ(npuFree(out), npuSuccess);
}

TEST_F(LaunchTest, HandWrittenGridRunsEveryBlock) {
  std::atomic<int> blocks{0};
  ASSERT_EQ(launchCounting(blocks, dim3(4, 3, 2), dim3(32, 2)), npuSuccess);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(blocks.load(), 24);
}

TEST_F(LaunchTest, ConfigurationLimitsAreCudas) {
  std::atomic<int> blocks{0};
  struct Case {
    dim3 grid, block;
    std::size_t shared;
  };
  const Case invalid[] = {
      {dim3(1), dim3(0), 0},              // no threads
      {dim3(1), dim3(1025), 0},           // over 1024 threads
      {dim3(1), dim3(32, 33), 0},         // 1056 threads
      {dim3(1), dim3(1, 1, 65), 0},       // block z over 64
      {dim3(1), dim3(1, 1025), 0},        // block y over 1024
      {dim3(0), dim3(32), 0},             // empty grid
      {dim3(1, 0), dim3(32), 0},          // empty grid
      {dim3(1, 65536), dim3(32), 0},      // grid y over 65535
      {dim3(1, 1, 65536), dim3(32), 0},   // grid z over 65535
      {dim3(1), dim3(32), 48 * 1024 + 1}, // dynamic shared memory over 48 KiB
  };
  for (const Case &c : invalid) {
    EXPECT_EQ(launchCounting(blocks, c.grid, c.block, c.shared), npuErrorInvalidConfiguration)
        << c.grid.x << "x" << c.grid.y << "x" << c.grid.z << " / " << c.block.x << "x" << c.block.y
        << "x" << c.block.z << " smem " << c.shared;
    EXPECT_EQ(npuGetLastError(), npuErrorInvalidConfiguration);
    EXPECT_EQ(npuGetLastError(), npuSuccess); // not sticky
  }
  EXPECT_EQ(launchCounting(blocks, dim3(2147483647u / 1024), dim3(1), 0), npuSuccess)
      << "a large grid x is valid";
  EXPECT_EQ(launchCounting(blocks, dim3(1, 65535), dim3(1024), 48 * 1024), npuSuccess);
  EXPECT_EQ(launchCounting(blocks, dim3(1), dim3(16, 16, 4)), npuSuccess);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(blocks.load(), int(2147483647u / 1024) + 65535 + 1);
}

TEST_F(LaunchTest, BadStreamIsAnInvalidHandle) {
  std::atomic<int> blocks{0};
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  ASSERT_EQ(npuStreamDestroy(stream), npuSuccess);
  EXPECT_EQ(launchCounting(blocks, 1, 32, 0, stream), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npu::detail::enqueueGrid(nullptr, nullptr), npuErrorInvalidValue);
}

TEST_F(LaunchTest, KernelThroughNpuLaunch) {
  constexpr int n = 10000;
  std::vector<float> a(n), b(n), c(n, 0.f);
  std::iota(a.begin(), a.end(), 0.f);
  std::iota(b.begin(), b.end(), 1.f);
  float *da, *db, *dc;
  ASSERT_EQ(npuMalloc(&da, n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMalloc(&db, n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMalloc(&dc, n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemcpy(da, a.data(), n * sizeof(float), npuMemcpyHostToDevice), npuSuccess);
  ASSERT_EQ(npuMemcpy(db, b.data(), n * sizeof(float), npuMemcpyHostToDevice), npuSuccess);
  ASSERT_EQ(::npu::launch("addVectors", addVectors, (n + 255) / 256, 256, 0, 0, da, db, dc, n),
            npuSuccess);
  // The synchronous copy waits for the kernel (legacy default stream order).
  ASSERT_EQ(npuMemcpy(c.data(), dc, n * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(c[i], 2.f * i + 1) << i;
  EXPECT_EQ(npuFree(da), npuSuccess);
  EXPECT_EQ(npuFree(db), npuSuccess);
  EXPECT_EQ(npuFree(dc), npuSuccess);
}

TEST_F(LaunchTest, DeviceAssertIsStickyAndReportedBySync) {
  int *values;
  ASSERT_EQ(npuMallocManaged(&values, 32 * sizeof(int)), npuSuccess);
  for (int i = 0; i < 32; ++i)
    values[i] = i == 5 ? 0 : 1;
  testing::internal::CaptureStderr();
  ASSERT_EQ(::npu::launch("assertPositive", assertPositive, 1, 32, 0, 0, values), npuSuccess);
  EXPECT_EQ(npuDeviceSynchronize(), npuErrorAssert);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("assertPositive"), std::string::npos) << printed;
  EXPECT_EQ(npuGetLastError(), npuErrorAssert);
  EXPECT_EQ(npuMemset(values, 0, 4), npuErrorAssert);
  EXPECT_EQ(npuDeviceReset(), npuSuccess);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
}

TEST_F(LaunchTest, RaisingMaxDynamicSharedMemory) {
  int *out;
  ASSERT_EQ(npuMallocManaged(&out, 32 * sizeof(int)), npuSuccess);
  EXPECT_EQ(::npu::launch("withBigSharedMemory", withBigSharedMemory, 1, 32, 100 * 1024, 0, out),
            npuErrorInvalidConfiguration);
  EXPECT_EQ(npuFuncSetAttribute(withBigSharedMemory, npuFuncAttributeMaxDynamicSharedMemorySize,
                                100 * 1024),
            npuSuccess);
  npuFuncAttributes attributes;
  ASSERT_EQ(npuFuncGetAttributes(&attributes, withBigSharedMemory), npuSuccess);
  EXPECT_EQ(attributes.maxDynamicSharedSizeBytes, 100 * 1024);
  EXPECT_EQ(attributes.maxThreadsPerBlock, 1024);
  EXPECT_EQ(attributes.sharedSizeBytes, 0u);
  EXPECT_EQ(::npu::launch("withBigSharedMemory", withBigSharedMemory, 1, 32, 100 * 1024, 0, out),
            npuSuccess);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(out[31], 1);
  // Beyond the opt-in limit (227 KiB), and the launch limit is still enforced above the new max.
  EXPECT_EQ(npuFuncSetAttribute(withBigSharedMemory, npuFuncAttributeMaxDynamicSharedMemorySize,
                                227 * 1024 + 1),
            npuErrorInvalidValue);
  EXPECT_EQ(
      ::npu::launch("withBigSharedMemory", withBigSharedMemory, 1, 32, 100 * 1024 + 1, 0, out),
      npuErrorInvalidConfiguration);
  // Other kernels keep the default.
  ASSERT_EQ(npuFuncGetAttributes(&attributes, addVectors), npuSuccess);
  EXPECT_EQ(attributes.maxDynamicSharedSizeBytes, 48 * 1024);
  EXPECT_EQ(npuFree(out), npuSuccess);
  // A device reset restores every kernel's defaults.
  ASSERT_EQ(npuDeviceReset(), npuSuccess);
  ASSERT_EQ(npuFuncGetAttributes(&attributes, withBigSharedMemory), npuSuccess);
  EXPECT_EQ(attributes.maxDynamicSharedSizeBytes, 48 * 1024);
}

TEST_F(LaunchTest, FunctionAttributeErrors) {
  npuFuncAttributes attributes;
  EXPECT_EQ(npuFuncGetAttributes(&attributes, static_cast<const void *>(nullptr)),
            npuErrorInvalidDeviceFunction);
  EXPECT_EQ(npuFuncGetAttributes(nullptr, addVectors), npuErrorInvalidValue);
  EXPECT_EQ(npuFuncSetAttribute(addVectors, npuFuncAttributePreferredSharedMemoryCarveout, 50),
            npuSuccess);
  EXPECT_EQ(npuFuncSetAttribute(addVectors, npuFuncAttributePreferredSharedMemoryCarveout, 101),
            npuErrorInvalidValue);
  EXPECT_EQ(npuFuncSetAttribute(addVectors, npuFuncAttributeRequiredClusterWidth, 2),
            npuErrorNotSupported);
  EXPECT_EQ(npuFuncSetAttribute(addVectors, static_cast<npuFuncAttribute>(3), 2),
            npuErrorInvalidValue);
  EXPECT_EQ(npuFuncSetCacheConfig(addVectors, npuFuncCachePreferL1), npuSuccess);
  EXPECT_EQ(npuFuncSetAttribute(static_cast<const void *>(nullptr),
                                npuFuncAttributeMaxDynamicSharedMemorySize, 0),
            npuErrorInvalidDeviceFunction);
}

TEST_F(LaunchTest, LaunchesOnAStreamRunInOrder) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreateWithFlags(&stream, npuStreamNonBlocking), npuSuccess);
  std::atomic<int> blocks{0};
  std::vector<int> seen;
  for (int i = 1; i <= 3; ++i) {
    ASSERT_EQ(launchCounting(blocks, 8 * i, 64, 0, stream), npuSuccess);
    ASSERT_EQ(npu::test::onStream(stream, [&] { seen.push_back(blocks.load()); }), npuSuccess);
  }
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(seen, (std::vector<int>{8, 24, 48}));
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

} // namespace
