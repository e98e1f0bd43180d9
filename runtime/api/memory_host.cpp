// Page-locked host memory: allocation, registration of program memory, and its device view
// (CUDA runtime manual: "Memory Management"). With unified addressing the device address of
// page-locked memory is its host address.
#include "api/ApiCall.h"
#include "api/capture_hooks.h"

using npu::api::call;
using npu::core::Allocation;
using npu::core::MemoryKind;
using npu::core::Runtime;

namespace {

bool isPageLocked(const Allocation &allocation) {
  return allocation.kind == MemoryKind::PinnedHost || allocation.kind == MemoryKind::RegisteredHost;
}

} // namespace

extern "C" {

npuError_t npuMallocHost(void **ptr, size_t size) {
  return npuHostAlloc(ptr, size, npuHostAllocDefault);
}

npuError_t npuHostAlloc(void **pHost, size_t size, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    constexpr unsigned int kKnownFlags =
        npuHostAllocPortable | npuHostAllocMapped | npuHostAllocWriteCombined;
    if (pHost == nullptr || (flags & ~kKnownFlags) != 0)
      return npuErrorInvalidValue;
    *pHost = nullptr;
    if (size == 0)
      return npuSuccess; // as npuMalloc: nullptr, and npuFreeHost(nullptr) is a no-op
    void *memory = runtime.backend().allocateHost(size, flags);
    if (memory == nullptr)
      return npuErrorMemoryAllocation;
    Allocation allocation{memory, size, MemoryKind::PinnedHost, flags};
    if (!runtime.allocations.insert(allocation)) {
      runtime.release(allocation);
      return npuErrorUnknown;
    }
    *pHost = memory;
    return npuSuccess;
  });
}

npuError_t npuFreeHost(void *ptr) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    if (ptr == nullptr)
      return npuSuccess;
    auto freed = runtime.allocations.eraseIf(
        ptr, [](const Allocation &a) { return a.kind == MemoryKind::PinnedHost; });
    if (!freed)
      return npuErrorInvalidValue;
    runtime.streams().synchronizeAll(); // like cudaFreeHost: queued copies may still use it
    runtime.release(*freed);
    return npuSuccess;
  });
}

npuError_t npuHostGetDevicePointer(void **pDevice, void *pHost, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (pDevice == nullptr || flags != 0)
      return npuErrorInvalidValue;
    auto allocation = runtime.allocations.find(pHost);
    if (!allocation || !isPageLocked(*allocation))
      return npuErrorInvalidValue;
    *pDevice = pHost;
    return npuSuccess;
  });
}

npuError_t npuHostGetFlags(unsigned int *pFlags, void *pHost) {
  return call([&](Runtime &runtime) {
    if (pFlags == nullptr)
      return npuErrorInvalidValue;
    auto allocation = runtime.allocations.find(pHost);
    if (!allocation || allocation->kind != MemoryKind::PinnedHost)
      return npuErrorInvalidValue;
    *pFlags = allocation->flags;
    return npuSuccess;
  });
}

npuError_t npuHostRegister(void *ptr, size_t size, unsigned int flags) {
  return call([&](Runtime &runtime) {
    constexpr unsigned int kKnownFlags = npuHostRegisterPortable | npuHostRegisterMapped |
                                         npuHostRegisterIoMemory | npuHostRegisterReadOnly;
    if (ptr == nullptr || size == 0 || (flags & ~kKnownFlags) != 0)
      return npuErrorInvalidValue;
    if (auto existing = runtime.allocations.findOverlap(ptr, size))
      return isPageLocked(*existing) ? npuErrorHostMemoryAlreadyRegistered : npuErrorInvalidValue;
    if (npuError_t error = runtime.backend().registerHost(ptr, size, flags); error != npuSuccess)
      return error;
    if (!runtime.allocations.insert(Allocation{ptr, size, MemoryKind::RegisteredHost, flags})) {
      runtime.backend().unregisterHost(ptr); // lost a race with another registration
      return npuErrorHostMemoryAlreadyRegistered;
    }
    return npuSuccess;
  });
}

npuError_t npuHostUnregister(void *ptr) {
  return call([&](Runtime &runtime) {
    auto unregistered = runtime.allocations.eraseIf(
        ptr, [](const Allocation &a) { return a.kind == MemoryKind::RegisteredHost; });
    if (!unregistered)
      return npuErrorHostMemoryNotRegistered;
    runtime.streams().synchronizeAll(); // queued copies may still read it as page-locked
    runtime.release(*unregistered);
    return npuSuccess;
  });
}

} // extern "C"
