// `k<<<grid, block, smem, stream>>>(args...)` becomes
// `::npu::launch("k", k, grid, block, smem, stream, args...)`.
//
// The arguments are converted to the kernel's parameter types and copied into a
// GridTask (as CUDA copies them into the launch's parameter buffer); the task is
// handed to the runtime, which validates the configuration and enqueues it.
#pragma once

#include <cstddef>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "npurt/detail/launch_abi.h"

namespace npu {
namespace detail {

// Converts like passing an argument to a function parameter: implicit
// conversions only (int -> size_t, derived* -> base*, nullptr -> T*).
template <class To, class From> inline To convertArgument(From &&value) {
  return std::forward<From>(value);
}

template <class... Params> class KernelTask final : public GridTask {
public:
  using Kernel = void (*)(Params...);

  template <class... Args>
  explicit KernelTask(Kernel kernel, Args &&...args)
      : kernel_(kernel),
        arguments_(convertArgument<std::decay_t<Params>>(std::forward<Args>(args))...) {}

  void runBlock() override { std::apply(kernel_, arguments_); }

private:
  Kernel kernel_;
  std::tuple<std::decay_t<Params>...> arguments_;
};

// Builds the task without enqueueing it (also used by the engine's tests).
template <class... Params, class... Args>
std::unique_ptr<GridTask> makeGridTask(const char *name, void (*kernel)(Params...), dim3 grid,
                                       dim3 block, std::size_t dynamicSharedBytes, Args &&...args) {
  static_assert(sizeof...(Params) == sizeof...(Args),
                "npu::launch: the number of arguments differs from the kernel's parameters");
  auto task = std::make_unique<KernelTask<Params...>>(kernel, std::forward<Args>(args)...);
  task->name = name;
  task->function = reinterpret_cast<const void *>(kernel);
  task->grid = grid;
  task->block = block;
  task->dynamicSharedBytes = dynamicSharedBytes;
  return task;
}

} // namespace detail

template <class... Params, class... Args>
inline npuError_t launch(const char *name, void (*kernel)(Params...), dim3 grid, dim3 block,
                         std::size_t dynamicSharedBytes, npuStream_t stream, Args &&...args) {
  return detail::enqueueGrid(detail::makeGridTask(name, kernel, grid, block, dynamicSharedBytes,
                                                  std::forward<Args>(args)...),
                             stream);
}

} // namespace npu
