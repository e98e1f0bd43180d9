#include "core/Runtime.h"

#include <cstdio>

#include "core/Registry.h"

namespace npu::core {
namespace {
// Constant-initialised and trivially destructible, so it stays readable during static
// destruction, when the runtime object itself may already be gone.
std::atomic<bool> gUnloading{false};
} // namespace

Runtime *Runtime::instance() noexcept {
  if (gUnloading.load(std::memory_order_acquire))
    return nullptr;
  static Runtime runtime;
  return &runtime;
}

Runtime::Runtime() {
  Settings settings;
  std::string error = readSettings(settings);
  if (error.empty())
    backend_ = createBackend(settings.backend, error);
  if (!error.empty()) {
    // A configuration mistake must be visible, not a silent fallback: say it once, and fail
    // every call with npuErrorInitializationError.
    std::fprintf(stderr, "npurt: %s\n", error.c_str());
    initError_ = npuErrorInitializationError;
  } else {
    backend_->deviceProperties(0, properties_);
    pools_ = std::make_unique<PoolRegistry>(*backend_);
  }
  const bool modelled = backend_ != nullptr && backend_->modelsTime();
  clock_ = std::make_unique<RunClock>(modelled, modelled ? backend_->hostSyncSeconds() * 1e3 : 0);
  runner_ = std::make_unique<OpRunner>(*clock_, sticky);
  if (!settings.tracePath.empty() || !settings.reportPath.empty()) {
    profiler_ = std::make_unique<profile::Profiler>(settings.tracePath, settings.reportPath,
                                                    properties_.name, clock_->modelled());
    runner_->setObserver(profiler_.get());
  }
  streams_ = std::make_unique<StreamRegistry>(settings.perThreadDefaultStream, *runner_);
}

Runtime::~Runtime() {
  gUnloading.store(true, std::memory_order_release);
  streams_->shutdown();
  if (profiler_)
    profiler_->finish(backend_ ? backend_->reportNotes() : std::string());
  // The process's device and pinned memory goes with it, as a CUDA context's does: released
  // here, so that a leak checker reports only what the program leaks itself.
  releaseAllButSymbols();
}

void Runtime::releaseAllButSymbols() {
  if (!backend_)
    return; // it never started: nothing was allocated
  for (const Allocation &allocation : allocations.takeAllButSymbols())
    release(allocation);
}

void Runtime::release(const Allocation &allocation) {
  switch (allocation.kind) {
  case MemoryKind::StreamOrdered:
    if (pools_->release(allocation.base))
      break; // a pool's block
    [[fallthrough]];
  case MemoryKind::Device:
  case MemoryKind::Pitched:
    backend_->freeDevice(allocation.base);
    break;
  case MemoryKind::Managed:
    backend_->freeManaged(allocation.base);
    break;
  case MemoryKind::PinnedHost:
    backend_->freeHost(allocation.base);
    break;
  case MemoryKind::RegisteredHost:
    backend_->unregisterHost(allocation.base);
    break;
  case MemoryKind::Symbol:
    break; // owned by the program
  }
}

void Runtime::reset() {
  streams_->synchronizeAll();
  releaseAllButSymbols();
  pools_->reset(); // after: blocks in use were released as allocations
  updateDeviceSettings([](DeviceSettings &settings) { settings = DeviceSettings{}; });
  functions.clear();
  backend_->reset();
  sticky.clear();
}

} // namespace npu::core
