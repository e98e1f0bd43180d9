// Per-kernel settings made through npuFuncSetAttribute / npuFuncSetCacheConfig, keyed by the
// kernel's identity (GridTask::function, the address of the __global__ function); a kernel
// handle (npurt/device/kernel_handle.h) names its kernel's settings.
#pragma once

#include <mutex>
#include <unordered_map>

#include "core/KernelRegistry.h"
#include "npurt/runtime.h"

namespace npu::core {

struct FunctionSettings {
  int maxDynamicSharedBytes = -1; // -1: the device default (sharedMemPerBlock)
  int preferredSharedCarveout = -1;
  npuFuncCache cacheConfig = npuFuncCachePreferNone;
};

class FunctionTable {
public:
  FunctionSettings get(const void *function) const {
    std::lock_guard lock(mutex_);
    auto found = settings_.find(kernelIdentity(function));
    return found == settings_.end() ? FunctionSettings{} : found->second;
  }
  template <class Update> void update(const void *function, Update change) {
    std::lock_guard lock(mutex_);
    change(settings_[kernelIdentity(function)]);
  }

  void clear() { // npuDeviceReset: back to the defaults, as a new CUDA context would be
    std::lock_guard lock(mutex_);
    settings_.clear();
  }

private:
  mutable std::mutex mutex_;
  std::unordered_map<const void *, FunctionSettings> settings_;
};

} // namespace npu::core
