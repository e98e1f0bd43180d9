// A one-shot completion signal: the done-state of one operation in a stream. Streams, events
// and synchronous calls wait on these; waiting blocks on a condition variable (never spins).
// It also carries when the operation ended on the run's clock (core/RunClock.h): operations
// that depend on it start no earlier.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace npu::core {

class Completion {
public:
  // When the operation ended, on the run's clock; set by the stream before signal() and read
  // only once isDone() (the signal publishes it).
  double endMs = 0;

  void signal() {
    {
      std::lock_guard lock(mutex_);
      done_.store(true, std::memory_order_release);
    }
    changed_.notify_all();
  }
  bool isDone() const { return done_.load(std::memory_order_acquire); }
  void wait() const {
    if (isDone())
      return;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return done_.load(std::memory_order_relaxed); });
  }

private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::atomic<bool> done_{false};
};

} // namespace npu::core
