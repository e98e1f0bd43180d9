// Checks shared by the memory API: bounds against the allocation map and CUDA's
// unified-addressing view of which side (host or device) a pointer is on.
#pragma once

#include <cstddef>

#include "core/Runtime.h"

namespace npu::api {

// Extent in bytes of a 2D region of `height` rows of `width` bytes, `pitch` apart.
inline std::size_t extent2D(std::size_t pitch, std::size_t width, std::size_t height) {
  return height == 0 ? 0 : pitch * (height - 1) + width;
}

// Validates a copy of `bytes` from src to dst with an explicit or default kind:
// npuErrorInvalidMemcpyDirection for a kind outside npuMemcpyKind; npuErrorInvalidValue for a
// null pointer, a range running past the end of a known allocation, or a side that contradicts
// the kind (a device side that is host memory or unknown, a host side that is device memory).
// The 2D form checks each side over its own extent (see extent2D).
npuError_t checkCopy(const core::AllocationMap &allocations, void *dst, std::size_t dstBytes,
                     const void *src, std::size_t srcBytes, npuMemcpyKind kind);
inline npuError_t checkCopy(const core::AllocationMap &allocations, void *dst, const void *src,
                            std::size_t bytes, npuMemcpyKind kind) {
  return checkCopy(allocations, dst, bytes, src, bytes, kind);
}
// The direction of a validated copy, with npuMemcpyDefault resolved from the pointers.
npuMemcpyKind resolveKind(const core::AllocationMap &allocations, const void *dst, const void *src,
                          npuMemcpyKind kind);
// Validates a fill of `bytes` at p: device-accessible known memory, within bounds.
npuError_t checkFill(const core::AllocationMap &allocations, const void *p, std::size_t bytes);

// Runs `work` in the order of `stream` (a handle as the program passed it); with `wait`, returns
// once it has run (the synchronous API forms). npuErrorInvalidResourceHandle for a bad stream.
// Work is skipped once a sticky error exists, as a faulted device runs nothing more.
npuError_t runInStream(core::Runtime &runtime, npuStream_t stream, core::TimedWork work,
                       core::OpLabel label, bool wait);
// How the profile names a copy in direction `kind`.
core::OpLabel copyLabel(npuMemcpyKind kind);

// A checked linear copy of `count` bytes in direction `kind` (already resolved), in the order of
// `stream`; a zero-byte copy only validates the stream.
npuError_t copyInStream(core::Runtime &runtime, npuStream_t stream, void *dst, const void *src,
                        std::size_t count, npuMemcpyKind kind, bool wait);

} // namespace npu::api
