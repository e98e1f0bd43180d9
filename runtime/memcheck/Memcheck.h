// The memory checker (NPURT_MEMCHECK=1, on every backend): device allocations get guard pages
// and are never reused, so an out-of-bounds access or a use after free by a kernel faults, and
// the fault is reported at the kernel that did it (kernel name, block, thread, address and the
// allocation it missed), like compute-sanitizer's memcheck.
#pragma once

#include <cstddef>

namespace npu::memcheck {

// NPURT_MEMCHECK=1 (read once).
bool enabled();
// Guarded device memory of `bytes`, aligned to `alignment` (a power of two); nullptr when the
// host cannot give it. Only called when enabled().
void *allocate(std::size_t bytes, std::size_t alignment);
// Releases memory from allocate(); its pages stay inaccessible so a later use faults. Returns
// false when `ptr` did not come from allocate().
bool release(void *ptr);

} // namespace npu::memcheck
