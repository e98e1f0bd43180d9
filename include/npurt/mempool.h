// npurt host API, stream-ordered memory pools (CUDA runtime manual: "Stream Ordered Memory
// Allocator"). Included by npurt/runtime.h; names and values follow CUDA 12. Semantics live in
// runtime/api/memory_pool.cpp, the model in runtime/core/MemPool.h. One device, so every pool
// is a device pool of device 0; IPC export/import and per-device access are not provided.
#pragma once

#include <cstddef>

#include "npurt/detail/runtime_errors.h"
#include "npurt/detail/runtime_types.h"

typedef struct npuMemPool_st *npuMemPool_t;

enum npuMemPoolAttr {
  npuMemPoolReuseFollowEventDependencies = 0x1,
  npuMemPoolReuseAllowOpportunistic = 0x2,
  npuMemPoolReuseAllowInternalDependencies = 0x3,
  npuMemPoolAttrReleaseThreshold = 0x4,
  npuMemPoolAttrReservedMemCurrent = 0x5,
  npuMemPoolAttrReservedMemHigh = 0x6,
  npuMemPoolAttrUsedMemCurrent = 0x7,
  npuMemPoolAttrUsedMemHigh = 0x8
};

enum npuMemAllocationType {
  npuMemAllocationTypeInvalid = 0x0,
  npuMemAllocationTypePinned = 0x1,
  npuMemAllocationTypeManaged = 0x2,
  npuMemAllocationTypeMax = 0x7FFFFFFF
};

enum npuMemAllocationHandleType {
  npuMemHandleTypeNone = 0x0,
  npuMemHandleTypePosixFileDescriptor = 0x1,
  npuMemHandleTypeWin32 = 0x2,
  npuMemHandleTypeWin32Kmt = 0x4,
  npuMemHandleTypeFabric = 0x8
};

enum npuMemLocationType {
  npuMemLocationTypeInvalid = 0,
  npuMemLocationTypeNone = 0,
  npuMemLocationTypeDevice = 1,
  npuMemLocationTypeHost = 2,
  npuMemLocationTypeHostNuma = 3,
  npuMemLocationTypeHostNumaCurrent = 4
};

struct npuMemLocation {
  enum npuMemLocationType type;
  int id;
};

struct npuMemPoolProps {
  enum npuMemAllocationType allocType; // npuMemAllocationTypePinned only
  enum npuMemAllocationHandleType handleTypes;
  struct npuMemLocation location; // npuMemLocationTypeDevice, id 0
  void *win32SecurityAttributes;
  size_t maxSize; // 0: no limit but the device's
  unsigned short usage;
  unsigned char reserved[54];
};

extern "C" {

npuError_t npuDeviceGetDefaultMemPool(npuMemPool_t *memPool, int device);
npuError_t npuDeviceGetMemPool(npuMemPool_t *memPool, int device);
npuError_t npuDeviceSetMemPool(int device, npuMemPool_t memPool);
npuError_t npuMemPoolCreate(npuMemPool_t *memPool, const struct npuMemPoolProps *poolProps);
npuError_t npuMemPoolDestroy(npuMemPool_t memPool);
// Attributes: the reuse flags are int, the others unsigned long long (cuuint64_t in CUDA); the
// two high-water marks may only be set to 0 (a reset).
npuError_t npuMemPoolSetAttribute(npuMemPool_t memPool, enum npuMemPoolAttr attr, void *value);
npuError_t npuMemPoolGetAttribute(npuMemPool_t memPool, enum npuMemPoolAttr attr, void *value);
npuError_t npuMemPoolTrimTo(npuMemPool_t memPool, size_t minBytesToKeep);
npuError_t npuMallocFromPoolAsync(void **ptr, size_t size, npuMemPool_t memPool,
                                  npuStream_t stream);

} // extern "C"

template <class T>
inline npuError_t npuMallocFromPoolAsync(T **ptr, size_t size, npuMemPool_t memPool,
                                         npuStream_t stream) {
  return ::npuMallocFromPoolAsync(reinterpret_cast<void **>(ptr), size, memPool, stream);
}
// CUDA's C++ overload that takes the pool in place of the stream's pool.
template <class T>
inline npuError_t npuMallocAsync(T **ptr, size_t size, npuMemPool_t memPool, npuStream_t stream) {
  return ::npuMallocFromPoolAsync(reinterpret_cast<void **>(ptr), size, memPool, stream);
}
