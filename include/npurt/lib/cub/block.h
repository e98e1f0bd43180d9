// CUB's block collectives over npurt's barriers: BlockReduce, BlockScan, BlockRadixSort,
// BlockExchange, and the barrier-free BlockLoad/BlockStore with the Load/StoreDirect* functions.
// The collectives are written in steps (detail::Steps in util.h), so that a kernel that calls
// them at block level keeps the barrier-region form.
//
// A collective is the program a GPU block would run with all threads cooperating, reshaped for a
// block whose threads take turns on one worker: every thread deposits its items in the
// TempStorage, __syncthreads(), thread 0 does the whole block's arithmetic sequentially (O(n) in
// one place instead of log-depth trees spread over threads), __syncthreads(), every thread takes
// its results. The trailing barrier also makes each TempStorage reusable at once, which CUB
// itself asks of its callers with a __syncthreads() of their own. Reductions fold in thread
// order, so a non-commutative operator sees the order CUB guarantees; floating-point sums may
// round differently from CUB's trees (CUB documents no order for them).
// Results are those CUB documents: a reduction's aggregate in thread 0, scans and sorts in every
// thread. Blocks are BLOCK_DIM_X × BLOCK_DIM_Y × BLOCK_DIM_Z threads, ranked row-major.
#pragma once

#include <algorithm>
#include <numeric>

#include "npurt/lib/cub/util.h"

namespace cub {

namespace detail {
template <int X, int Y, int Z> __device__ inline int blockRank() { return RowMajorTid(X, Y, Z); }
// order[0..n) = the positions of keys[0..n) in a stable radix sort (host code the block's thread 0
// runs: __host__ __device__ lets CUDA-mode parsing accept the standard library's algorithms).
template <class Key>
__host__ __device__ void radixOrder(int *order, Uninitialized<Key> *keys, int n, int begin_bit,
                                    int end_bit, bool descending) {
  std::iota(order, order + n, 0);
  auto digit = [&](int i) { return RadixOrder<Key>::digit(keys[i].Alias(), begin_bit, end_bit); };
  std::stable_sort(order, order + n, [&](int a, int b) {
    return descending ? digit(b) < digit(a) : digit(a) < digit(b);
  });
}
} // namespace detail

template <class T, int BLOCK_DIM_X, BlockReduceAlgorithm ALGORITHM = BLOCK_REDUCE_WARP_REDUCTIONS,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE BlockReduce {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;

public:
  struct TempStorage {
    Uninitialized<T> items[BLOCK_THREADS];
  };

  __device__ BlockReduce() : BlockReduce(privateStorage()) {}
  __device__ explicit BlockReduce(TempStorage &temp_storage)
      : storage(temp_storage), rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}

  template <class Op> __device__ T Reduce(T input, Op op) {
    return Reduce(input, op, BLOCK_THREADS);
  }
  template <int N, class Op> __device__ T Reduce(T (&inputs)[N], Op op) {
    return Reduce(ThreadReduce(inputs, op), op, BLOCK_THREADS);
  }
  // The first num_valid threads' inputs (each thread calls it).
  template <class Op> __device__ T Reduce(T input, Op op, int num_valid) {
    detail::Steps steps;
    if (steps.runs())
      storage.items[rank].Alias() = input;
    steps.block();
    T result = input;
    if (steps.runs() && rank == 0) {
      result = storage.items[0].Alias();
      const int n = num_valid < BLOCK_THREADS ? num_valid : BLOCK_THREADS;
      for (int i = 1; i < n; ++i)
        result = op(result, storage.items[i].Alias());
    }
    steps.releaseBlock();
    return result;
  }
  __device__ T Sum(T input) { return Reduce(input, cub::Sum()); }
  template <int N> __device__ T Sum(T (&inputs)[N]) { return Reduce(inputs, cub::Sum()); }
  __device__ T Sum(T input, int num_valid) { return Reduce(input, cub::Sum(), num_valid); }

private:
  __device__ static TempStorage &privateStorage() {
    __shared__ TempStorage private_storage;
    return private_storage;
  }
  TempStorage &storage;
  int rank;
};

template <class T, int BLOCK_DIM_X, BlockScanAlgorithm ALGORITHM = BLOCK_SCAN_RAKING,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE BlockScan {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
  // No prefix callback.
  struct NoPrefix {
    __device__ T operator()(const T &) const { return T(); }
  };

public:
  struct TempStorage {
    Uninitialized<T> items[BLOCK_THREADS];    // each thread's partial, then its exclusive prefix
    Uninitialized<T> aggregate, block_prefix; // the block's reduction, the callback's prefix
  };

  __device__ BlockScan() : BlockScan(privateStorage()) {}
  __device__ explicit BlockScan(TempStorage &temp_storage)
      : storage(temp_storage), rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}

  // ---- sums ----
  __device__ void ExclusiveSum(T input, T &output) {
    ExclusiveScan(input, output, T(0), cub::Sum());
  }
  __device__ void ExclusiveSum(T input, T &output, T &block_aggregate) {
    ExclusiveScan(input, output, T(0), cub::Sum(), block_aggregate);
  }
  template <class Callback>
  __device__ void ExclusiveSum(T input, T &output, Callback &block_prefix_callback_op) {
    ExclusiveScan(input, output, cub::Sum(), block_prefix_callback_op);
  }
  template <int N> __device__ void ExclusiveSum(T (&input)[N], T (&output)[N]) {
    ExclusiveScan(input, output, T(0), cub::Sum());
  }
  template <int N> __device__ void ExclusiveSum(T (&input)[N], T (&output)[N], T &block_aggregate) {
    ExclusiveScan(input, output, T(0), cub::Sum(), block_aggregate);
  }
  template <int N, class Callback>
  __device__ void ExclusiveSum(T (&input)[N], T (&output)[N], Callback &block_prefix_callback_op) {
    ExclusiveScan(input, output, cub::Sum(), block_prefix_callback_op);
  }
  __device__ void InclusiveSum(T input, T &output) { InclusiveScan(input, output, cub::Sum()); }
  __device__ void InclusiveSum(T input, T &output, T &block_aggregate) {
    InclusiveScan(input, output, cub::Sum(), block_aggregate);
  }
  template <class Callback>
  __device__ void InclusiveSum(T input, T &output, Callback &block_prefix_callback_op) {
    InclusiveScan(input, output, cub::Sum(), block_prefix_callback_op);
  }
  template <int N> __device__ void InclusiveSum(T (&input)[N], T (&output)[N]) {
    InclusiveScan(input, output, cub::Sum());
  }
  template <int N> __device__ void InclusiveSum(T (&input)[N], T (&output)[N], T &block_aggregate) {
    InclusiveScan(input, output, cub::Sum(), block_aggregate);
  }
  template <int N, class Callback>
  __device__ void InclusiveSum(T (&input)[N], T (&output)[N], Callback &block_prefix_callback_op) {
    InclusiveScan(input, output, cub::Sum(), block_prefix_callback_op);
  }

  // ---- exclusive scans (without an initial value thread 0's output is undefined: its input) ----
  template <class Op> __device__ void ExclusiveScan(T input, T &output, T initial_value, Op op) {
    T aggregate;
    ExclusiveScan(input, output, initial_value, op, aggregate);
  }
  template <class Op>
  __device__ void ExclusiveScan(T input, T &output, T initial_value, Op op, T &block_aggregate) {
    T items[1] = {input}, out[1];
    scan<false>(items, out, op, &initial_value, block_aggregate, static_cast<NoPrefix *>(nullptr));
    output = out[0];
  }
  template <class Op, class Callback>
  __device__ void ExclusiveScan(T input, T &output, Op op, Callback &block_prefix_callback_op) {
    T items[1] = {input}, out[1], aggregate;
    scan<false>(items, out, op, nullptr, aggregate, &block_prefix_callback_op);
    output = out[0];
  }
  template <class Op> __device__ void ExclusiveScan(T input, T &output, Op op) {
    T items[1] = {input}, out[1], aggregate;
    scan<false>(items, out, op, nullptr, aggregate, static_cast<NoPrefix *>(nullptr));
    output = out[0];
  }
  template <class Op> __device__ void ExclusiveScan(T input, T &output, Op op, T &block_aggregate) {
    T items[1] = {input}, out[1];
    scan<false>(items, out, op, nullptr, block_aggregate, static_cast<NoPrefix *>(nullptr));
    output = out[0];
  }
  template <int N, class Op>
  __device__ void ExclusiveScan(T (&input)[N], T (&output)[N], T initial_value, Op op) {
    T aggregate;
    scan<false>(input, output, op, &initial_value, aggregate, static_cast<NoPrefix *>(nullptr));
  }
  template <int N, class Op>
  __device__ void ExclusiveScan(T (&input)[N], T (&output)[N], T initial_value, Op op,
                                T &block_aggregate) {
    scan<false>(input, output, op, &initial_value, block_aggregate,
                static_cast<NoPrefix *>(nullptr));
  }
  template <int N, class Op, class Callback>
  __device__ void ExclusiveScan(T (&input)[N], T (&output)[N], Op op,
                                Callback &block_prefix_callback_op) {
    T aggregate;
    scan<false>(input, output, op, nullptr, aggregate, &block_prefix_callback_op);
  }
  template <int N, class Op> __device__ void ExclusiveScan(T (&input)[N], T (&output)[N], Op op) {
    T aggregate;
    scan<false>(input, output, op, nullptr, aggregate, static_cast<NoPrefix *>(nullptr));
  }

  // ---- inclusive scans ----
  template <class Op> __device__ void InclusiveScan(T input, T &output, Op op) {
    T aggregate;
    InclusiveScan(input, output, op, aggregate);
  }
  template <class Op> __device__ void InclusiveScan(T input, T &output, Op op, T &block_aggregate) {
    T items[1] = {input}, out[1];
    scan<true>(items, out, op, nullptr, block_aggregate, static_cast<NoPrefix *>(nullptr));
    output = out[0];
  }
  template <class Op, class Callback>
  __device__ void InclusiveScan(T input, T &output, Op op, Callback &block_prefix_callback_op) {
    T items[1] = {input}, out[1], aggregate;
    scan<true>(items, out, op, nullptr, aggregate, &block_prefix_callback_op);
    output = out[0];
  }
  template <int N, class Op> __device__ void InclusiveScan(T (&input)[N], T (&output)[N], Op op) {
    T aggregate;
    scan<true>(input, output, op, nullptr, aggregate, static_cast<NoPrefix *>(nullptr));
  }
  template <int N, class Op>
  __device__ void InclusiveScan(T (&input)[N], T (&output)[N], Op op, T &block_aggregate) {
    scan<true>(input, output, op, nullptr, block_aggregate, static_cast<NoPrefix *>(nullptr));
  }
  template <int N, class Op, class Callback>
  __device__ void InclusiveScan(T (&input)[N], T (&output)[N], Op op,
                                Callback &block_prefix_callback_op) {
    T aggregate;
    scan<true>(input, output, op, nullptr, aggregate, &block_prefix_callback_op);
  }

private:
  // The scan of the block's items in rank order (each thread holds N consecutive ones). The
  // prefix that seeds it: `initial`, or what the callback returns for the block's aggregate (CUB
  // calls it in the first warp's lanes and uses lane 0's value), or none (the first item then
  // has no exclusive prefix).
  template <bool Inclusive, int N, class Op, class Callback>
  __device__ void scan(T (&input)[N], T (&output)[N], Op op, const T *initial, T &block_aggregate,
                       Callback *callback) {
    detail::Steps steps;
    if (steps.runs())
      storage.items[rank].Alias() = ThreadReduce(input, op);
    steps.block();
    if (steps.runs() && rank == 0) {
      // items[i] becomes the exclusive prefix of thread i's partial (items[0]: unused).
      T running = storage.items[0].Alias();
      for (int i = 1; i < BLOCK_THREADS; ++i) {
        T next = op(running, storage.items[i].Alias());
        storage.items[i].Alias() = running;
        running = next;
      }
      storage.aggregate.Alias() = running;
    }
    steps.block();
    if (callback) {
      if (steps.runs() && rank < 32) {
        T prefix = (*callback)(T(storage.aggregate.Alias()));
        if (rank == 0)
          storage.block_prefix.Alias() = prefix;
      }
      steps.block();
    }
    if (!steps.runs())
      return;
    const T aggregate = storage.aggregate.Alias();
    const bool has_seed = initial != nullptr || callback != nullptr;
    T seed = initial ? *initial : callback ? storage.block_prefix.Alias() : T();
    // This thread's exclusive prefix, if it has one.
    bool have = has_seed || rank > 0;
    T prefix = rank == 0  ? seed
               : has_seed ? T(op(seed, storage.items[rank].Alias()))
                          : storage.items[rank].Alias();
    steps.releaseBlock();
    for (int i = 0; i < N; ++i) {
      T item = input[i];
      if (Inclusive)
        output[i] = have ? T(op(prefix, item)) : item;
      else
        output[i] = have ? prefix : item;
      prefix = have ? T(op(prefix, item)) : item;
      have = true;
    }
    block_aggregate = aggregate;
  }
  __device__ static TempStorage &privateStorage() {
    __shared__ TempStorage private_storage;
    return private_storage;
  }
  TempStorage &storage;
  int rank;
};

// ---- direct loads and stores: blocked (thread i has items i*N ... i*N+N-1) or striped (thread i
// has items i, i+BLOCK_THREADS, ...); items at or past valid_items are not touched ----
namespace detail {
// Where item i of the thread ranked `rank` is in a tile of BLOCK_THREADS threads × N items.
template <int BLOCK_THREADS, int N> __device__ int tileIndex(bool striped, int rank, int i) {
  return striped ? i * BLOCK_THREADS + rank : rank * N + i;
}
template <bool Striped, int BLOCK_THREADS, class T, int N, class It>
__device__ void load(int rank, It it, T (&items)[N], int valid_items) {
  for (int i = 0; i < N; ++i)
    if (int at = tileIndex<BLOCK_THREADS, N>(Striped, rank, i); at < valid_items)
      items[i] = it[at];
}
template <bool Striped, int BLOCK_THREADS, class T, int N, class It>
__device__ void store(int rank, It it, T (&items)[N], int valid_items) {
  for (int i = 0; i < N; ++i)
    if (int at = tileIndex<BLOCK_THREADS, N>(Striped, rank, i); at < valid_items)
      it[at] = items[i];
}
template <bool Striped, int BLOCK_THREADS, class T, class D, int N, class It>
__device__ void load(int rank, It it, T (&items)[N], int valid_items, D oob_default) {
  for (int i = 0; i < N; ++i)
    items[i] = T(oob_default);
  load<Striped, BLOCK_THREADS>(rank, it, items, valid_items);
}
inline constexpr int AllItems = 0x7fffffff;
} // namespace detail

template <class T, int N, class It>
__device__ void LoadDirectBlocked(int rank, It it, T (&items)[N]) {
  detail::load<false, 1>(rank, it, items, detail::AllItems);
}
template <class T, int N, class It>
__device__ void LoadDirectBlocked(int rank, It it, T (&items)[N], int valid_items) {
  detail::load<false, 1>(rank, it, items, valid_items);
}
template <class T, class D, int N, class It>
__device__ void LoadDirectBlocked(int rank, It it, T (&items)[N], int valid_items, D oob_default) {
  detail::load<false, 1>(rank, it, items, valid_items, oob_default);
}
template <int BLOCK_THREADS, class T, int N, class It>
__device__ void LoadDirectStriped(int rank, It it, T (&items)[N]) {
  detail::load<true, BLOCK_THREADS>(rank, it, items, detail::AllItems);
}
template <int BLOCK_THREADS, class T, int N, class It>
__device__ void LoadDirectStriped(int rank, It it, T (&items)[N], int valid_items) {
  detail::load<true, BLOCK_THREADS>(rank, it, items, valid_items);
}
template <int BLOCK_THREADS, class T, class D, int N, class It>
__device__ void LoadDirectStriped(int rank, It it, T (&items)[N], int valid_items, D oob_default) {
  detail::load<true, BLOCK_THREADS>(rank, it, items, valid_items, oob_default);
}
template <class T, int N, class It>
__device__ void StoreDirectBlocked(int rank, It it, T (&items)[N]) {
  detail::store<false, 1>(rank, it, items, detail::AllItems);
}
template <class T, int N, class It>
__device__ void StoreDirectBlocked(int rank, It it, T (&items)[N], int valid_items) {
  detail::store<false, 1>(rank, it, items, valid_items);
}
template <int BLOCK_THREADS, class T, int N, class It>
__device__ void StoreDirectStriped(int rank, It it, T (&items)[N]) {
  detail::store<true, BLOCK_THREADS>(rank, it, items, detail::AllItems);
}
template <int BLOCK_THREADS, class T, int N, class It>
__device__ void StoreDirectStriped(int rank, It it, T (&items)[N], int valid_items) {
  detail::store<true, BLOCK_THREADS>(rank, it, items, valid_items);
}

// BlockLoad and BlockStore give each thread the arrangement CUB's algorithm gives (striped for
// *_STRIPED, blocked for the others, the transposing ones included) by reading and writing
// memory directly: no TempStorage and no barrier are needed for that on one worker.
template <class T, int BLOCK_DIM_X, int ITEMS_PER_THREAD,
          BlockLoadAlgorithm ALGORITHM = BLOCK_LOAD_DIRECT, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockLoad {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
  static constexpr bool STRIPED = ALGORITHM == BLOCK_LOAD_STRIPED;

public:
  struct TempStorage {};
  __device__ BlockLoad() : rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}
  __device__ explicit BlockLoad(TempStorage &) : BlockLoad() {}
  template <class It>
  __device__ void Load(It it, T (&items)[ITEMS_PER_THREAD], int valid_items = detail::AllItems) {
    detail::load<STRIPED, BLOCK_THREADS>(rank, it, items, valid_items);
  }
  template <class It, class D>
  __device__ void Load(It it, T (&items)[ITEMS_PER_THREAD], int valid_items, D oob_default) {
    detail::load<STRIPED, BLOCK_THREADS>(rank, it, items, valid_items, oob_default);
  }

private:
  int rank;
};

template <class T, int BLOCK_DIM_X, int ITEMS_PER_THREAD,
          BlockStoreAlgorithm ALGORITHM = BLOCK_STORE_DIRECT, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockStore {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
  static constexpr bool STRIPED = ALGORITHM == BLOCK_STORE_STRIPED;

public:
  struct TempStorage {};
  __device__ BlockStore() : rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}
  __device__ explicit BlockStore(TempStorage &) : BlockStore() {}
  template <class It>
  __device__ void Store(It it, T (&items)[ITEMS_PER_THREAD], int valid_items = detail::AllItems) {
    detail::store<STRIPED, BLOCK_THREADS>(rank, it, items, valid_items);
  }

private:
  int rank;
};

// Rearranges the block's items between blocked and striped arrangements.
template <class T, int BLOCK_DIM_X, int ITEMS_PER_THREAD, bool WARP_TIME_SLICING = false,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE BlockExchange {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
  static constexpr int TILE = BLOCK_THREADS * ITEMS_PER_THREAD;

public:
  struct TempStorage {
    Uninitialized<T> items[TILE];
  };
  __device__ BlockExchange() : BlockExchange(privateStorage()) {}
  __device__ explicit BlockExchange(TempStorage &temp_storage)
      : storage(temp_storage), rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}
  template <class O>
  __device__ void BlockedToStriped(T (&input)[ITEMS_PER_THREAD], O (&output)[ITEMS_PER_THREAD]) {
    exchange(input, output, true);
  }
  template <class O>
  __device__ void StripedToBlocked(T (&input)[ITEMS_PER_THREAD], O (&output)[ITEMS_PER_THREAD]) {
    exchange(input, output, false);
  }
  __device__ void BlockedToStriped(T (&items)[ITEMS_PER_THREAD]) { exchange(items, items, true); }
  __device__ void StripedToBlocked(T (&items)[ITEMS_PER_THREAD]) { exchange(items, items, false); }

private:
  template <class O>
  __device__ void exchange(T (&input)[ITEMS_PER_THREAD], O (&output)[ITEMS_PER_THREAD],
                           bool to_striped) {
    detail::Steps steps;
    if (steps.runs())
      for (int i = 0; i < ITEMS_PER_THREAD; ++i)
        storage.items[index(!to_striped, i)].Alias() = input[i];
    steps.block();
    if (steps.runs())
      for (int i = 0; i < ITEMS_PER_THREAD; ++i)
        output[i] = O(storage.items[index(to_striped, i)].Alias());
    steps.releaseBlock();
  }
  __device__ int index(bool striped, int i) const {
    return detail::tileIndex<BLOCK_THREADS, ITEMS_PER_THREAD>(striped, rank, i);
  }
  __device__ static TempStorage &privateStorage() {
    __shared__ TempStorage private_storage;
    return private_storage;
  }
  TempStorage &storage;
  int rank;
};

// A stable sort of the block's keys (and values) by bits [begin_bit, end_bit) of their radix order
// (RadixOrder in util.h): what CUB's radix sort computes. Input blocked; output blocked, or
// striped from the *BlockedToStriped forms.
template <class KeyT, int BLOCK_DIM_X, int ITEMS_PER_THREAD, class ValueT = NullType,
          int RADIX_BITS = 4, bool MEMOIZE_OUTER_SCAN = true,
          BlockScanAlgorithm INNER_SCAN_ALGORITHM = BLOCK_SCAN_WARP_SCANS, int SMEM_CONFIG = 0,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class NPU_STEPPED_COLLECTIVE BlockRadixSort {
  static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
  static constexpr int TILE = BLOCK_THREADS * ITEMS_PER_THREAD;
  static constexpr bool KEYS_ONLY = std::is_same_v<ValueT, NullType>;
  using StoredValue = std::conditional_t<KEYS_ONLY, char, ValueT>;

public:
  struct TempStorage {
    Uninitialized<KeyT> keys[TILE];
    Uninitialized<StoredValue> values[KEYS_ONLY ? 1 : TILE];
    int order[TILE];
  };
  __device__ BlockRadixSort() : BlockRadixSort(privateStorage()) {}
  __device__ explicit BlockRadixSort(TempStorage &temp_storage)
      : storage(temp_storage), rank(detail::blockRank<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>()) {}

  __device__ void Sort(KeyT (&keys)[ITEMS_PER_THREAD], int begin_bit = 0,
                       int end_bit = sizeof(KeyT) * 8) {
    sort(keys, nullptr, begin_bit, end_bit, false, false);
  }
  __device__ void Sort(KeyT (&keys)[ITEMS_PER_THREAD], ValueT (&values)[ITEMS_PER_THREAD],
                       int begin_bit = 0, int end_bit = sizeof(KeyT) * 8) {
    sort(keys, &values, begin_bit, end_bit, false, false);
  }
  __device__ void SortDescending(KeyT (&keys)[ITEMS_PER_THREAD], int begin_bit = 0,
                                 int end_bit = sizeof(KeyT) * 8) {
    sort(keys, nullptr, begin_bit, end_bit, true, false);
  }
  __device__ void SortDescending(KeyT (&keys)[ITEMS_PER_THREAD], ValueT (&values)[ITEMS_PER_THREAD],
                                 int begin_bit = 0, int end_bit = sizeof(KeyT) * 8) {
    sort(keys, &values, begin_bit, end_bit, true, false);
  }
  __device__ void SortBlockedToStriped(KeyT (&keys)[ITEMS_PER_THREAD], int begin_bit = 0,
                                       int end_bit = sizeof(KeyT) * 8) {
    sort(keys, nullptr, begin_bit, end_bit, false, true);
  }
  __device__ void SortBlockedToStriped(KeyT (&keys)[ITEMS_PER_THREAD],
                                       ValueT (&values)[ITEMS_PER_THREAD], int begin_bit = 0,
                                       int end_bit = sizeof(KeyT) * 8) {
    sort(keys, &values, begin_bit, end_bit, false, true);
  }
  __device__ void SortDescendingBlockedToStriped(KeyT (&keys)[ITEMS_PER_THREAD], int begin_bit = 0,
                                                 int end_bit = sizeof(KeyT) * 8) {
    sort(keys, nullptr, begin_bit, end_bit, true, true);
  }
  __device__ void SortDescendingBlockedToStriped(KeyT (&keys)[ITEMS_PER_THREAD],
                                                 ValueT (&values)[ITEMS_PER_THREAD],
                                                 int begin_bit = 0,
                                                 int end_bit = sizeof(KeyT) * 8) {
    sort(keys, &values, begin_bit, end_bit, true, true);
  }

private:
  __device__ void sort(KeyT (&keys)[ITEMS_PER_THREAD], ValueT (*values)[ITEMS_PER_THREAD],
                       int begin_bit, int end_bit, bool descending, bool to_striped) {
    detail::Steps steps;
    for (int i = 0; steps.runs() && i < ITEMS_PER_THREAD; ++i) {
      const int at = detail::tileIndex<BLOCK_THREADS, ITEMS_PER_THREAD>(false, rank, i);
      storage.keys[at].Alias() = keys[i];
      if constexpr (!KEYS_ONLY)
        if (values)
          storage.values[at].Alias() = (*values)[i];
    }
    steps.block();
    if (steps.runs() && rank == 0)
      detail::radixOrder(storage.order, storage.keys, TILE, begin_bit, end_bit, descending);
    steps.block();
    for (int i = 0; steps.runs() && i < ITEMS_PER_THREAD; ++i) {
      const int at = detail::tileIndex<BLOCK_THREADS, ITEMS_PER_THREAD>(to_striped, rank, i);
      const int from = storage.order[at];
      keys[i] = storage.keys[from].Alias();
      if constexpr (!KEYS_ONLY)
        if (values)
          (*values)[i] = storage.values[from].Alias();
    }
    steps.releaseBlock();
  }
  __device__ static TempStorage &privateStorage() {
    __shared__ TempStorage private_storage;
    return private_storage;
  }
  TempStorage &storage;
  int rank;
};

} // namespace cub
