// CUDA's two kinds of error state: the per-thread last error (npuGetLastError) and the
// per-process sticky error left by a failed kernel, which every later call returns until
// npuDeviceReset.
#pragma once

#include <atomic>

#include "npurt/runtime.h"

namespace npu::core {

// The calling thread's last error.
npuError_t peekLastError() noexcept;
npuError_t takeLastError() noexcept; // returns it and resets it to npuSuccess
// Records a call's result as CUDA does: every error except npuErrorNotReady (a status, not an
// error) becomes the thread's last error. Returns `result`.
npuError_t recordResult(npuError_t result) noexcept;

class StickyError {
public:
  npuError_t get() const noexcept { return error_.load(std::memory_order_acquire); }
  // The first failure wins: later ones are consequences of it.
  void set(npuError_t error) noexcept {
    npuError_t expected = npuSuccess;
    error_.compare_exchange_strong(expected, error, std::memory_order_acq_rel);
  }
  void clear() noexcept { error_.store(npuSuccess, std::memory_order_release); }

private:
  std::atomic<npuError_t> error_{npuSuccess};
};

} // namespace npu::core
