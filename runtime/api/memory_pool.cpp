// Memory pools (CUDA runtime manual: "Stream Ordered Memory Allocator"). The model is in
// runtime/core/MemPool.h; npuMallocAsync, npuMallocFromPoolAsync and npuFreeAsync are in
// memory_alloc.cpp with the other allocation functions.
#include <cstdint>

#include "api/ApiCall.h"

using npu::api::call;
using npu::core::PoolAttributes;
using npu::core::Runtime;

namespace {

// Where each attribute lives: a 64-bit field (sizes, the release threshold) or an int flag (the
// reuse policies), as CUDA types them.
struct AttributeField {
  npuMemPoolAttr attr;
  std::uint64_t PoolAttributes::*counter;
  int PoolAttributes::*flag;
};
constexpr AttributeField kFields[] = {
    {npuMemPoolReuseFollowEventDependencies, nullptr, &PoolAttributes::followEventDependencies},
    {npuMemPoolReuseAllowOpportunistic, nullptr, &PoolAttributes::allowOpportunistic},
    {npuMemPoolReuseAllowInternalDependencies, nullptr, &PoolAttributes::allowInternalDependencies},
    {npuMemPoolAttrReleaseThreshold, &PoolAttributes::releaseThreshold, nullptr},
    {npuMemPoolAttrReservedMemCurrent, &PoolAttributes::reserved, nullptr},
    {npuMemPoolAttrReservedMemHigh, &PoolAttributes::reservedHigh, nullptr},
    {npuMemPoolAttrUsedMemCurrent, &PoolAttributes::used, nullptr},
    {npuMemPoolAttrUsedMemHigh, &PoolAttributes::usedHigh, nullptr},
};

const AttributeField *fieldOf(npuMemPoolAttr attr) {
  for (const AttributeField &field : kFields)
    if (field.attr == attr)
      return &field;
  return nullptr;
}

// Reads or changes (`body(field, attributes)`) attribute `attr` of a live pool.
template <class Body>
npuError_t attributeCall(npuMemPool_t memPool, npuMemPoolAttr attr, void *value, Body body) {
  return call([&](Runtime &runtime) {
    const AttributeField *field = fieldOf(attr);
    if (value == nullptr || field == nullptr || !runtime.pools().isPool(memPool))
      return npuErrorInvalidValue;
    return runtime.pools().updateAttributes(
        memPool, [&](PoolAttributes &attributes) { return body(*field, attributes); });
  });
}

// The device's default or current pool (`which`).
npuError_t devicePool(npuMemPool_t *memPool, int device,
                      npuMemPool_t (npu::core::PoolRegistry::*which)() const) {
  return call([&](Runtime &runtime) {
    if (memPool == nullptr)
      return npuErrorInvalidValue;
    if (device != 0)
      return npuErrorInvalidDevice;
    *memPool = (runtime.pools().*which)();
    return npuSuccess;
  });
}

} // namespace

extern "C" {

npuError_t npuDeviceGetDefaultMemPool(npuMemPool_t *memPool, int device) {
  return devicePool(memPool, device, &npu::core::PoolRegistry::defaultPool);
}

npuError_t npuDeviceGetMemPool(npuMemPool_t *memPool, int device) {
  return devicePool(memPool, device, &npu::core::PoolRegistry::currentPool);
}

npuError_t npuDeviceSetMemPool(int device, npuMemPool_t memPool) {
  return call([&](Runtime &runtime) {
    if (device != 0)
      return npuErrorInvalidDevice;
    if (!runtime.pools().isPool(memPool))
      return npuErrorInvalidValue;
    runtime.pools().setCurrentPool(memPool);
    return npuSuccess;
  });
}

npuError_t npuMemPoolCreate(npuMemPool_t *memPool, const npuMemPoolProps *poolProps) {
  return call([&](Runtime &runtime) {
    if (memPool == nullptr || poolProps == nullptr ||
        poolProps->allocType != npuMemAllocationTypePinned ||
        poolProps->location.type != npuMemLocationTypeDevice)
      return npuErrorInvalidValue;
    if (poolProps->location.id != 0)
      return npuErrorInvalidDevice;
    if (poolProps->handleTypes != npuMemHandleTypeNone)
      return npuErrorNotSupported; // no IPC
    *memPool = runtime.pools().create(poolProps->maxSize);
    return npuSuccess;
  });
}

npuError_t npuMemPoolDestroy(npuMemPool_t memPool) {
  return call([&](Runtime &runtime) {
    return runtime.pools().destroy(memPool) ? npuSuccess : npuErrorInvalidValue;
  });
}

npuError_t npuMemPoolSetAttribute(npuMemPool_t memPool, npuMemPoolAttr attr, void *value) {
  return attributeCall(
      memPool, attr, value, [&](const AttributeField &field, PoolAttributes &attributes) {
        if (field.flag != nullptr) {
          attributes.*field.flag = *static_cast<const int *>(value) != 0;
        } else if (attr == npuMemPoolAttrReleaseThreshold) {
          attributes.releaseThreshold = *static_cast<const std::uint64_t *>(value);
        } else if (attr == npuMemPoolAttrReservedMemHigh || attr == npuMemPoolAttrUsedMemHigh) {
          if (*static_cast<const std::uint64_t *>(value) != 0)
            return npuErrorInvalidValue; // only a reset (to the current value)
          attributes.*field.counter =
              attr == npuMemPoolAttrReservedMemHigh ? attributes.reserved : attributes.used;
        } else {
          return npuErrorInvalidValue; // the current sizes are read-only
        }
        return npuSuccess;
      });
}

npuError_t npuMemPoolGetAttribute(npuMemPool_t memPool, npuMemPoolAttr attr, void *value) {
  return attributeCall(memPool, attr, value,
                       [&](const AttributeField &field, PoolAttributes &attributes) {
                         if (field.flag != nullptr)
                           *static_cast<int *>(value) = attributes.*field.flag;
                         else
                           *static_cast<std::uint64_t *>(value) = attributes.*field.counter;
                         return npuSuccess;
                       });
}

npuError_t npuMemPoolTrimTo(npuMemPool_t memPool, size_t minBytesToKeep) {
  return call([&](Runtime &runtime) {
    if (!runtime.pools().isPool(memPool))
      return npuErrorInvalidValue;
    runtime.pools().trim(memPool, minBytesToKeep);
    return npuSuccess;
  });
}

} // extern "C"
