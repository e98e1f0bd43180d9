// One modeled Ascend device: the parameters the ascend backend and its cost model read, loaded
// from the device catalog (runtime/backends/ascend/catalog/ascend-devices.json; one entry per
// model, every value with the source tag of ../shared/ascend-device-facts.md or "assumed").
// Units are SI (bytes, bytes/s, Hz, ops/s, seconds) so the equations in docs/ascend-model.md
// read directly.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace npu::backends::ascend {

// Where a catalog value comes from: a tag of the facts file ("R1", "M1", "W950", "CM", "D" for
// derived, ...) or "assumed" for a documented default where the sources give nothing.
struct Sourced {
  double value = 0;
  std::string source;
  std::string note; // the arithmetic behind a "D" value, the reasoning behind an "assumed" one
  std::string
      unit; // as the catalog states it ("B/s", "s", ...); the loader checks it is the field's
  // For byte quantities, the figure as published with its prefix, decimal (kB, MB, GB, TB) or
  // binary (KiB, MiB, GiB, TiB): "1.6 TB/s", "64 GiB". The loader checks it equals `value`.
  std::string published;
};

struct DeviceModel {
  std::string id;          // as written after "ascend:" in NPURT_BACKEND, e.g. "910B3"
  std::string displayName; // npuDeviceProp::name, e.g. "Ascend 910B3 (modeled)"
  std::string generation;  // "910B", "910C", "950"

  // Cores and clocks.
  Sourced cubeCores;   // AI Cube cores (AIC)
  Sourced vectorCores; // AI Vector cores (AIV): where CUDA blocks run
  Sourced clockHz;     // AI core clock

  // Peak throughput of the whole device, ops/s (an FMA counts 2).
  Sourced cubeBf16Flops;
  Sourced cubeFp16Flops;
  Sourced cubeFp32Flops; // TF32/HF32 on 950
  Sourced cubeInt8Ops;
  Sourced vectorFp16Flops;
  Sourced vectorFp32Flops;
  Sourced vectorIntOps;        // integer ops on the vector units
  Sourced vectorSfuOps;        // special functions (sqrt, exp, ...) on the vector units
  Sourced fp64EmulationFactor; // fp32 operations one emulated fp64 operation costs (no FP64 units)

  // Memory.
  Sourced hbmBytes;
  Sourced hbmBandwidth; // bytes/s
  Sourced l2Bytes;
  Sourced l2Bandwidth;             // bytes/s, whole device
  Sourced coreMemoryBytesPerCycle; // per-core GM port rate (CANN config ddr_rate)
  Sourced unifiedBufferBytes;      // UB per vector core: the ceiling for shared memory per block
  Sourced l1Bytes, l0aBytes, l0bBytes, l0cBytes; // per cube core
  Sourced allocationAlignment;                   // 32 B (AscendCL aclrtMalloc)
  Sourced allocationPadding;                     // 32 B

  // SIMT (950 only; 0 on 910B/910C, which run a block as a vectorised thread loop).
  Sourced simtWarpSize;       // 32 on 950
  Sourced simtWarpSchedulers; // per vector core
  Sourced simtMaxThreadsPerBlock;
  Sourced vectorLanesFp32;    // fp32 lanes per vector core per cycle (256 B repeat = 64)
  Sourced maxBlocksPerLaunch; // 65,535

  // Links.
  Sourced hostLinkBandwidth; // bytes/s per direction
  Sourced hostLinkLatency;   // s
  Sourced chipLinkBandwidth; // bytes/s per direction
  Sourced chipLinkLatency;   // s

  // Launch and efficiency parameters of the model (named, documented, "H" or "assumed").
  Sourced launchOverhead;      // s per kernel launch, on the device
  Sourced hostSyncLatency;     // s a host synchronize adds after the device work it waited for
  Sourced computeEfficiency;   // achieved / peak for compute-bound code
  Sourced cubeEfficiency;      // achieved / cube peak for a library GEMM
  Sourced memoryEfficiency;    // achieved / peak HBM bandwidth for streaming code
  Sourced atomicCycles;        // cycles one atomic costs its core
  Sourced barrierCycles;       // cycles one block-level barrier costs its core
  Sourced sharedBytesPerCycle; // UB bytes per cycle per vector core

  bool hasSimt() const { return simtWarpSize.value > 0; }
};

// The catalog: every model by id. The JSON file is compiled into the library (no file to find
// at run time); NPURT_ASCEND_CATALOG=path replaces it with another file of the same schema.
const std::map<std::string, DeviceModel> &deviceCatalog();
// The model named `id`, or nullptr (error says why, and lists the ids).
const DeviceModel *findDeviceModel(const std::string &id, std::string &error);

} // namespace npu::backends::ascend
