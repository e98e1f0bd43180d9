// Copies and fills of host memory, split across TBB workers when large: the cpu backend's copy
// and fill, shared with every backend whose device memory is host memory underneath (the
// modelled Ascend device runs its copies for real here, then models their time).
#pragma once

#include <cstddef>

namespace npu::backends::cpu {

// Copies `bytes`; overlapping ranges behave as memmove (CUDA leaves them undefined).
void hostCopy(void *dst, const void *src, std::size_t bytes);
// Sets `bytes` bytes to (unsigned char)value.
void hostFill(void *dst, int value, std::size_t bytes);

} // namespace npu::backends::cpu
