// Device memory of the cpu backend: ordinary host memory, so kernels running on the host's
// worker threads dereference device pointers directly. Aligned to 256 bytes, cudaMalloc's
// guarantee, which vectorised kernels and pitched layouts rely on.
#pragma once

#include <cstddef>

namespace npu::backends::cpu {

inline constexpr std::size_t kDeviceAlignment = 256;

void *allocateAligned(std::size_t bytes); // nullptr when out of memory
void freeAligned(void *ptr);

} // namespace npu::backends::cpu
