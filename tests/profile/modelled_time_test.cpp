// Run with NPURT_BACKEND=ascend:910B3 (see CMakeLists.txt): what a program times with events is
// the modelled device time. Each expected duration is computed with the cost model itself
// (CostModel.h) from the counters the kernel's NPU_COST statements add, so these tests check the
// plumbing - counters to model to timeline to events - and the timeline's overlap rules, not
// the model's coefficients (tests/model does that).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "backends/ascend/CostModel.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

using npu::backends::ascend::estimateCopySeconds;
using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::findDeviceModel;
using npu::backends::ascend::LaunchProfile;

// Each thread: 64 fp32 operations, 8 bytes read, 4 written.
__global__ void axpyLike(float *y, const float *x, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(fp32(64), gread(8), gwrite(4), intops(3));
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      y[i] = x[i] + y[i];
  });
}

// Each thread reads 256 bytes of global memory (re-reading the same small buffer): memory bound.
__global__ void rereads(float *y, const float *x, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(gread(256), gwrite(4));
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      y[i] = x[i % 64];
  });
}

const npu::backends::ascend::DeviceModel &model() {
  std::string error;
  const auto *device = findDeviceModel("910B3", error);
  EXPECT_NE(device, nullptr) << error;
  return *device;
}

// The model's duration, in ms, of axpyLike over `blocks` blocks of `threads`, on two buffers of
// one float per thread (the footprint the backend finds from the pointer arguments).
double modelledMs(unsigned blocks, unsigned threads) {
  LaunchProfile launch;
  launch.kernel = "axpyLike";
  launch.grid = dim3(blocks);
  launch.block = dim3(threads);
  const auto cores = static_cast<unsigned>(model().vectorCores.value);
  launch.perCore.resize(std::min(blocks, cores));
  npu::detail::CostTally perThread;
  perThread.fp32 = 64, perThread.gread = 8, perThread.gwrite = 4, perThread.intOps = 3;
  for (unsigned b = 0; b < blocks; ++b)
    for (unsigned t = 0; t < threads; ++t) {
      launch.perCore[b % launch.perCore.size()] += perThread;
      launch.total += perThread;
    }
  launch.counted = true;
  launch.footprintBytes = 2.0 * blocks * threads * sizeof(float);
  return estimateKernel(model(), launch).seconds * 1e3;
}

struct Buffers {
  explicit Buffers(int n) : n(n) {
    EXPECT_EQ(npuMalloc(&x, n * sizeof(float)), npuSuccess);
    EXPECT_EQ(npuMalloc(&y, n * sizeof(float)), npuSuccess);
  }
  ~Buffers() {
    npuFree(x);
    npuFree(y);
  }
  int n;
  float *x = nullptr, *y = nullptr;
};

float elapsedMs(npuEvent_t start, npuEvent_t stop) {
  EXPECT_EQ(npuEventSynchronize(stop), npuSuccess);
  float ms = -1;
  EXPECT_EQ(npuEventElapsedTime(&ms, start, stop), npuSuccess);
  return ms;
}

struct Events {
  Events() {
    EXPECT_EQ(npuEventCreate(&start), npuSuccess);
    EXPECT_EQ(npuEventCreate(&stop), npuSuccess);
  }
  ~Events() {
    npuEventDestroy(start);
    npuEventDestroy(stop);
  }
  npuEvent_t start, stop;
};

TEST(ModelledTime, OneKernelBetweenEventsIsTheModelsDuration) {
  Buffers buffers(4096 * 256);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  ::npu::launch("axpyLike", axpyLike, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x, buffers.n);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  EXPECT_NEAR(elapsedMs(events.start, events.stop), modelledMs(4096, 256), 1e-5);
}

TEST(ModelledTime, KernelsInOneStreamAddUp) {
  Buffers buffers(4096 * 256);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  for (int i = 0; i < 3; ++i)
    ::npu::launch("axpyLike", axpyLike, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x,
                  buffers.n);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  EXPECT_NEAR(elapsedMs(events.start, events.stop), 3 * modelledMs(4096, 256), 1e-5);
}

double hostSyncMs() {
  std::string error;
  return findDeviceModel("910B3", error)->hostSyncLatency.value * 1e3;
}

// A launch followed by a synchronize: the host resumes hostSyncLatency after the kernel ends (the
// [ARS] launch-plus-synchronize wall clock), so the next kernel starts that much later; the
// kernels' own (device) durations are unchanged.
TEST(ModelledTime, AHostWaitOnRunningWorkCostsTheHostTheSynchronizeLatency) {
  ASSERT_GT(hostSyncMs(), 0.0);
  Buffers buffers(4096 * 256);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  ::npu::launch("axpyLike", axpyLike, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x, buffers.n);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess); // host time: the kernel's end + the latency
  ::npu::launch("axpyLike", axpyLike, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x, buffers.n);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  EXPECT_NEAR(elapsedMs(events.start, events.stop), 2 * modelledMs(4096, 256) + hostSyncMs(), 1e-5);
}

// Waiting for work that already ended costs nothing: a second synchronize adds no time.
TEST(ModelledTime, AHostWaitOnFinishedWorkAddsNothing) {
  Buffers buffers(4096 * 256);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  ::npu::launch("axpyLike", axpyLike, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x, buffers.n);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(0), npuSuccess);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  EXPECT_NEAR(elapsedMs(events.start, events.stop), modelledMs(4096, 256) + hostSyncMs(), 1e-5);
}

// Two kernels on two non-blocking streams: with 8 blocks each they fit on the 40 vector cores
// together and overlap; with a block per core each, the second waits for the cores.
float twoStreamsMs(unsigned blocksEach) {
  Buffers a(blocksEach * 256), b(blocksEach * 256);
  Events events;
  npuStream_t first, second;
  EXPECT_EQ(npuStreamCreateWithFlags(&first, npuStreamNonBlocking), npuSuccess);
  EXPECT_EQ(npuStreamCreateWithFlags(&second, npuStreamNonBlocking), npuSuccess);
  npuEvent_t secondDone;
  EXPECT_EQ(npuEventCreate(&secondDone), npuSuccess);
  EXPECT_EQ(npuEventRecord(events.start, first), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(second, events.start, 0), npuSuccess);
  ::npu::launch("axpyLike", axpyLike, dim3(blocksEach), dim3(256), 0, first, a.y, a.x, a.n);
  ::npu::launch("axpyLike", axpyLike, dim3(blocksEach), dim3(256), 0, second, b.y, b.x, b.n);
  EXPECT_EQ(npuEventRecord(secondDone, second), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(first, secondDone, 0), npuSuccess);
  EXPECT_EQ(npuEventRecord(events.stop, first), npuSuccess);
  const float ms = elapsedMs(events.start, events.stop);
  EXPECT_EQ(npuEventDestroy(secondDone), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(first), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(second), npuSuccess);
  return ms;
}

TEST(ModelledTime, KernelsOnTwoStreamsOverlapWhenTheyFitOnTheCores) {
  EXPECT_NEAR(twoStreamsMs(8), modelledMs(8, 256), 1e-5);
}

TEST(ModelledTime, KernelsOnTwoStreamsSerializeWhenEachNeedsEveryCore) {
  const unsigned cores = static_cast<unsigned>(model().vectorCores.value);
  EXPECT_NEAR(twoStreamsMs(cores), 2 * modelledMs(cores, 256), 1e-5);
}

// The backend bounds what a kernel touches by the allocations its pointer arguments point into:
// here two small buffers fit in L2, so HBM serves them once and L2 the re-reads.
TEST(ModelledTime, BuffersThatFitInL2AreReadFromHbmOnce) {
  Buffers buffers(4096 * 256);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  ::npu::launch("rereads", rereads, dim3(4096), dim3(256), 0, 0, buffers.y, buffers.x, buffers.n);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  LaunchProfile launch;
  launch.kernel = "rereads";
  launch.grid = dim3(4096);
  launch.block = dim3(256);
  launch.perCore.resize(static_cast<std::size_t>(model().vectorCores.value));
  npu::detail::CostTally perThread;
  perThread.gread = 256, perThread.gwrite = 4;
  for (unsigned b = 0; b < 4096; ++b)
    for (unsigned t = 0; t < 256; ++t) {
      launch.perCore[b % launch.perCore.size()] += perThread;
      launch.total += perThread;
    }
  launch.counted = true;
  const double fromHbm = estimateKernel(model(), launch).seconds * 1e3;
  launch.footprintBytes = 2.0 * buffers.n * sizeof(float);
  const double withL2 = estimateKernel(model(), launch).seconds * 1e3;
  ASSERT_LT(withL2, 0.9 * fromHbm); // the footprint matters for this kernel
  EXPECT_NEAR(elapsedMs(events.start, events.stop), withL2, 1e-5);
}

TEST(ModelledTime, CopiesTakeTheHostLinkTime) {
  const std::size_t bytes = std::size_t(64) << 20;
  std::vector<char> host(bytes, 1);
  void *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, bytes), npuSuccess);
  Events events;
  ASSERT_EQ(npuEventRecord(events.start, 0), npuSuccess);
  ASSERT_EQ(npuMemcpyAsync(device, host.data(), bytes, npuMemcpyHostToDevice, 0), npuSuccess);
  ASSERT_EQ(npuEventRecord(events.stop, 0), npuSuccess);
  const double expected = estimateCopySeconds(model(), bytes, npuMemcpyHostToDevice) * 1e3;
  EXPECT_NEAR(elapsedMs(events.start, events.stop), expected, expected * 1e-6);
  EXPECT_GT(expected, 1.0); // 64 MiB over a PCIe-class link takes milliseconds
  ASSERT_EQ(npuFree(device), npuSuccess);
}

} // namespace
