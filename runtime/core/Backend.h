// The backend interface: what the API layer (runtime/api) needs from a device.
//
// The API layer owns everything CUDA defines independently of the hardware: argument
// validation, error state, the allocation map, streams, events, symbols and function
// attributes. A backend only answers "what is the device" and "do this now". Each op is marked
// REQUIRED (pure virtual) or OPTIONAL (a default that is right for any device whose memory
// the host can address directly, as on the cpu backend). A new backend (say
// runtime/backends/ascend/) starts from backends/cpu, overrides what differs, and adds one line
// to runtime/core/Registry.cpp.
//
// Threading: ops may be called from any host thread and from stream worker threads at once;
// implementations must be thread-safe. Ops called from a stream worker (copy, fill, runGrid,
// timestampMs) run in stream order; the API layer has already validated their arguments.
#pragma once

#include <cstddef>
#include <string>

#include "npurt/detail/launch_abi.h"
#include "npurt/runtime.h"

namespace npu::core {

class Backend {
public:
  virtual ~Backend() = default;

  // ---- Identity and properties ----
  // REQUIRED. Short name as accepted by NPURT_BACKEND ("cpu", "ascend:910B2", ...).
  virtual std::string name() const = 0;
  // OPTIONAL. Number of devices; default 1.
  virtual int deviceCount() const { return 1; }
  // REQUIRED. Fills every field a program may read; called once per device at start and cached.
  virtual void deviceProperties(int device, npuDeviceProp &prop) const = 0;
  // REQUIRED. Free and total bytes of device memory right now (npuMemGetInfo).
  virtual void memoryInfo(int device, std::size_t &freeBytes, std::size_t &totalBytes) const = 0;

  // ---- Memory ----
  // REQUIRED. Device memory of at least `bytes` (> 0), aligned to 256 bytes like cudaMalloc;
  // nullptr when out of memory. The address must not overlap any other live allocation.
  virtual void *allocateDevice(std::size_t bytes) = 0;
  // REQUIRED. Frees memory from allocateDevice.
  virtual void freeDevice(void *ptr) = 0;
  // OPTIONAL. Page-locked host memory (npuMallocHost/npuHostAlloc); default: allocateDevice.
  virtual void *allocateHost(std::size_t bytes, unsigned int /*flags*/) {
    return allocateDevice(bytes);
  }
  // OPTIONAL. Frees memory from allocateHost; default: freeDevice.
  virtual void freeHost(void *ptr) { freeDevice(ptr); }
  // OPTIONAL. Managed memory (npuMallocManaged); default: allocateDevice, i.e. memory both the
  // host and the device address directly.
  virtual void *allocateManaged(std::size_t bytes) { return allocateDevice(bytes); }
  // OPTIONAL. Frees memory from allocateManaged; default: freeDevice.
  virtual void freeManaged(void *ptr) { freeDevice(ptr); }
  // OPTIONAL. Pins [ptr, ptr + bytes) for npuHostRegister; default: nothing to do. Returns
  // npuSuccess or the error npuHostRegister should report.
  virtual npuError_t registerHost(void * /*ptr*/, std::size_t /*bytes*/, unsigned int /*flags*/) {
    return npuSuccess;
  }
  // OPTIONAL. Undoes registerHost; default: nothing to do.
  virtual void unregisterHost(void * /*ptr*/) {}

  // ---- Work executed in stream order ----
  // OPTIONAL. Copies `bytes` (kind already resolved: never npuMemcpyDefault); default memcpy.
  virtual void copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind kind);
  // OPTIONAL. A 2D copy of `height` rows of `widthBytes`; default: one copy() per row, or one
  // copy() when both sides are contiguous.
  virtual void copy2D(void *dst, std::size_t dpitch, const void *src, std::size_t spitch,
                      std::size_t widthBytes, std::size_t height, npuMemcpyKind kind);
  // OPTIONAL. Sets `bytes` bytes to (unsigned char)value; default memset.
  virtual void fill(void *dst, int value, std::size_t bytes);
  // REQUIRED. Runs every block of the grid and returns when done. A non-success result
  // (npuErrorAssert, npuErrorLaunchFailure, npuErrorIllegalAddress, ...) becomes the process's
  // sticky error. Several streams may call this concurrently.
  virtual npuError_t runGrid(detail::GridTask &task) = 0;
  // OPTIONAL. The clock events read when a stream reaches them, in milliseconds from an
  // arbitrary origin; default std::chrono::steady_clock. A modelled device returns its
  // simulated time here so npuEventElapsedTime reports modelled durations.
  virtual double timestampMs();

  // ---- Lifecycle ----
  // OPTIONAL. Called by npuDeviceReset after all work finished and every allocation was
  // released; default: nothing to do.
  virtual void reset() {}
};

} // namespace npu::core
