#include "engine/BlockRunner.h"

#include <cstdio>
#include <exception>
#include <thread>
#include <utility>

#include "engine/Failure.h"
#include "engine/GridBarrier.h"

#if NPURT_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#if NPURT_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace npu::engine {

namespace {

thread_local BlockRunner *currentRunner = nullptr;

constexpr std::uint32_t bit(std::uint32_t lane) { return std::uint32_t{1} << lane; }

int lowestLane(std::uint32_t lanes) { return __builtin_ctz(lanes); }

const char *kernelName() {
  const char *name = detail::blockContext.kernelName;
  return name != nullptr ? name : "?";
}

std::string blockPrefix() {
  char text[256];
  std::snprintf(text, sizeof text, "npurt: kernel '%s' block [%u,%u,%u]", kernelName(),
                ::blockIdx.x, ::blockIdx.y, ::blockIdx.z);
  return text;
}

} // namespace

BlockRunner *BlockRunner::current() { return currentRunner; }

BlockRunner::BlockRunner(WorkerFibers &storage, detail::ThreadEntry entry, void *body,
                         ::dim3 blockSize)
    : storage_(storage), threadCount_(blockSize.x * blockSize.y * blockSize.z), live_(threadCount_),
      entry_(entry), body_(body), blockSize_(blockSize) {
  FiberStack *stacks = storage.stacks.reserve(threadCount_);
  if (storage.fibers.size() < threadCount_)
    storage.fibers.resize(threadCount_);
  if (storage.readyQueue.size() < threadCount_)
    storage.readyQueue.resize(threadCount_);
  const std::uint32_t warpCount = (threadCount_ + 31) / 32;
  storage.warps.assign(warpCount, WarpState{});
  fibers_ = storage.fibers.data();
  queue_ = storage.readyQueue.data();
  warps_ = storage.warps.data();

  std::uint32_t index = 0;
  for (std::uint32_t z = 0; z < blockSize.z; ++z)
    for (std::uint32_t y = 0; y < blockSize.y; ++y)
      for (std::uint32_t x = 0; x < blockSize.x; ++x, ++index) {
        ThreadFiber &fiber = fibers_[index];
        fiber.stack = &stacks[index];
        fiber.thread = ::uint3{x, y, z};
        fiber.state = ThreadFiber::State::Ready;
        fiber.started = false;
        warps_[index / 32].present |= bit(index % 32);
        push(index);
      }
}

void BlockRunner::push(std::uint32_t fiber) {
  std::uint32_t tail = queueHead_ + queueSize_;
  if (tail >= threadCount_)
    tail -= threadCount_;
  queue_[tail] = fiber;
  ++queueSize_;
}

bool BlockRunner::popReady(std::uint32_t &fiber) {
  if (queueSize_ == 0)
    return false;
  fiber = queue_[queueHead_];
  if (++queueHead_ == threadCount_)
    queueHead_ = 0;
  --queueSize_;
  return true;
}

void BlockRunner::run() {
  BlockRunner *const outer = currentRunner;
  const detail::ExecMode outerMode = detail::blockContext.mode;
  currentRunner = this;
  detail::blockContext.mode = detail::ExecMode::Fibers;
#if NPURT_TSAN
  workerTsanFiber_ = __tsan_get_current_fiber();
#endif
  std::uint32_t first = 0;
  popReady(first);
  switchTo(nullptr, &fibers_[first], false);
  // Every fiber has exited.
  currentRunner = outer;
  detail::blockContext.mode = outerMode;
  if (failureCode_ != 0)
    throw KernelFailure{failureCode_, std::move(failureMessage_)};
}

void BlockRunner::switchTo(ThreadFiber *from, ThreadFiber *to, bool fromExits) {
  MachineContext &fromContext = from != nullptr ? from->context : workerContext_;
  MachineContext *toContext = &workerContext_;
  if (to != nullptr) {
    const auto index = static_cast<std::uint32_t>(to - fibers_);
    if (!to->started) {
      to->started = true;
      // Stagger the stack tops so the hot frames of successive fibers do not all
      // map to the same L1 sets (each stack's top is page-aligned).
      char *top = to->stack->high - (index * 320u) % 4096u;
      prepareContext(to->context, to->stack->low, top, &BlockRunner::fiberMain, this);
    }
    to->state = ThreadFiber::State::Running;
    current_ = index;
    ::threadIdx = to->thread;
    toContext = &to->context;
  }
#if NPURT_ASAN
  void *fakeStack = nullptr;
  const void *bottom =
      to != nullptr ? static_cast<const void *>(to->stack->low) : workerStackBottom_;
  const std::size_t size =
      to != nullptr ? static_cast<std::size_t>(to->stack->high - to->stack->low) : workerStackSize_;
  __sanitizer_start_switch_fiber(fromExits ? nullptr : &fakeStack, bottom, size);
#else
  (void)fromExits;
#endif
#if NPURT_TSAN
  __tsan_switch_to_fiber(to != nullptr ? to->stack->tsanFiber : workerTsanFiber_, 0);
#endif
  switchContext(fromContext, *toContext);
#if NPURT_ASAN
  finishSwitch(fakeStack);
#endif
}

void BlockRunner::finishSwitch([[maybe_unused]] void *fakeStack) {
#if NPURT_ASAN
  const void *previousBottom = nullptr;
  std::size_t previousSize = 0;
  __sanitizer_finish_switch_fiber(fakeStack, &previousBottom, &previousSize);
  // The first fiber of a block is always entered from the worker's own stack.
  if (workerStackBottom_ == nullptr) {
    workerStackBottom_ = const_cast<void *>(previousBottom);
    workerStackSize_ = previousSize;
  }
#endif
}

void BlockRunner::fiberMain(void *argument) {
  auto &runner = *static_cast<BlockRunner *>(argument);
  runner.finishSwitch(nullptr);
  ThreadFiber &fiber = runner.fibers_[runner.current_];
  if (!runner.aborting_) {
    // Nothing may unwind past this frame: there is no caller on a fiber's stack.
    try {
      runner.entry_(runner.body_, fiber.thread);
    } catch (const FiberCancelled &) {
    } catch (KernelFailure &failure) {
      runner.fail(failure.code, std::move(failure.message));
    } catch (const std::exception &exception) {
      runner.fail(kErrorLaunchFailure,
                  blockPrefix() + ": exception escaped the kernel: " + exception.what());
    } catch (...) {
      runner.fail(kErrorLaunchFailure, blockPrefix() + ": exception escaped the kernel");
    }
  }
  runner.exitCurrent();
}

void BlockRunner::exitCurrent() {
  ThreadFiber &fiber = fibers_[current_];
  const std::uint32_t warp = current_ / 32;
  fiber.state = ThreadFiber::State::Exited;
  --live_;
  warps_[warp].exited |= bit(current_ % 32);
  if (!aborting_) {
    // Exited threads count as arrived for the barrier and for warp collectives.
    if (barrierArrived_ > 0 && barrierArrived_ == live_)
      completeBarrier(threadCount_);
    completeSatisfiedWarpOps(warp);
    tryCompleteActiveMask(warp);
  }
  std::uint32_t next = 0;
  if (!popReady(next)) {
    if (live_ == 0) {
      switchTo(&fiber, nullptr, true);
      __builtin_unreachable();
    }
    fail(kErrorLaunchFailure, deadlockMessage());
    abortBlock();
    popReady(next);
  }
  switchTo(&fiber, &fibers_[next], true);
  __builtin_unreachable();
}

void BlockRunner::suspendCurrent() {
  tryCompleteActiveMask(current_ / 32);
  if (fibers_[current_].state == ThreadFiber::State::Running)
    return; // released already
  std::uint32_t next = 0;
  if (!popReady(next)) {
    fail(kErrorLaunchFailure, deadlockMessage());
    abortBlock(); // the caller throws FiberCancelled from this fiber
    return;
  }
  switchTo(&fibers_[current_], &fibers_[next], false);
}

void BlockRunner::yield() {
  // Every 1024th yield also lets the OS run other workers' blocks (a wait on another block).
  std::uint32_t next = 0;
  if ((++yields_ & 1023u) == 0 || !popReady(next)) {
    std::this_thread::yield();
    if (queueSize_ == 0 || !popReady(next))
      return;
  }
  ThreadFiber &self = fibers_[current_];
  const std::uint32_t index = current_;
  self.state = ThreadFiber::State::Ready;
  push(index);
  switchTo(&self, &fibers_[next], false);
  throwIfCancelled();
}

void BlockRunner::throwIfCancelled() const {
  if (aborting_)
    throw FiberCancelled{};
}

void BlockRunner::fail(int code, std::string message) {
  if (failureCode_ == 0) {
    failureCode_ = code;
    failureMessage_ = std::move(message);
  }
  abortBlock();
}

void BlockRunner::abortBlock() {
  if (aborting_)
    return;
  aborting_ = true;
  // Wake every waiting fiber; each one throws FiberCancelled where it waits and
  // unwinds to its entry, so destructors run and the stack is left clean.
  for (std::uint32_t i = 0; i < threadCount_; ++i) {
    ThreadFiber &fiber = fibers_[i];
    if (i == current_)
      continue;
    if (fiber.state == ThreadFiber::State::AtBarrier ||
        fiber.state == ThreadFiber::State::InWarpOp ||
        fiber.state == ThreadFiber::State::InActiveMask) {
      fiber.state = ThreadFiber::State::Ready;
      push(i);
    }
  }
  if (fibers_[current_].state != ThreadFiber::State::Exited)
    fibers_[current_].state = ThreadFiber::State::Running;
}

std::string BlockRunner::deadlockMessage() const {
  std::uint32_t atBarrier = 0, inWarpOp = 0, inActiveMask = 0, exited = 0;
  const ThreadFiber *example = nullptr;
  for (std::uint32_t i = 0; i < threadCount_; ++i) {
    switch (fibers_[i].state) {
    case ThreadFiber::State::AtBarrier:
      ++atBarrier;
      break;
    case ThreadFiber::State::InWarpOp:
      ++inWarpOp;
      if (example == nullptr)
        example = &fibers_[i];
      break;
    case ThreadFiber::State::InActiveMask:
      ++inActiveMask;
      break;
    case ThreadFiber::State::Exited:
      ++exited;
      break;
    default:
      break;
    }
  }
  char text[512];
  int length = std::snprintf(
      text, sizeof text,
      ": deadlock: no thread of the block can make progress (%u waiting at __syncthreads, %u in "
      "warp operations, %u in __activemask, %u exited)",
      atBarrier, inWarpOp, inActiveMask, exited);
  if (example != nullptr && length > 0 && static_cast<std::size_t>(length) < sizeof text) {
    std::snprintf(text + length, sizeof text - static_cast<std::size_t>(length),
                  "; thread [%u,%u,%u] waits in a warp operation with mask 0x%08x",
                  example->thread.x, example->thread.y, example->thread.z, example->mask);
  }
  return blockPrefix() + text;
}

int BlockRunner::barrier(detail::BarrierKind kind, int predicate) {
  ++barrierArrived_;
  if (predicate != 0)
    ++barrierTrue_;
  if (kind == detail::BarrierKind::Grid)
    barrierWaitsForGrid_ = true;
  if (barrierArrived_ == live_) {
    completeBarrier(current_);
  } else {
    fibers_[current_].state = ThreadFiber::State::AtBarrier;
    warps_[current_ / 32].atBarrier |= bit(current_ % 32);
    suspendCurrent();
  }
  throwIfCancelled();
  switch (kind) {
  case detail::BarrierKind::Count:
    return static_cast<int>(lastBarrierTrue_);
  case detail::BarrierKind::And:
    return lastBarrierTrue_ == lastBarrierArrived_ ? 1 : 0;
  case detail::BarrierKind::Or:
    return lastBarrierTrue_ != 0 ? 1 : 0;
  case detail::BarrierKind::Plain:
  case detail::BarrierKind::Grid:
    break;
  }
  return 0;
}

void BlockRunner::completeBarrier(std::uint32_t runningFiber) {
  // Results stay valid until every thread has read them: the next barrier cannot
  // complete before each live thread has arrived at it again.
  lastBarrierArrived_ = barrierArrived_;
  lastBarrierTrue_ = barrierTrue_;
  barrierArrived_ = 0;
  barrierTrue_ = 0;
  if (barrierWaitsForGrid_) {
    // The whole block has arrived: it waits for the other blocks of the grid as one, blocking
    // this OS thread (every block of a cooperative launch has one of its own).
    barrierWaitsForGrid_ = false;
    currentGridBarrier()->arriveAndWait();
  }
  const std::uint32_t warpCount = (threadCount_ + 31) / 32;
  for (std::uint32_t w = 0; w < warpCount; ++w)
    warps_[w].atBarrier = 0;
  for (std::uint32_t i = 0; i < threadCount_; ++i) {
    if (i != runningFiber && fibers_[i].state == ThreadFiber::State::AtBarrier) {
      fibers_[i].state = ThreadFiber::State::Ready;
      push(i);
    }
  }
}

std::uint64_t BlockRunner::warpCollective(detail::WarpOp op, std::uint32_t mask,
                                          std::uint64_t value, int sourceLane, int *predicate) {
  const std::uint32_t self = current_;
  const std::uint32_t warp = self / 32;
  const std::uint32_t lane = self % 32;
  WarpState &state = warps_[warp];
  ThreadFiber &fiber = fibers_[self];

  if (op == detail::WarpOp::ActiveMask) {
    // Emulates convergence: the lanes that reach __activemask before any other
    // lane of the warp could still join (every other lane is waiting or exited).
    state.inActiveMask |= bit(lane);
    fiber.state = ThreadFiber::State::InActiveMask;
    if (!tryCompleteActiveMask(warp))
      suspendCurrent();
    throwIfCancelled();
    return fiber.result;
  }

  // The calling lane always takes part; lanes beyond the block count as exited.
  const std::uint32_t participants = (mask | bit(lane)) & state.present;
  fiber.op = op;
  fiber.mask = participants;
  fiber.value = value;
  fiber.sourceLane = sourceLane;
  state.inWarpOp |= bit(lane);
  if (((state.inWarpOp | state.exited) & participants) == participants) {
    completeWarpOp(warp, participants);
  } else {
    fiber.state = ThreadFiber::State::InWarpOp;
    suspendCurrent();
  }
  throwIfCancelled();
  if (predicate != nullptr)
    *predicate = fiber.predicate;
  return fiber.result;
}

void BlockRunner::completeWarpOp(std::uint32_t warp, std::uint32_t mask) {
  WarpState &state = warps_[warp];
  const std::uint32_t participants = state.inWarpOp & mask;
  ThreadFiber *const lanes = fibers_ + warp * 32;
  const detail::WarpOp op = lanes[lowestLane(participants)].op;

  // The collective's value over all participants (for votes and reductions).
  std::uint64_t combined = 0;
  bool allEqual = true;
  {
    const std::uint64_t firstValue = lanes[lowestLane(participants)].value;
    std::uint32_t u32 = static_cast<std::uint32_t>(firstValue);
    std::int32_t s32 = static_cast<std::int32_t>(u32);
    std::uint32_t ballot = 0;
    for (std::uint32_t rest = participants; rest != 0; rest &= rest - 1) {
      const int lane = lowestLane(rest);
      const std::uint64_t value = lanes[lane].value;
      const auto v32 = static_cast<std::uint32_t>(value);
      if (value != 0)
        ballot |= bit(static_cast<std::uint32_t>(lane));
      if (value != firstValue)
        allEqual = false;
      if (rest == participants)
        continue; // first lane seeded the reductions
      switch (op) {
      case detail::WarpOp::AddU32:
        u32 += v32;
        break;
      case detail::WarpOp::MinU32:
        u32 = v32 < u32 ? v32 : u32;
        break;
      case detail::WarpOp::MaxU32:
        u32 = v32 > u32 ? v32 : u32;
        break;
      case detail::WarpOp::MinS32:
        s32 = static_cast<std::int32_t>(v32) < s32 ? static_cast<std::int32_t>(v32) : s32;
        break;
      case detail::WarpOp::MaxS32:
        s32 = static_cast<std::int32_t>(v32) > s32 ? static_cast<std::int32_t>(v32) : s32;
        break;
      case detail::WarpOp::AndU32:
        u32 &= v32;
        break;
      case detail::WarpOp::OrU32:
        u32 |= v32;
        break;
      case detail::WarpOp::XorU32:
        u32 ^= v32;
        break;
      default:
        break;
      }
    }
    switch (op) {
    case detail::WarpOp::Ballot:
      combined = ballot;
      break;
    case detail::WarpOp::Any:
      combined = ballot != 0 ? 1 : 0;
      break;
    case detail::WarpOp::All:
      combined = ballot == participants ? 1 : 0;
      break;
    case detail::WarpOp::MinS32:
    case detail::WarpOp::MaxS32:
      combined = static_cast<std::uint32_t>(s32);
      break;
    default:
      combined = u32;
      break;
    }
  }

  for (std::uint32_t rest = participants; rest != 0; rest &= rest - 1) {
    const int lane = lowestLane(rest);
    ThreadFiber &fiber = lanes[lane];
    switch (op) {
    case detail::WarpOp::Shuffle: {
      const int source = fiber.sourceLane;
      const bool readable = source >= 0 && source < 32 && ((participants >> source) & 1u) != 0;
      fiber.result = readable ? lanes[source].value : fiber.value;
      break;
    }
    case detail::WarpOp::MatchAny: {
      std::uint32_t same = 0;
      for (std::uint32_t other = participants; other != 0; other &= other - 1) {
        const int otherLane = lowestLane(other);
        if (lanes[otherLane].value == fiber.value)
          same |= bit(static_cast<std::uint32_t>(otherLane));
      }
      fiber.result = same;
      break;
    }
    case detail::WarpOp::MatchAll:
      fiber.result = allEqual ? participants : 0;
      fiber.predicate = allEqual ? 1 : 0;
      break;
    case detail::WarpOp::Sync:
      fiber.result = 0;
      break;
    default:
      fiber.result = combined;
      break;
    }
    state.inWarpOp &= ~bit(static_cast<std::uint32_t>(lane));
    const std::uint32_t index = warp * 32 + static_cast<std::uint32_t>(lane);
    if (fiber.state == ThreadFiber::State::InWarpOp) {
      fiber.state = ThreadFiber::State::Ready;
      push(index);
    }
  }
}

void BlockRunner::completeSatisfiedWarpOps(std::uint32_t warp) {
  WarpState &state = warps_[warp];
  for (std::uint32_t pending = state.inWarpOp; pending != 0; pending &= pending - 1) {
    const int lane = lowestLane(pending);
    if (((state.inWarpOp >> lane) & 1u) == 0)
      continue; // completed with an earlier group
    const std::uint32_t mask = fibers_[warp * 32 + static_cast<std::uint32_t>(lane)].mask;
    if (((state.inWarpOp | state.exited) & mask) == mask)
      completeWarpOp(warp, mask);
  }
}

bool BlockRunner::tryCompleteActiveMask(std::uint32_t warp) {
  WarpState &state = warps_[warp];
  if (state.inActiveMask == 0)
    return false;
  const std::uint32_t mayStillArrive =
      state.present & ~(state.exited | state.inWarpOp | state.inActiveMask | state.atBarrier);
  if (mayStillArrive != 0)
    return false;
  const std::uint32_t active = state.inActiveMask;
  state.inActiveMask = 0;
  for (std::uint32_t rest = active; rest != 0; rest &= rest - 1) {
    const std::uint32_t index = warp * 32 + static_cast<std::uint32_t>(lowestLane(rest));
    ThreadFiber &fiber = fibers_[index];
    fiber.result = active;
    if (index == current_) {
      fiber.state = ThreadFiber::State::Running;
    } else {
      fiber.state = ThreadFiber::State::Ready;
      push(index);
    }
  }
  return true;
}

} // namespace npu::engine
