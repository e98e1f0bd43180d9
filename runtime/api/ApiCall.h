// The protocol every npu* entry point follows, in one place:
//  1. after process teardown began, npuErrorCudartUnloading;
//  2. if the runtime failed to start (bad NPURT_* value), npuErrorInitializationError;
//  3. if a kernel left a sticky error, that error (until npuDeviceReset);
//  4. otherwise the body's result; exceptions become npuErrorMemoryAllocation / npuErrorUnknown
//     (no exception crosses the C API);
// and the result is recorded as the thread's last error (npuErrorNotReady excepted).
#pragma once

#include <new>

#include "core/ErrorState.h"
#include "core/Runtime.h"

namespace npu::api {

template <class Body> npuError_t call(Body &&body) noexcept {
  core::Runtime *runtime = core::Runtime::instance();
  npuError_t result;
  if (runtime == nullptr)
    result = npuErrorCudartUnloading;
  else if (runtime->initError() != npuSuccess)
    result = runtime->initError();
  else if (npuError_t sticky = runtime->sticky.get(); sticky != npuSuccess)
    result = sticky;
  else {
    try {
      result = body(*runtime);
    } catch (const std::bad_alloc &) {
      result = npuErrorMemoryAllocation;
    } catch (...) {
      result = npuErrorUnknown;
    }
  }
  return core::recordResult(result);
}

// For bodies that waited for work: the sticky error the work may have left, else success.
inline npuError_t afterWait(core::Runtime &runtime) { return runtime.sticky.get(); }

// A host API call shown on the profile's host row (NPURT_TRACE), from construction to
// destruction on the run's clock; nothing when no profile is collected.
class HostCallSpan {
public:
  HostCallSpan(core::Runtime &runtime, const char *api)
      : runtime_(runtime), api_(api),
        startMs_(runtime.profiler() != nullptr ? runtime.clock().nowMs() : 0) {}
  ~HostCallSpan() {
    if (profile::Profiler *profiler = runtime_.profiler())
      profiler->hostCall(api_, startMs_, runtime_.clock().nowMs());
  }
  HostCallSpan(const HostCallSpan &) = delete;
  HostCallSpan &operator=(const HostCallSpan &) = delete;

private:
  core::Runtime &runtime_;
  const char *api_;
  double startMs_;
};

} // namespace npu::api
