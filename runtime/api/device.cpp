// Device management and version management (CUDA runtime manual: "Device Management",
// "Version Management"). One device, ordinal 0, on every current backend.
#include <cstring>

#include "api/ApiCall.h"
#include "api/Arrays.h"
#include "api/TextureTable.h"
#include "api/capture_hooks.h"
#include "api/device_attributes.h"
#include "api/stream_priority.h"

using npu::api::call;
using npu::core::Runtime;

namespace {

thread_local int tCurrentDevice = 0;

bool validDevice(Runtime &runtime, int device) {
  return device >= 0 && device < runtime.backend().deviceCount();
}

} // namespace

extern "C" {

npuError_t npuDriverGetVersion(int *driverVersion) {
  if (driverVersion == nullptr)
    return npu::core::recordResult(npuErrorInvalidValue);
  *driverVersion = NPURT_CUDA_API_VERSION;
  return npuSuccess;
}

npuError_t npuRuntimeGetVersion(int *runtimeVersion) {
  if (runtimeVersion == nullptr)
    return npu::core::recordResult(npuErrorInvalidValue);
  *runtimeVersion = NPURT_CUDA_API_VERSION;
  return npuSuccess;
}

npuError_t npuGetDeviceCount(int *count) {
  return call([&](Runtime &runtime) {
    if (count == nullptr)
      return npuErrorInvalidValue;
    *count = runtime.backend().deviceCount();
    return npuSuccess;
  });
}

npuError_t npuSetDevice(int device) {
  return call([&](Runtime &runtime) {
    if (!validDevice(runtime, device))
      return npuErrorInvalidDevice;
    tCurrentDevice = device;
    return npuSuccess;
  });
}

npuError_t npuGetDevice(int *device) {
  return call([&](Runtime &) {
    if (device == nullptr)
      return npuErrorInvalidValue;
    *device = tCurrentDevice;
    return npuSuccess;
  });
}

npuError_t npuGetDeviceProperties(npuDeviceProp *prop, int device) {
  return call([&](Runtime &runtime) {
    if (prop == nullptr)
      return npuErrorInvalidValue;
    if (!validDevice(runtime, device))
      return npuErrorInvalidDevice;
    *prop = runtime.properties();
    return npuSuccess;
  });
}

npuError_t npuDeviceGetAttribute(int *value, npuDeviceAttr attr, int device) {
  return call([&](Runtime &runtime) {
    if (value == nullptr)
      return npuErrorInvalidValue;
    if (!validDevice(runtime, device))
      return npuErrorInvalidDevice;
    auto attribute = npu::api::deviceAttribute(runtime.properties(), attr);
    if (!attribute)
      return npuErrorInvalidValue;
    *value = *attribute;
    return npuSuccess;
  });
}

npuError_t npuChooseDevice(int *device, const npuDeviceProp *prop) {
  return call([&](Runtime &) {
    if (device == nullptr || prop == nullptr)
      return npuErrorInvalidValue;
    *device = 0; // the only device is the closest match to any request
    return npuSuccess;
  });
}

npuError_t npuSetDeviceFlags(unsigned int flags) {
  return call([&](Runtime &runtime) {
    const unsigned int schedule = flags & npuDeviceScheduleMask;
    if ((flags & ~npuDeviceMask) != 0 ||
        (schedule != npuDeviceScheduleAuto && schedule != npuDeviceScheduleSpin &&
         schedule != npuDeviceScheduleYield && schedule != npuDeviceScheduleBlockingSync))
      return npuErrorInvalidValue;
    runtime.updateDeviceSettings([&](auto &settings) { settings.flags = flags; });
    return npuSuccess;
  });
}

npuError_t npuGetDeviceFlags(unsigned int *flags) {
  return call([&](Runtime &runtime) {
    if (flags == nullptr)
      return npuErrorInvalidValue;
    // Host memory is always mapped (unified addressing), so MapHost is always reported.
    *flags = runtime.deviceSettings().flags | npuDeviceMapHost;
    return npuSuccess;
  });
}

npuError_t npuDeviceSynchronize(void) {
  return call([&](Runtime &runtime) {
    if (npuError_t unsafe = npu::api::checkUnsafeCall(runtime); unsafe != npuSuccess)
      return unsafe; // runtime/core/Capture.h: potentially unsafe while capturing
    npu::api::HostCallSpan span(runtime, "npuDeviceSynchronize");
    runtime.streams().synchronizeAll();
    runtime.pools().trimToThresholds(); // CUDA releases pool memory at synchronisation
    return npu::api::afterWait(runtime);
  });
}

npuError_t npuDeviceReset(void) {
  // Not through call(): resetting is how a program recovers from a sticky error.
  Runtime *runtime = Runtime::instance();
  if (runtime == nullptr)
    return npuErrorCudartUnloading;
  if (runtime->initError() != npuSuccess)
    return npu::core::recordResult(runtime->initError());
  runtime->reset();
  // The reset released every allocation, arrays' included: their handles and the texture
  // and surface objects over any memory are dead.
  npu::api::TextureTable::instance().memoryFreedAll();
  npu::api::ArrayRegistry::instance().clear();
  npu::core::takeLastError();
  return npuSuccess;
}

npuError_t npuThreadSynchronize(void) { return npuDeviceSynchronize(); }
npuError_t npuThreadExit(void) { return npuDeviceReset(); }
npuError_t npuThreadGetLimit(size_t *value, npuLimit limit) {
  return npuDeviceGetLimit(value, limit);
}
npuError_t npuThreadSetLimit(npuLimit limit, size_t value) {
  return npuDeviceSetLimit(limit, value);
}
npuError_t npuThreadGetCacheConfig(npuFuncCache *config) { return npuDeviceGetCacheConfig(config); }
npuError_t npuThreadSetCacheConfig(npuFuncCache config) { return npuDeviceSetCacheConfig(config); }

npuError_t npuDeviceGetSharedMemConfig(npuSharedMemConfig *config) {
  return call([&](Runtime &runtime) {
    if (config == nullptr)
      return npuErrorInvalidValue;
    *config = runtime.deviceSettings().sharedMemConfig;
    return npuSuccess;
  });
}

npuError_t npuDeviceSetSharedMemConfig(npuSharedMemConfig config) {
  return call([&](Runtime &runtime) {
    if (config < npuSharedMemBankSizeDefault || config > npuSharedMemBankSizeEightByte)
      return npuErrorInvalidValue;
    runtime.updateDeviceSettings([&](auto &settings) { settings.sharedMemConfig = config; });
    return npuSuccess;
  });
}

npuError_t npuProfilerStart(void) {
  return call([](Runtime &) { return npuSuccess; });
}
npuError_t npuProfilerStop(void) {
  return call([](Runtime &) { return npuSuccess; });
}

npuError_t npuDeviceGetLimit(size_t *value, npuLimit limit) {
  return call([&](Runtime &runtime) {
    if (value == nullptr)
      return npuErrorInvalidValue;
    if (limit < npuLimitStackSize || limit > npuLimitPersistingL2CacheSize ||
        limit == npuLimitDevRuntimeSyncDepth || limit == npuLimitDevRuntimePendingLaunchCount)
      return npuErrorUnsupportedLimit; // no dynamic parallelism
    *value = runtime.deviceSettings().limits[limit];
    return npuSuccess;
  });
}

npuError_t npuDeviceSetLimit(npuLimit limit, size_t value) {
  return call([&](Runtime &runtime) {
    if (limit < npuLimitStackSize || limit > npuLimitPersistingL2CacheSize ||
        limit == npuLimitDevRuntimeSyncDepth || limit == npuLimitDevRuntimePendingLaunchCount)
      return npuErrorUnsupportedLimit;
    // Recorded and reported back; the cpu engine's stacks and heap do not depend on them.
    runtime.updateDeviceSettings([&](auto &settings) { settings.limits[limit] = value; });
    return npuSuccess;
  });
}

npuError_t npuDeviceGetCacheConfig(npuFuncCache *config) {
  return call([&](Runtime &runtime) {
    if (config == nullptr)
      return npuErrorInvalidValue;
    *config = runtime.deviceSettings().cacheConfig;
    return npuSuccess;
  });
}

npuError_t npuDeviceSetCacheConfig(npuFuncCache config) {
  return call([&](Runtime &runtime) {
    if (config < npuFuncCachePreferNone || config > npuFuncCachePreferEqual)
      return npuErrorInvalidValue;
    runtime.updateDeviceSettings([&](auto &settings) { settings.cacheConfig = config; });
    return npuSuccess;
  });
}

npuError_t npuDeviceGetStreamPriorityRange(int *leastPriority, int *greatestPriority) {
  return call([&](Runtime &) {
    if (leastPriority != nullptr)
      *leastPriority = npu::api::kLeastStreamPriority;
    if (greatestPriority != nullptr)
      *greatestPriority = npu::api::kGreatestStreamPriority;
    return npuSuccess;
  });
}

// Peer access needs two devices; with one, every peer is invalid, as CUDA reports for a
// device asked to peer with itself.
npuError_t npuDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice) {
  return call([&](Runtime &runtime) {
    if (canAccessPeer == nullptr)
      return npuErrorInvalidValue;
    if (!validDevice(runtime, device) || !validDevice(runtime, peerDevice))
      return npuErrorInvalidDevice;
    *canAccessPeer = 0; // a device is never its own peer
    return npuSuccess;
  });
}

npuError_t npuDeviceEnablePeerAccess(int peerDevice, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (flags != 0)
      return npuErrorInvalidValue;
    if (!validDevice(runtime, peerDevice) || peerDevice == tCurrentDevice)
      return npuErrorInvalidDevice;
    return npuErrorPeerAccessUnsupported;
  });
}

npuError_t npuDeviceDisablePeerAccess(int peerDevice) {
  return call([&](Runtime &runtime) {
    if (!validDevice(runtime, peerDevice) || peerDevice == tCurrentDevice)
      return npuErrorInvalidDevice;
    return npuErrorPeerAccessNotEnabled;
  });
}

} // extern "C"
