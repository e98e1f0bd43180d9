// Helpers for the runtime API tests: readable error names in failures, hand-written grids for
// the launch path, host work on a stream from a lambda, and a gate that host functions block on
// (with a timeout, so a broken ordering fails the test instead of hanging it).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>

#include "npurt/detail/launch_abi.h"
#include "npurt/runtime.h"

// gtest prints npuError_t values by name.
inline void PrintTo(npuError error, std::ostream *os) { *os << npuGetErrorName(error); }

namespace npu::test {

// Every test starts and ends on a clean device: no sticky error, no last error, no allocations.
class RuntimeTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(npuDeviceReset(), npuSuccess);
    ASSERT_EQ(npuGetLastError(), npuSuccess);
  }
  void TearDown() override { EXPECT_EQ(npuDeviceReset(), npuSuccess); }
};

// A grid whose blocks count themselves: exercises the launch path without kernel code.
class CountingGrid final : public npu::detail::GridTask {
public:
  CountingGrid(std::atomic<int> &blocksRun, dim3 gridDim, dim3 blockDim,
               std::size_t dynamicShared = 0, const void *kernel = nullptr)
      : blocksRun_(blocksRun) {
    name = "CountingGrid";
    function = kernel;
    grid = gridDim;
    block = blockDim;
    dynamicSharedBytes = dynamicShared;
  }
  void runBlock() override { blocksRun_.fetch_add(1, std::memory_order_relaxed); }

private:
  std::atomic<int> &blocksRun_;
};

// A grid whose every block fails by throwing: the engine reports npuErrorLaunchFailure.
class ThrowingGrid final : public npu::detail::GridTask {
public:
  ThrowingGrid() { name = "ThrowingGrid"; }
  void runBlock() override { throw std::runtime_error("block failed on purpose"); }
};

inline npuError_t launchCounting(std::atomic<int> &blocksRun, dim3 grid, dim3 block,
                                 std::size_t dynamicShared = 0, npuStream_t stream = nullptr,
                                 const void *kernel = nullptr) {
  return npu::detail::enqueueGrid(
      std::make_unique<CountingGrid>(blocksRun, grid, block, dynamicShared, kernel), stream);
}

// Runs `work` on `stream` through npuLaunchHostFunc.
inline npuError_t onStream(npuStream_t stream, std::function<void()> work) {
  auto *heapWork = new std::function<void()>(std::move(work));
  npuError_t result = npuLaunchHostFunc(
      stream,
      [](void *data) {
        std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()> *>(data));
        (*owned)();
      },
      heapWork);
  if (result != npuSuccess)
    delete heapWork;
  return result;
}

// A one-shot gate: wait() blocks until open() (or the timeout, returning false).
class Gate {
public:
  void open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return open_; });
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

// Counts arrivals; wait() returns true once `expected` parties arrived (false on timeout).
class Rendezvous {
public:
  explicit Rendezvous(int expected) : remaining_(expected) {}
  bool arriveAndWait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    if (--remaining_ <= 0)
      changed_.notify_all();
    return changed_.wait_for(lock, timeout, [this] { return remaining_ <= 0; });
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int remaining_;
};

} // namespace npu::test
