// The CUDA thread context and the two per-thread execution paths of a block.
//
// The engine runs one block at a time per worker thread. Before calling
// GridTask::runBlock() it sets the thread-local globals below (blockIdx, blockDim,
// gridDim, the dynamic shared memory buffer); the kernel body, wrapped by the
// translator in for_each_thread or for_each_thread_sync, then runs once per CUDA
// thread of the block on that worker.
#pragma once

#include <atomic>
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

namespace detail {
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
// The index is signed and threadIdx.x is unsigned(x), which converts back to int at no cost, so
// `int tx = threadIdx.x` and the thread slots (64-bit, `row + x`) are affine functions of the
// index, which the vectoriser needs: 32-bit unsigned arithmetic on it (`first + i`) could wrap,
// and gcc then computes each lane's address alone (gemm_tiled's Bs[k][tx]: 3.5x slower).
#if defined(NPURT_OMP_SIMD)
#define NPU_DETAIL_SIMD_LOOP _Pragma("omp simd")
#elif defined(__clang__)
#define NPU_DETAIL_SIMD_LOOP _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define NPU_DETAIL_SIMD_LOOP _Pragma("GCC ivdep")
#else
#define NPU_DETAIL_SIMD_LOOP
#endif
template <bool Simd, class Lane>
inline void threadRow(const unsigned begin, const unsigned end, Lane &&lane) {
  const int first = static_cast<int>(begin), last = static_cast<int>(end);
  if constexpr (Simd) {
    NPU_DETAIL_SIMD_LOOP
    for (int x = first; x < last; ++x)
      lane(x);
  } else {
    for (int x = first; x < last; ++x)
      lane(x);
  }
}
template <ThreadIdxGlobal Global, class Counting>
inline constexpr bool kSimdThreads = Global == ThreadIdxGlobal::Unused && !Counting::value;
} // namespace detail

// The fast path: the block's threads as a plain loop (z, y, x; one flat loop
// when blockDim.y == blockDim.z == 1). No thread may wait for another here; a
// barrier or warp operation reached inside fails the launch.
template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
          class Body>
inline void for_each_thread(Body &&body) {
  const ::uint3 block = ::blockIdx;
  const ::dim3 blockSize = ::blockDim;
  const ::dim3 grid = ::gridDim;
  detail::LoopModeScope loopMode;
  detail::withCounting([&](auto counting) {
    const ::dim3 run = detail::threadsRun<Read>(blockSize);
    const unsigned nx = run.x, ny = run.y, nz = run.z;
    detail::RepeatedCounts repeat(decltype(counting)::value,
                                  (blockSize.x * blockSize.y * blockSize.z) / (nx * ny * nz));
    constexpr bool simd = detail::kSimdThreads<Global, decltype(counting)>;
    for (unsigned z = 0; z < nz; ++z)
      for (unsigned y = 0; y < ny; ++y)
        detail::threadRow<simd>(0, nx, [&](const int x) {
          const ::uint3 thread{static_cast<unsigned>(x), y, z};
          if constexpr (Global == ThreadIdxGlobal::Kept)
            ::threadIdx = thread;
          body(thread, block, blockSize, grid, counting);
        });
  });
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
