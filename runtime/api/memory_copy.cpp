// Copies and fills, synchronous and stream-ordered (CUDA runtime manual: "Memory Management").
// Arguments are validated when the call is made; the work runs when the stream reaches it. The
// synchronous forms are stream-ordered on the default stream and wait for completion, so they
// also wait for earlier default-stream work (and, on the legacy stream, for blocking streams).
#include <string>

#include "api/ApiCall.h"
#include "api/memory_checks.h"

using npu::api::call;
using npu::api::checkCopy;
using npu::api::checkFill;
using npu::api::copyInStream;
using npu::api::extent2D;
using npu::api::resolveKind;
using npu::api::runInStream;
using npu::core::Runtime;

namespace {

npuError_t copy(Runtime &runtime, void *dst, const void *src, size_t count, npuMemcpyKind kind,
                npuStream_t stream, bool wait) {
  if (npuError_t error = checkCopy(runtime.allocations, dst, src, count, kind); error != npuSuccess)
    return error;
  return copyInStream(runtime, stream, dst, src, count,
                      resolveKind(runtime.allocations, dst, src, kind), wait);
}

npuError_t copy2D(Runtime &runtime, void *dst, size_t dpitch, const void *src, size_t spitch,
                  size_t width, size_t height, npuMemcpyKind kind, npuStream_t stream, bool wait) {
  if (width > dpitch || width > spitch)
    return npuErrorInvalidPitchValue;
  if (width == 0 || height == 0) {
    if (npuError_t error = checkCopy(runtime.allocations, dst, src, 0, kind); error != npuSuccess)
      return error;
    return runtime.streams().resolve(stream) ? npuSuccess : npuErrorInvalidResourceHandle;
  }
  if (npuError_t error = checkCopy(runtime.allocations, dst, extent2D(dpitch, width, height), src,
                                   extent2D(spitch, width, height), kind);
      error != npuSuccess)
    return error;
  npuMemcpyKind direction = resolveKind(runtime.allocations, dst, src, kind);
  return runInStream(
      runtime, stream,
      [&backend = runtime.backend(), dst, dpitch, src, spitch, width, height,
       direction](npu::core::OpTiming &timing) {
        backend.copy2D(dst, dpitch, src, spitch, width, height, direction, timing);
        timing.traceArgs =
            "\"bytes\":" + std::to_string(width * height) + ",\"rows\":" + std::to_string(height);
      },
      npu::api::copyLabel(direction), wait);
}

npuError_t fill2D(Runtime &runtime, void *devPtr, size_t pitch, int value, size_t width,
                  size_t height, npuStream_t stream, bool wait) {
  if (width > pitch)
    return npuErrorInvalidValue;
  if (width == 0 || height == 0)
    return runtime.streams().resolve(stream) ? npuSuccess : npuErrorInvalidResourceHandle;
  if (npuError_t error = checkFill(runtime.allocations, devPtr, extent2D(pitch, width, height));
      error != npuSuccess)
    return error;
  return runInStream(
      runtime, stream,
      [&backend = runtime.backend(), devPtr, pitch, value, width,
       height](npu::core::OpTiming &timing) {
        timing.traceArgs = "\"bytes\":" + std::to_string(width * height);
        if (pitch == width) {
          backend.fill(devPtr, value, width * height, timing);
          return;
        }
        for (size_t row = 0; row < height; ++row)
          backend.fill(static_cast<char *>(devPtr) + row * pitch, value, width, timing);
      },
      {"memset", "memset"}, wait);
}

} // namespace

extern "C" {

npuError_t npuMemcpy(void *dst, const void *src, size_t count, npuMemcpyKind kind) {
  return call(
      [&](Runtime &runtime) { return copy(runtime, dst, src, count, kind, nullptr, true); });
}

npuError_t npuMemcpyAsync(void *dst, const void *src, size_t count, npuMemcpyKind kind,
                          npuStream_t stream) {
  return call(
      [&](Runtime &runtime) { return copy(runtime, dst, src, count, kind, stream, false); });
}

npuError_t npuMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                       size_t height, npuMemcpyKind kind) {
  return call([&](Runtime &runtime) {
    return copy2D(runtime, dst, dpitch, src, spitch, width, height, kind, nullptr, true);
  });
}

npuError_t npuMemcpy2DAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                            size_t height, npuMemcpyKind kind, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    return copy2D(runtime, dst, dpitch, src, spitch, width, height, kind, stream, false);
  });
}

npuError_t npuMemset(void *devPtr, int value, size_t count) {
  return call([&](Runtime &runtime) {
    return fill2D(runtime, devPtr, count, value, count, 1, nullptr, true);
  });
}

npuError_t npuMemsetAsync(void *devPtr, int value, size_t count, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    return fill2D(runtime, devPtr, count, value, count, 1, stream, false);
  });
}

npuError_t npuMemset2D(void *devPtr, size_t pitch, int value, size_t width, size_t height) {
  return call([&](Runtime &runtime) {
    return fill2D(runtime, devPtr, pitch, value, width, height, nullptr, true);
  });
}

npuError_t npuMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width, size_t height,
                            npuStream_t stream) {
  return call([&](Runtime &runtime) {
    return fill2D(runtime, devPtr, pitch, value, width, height, stream, false);
  });
}

} // extern "C"
