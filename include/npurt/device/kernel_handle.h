// A __global__ function used as a value. CUDA code hands kernels to type-erased entry points as
// `void *` (`cudaLaunchKernel((void *)k, grid, block, args, ...)`, `cudaKernelNodeParams::func`)
// with the arguments as a `void **` array; cu2npu writes each such value as
// `::npu::kernel_handle("k", k)`. The handle is a stable address per kernel that the runtime
// looks up (runtime/core/KernelRegistry.h) to rebuild the typed launch: the trampoline below
// copies each argument from the array into the kernel's parameter types, as CUDA copies them
// into the launch's parameter buffer. A `void *` that is no handle is
// npuErrorInvalidDeviceFunction.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

#include "npurt/device/launch.h"
#include "npurt/runtime.h"

namespace npu {
namespace detail {

template <class... Params, std::size_t... Index>
std::unique_ptr<GridTask> taskFromArgumentArray(void (*kernel)(Params...), void **arguments,
                                                std::index_sequence<Index...>) {
  return std::make_unique<KernelTask<Params...>>(
      kernel, *static_cast<std::decay_t<Params> *>(arguments[Index])...);
}

template <class... Params>
std::unique_ptr<GridTask> taskFromArguments(void (*erased)(), void **arguments) {
  auto kernel = reinterpret_cast<void (*)(Params...)>(erased);
  return taskFromArgumentArray(kernel, arguments, std::index_sequence_for<Params...>{});
}

} // namespace detail

template <class... Params>
inline const void *kernel_handle(const char *name, void (*kernel)(Params...)) {
  detail::KernelEntry entry;
  entry.name = name;
  entry.function = reinterpret_cast<const void *>(kernel);
  entry.kernel = reinterpret_cast<void (*)()>(kernel);
  entry.parameterCount = sizeof...(Params);
  entry.makeTask = &detail::taskFromArguments<Params...>;
  return detail::registerKernel(entry);
}

} // namespace npu

// CUDA's C++ form of cudaLaunchKernelEx: the arguments are converted to the kernel's parameter
// types as for `<<<>>>`; the configuration's attributes are checked (npurt/launch_config.h).
template <class... Params, class... Args>
inline npuError_t npuLaunchKernelEx(const npuLaunchConfig_t *config, void (*kernel)(Params...),
                                    Args &&...args) {
  bool cooperative = false;
  if (npuError_t error = ::npu::detail::checkLaunchConfig(config, cooperative); error != npuSuccess)
    return error;
  auto task = ::npu::detail::makeGridTask(nullptr, kernel, config->gridDim, config->blockDim,
                                          config->dynamicSmemBytes, std::forward<Args>(args)...);
  task->cooperative = cooperative;
  return ::npu::detail::enqueueGrid(std::move(task), config->stream);
}

// CUDA's C++ overload `cudaLaunchKernel(T *func, ...)`: the kernel is typed here.
template <class... Params>
inline npuError_t npuLaunchKernel(void (*func)(Params...), dim3 gridDim, dim3 blockDim, void **args,
                                  size_t sharedMem = 0, npuStream_t stream = 0) {
  return ::npuLaunchKernel(::npu::kernel_handle(nullptr, func), gridDim, blockDim, args, sharedMem,
                           stream);
}

// CUDA's C++ overload `cudaLaunchCooperativeKernel(T *func, ...)`.
template <class... Params>
inline npuError_t npuLaunchCooperativeKernel(void (*func)(Params...), dim3 gridDim, dim3 blockDim,
                                             void **args, size_t sharedMem = 0,
                                             npuStream_t stream = 0) {
  return ::npuLaunchCooperativeKernel(::npu::kernel_handle(nullptr, func), gridDim, blockDim, args,
                                      sharedMem, stream);
}
