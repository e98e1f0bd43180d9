// The memory checker (NPURT_MEMCHECK=1, on every backend): device allocations get guard pages
// and are never reused, so an out-of-bounds access or a use after free by a kernel faults, and
// the fault is reported at the kernel that did it (kernel name, block, thread, address and the
// allocation it missed), like compute-sanitizer's memcheck.
#pragma once

#include <cstddef>

namespace npu::memcheck {

// The exit status of a process the checker stopped: the first error found ends the run (as
// compute-sanitizer does), after one report on stderr that starts with "npurt memcheck:".
inline constexpr int kErrorExitStatus = 86;

// NPURT_MEMCHECK=1 (read once).
bool enabled();
// Guarded device memory of `bytes`, aligned to `alignment` (a power of two); nullptr when the
// host cannot give it. Only called when enabled().
void *allocate(std::size_t bytes, std::size_t alignment);
// The alignment a backend should ask allocate() for, given the alignment it promises
// (cudaMalloc: 256): the largest power of two dividing `bytes`, at least 16, at most
// `promised`. The data's end then touches the guard page for every size that is a multiple of
// 16, so reading or writing one element past the end faults at once instead of landing in
// padding (where only writes are found, by the canary check, without the thread). Every
// T[n] stays aligned for T and for the vector types; only a program that relies on 256-byte
// alignment of a buffer whose size is not a multiple of 256 sees a difference.
std::size_t guardedAlignment(std::size_t bytes, std::size_t promised);
// Releases memory from allocate(); its pages stay inaccessible so a later use faults. Returns
// false when `ptr` did not come from allocate().
bool release(void *ptr);

// Checks the canary bytes of every live allocation (the slack before the data and the padding
// after it, which the guard pages cannot cover) and, if a write landed there, reports it as
// found after `kernelName` and stops the program. Backends call it after each grid when
// enabled(); release() checks the freed allocation's canaries in any case.
void checkAfterKernel(const char *kernelName);

} // namespace npu::memcheck
