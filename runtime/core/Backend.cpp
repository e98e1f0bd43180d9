// Default implementations of Backend's optional ops (host-addressable device memory).
#include "core/Backend.h"

#include <cstring>

namespace npu::core {

void Backend::copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind /*kind*/,
                   OpTiming & /*timing*/) {
  std::memmove(dst, src, bytes);
}

void Backend::copy2D(void *dst, std::size_t dpitch, const void *src, std::size_t spitch,
                     std::size_t widthBytes, std::size_t height, npuMemcpyKind kind,
                     OpTiming &timing) {
  if (dpitch == widthBytes && spitch == widthBytes) {
    copy(dst, src, widthBytes * height, kind, timing);
    return;
  }
  auto *dstRow = static_cast<unsigned char *>(dst);
  auto *srcRow = static_cast<const unsigned char *>(src);
  for (std::size_t row = 0; row < height; ++row, dstRow += dpitch, srcRow += spitch)
    copy(dstRow, srcRow, widthBytes, kind, timing);
}

void Backend::fill(void *dst, int value, std::size_t bytes, OpTiming & /*timing*/) {
  std::memset(dst, value, bytes);
}

} // namespace npu::core
