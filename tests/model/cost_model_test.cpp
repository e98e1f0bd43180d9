// Each term of the kernel, copy and fill model, worked out by hand on the toy device
// (ModelTestSupport.h): per core 1 Gop/s fp32, 2 fp16, 0.5 int, 0.125 sfu; efficiencies 0.5;
// 8 fp32 lanes; GM port 2 GB/s per core; HBM 8 GB/s x 0.5; L2 64 KiB at 16 GB/s; launch 1 us.
#include <gtest/gtest.h>

#include <string>

#include "ModelTestSupport.h"

namespace model_test {
namespace {

using npu::backends::ascend::estimateCopySeconds;
using npu::backends::ascend::estimateFillSeconds;
using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::KernelEstimate;
using npu::backends::ascend::ModelAssumptions;

constexpr double us = 1e-6;
constexpr double tolerance = 1e-12; // seconds; the model is exact arithmetic on these numbers

KernelEstimate fourBlocksOfEight(const DeviceModel &device, const CostTally &perThread) {
  return estimateKernel(device, uniformLaunch(device, dim3(4), dim3(8), perThread));
}

TEST(CostModel, Fp32OpsRunAtThePerCoreRateDividedByComputeEfficiency) {
  CostTally perThread;
  perThread.fp32 = 1000;
  const KernelEstimate estimate = fourBlocksOfEight(toyDevice(), perThread);
  // 8 threads x 1000 ops on each core at 1 Gop/s, / 0.5.
  EXPECT_NEAR(estimate.computeSeconds, 16 * us, tolerance);
  EXPECT_NEAR(estimate.seconds, 17 * us, tolerance);
  EXPECT_NEAR(estimate.launchSeconds, 1 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "compute");
  EXPECT_EQ(estimate.flops, 32000);
  EXPECT_EQ(estimate.coresUsed, 4);
  // 32,000 ops at the 4 Gop/s device peak is 8 us of the 17 us.
  EXPECT_NEAR(estimate.achievedFractionOfPeak, 8.0 / 17.0, 1e-12);
  EXPECT_FALSE(estimate.estimatedWithoutCounters);
}

TEST(CostModel, EachOperationClassRunsAtItsRate) {
  const DeviceModel device = toyDevice();
  CostTally fp16, fp64, intOps, warpOps, sfu;
  fp16.fp16 = 1000;      // 8,000 per core at 2 Gop/s = 4 us
  fp64.fp64 = 100;       // x10 emulation = 8,000 fp32 = 8 us
  intOps.intOps = 500;   // 4,000 at 0.5 Gop/s = 8 us
  warpOps.warpOps = 500; // shuffles and votes cost as integer ops
  sfu.sfu = 125;         // 1,000 at 0.125 Gop/s = 8 us
  EXPECT_NEAR(fourBlocksOfEight(device, fp16).computeSeconds, 8 * us, tolerance);
  EXPECT_NEAR(fourBlocksOfEight(device, fp64).computeSeconds, 16 * us, tolerance);
  EXPECT_NEAR(fourBlocksOfEight(device, intOps).computeSeconds, 16 * us, tolerance);
  EXPECT_NEAR(fourBlocksOfEight(device, warpOps).computeSeconds, 16 * us, tolerance);
  EXPECT_NEAR(fourBlocksOfEight(device, sfu).computeSeconds, 16 * us, tolerance);
  // Classes add up on a core.
  CostTally mixed;
  mixed.fp32 = 1000;
  mixed.fp16 = 1000;
  EXPECT_NEAR(fourBlocksOfEight(device, mixed).computeSeconds, 24 * us, tolerance);
}

TEST(CostModel, ThreadsAreRoundedUpToWholeVectorsWithoutSimt) {
  const DeviceModel device = toyDevice(); // 8 lanes
  CostTally perThread;
  perThread.fp32 = 1000;
  // 5 threads occupy one 8-lane vector: as slow as 8 threads.
  EXPECT_NEAR(
      estimateKernel(device, uniformLaunch(device, dim3(4), dim3(5), perThread)).computeSeconds,
      16 * us, tolerance);
  // 9 threads take two vectors.
  EXPECT_NEAR(
      estimateKernel(device, uniformLaunch(device, dim3(4), dim3(9), perThread)).computeSeconds,
      32 * us, tolerance);
  // The block's shape does not matter, only its thread count.
  EXPECT_NEAR(estimateKernel(device, uniformLaunch(device, dim3(4), dim3(2, 2, 2), perThread))
                  .computeSeconds,
              16 * us, tolerance);
}

TEST(CostModel, ThreadsAreRoundedUpToWarpsAndWarpSchedulersWithSimt) {
  const DeviceModel device = toySimtDevice(); // warps of 4, 2 schedulers
  CostTally perThread;
  perThread.fp32 = 1000;
  const auto computeWith = [&](unsigned threads) {
    return estimateKernel(device, uniformLaunch(device, dim3(4), dim3(threads), perThread))
        .computeSeconds;
  };
  EXPECT_NEAR(computeWith(4), 16 * us, tolerance);  // 1 warp leaves a scheduler idle: 8 slots
  EXPECT_NEAR(computeWith(8), 16 * us, tolerance);  // 2 warps fill both
  EXPECT_NEAR(computeWith(10), 24 * us, tolerance); // 3 warps = 12 slots
  EXPECT_NEAR(computeWith(12), 24 * us, tolerance);
}

TEST(CostModel, AtomicsCostTheirCyclesWithoutEfficiencyDerating) {
  CostTally perThread;
  perThread.atomics = 1;
  const KernelEstimate estimate = fourBlocksOfEight(toyDevice(), perThread);
  // 8 atomics per core x 100 cycles at 1 GHz.
  EXPECT_NEAR(estimate.computeSeconds, 0.8 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "latency"); // below the 1 us launch
}

TEST(CostModel, ABarrierCountedByEveryThreadCostsItsCoreOnce) {
  CostTally perThread;
  perThread.barriers = 4;
  const KernelEstimate estimate = fourBlocksOfEight(toyDevice(), perThread);
  // 32 counted per core / 8 threads = 4 barriers x 50 cycles.
  EXPECT_NEAR(estimate.computeSeconds, 0.2 * us, tolerance);
}

TEST(CostModel, SharedMemoryTrafficRunsAtTheUnifiedBufferRate) {
  CostTally perThread;
  perThread.shared = 2000;
  // 16,000 bytes per core at 16 B/cycle x 1 GHz.
  EXPECT_NEAR(fourBlocksOfEight(toyDevice(), perThread).computeSeconds, 1 * us, tolerance);
}

TEST(CostModel, ACoreCannotMoveMoreThanItsPortAllows) {
  const DeviceModel device = toyDevice();
  CostTally perThread;
  perThread.gread = 300;
  perThread.gwrite = 200;
  // One block on one core: 4,000 bytes through a 2 GB/s port (2 us) beats HBM's 1 us.
  const KernelEstimate estimate =
      estimateKernel(device, uniformLaunch(device, dim3(1), dim3(8), perThread));
  EXPECT_NEAR(estimate.memorySeconds, 2 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "memory");
  EXPECT_EQ(estimate.bytes, 4000);
  EXPECT_EQ(estimate.coresUsed, 1);
}

TEST(CostModel, AllCoresTogetherCannotMoveMoreThanHbmAtItsEfficiency) {
  CostTally perThread;
  perThread.gread = 300;
  perThread.gwrite = 200;
  // 16,000 bytes at 8 GB/s x 0.5 = 4 us; each port needs only 2 us.
  const KernelEstimate estimate = fourBlocksOfEight(toyDevice(), perThread);
  EXPECT_NEAR(estimate.memorySeconds, 4 * us, tolerance);
  EXPECT_NEAR(estimate.seconds, 5 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "memory");
  // 16,000 bytes at the 8 GB/s peak is 2 us of 5 us.
  EXPECT_NEAR(estimate.achievedFractionOfPeak, 0.4, 1e-12);
}

TEST(CostModel, AFootprintThatFitsInL2ReadsHbmOnceAndL2ForTheRest) {
  const DeviceModel device = toyDevice();
  CostTally perThread;
  perThread.gread = 2000; // 64,000 bytes in all, 16,000 per core
  auto launch = uniformLaunch(device, dim3(4), dim3(8), perThread);
  // Footprint unknown: HBM serves all 64,000 bytes at 4 GB/s = 16 us (ports: 8 us).
  EXPECT_NEAR(estimateKernel(device, launch).memorySeconds, 16 * us, tolerance);
  // A 4,000-byte footprint fits in L2: HBM 4,000 bytes = 1 us, L2 64,000 bytes at 16 GB/s =
  // 4 us; the ports' 8 us bind.
  launch.footprintBytes = 4000;
  EXPECT_NEAR(estimateKernel(device, launch).memorySeconds, 8 * us, tolerance);
  // A footprint larger than L2: back to HBM for everything.
  launch.footprintBytes = 100000;
  EXPECT_NEAR(estimateKernel(device, launch).memorySeconds, 16 * us, tolerance);
}

TEST(CostModel, L2BandwidthBindsWhenHbmAndThePortsDoNot) {
  DeviceModel device = toyDevice();
  device.coreMemoryBytesPerCycle = tagged(1000, "test"); // ports out of the way
  CostTally perThread;
  perThread.gread = 2000;
  auto launch = uniformLaunch(device, dim3(4), dim3(8), perThread);
  launch.footprintBytes = 4000;
  // L2: 64,000 bytes at 16 GB/s = 4 us; HBM: 1 us.
  EXPECT_NEAR(estimateKernel(device, launch).memorySeconds, 4 * us, tolerance);
}

TEST(CostModel, ComputeAndMemoryOverlapTheSlowerOneCounts) {
  CostTally perThread;
  perThread.fp32 = 1000; // 16 us
  perThread.gread = 500; // 4 us
  const KernelEstimate estimate = fourBlocksOfEight(toyDevice(), perThread);
  EXPECT_NEAR(estimate.seconds, 17 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "compute");
}

TEST(CostModel, ATinyKernelIsLatencyBound) {
  const DeviceModel device = toyDevice();
  CostTally perThread;
  perThread.fp32 = 10;
  const KernelEstimate estimate =
      estimateKernel(device, uniformLaunch(device, dim3(1), dim3(1), perThread));
  // 10 ops x 8 lanes of padding / 0.5 = 160 ns, under the 1 us launch.
  EXPECT_NEAR(estimate.computeSeconds, 0.16 * us, tolerance);
  EXPECT_NEAR(estimate.seconds, 1.16 * us, tolerance);
  EXPECT_STREQ(estimate.bound, "latency");
  EXPECT_NEAR(estimate.latencySeconds, estimate.launchSeconds, 0);
}

TEST(CostModel, AnEmptyGridCostsTheLaunch) {
  const DeviceModel device = toyDevice();
  LaunchProfile launch;
  launch.grid = dim3(0);
  launch.counted = true;
  const KernelEstimate estimate = estimateKernel(device, launch);
  EXPECT_NEAR(estimate.seconds, 1 * us, tolerance);
  EXPECT_EQ(estimate.coresUsed, 0);
  EXPECT_STREQ(estimate.bound, "latency");
}

TEST(CostModel, TheBusiestCoreSetsTheTime) {
  const DeviceModel device = toyDevice();
  CostTally perThread;
  perThread.fp32 = 1000;
  // 5 blocks on 4 cores: core 0 runs two.
  const KernelEstimate five =
      estimateKernel(device, uniformLaunch(device, dim3(5), dim3(8), perThread));
  EXPECT_NEAR(five.computeSeconds, 32 * us, tolerance);
  EXPECT_EQ(five.coresUsed, 4);
  // 2 blocks use 2 cores and take as long as 4.
  const KernelEstimate two =
      estimateKernel(device, uniformLaunch(device, dim3(2), dim3(8), perThread));
  EXPECT_NEAR(two.computeSeconds, 16 * us, tolerance);
  EXPECT_EQ(two.coresUsed, 2);
}

TEST(CostModel, UnevenBinsFromTheEngineAreUsedAsGiven) {
  const DeviceModel device = toyDevice();
  LaunchProfile launch;
  launch.grid = dim3(4);
  launch.block = dim3(8);
  launch.counted = true;
  launch.perCore.resize(4);
  launch.perCore[2].fp32 = 24000; // one heavy block: 24 us / 0.5
  launch.perCore[0].fp32 = 8000;
  launch.total.fp32 = 32000;
  EXPECT_NEAR(estimateKernel(device, launch).computeSeconds, 48 * us, tolerance);
}

TEST(CostModel, MoreBinsThanCoresAreFoldedOntoTheCores) {
  const DeviceModel device = toyDevice();
  LaunchProfile launch;
  launch.grid = dim3(8);
  launch.block = dim3(8);
  launch.counted = true;
  launch.perCore.resize(8);
  for (auto &bin : launch.perCore)
    bin.fp32 = 8000;
  launch.total.fp32 = 64000;
  const KernelEstimate estimate = estimateKernel(device, launch);
  EXPECT_NEAR(estimate.computeSeconds, 32 * us, tolerance); // bins i and i + 4 share a core
  EXPECT_EQ(estimate.coresUsed, 4);
}

TEST(CostModel, ACountedLaunchWithoutBinsIsDealtEvenly) {
  const DeviceModel device = toyDevice();
  CostTally perThread;
  perThread.fp32 = 1000;
  perThread.gread = 64;
  LaunchProfile binned = uniformLaunch(device, dim3(6), dim3(8), perThread);
  LaunchProfile unbinned = binned;
  unbinned.perCore.clear();
  EXPECT_NEAR(estimateKernel(device, unbinned).seconds, estimateKernel(device, binned).seconds,
              tolerance);
}

TEST(CostModel, AnUncountedKernelUsesThePerThreadDefaultsAndSaysSo) {
  const DeviceModel device = toyDevice();
  const ModelAssumptions assumptions;
  LaunchProfile uncounted;
  uncounted.kernel = "not_translated";
  uncounted.grid = dim3(1000);
  uncounted.block = dim3(256);
  const KernelEstimate estimate = estimateKernel(device, uncounted, assumptions);
  EXPECT_TRUE(estimate.estimatedWithoutCounters);

  CostTally perThread;
  perThread.fp32 = std::uint64_t(assumptions.uncountedFp32OpsPerThread);
  perThread.gread = std::uint64_t(assumptions.uncountedGlobalBytesPerThread / 2);
  perThread.gwrite = std::uint64_t(assumptions.uncountedGlobalBytesPerThread / 2);
  const KernelEstimate same =
      estimateKernel(device, uniformLaunch(device, dim3(1000), dim3(256), perThread));
  EXPECT_NEAR(estimate.seconds, same.seconds, 1e-15);
  EXPECT_EQ(estimate.flops, same.flops);
  EXPECT_EQ(estimate.bytes, same.bytes);
  EXPECT_FALSE(same.estimatedWithoutCounters);
}

TEST(CostModel, AZeroRateInTheModelRemovesItsTermInsteadOfMakingTimeInfinite) {
  DeviceModel device = toyDevice();
  device.sharedBytesPerCycle.value = 0;
  CostTally perThread;
  perThread.shared = 2000;
  EXPECT_EQ(fourBlocksOfEight(device, perThread).computeSeconds, 0);
}

TEST(CopyModel, HostLinkCopiesPayLatencyPlusBytesOverBandwidth) {
  const DeviceModel device = toyDevice(); // 1 GB/s, 10 us
  EXPECT_NEAR(estimateCopySeconds(device, 1000000, npuMemcpyHostToDevice), 1010 * us, 1e-12);
  EXPECT_NEAR(estimateCopySeconds(device, 1000000, npuMemcpyDeviceToHost), 1010 * us, 1e-12);
  // Unresolved direction: modeled as the host link (never flattered).
  EXPECT_NEAR(estimateCopySeconds(device, 1000000, npuMemcpyDefault), 1010 * us, 1e-12);
}

TEST(CopyModel, DeviceCopiesReadAndWriteHbmAfterATaskLaunch) {
  const DeviceModel device = toyDevice();
  // 2 x 1 MB at 8 GB/s x 0.5 = 500 us, plus the 1 us launch.
  EXPECT_NEAR(estimateCopySeconds(device, 1000000, npuMemcpyDeviceToDevice), 501 * us, 1e-12);
}

TEST(CopyModel, HostCopiesRunAtTheAssumedHostMemcpyBandwidth) {
  ModelAssumptions assumptions;
  assumptions.hostMemcpyBandwidth = 5e9;
  EXPECT_NEAR(estimateCopySeconds(toyDevice(), 1000000, npuMemcpyHostToHost, assumptions), 200 * us,
              1e-12);
}

TEST(CopyModel, FillsWriteHbmOnceAfterATaskLaunch) {
  EXPECT_NEAR(estimateFillSeconds(toyDevice(), 1000000), 251 * us, 1e-12);
}

TEST(CopyModel, NothingToMoveTakesNoTime) {
  const DeviceModel device = toyDevice();
  for (npuMemcpyKind kind : {npuMemcpyHostToHost, npuMemcpyHostToDevice, npuMemcpyDeviceToHost,
                             npuMemcpyDeviceToDevice, npuMemcpyDefault})
    EXPECT_EQ(estimateCopySeconds(device, 0, kind), 0);
  EXPECT_EQ(estimateFillSeconds(device, 0), 0);
}

} // namespace
} // namespace model_test
