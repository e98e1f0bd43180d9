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
// implementations must be thread-safe. Ops called from a stream worker (copy, fill, runGrid)
// run in stream order; the API layer has already validated their arguments.
//
// Time: every stream operation is timed on the run's clock (core/RunClock.h) into an OpTiming,
// which events, the trace (NPURT_TRACE) and the report (NPURT_REPORT) read. On a backend that
// runs on the host as fast as it can (cpu) the stream measures the operation. A backend that
// models a device (modelsTime() true) says when the operation ran on the modelled device.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "npurt/detail/launch_abi.h"
#include "npurt/runtime.h"

namespace npu::core {

// The timing of one stream operation, in milliseconds on the run's clock.
struct OpTiming {
  // Set by the stream before the op: when its dependencies had ended and the host had issued it.
  double readyMs = 0;
  // When the operation ran. Measured backends: set by the stream around the op. Modelled
  // backends: add one span per device activity with addSpan (a 2D copy done row by row adds a
  // span per row); an op that adds none takes no device time (an event record, a host function).
  double startMs = 0;
  double endMs = 0;
  bool spanned = false;
  // For the profile: JSON object members describing the operation ("\"bytes\":4096"), and for a
  // modelled kernel what bounds it ("compute", "memory", "latency") and the fraction of that
  // resource's peak it achieves (negative: not modelled).
  std::string traceArgs;
  const char *bound = nullptr;
  double peakFraction = -1;

  // When the op's next device activity may start: after the previous one.
  double nextReadyMs() const { return spanned ? endMs : readyMs; }
  void addSpan(double spanStartMs, double spanEndMs) {
    if (!spanned)
      startMs = spanStartMs;
    endMs = spanEndMs;
    spanned = true;
  }
};

// A library routine (cuBLAS, cuFFT) that the API layer runs on the host in stream order,
// described for a backend that prices it (runtime/lib/LibraryCall.h).
struct LibraryWork {
  // Matrix multiplies (the GEMM family) can use matrix units; everything else is vector work.
  enum class Unit { Matrix, Vector };
  // The element type the arithmetic is done in: Fp16 inputs with fp32 accumulation are Fp16.
  enum class Precision { Fp16, Fp32, Fp64 };
  Unit unit = Unit::Vector;
  Precision precision = Precision::Fp32;
  double flops = 0; // real floating-point operations (a complex multiply-add counts 8)
  double bytes = 0; // device memory read + written
};

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
  // OPTIONAL. False (default): the stream measures each operation on the wall clock. True: the
  // backend models the device's time and fills OpTiming; npuEventElapsedTime then reports
  // modelled durations. Constant for the backend's lifetime.
  virtual bool modelsTime() const { return false; }
  // OPTIONAL (modelling backends). Seconds a host wait (synchronize, synchronous copy) costs after
  // the device work it waited for ends: the host-visible round trip, apart from the on-device
  // launch cost. Default 0.
  virtual double hostSyncSeconds() const { return 0; }
  // OPTIONAL. Copies `bytes` (kind already resolved: never npuMemcpyDefault); default memcpy.
  virtual void copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind kind,
                    OpTiming &timing);
  // OPTIONAL. A 2D copy of `height` rows of `widthBytes`; default: one copy() per row, or one
  // copy() when both sides are contiguous.
  virtual void copy2D(void *dst, std::size_t dpitch, const void *src, std::size_t spitch,
                      std::size_t widthBytes, std::size_t height, npuMemcpyKind kind,
                      OpTiming &timing);
  // OPTIONAL. Sets `bytes` bytes to (unsigned char)value; default memset.
  virtual void fill(void *dst, int value, std::size_t bytes, OpTiming &timing);
  // REQUIRED. Runs every block of the grid and returns when done. A non-success result
  // (npuErrorAssert, npuErrorLaunchFailure, npuErrorIllegalAddress, ...) becomes the process's
  // sticky error. Several streams may call this concurrently.
  virtual npuError_t runGrid(detail::GridTask &task, OpTiming &timing) = 0;
  // OPTIONAL. Runs a library routine: `compute` does it on the host (device memory must be
  // host-addressable, as on every backend so far); a modelling backend also prices `work` into
  // `timing`. Default: runs it (the stream measures it).
  virtual void runLibrary(const LibraryWork & /*work*/, const std::function<void()> &compute,
                          OpTiming & /*timing*/) {
    compute();
  }

  // ---- Reporting ----
  // OPTIONAL. Lines the end-of-run report (NPURT_REPORT) adds after its kernel table, e.g. the
  // portability warnings a modelled device raised; default none.
  virtual std::string reportNotes() const { return {}; }

  // ---- Lifecycle ----
  // OPTIONAL. Called by npuDeviceReset after all work finished and every allocation was
  // released; default: nothing to do.
  virtual void reset() {}
};

} // namespace npu::core
