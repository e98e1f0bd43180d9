// Laws the model must obey on every published device: time linear in problem size, inversely
// proportional to the cores used when compute bound, and never faster than peak.
#include <gtest/gtest.h>

#include <random>

#include "ModelTestSupport.h"

namespace model_test {
namespace {

using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::KernelEstimate;

const char *const kAllDevices[] = {"910B1", "910B2", "910B3", "910B4", "910C", "950PR", "950DT"};

double workSeconds(const KernelEstimate &estimate) {
  return estimate.seconds - estimate.launchSeconds;
}

CostTally fmaLoop() { // compute bound: 256 FMAs per 8 bytes
  CostTally perThread;
  perThread.fp32 = 512;
  perThread.gread = 4;
  perThread.gwrite = 4;
  return perThread;
}

CostTally streamingCopy() { // memory bound: y[i] = x[i]
  CostTally perThread;
  perThread.intOps = 4;
  perThread.gread = 4;
  perThread.gwrite = 4;
  return perThread;
}

TEST(Scaling, TimeIsLinearInProblemSize) {
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    const unsigned cores = unsigned(device.vectorCores.value);
    for (const CostTally &perThread : {fmaLoop(), streamingCopy()}) {
      const KernelEstimate one =
          estimateKernel(device, uniformLaunch(device, dim3(cores * 64), dim3(256), perThread));
      const KernelEstimate two =
          estimateKernel(device, uniformLaunch(device, dim3(cores * 128), dim3(256), perThread));
      const KernelEstimate four =
          estimateKernel(device, uniformLaunch(device, dim3(cores * 256), dim3(256), perThread));
      EXPECT_NEAR(workSeconds(two) / workSeconds(one), 2, 1e-9) << id;
      EXPECT_NEAR(workSeconds(four) / workSeconds(one), 4, 1e-9) << id;
      EXPECT_STREQ(one.bound, two.bound) << id;
    }
  }
}

TEST(Scaling, ComputeBoundTimeIsInverselyProportionalToTheCoresUsed) {
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    const unsigned cores = unsigned(device.vectorCores.value);
    // The same total work as one block per core, or as half as many blocks doing twice as much
    // (enough work per block that the launch overhead is not what binds).
    CostTally heavy = fmaLoop();
    heavy.fp32 = 1 << 16;
    CostTally doubled = heavy;
    doubled.fp32 *= 2;
    const KernelEstimate all =
        estimateKernel(device, uniformLaunch(device, dim3(cores), dim3(256), heavy));
    const KernelEstimate half =
        estimateKernel(device, uniformLaunch(device, dim3(cores / 2), dim3(256), doubled));
    ASSERT_STREQ(all.bound, "compute") << id;
    EXPECT_EQ(half.coresUsed * 2, all.coresUsed) << id;
    EXPECT_NEAR(workSeconds(half) / workSeconds(all), 2, 1e-9) << id;
  }
}

TEST(Scaling, ASkuWithHalfTheCoresAndHalfThePeakTakesTwiceAsLong) {
  for (const char *id : kAllDevices) {
    const DeviceModel &full = catalogDevice(id);
    DeviceModel halved = full;
    halved.vectorCores.value /= 2;
    for (Sourced *peak : {&halved.vectorFp32Flops, &halved.vectorFp16Flops, &halved.vectorIntOps,
                          &halved.vectorSfuOps})
      peak->value /= 2;
    const unsigned cores = unsigned(full.vectorCores.value);
    const KernelEstimate onFull =
        estimateKernel(full, uniformLaunch(full, dim3(cores * 8), dim3(256), fmaLoop()));
    const KernelEstimate onHalved =
        estimateKernel(halved, uniformLaunch(halved, dim3(cores * 8), dim3(256), fmaLoop()));
    EXPECT_NEAR(workSeconds(onHalved) / workSeconds(onFull), 2, 1e-9) << id;
  }
}

// Arithmetic of the whole launch at the device's peak rates (no padding, no efficiency).
double arithmeticSecondsAtPeak(const DeviceModel &device, const KernelEstimate &,
                               const CostTally &total) {
  return (double(total.fp32) + double(total.fp64) * device.fp64EmulationFactor.value) /
             device.vectorFp32Flops.value +
         double(total.fp16) / device.vectorFp16Flops.value +
         double(total.intOps + total.warpOps) / device.vectorIntOps.value +
         double(total.sfu) / device.vectorSfuOps.value;
}

TEST(Scaling, NoKernelExceedsPeakComputeOrBandwidth) {
  std::mt19937_64 random(20240611);
  const auto upTo = [&](std::uint64_t limit) {
    return std::uniform_int_distribution<std::uint64_t>(0, limit)(random);
  };
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    for (int sample = 0; sample < 2000; ++sample) {
      CostTally perThread;
      perThread.fp32 = upTo(4096);
      perThread.fp16 = upTo(1024);
      perThread.fp64 = upTo(16);
      perThread.intOps = upTo(512);
      perThread.sfu = upTo(64);
      perThread.gread = upTo(256);
      perThread.gwrite = upTo(64);
      perThread.shared = upTo(256);
      perThread.atomics = upTo(2);
      perThread.barriers = upTo(4);
      perThread.warpOps = upTo(8);
      const dim3 grid(unsigned(1 + upTo(4096)), unsigned(1 + upTo(3)));
      const dim3 block(unsigned(1 + upTo(1023)));
      const LaunchProfile launch = uniformLaunch(device, grid, block, perThread);
      const KernelEstimate estimate = estimateKernel(device, launch);
      EXPECT_LE(estimate.achievedFractionOfPeak, 1.0) << id;
      EXPECT_LE(arithmeticSecondsAtPeak(device, estimate, launch.total) / estimate.seconds,
                device.computeEfficiency.value * (1 + 1e-12))
          << id << " sample " << sample;
      EXPECT_LE(estimate.bytes / estimate.seconds,
                device.hbmBandwidth.value * device.memoryEfficiency.value * (1 + 1e-12))
          << id << " sample " << sample;
    }
  }
}

} // namespace
} // namespace model_test
