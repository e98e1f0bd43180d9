// How a failing CUDA thread stops its block.
//
// A failure (device assert, a barrier on the loop path, a deadlock) is thrown as
// KernelFailure. On the loop path it unwinds straight to the engine's block loop;
// on the fiber path it is caught at the fiber's entry (an exception never crosses
// a fiber's stack boundary), the other fibers of the block are cancelled
// (FiberCancelled, thrown where each one waits), and the block's failure is
// rethrown on the worker's own stack once every fiber has unwound.
#pragma once

#include <string>

#include "npurt/detail/launch_abi.h"

namespace npu::engine {

// CUDA's error numbers (npurt's npuError_t uses the same values).
inline constexpr int kErrorInvalidValue = 1;
inline constexpr int kErrorAssert = 710;
inline constexpr int kErrorLaunchFailure = 719;

inline npuError_t toError(int code) { return static_cast<npuError_t>(code); }

struct KernelFailure {
  int code;            // kErrorAssert, kErrorLaunchFailure
  std::string message; // printed once per launch by the engine; empty: already printed
};

struct FiberCancelled {};

} // namespace npu::engine
