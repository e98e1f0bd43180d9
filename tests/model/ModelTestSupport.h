// Shared by the model tests: a toy device with round numbers for hand-computed cases, the
// published device models, and launches built the way the engine bins blocks.
#pragma once

#include <cstdint>
#include <string>

#include "backends/ascend/CostModel.h"
#include "backends/ascend/DeviceModel.h"

namespace model_test {

using npu::backends::ascend::DeviceModel;
using npu::backends::ascend::LaunchProfile;
using npu::backends::ascend::Sourced;
using npu::detail::CostTally;

inline Sourced tagged(double value, const char *source) {
  Sourced sourced;
  sourced.value = value;
  sourced.source = source;
  return sourced;
}

// Round numbers so expected times can be worked out by hand: 4 vector cores at 1 GHz, each
// 1 Gop/s fp32 (8 lanes, no SIMT), 2 B/cycle GM port, 16 B/cycle UB; 8 GB/s HBM at 50%.
inline DeviceModel toyDevice() {
  DeviceModel device;
  device.id = "toy";
  device.generation = "910B";
  device.vectorCores = tagged(4, "test");
  device.cubeCores = tagged(2, "test");
  device.clockHz = tagged(1e9, "test");
  device.vectorFp32Flops = tagged(4e9, "test");
  device.vectorFp16Flops = tagged(8e9, "test");
  device.vectorIntOps = tagged(2e9, "test");
  device.vectorSfuOps = tagged(0.5e9, "test");
  device.fp64EmulationFactor = tagged(10, "test");
  device.hbmBandwidth = tagged(8e9, "test");
  device.l2Bytes = tagged(65536, "test");
  device.l2Bandwidth = tagged(16e9, "test");
  device.coreMemoryBytesPerCycle = tagged(2, "test");
  device.vectorLanesFp32 = tagged(8, "test");
  device.hostLinkBandwidth = tagged(1e9, "test");
  device.hostLinkLatency = tagged(10e-6, "test");
  device.launchOverhead = tagged(1e-6, "test");
  device.computeEfficiency = tagged(0.5, "test");
  device.memoryEfficiency = tagged(0.5, "test");
  device.atomicCycles = tagged(100, "test");
  device.barrierCycles = tagged(50, "test");
  device.sharedBytesPerCycle = tagged(16, "test");
  return device;
}

// The same toy device with SIMT: warps of 4 threads, 2 warp schedulers per core.
inline DeviceModel toySimtDevice() {
  DeviceModel device = toyDevice();
  device.generation = "950";
  device.simtWarpSize = tagged(4, "test");
  device.simtWarpSchedulers = tagged(2, "test");
  return device;
}

// The catalog's model `id` (910B1..910B4, 910C, 950PR, 950DT); fails the test if missing.
// (catalog_devices.cpp)
const DeviceModel &catalogDevice(const std::string &id);

inline CostTally times(const CostTally &perThread, std::uint64_t count) {
  CostTally result;
  result.fp32 = perThread.fp32 * count;
  result.fp16 = perThread.fp16 * count;
  result.fp64 = perThread.fp64 * count;
  result.intOps = perThread.intOps * count;
  result.sfu = perThread.sfu * count;
  result.gread = perThread.gread * count;
  result.gwrite = perThread.gwrite * count;
  result.shared = perThread.shared * count;
  result.atomics = perThread.atomics * count;
  result.barriers = perThread.barriers * count;
  result.warpOps = perThread.warpOps * count;
  return result;
}

// A launch in which every thread did `perThread`, binned as the engine does: block b into
// perCore[b % bins], bins = min(vector cores, blocks).
inline LaunchProfile uniformLaunch(const DeviceModel &device, dim3 grid, dim3 block,
                                   const CostTally &perThread) {
  LaunchProfile launch;
  launch.kernel = "uniform";
  launch.grid = grid;
  launch.block = block;
  launch.counted = true;
  const std::uint64_t blocks = std::uint64_t(grid.x) * grid.y * grid.z;
  const std::uint64_t threadsPerBlock = std::uint64_t(block.x) * block.y * block.z;
  const std::uint64_t bins =
      std::min<std::uint64_t>(std::uint64_t(device.vectorCores.value), blocks);
  launch.total = times(perThread, blocks * threadsPerBlock);
  for (std::uint64_t bin = 0; bin < bins; ++bin) {
    const std::uint64_t blocksInBin = (blocks - 1 - bin) / bins + 1;
    launch.perCore.push_back(times(perThread, blocksInBin * threadsPerBlock));
  }
  return launch;
}

} // namespace model_test
