// The ascend backend's performance model: turns what a kernel launch did (operation counters
// summed per vector core) into a modeled device duration, and copies and fills into modeled
// transfer times. A documented roofline: every coefficient is a named DeviceModel parameter (or,
// where the catalog has none, a named ModelAssumptions field). Pure functions of their inputs;
// docs/ascend-model.md has the equations with their sources.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "backends/ascend/DeviceModel.h"
#include "core/Backend.h"
#include "npurt/detail/dim3.h"
#include "npurt/device/cost.h"
#include "npurt/runtime.h"

namespace npu::backends::ascend {

// What one kernel launch did.
struct LaunchProfile {
  std::string kernel;
  dim3 grid, block;
  std::size_t dynamicSharedBytes = 0;
  // Summed over every thread of every block.
  npu::detail::CostTally total;
  // The block with linear id b is added into perCore[b % perCore.size()]; the size is the
  // model's vector cores, or fewer when the grid has fewer blocks.
  std::vector<npu::detail::CostTally> perCore;
  // False when no NPU_COST ran (the kernel was not translated by cu2npu): the model then uses
  // ModelAssumptions' per-thread defaults and flags the estimate.
  bool counted = false;
  // Bytes of the distinct device allocations the kernel's pointer arguments point into: an
  // upper bound of the memory it touches. 0: unknown.
  double footprintBytes = 0;
};

// Values the model needs that the device catalog does not carry (yet). Named and documented in
// docs/ascend-model.md; all "assumed".
struct ModelAssumptions {
  // A kernel without counters: per CUDA thread, this many fp32 operations and this many bytes of
  // global traffic (half read, half written) - an element-wise kernel on one float.
  double uncountedFp32OpsPerThread = 8;
  double uncountedGlobalBytesPerThread = 8;
  // npuMemcpyHostToHost runs on the host: one thread's memcpy bandwidth, bytes/s.
  double hostMemcpyBandwidth = 10e9;
};

// Which term bounds a kernel (Cube: a library GEMM on the cube units).
enum class Bound { Compute, Memory, Latency, Cube };
const char *boundName(Bound bound);

struct KernelEstimate {
  double seconds = 0; // modeled device duration, launch overhead included
  // The terms: seconds = launchSeconds + max(computeSeconds, memorySeconds).
  double launchSeconds = 0;
  double computeSeconds = 0;     // the busiest core's compute time
  double memorySeconds = 0;      // max(busiest core's GM port time, device HBM time)
  double latencySeconds = 0;     // = launchSeconds; named for the report's "latency" bound
  const char *bound = "latency"; // "compute", "cube", "memory" or "latency" (launch dominated)
  // The binding resource's work at its peak rate divided by `seconds` (0..1).
  double achievedFractionOfPeak = 0;
  double flops = 0; // operations modeled, all classes (fp64 counted once, not emulated)
  double bytes = 0; // global bytes read + written
  int coresUsed = 0;
  // True when the launch had no counters and the per-thread defaults were used.
  bool estimatedWithoutCounters = false;
  // The catalog names of the "assumed" values (no source gives them) in the terms that set
  // `seconds`: the launch overhead and the larger of compute and memory. Changing one of these
  // (NPURT_ASCEND_ASSUME) changes the estimate; the report lists them per kernel. Set by
  // estimateKernel (library routines are priced from sourced peaks and efficiencies).
  std::vector<const char *> assumedValues;
};

KernelEstimate estimateKernel(const DeviceModel &device, const LaunchProfile &launch,
                              const ModelAssumptions &assumptions = {});

// A library routine (cuBLAS, cuFFT) from its flops and bytes. Matrix work (the GEMM family) in
// fp16 or fp32 runs on the cube units: flops / (cube peak of the precision x cubeEfficiency);
// fp64, which has no cube (or any) units, and vector work run on the vector units at
// computeEfficiency (fp64 emulated). Memory: bytes at the HBM bandwidth x memoryEfficiency.
// seconds = launchOverhead + max(compute, memory); the bound is "cube" for cube work.
KernelEstimate estimateLibrary(const DeviceModel &device, const core::LibraryWork &work);

// H2D and D2H cross the host link (latency + bytes / bandwidth); D2D reads and writes HBM at
// its bandwidth times memoryEfficiency, after the launch overhead of a device task; H2H is a
// host memcpy. npuMemcpyDefault should be resolved by the caller; unresolved, it is modeled as
// a host-link transfer. Zero bytes take zero time.
double estimateCopySeconds(const DeviceModel &device, std::size_t bytes, npuMemcpyKind kind,
                           const ModelAssumptions &assumptions = {});
// A device memset: one write pass over HBM after the launch overhead of a device task.
double estimateFillSeconds(const DeviceModel &device, std::size_t bytes);

} // namespace npu::backends::ascend
