// The device models the scaling and calibration tests use come from the catalog the backend
// loads (runtime/backends/ascend/catalog/ascend-devices.json): the calibration tests check the
// catalog's numbers, not numbers of their own.
#include <gtest/gtest.h>

#include "ModelTestSupport.h"

namespace model_test {

const DeviceModel &catalogDevice(const std::string &id) {
  std::string error;
  const DeviceModel *device = npu::backends::ascend::findDeviceModel(id, error);
  if (device == nullptr) {
    ADD_FAILURE() << "no device model " << id << ": " << error;
    static const DeviceModel none;
    return none;
  }
  return *device;
}

namespace {

// Every parameter the cost model divides by or scales with, present and in range for every
// catalog model (a zero rate would silently drop its term: CostModel.cpp, secondsAt).
TEST(Catalog, EveryModelCarriesTheParametersTheCostModelReads) {
  const auto &catalog = npu::backends::ascend::deviceCatalog();
  ASSERT_FALSE(catalog.empty());
  for (const auto &[id, device] : catalog) {
    for (const Sourced *positive :
         {&device.vectorCores, &device.clockHz, &device.vectorFp32Flops, &device.vectorFp16Flops,
          &device.vectorIntOps, &device.vectorSfuOps, &device.fp64EmulationFactor,
          &device.hbmBandwidth, &device.coreMemoryBytesPerCycle, &device.vectorLanesFp32,
          &device.hostLinkBandwidth, &device.sharedBytesPerCycle, &device.launchOverhead})
      EXPECT_GT(positive->value, 0) << id;
    for (const Sourced *cycles :
         {&device.hostLinkLatency, &device.atomicCycles, &device.barrierCycles})
      EXPECT_GE(cycles->value, 0) << id;
    for (const Sourced *efficiency : {&device.computeEfficiency, &device.memoryEfficiency}) {
      EXPECT_GT(efficiency->value, 0) << id;
      EXPECT_LE(efficiency->value, 1) << id;
    }
    if (device.hasSimt()) {
      EXPECT_GT(device.simtWarpSchedulers.value, 0) << id;
    }
    // The cores' GM ports together can feed HBM at its efficiency: a streaming kernel on every
    // core is bound by HBM, as the calibration assumes.
    EXPECT_GE(device.vectorCores.value * device.coreMemoryBytesPerCycle.value *
                  device.clockHz.value,
              device.hbmBandwidth.value * device.memoryEfficiency.value)
        << id;
  }
}

} // namespace
} // namespace model_test
