// The pieces of a kernel launch that graph nodes and the type-erased launch forms share with
// `::npu::launch` (runtime/api/launch.cpp).
#pragma once

#include <memory>

#include "core/Runtime.h"

namespace npu::api {

// CUDA's launch checks, against the device's limits: npuErrorInvalidConfiguration or success.
npuError_t checkConfiguration(core::Runtime &runtime, const detail::GridTask &task);
// Stream work that runs the grid (nothing once the device has a sticky error).
core::TimedWork gridWork(core::Runtime &runtime, std::shared_ptr<detail::GridTask> grid);
// How the profile names the grid's operation.
core::OpLabel gridLabel(const detail::GridTask &grid);

} // namespace npu::api

namespace npu::api {

// The grid a kernel handle (npurt/device/kernel_handle.h) and CUDA's `void **` argument array
// describe: npuErrorInvalidDeviceFunction when `function` is no handle, npuErrorInvalidValue
// when a kernel with parameters gets no arguments.
npuError_t gridFromHandle(const void *function, dim3 grid, dim3 block, std::size_t sharedBytes,
                          void **arguments, std::unique_ptr<detail::GridTask> &task);

} // namespace npu::api
