// CUB's warp collectives (WarpReduce, WarpScan) over npurt's warp primitives. Each call meets its
// logical warp at __syncwarp, so the lanes' inputs are in the TempStorage before any lane reads
// them, and again before returning, so a lane that goes on to the next collective cannot
// overwrite an input a slower lane still reads (CUB's own shuffle-based versions keep nothing in
// memory between calls; code written for them reuses TempStorage without a barrier).
// Written in steps (detail::Steps in util.h): a kernel that calls one at block level, every warp
// of the block taking part, keeps the barrier-region form; elsewhere it runs on fibers.
#pragma once

#include "npurt/lib/cub/util.h"

namespace cub {

namespace detail {
// The lanes of the calling thread's logical warp of `Width` lanes, as a __syncwarp mask.
template <int Width> __device__ inline unsigned logicalWarpMask(unsigned lane) {
  if constexpr (Width >= 32)
    return 0xffffffffu;
  else
    return ((1u << Width) - 1u) << (lane / Width * Width);
}
} // namespace detail

template <class T, int LOGICAL_WARP_THREADS = 32, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE WarpReduce {
  static_assert(LOGICAL_WARP_THREADS >= 1 && LOGICAL_WARP_THREADS <= 32,
                "cub::WarpReduce: 1 to 32 logical warp threads");

public:
  struct TempStorage {
    Uninitialized<T> items[LOGICAL_WARP_THREADS];
    bool flags[LOGICAL_WARP_THREADS]; // segment flags of the segmented reductions
  };

  __device__ explicit WarpReduce(TempStorage &temp_storage)
      : storage(temp_storage), lane(LaneId() % LOGICAL_WARP_THREADS),
        mask(detail::logicalWarpMask<LOGICAL_WARP_THREADS>(LaneId())) {}

  // The aggregate is returned to lane 0 (other lanes: their partial, as CUB leaves undefined).
  template <class Op> __device__ T Reduce(T input, Op op) {
    return Reduce(input, op, LOGICAL_WARP_THREADS);
  }
  template <class Op> __device__ T Reduce(T input, Op op, int valid_items) {
    detail::Steps steps;
    if (steps.runs())
      storage.items[lane].Alias() = input;
    steps.warp(mask);
    T result = input;
    if (steps.runs() && lane == 0) {
      result = storage.items[0].Alias();
      const int n = valid_items < LOGICAL_WARP_THREADS ? valid_items : LOGICAL_WARP_THREADS;
      for (int i = 1; i < n; ++i)
        result = op(result, storage.items[i].Alias());
    }
    steps.releaseWarp(mask);
    return result;
  }
  __device__ T Sum(T input) { return Reduce(input, cub::Sum()); }
  __device__ T Sum(T input, int valid_items) { return Reduce(input, cub::Sum(), valid_items); }

  // Segmented reductions: a segment starts at lane 0 and at every lane whose head flag is set
  // (Head*), or after every lane whose tail flag is set (Tail*). Each segment's reduction is
  // returned to its first lane (other lanes: their input, as CUB leaves undefined).
  template <class Flag> __device__ T HeadSegmentedSum(T input, Flag head_flag) {
    return segmented(input, bool(head_flag), cub::Sum(), true);
  }
  template <class Flag> __device__ T TailSegmentedSum(T input, Flag tail_flag) {
    return segmented(input, bool(tail_flag), cub::Sum(), false);
  }
  template <class Flag, class Op> __device__ T HeadSegmentedReduce(T input, Flag head_flag, Op op) {
    return segmented(input, bool(head_flag), op, true);
  }
  template <class Flag, class Op> __device__ T TailSegmentedReduce(T input, Flag tail_flag, Op op) {
    return segmented(input, bool(tail_flag), op, false);
  }

private:
  template <class Op> __device__ T segmented(T input, bool flag, Op op, bool head) {
    detail::Steps steps;
    if (steps.runs()) {
      storage.items[lane].Alias() = input;
      storage.flags[lane] = flag;
    }
    steps.warp(mask);
    T result = input;
    const auto starts = [&](unsigned i) {
      return i == 0 || (head ? storage.flags[i] : storage.flags[i - 1]);
    };
    if (steps.runs() && starts(lane)) {
      result = storage.items[lane].Alias();
      for (unsigned i = lane + 1; i < unsigned(LOGICAL_WARP_THREADS) && !starts(i); ++i)
        result = op(result, storage.items[i].Alias());
    }
    steps.releaseWarp(mask);
    return result;
  }

  TempStorage &storage;
  unsigned lane, mask;
};

template <class T, int LOGICAL_WARP_THREADS = 32, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE WarpScan {
  static_assert(LOGICAL_WARP_THREADS >= 1 && LOGICAL_WARP_THREADS <= 32,
                "cub::WarpScan: 1 to 32 logical warp threads");

public:
  struct TempStorage {
    Uninitialized<T> items[LOGICAL_WARP_THREADS];
  };

  __device__ explicit WarpScan(TempStorage &temp_storage)
      : storage(temp_storage), lane(LaneId() % LOGICAL_WARP_THREADS),
        mask(detail::logicalWarpMask<LOGICAL_WARP_THREADS>(LaneId())) {}

  __device__ void InclusiveSum(T input, T &inclusive_output) {
    InclusiveScan(input, inclusive_output, cub::Sum());
  }
  __device__ void InclusiveSum(T input, T &inclusive_output, T &warp_aggregate) {
    InclusiveScan(input, inclusive_output, cub::Sum(), warp_aggregate);
  }
  __device__ void ExclusiveSum(T input, T &exclusive_output) {
    ExclusiveScan(input, exclusive_output, T(0), cub::Sum());
  }
  __device__ void ExclusiveSum(T input, T &exclusive_output, T &warp_aggregate) {
    ExclusiveScan(input, exclusive_output, T(0), cub::Sum(), warp_aggregate);
  }
  template <class Op> __device__ void InclusiveScan(T input, T &inclusive_output, Op op) {
    T aggregate;
    InclusiveScan(input, inclusive_output, op, aggregate);
  }
  template <class Op>
  __device__ void InclusiveScan(T input, T &inclusive_output, Op op, T &warp_aggregate) {
    scan(input, op, nullptr, &inclusive_output, nullptr, warp_aggregate);
  }
  // Without an initial value lane 0's exclusive output is undefined (here: its input).
  template <class Op> __device__ void ExclusiveScan(T input, T &exclusive_output, Op op) {
    T inclusive, aggregate;
    scan(input, op, nullptr, &inclusive, &exclusive_output, aggregate);
  }
  template <class Op>
  __device__ void ExclusiveScan(T input, T &exclusive_output, T initial_value, Op op) {
    T aggregate;
    ExclusiveScan(input, exclusive_output, initial_value, op, aggregate);
  }
  template <class Op>
  __device__ void ExclusiveScan(T input, T &exclusive_output, T initial_value, Op op,
                                T &warp_aggregate) {
    T inclusive;
    scan(input, op, &initial_value, &inclusive, &exclusive_output, warp_aggregate);
  }
  template <class Op>
  __device__ void Scan(T input, T &inclusive_output, T &exclusive_output, Op op) {
    T aggregate;
    scan(input, op, nullptr, &inclusive_output, &exclusive_output, aggregate);
  }
  template <class Op>
  __device__ void Scan(T input, T &inclusive_output, T &exclusive_output, T initial_value, Op op) {
    T aggregate;
    scan(input, op, &initial_value, &inclusive_output, &exclusive_output, aggregate);
  }
  // Every lane gets lane `src_lane`'s input.
  __device__ T Broadcast(T input, unsigned src_lane) {
    detail::Steps steps;
    if (steps.runs())
      storage.items[lane].Alias() = input;
    steps.warp(mask);
    T result = input;
    if (steps.runs())
      result = storage.items[src_lane].Alias();
    steps.releaseWarp(mask);
    return result;
  }

private:
  // Each lane folds the inputs of lanes 0..lane in order (the warp is at most 32 lanes).
  template <class Op>
  __device__ void scan(T input, Op op, const T *initial, T *inclusive, T *exclusive, T &aggregate) {
    detail::Steps steps;
    if (steps.runs())
      storage.items[lane].Alias() = input;
    steps.warp(mask);
    if (!steps.runs())
      return;
    T before = initial ? *initial : input;
    bool have_before = initial != nullptr;
    for (unsigned i = 0; i < lane; ++i) {
      const T &v = storage.items[i].Alias();
      before = have_before ? T(op(before, v)) : v;
      have_before = true;
    }
    T agg = storage.items[0].Alias();
    for (unsigned i = 1; i < unsigned(LOGICAL_WARP_THREADS); ++i)
      agg = op(agg, storage.items[i].Alias());
    steps.releaseWarp(mask);
    if (exclusive)
      *exclusive = have_before ? before : input;
    *inclusive = have_before ? T(op(before, input)) : input;
    aggregate = agg;
  }

  TempStorage &storage;
  unsigned lane, mask;
};

} // namespace cub
