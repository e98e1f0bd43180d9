// The fiber path: runs the CUDA threads of one block as fibers on the calling
// worker thread, with block barriers and warp collectives between them.
//
// All fibers of a block live on one OS thread and only one runs at a time, so the
// block's scheduling state needs no atomics or locks. A fiber runs until it waits
// (barrier, warp collective) or exits, then switches directly to the next ready
// fiber (one switch per thread per barrier, no trip through a scheduler stack).
// The worker's own stack is resumed only when every fiber has exited.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/Fiber.h"
#include "npurt/device/builtins.h"

namespace npu::engine {

class BlockRunner;

struct ThreadFiber {
  enum class State : std::uint8_t { Ready, Running, AtBarrier, InWarpOp, InActiveMask, Exited };

  MachineContext context;
  FiberStack *stack = nullptr;
  ::uint3 thread{0, 0, 0};
  State state = State::Ready;
  bool started = false;
  // The pending warp collective of this lane and its result.
  detail::WarpOp op = detail::WarpOp::Sync;
  std::uint32_t mask = 0;
  int sourceLane = -1;
  int predicate = 0;
  std::uint64_t value = 0;
  std::uint64_t result = 0;
};

struct WarpState {
  std::uint32_t present = 0; // lanes that exist in this block
  std::uint32_t exited = 0;
  std::uint32_t inWarpOp = 0;     // waiting in a warp collective
  std::uint32_t inActiveMask = 0; // waiting in __activemask
  std::uint32_t atBarrier = 0;    // waiting at a block barrier
};

// Per-worker storage reused by every block the worker runs on the fiber path.
struct WorkerFibers {
  StackPool stacks;
  std::vector<ThreadFiber> fibers;
  std::vector<std::uint32_t> readyQueue;
  std::vector<WarpState> warps;
};

class BlockRunner {
public:
  BlockRunner(WorkerFibers &storage, detail::ThreadEntry entry, void *body, ::dim3 blockSize);
  BlockRunner(const BlockRunner &) = delete;
  BlockRunner &operator=(const BlockRunner &) = delete;

  // Runs every thread to completion. Throws KernelFailure if the block failed.
  void run();

  int barrier(detail::BarrierKind kind, int predicate);
  std::uint64_t warpCollective(detail::WarpOp op, std::uint32_t mask, std::uint64_t value,
                               int sourceLane, int *predicate);

  // The current thread steps aside for the other ready threads of the block (a
  // spin-wait's back-edge); with none ready, or now and then, for the OS.
  void yield();
  // The runner of the block running on this worker's fibers, or null.
  static BlockRunner *current();

private:
  static void fiberMain(void *runner);

  void switchTo(ThreadFiber *from, ThreadFiber *to, bool fromExits);
  void finishSwitch(void *fakeStack);
  void suspendCurrent();
  [[noreturn]] void exitCurrent();
  void push(std::uint32_t fiber);
  bool popReady(std::uint32_t &fiber);

  void completeBarrier(std::uint32_t runningFiber);
  void completeWarpOp(std::uint32_t warp, std::uint32_t mask);
  void completeSatisfiedWarpOps(std::uint32_t warp);
  bool tryCompleteActiveMask(std::uint32_t warp);
  void fail(int code, std::string message);
  void abortBlock();
  std::string deadlockMessage() const;
  void throwIfCancelled() const;

  WorkerFibers &storage_;
  ThreadFiber *fibers_;
  WarpState *warps_;
  std::uint32_t *queue_;
  std::uint32_t threadCount_;
  std::uint32_t queueHead_ = 0;
  std::uint32_t queueSize_ = 0;
  std::uint32_t current_ = 0;
  std::uint32_t live_ = 0; // fibers not exited
  detail::ThreadEntry entry_;
  void *body_;
  ::dim3 blockSize_;

  // The barrier being filled and the result of the last completed one.
  std::uint32_t barrierArrived_ = 0;
  std::uint32_t barrierTrue_ = 0;
  bool barrierWaitsForGrid_ = false; // a thread arrived at it in grid_group::sync()
  std::uint32_t lastBarrierArrived_ = 0;
  std::uint32_t lastBarrierTrue_ = 0;

  bool aborting_ = false;
  std::uint32_t yields_ = 0;
  int failureCode_ = 0;
  std::string failureMessage_;

  MachineContext workerContext_;
  void *workerStackBottom_ = nullptr; // for ASan's fiber switch annotations
  std::size_t workerStackSize_ = 0;
  void *workerTsanFiber_ = nullptr;
};

} // namespace npu::engine
