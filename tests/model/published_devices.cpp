// The device models the calibration and scaling tests use. Until the catalog loader exists,
// they are built here from /work/shared/ascend-device-facts.md (tags as in the catalog).
#include <gtest/gtest.h>

#include <map>

#include "ModelTestSupport.h"

namespace model_test {
namespace {

struct Shape {
  std::string generation;
  double vectorCores, clockHz, vectorFp32Flops, hbmBandwidth, memoryEfficiency, computeEfficiency,
      coreMemoryBytesPerCycle;
  bool simt;
};

DeviceModel build(const std::string &id, const Shape &shape) {
  DeviceModel device;
  device.id = id;
  device.generation = shape.generation;
  device.vectorCores = tagged(shape.vectorCores, "R1");
  device.cubeCores = tagged(shape.vectorCores / 2, "R1");
  device.cubeInt8Ops = tagged(shape.vectorCores / 2 * 16384 * shape.clockHz, "D");
  device.clockHz = tagged(shape.clockHz, "R1");
  device.vectorFp32Flops = tagged(shape.vectorFp32Flops, "D");
  device.vectorFp16Flops = tagged(2 * shape.vectorFp32Flops, "D");
  device.vectorIntOps = tagged(shape.vectorFp32Flops, "assumed");
  device.vectorSfuOps = tagged(shape.vectorFp32Flops / 4, "assumed");
  device.fp64EmulationFactor = tagged(16, "assumed");
  device.hbmBandwidth = tagged(shape.hbmBandwidth, "H");
  device.memoryEfficiency = tagged(shape.memoryEfficiency, "CM");
  device.computeEfficiency = tagged(shape.computeEfficiency, "M1");
  device.coreMemoryBytesPerCycle = tagged(shape.coreMemoryBytesPerCycle, "R1");
  device.vectorLanesFp32 = tagged(shape.simt ? 128.0 : 64.0, "DAC-vec");
  if (shape.simt) {
    device.simtWarpSize = tagged(32, "DAC-351x");
    device.simtWarpSchedulers = tagged(4, "DAC-351x");
  }
  device.hostLinkBandwidth = tagged(shape.simt ? 64e9 : 32e9, "assumed");
  device.hostLinkLatency = tagged(10e-6, "assumed");
  device.launchOverhead = tagged(2e-6, "M1");
  device.atomicCycles = tagged(100, "assumed");
  device.barrierCycles = tagged(50, "assumed");
  device.sharedBytesPerCycle = tagged(256, "assumed");
  return device;
}

std::map<std::string, DeviceModel> publishedDevices() {
  // 910B: 256 B vector repeat = 64 fp32 lanes, x2 for FMA [DAC-vec]; memoryEfficiency from the
  // CM384 die (same silicon) [CM §5.5]; computeEfficiency 0.7 [M1]; 950: 0.9 / 0.8 [M1].
  const auto vec910 = [](double cores, double clock) { return cores * 64 * 2 * clock; };
  return {
      {"910B1",
       build("910B1", {"910B", 48, 1.85e9, vec910(48, 1.85e9), 1.6e12, 0.841, 0.7, 32, false})},
      {"910B2",
       build("910B2", {"910B", 48, 1.8e9, vec910(48, 1.8e9), 1.6e12, 0.841, 0.7, 32, false})},
      {"910B3",
       build("910B3", {"910B", 40, 1.8e9, vec910(40, 1.8e9), 1.6e12, 0.841, 0.7, 32, false})},
      {"910B4",
       build("910B4", {"910B", 40, 1.5e9, vec910(40, 1.5e9), 0.8e12, 0.841, 0.7, 32, false})},
      {"910C",
       build("910C", {"910C", 48, 1.8e9, vec910(48, 1.8e9), 1.6e12, 0.841, 0.7, 32, false})},
      {"950PR", build("950PR", {"950", 64, 1.65e9, 27e12, 1.6e12, 0.8, 0.9, 40, true})},
      {"950DT", build("950DT", {"950", 72, 1.65e9, 30e12, 4e12, 0.8, 0.9, 40, true})},
  };
}

} // namespace

const DeviceModel &catalogDevice(const std::string &id) {
  static const std::map<std::string, DeviceModel> devices = publishedDevices();
  const auto found = devices.find(id);
  if (found == devices.end()) {
    ADD_FAILURE() << "no device model " << id;
    static const DeviceModel none;
    return none;
  }
  return found->second;
}

} // namespace model_test
