// The assumed values (catalog source "assumed"): which of them an estimate rests on, and the
// NPURT_ASCEND_ASSUME knob that replaces them (AssumedValues.h; docs/ascend-model.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "ModelTestSupport.h"
#include "backends/ascend/AssumedValues.h"

namespace model_test {
namespace {

using npu::backends::ascend::assumedFieldNames;
using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::KernelEstimate;
using npu::backends::ascend::withAssumedValues;

bool lists(const KernelEstimate &estimate, const std::string &name) {
  return std::any_of(estimate.assumedValues.begin(), estimate.assumedValues.end(),
                     [&](const char *listed) { return name == listed; });
}

// The toy device with its special-function rate, UB rate and barrier cost marked assumed.
DeviceModel toyWithAssumptions() {
  DeviceModel device = toyDevice();
  device.vectorSfuOps.source = "assumed";
  device.sharedBytesPerCycle.source = "assumed";
  device.barrierCycles.source = "assumed";
  device.l2Bandwidth.source = "assumed";
  return device;
}

TEST(AssumedValues, AComputeBoundKernelListsTheAssumedRatesOfTheClassesItUses) {
  const DeviceModel device = toyWithAssumptions();
  CostTally perThread;
  perThread.sfu = 100;
  perThread.shared = 64;
  perThread.fp32 = 10;
  const KernelEstimate estimate =
      estimateKernel(device, uniformLaunch(device, dim3(4), dim3(8), perThread));
  ASSERT_STREQ(estimate.bound, "compute");
  EXPECT_TRUE(lists(estimate, "vectorSfuOps"));
  EXPECT_TRUE(lists(estimate, "sharedBytesPerCycle"));
  EXPECT_FALSE(lists(estimate, "barrierCycles")) << "no barriers were counted";
  EXPECT_FALSE(lists(estimate, "l2Bandwidth")) << "memory does not set the time";
  EXPECT_FALSE(lists(estimate, "vectorFp32Flops")) << "sourced, not assumed";
}

TEST(AssumedValues, AMemoryBoundKernelListsOnlyTheBindingMemoryTerm) {
  DeviceModel device = toyWithAssumptions();
  device.l2Bandwidth.value = 1e9; // slower than HBM x efficiency (4 GB/s): L2 binds
  CostTally perThread;
  perThread.sfu = 1;
  perThread.gread = 4096;
  const KernelEstimate estimate =
      estimateKernel(device, uniformLaunch(device, dim3(4), dim3(8), perThread));
  ASSERT_STREQ(estimate.bound, "memory");
  EXPECT_TRUE(lists(estimate, "l2Bandwidth"));
  EXPECT_FALSE(lists(estimate, "vectorSfuOps")) << "compute does not set the time";
}

TEST(AssumedValues, TheCatalogMarksTheUnsourcedRatesAssumed) {
  // No public source gives these on any model (docs/ascend-model.md, "Assumed values"); the
  // integer and special-function rates have one for 910B/910C (CANN's PTO cost model) only.
  for (const char *id : {"910B1", "910B2", "910B3", "910B4", "910C", "950PR", "950DT"}) {
    const DeviceModel &device = catalogDevice(id);
    const std::string names = assumedFieldNames(device);
    for (const char *name :
         {"fp64EmulationFactor", "atomicCycles", "barrierCycles", "sharedBytesPerCycle"})
      EXPECT_NE(names.find(name), std::string::npos) << id << ": " << name;
    const bool sourcedRates = device.generation != "950";
    for (const char *name : {"vectorIntOps", "vectorSfuOps"})
      EXPECT_EQ(names.find(name) == std::string::npos, sourcedRates) << id << ": " << name;
    if (sourcedRates) {
      EXPECT_EQ(device.vectorSfuOps.source, "PTO") << id;
      EXPECT_EQ(device.vectorSfuOps.value, device.vectorFp32Flops.value) << id;
      EXPECT_EQ(device.vectorIntOps.value, device.vectorFp32Flops.value) << id;
    }
  }
}

TEST(AssumedValues, TheKnobReplacesAssumedValuesAndTheEstimateFollows) {
  const DeviceModel &device = catalogDevice("950DT");
  std::string error;
  const auto doubled = withAssumedValues(
      device, "vectorSfuOps=" + std::to_string(2 * device.vectorSfuOps.value) + ",atomicCycles=32",
      error);
  ASSERT_TRUE(doubled) << error;
  EXPECT_EQ(doubled->vectorSfuOps.value, 2 * device.vectorSfuOps.value);
  EXPECT_EQ(doubled->atomicCycles.value, 32);
  EXPECT_EQ(doubled->vectorSfuOps.source, "assumed");
  EXPECT_NE(doubled->vectorSfuOps.note.find("NPURT_ASCEND_ASSUME"), std::string::npos);
  // An sfu-bound kernel takes half the time (launch overhead aside).
  CostTally perThread;
  perThread.sfu = 1000;
  const LaunchProfile launch = uniformLaunch(device, dim3(72), dim3(256), perThread);
  const KernelEstimate before = estimateKernel(device, launch);
  const KernelEstimate after = estimateKernel(*doubled, launch);
  EXPECT_NEAR(after.seconds - after.launchSeconds, (before.seconds - before.launchSeconds) / 2,
              1e-12);
  const auto same = withAssumedValues(device, "", error);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->vectorSfuOps.value, device.vectorSfuOps.value);
}

TEST(AssumedValues, TheKnobRejectsUnknownSourcedAndMalformedSettings) {
  const DeviceModel &device = catalogDevice("910B3");
  std::string error;
  EXPECT_FALSE(withAssumedValues(device, "sfuRate=0.125", error));
  EXPECT_EQ(error, "NPURT_ASCEND_ASSUME: 'sfuRate=0.125' does not set an assumed value of 910B3 "
                   "(name=value, names: " +
                       assumedFieldNames(device) + ")");
  EXPECT_FALSE(withAssumedValues(device, "hbmBandwidth=1e12", error)) << "sourced: not a knob";
  EXPECT_NE(error.find("'hbmBandwidth=1e12' does not set an assumed value"), std::string::npos);
  EXPECT_FALSE(withAssumedValues(device, "vectorSfuOps=1e12", error)) << "sourced on 910B3 [PTO]";
  EXPECT_FALSE(withAssumedValues(device, "sharedBytesPerCycle", error));
  EXPECT_FALSE(withAssumedValues(device, "sharedBytesPerCycle=fast", error));
  EXPECT_EQ(error, "NPURT_ASCEND_ASSUME: 'fast' for sharedBytesPerCycle is not a non-negative "
                   "number (unit B/cycle)");
  EXPECT_FALSE(withAssumedValues(device, "atomicCycles=-1", error));
}

} // namespace
} // namespace model_test
