// The CUDA thread context and the two per-thread execution paths of a block.
//
// The engine runs one block at a time per worker thread. Before calling
// GridTask::runBlock() it sets the thread-local globals below (blockIdx, blockDim,
// gridDim, the dynamic shared memory buffer); the kernel body, wrapped by the
// translator in for_each_thread or for_each_thread_sync, then runs once per CUDA
// thread of the block on that worker.
#pragma once

#include <atomic>
#include <climits>
#include <cstdint>
#include <memory>
#include <type_traits>

#include "npurt/detail/dim3.h"
#include "npurt/device/cost.h"

// CUDA's built-in variables. Kernel bodies see by-value parameters of the same
// names (NPU_THREAD_PARAMS) that shadow these; the globals serve __device__
// functions, which read them as CUDA code does. Constant-initialised inline
// thread_locals, so an access is a plain TLS load with no init guard.
inline thread_local ::uint3 threadIdx{0, 0, 0};
inline thread_local ::uint3 blockIdx{0, 0, 0};
inline thread_local ::dim3 blockDim{1, 1, 1};
inline thread_local ::dim3 gridDim{1, 1, 1};
inline constexpr int warpSize = 32;

// The parameter list of the lambda the translator wraps a kernel body in: the built-ins, and
// whether NPU_COST counts (npurt/device/cost.h), which makes the lambda generic.
#define NPU_THREAD_PARAMS                                                                          \
  [[maybe_unused]] const ::uint3 threadIdx, [[maybe_unused]] const ::uint3 blockIdx,               \
      [[maybe_unused]] const ::dim3 blockDim, [[maybe_unused]] const ::dim3 gridDim,               \
      [[maybe_unused]] const auto npu_cost_counting

namespace npu {
namespace detail {

// How the CUDA threads of the current block are being run on this worker.
enum class ExecMode : unsigned char {
  Host,   // not inside a kernel body
  Loop,   // for_each_thread: a plain loop, no thread can wait for another
  Fibers, // for_each_thread_sync: one fiber per CUDA thread
};

// Per-worker block context beyond the four CUDA globals (set by the engine).
struct BlockContext {
  void *dynamicShared;    // 16-byte aligned, at least GridTask::dynamicSharedBytes
  const char *kernelName; // for messages (device assert, misuse)
  ExecMode mode;
};
inline thread_local BlockContext blockContext{nullptr, nullptr, ExecMode::Host};

// Engine entry points (runtime/engine). Everything that can make a CUDA thread
// wait for another one goes through these, so the engine alone decides how.
using ThreadEntry = void (*)(void *body, ::uint3 thread);
// Runs entry(body, t) for every thread t of the current block, each on its own
// fiber, and returns when all have returned. Throws (to the engine's block
// loop) if the block failed: device assert, deadlock, misuse.
void runThreadsAsFibers(ThreadEntry entry, void *body);
// Reports a synchronising operation reached on the loop path (fails the launch
// when the block has more than one thread; returns otherwise).
void syncOnLoopPath(const char *operation);

// Grid: grid_group::sync(), a block barrier that completes once every block of the
// cooperative launch has reached one too.
enum class BarrierKind : int { Plain, Count, And, Or, Grid };
int blockBarrier(BarrierKind kind, int predicate);
// grid_group::sync() (fails the launch unless it is cooperative) and grid_group::is_valid().
void gridBarrier();
bool inCooperativeGrid();

enum class WarpOp : int {
  Sync,    // __syncwarp
  Shuffle, // srcLane already resolved by the caller (idx/up/down/xor)
  Ballot,
  Any,
  All,
  MatchAny,
  MatchAll, // result: mask or 0; *predicate set
  AddU32,
  MinU32,
  MaxU32,
  MinS32,
  MaxS32,
  AndU32,
  OrU32,
  XorU32,
  ActiveMask,
};
// One warp collective by the calling lane: waits for the lanes of `mask` that
// have not exited, then returns this lane's result. `value` is the lane's
// contribution (bits), `srcLane` the lane to read for Shuffle (-1: own value).
unsigned long long warpCollective(WarpOp op, unsigned mask, unsigned long long value, int srcLane,
                                  int *predicate);

// A thread that waits for another thread's write lets the others run (on the
// fiber path: the next ready thread of the block; else, or when none is ready,
// the OS scheduler, for threads of other blocks).
void spinYield();

[[noreturn]] void deviceAssertFail(const char *condition, const char *file, int line);
// A kernel translated for blocks without duplicate threads (npu::block_regions_without_duplicates;
// readDims: the coordinates its body reads, as ThreadDims) launched with some: the launch fails.
[[noreturn]] void failDuplicateThreads(unsigned readDims);
// __trap(): stops the block; the launch reports npuErrorLaunchFailure.
[[noreturn]] void deviceTrap();

// Linear thread id inside the block, as CUDA numbers threads into warps.
inline unsigned linearThreadId(const ::uint3 t, const ::dim3 b) {
  return t.x + b.x * (t.y + b.y * t.z);
}
inline unsigned currentLaneId() { return linearThreadId(::threadIdx, ::blockDim) & 31u; }

struct LoopModeScope {
  ExecMode saved;
  // The fences keep the stores where they are written: nothing the compiler sees reads the mode
  // inside the loop, but the memory checker's fault handler does.
  LoopModeScope() : saved(blockContext.mode) {
    blockContext.mode = ExecMode::Loop;
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  ~LoopModeScope() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    blockContext.mode = saved;
  }
  LoopModeScope(const LoopModeScope &) = delete;
  LoopModeScope &operator=(const LoopModeScope &) = delete;
};

} // namespace detail

// True while the caller runs as a CUDA thread of a kernel. cu2npu turns a __host__ __device__
// function's `#ifdef __CUDA_ARCH__ <device> #else <host> #endif` into
// `if (::npu::in_kernel()) {<device>} else {<host>}`: nvcc compiles two copies of such a
// function, npurt runs one copy both ways.
inline bool in_kernel() { return detail::blockContext.mode != detail::ExecMode::Host; }

// Whether for_each_thread keeps the global ::threadIdx current for __device__
// functions called from the body. The translator passes Unused when it has proven
// that nothing called from the body reads the global: the loop then does nothing
// per iteration but call the body, which keeps simple bodies vectorisable.
enum class ThreadIdxGlobal : bool { Unused = false, Kept = true };

// The thread dimensions a kernel's body reads (bit 1: x, 2: y, 4: z). The translator passes
// fewer than XYZ only when two threads that differ in the other dimensions are duplicates: the
// body never reads those coordinates, nothing it calls reads the global threadIdx, and it does
// nothing that running it twice would change (no atomic, output, device heap, inline assembly,
// unknown call; rules/kernel/ThreadLoop.h). On the GPU duplicates run concurrently and store the
// same values; running one of them is the schedule in which they move in lockstep, so the loop
// runs one, on every backend; a modelled device counts its operations once per duplicate
// (detail::RepeatedCounts).
enum class ThreadDims : unsigned char {
  None = 0,
  X = 1,
  Y = 2,
  XY = 3,
  Z = 4,
  XZ = 5,
  YZ = 6,
  XYZ = 7
};

// How a SIMD thread loop numbers its lanes (detail::threadRow): by threadIdx.x, or by the global
// x index blockIdx.x * blockDim.x + threadIdx.x. cu2npu passes Global for a body that computes
// that index, which then folds to the loop's own; other bodies run faster on the plain loop.
//
// GlobalOnly: the body reads threadIdx.x and blockIdx.x only in that sum, nothing it calls reads
// either, and nothing it does is shared by the threads of a block (no shared memory, no barrier,
// no warp operation). Then the threads of blocks adjacent in x are indistinguishable from one
// wider block's, and the loop may run them as one row (block fusion, detail::BlockSpan): a 16x16
// block's rows of 16 lanes become rows of 16 * span, long enough for the vector loop to pay.
enum class RowIndex : unsigned char { Thread, Global, GlobalOnly };

namespace detail {
// Block fusion (RowIndex::GlobalOnly). Before each call of a kernel's body the engine offers the
// blocks blockIdx.x, ..., blockIdx.x + offered - 1 (the same y and z, all in the engine's chunk);
// a thread loop of a GlobalOnly body takes them all and runs their threads as rows of
// blockDim.x * offered lanes, lane g - blockIdx.x * blockDim.x passed as threadIdx.x (the body's
// sum is then g), and the engine goes on after the blocks taken. Any other body takes one block.
// The engine offers one block where a modelled device counts operations per block.
struct BlockSpan {
  unsigned offered = 1;
  unsigned taken = 1;
};
inline thread_local BlockSpan blockSpan;
template <RowIndex Index> inline unsigned takeBlockSpan() {
  if constexpr (Index != RowIndex::GlobalOnly)
    return 1;
  blockSpan.taken = blockSpan.offered;
  return blockSpan.taken;
}

// The extents a thread loop runs: the block's, or 1 in a dimension the body does not read
// (ThreadDims).
template <ThreadDims Read> inline ::dim3 threadsRun(const ::dim3 blockSize) {
  constexpr auto kRead = static_cast<unsigned>(Read);
  return ::dim3((kRead & 1u) ? blockSize.x : 1u, (kRead & 2u) ? blockSize.y : 1u,
                (kRead & 4u) ? blockSize.z : 1u);
}

// The innermost loop over the threads of a row, lane(x) for x in [begin, end): marked for SIMD
// when Simd, as a warp's lanes run on a GPU. That is sound where the loop leaves nothing shared
// between iterations: CUDA threads that run between two barriers communicate only by atomics
// (which no vectoriser turns into vector code) or by races the CUDA memory model leaves undefined.
// The thread loops pass Simd only when the loop itself writes nothing per iteration: not the
// global threadIdx (ThreadIdxGlobal::Kept) and not the cost counters (a modelled device counting).
//
// g++ -O2 vectorises only loops its cheapest cost model accepts, which excludes any loop whose
// trip count is unknown: `omp simd` (honoured under -fopenmp-simd, which npurt's CMake target and
// pkg-config file add along with NPURT_OMP_SIMD) lifts that. Without it, `GCC ivdep` still drops
// the aliasing checks and vectorises at -O3.
//
// The vectoriser needs each lane's addresses to be affine functions of a loop index that cannot
// wrap; 32-bit unsigned arithmetic could, and gcc then computes each lane's address alone
// (gemm_tiled's Bs[k][tx]: 3.5x slower; gemm_naive's B[k * n + col]: 2.4x). So the SIMD loop's
// index is a signed int g, the global x index `blockIdx.x * blockDim.x + threadIdx.x` itself, and
// the lane's threadIdx.x is `unsigned(g - base)` with base = blockIdx.x * blockDim.x (the product
// the body computes from the same values): the body's `blockIdx.x * blockDim.x + threadIdx.x`
// folds back to g, and `int tx = threadIdx.x` and the thread slots (`row + xi`) are affine in g
// too. The row takes that form for RowIndex::Global when the global indices fit an int (else g
// would overflow), the plain one (g = threadIdx.x) otherwise: with no such index in the body, the
// second index costs more than it gives (a 2D stencil: 15 % slower).
#if defined(NPURT_OMP_SIMD)
#define NPU_DETAIL_SIMD_LOOP _Pragma("omp simd")
#elif defined(__clang__)
#define NPU_DETAIL_SIMD_LOOP _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define NPU_DETAIL_SIMD_LOOP _Pragma("GCC ivdep")
#else
#define NPU_DETAIL_SIMD_LOOP
#endif
// lane(x, xi): threadIdx.x and the same value as an int, affine in the loop's index.
template <bool Simd, RowIndex Index, class Lane>
inline void threadRow(const unsigned begin, const unsigned end, const unsigned offset,
                      Lane &&lane) {
  if constexpr (Simd && Index != RowIndex::Thread) {
    if (std::uint64_t{offset} + end <= std::uint64_t{INT_MAX}) {
      const int base = static_cast<int>(offset);
      const int first = base + static_cast<int>(begin), last = base + static_cast<int>(end);
      NPU_DETAIL_SIMD_LOOP
      for (int g = first; g < last; ++g)
        lane(static_cast<unsigned>(g - base), g - base);
      return;
    }
  }
  const int first = static_cast<int>(begin), last = static_cast<int>(end);
  if constexpr (Simd) {
    NPU_DETAIL_SIMD_LOOP
    for (int x = first; x < last; ++x)
      lane(static_cast<unsigned>(x), x);
  } else {
    for (int x = first; x < last; ++x)
      lane(static_cast<unsigned>(x), x);
  }
}
#if defined(NPURT_OMP_SIMD)
#define NPU_DETAIL_SIMD_COUNT _Pragma("omp simd reduction(+ : passed)")
#else
#define NPU_DETAIL_SIMD_COUNT
#endif
// Whether passes(x, xi) holds for every lane of the row (indices as threadRow's SIMD loop).
template <RowIndex Index, class Passes>
inline bool everyLanePasses(const unsigned begin, const unsigned end, const unsigned offset,
                            Passes &&passes) {
  int passed = 0;
  if (Index != RowIndex::Thread && std::uint64_t{offset} + end <= std::uint64_t{INT_MAX}) {
    const int base = static_cast<int>(offset);
    const int first = base + static_cast<int>(begin), last = base + static_cast<int>(end);
    NPU_DETAIL_SIMD_COUNT
    for (int g = first; g < last; ++g)
      passed += passes(static_cast<unsigned>(g - base), g - base) ? 1 : 0;
  } else {
    const int first = static_cast<int>(begin), last = static_cast<int>(end);
    NPU_DETAIL_SIMD_COUNT
    for (int x = first; x < last; ++x)
      passed += passes(static_cast<unsigned>(x), x) ? 1 : 0;
  }
  return passed == static_cast<int>(end - begin);
}
template <ThreadIdxGlobal Global, class Counting>
inline constexpr bool kSimdThreads = Global == ThreadIdxGlobal::Unused && !Counting::value;

// How a thread loop checks its rows against the body's guard before running them without it:
// not at all, at every lane, at the last lane only (a guard that holds for the whole row when it
// holds there), or at the first and last lanes (one monotone along the row: rowPasses).
enum class RowGuard : unsigned char { None, EveryLane, LastLane, EndLanes };

// Whether passes(x, xi) holds for every lane of the row, checked as Guard says: LastLane, at the
// row's last lane; EndLanes, a guard monotone along the row (the translator proves it), at its
// first and last lanes where the lanes run over the global index (which then cannot wrap between
// them); at every lane otherwise.
template <RowIndex Index, RowGuard Guard, class Passes>
inline bool rowPasses(const unsigned begin, const unsigned end, const unsigned offset,
                      Passes &&passes) {
  if constexpr (Guard == RowGuard::LastLane)
    return passes(end - 1, static_cast<int>(end - 1));
  if constexpr (Guard == RowGuard::EndLanes && Index != RowIndex::Thread)
    if (std::uint64_t{offset} + end <= std::uint64_t{INT_MAX})
      return passes(begin, static_cast<int>(begin)) && passes(end - 1, static_cast<int>(end - 1));
  return everyLanePasses<Index>(begin, end, offset, passes);
}

// The three readings of a guard checked a row at a time (npu::for_each_thread_guarded, and
// BlockRegions::for_each_thread_guarded / for_each_thread_strided).
struct GuardTested { // the condition decides, as written
  bool enters(const bool condition) const { return condition; }
  bool exits(const bool condition) const { return condition; }
};
struct GuardPassed { // every lane of the row passes: the guard is dropped
  bool enters(bool) const { return true; }
  bool exits(bool) const { return false; }
};
struct GuardCheck { // records whether the lane passes and runs nothing after the guard
  bool *passes;
  bool enters(const bool condition) const {
    *passes = condition;
    return false;
  }
  bool exits(const bool condition) const {
    *passes = !condition;
    return true;
  }
};

// The loop of for_each_thread and for_each_thread_guarded: row(y, z, nx, counting, block,
// blockSize, grid) for each row of the threads run (nx: the lanes of the blocks taken).
template <ThreadIdxGlobal Global, ThreadDims Read, RowIndex Index, class Row>
inline void forEachRow(Row &&row) {
  static_assert(Index != RowIndex::GlobalOnly || (static_cast<unsigned>(Read) & 1u),
                "a body that reads the global x index reads threadIdx.x");
  const ::uint3 block = ::blockIdx;
  const ::dim3 blockSize = ::blockDim;
  const ::dim3 grid = ::gridDim;
  const unsigned span = takeBlockSpan<Index>();
  LoopModeScope loopMode;
  withCounting([&](auto counting) {
    const ::dim3 run = threadsRun<Read>(blockSize);
    RepeatedCounts repeat(decltype(counting)::value,
                          (blockSize.x * blockSize.y * blockSize.z) / (run.x * run.y * run.z));
    for (unsigned z = 0; z < run.z; ++z)
      for (unsigned y = 0; y < run.y; ++y)
        row(y, z, run.x * span, counting, block, blockSize, grid);
  });
}
} // namespace detail

// The fast path: the block's threads as a plain loop (z, y, x; one flat loop
// when blockDim.y == blockDim.z == 1). No thread may wait for another here; a
// barrier or warp operation reached inside fails the launch.
template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
          RowIndex Index = RowIndex::Thread, class Body>
inline void for_each_thread(Body &&body) {
  detail::forEachRow<Global, Read, Index>([&](const unsigned y, const unsigned z, const unsigned nx,
                                              auto counting, const ::uint3 block,
                                              const ::dim3 blockSize, const ::dim3 grid) {
    constexpr bool simd = detail::kSimdThreads<Global, decltype(counting)>;
    detail::threadRow<simd, Index>(0, nx, block.x * blockSize.x, [&](const unsigned x, int) {
      const ::uint3 thread{x, y, z};
      if constexpr (Global == ThreadIdxGlobal::Kept)
        ::threadIdx = thread;
      body(thread, block, blockSize, grid, counting);
    });
  });
}

namespace detail {
// for_each_thread_guarded and for_each_thread_monotone: rows checked as Guard says.
template <ThreadIdxGlobal Global, ThreadDims Read, RowIndex Index, RowGuard Guard, class Body>
inline void forEachThreadGuarded(Body &body) {
  forEachRow<Global, Read, Index>([&](const unsigned y, const unsigned z, const unsigned nx,
                                      auto counting, const ::uint3 block, const ::dim3 blockSize,
                                      const ::dim3 grid) {
    constexpr bool simd = kSimdThreads<Global, decltype(counting)>;
    const unsigned offset = block.x * blockSize.x;
    auto runRow = [&](const auto guard) {
      threadRow<simd, Index>(0, nx, offset, [&](const unsigned x, int) {
        const ::uint3 thread{x, y, z};
        if constexpr (Global == ThreadIdxGlobal::Kept)
          ::threadIdx = thread;
        body(guard, thread, block, blockSize, grid, counting);
      });
    };
    if constexpr (simd) {
      if (rowPasses<Index, Guard>(0, nx, offset, [&](const unsigned x, int) {
            bool passes = false;
            body(GuardCheck{&passes}, ::uint3{x, y, z}, block, blockSize, grid, counting);
            return passes;
          })) {
        runRow(GuardPassed{});
        return;
      }
    }
    runRow(GuardTested{});
  });
}
} // namespace detail

// The fast path of a body that is declarations and then a guard, as cu2npu writes it
// (translator/rules/kernel/FastPathGuard.h): `if (npu_guard.enters(C)) {...}` as its last
// statement or `if (npu_guard.exits(C)) return;`, the body taking the guard as its first parameter.
// A guard is control flow around stores, which no vectoriser turns into SSE code, so on the SIMD
// loop each row first evaluates the declarations and C for every lane (GuardCheck: nothing after
// the guard runs), and when every lane passes -- every row of a grid but its edges -- runs the
// body with the guard dropped (GuardPassed), else as written (GuardTested). The translator
// proves the declarations and C free of side effects, so evaluating them twice changes nothing;
// and on a GPU every lane of a warp evaluates C before any runs what it guards.
template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
          RowIndex Index = RowIndex::Thread, class Body>
inline void for_each_thread_guarded(Body &&body) {
  detail::forEachThreadGuarded<Global, Read, Index, detail::RowGuard::EveryLane>(body);
}
// The same for a guard monotone along each row -- comparisons of the global x index with values
// the same for the whole row, `i > 0 && i < n - 1` (the translator proves it) -- checked at the
// row's first and last lanes only (a 1-D Jacobi sweep's check of every lane cost as much as its
// work).
template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
          RowIndex Index = RowIndex::Thread, class Body>
inline void for_each_thread_monotone(Body &&body) {
  detail::forEachThreadGuarded<Global, Read, Index, detail::RowGuard::EndLanes>(body);
}

// The general path: every CUDA thread of the block runs as a fiber, so
// __syncthreads and warp operations work anywhere in the control flow.
template <class Body> inline void for_each_thread_sync(Body &&body) {
  using BodyType = std::remove_reference_t<Body>;
  detail::ThreadEntry entry = [](void *erased, ::uint3 thread) {
    (*static_cast<BodyType *>(erased))(thread, ::blockIdx, ::blockDim, ::gridDim,
                                       detail::CountAtRunTime{});
  };
  detail::runThreadsAsFibers(entry,
                             const_cast<void *>(static_cast<const void *>(std::addressof(body))));
}

// `extern __shared__ T name[];` becomes `T *const name = ::npu::dynamic_shared<T>();`.
template <class T> inline T *dynamic_shared() {
  return static_cast<T *>(detail::blockContext.dynamicShared);
}

} // namespace npu
