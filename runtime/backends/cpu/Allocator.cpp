#include "backends/cpu/Allocator.h"

#include <cstdint>
#include <cstdlib>

namespace npu::backends::cpu {

void *allocateAligned(std::size_t bytes) {
  // aligned_alloc wants a multiple of the alignment; guard the round-up against overflow.
  if (bytes > SIZE_MAX - kDeviceAlignment)
    return nullptr;
  std::size_t rounded = (bytes + kDeviceAlignment - 1) / kDeviceAlignment * kDeviceAlignment;
  return std::aligned_alloc(kDeviceAlignment, rounded);
}

void freeAligned(void *ptr) { std::free(ptr); }

} // namespace npu::backends::cpu
