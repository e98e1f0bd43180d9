// The roofline of docs/ascend-model.md ("Kernel time"). Work is carried as doubles from here on:
// the counters are exact integers, but the model scales and divides them.
#include "backends/ascend/CostModel.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "backends/ascend/Catalog.h"

namespace npu::backends::ascend {
namespace {

struct Work {
  double fp32 = 0, fp16 = 0, fp64 = 0, intOps = 0, sfu = 0;
  double gread = 0, gwrite = 0, shared = 0, atomics = 0, barriers = 0, warpOps = 0;

  static Work of(const npu::detail::CostTally &tally) {
    Work work;
    work.fp32 = double(tally.fp32);
    work.fp16 = double(tally.fp16);
    work.fp64 = double(tally.fp64);
    work.intOps = double(tally.intOps);
    work.sfu = double(tally.sfu);
    work.gread = double(tally.gread);
    work.gwrite = double(tally.gwrite);
    work.shared = double(tally.shared);
    work.atomics = double(tally.atomics);
    work.barriers = double(tally.barriers);
    work.warpOps = double(tally.warpOps);
    return work;
  }
  Work scaled(double factor) const {
    Work work;
    work.fp32 = fp32 * factor;
    work.fp16 = fp16 * factor;
    work.fp64 = fp64 * factor;
    work.intOps = intOps * factor;
    work.sfu = sfu * factor;
    work.gread = gread * factor;
    work.gwrite = gwrite * factor;
    work.shared = shared * factor;
    work.atomics = atomics * factor;
    work.barriers = barriers * factor;
    work.warpOps = warpOps * factor;
    return work;
  }
  Work &operator+=(const Work &other) {
    fp32 += other.fp32;
    fp16 += other.fp16;
    fp64 += other.fp64;
    intOps += other.intOps;
    sfu += other.sfu;
    gread += other.gread;
    gwrite += other.gwrite;
    shared += other.shared;
    atomics += other.atomics;
    barriers += other.barriers;
    warpOps += other.warpOps;
    return *this;
  }
  double globalBytes() const { return gread + gwrite; }
  double operations() const { return fp32 + fp16 + fp64 + intOps + sfu + warpOps; }
};

// A missing (zero) rate in the catalog removes its term rather than making time infinite; the
// catalog's own tests are what keep rates positive.
double secondsAt(double amount, double ratePerSecond) {
  return ratePerSecond > 0 ? amount / ratePerSecond : 0;
}
// Efficiencies outside (0, 1] are treated as 1 (no derating) for the same reason.
double efficiencyOf(const Sourced &efficiency) {
  return efficiency.value > 0 && efficiency.value <= 1 ? efficiency.value : 1;
}

double threadsIn(const dim3 &extent) { return double(extent.x) * extent.y * extent.z; }

// Arithmetic rates of the whole device, ops/s. Divided by the vector cores they are one core's.
struct ArithmeticRates {
  double fp32, fp16, intOps, sfu;
};
ArithmeticRates deviceRates(const DeviceModel &device) {
  return {device.vectorFp32Flops.value, device.vectorFp16Flops.value, device.vectorIntOps.value,
          device.vectorSfuOps.value};
}

// Seconds the arithmetic of `work` takes at `rates`, before lane padding and efficiency. fp64
// has no units: each operation is fp64EmulationFactor fp32 operations. Warp shuffles and votes
// are lane permutations, costed as integer operations.
double arithmeticSeconds(const DeviceModel &device, const Work &work,
                         const ArithmeticRates &rates) {
  const double emulatedFp32 = work.fp64 * device.fp64EmulationFactor.value;
  return secondsAt(work.fp32 + emulatedFp32, rates.fp32) + secondsAt(work.fp16, rates.fp16) +
         secondsAt(work.intOps + work.warpOps, rates.intOps) + secondsAt(work.sfu, rates.sfu);
}

// How many lane slots a block's threads occupy per slot of useful work. Without SIMT (910B,
// 910C) a block is a thread loop vectorised over vectorLanesFp32 lanes, so the thread count is
// rounded up to whole vectors. With SIMT (950) threads are rounded up to whole warps, and a block
// with fewer warps than the core has warp schedulers leaves the others idle (one block per vector
// core at a time [DAC-351x]).
double lanePadding(const DeviceModel &device, double threadsPerBlock) {
  if (threadsPerBlock <= 0)
    return 1;
  if (device.hasSimt()) {
    const double warpSize = device.simtWarpSize.value;
    const double warps = std::ceil(threadsPerBlock / warpSize);
    const double issuingWarps = std::max(warps, device.simtWarpSchedulers.value);
    return issuingWarps * warpSize / threadsPerBlock;
  }
  const double lanes = device.vectorLanesFp32.value;
  if (lanes <= 0)
    return 1;
  return std::ceil(threadsPerBlock / lanes) * lanes / threadsPerBlock;
}

// One vector core's busy time for the blocks binned to it.
double coreComputeSeconds(const DeviceModel &device, const Work &work, double vectorCores,
                          double padding, double threadsPerBlock) {
  const ArithmeticRates whole = deviceRates(device);
  const ArithmeticRates perCore{whole.fp32 / vectorCores, whole.fp16 / vectorCores,
                                whole.intOps / vectorCores, whole.sfu / vectorCores};
  const double clock = device.clockHz.value;
  const double arithmetic =
      arithmeticSeconds(device, work, perCore) * padding / efficiencyOf(device.computeEfficiency);
  // Counters are per thread: an atomic is one operation of one thread, but a block barrier is
  // counted once by every thread that reaches it, and costs its core once.
  const double atomics = secondsAt(work.atomics * device.atomicCycles.value, clock);
  const double barrierEvents = threadsPerBlock > 0 ? work.barriers / threadsPerBlock : 0;
  const double barriers = secondsAt(barrierEvents * device.barrierCycles.value, clock);
  const double shared = secondsAt(work.shared, device.sharedBytesPerCycle.value * clock);
  return arithmetic + atomics + barriers + shared;
}

// One vector core's time on its own GM port.
double corePortSeconds(const DeviceModel &device, const Work &work) {
  return secondsAt(work.globalBytes(), device.coreMemoryBytesPerCycle.value * device.clockHz.value);
}

// `perBlock` for each of `blocks` blocks, dealt round-robin over min(blocks, cores) bins.
std::vector<Work> dealBlocks(const Work &perBlock, double blocks, std::size_t cores) {
  const std::size_t bins = std::size_t(std::min<double>(blocks, double(cores)));
  std::vector<Work> result(bins);
  for (std::size_t bin = 0; bin < bins; ++bin) {
    const double blocksInBin = std::floor((blocks - 1 - double(bin)) / double(bins)) + 1;
    result[bin] = perBlock.scaled(blocksInBin);
  }
  return result;
}

// The work of each busy vector core. The engine's bins are used as given (folded if there are
// more bins than cores); a counted launch without bins, or an uncounted one, is dealt evenly.
std::vector<Work> coreBins(const LaunchProfile &launch, const ModelAssumptions &assumptions,
                           std::size_t cores) {
  const double blocks = threadsIn(launch.grid);
  if (!launch.counted) {
    const double threads = threadsIn(launch.block);
    Work perBlock;
    perBlock.fp32 = threads * assumptions.uncountedFp32OpsPerThread;
    perBlock.gread = threads * assumptions.uncountedGlobalBytesPerThread / 2;
    perBlock.gwrite = threads * assumptions.uncountedGlobalBytesPerThread / 2;
    return dealBlocks(perBlock, blocks, cores);
  }
  if (launch.perCore.empty())
    return dealBlocks(Work::of(launch.total).scaled(blocks > 0 ? 1 / blocks : 0), blocks, cores);
  std::vector<Work> bins(std::min(launch.perCore.size(), cores));
  for (std::size_t i = 0; i < launch.perCore.size(); ++i)
    bins[i % bins.size()] += Work::of(launch.perCore[i]);
  return bins;
}

// Collects the catalog names of the assumed values behind the terms that set an estimate.
class AssumedDependencies {
public:
  AssumedDependencies(const DeviceModel &device, std::vector<const char *> &names)
      : device_(device), names_(names) {}
  void add(const Sourced &value) {
    if (value.source != "assumed")
      return;
    const char *name = catalogFieldName(device_, value);
    if (name != nullptr && std::find(names_.begin(), names_.end(), name) == names_.end())
      names_.push_back(name);
  }
  // The values coreComputeSeconds reads for the classes `work` has.
  void addCompute(const Work &work) {
    const double arithmetic =
        work.fp32 + work.fp64 + work.fp16 + work.intOps + work.warpOps + work.sfu;
    const std::pair<double, const Sourced *> terms[] = {
        {arithmetic, &device_.computeEfficiency},
        {work.fp32 + work.fp64, &device_.vectorFp32Flops},
        {work.fp64, &device_.fp64EmulationFactor},
        {work.fp16, &device_.vectorFp16Flops},
        {work.intOps + work.warpOps, &device_.vectorIntOps},
        {work.sfu, &device_.vectorSfuOps},
        {work.atomics, &device_.atomicCycles},
        {work.barriers, &device_.barrierCycles},
        {work.shared, &device_.sharedBytesPerCycle},
    };
    for (const auto &[amount, value] : terms)
      if (amount > 0)
        add(*value);
  }

private:
  const DeviceModel &device_;
  std::vector<const char *> &names_;
};

} // namespace

const char *boundName(Bound bound) {
  switch (bound) {
  case Bound::Compute:
    return "compute";
  case Bound::Memory:
    return "memory";
  case Bound::Latency:
    return "latency";
  case Bound::Cube:
    return "cube";
  }
  return "latency";
}

KernelEstimate estimateKernel(const DeviceModel &device, const LaunchProfile &launch,
                              const ModelAssumptions &assumptions) {
  const std::size_t cores = std::size_t(std::max(1.0, device.vectorCores.value));
  const double threadsPerBlock = threadsIn(launch.block);
  const double padding = lanePadding(device, threadsPerBlock);
  const std::vector<Work> bins = coreBins(launch, assumptions, cores);

  Work deviceWork;
  double busiestCompute = 0, busiestPort = 0;
  const Work *busiestComputeWork = nullptr;
  for (const Work &work : bins) {
    deviceWork += work;
    const double compute =
        coreComputeSeconds(device, work, double(cores), padding, threadsPerBlock);
    if (busiestComputeWork == nullptr || compute > busiestCompute)
      busiestCompute = compute, busiestComputeWork = &work;
    busiestPort = std::max(busiestPort, corePortSeconds(device, work));
  }
  // All global traffic passes through L2. When everything the kernel can touch fits in L2,
  // HBM serves each byte once (the first touch) and L2 the rest; otherwise HBM serves it all.
  const double globalBytes = deviceWork.globalBytes();
  const bool fitsInL2 = launch.footprintBytes > 0 && launch.footprintBytes <= device.l2Bytes.value;
  const double hbmBytes = fitsInL2 ? std::min(globalBytes, launch.footprintBytes) : globalBytes;
  const double hbmSeconds =
      secondsAt(hbmBytes, device.hbmBandwidth.value * efficiencyOf(device.memoryEfficiency));
  const double l2Seconds = secondsAt(globalBytes, device.l2Bandwidth.value);

  KernelEstimate estimate;
  estimate.launchSeconds = device.launchOverhead.value;
  estimate.latencySeconds = estimate.launchSeconds;
  estimate.computeSeconds = busiestCompute;
  estimate.memorySeconds = std::max({busiestPort, hbmSeconds, l2Seconds});
  const double work = std::max(estimate.computeSeconds, estimate.memorySeconds);
  estimate.seconds = estimate.launchSeconds + work;
  estimate.flops = deviceWork.operations();
  estimate.bytes = deviceWork.globalBytes();
  estimate.coresUsed = int(std::min<double>(double(bins.size()), threadsIn(launch.grid)));
  estimate.estimatedWithoutCounters = !launch.counted;

  // Fractions of the whole device's peaks: arithmetic at the vector peak rates, traffic at the
  // HBM bandwidth, each over the full modeled duration (what a profiler would report).
  const double arithmeticFraction =
      estimate.seconds > 0
          ? arithmeticSeconds(device, deviceWork, deviceRates(device)) / estimate.seconds
          : 0;
  const double memoryFraction =
      estimate.seconds > 0 ? secondsAt(estimate.bytes, device.hbmBandwidth.value) / estimate.seconds
                           : 0;
  Bound bound = Bound::Latency;
  if (estimate.launchSeconds < work)
    bound = estimate.computeSeconds >= estimate.memorySeconds ? Bound::Compute : Bound::Memory;
  estimate.bound = boundName(bound);
  estimate.achievedFractionOfPeak = bound == Bound::Compute ? arithmeticFraction
                                    : bound == Bound::Memory
                                        ? memoryFraction
                                        : std::max(arithmeticFraction, memoryFraction);

  AssumedDependencies assumed(device, estimate.assumedValues);
  assumed.add(device.launchOverhead);
  if (work > 0 && estimate.computeSeconds >= estimate.memorySeconds && busiestComputeWork) {
    assumed.addCompute(*busiestComputeWork);
  } else if (work > 0) {
    if (busiestPort == estimate.memorySeconds)
      assumed.add(device.coreMemoryBytesPerCycle);
    if (hbmSeconds == estimate.memorySeconds) {
      assumed.add(device.hbmBandwidth);
      assumed.add(device.memoryEfficiency);
    }
    if (l2Seconds == estimate.memorySeconds)
      assumed.add(device.l2Bandwidth);
  }
  return estimate;
}

KernelEstimate estimateLibrary(const DeviceModel &device, const core::LibraryWork &work) {
  using Precision = core::LibraryWork::Precision;
  const bool onCube =
      work.unit == core::LibraryWork::Unit::Matrix && work.precision != Precision::Fp64;
  const bool half = work.precision == Precision::Fp16;
  double peak; // the raw peak of the units the work runs on, flops/s
  double efficiency;
  if (onCube) {
    peak = half ? device.cubeFp16Flops.value : device.cubeFp32Flops.value;
    efficiency = efficiencyOf(device.cubeEfficiency);
  } else {
    peak = half ? device.vectorFp16Flops.value : device.vectorFp32Flops.value;
    if (work.precision == Precision::Fp64 && device.fp64EmulationFactor.value > 0)
      peak /= device.fp64EmulationFactor.value;
    efficiency = efficiencyOf(device.computeEfficiency);
  }
  KernelEstimate estimate;
  estimate.launchSeconds = device.launchOverhead.value;
  estimate.latencySeconds = estimate.launchSeconds;
  estimate.computeSeconds = secondsAt(work.flops, peak * efficiency);
  estimate.memorySeconds =
      secondsAt(work.bytes, device.hbmBandwidth.value * efficiencyOf(device.memoryEfficiency));
  const double busy = std::max(estimate.computeSeconds, estimate.memorySeconds);
  estimate.seconds = estimate.launchSeconds + busy;
  estimate.flops = work.flops;
  estimate.bytes = work.bytes;
  estimate.coresUsed = int(onCube ? device.cubeCores.value : device.vectorCores.value);
  Bound bound = Bound::Latency;
  if (estimate.launchSeconds < busy)
    bound = estimate.computeSeconds < estimate.memorySeconds ? Bound::Memory
            : onCube                                         ? Bound::Cube
                                                             : Bound::Compute;
  estimate.bound = boundName(bound);
  const double computeFraction =
      estimate.seconds > 0 ? secondsAt(work.flops, peak) / estimate.seconds : 0;
  const double memoryFraction =
      estimate.seconds > 0 ? secondsAt(work.bytes, device.hbmBandwidth.value) / estimate.seconds
                           : 0;
  estimate.achievedFractionOfPeak = bound == Bound::Memory ? memoryFraction
                                    : bound == Bound::Latency
                                        ? std::max(computeFraction, memoryFraction)
                                        : computeFraction;
  return estimate;
}

double estimateCopySeconds(const DeviceModel &device, std::size_t bytes, npuMemcpyKind kind,
                           const ModelAssumptions &assumptions) {
  if (bytes == 0)
    return 0;
  const double amount = double(bytes);
  switch (kind) {
  case npuMemcpyHostToHost:
    return secondsAt(amount, assumptions.hostMemcpyBandwidth);
  case npuMemcpyDeviceToDevice:
    return device.launchOverhead.value +
           secondsAt(2 * amount, device.hbmBandwidth.value * efficiencyOf(device.memoryEfficiency));
  case npuMemcpyHostToDevice:
  case npuMemcpyDeviceToHost:
  case npuMemcpyDefault:
    break;
  }
  return device.hostLinkLatency.value + secondsAt(amount, device.hostLinkBandwidth.value);
}

double estimateFillSeconds(const DeviceModel &device, std::size_t bytes) {
  if (bytes == 0)
    return 0;
  return device.launchOverhead.value +
         secondsAt(double(bytes),
                   device.hbmBandwidth.value * efficiencyOf(device.memoryEfficiency));
}

} // namespace npu::backends::ascend
