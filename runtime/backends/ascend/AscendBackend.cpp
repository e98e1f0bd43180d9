#include "backends/ascend/AscendBackend.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "backends/ascend/AssumedValues.h"
#include "backends/ascend/CostModel.h"
#include "backends/ascend/PortabilityWarnings.h"
#include "backends/cpu/Allocator.h"
#include "backends/cpu/HostMemory.h"
#include "engine/Engine.h"
#include "memcheck/Memcheck.h"
#include "npurt/device/cost.h"

namespace npu::backends::ascend {
namespace {

constexpr std::size_t KiB = 1024;

// Nominal HBM interface width: four stacks of 1024 bits. Only the product with the clock
// matters (programs compute bandwidth as 2 x memoryClockRate x memoryBusWidth / 8).
constexpr int kMemoryBusBits = 4096;

std::size_t sizeOf(const Sourced &value) { return std::size_t(value.value); }

} // namespace

AscendBackend::AscendBackend(const DeviceModel &model)
    : model_(model), memory_(sizeOf(model.hbmBytes), sizeOf(model.allocationAlignment),
                             sizeOf(model.allocationPadding)),
      timeline_(int(model.vectorCores.value)) {
  // Kernels translated by cu2npu count their operations (NPU_COST) only while a backend models a
  // device; set before the first launch, never cleared (one backend per process).
  npu::detail::costCounting = true;
}

// The device as a CUDA program sees it. CUDA's execution semantics are kept where programs size
// launches from them (1024 threads per block, 32-thread warps, compute capability 8.0 like the
// cpu backend, CUDA's grid limits: a larger grid runs and is reported, NPUW004); the rest is the
// modeled device:
//  - multiProcessorCount = vector cores (a block runs on one AIV), one block per core at a time
//    (one thread block per AIV [DAC-351x]; on 910B/910C the block is one AIV program);
//  - shared memory per block and per core = the unified buffer of one AIV; the opt-in ceiling
//    stays at least CUDA 8.0's 227 KiB so programs tuned for it run (above the UB: NPUW003);
//  - totalGlobalMem = HBM; integrated = 0 (separate device memory); managed memory works but
//    is not coherent with concurrent host access (concurrentManagedAccess = 0);
//  - cooperative launches: one block per vector core, all resident (Ascend C's SyncAll
//    synchronises every core of a kernel the same way);
//  - clockRate is the AI core clock; memoryClockRate x kMemoryBusBits gives the HBM bandwidth.
void AscendBackend::deviceProperties(int /*device*/, npuDeviceProp &prop) const {
  prop = npuDeviceProp{};
  const DeviceModel &m = model_;
  std::snprintf(prop.name, sizeof prop.name, "%s", m.displayName.c_str());
  std::memset(prop.uuid.bytes, 0, sizeof prop.uuid.bytes);
  std::snprintf(prop.uuid.bytes, sizeof prop.uuid.bytes, "npurt-%s", m.id.c_str());
  const std::size_t ub = sizeOf(m.unifiedBufferBytes);
  prop.totalGlobalMem = sizeOf(m.hbmBytes);
  prop.sharedMemPerBlock = ub;
  prop.sharedMemPerMultiprocessor = ub;
  prop.sharedMemPerBlockOptin = std::max<std::size_t>(ub, 227 * KiB);
  prop.reservedSharedMemPerBlock = 0;
  prop.regsPerBlock = 65536;
  prop.regsPerMultiprocessor = 65536;
  prop.warpSize = 32;
  prop.memPitch = INT_MAX;
  prop.maxThreadsPerBlock = 1024;
  prop.maxThreadsDim[0] = 1024;
  prop.maxThreadsDim[1] = 1024;
  prop.maxThreadsDim[2] = 64;
  prop.maxGridSize[0] = INT_MAX;
  prop.maxGridSize[1] = 65535;
  prop.maxGridSize[2] = 65535;
  prop.clockRate = int(m.clockHz.value / 1000);
  prop.totalConstMem = 64 * KiB;
  prop.major = 8;
  prop.minor = 0;
  prop.textureAlignment = 512;
  prop.texturePitchAlignment = 32;
  prop.deviceOverlap = 1;
  prop.multiProcessorCount = int(m.vectorCores.value);
  prop.integrated = 0;
  prop.canMapHostMemory = 1;
  prop.surfaceAlignment = 512;
  prop.concurrentKernels = 1;
  prop.asyncEngineCount = 2;
  prop.unifiedAddressing = 1;
  prop.memoryBusWidth = kMemoryBusBits;
  prop.memoryClockRate = int(m.hbmBandwidth.value / (2.0 * kMemoryBusBits / 8) / 1000 + 0.5);
  prop.l2CacheSize = int(std::min<double>(m.l2Bytes.value, INT_MAX));
  prop.maxThreadsPerMultiProcessor =
      m.hasSimt() ? std::max(1024, int(m.simtMaxThreadsPerBlock.value)) : 1024;
  prop.maxBlocksPerMultiProcessor = 1;
  prop.streamPrioritiesSupported = 1;
  prop.globalL1CacheSupported = 0; // vector cores do not cache global memory implicitly
  prop.localL1CacheSupported = 1;
  prop.managedMemory = 1;
  prop.concurrentManagedAccess = 0;
  prop.directManagedMemAccessFromHost = 0;
  prop.pageableMemoryAccess = 0;
  prop.pageableMemoryAccessUsesHostPageTables = 0;
  prop.hostNativeAtomicSupported = 0;
  prop.canUseHostPointerForRegisteredMem = 1;
  // fp32 : fp64 throughput; fp64 is emulated at fp64EmulationFactor fp32 operations each.
  prop.singleToDoublePrecisionPerfRatio = std::max(1, int(m.fp64EmulationFactor.value));
  prop.hostRegisterSupported = 1;
  prop.hostRegisterReadOnlySupported = 1;
  prop.memoryPoolsSupported = 1;
  prop.cooperativeLaunch = 1;
}

void AscendBackend::memoryInfo(int /*device*/, std::size_t &freeBytes,
                               std::size_t &totalBytes) const {
  totalBytes = memory_.capacity();
  freeBytes = totalBytes - std::min(totalBytes, memory_.used());
}

void *AscendBackend::allocateDevice(std::size_t bytes) { return memory_.allocate(bytes); }

void AscendBackend::freeDevice(void *ptr) { memory_.release(ptr); }

void *AscendBackend::allocateHost(std::size_t bytes, unsigned int /*flags*/) {
  return cpu::allocateAligned(bytes);
}

void AscendBackend::freeHost(void *ptr) { cpu::freeAligned(ptr); }

void *AscendBackend::allocateManaged(std::size_t bytes) { return memory_.allocate(bytes); }

void AscendBackend::freeManaged(void *ptr) { memory_.release(ptr); }

double AscendBackend::footprintBytes(const detail::GridTask &task) const {
  if (!task.pointerArgumentsKnown)
    return 0;
  double bytes = 0;
  const void *counted[detail::GridTask::kMaxPointerArguments] = {};
  for (unsigned i = 0; i < task.pointerArgumentCount; ++i) {
    if (task.pointerArguments[i] == nullptr)
      continue;
    const DeviceMemory::Found allocation = memory_.allocationContaining(task.pointerArguments[i]);
    if (allocation.base == nullptr)
      return 0; // host or unknown memory: no bound
    if (std::find(counted, counted + i, allocation.base) == counted + i)
      bytes += double(allocation.bytes); // two pointers into one allocation count it once
    counted[i] = allocation.base;
  }
  return bytes;
}

void AscendBackend::addCopySpan(core::OpTiming &timing, std::optional<CopyEngine> engine,
                                double seconds) {
  const double ready = timing.nextReadyMs() / 1e3;
  const double start = engine ? timeline_.scheduleCopy(*engine, ready, seconds) : ready;
  timing.addSpan(start * 1e3, (start + seconds) * 1e3);
}

void AscendBackend::copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind kind,
                         core::OpTiming &timing) {
  cpu::hostCopy(dst, src, bytes);
  addCopySpan(timing, copyEngineFor(kind), estimateCopySeconds(model_, bytes, kind));
}

void AscendBackend::fill(void *dst, int value, std::size_t bytes, core::OpTiming &timing) {
  cpu::hostFill(dst, value, bytes);
  addCopySpan(timing, CopyEngine::DeviceToDevice, estimateFillSeconds(model_, bytes));
}

void AscendBackend::placeOnTimeline(const KernelEstimate &estimate, int cores,
                                    core::OpTiming &timing) {
  const double start =
      timeline_.scheduleKernel(timing.nextReadyMs() / 1e3, estimate.seconds, cores);
  timing.addSpan(start * 1e3, (start + estimate.seconds) * 1e3);
  timing.bound = estimate.bound;
  timing.peakFraction = estimate.achievedFractionOfPeak;
}

npuError_t AscendBackend::runGrid(detail::GridTask &task, core::OpTiming &timing) {
  const std::string kernel = task.name ? task.name : "?";
  checkLaunchShape(model_, task, warnings_);
  // One tally per vector core (blocks dealt round-robin), as the cost model wants them.
  const std::uint64_t blocks = std::uint64_t(task.grid.x) * task.grid.y * task.grid.z;
  LaunchProfile launch{kernel, task.grid, task.block, task.dynamicSharedBytes, {}, {}, false};
  launch.perCore.resize(
      std::max<std::uint64_t>(1, std::min<std::uint64_t>(blocks, sizeOf(model_.vectorCores))));
  npuError_t result = engine::executeGrid(task, &launch.perCore);
  if (memcheck::enabled())
    memcheck::checkAfterKernel(kernel.c_str());
  for (const detail::CostTally &core : launch.perCore)
    launch.total += core;
  launch.counted = !launch.total.empty();
  launch.footprintBytes = footprintBytes(task);
  checkLaunchCounters(model_, kernel, launch.total, warnings_);

  const KernelEstimate estimate = estimateKernel(model_, launch);
  recordAssumedValues(kernel, estimate);
  placeOnTimeline(estimate, estimate.coresUsed, timing);
  char args[512];
  std::snprintf(args, sizeof args,
                "\"grid\":[%u,%u,%u],\"block\":[%u,%u,%u],\"dynamicSharedBytes\":%zu,"
                "\"operations\":%.0f,\"globalBytes\":%.0f,\"coresUsed\":%d,\"bound\":\"%s\","
                "\"fractionOfPeak\":%.3f,\"computeUs\":%.3f,\"memoryUs\":%.3f,\"launchUs\":%.3f,"
                "\"counted\":%s",
                task.grid.x, task.grid.y, task.grid.z, task.block.x, task.block.y, task.block.z,
                task.dynamicSharedBytes, estimate.flops, estimate.bytes, estimate.coresUsed,
                estimate.bound, estimate.achievedFractionOfPeak, estimate.computeSeconds * 1e6,
                estimate.memorySeconds * 1e6, estimate.launchSeconds * 1e6,
                estimate.estimatedWithoutCounters ? "false" : "true");
  timing.traceArgs = args;
  return result;
}

void AscendBackend::runLibrary(const core::LibraryWork &work, const std::function<void()> &compute,
                               core::OpTiming &timing) {
  compute();
  const KernelEstimate estimate = estimateLibrary(model_, work);
  // A library routine is tiled over the whole device: it holds every core while it runs.
  placeOnTimeline(estimate, int(sizeOf(model_.vectorCores)), timing);
  char args[256];
  std::snprintf(args, sizeof args,
                "\"flops\":%.0f,\"bytes\":%.0f,\"bound\":\"%s\",\"fractionOfPeak\":%.3f,"
                "\"computeUs\":%.3f,\"memoryUs\":%.3f,\"launchUs\":%.3f",
                estimate.flops, estimate.bytes, estimate.bound, estimate.achievedFractionOfPeak,
                estimate.computeSeconds * 1e6, estimate.memorySeconds * 1e6,
                estimate.launchSeconds * 1e6);
  timing.traceArgs = args;
}

void AscendBackend::recordAssumedValues(const std::string &kernel, const KernelEstimate &estimate) {
  if (estimate.assumedValues.empty())
    return;
  std::lock_guard lock(assumedMutex_);
  std::set<std::string> &names = assumedValuesByKernel_[kernel];
  names.insert(estimate.assumedValues.begin(), estimate.assumedValues.end());
}

std::string AscendBackend::reportNotes() const {
  std::string notes = formatWarningNotes(warnings_.seen());
  std::lock_guard lock(assumedMutex_);
  if (assumedValuesByKernel_.empty())
    return notes;
  notes += "assumed values the modelled times rest on (no source gives them; "
           "NPURT_ASCEND_ASSUME=name=value,... changes them; docs/ascend-model.md):\n";
  for (const auto &[kernel, names] : assumedValuesByKernel_) {
    std::string list;
    for (const std::string &name : names)
      list += (list.empty() ? "" : ", ") + name;
    notes += "  " + kernel + ": " + list + "\n";
  }
  return notes;
}

std::unique_ptr<core::Backend> createAscendBackend(std::string_view options, std::string &error) {
  const DeviceModel *model = findDeviceModel(std::string(options), error);
  if (!model)
    return nullptr;
  const char *assume = std::getenv("NPURT_ASCEND_ASSUME");
  std::optional<DeviceModel> adjusted = withAssumedValues(*model, assume ? assume : "", error);
  if (!adjusted)
    return nullptr;
  return std::make_unique<AscendBackend>(*adjusted);
}

} // namespace npu::backends::ascend
