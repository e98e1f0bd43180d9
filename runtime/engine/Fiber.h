// Fibers for the general per-thread path: pooled stacks and the context switch.
//
// A fiber is a stack plus a saved stack pointer. Switching saves the callee-saved
// registers on the current stack, stores its stack pointer and loads the other
// one (context_switch_<arch>.S): no system call, no signal mask, about a dozen
// instructions. Other architectures fall back to ucontext (slower: it saves the
// signal mask with a system call).
#pragma once

#include <cstddef>
#include <vector>

#if !defined(__x86_64__) && !defined(__aarch64__)
#define NPURT_FIBER_UCONTEXT 1
#include <ucontext.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NPURT_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define NPURT_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(NPURT_ASAN)
#define NPURT_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__) && !defined(NPURT_TSAN)
#define NPURT_TSAN 1
#endif

namespace npu::engine {

using FiberFunction = void (*)(void *argument);

// The saved state of a suspended fiber (or of the worker's own stack).
struct MachineContext {
#if NPURT_FIBER_UCONTEXT
  ucontext_t context;
#else
  void *stackPointer = nullptr;
#endif
};

// Prepares `context` so that switching to it calls function(argument) on the
// stack [stackLow, stackHigh). The function must never return: it switches away.
void prepareContext(MachineContext &context, void *stackLow, void *stackHigh,
                    FiberFunction function, void *argument);

// Saves the current state into `from` and resumes `to`.
void switchContext(MachineContext &from, MachineContext &to);

// One mmap'd fiber stack: reserved with MAP_NORESERVE (pages are committed when
// touched), with a PROT_NONE guard page below it so an overflow faults.
struct FiberStack {
  void *mapping = nullptr;
  std::size_t mappingBytes = 0;
  char *low = nullptr;  // lowest usable byte (just above the guard page)
  char *high = nullptr; // one past the highest usable byte
  void *tsanFiber = nullptr;
};

// The stacks of one worker thread, grown on demand and reused by every block the
// worker runs. Released when the worker thread exits.
class StackPool {
public:
  StackPool() = default;
  StackPool(const StackPool &) = delete;
  StackPool &operator=(const StackPool &) = delete;
  ~StackPool();

  // Makes at least `count` stacks available; returns the pool's stacks.
  FiberStack *reserve(std::size_t count);

private:
  std::vector<FiberStack> stacks_;
};

// Usable bytes per fiber stack: NPURT_FIBER_STACK_KB (16..65536), default 128 KiB.
std::size_t fiberStackBytes();

} // namespace npu::engine
