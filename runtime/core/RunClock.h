// The run's clock: the time base of stream operations, events, the trace and the report, in
// milliseconds since the runtime started.
//
// Measured (cpu backend): the wall clock. Modelled (a backend whose modelsTime() is true): the
// device's modelled time. The host then has a modelled time too: it issues work at the latest
// modelled end of device work it has waited for (a synchronous copy, a stream, event or device
// synchronisation), so a program's own timings see modelled durations. Host computation between
// API calls takes no modelled time.
#pragma once

#include <atomic>
#include <chrono>

namespace npu::core {

class RunClock {
public:
  // `hostSyncLatencyMs`: what a wait costs the host after the device work it waited for ends (the
  // backend's Backend::hostSyncSeconds; modelled clocks only).
  explicit RunClock(bool modelled, double hostSyncLatencyMs = 0)
      : modelled_(modelled), hostSyncLatencyMs_(hostSyncLatencyMs) {}

  bool modelled() const { return modelled_; }
  // Now, as the host issuing an operation sees it.
  double nowMs() const { return modelled_ ? hostMs_.load(std::memory_order_acquire) : wallMs(); }
  // The wall time since the runtime started (measured operations, host API spans).
  double wallMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin_)
        .count();
  }
  // The host waited for device work that ended at `endMs`. If that work was still running at the
  // host's time, the host resumes the synchronisation latency after it ended; work already done
  // costs the host nothing.
  void hostWaitedUntil(double endMs) {
    if (!modelled_)
      return;
    const double resumedMs = endMs + hostSyncLatencyMs_;
    double seen = hostMs_.load(std::memory_order_relaxed);
    while (seen < endMs &&
           !hostMs_.compare_exchange_weak(seen, resumedMs, std::memory_order_acq_rel)) {
    }
  }

private:
  const bool modelled_;
  const double hostSyncLatencyMs_;
  const std::chrono::steady_clock::time_point origin_ = std::chrono::steady_clock::now();
  std::atomic<double> hostMs_{0};
};

} // namespace npu::core
