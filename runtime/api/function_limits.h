// Per-kernel limits shared by the launch checks and the occupancy calculator.
#pragma once

#include <cstddef>

#include "core/Runtime.h"

namespace npu::api {

// Dynamic shared memory a launch of `function` may request: sharedMemPerBlock (48 KiB) unless
// raised with npuFuncAttributeMaxDynamicSharedMemorySize (up to sharedMemPerBlockOptin).
std::size_t maxDynamicSharedBytes(core::Runtime &runtime, const void *function);

// Blocks of `function` resident on one multiprocessor at once with this block size and dynamic
// shared memory (occupancy.cpp: CUDA's occupancy model on the device's limits); 0 when the
// configuration cannot launch. A cooperative launch may have at most this many per
// multiprocessor.
int activeBlocksPerMultiprocessor(core::Runtime &runtime, const void *function, int blockSize,
                                  std::size_t dynamicSharedBytes);

} // namespace npu::api
