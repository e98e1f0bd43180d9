// Per-kernel limits shared by the launch checks and the occupancy calculator.
#pragma once

#include <cstddef>

#include "core/Runtime.h"

namespace npu::api {

// Dynamic shared memory a launch of `function` may request: sharedMemPerBlock (48 KiB) unless
// raised with npuFuncAttributeMaxDynamicSharedMemorySize (up to sharedMemPerBlockOptin).
std::size_t maxDynamicSharedBytes(core::Runtime &runtime, const void *function);

} // namespace npu::api
