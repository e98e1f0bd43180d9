// Runs a kernel written in the emitted form directly on the engine, without the
// host API: builds the GridTask exactly as npu::launch does and executes it.
#pragma once

#include <cstddef>
#include <utility>

#include "engine/Engine.h"
#include "npurt/kernel.h"

namespace npu::test {

inline constexpr int kSuccess = 0;
inline constexpr int kErrorAssert = 710;
inline constexpr int kErrorLaunchFailure = 719;

template <class... Params, class... Args>
int runKernel(const char *name, void (*kernel)(Params...), dim3 grid, dim3 block,
              std::size_t dynamicSharedBytes, Args &&...args) {
  auto task = npu::detail::makeGridTask(name, kernel, grid, block, dynamicSharedBytes,
                                        std::forward<Args>(args)...);
  return static_cast<int>(npu::engine::executeGrid(*task));
}

} // namespace npu::test
