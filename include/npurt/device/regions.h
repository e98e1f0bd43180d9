// Barrier-free regions: the split form of a kernel whose __syncthreads() calls
// all sit at the top level of its body or in loops and ifs whose control is the
// same for every thread of the block (cu2npu proves this; see
// translator/rules/kernel/BarrierRegions.cpp). The body becomes a sequence of
// plain loops over the block's threads, one per stretch of code between two
// barriers, run by the block's worker in program order:
//
//   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
//     auto *npu_tid = npu_block.per_thread<unsigned>();   // live across a barrier
//     __shared__ float s[256];
//     npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
//       auto &tid = npu_tid[npu_thread] = threadIdx.x; ...
//     });
//     /* __syncthreads(); */
//     for (unsigned st = blockDim.x / 2; npu_block.active() && (st > 0); st >>= 1) {
//       npu_block.for_each_thread([&](NPU_REGION_PARAMS) { auto &tid = npu_tid[npu_thread]; ... });
//     }
//   });
//
// Finishing one loop over all threads before the next starts is exactly a block
// barrier, with no fiber switch. A thread that returns is marked exited
// (`return npu_block.exit(npu_thread);`) and skipped by every later region, as
// Volta lets the other threads pass later barriers without it.
//
// A statement at block level that waits inside itself (warp shuffles, a callee with barriers) is a
// region of its own run on fibers, `npu_block.fibers([&](NPU_REGION_PARAMS) { s = warpSum(s); });`.
//
// A statement at block level whose warp shuffles and votes are its own (not in a callee) runs as
// two regions, one in which every thread publishes its operands and the statement reading them
// (npu_block.lanes(), npurt/device/lanes.h).
//
// A statement at block level that calls a library collective (CUB's BlockReduce, BlockScan, ...,
// whose bodies synchronise) is a region of its own, run in steps:
//
//     npu_block.collective([&](NPU_REGION_PARAMS) { int sum = BlockReduceT(temp).Sum(v); });
//
// runs the statement for every thread once per step of the collective (step 0: each thread
// deposits its input; step 1: thread 0 combines, every thread takes its result; ...). The
// collective's own barriers end a step instead of switching threads (cub::detail::Steps in
// npurt/lib/cub/util.h). The translator recognises such a collective by its class, marked
// NPU_STEPPED_COLLECTIVE; every member of a marked class must be written in steps.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#include "npurt/device/builtins.h"
#include "npurt/device/lanes.h"

// The parameters of a region body: the CUDA built-ins (as NPU_THREAD_PARAMS)
// and the thread's linear index in the block, which selects its slot in the
// per-thread arrays.
#define NPU_REGION_PARAMS NPU_THREAD_PARAMS, [[maybe_unused]] const std::size_t npu_thread

#if defined(__clang__)
#define NPU_STEPPED_COLLECTIVE [[clang::annotate("npu::stepped_collective")]]
#else
#define NPU_STEPPED_COLLECTIVE
#endif

namespace npu {
namespace detail {

// Per-worker bump allocator for per-thread arrays: a block takes what it needs
// and gives it back when it ends, so blocks run later on the same worker reuse
// the memory. Chunks are never freed while the worker lives.
class RegionArena {
public:
  struct Mark {
    std::size_t chunk, used;
  };
  Mark mark() const { return {current_, chunks_.empty() ? 0 : chunks_[current_].used}; }
  void release(Mark m) {
    for (std::size_t c = m.chunk + 1; c < chunks_.size(); ++c)
      chunks_[c].used = 0;
    current_ = m.chunk;
    if (!chunks_.empty())
      chunks_[current_].used = m.used;
  }
  void *allocate(std::size_t bytes, std::size_t align) {
    for (;; ++current_) {
      if (current_ == chunks_.size()) {
        std::size_t size = bytes + align > kChunkBytes ? bytes + align : kChunkBytes;
        chunks_.push_back({std::make_unique<unsigned char[]>(size), size, 0});
      }
      Chunk &c = chunks_[current_];
      std::size_t at = (c.used + align - 1) / align * align;
      if (at + bytes <= c.size) {
        c.used = at + bytes;
        return c.data.get() + at;
      }
      if (current_ + 1 < chunks_.size())
        chunks_[current_ + 1].used = 0;
    }
  }

private:
  static constexpr std::size_t kChunkBytes = 64 * 1024;
  struct Chunk {
    std::unique_ptr<unsigned char[]> data;
    std::size_t size, used;
  };
  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;
};
inline thread_local RegionArena regionArena;

template <class T> struct WithoutRestrict { using type = T; };
template <class T> struct WithoutRestrict<T *__restrict__> { using type = T *; };

// The step of the collective statement this worker is running (-1: none; a collective called on
// fibers synchronises as written) and whether some thread's call has a step after it.
struct CollectiveSteps {
  int step = -1;
  bool more = false;
};
inline thread_local CollectiveSteps collectiveSteps;

} // namespace detail

// The state of one block run in the split form: its size, its per-thread
// arrays and which threads have exited. Lives on the worker's stack for one
// block; nothing in it is shared with blocks on other workers.
class BlockRegions {
public:
  BlockRegions() : BlockRegions(::uint3{0, 0, 0}, ::blockDim) {}
  // The threads of one slice of the block (block_regions below): first, first + extent; of
  // `span` blocks adjacent in x run as one (RowIndex::GlobalOnly), whose rows are the blocks'
  // rows side by side.
  BlockRegions(const ::uint3 first, const ::dim3 extent, const unsigned span = 1)
      : mark_(detail::regionArena.mark()), blockSize_(::blockDim), rowWidth_(blockSize_.x * span),
        threads_(rowWidth_ * blockSize_.y * blockSize_.z), first_(first),
        extent_(extent.x * span, extent.y, extent.z),
        sliceThreads_(extent_.x * extent_.y * extent_.z) {}
  ~BlockRegions() {
    for (auto it = cleanups_.rbegin(); it != cleanups_.rend(); ++it)
      it->destroy(it->objects, threads_);
    detail::regionArena.release(mark_);
  }
  BlockRegions(const BlockRegions &) = delete;
  BlockRegions &operator=(const BlockRegions &) = delete;

  // One T per thread of the block, indexed by npu_thread (uninitialised, like
  // a CUDA local, unless T has a constructor).
  template <class T> T *per_thread() {
    T *objects = allocate<T>();
    if constexpr (!std::is_trivially_default_constructible_v<T>)
      for (unsigned t = 0; t < threads_; ++t)
        ::new (static_cast<void *>(objects + t)) T();
    track(objects);
    return objects;
  }
  // One copy of value per thread: a kernel parameter that threads modify (each
  // CUDA thread has its own copy of every parameter).
  // A __restrict__ pointer parameter's copies are plain pointers (g++ keeps the qualifier on the
  // deduced T and rejects a cast to a restrict-qualified pointer type).
  template <class T> auto *per_thread_copy(const T &value) {
    using Copy = typename detail::WithoutRestrict<T>::type;
    Copy *objects = allocate<Copy>();
    for (unsigned t = 0; t < threads_; ++t)
      ::new (static_cast<void *>(objects + t)) Copy(value);
    track(objects);
    return objects;
  }

  // The per-thread slots of one block-level call (translator/rules/kernel/BlockCalls.h): what
  // the callee's regions allocate is given back when it returns, so a call in a loop takes the
  // same memory at every iteration.
  class CallScope {
  public:
    explicit CallScope(BlockRegions &regions)
        : regions_(regions), mark_(detail::regionArena.mark()),
          cleanups_(regions.cleanups_.size()) {}
    ~CallScope() {
      auto &cleanups = regions_.cleanups_;
      while (cleanups.size() > cleanups_) {
        cleanups.back().destroy(cleanups.back().objects, regions_.threads_);
        cleanups.pop_back();
      }
      detail::regionArena.release(mark_);
    }
    CallScope(const CallScope &) = delete;
    CallScope &operator=(const CallScope &) = delete;

  private:
    BlockRegions &regions_;
    const detail::RegionArena::Mark mark_;
    const std::size_t cleanups_;
  };

  // The exchange of a block-level statement's warp operations (npurt/device/lanes.h): one slot
  // of LaneExchange::kLaneBytes per thread, for the block.
  LaneExchange lanes() {
    auto *words = static_cast<unsigned char *>(
        detail::regionArena.allocate(LaneExchange::kLaneBytes * threads_, 16));
    return LaneExchange(words, threads_, &exited_);
  }

  // `return;` in a region: this thread takes no part in later regions. Out of line: the exited
  // count is shared by the iterations of a SIMD thread loop (detail::threadRow), which a call
  // keeps in order.
  [[gnu::noinline]] void exit(const std::size_t thread) {
    if (!exited_) {
      exited_ = static_cast<unsigned char *>(detail::regionArena.allocate(threads_, 16));
      std::fill(exited_, exited_ + threads_, static_cast<unsigned char>(0));
    }
    if (!exited_[thread]) {
      exited_[thread] = 1;
      ++exitedCount_;
    }
  }
  // Whether any thread of the block is still running (a uniform loop whose
  // threads have all returned stops iterating).
  bool active() const { return exitedCount_ < sliceThreads_; }

  // One region: body(threadIdx, blockIdx, blockDim, gridDim, linear index) for
  // every thread that has not exited, in CUDA's thread order. A barrier or warp
  // operation reached inside fails the launch (the translator proved there is
  // none). Read as for ::npu::for_each_thread: the threads that differ only in the
  // other dimensions are duplicates and one of them runs (every region of the
  // block runs the same ones, so their slots are the only ones used).
  template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
            RowIndex Index = RowIndex::Thread, class Body>
  void for_each_thread(Body &&body) {
    runRegion<Global, Read, Index, detail::RowGuard::None>(body);
  }
  // A region that is a thread-strided loop's body, whose first statement after the bindings is
  // its guard `if (npu_guard.exits(!(cond))) return;`: as ::npu::for_each_thread_guarded, each
  // row checks the guard for every lane first and, when all pass, runs without it.
  template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
            RowIndex Index = RowIndex::Thread, class Body>
  void for_each_thread_guarded(Body &&body) {
    runRegion<Global, Read, Index, detail::RowGuard::EveryLane>(body);
  }
  // The same for a guard that holds for the whole row when it holds for the row's last lane: a
  // signed `i < bound` (or `<=`) whose i grows with threadIdx.x (the translator proves it), so
  // the row is checked at one lane.
  template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, ThreadDims Read = ThreadDims::XYZ,
            RowIndex Index = RowIndex::Thread, class Body>
  void for_each_thread_strided(Body &&body) {
    runRegion<Global, Read, Index, detail::RowGuard::LastLane>(body);
  }

  // A collective statement: body runs for every thread that has not exited, once per step of the
  // collective it calls, until no thread's call has a step left.
  template <ThreadIdxGlobal Global = ThreadIdxGlobal::Kept, class Body>
  void collective(Body &&body) {
    struct Scope {
      detail::CollectiveSteps saved = detail::collectiveSteps;
      ~Scope() { detail::collectiveSteps = saved; }
    } scope;
    for (int step = 0;; ++step) {
      detail::collectiveSteps = {step, false};
      for_each_thread<Global>(body);
      if (!detail::collectiveSteps.more)
        return;
    }
  }

  // A statement that waits inside itself (a warp shuffle reduction, a callee with barriers): body
  // runs for every thread that has not exited, each on its own fiber (the fiber path of
  // for_each_thread_sync, for this statement only), so its warp operations and barriers meet as
  // they do on a GPU.
  template <class Body> void fibers(Body &&body) {
    struct Call {
      BlockRegions *regions;
      std::remove_reference_t<Body> *body;
    } call{this, std::addressof(body)};
    detail::ThreadEntry entry = [](void *erased, ::uint3 thread) {
      const Call &c = *static_cast<const Call *>(erased);
      const unsigned t = detail::linearThreadId(thread, c.regions->blockSize_);
      if (c.regions->exited_ != nullptr && c.regions->exited_[t])
        return;
      (*c.body)(thread, ::blockIdx, c.regions->blockSize_, ::gridDim, detail::CountAtRunTime{}, t);
    };
    detail::runThreadsAsFibers(entry, &call);
  }

private:
  template <class T> T *allocate() {
    constexpr std::size_t align = alignof(T) < 16 ? 16 : alignof(T);
    return static_cast<T *>(detail::regionArena.allocate(sizeof(T) * threads_, align));
  }
  template <class T> void track(T *objects) {
    if constexpr (!std::is_trivially_destructible_v<T>)
      cleanups_.push_back({objects, [](void *p, unsigned n) {
                             for (unsigned t = 0; t < n; ++t)
                               static_cast<T *>(p)[t].~T();
                           }});
  }

  template <ThreadIdxGlobal Global, ThreadDims Read, RowIndex Index, detail::RowGuard Guard,
            class Body>
  void runRegion(Body &body) {
    const ::uint3 block = ::blockIdx;
    const ::dim3 blockSize = blockSize_;
    const ::dim3 grid = ::gridDim;
    detail::LoopModeScope loopMode;
    detail::withCounting([&](auto counting) {
      if (exitedCount_ == 0)
        run<Global, Read, Index, false, Guard>(body, block, blockSize, grid, counting);
      else
        run<Global, Read, Index, true, Guard>(body, block, blockSize, grid, counting);
    });
  }

  template <ThreadIdxGlobal Global, ThreadDims Read, RowIndex Index, bool SkipExited,
            detail::RowGuard Guard, class Body, class Counting>
  [[gnu::flatten]] void run(Body &body, const ::uint3 block, const ::dim3 blockSize,
                            const ::dim3 grid, Counting counting) {
    const ::dim3 run = detail::threadsRun<Read>(extent_);
    detail::RepeatedCounts repeat(Counting::value,
                                  (extent_.x * extent_.y * extent_.z) / (run.x * run.y * run.z));
    const unsigned x0 = first_.x, y0 = first_.y, z0 = first_.z;
    const unsigned offset = block.x * blockSize.x;
    constexpr bool simd = detail::kSimdThreads<Global, Counting>;
    for (unsigned z = z0; z < z0 + run.z; ++z)
      for (unsigned y = y0; y < y0 + run.y; ++y) {
        const std::size_t row = std::size_t{rowWidth_} * (y + std::size_t{blockSize.y} * z);
        auto runRow = [&](const auto guard) {
          detail::threadRow<simd, Index>(
              x0, x0 + run.x, offset, [&](const unsigned x, const int xi) {
                const std::size_t t = row + static_cast<std::size_t>(xi);
                if constexpr (SkipExited)
                  if (exited_[t])
                    return;
                const ::uint3 thread{x, y, z};
                if constexpr (Global == ThreadIdxGlobal::Kept)
                  ::threadIdx = thread;
                if constexpr (Guard != detail::RowGuard::None)
                  body(guard, thread, block, blockSize, grid, counting, t);
                else
                  body(thread, block, blockSize, grid, counting, t);
              });
        };
        if constexpr (Guard != detail::RowGuard::None && simd && !SkipExited) {
          auto passes = [&](const unsigned x, const int xi) {
            bool passed = false;
            body(detail::GuardCheck{&passed}, ::uint3{x, y, z}, block, blockSize, grid, counting,
                 row + static_cast<std::size_t>(xi));
            return passed;
          };
          if (detail::rowPasses<Index, Guard>(x0, x0 + run.x, offset, passes)) {
            runRow(detail::GuardPassed{});
            continue;
          }
        }
        runRow(detail::GuardTested{});
      }
  }

  struct Cleanup {
    void *objects;
    void (*destroy)(void *, unsigned);
  };
  detail::RegionArena::Mark mark_;
  const ::dim3 blockSize_;
  const unsigned rowWidth_; // the threads of a row of the blocks run (blockSize_.x * span)
  const unsigned threads_;
  const ::uint3 first_;
  const ::dim3 extent_;
  const unsigned sliceThreads_;
  unsigned exitedCount_ = 0;
  unsigned char *exited_ = nullptr;
  std::vector<Cleanup> cleanups_;
};

// The split form of a kernel body: body(regions) runs once per block.
//
// Read (fewer than XYZ) is for a kernel with no barrier that takes the form for loop interchange
// (translator/rules/kernel/LoopInterchange.h) and whose body does not read some thread
// dimensions: threads that differ only in those are duplicates. Interleaved at every iteration of
// an interchanged loop, duplicates that accumulate into the same element (`y[j] += ...` with a
// 32x8 block that ignores threadIdx.y) would add up several times, where a GPU's lockstep
// duplicates store one value. So each slice of duplicates (one value of the unread coordinates)
// runs the whole body before the next, the order of the per-thread loop before the interchange;
// and, when the body is Replayable (ThreadLoop.h), only the first slice runs, as the fast path
// runs one duplicate (counted once per slice).
//
// Index RowIndex::GlobalOnly (a kernel with no barrier whose body reads threadIdx.x and
// blockIdx.x only as the global x index, npurt/device/builtins.h) runs the blocks the engine
// offers adjacent in x as one, every region's rows the blocks' rows side by side.
template <ThreadDims Read = ThreadDims::XYZ, bool Replayable = false,
          RowIndex Index = RowIndex::Thread, class Body>
inline void block_regions(Body &&body) {
  static_assert(Index != RowIndex::GlobalOnly || (static_cast<unsigned>(Read) & 1u),
                "a body that reads the global x index reads threadIdx.x");
  const ::dim3 b = ::blockDim, extent = detail::threadsRun<Read>(b);
  const unsigned span = detail::takeBlockSpan<Index>();
  if (extent.x == b.x && extent.y == b.y && extent.z == b.z) {
    BlockRegions regions(::uint3{0, 0, 0}, b, span);
    body(regions);
    return;
  }
  // Replayable duplicates: one slice runs for all of them, counted once per slice.
  detail::RepeatedCounts repeat(detail::costCounting && Replayable,
                                (b.x / extent.x) * (b.y / extent.y) * (b.z / extent.z));
  for (unsigned z = 0; z < b.z; z += extent.z)
    for (unsigned y = 0; y < b.y; y += extent.y)
      for (unsigned x = 0; x < b.x; x += extent.x) {
        BlockRegions regions(::uint3{x, y, z}, extent, span);
        body(regions);
        if constexpr (Replayable)
          return;
      }
}

// The split form of a kernel with barriers whose interchanged loops need every thread distinct:
// duplicates (threads that differ only in coordinates the body does not read, not in Read) would
// interleave at every iteration where a GPU's duplicates store one value. The translator uses it
// only where every launch it saw passes a one-row block, which has none; a launch with duplicates
// (from code it did not see) fails, npuErrorLaunchFailure with a message, rather than compute a
// wrong result.
template <ThreadDims Read, class Body> inline void block_regions_without_duplicates(Body &&body) {
  const ::dim3 b = ::blockDim, run = detail::threadsRun<Read>(b);
  if (run.x != b.x || run.y != b.y || run.z != b.z)
    detail::failDuplicateThreads(static_cast<unsigned>(Read));
  BlockRegions regions;
  body(regions);
}

} // namespace npu
