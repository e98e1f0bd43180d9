// Kernels launched as translated code does: npu::launch through the host API.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

__global__ void vectorAdd(const float *a, const float *b, float *c, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      c[i] = a[i] + b[i];
  });
}

template <int Block> __global__ void blockSums(const int *in, int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int partial[Block];
    partial[threadIdx.x] = in[blockIdx.x * Block + threadIdx.x];
    __syncthreads();
    for (int stride = Block / 2; stride > 0; stride /= 2) {
      if (static_cast<int>(threadIdx.x) < stride)
        partial[threadIdx.x] += partial[threadIdx.x + stride];
      __syncthreads();
    }
    if (threadIdx.x == 0)
      out[blockIdx.x] = partial[0];
  });
}

TEST(Launch, VectorAddThroughTheHostApi) {
  const int n = 10000;
  std::vector<float> a(n, 1.5f), b(n, 2.0f), c(n, 0.0f);
  float *da = nullptr, *db = nullptr, *dc = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&da), n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&db), n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&dc), n * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemcpy(da, a.data(), n * sizeof(float), npuMemcpyHostToDevice), npuSuccess);
  ASSERT_EQ(npuMemcpy(db, b.data(), n * sizeof(float), npuMemcpyHostToDevice), npuSuccess);
  // int grid and block, stream 0; then dim3 and nullptr.
  ::npu::launch("vectorAdd", vectorAdd, (n + 255) / 256, 256, 0, 0, da, db, dc, n);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
  ::npu::launch("vectorAdd", vectorAdd, dim3((n + 127) / 128), dim3(128), 0, nullptr, da, db, dc,
                n);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  ASSERT_EQ(npuMemcpy(c.data(), dc, n * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(c[i], 3.5f);
  npuFree(da);
  npuFree(db);
  npuFree(dc);
}

TEST(Launch, TemplateKernelWithBarriersOnAStream) {
  const int blocks = 32;
  std::vector<int> in(blocks * 128, 2), out(blocks, 0);
  int *din = nullptr, *dout = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&din), in.size() * sizeof(int)), npuSuccess);
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&dout), out.size() * sizeof(int)), npuSuccess);
  npuStream_t stream = nullptr;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  ASSERT_EQ(npuMemcpyAsync(din, in.data(), in.size() * sizeof(int), npuMemcpyHostToDevice, stream),
            npuSuccess);
  ::npu::launch("blockSums<128>", blockSums<128>, blocks, 128, 0, stream, din, dout);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
  ASSERT_EQ(
      npuMemcpyAsync(out.data(), dout, out.size() * sizeof(int), npuMemcpyDeviceToHost, stream),
      npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  for (int v : out)
    EXPECT_EQ(v, 256);
  npuStreamDestroy(stream);
  npuFree(din);
  npuFree(dout);
}

TEST(Launch, InvalidConfigurationIsReportedByGetLastError) {
  ::npu::launch("vectorAdd", vectorAdd, 1, 4096, 0, 0, nullptr, nullptr, nullptr, 0);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidConfiguration);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
}

__global__ void failingAssert(int limit) {
  ::npu::for_each_thread_sync(
      [&](NPU_THREAD_PARAMS) { NPU_DEVICE_ASSERT(static_cast<int>(threadIdx.x) < limit); });
}

TEST(Launch, DeviceAssertIsAStickyError) {
  testing::internal::CaptureStderr();
  ::npu::launch("failingAssert", failingAssert, 2, 64, 0, 0, 10);
  // The launch itself was valid; the kernel may already have failed by the time this runs (a
  // slow main thread under a sanitizer), and then the sticky error shows here too, as in CUDA.
  const npuError_t afterLaunch = npuGetLastError();
  EXPECT_TRUE(afterLaunch == npuSuccess || afterLaunch == npuErrorAssert) << afterLaunch;
  EXPECT_EQ(npuDeviceSynchronize(), npuErrorAssert);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("Assertion `static_cast<int>(threadIdx.x) < limit` failed."),
            std::string::npos);
  npuDeviceReset();
}

} // namespace

namespace {

__global__ void recordThread(std::thread::id *ranOn, int *order, int *next) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    *ranOn = std::this_thread::get_id();
    *order = (*next)++;
  });
}

// Waits until the host sets *flag after the launch returned: only a launch that leaves the
// kernel to the stream's thread can finish it.
__global__ void waitForHost(const std::atomic<int> *flag, int *seen) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    while (flag->load() == 0)
      std::this_thread::yield();
    *seen = 1;
  });
}

} // namespace

TEST(Launch, SmallNeverWaitingGridOnAnIdleStreamRunsOnTheLaunchingThread) {
  std::thread::id ranOn;
  int order = -1, next = 0;
  ASSERT_EQ(::npu::launch(::npu::never_waits, "recordThread", recordThread, 1, 1, 0, nullptr,
                          &ranOn, &order, &next),
            npuSuccess);
  // Already done when the launch returns: it ran here, in the stream's order.
  EXPECT_EQ(ranOn, std::this_thread::get_id());
  EXPECT_EQ(order, 0);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
}

TEST(Launch, NeverWaitingGridBehindPendingWorkKeepsTheStreamOrder) {
  npuStream_t stream = nullptr;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  std::atomic<int> flag{0};
  int seen = 0, order = -1, next = 0;
  std::thread::id ranOn;
  // The stream is busy with a kernel that waits for the host: the tagged launch behind it must
  // not run here (it would run first, or deadlock), but after it, on the stream.
  ASSERT_EQ(::npu::launch("waitForHost", waitForHost, 1, 1, 0, stream, &flag, &seen), npuSuccess);
  ASSERT_EQ(::npu::launch(::npu::never_waits, "recordThread", recordThread, 1, 1, 0, stream, &ranOn,
                          &order, &next),
            npuSuccess);
  EXPECT_EQ(npuStreamQuery(stream), npuErrorNotReady);
  flag.store(1);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(order, 0);
  EXPECT_NE(ranOn, std::this_thread::get_id());
  ASSERT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST(Launch, PlainLaunchOfASmallGridStaysAsynchronous) {
  std::atomic<int> flag{0};
  int seen = 0;
  ASSERT_EQ(::npu::launch("waitForHost", waitForHost, 1, 1, 0, nullptr, &flag, &seen), npuSuccess);
  flag.store(1); // the kernel can finish only because this runs while it waits
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(seen, 1);
}

namespace {

// Counts the thread bodies each block runs (a test of the loop's contract; translated code with
// such an effect never gets fewer than ThreadDims::XYZ). Blocks run concurrently: each counts in
// its own slot.
__global__ void countBodies(int *bodies, unsigned *maxY) {
  ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>(
      [&](NPU_THREAD_PARAMS) {
        ++bodies[blockIdx.x];
        maxY[blockIdx.x] = std::max(maxY[blockIdx.x], threadIdx.y);
      });
}

constexpr int kCountedBlocks = 3;

} // namespace

TEST(Launch, ThreadDimsXRunsOneThreadPerColumnOfTheBlock) {
  int bodies[kCountedBlocks] = {};
  unsigned maxY[kCountedBlocks] = {};
  ASSERT_EQ(::npu::launch("countBodies", countBodies, kCountedBlocks, dim3(32, 8), 0, nullptr,
                          bodies, maxY),
            npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  for (int b = 0; b < kCountedBlocks; ++b) {
    EXPECT_EQ(bodies[b], 32);
    EXPECT_EQ(maxY[b], 0u);
  }
}

TEST(Launch, ThreadDimsRunsOneDuplicateWhileOperationsAreCounted) {
  int bodies[kCountedBlocks] = {};
  unsigned maxY[kCountedBlocks] = {};
  npu::detail::costCounting = true; // as a modelled device sets it: it prices every thread
  ASSERT_EQ(::npu::launch("countBodies", countBodies, kCountedBlocks, dim3(32, 8), 0, nullptr,
                          bodies, maxY),
            npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  npu::detail::costCounting = false;
  for (int b = 0; b < kCountedBlocks; ++b) { // the same duplicates as on the cpu backend
    EXPECT_EQ(bodies[b], 32);
    EXPECT_EQ(maxY[b], 0u);
  }
}

// What one duplicate counts is counted for all of them.
TEST(Launch, RepeatedCountsMultipliesWhatItsScopeCounted) {
  npu::detail::costTally = npu::detail::CostTally{};
  npu::detail::costTally.intOps = 5;
  {
    npu::detail::RepeatedCounts repeat(true, 8);
    npu::detail::costTally.intOps += 3;
    npu::detail::costTally.gread += 4;
  }
  EXPECT_EQ(npu::detail::costTally.intOps, 5u + 3u * 8u);
  EXPECT_EQ(npu::detail::costTally.gread, 32u);
  {
    npu::detail::RepeatedCounts notCounting(false, 8);
    npu::detail::costTally.fp32 += 2;
  }
  EXPECT_EQ(npu::detail::costTally.fp32, 2u);
  npu::detail::costTally = npu::detail::CostTally{};
}
