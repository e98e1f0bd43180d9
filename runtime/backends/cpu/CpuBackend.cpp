#include "backends/cpu/CpuBackend.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "backends/cpu/Allocator.h"
#include "backends/cpu/HardwareInfo.h"
#include "backends/cpu/HostMemory.h"
#include "engine/Engine.h"
#include "memcheck/Memcheck.h"

namespace npu::backends::cpu {
namespace {

constexpr std::size_t KiB = 1024;

} // namespace

// The device the cpu backend reports. Limits are those of a CUDA GPU of compute capability 8.x
// wherever a program may size its launches or shared memory from them, so code tuned for such
// a GPU takes the same paths here:
//  - compute capability 8.0: programs gate features (warp shuffles, cooperative groups, async
//    copies, bf16) on major/minor; 8.0 enables the modern paths the engine implements;
//  - 1024 threads per block, block dims {1024, 1024, 64}, grid {2^31-1, 65535, 65535};
//  - shared memory 48 KiB per block by default, 227 KiB opt-in, 228 KiB per multiprocessor,
//    1 KiB reserved per block (as on 8.x/9.x), 64 KiB constant memory, 64 Ki registers;
//  - 2048 threads and 32 blocks per multiprocessor (for the occupancy calculator);
//  - one multiprocessor per engine worker thread: that is the unit that runs blocks
//    concurrently, so grids sized "k blocks per SM" keep every worker busy;
//  - cooperative launches: the engine runs such a grid's blocks all at once (one OS thread
//    each), within the occupancy limit CUDA sets (multiprocessors x resident blocks);
//  - totalGlobalMem is the host's physical memory; integrated = 1 and pageable memory access
//    because device and host share that memory;
//  - l2CacheSize is the host's last-level cache; the memory clock and bus width are nominal
//    (1.6 GHz, 128 bits: dual-channel DDR4-3200) since the host does not report them.
void CpuBackend::deviceProperties(int /*device*/, npuDeviceProp &prop) const {
  prop = npuDeviceProp{};
  const int workers = std::max(1, engine::workerCount());
  std::snprintf(prop.name, sizeof prop.name, "npurt CPU (%d threads)", workers);
  std::memcpy(prop.uuid.bytes, "npurt-cpu-dev-00", sizeof prop.uuid.bytes);
  prop.totalGlobalMem = physicalMemoryBytes();
  prop.sharedMemPerBlock = 48 * KiB;
  prop.regsPerBlock = 65536;
  prop.warpSize = 32;
  prop.memPitch = INT_MAX;
  prop.maxThreadsPerBlock = 1024;
  prop.maxThreadsDim[0] = 1024;
  prop.maxThreadsDim[1] = 1024;
  prop.maxThreadsDim[2] = 64;
  prop.maxGridSize[0] = INT_MAX;
  prop.maxGridSize[1] = 65535;
  prop.maxGridSize[2] = 65535;
  prop.clockRate = cpuClockKHz() > 0 ? cpuClockKHz() : 2000000;
  prop.totalConstMem = 64 * KiB;
  prop.major = 8;
  prop.minor = 0;
  prop.textureAlignment = 512;
  prop.texturePitchAlignment = 32;
  prop.deviceOverlap = 1;
  prop.multiProcessorCount = workers;
  prop.integrated = 1;
  prop.canMapHostMemory = 1;
  prop.surfaceAlignment = 512;
  prop.concurrentKernels = 1;
  prop.asyncEngineCount = 2;
  prop.unifiedAddressing = 1;
  prop.memoryClockRate = 1600000;
  prop.memoryBusWidth = 128;
  prop.l2CacheSize = int(std::min<std::size_t>(lastLevelCacheBytes(), INT_MAX));
  prop.maxThreadsPerMultiProcessor = 2048;
  prop.streamPrioritiesSupported = 1;
  prop.globalL1CacheSupported = 1;
  prop.localL1CacheSupported = 1;
  prop.sharedMemPerMultiprocessor = 228 * KiB;
  prop.regsPerMultiprocessor = 65536;
  prop.managedMemory = 1;
  prop.hostNativeAtomicSupported = 1;
  prop.singleToDoublePrecisionPerfRatio = 2;
  prop.pageableMemoryAccess = 1;
  prop.concurrentManagedAccess = 1;
  prop.canUseHostPointerForRegisteredMem = 1;
  prop.sharedMemPerBlockOptin = 227 * KiB;
  prop.pageableMemoryAccessUsesHostPageTables = 1;
  prop.directManagedMemAccessFromHost = 1;
  prop.maxBlocksPerMultiProcessor = 32;
  prop.reservedSharedMemPerBlock = 1 * KiB;
  prop.hostRegisterSupported = 1;
  prop.hostRegisterReadOnlySupported = 1;
  prop.memoryPoolsSupported = 1;
  prop.cooperativeLaunch = 1;
}

void CpuBackend::memoryInfo(int /*device*/, std::size_t &freeBytes, std::size_t &totalBytes) const {
  totalBytes = physicalMemoryBytes();
  freeBytes = availableMemoryBytes();
}

void *CpuBackend::allocateDevice(std::size_t bytes) {
  if (memcheck::enabled())
    return memcheck::allocate(bytes, memcheck::guardedAlignment(bytes, kDeviceAlignment));
  return allocateAligned(bytes);
}

void CpuBackend::freeDevice(void *ptr) {
  if (memcheck::enabled()) {
    memcheck::release(ptr);
    return;
  }
  freeAligned(ptr);
}

void CpuBackend::copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind /*kind*/,
                      core::OpTiming & /*timing*/) {
  hostCopy(dst, src, bytes);
}

void CpuBackend::fill(void *dst, int value, std::size_t bytes, core::OpTiming & /*timing*/) {
  hostFill(dst, value, bytes);
}

npuError_t CpuBackend::runGrid(detail::GridTask &task, core::OpTiming & /*timing*/) {
  const npuError_t result = engine::executeGrid(task);
  if (memcheck::enabled())
    memcheck::checkAfterKernel(task.name);
  return result;
}

std::unique_ptr<core::Backend> createCpuBackend(std::string_view options, std::string &error) {
  if (!options.empty()) {
    error = "the cpu backend takes no options";
    return nullptr;
  }
  return std::make_unique<CpuBackend>();
}

} // namespace npu::backends::cpu
