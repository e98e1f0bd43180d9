// Kernel handles (npurt/device/kernel_handle.h): one KernelEntry per kernel address, kept for the
// life of the process (a handle stays valid across npuDeviceReset, as a CUDA kernel's address
// does). The type-erased entry points look handles up here; a pointer that is no handle finds
// nothing (npuErrorInvalidDeviceFunction), never a crash.
#pragma once

#include "npurt/detail/launch_abi.h"

namespace npu::core {

// The entry a handle names, or nullptr when `handle` is not one.
const detail::KernelEntry *findKernel(const void *handle);

// The identity per-kernel settings are keyed by (GridTask::function): a handle's kernel address,
// or `function` itself (a kernel address passed directly, by the typed API forms).
inline const void *kernelIdentity(const void *function) {
  const detail::KernelEntry *entry = findKernel(function);
  return entry != nullptr ? entry->function : function;
}

} // namespace npu::core
