#include "api/memory_checks.h"

#include <optional>
#include <string>

#include "api/ApiCall.h"
#include "api/capture_hooks.h"

namespace npu::api {
namespace {

enum class Side { Host, Device };

// Where CUDA with unified addressing sees p: device memory, or host memory (known pinned or
// registered memory, or any address it does not know, i.e. pageable host memory).
Side sideOf(const std::optional<core::Allocation> &allocation) {
  if (!allocation)
    return Side::Host;
  return allocation->hostAccessible() && allocation->kind != core::MemoryKind::Managed
             ? Side::Host
             : Side::Device;
}

// Checks bounds, and that the memory may serve as `expected` (none: any).
npuError_t checkSide(const core::AllocationMap &allocations, const void *p, std::size_t bytes,
                     std::optional<Side> expected) {
  if (p == nullptr)
    return npuErrorInvalidValue;
  auto allocation = allocations.find(p);
  if (allocation && allocation->bytesFrom(p) < bytes)
    return npuErrorInvalidValue;
  if (expected == Side::Device && !(allocation && allocation->deviceAccessible()))
    return npuErrorInvalidValue;
  if (expected == Side::Host && allocation && !allocation->hostAccessible())
    return npuErrorInvalidValue;
  return npuSuccess;
}

} // namespace

npuError_t checkCopy(const core::AllocationMap &allocations, void *dst, std::size_t dstBytes,
                     const void *src, std::size_t srcBytes, npuMemcpyKind kind) {
  std::optional<Side> dstSide, srcSide;
  switch (kind) {
  case npuMemcpyHostToHost:
    dstSide = srcSide = Side::Host;
    break;
  case npuMemcpyHostToDevice:
    dstSide = Side::Device, srcSide = Side::Host;
    break;
  case npuMemcpyDeviceToHost:
    dstSide = Side::Host, srcSide = Side::Device;
    break;
  case npuMemcpyDeviceToDevice:
    dstSide = srcSide = Side::Device;
    break;
  case npuMemcpyDefault:
    break;
  default:
    return npuErrorInvalidMemcpyDirection;
  }
  if (dstBytes == 0 && srcBytes == 0)
    return npuSuccess;
  if (npuError_t error = checkSide(allocations, dst, dstBytes, dstSide); error != npuSuccess)
    return error;
  return checkSide(allocations, src, srcBytes, srcSide);
}

npuMemcpyKind resolveKind(const core::AllocationMap &allocations, const void *dst, const void *src,
                          npuMemcpyKind kind) {
  if (kind != npuMemcpyDefault)
    return kind;
  bool toDevice = sideOf(allocations.find(dst)) == Side::Device;
  bool fromDevice = sideOf(allocations.find(src)) == Side::Device;
  return toDevice ? (fromDevice ? npuMemcpyDeviceToDevice : npuMemcpyHostToDevice)
                  : (fromDevice ? npuMemcpyDeviceToHost : npuMemcpyHostToHost);
}

npuError_t checkFill(const core::AllocationMap &allocations, const void *p, std::size_t bytes) {
  if (bytes == 0)
    return npuSuccess;
  return checkSide(allocations, p, bytes, Side::Device);
}

core::OpLabel copyLabel(npuMemcpyKind kind) {
  switch (kind) {
  case npuMemcpyHostToDevice:
    return {"memcpy", "memcpy HtoD"};
  case npuMemcpyDeviceToHost:
    return {"memcpy", "memcpy DtoH"};
  case npuMemcpyDeviceToDevice:
    return {"memcpy", "memcpy DtoD"};
  default:
    return {"memcpy", "memcpy HtoH"};
  }
}

npuError_t runInStream(core::Runtime &runtime, npuStream_t stream, core::TimedWork work,
                       core::OpLabel label, bool wait) {
  auto target = runtime.streams().resolve(stream);
  if (!target)
    return npuErrorInvalidResourceHandle;
  auto unlessFaulted = [&runtime, work = std::move(work)](core::OpTiming &timing) {
    if (runtime.sticky.get() == npuSuccess)
      work(timing);
  };
  if (!wait) {
    if (auto captured = captureAsync(runtime, *target, unlessFaulted, label))
      return *captured;
    runtime.streams().enqueue(*target, std::move(unlessFaulted), std::move(label));
    return npuSuccess;
  }
  if (npuError_t error = checkSynchronousCall(runtime, *target); error != npuSuccess)
    return error;
  HostCallSpan span(runtime, "synchronous copy or fill");
  runtime.streams().runSynchronously(*target, std::move(unlessFaulted), std::move(label));
  return afterWait(runtime);
}

npuError_t copyInStream(core::Runtime &runtime, npuStream_t stream, void *dst, const void *src,
                        std::size_t count, npuMemcpyKind kind, bool wait) {
  if (count == 0)
    return runtime.streams().resolve(stream) ? npuSuccess : npuErrorInvalidResourceHandle;
  return runInStream(
      runtime, stream,
      [&backend = runtime.backend(), dst, src, count, kind](core::OpTiming &timing) {
        backend.copy(dst, src, count, kind, timing);
        timing.traceArgs = "\"bytes\":" + std::to_string(count);
      },
      copyLabel(kind), wait);
}

} // namespace npu::api
