// Memory management: device, pitched, managed and stream-ordered allocation, memory info and
// pointer attributes (CUDA runtime manual: "Memory Management", "Stream Ordered Memory
// Allocator", "Unified Addressing").
#include <cstdint>

#include "api/ApiCall.h"
#include "api/TextureTable.h"
#include "api/capture_hooks.h"
#include "api/memory_checks.h"

using npu::api::call;
using npu::core::Allocation;
using npu::core::MemoryKind;
using npu::core::Runtime;

namespace npu::api {

// Allocates through `allocate` and records the allocation. Zero bytes: success with nullptr,
// which is what cudaMalloc returns (and npuFree(nullptr) is a no-op, so the pair stays valid).
template <class Allocate>
npuError_t allocateTracked(Runtime &runtime, void **out, std::size_t bytes, MemoryKind kind,
                           unsigned int flags, Allocate allocate) {
  if (out == nullptr)
    return npuErrorInvalidValue;
  *out = nullptr;
  if (bytes == 0)
    return npuSuccess;
  void *memory = allocate(bytes);
  if (memory == nullptr)
    return npuErrorMemoryAllocation;
  if (!runtime.allocations.insert(Allocation{memory, bytes, kind, flags})) {
    runtime.release(Allocation{memory, bytes, kind, flags}); // a backend bug: overlapping memory
    return npuErrorUnknown;
  }
  *out = memory;
  return npuSuccess;
}

bool isDeviceAllocation(const Allocation &allocation) {
  return allocation.kind == MemoryKind::Device || allocation.kind == MemoryKind::Pitched ||
         allocation.kind == MemoryKind::StreamOrdered || allocation.kind == MemoryKind::Managed;
}

} // namespace npu::api

using npu::api::allocateTracked;
using npu::api::isDeviceAllocation;

extern "C" {

npuError_t npuMalloc(void **devPtr, size_t size) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    return allocateTracked(runtime, devPtr, size, MemoryKind::Device, 0, [&](std::size_t bytes) {
      return runtime.backend().allocateDevice(bytes);
    });
  });
}

npuError_t npuFree(void *devPtr) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    if (devPtr == nullptr)
      return npuSuccess;
    auto freed = runtime.allocations.eraseIf(devPtr, isDeviceAllocation);
    if (!freed)
      return npuErrorInvalidValue; // unknown, not the start of an allocation, or freed already
    // cudaFree synchronizes with the device: work already queued may still use the memory.
    runtime.streams().synchronizeAll();
    npu::api::TextureTable::instance().memoryFreed(freed->base, freed->bytes);
    runtime.release(*freed);
    return npuSuccess;
  });
}

npuError_t npuMallocPitch(void **devPtr, size_t *pitch, size_t width, size_t height) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    if (devPtr == nullptr || pitch == nullptr)
      return npuErrorInvalidValue;
    // Rows start on 512-byte boundaries, CUDA's texture-pitch alignment on current GPUs.
    constexpr std::size_t kPitchAlignment = 512;
    if (width > SIZE_MAX - kPitchAlignment)
      return npuErrorMemoryAllocation;
    std::size_t rowBytes = (width + kPitchAlignment - 1) / kPitchAlignment * kPitchAlignment;
    if (height != 0 && rowBytes > SIZE_MAX / height)
      return npuErrorMemoryAllocation;
    *pitch = rowBytes;
    return allocateTracked(
        runtime, devPtr, rowBytes * height, MemoryKind::Pitched, 0,
        [&](std::size_t bytes) { return runtime.backend().allocateDevice(bytes); });
  });
}

npuError_t npuMallocManaged(void **devPtr, size_t size, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    if (size == 0 || (flags != npuMemAttachGlobal && flags != npuMemAttachHost))
      return npuErrorInvalidValue;
    return allocateTracked(
        runtime, devPtr, size, MemoryKind::Managed, flags,
        [&](std::size_t bytes) { return runtime.backend().allocateManaged(bytes); });
  });
}

// Stream-ordered allocation from a pool (core/MemPool.h): the block is handed out at once (no
// queued work can touch it before the program receives the pointer), reused in stream order.
npuError_t npuMallocFromPoolAsync(void **devPtr, size_t size, npuMemPool_t memPool,
                                  npuStream_t stream) {
  return call([&](Runtime &runtime) {
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    if (!runtime.pools().isPool(memPool))
      return npuErrorInvalidValue;
    // Memory-allocation graph nodes are not modelled: refused (and the capture invalidated).
    if (npuError_t error = runtime.captures.checkSynchronize(*target); error != npuSuccess)
      return error;
    return allocateTracked(
        runtime, devPtr, size, MemoryKind::StreamOrdered, 0,
        [&](std::size_t bytes) { return runtime.pools().allocate(memPool, bytes, target.get()); });
  });
}

npuError_t npuMallocAsync(void **devPtr, size_t size, npuStream_t stream) {
  Runtime *runtime = Runtime::instance(); // the current pool; call() reports a missing runtime
  npuMemPool_t pool = runtime != nullptr && runtime->initError() == npuSuccess
                          ? runtime->pools().currentPool()
                          : nullptr;
  return npuMallocFromPoolAsync(devPtr, size, pool, stream);
}

npuError_t npuFreeAsync(void *devPtr, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    if (devPtr == nullptr)
      return npuSuccess;
    if (npuError_t error = runtime.captures.checkSynchronize(*target); error != npuSuccess)
      return error; // as npuMallocAsync: no memory-free graph nodes
    // Forgotten now (a second free is an error at once), released in stream order.
    auto freed = runtime.allocations.eraseIf(devPtr, isDeviceAllocation);
    if (!freed)
      return npuErrorInvalidValue;
    if (runtime.pools().owns(devPtr)) { // back to its pool, reusable after the free's position
      runtime.pools().free(devPtr, target.get(),
                           runtime.streams().enqueue(*target, [](npu::core::OpTiming &) {}));
      return npuSuccess;
    }
    runtime.streams().enqueue(*target, [&runtime, allocation = *freed](npu::core::OpTiming &) {
      npu::api::TextureTable::instance().memoryFreed(allocation.base, allocation.bytes);
      runtime.release(allocation);
    });
    return npuSuccess;
  });
}

npuError_t npuMemGetInfo(size_t *free, size_t *total) {
  return call([&](Runtime &runtime) {
    if (free == nullptr || total == nullptr)
      return npuErrorInvalidValue;
    runtime.backend().memoryInfo(0, *free, *total);
    return npuSuccess;
  });
}

// Managed memory is host memory here: prefetching and advice have nothing to move, so they
// validate their arguments and return.
npuError_t npuMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice,
                               npuStream_t stream) {
  return call([&](Runtime &runtime) {
    if (!runtime.streams().resolve(stream))
      return npuErrorInvalidResourceHandle;
    if (dstDevice != npuCpuDeviceId &&
        (dstDevice < 0 || dstDevice >= runtime.backend().deviceCount()))
      return npuErrorInvalidDevice;
    auto allocation = runtime.allocations.find(devPtr);
    if (devPtr == nullptr || (allocation && allocation->bytesFrom(devPtr) < count))
      return npuErrorInvalidValue;
    return npuSuccess;
  });
}

npuError_t npuMemAdvise(const void *devPtr, size_t count, npuMemoryAdvise advice, int device) {
  return call([&](Runtime &runtime) {
    if (advice < npuMemAdviseSetReadMostly || advice > npuMemAdviseUnsetAccessedBy)
      return npuErrorInvalidValue;
    if (device != npuCpuDeviceId && (device < 0 || device >= runtime.backend().deviceCount()))
      return npuErrorInvalidDevice;
    auto allocation = runtime.allocations.find(devPtr);
    if (!allocation || allocation->kind != MemoryKind::Managed ||
        allocation->bytesFrom(devPtr) < count)
      return npuErrorInvalidValue;
    return npuSuccess;
  });
}

npuError_t npuPointerGetAttributes(npuPointerAttributes *attributes, const void *ptr) {
  return call([&](Runtime &runtime) {
    if (attributes == nullptr)
      return npuErrorInvalidValue;
    auto allocation = runtime.allocations.find(ptr);
    void *address = const_cast<void *>(ptr);
    // Unregistered (pageable) memory: CUDA 11+ reports it without an error.
    *attributes = {npuMemoryTypeUnregistered, npuInvalidDeviceId, nullptr, nullptr};
    if (!allocation)
      return npuSuccess;
    attributes->device = 0;
    switch (allocation->kind) {
    case MemoryKind::Managed:
      *attributes = {npuMemoryTypeManaged, 0, address, address};
      break;
    case MemoryKind::PinnedHost:
    case MemoryKind::RegisteredHost:
      // Unified addressing: the device address of page-locked memory is its host address.
      *attributes = {npuMemoryTypeHost, 0, address, address};
      break;
    default:
      *attributes = {npuMemoryTypeDevice, 0, address, nullptr};
      break;
    }
    return npuSuccess;
  });
}

} // extern "C"
