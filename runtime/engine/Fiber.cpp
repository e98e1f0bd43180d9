#include "engine/Fiber.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#if NPURT_ASAN
#include <sanitizer/asan_interface.h>
#endif
#if NPURT_TSAN
#include <sanitizer/tsan_interface.h>
#endif

#if !NPURT_FIBER_UCONTEXT
extern "C" void npurt_switch_context(void **saveStackPointer, void *loadStackPointer);
extern "C" void npurt_fiber_trampoline();
#endif

namespace npu::engine {

namespace {

std::size_t pageBytes() {
  static const std::size_t bytes = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return bytes;
}

std::size_t readStackBytes() {
  constexpr std::size_t kDefaultKiB = 128;
  const char *text = std::getenv("NPURT_FIBER_STACK_KB");
  if (text == nullptr || *text == '\0')
    return kDefaultKiB * 1024;
  char *end = nullptr;
  errno = 0;
  const unsigned long kib = std::strtoul(text, &end, 10);
  if (errno != 0 || *end != '\0' || kib < 16 || kib > 65536) {
    std::fprintf(stderr,
                 "npurt: NPURT_FIBER_STACK_KB='%s' is invalid: accepted values are integers from "
                 "16 to 65536 (KiB per CUDA-thread fiber stack; default %zu)\n",
                 text, kDefaultKiB);
    std::exit(EXIT_FAILURE);
  }
  const std::size_t page = pageBytes();
  return (kib * 1024 + page - 1) / page * page;
}

#if NPURT_FIBER_UCONTEXT
thread_local FiberFunction pendingFunction;
thread_local void *pendingArgument;
void ucontextEntry() { pendingFunction(pendingArgument); }
#endif

} // namespace

std::size_t fiberStackBytes() {
  static const std::size_t bytes = readStackBytes();
  return bytes;
}

#if NPURT_FIBER_UCONTEXT

void prepareContext(MachineContext &context, void *stackLow, void *stackHigh,
                    FiberFunction function, void *argument) {
  getcontext(&context.context);
  context.context.uc_stack.ss_sp = stackLow;
  context.context.uc_stack.ss_size =
      static_cast<std::size_t>(static_cast<char *>(stackHigh) - static_cast<char *>(stackLow));
  context.context.uc_link = nullptr;
  // makecontext passes int arguments only; the fiber is started by the very next
  // switch on this worker, so the argument travels through thread-local storage.
  pendingFunction = function;
  pendingArgument = argument;
  makecontext(&context.context, ucontextEntry, 0);
}

void switchContext(MachineContext &from, MachineContext &to) {
  swapcontext(&from.context, &to.context);
}

#else

void prepareContext(MachineContext &context, void *, void *stackHigh, FiberFunction function,
                    void *argument) {
  auto top = reinterpret_cast<std::uintptr_t>(stackHigh) & ~std::uintptr_t{15};
#if defined(__x86_64__)
  // The frame npurt_switch_context pops: r15, r14, r13, r12, rbx, rbp, return
  // address. After its `ret` the stack pointer is `top` (16-aligned), as the
  // trampoline's `call` needs for the System V ABI's alignment at entry.
  auto *frame = reinterpret_cast<std::uint64_t *>(top - 56);
  frame[0] = 0;                                         // r15
  frame[1] = 0;                                         // r14
  frame[2] = reinterpret_cast<std::uint64_t>(function); // r13
  frame[3] = reinterpret_cast<std::uint64_t>(argument); // r12
  frame[4] = 0;                                         // rbx
  frame[5] = 0;                                         // rbp
  frame[6] = reinterpret_cast<std::uint64_t>(&npurt_fiber_trampoline);
  context.stackPointer = frame;
#elif defined(__aarch64__)
  // x19..x28, x29, x30, d8..d15 as npurt_switch_context restores them; its `ret`
  // jumps to x30 = the trampoline with sp = top.
  auto *frame = reinterpret_cast<std::uint64_t *>(top - 160);
  std::memset(frame, 0, 160);
  frame[0] = reinterpret_cast<std::uint64_t>(argument);                 // x19
  frame[1] = reinterpret_cast<std::uint64_t>(function);                 // x20
  frame[11] = reinterpret_cast<std::uint64_t>(&npurt_fiber_trampoline); // x30
  context.stackPointer = frame;
#endif
}

void switchContext(MachineContext &from, MachineContext &to) {
  npurt_switch_context(&from.stackPointer, to.stackPointer);
}

#endif

FiberStack *StackPool::reserve(std::size_t count) {
  if (stacks_.size() >= count)
    return stacks_.data();
  const std::size_t usable = fiberStackBytes();
  const std::size_t guard = pageBytes();
  stacks_.reserve(count);
  while (stacks_.size() < count) {
    FiberStack stack;
    stack.mappingBytes = usable + guard;
    stack.mapping = mmap(nullptr, stack.mappingBytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (stack.mapping == MAP_FAILED)
      throw std::bad_alloc();
    if (mprotect(stack.mapping, guard, PROT_NONE) != 0) {
      munmap(stack.mapping, stack.mappingBytes);
      throw std::bad_alloc();
    }
    stack.low = static_cast<char *>(stack.mapping) + guard;
    stack.high = static_cast<char *>(stack.mapping) + stack.mappingBytes;
#if NPURT_TSAN
    stack.tsanFiber = __tsan_create_fiber(0);
#endif
    stacks_.push_back(stack);
  }
  return stacks_.data();
}

StackPool::~StackPool() {
  for (FiberStack &stack : stacks_) {
#if NPURT_TSAN
    __tsan_destroy_fiber(stack.tsanFiber);
#endif
#if NPURT_ASAN
    // ASan keeps the poison of the frames that were on it; whatever maps these addresses next
    // (the stacks of a later thread: cooperative grids run on threads of their own) starts clean.
    ASAN_UNPOISON_MEMORY_REGION(stack.low, static_cast<std::size_t>(stack.high - stack.low));
#endif
    munmap(stack.mapping, stack.mappingBytes);
  }
}

} // namespace npu::engine
