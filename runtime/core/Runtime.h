// The runtime's process-wide state (CUDA's primary context): the backend, the device's cached
// properties, the allocation map, streams, events, captures, graphs, memory pools, per-kernel
// settings, device settings and the sticky error. Created on the first API call; destroyed at
// process exit after waiting for all work, after which every API call returns
// npuErrorCudartUnloading (as CUDA does).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "core/AllocationMap.h"
#include "core/Backend.h"
#include "core/Capture.h"
#include "core/ErrorState.h"
#include "core/Event.h"
#include "core/FunctionTable.h"
#include "core/GraphRegistry.h"
#include "core/MemPool.h"
#include "core/RunClock.h"
#include "core/Settings.h"
#include "core/Stream.h"
#include "profile/Profiler.h"

namespace npu::core {

// Device-wide settings changed through the device-management API.
struct DeviceSettings {
  unsigned int flags = npuDeviceScheduleAuto;
  npuFuncCache cacheConfig = npuFuncCachePreferNone;
  npuSharedMemConfig sharedMemConfig = npuSharedMemBankSizeDefault;
  // Indexed by npuLimit. CUDA's defaults: 1 KiB stack, 1 MiB printf FIFO, 8 MiB malloc heap.
  std::array<std::size_t, 7> limits{1024, 1 << 20, 8 << 20, 2, 2048, 64, 0};
};

class Runtime {
public:
  // The runtime, or nullptr once it is being torn down at process exit.
  static Runtime *instance() noexcept;

  // npuSuccess, or npuErrorInitializationError when NPURT_* named something unknown.
  npuError_t initError() const { return initError_; }
  Backend &backend() { return *backend_; }
  const npuDeviceProp &properties() const { return properties_; }
  StreamRegistry &streams() { return *streams_; }
  PoolRegistry &pools() { return *pools_; }
  RunClock &clock() { return *clock_; }
  // The trace and report collector; nullptr unless NPURT_TRACE or NPURT_REPORT is set.
  profile::Profiler *profiler() { return profiler_.get(); }

  AllocationMap allocations;
  EventRegistry events;
  FunctionTable functions;
  StickyError sticky;
  CaptureRegistry captures;
  GraphRegistry graphs;

  DeviceSettings deviceSettings() const {
    std::lock_guard lock(settingsMutex_);
    return deviceSettings_;
  }
  template <class Update> void updateDeviceSettings(Update change) {
    std::lock_guard lock(settingsMutex_);
    change(deviceSettings_);
  }

  // Returns an allocation's memory to the backend (or unpins registered host memory).
  void release(const Allocation &allocation);
  // npuDeviceReset: waits for all work, frees every allocation, drops host registrations,
  // restores the device and per-kernel settings and clears the sticky error. Streams, events and
  // symbols stay valid (CUDA would invalidate streams and events; keeping them is more forgiving).
  void reset();

  ~Runtime();

private:
  Runtime();
  // Frees every allocation and drops every host registration (npuDeviceReset and exit).
  void releaseAllButSymbols();

  npuError_t initError_ = npuSuccess;
  std::unique_ptr<Backend> backend_;
  npuDeviceProp properties_{};
  std::unique_ptr<RunClock> clock_;
  std::unique_ptr<OpRunner> runner_;
  std::unique_ptr<profile::Profiler> profiler_;
  std::unique_ptr<StreamRegistry> streams_;
  std::unique_ptr<PoolRegistry> pools_; // after backend_: destroyed while it still exists
  mutable std::mutex settingsMutex_;
  DeviceSettings deviceSettings_;
};

} // namespace npu::core
