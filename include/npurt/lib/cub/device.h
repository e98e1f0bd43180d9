// CUB's device-wide algorithms: DeviceReduce, DeviceScan, DeviceRadixSort, DeviceSelect,
// DevicePartition, DeviceSegmentedReduce, DeviceRunLengthEncode, DeviceSegmentedRadixSort,
// DeviceSegmentedSort, DeviceMergeSort, DeviceAdjacentDifference, DeviceHistogram. Each call keeps
// CUB's two-phase temp-storage protocol (a null d_temp_storage asks for the size and does nothing
// else; a smaller buffer than asked for is npuErrorInvalidValue) and is then one stream
// operation (npurt/lib/library_work.h): it runs in stream order on the host over the device
// memory (host-addressable on every backend), appears in NPURT_TRACE/NPURT_REPORT as a library
// call under CUB's name, and a modelled device prices the bytes it moves. Results are CUB's:
// stable sorts, CUB's output value types, ties and empty-input values.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <numeric>
#include <vector>

#include "npurt/lib/cub/util.h"
#include "npurt/lib/library_work.h"

namespace cub {

namespace detail {
// What a size query returns; the work itself needs no caller storage.
inline constexpr size_t TempStorageBytes = 256;
// True when the call ends here: a size query (status npuSuccess) or too small a buffer.
inline bool endsBeforeWork(void *d_temp_storage, size_t &temp_storage_bytes, npuError_t &status) {
  status = npuSuccess;
  if (d_temp_storage == nullptr) {
    temp_storage_bytes = TempStorageBytes;
    return true;
  }
  if (temp_storage_bytes < TempStorageBytes) {
    status = npuErrorInvalidValue;
    return true;
  }
  return false;
}
template <class F>
npuError_t enqueue(npuStream_t stream, const char *name, double bytes, F &&work) {
  return ::npu::lib::enqueue_library_work(stream, name, bytes,
                                          std::function<void()>(std::forward<F>(work)));
}
template <class It> using ValueOf = typename std::iterator_traits<It>::value_type;
// CUB's output value type: the output iterator's, or the input's where that is void.
template <class In, class Out>
using OutputValueOf = std::conditional_t<std::is_void_v<ValueOf<Out>>, ValueOf<In>, ValueOf<Out>>;
template <class It> double itemBytes() {
  using V = ValueOf<It>;
  if constexpr (std::is_void_v<V>)
    return 0;
  else
    return double(sizeof(V));
}

template <class In, class Out, class N, class Op, class Init>
npuError_t reduce(const char *name, void *d_temp, size_t &bytes, In in, Out out, N num_items, Op op,
                  Init init, npuStream_t stream) {
  npuError_t status;
  if (endsBeforeWork(d_temp, bytes, status))
    return status;
  return enqueue(stream, name, double(num_items) * itemBytes<In>(), [=] {
    Init acc = init;
    for (N i = 0; i < num_items; ++i)
      acc = op(acc, in[i]);
    *out = acc;
  });
}

// No segments: one scan over all items.
struct OneSegment {
  template <class N> bool operator()(N) const { return false; }
};

// A scan, restarted (from the seed) at every item i > 0 where startsSegment(i) (scans by key).
template <bool Inclusive, class In, class Out, class N, class Op, class Acc,
          class Starts = OneSegment>
npuError_t scan(const char *name, void *d_temp, size_t &bytes, In in, Out out, N num_items, Op op,
                const Acc *init, npuStream_t stream, Starts startsSegment = Starts()) {
  npuError_t status;
  if (endsBeforeWork(d_temp, bytes, status))
    return status;
  const bool seeded = init != nullptr;
  const Acc seed = seeded ? *init : Acc();
  return enqueue(stream, name, 2.0 * double(num_items) * itemBytes<In>(), [=] {
    Acc acc = seed;
    bool have = seeded;
    for (N i = 0; i < num_items; ++i) {
      if (i > 0 && startsSegment(i)) {
        acc = seed;
        have = seeded;
      }
      Acc item = in[i]; // read before the write: in == out is allowed
      if (!Inclusive && have)
        out[i] = acc;
      acc = have ? Acc(op(acc, item)) : item;
      have = true;
      if (Inclusive)
        out[i] = acc;
    }
  });
}

// A stable sort of the keys (and the values with them) within each segment
// [begins[s], ends[s]) by less(a, b); items outside every segment are left as they are in the
// output (CUB does not write them). keys_in may be keys_out (the in-place sorts).
template <class Key, class Value, class Begins, class Ends, class Less>
void sortSegments(const Key *keys_in, Key *keys_out, const Value *values_in, Value *values_out,
                  int num_segments, Begins begins, Ends ends, Less less) {
  std::vector<size_t> order;
  std::vector<Key> keys;
  std::vector<Value> values;
  for (int s = 0; s < num_segments; ++s) {
    const size_t begin = size_t(begins[s]), end = size_t(ends[s]);
    if (end <= begin)
      continue;
    order.resize(end - begin);
    std::iota(order.begin(), order.end(), begin);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return less(keys_in[a], keys_in[b]); });
    keys.resize(order.size());
    for (size_t i = 0; i < order.size(); ++i)
      keys[i] = keys_in[order[i]];
    if (values_in) {
      values.resize(order.size());
      for (size_t i = 0; i < order.size(); ++i)
        values[i] = values_in[order[i]];
      std::copy(values.begin(), values.end(), values_out + begin);
    }
    std::copy(keys.begin(), keys.end(), keys_out + begin);
  }
}

// Radix order of bits [begin_bit, end_bit): CUB's radix sorts.
template <class Key> auto radixLess(int begin_bit, int end_bit, bool descending) {
  return [=](const Key &a, const Key &b) {
    auto da = RadixOrder<Key>::digit(a, begin_bit, end_bit);
    auto db = RadixOrder<Key>::digit(b, begin_bit, end_bit);
    return descending ? db < da : da < db;
  };
}

// A device-wide (segmented) sort as one stream operation; passes: how often CUB's algorithm
// reads and writes the pairs (what a modelled device prices).
template <class Key, class Value, class Begins, class Ends, class Less>
npuError_t sort(const char *name, void *d_temp, size_t &bytes, const Key *keys_in, Key *keys_out,
                const Value *values_in, Value *values_out, double num_items, int num_segments,
                Begins begins, Ends ends, Less less, double passes, npuStream_t stream) {
  npuError_t status;
  if (endsBeforeWork(d_temp, bytes, status))
    return status;
  const double pair = double(sizeof(Key)) + (values_in ? double(sizeof(Value)) : 0.0);
  return enqueue(stream, name, 2.0 * passes * num_items * pair, [=] {
    sortSegments(keys_in, keys_out, values_in, values_out, num_segments, begins, ends, less);
  });
}

template <class Key, class Value, class N>
npuError_t radixSort(const char *name, void *d_temp, size_t &bytes, const Key *keys_in,
                     Key *keys_out, const Value *values_in, Value *values_out, N num_items,
                     int begin_bit, int end_bit, bool descending, npuStream_t stream) {
  if (d_temp && (begin_bit < 0 || end_bit > int(sizeof(Key) * 8) || begin_bit > end_bit))
    return npuErrorInvalidValue;
  // One segment; CUB's onesweep sort reads and writes the pairs once per 8-bit digit pass.
  return sort(name, d_temp, bytes, keys_in, keys_out, values_in, values_out, double(num_items), 1,
              std::array<N, 1>{N(0)}, std::array<N, 1>{num_items},
              radixLess<Key>(begin_bit, end_bit, descending), double((end_bit - begin_bit + 7) / 8),
              stream);
}

// Selection into `out` (in order); with `partition`, the rejected items follow in reverse order.
template <class In, class Out, class NumSelected, class N, class Keep>
npuError_t select(const char *name, void *d_temp, size_t &bytes, In in, Out out,
                  NumSelected num_selected_out, N num_items, Keep keep, bool partition,
                  npuStream_t stream) {
  npuError_t status;
  if (endsBeforeWork(d_temp, bytes, status))
    return status;
  return enqueue(stream, name, 2.0 * double(num_items) * itemBytes<In>(), [=] {
    N selected = 0, rejected = 0;
    for (N i = 0; i < num_items; ++i) {
      if (keep(i))
        out[selected++] = in[i];
      else if (partition)
        out[num_items - 1 - rejected++] = in[i];
    }
    *num_selected_out = selected;
  });
}
} // namespace detail

struct DeviceReduce {
  template <class In, class Out, class N, class Op, class T>
  static npuError_t Reduce(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                           N num_items, Op reduction_op, T init, npuStream_t stream = 0,
                           bool = false) {
    return detail::reduce("cub::DeviceReduce::Reduce", d_temp_storage, temp_storage_bytes, d_in,
                          d_out, num_items, reduction_op, T(init), stream);
  }
  template <class In, class Out, class N>
  static npuError_t Sum(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        N num_items, npuStream_t stream = 0, bool = false) {
    using T = detail::OutputValueOf<In, Out>;
    return detail::reduce("cub::DeviceReduce::Sum", d_temp_storage, temp_storage_bytes, d_in, d_out,
                          num_items, cub::Sum(), T(), stream);
  }
  template <class In, class Out, class N>
  static npuError_t Min(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        N num_items, npuStream_t stream = 0, bool = false) {
    using T = detail::ValueOf<In>;
    return detail::reduce("cub::DeviceReduce::Min", d_temp_storage, temp_storage_bytes, d_in, d_out,
                          num_items, cub::Min(), Traits<T>::Max(), stream);
  }
  template <class In, class Out, class N>
  static npuError_t Max(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        N num_items, npuStream_t stream = 0, bool = false) {
    using T = detail::ValueOf<In>;
    return detail::reduce("cub::DeviceReduce::Max", d_temp_storage, temp_storage_bytes, d_in, d_out,
                          num_items, cub::Max(), Traits<T>::Lowest(), stream);
  }
  // The first extreme item and its offset; an empty input gives {1, Max()} (ArgMin) or
  // {1, Lowest()} (ArgMax), as CUB.
  template <class In, class Out, class N>
  static npuError_t ArgMin(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                           N num_items, npuStream_t stream = 0, bool = false) {
    return arg("cub::DeviceReduce::ArgMin", d_temp_storage, temp_storage_bytes, d_in, d_out,
               num_items, cub::ArgMin(), true, stream);
  }
  template <class In, class Out, class N>
  static npuError_t ArgMax(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                           N num_items, npuStream_t stream = 0, bool = false) {
    return arg("cub::DeviceReduce::ArgMax", d_temp_storage, temp_storage_bytes, d_in, d_out,
               num_items, cub::ArgMax(), false, stream);
  }

  // Each run of consecutive equal keys: its key, the reduction of its values; then the number of
  // runs.
  template <class Keys, class UniqueOut, class Values, class AggregatesOut, class NumRuns, class Op,
            class N>
  static npuError_t ReduceByKey(void *d_temp_storage, size_t &temp_storage_bytes, Keys d_keys_in,
                                UniqueOut d_unique_out, Values d_values_in,
                                AggregatesOut d_aggregates_out, NumRuns d_num_runs_out,
                                Op reduction_op, N num_items, npuStream_t stream = 0,
                                bool = false) {
    npuError_t status;
    if (detail::endsBeforeWork(d_temp_storage, temp_storage_bytes, status))
      return status;
    using Acc = detail::OutputValueOf<Values, AggregatesOut>;
    return detail::enqueue(
        stream, "cub::DeviceReduce::ReduceByKey",
        2.0 * double(num_items) * (detail::itemBytes<Keys>() + detail::itemBytes<Values>()), [=] {
          N runs = 0;
          Acc acc{};
          for (N i = 0; i < num_items; ++i) {
            if (i == 0 || !(d_keys_in[i] == d_keys_in[i - 1])) {
              if (i > 0)
                d_aggregates_out[runs - 1] = acc;
              d_unique_out[runs++] = d_keys_in[i];
              acc = d_values_in[i];
            } else {
              acc = reduction_op(acc, d_values_in[i]);
            }
          }
          if (runs > 0)
            d_aggregates_out[runs - 1] = acc;
          *d_num_runs_out = runs;
        });
  }

private:
  template <class In, class Out, class N, class Op>
  static npuError_t arg(const char *name, void *d_temp, size_t &bytes, In in, Out out, N n, Op op,
                        bool min, npuStream_t stream) {
    using Pair = detail::ValueOf<Out>;
    using V = typename Pair::Value;
    using K = typename Pair::Key;
    npuError_t status;
    if (detail::endsBeforeWork(d_temp, bytes, status))
      return status;
    return detail::enqueue(stream, name, double(n) * sizeof(V), [=] {
      if (n == 0) {
        *out = Pair(K(1), min ? Traits<V>::Max() : Traits<V>::Lowest());
        return;
      }
      Pair best(K(0), V(in[0]));
      for (N i = 1; i < n; ++i)
        best = op(best, Pair(K(i), V(in[i])));
      *out = best;
    });
  }
};

struct DeviceScan {
  template <class In, class Out, class N>
  static npuError_t ExclusiveSum(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                                 Out d_out, N num_items, npuStream_t stream = 0, bool = false) {
    using T = detail::OutputValueOf<In, Out>;
    const T zero = T();
    return detail::scan<false>("cub::DeviceScan::ExclusiveSum", d_temp_storage, temp_storage_bytes,
                               d_in, d_out, num_items, cub::Sum(), &zero, stream);
  }
  template <class In, class Out, class N>
  static npuError_t InclusiveSum(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                                 Out d_out, N num_items, npuStream_t stream = 0, bool = false) {
    using T = detail::OutputValueOf<In, Out>;
    return detail::scan<true>("cub::DeviceScan::InclusiveSum", d_temp_storage, temp_storage_bytes,
                              d_in, d_out, num_items, cub::Sum(), static_cast<const T *>(nullptr),
                              stream);
  }
  template <class In, class Out, class Op, class T, class N>
  static npuError_t ExclusiveScan(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                                  Out d_out, Op scan_op, T init_value, N num_items,
                                  npuStream_t stream = 0, bool = false) {
    return detail::scan<false>("cub::DeviceScan::ExclusiveScan", d_temp_storage, temp_storage_bytes,
                               d_in, d_out, num_items, scan_op, &init_value, stream);
  }
  template <class In, class Out, class Op, class N>
  static npuError_t InclusiveScan(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                                  Out d_out, Op scan_op, N num_items, npuStream_t stream = 0,
                                  bool = false) {
    using T = detail::OutputValueOf<In, Out>;
    return detail::scan<true>("cub::DeviceScan::InclusiveScan", d_temp_storage, temp_storage_bytes,
                              d_in, d_out, num_items, scan_op, static_cast<const T *>(nullptr),
                              stream);
  }

  // Scans by key: each run of consecutive equal keys (equality_op) is scanned on its own.
  template <class Keys, class In, class Out, class N, class Eq = cub::Equality>
  static npuError_t ExclusiveSumByKey(void *d_temp_storage, size_t &temp_storage_bytes,
                                      Keys d_keys_in, In d_values_in, Out d_values_out, N num_items,
                                      Eq equality_op = Eq(), npuStream_t stream = 0) {
    using T = detail::OutputValueOf<In, Out>;
    const T zero = T();
    return detail::scan<false>("cub::DeviceScan::ExclusiveSumByKey", d_temp_storage,
                               temp_storage_bytes, d_values_in, d_values_out, num_items, cub::Sum(),
                               &zero, stream, newKey(d_keys_in, equality_op));
  }
  template <class Keys, class In, class Out, class N, class Eq = cub::Equality>
  static npuError_t InclusiveSumByKey(void *d_temp_storage, size_t &temp_storage_bytes,
                                      Keys d_keys_in, In d_values_in, Out d_values_out, N num_items,
                                      Eq equality_op = Eq(), npuStream_t stream = 0) {
    using T = detail::OutputValueOf<In, Out>;
    return detail::scan<true>("cub::DeviceScan::InclusiveSumByKey", d_temp_storage,
                              temp_storage_bytes, d_values_in, d_values_out, num_items, cub::Sum(),
                              static_cast<const T *>(nullptr), stream,
                              newKey(d_keys_in, equality_op));
  }
  template <class Keys, class In, class Out, class Op, class T, class N, class Eq = cub::Equality>
  static npuError_t ExclusiveScanByKey(void *d_temp_storage, size_t &temp_storage_bytes,
                                       Keys d_keys_in, In d_values_in, Out d_values_out, Op scan_op,
                                       T init_value, N num_items, Eq equality_op = Eq(),
                                       npuStream_t stream = 0) {
    return detail::scan<false>("cub::DeviceScan::ExclusiveScanByKey", d_temp_storage,
                               temp_storage_bytes, d_values_in, d_values_out, num_items, scan_op,
                               &init_value, stream, newKey(d_keys_in, equality_op));
  }
  template <class Keys, class In, class Out, class Op, class N, class Eq = cub::Equality>
  static npuError_t InclusiveScanByKey(void *d_temp_storage, size_t &temp_storage_bytes,
                                       Keys d_keys_in, In d_values_in, Out d_values_out, Op scan_op,
                                       N num_items, Eq equality_op = Eq(), npuStream_t stream = 0) {
    using T = detail::OutputValueOf<In, Out>;
    return detail::scan<true>("cub::DeviceScan::InclusiveScanByKey", d_temp_storage,
                              temp_storage_bytes, d_values_in, d_values_out, num_items, scan_op,
                              static_cast<const T *>(nullptr), stream,
                              newKey(d_keys_in, equality_op));
  }

private:
  // Whether item i's key differs from item i - 1's.
  template <class Keys, class Eq> static auto newKey(Keys keys, Eq eq) {
    return [=](auto i) { return !eq(keys[i - 1], keys[i]); };
  }
};

struct DeviceRadixSort {
  template <class K, class N>
  static npuError_t SortKeys(void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in,
                             K *d_keys_out, N num_items, int begin_bit = 0,
                             int end_bit = sizeof(K) * 8, npuStream_t stream = 0, bool = false) {
    return detail::radixSort("cub::DeviceRadixSort::SortKeys", d_temp_storage, temp_storage_bytes,
                             d_keys_in, d_keys_out, static_cast<const NullType *>(nullptr),
                             static_cast<NullType *>(nullptr), num_items, begin_bit, end_bit, false,
                             stream);
  }
  template <class K, class N>
  static npuError_t SortKeysDescending(void *d_temp_storage, size_t &temp_storage_bytes,
                                       const K *d_keys_in, K *d_keys_out, N num_items,
                                       int begin_bit = 0, int end_bit = sizeof(K) * 8,
                                       npuStream_t stream = 0, bool = false) {
    return detail::radixSort(
        "cub::DeviceRadixSort::SortKeysDescending", d_temp_storage, temp_storage_bytes, d_keys_in,
        d_keys_out, static_cast<const NullType *>(nullptr), static_cast<NullType *>(nullptr),
        num_items, begin_bit, end_bit, true, stream);
  }
  template <class K, class V, class N>
  static npuError_t SortPairs(void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in,
                              K *d_keys_out, const V *d_values_in, V *d_values_out, N num_items,
                              int begin_bit = 0, int end_bit = sizeof(K) * 8,
                              npuStream_t stream = 0, bool = false) {
    return detail::radixSort("cub::DeviceRadixSort::SortPairs", d_temp_storage, temp_storage_bytes,
                             d_keys_in, d_keys_out, d_values_in, d_values_out, num_items, begin_bit,
                             end_bit, false, stream);
  }
  template <class K, class V, class N>
  static npuError_t SortPairsDescending(void *d_temp_storage, size_t &temp_storage_bytes,
                                        const K *d_keys_in, K *d_keys_out, const V *d_values_in,
                                        V *d_values_out, N num_items, int begin_bit = 0,
                                        int end_bit = sizeof(K) * 8, npuStream_t stream = 0,
                                        bool = false) {
    return detail::radixSort("cub::DeviceRadixSort::SortPairsDescending", d_temp_storage,
                             temp_storage_bytes, d_keys_in, d_keys_out, d_values_in, d_values_out,
                             num_items, begin_bit, end_bit, true, stream);
  }
  // DoubleBuffer forms: sorted from Current() into Alternate(), then the selector flips, so the
  // result is in Current() when the call returns, as CUB leaves it.
  template <class K, class N>
  static npuError_t SortKeys(void *d_temp_storage, size_t &temp_storage_bytes,
                             DoubleBuffer<K> &d_keys, N num_items, int begin_bit = 0,
                             int end_bit = sizeof(K) * 8, npuStream_t stream = 0, bool = false) {
    return flip(d_keys, nullptr, d_temp_storage,
                SortKeys(d_temp_storage, temp_storage_bytes, d_keys.Current(), d_keys.Alternate(),
                         num_items, begin_bit, end_bit, stream));
  }
  template <class K, class N>
  static npuError_t SortKeysDescending(void *d_temp_storage, size_t &temp_storage_bytes,
                                       DoubleBuffer<K> &d_keys, N num_items, int begin_bit = 0,
                                       int end_bit = sizeof(K) * 8, npuStream_t stream = 0,
                                       bool = false) {
    return flip(d_keys, nullptr, d_temp_storage,
                SortKeysDescending(d_temp_storage, temp_storage_bytes, d_keys.Current(),
                                   d_keys.Alternate(), num_items, begin_bit, end_bit, stream));
  }
  template <class K, class V, class N>
  static npuError_t SortPairs(void *d_temp_storage, size_t &temp_storage_bytes,
                              DoubleBuffer<K> &d_keys, DoubleBuffer<V> &d_values, N num_items,
                              int begin_bit = 0, int end_bit = sizeof(K) * 8,
                              npuStream_t stream = 0, bool = false) {
    return flip(d_keys, &d_values, d_temp_storage,
                SortPairs(d_temp_storage, temp_storage_bytes, d_keys.Current(), d_keys.Alternate(),
                          d_values.Current(), d_values.Alternate(), num_items, begin_bit, end_bit,
                          stream));
  }
  template <class K, class V, class N>
  static npuError_t SortPairsDescending(void *d_temp_storage, size_t &temp_storage_bytes,
                                        DoubleBuffer<K> &d_keys, DoubleBuffer<V> &d_values,
                                        N num_items, int begin_bit = 0, int end_bit = sizeof(K) * 8,
                                        npuStream_t stream = 0, bool = false) {
    return flip(d_keys, &d_values, d_temp_storage,
                SortPairsDescending(d_temp_storage, temp_storage_bytes, d_keys.Current(),
                                    d_keys.Alternate(), d_values.Current(), d_values.Alternate(),
                                    num_items, begin_bit, end_bit, stream));
  }

private:
  template <class K, class V>
  static npuError_t flip(DoubleBuffer<K> &keys, DoubleBuffer<V> *values, void *d_temp_storage,
                         npuError_t status) {
    if (status == npuSuccess && d_temp_storage != nullptr) {
      keys.selector ^= 1;
      if (values)
        values->selector ^= 1;
    }
    return status;
  }
  template <class K>
  static npuError_t flip(DoubleBuffer<K> &keys, std::nullptr_t, void *d_temp_storage,
                         npuError_t status) {
    return flip(keys, static_cast<DoubleBuffer<NullType> *>(nullptr), d_temp_storage, status);
  }
};

struct DeviceSelect {
  template <class In, class Out, class NumSelected, class N, class SelectOp>
  static npuError_t If(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                       NumSelected d_num_selected_out, N num_items, SelectOp select_op,
                       npuStream_t stream = 0, bool = false) {
    return detail::select(
        "cub::DeviceSelect::If", d_temp_storage, temp_storage_bytes, d_in, d_out,
        d_num_selected_out, num_items, [=](N i) { return bool(select_op(d_in[i])); }, false,
        stream);
  }
  template <class In, class Flags, class Out, class NumSelected, class N>
  static npuError_t Flagged(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                            Flags d_flags, Out d_out, NumSelected d_num_selected_out, N num_items,
                            npuStream_t stream = 0, bool = false) {
    return detail::select(
        "cub::DeviceSelect::Flagged", d_temp_storage, temp_storage_bytes, d_in, d_out,
        d_num_selected_out, num_items, [=](N i) { return bool(d_flags[i]); }, false, stream);
  }
  // The first item of each run of equal items.
  template <class In, class Out, class NumSelected, class N>
  static npuError_t Unique(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                           NumSelected d_num_selected_out, N num_items, npuStream_t stream = 0,
                           bool = false) {
    return detail::select(
        "cub::DeviceSelect::Unique", d_temp_storage, temp_storage_bytes, d_in, d_out,
        d_num_selected_out, num_items, [=](N i) { return i == 0 || !(d_in[i] == d_in[i - 1]); },
        false, stream);
  }
};

struct DevicePartition {
  template <class In, class Out, class NumSelected, class N, class SelectOp>
  static npuError_t If(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                       NumSelected d_num_selected_out, N num_items, SelectOp select_op,
                       npuStream_t stream = 0, bool = false) {
    return detail::select(
        "cub::DevicePartition::If", d_temp_storage, temp_storage_bytes, d_in, d_out,
        d_num_selected_out, num_items, [=](N i) { return bool(select_op(d_in[i])); }, true, stream);
  }
  template <class In, class Flags, class Out, class NumSelected, class N>
  static npuError_t Flagged(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                            Flags d_flags, Out d_out, NumSelected d_num_selected_out, N num_items,
                            npuStream_t stream = 0, bool = false) {
    return detail::select(
        "cub::DevicePartition::Flagged", d_temp_storage, temp_storage_bytes, d_in, d_out,
        d_num_selected_out, num_items, [=](N i) { return bool(d_flags[i]); }, true, stream);
  }
};

// One reduction per segment [d_begin_offsets[i], d_end_offsets[i]); an empty segment gives the
// initial value.
struct DeviceSegmentedReduce {
  template <class In, class Out, class Offsets, class Op, class T>
  static npuError_t Reduce(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                           int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,
                           Op reduction_op, T initial_value, npuStream_t stream = 0, bool = false) {
    return segmented("cub::DeviceSegmentedReduce::Reduce", d_temp_storage, temp_storage_bytes, d_in,
                     d_out, num_segments, d_begin_offsets, d_end_offsets, reduction_op,
                     T(initial_value), stream);
  }
  template <class In, class Out, class Offsets>
  static npuError_t Sum(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,
                        npuStream_t stream = 0, bool = false) {
    using T = detail::OutputValueOf<In, Out>;
    return segmented("cub::DeviceSegmentedReduce::Sum", d_temp_storage, temp_storage_bytes, d_in,
                     d_out, num_segments, d_begin_offsets, d_end_offsets, cub::Sum(), T(), stream);
  }
  template <class In, class Out, class Offsets>
  static npuError_t Min(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,
                        npuStream_t stream = 0, bool = false) {
    using T = detail::ValueOf<In>;
    return segmented("cub::DeviceSegmentedReduce::Min", d_temp_storage, temp_storage_bytes, d_in,
                     d_out, num_segments, d_begin_offsets, d_end_offsets, cub::Min(),
                     Traits<T>::Max(), stream);
  }
  template <class In, class Out, class Offsets>
  static npuError_t Max(void *d_temp_storage, size_t &temp_storage_bytes, In d_in, Out d_out,
                        int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,
                        npuStream_t stream = 0, bool = false) {
    using T = detail::ValueOf<In>;
    return segmented("cub::DeviceSegmentedReduce::Max", d_temp_storage, temp_storage_bytes, d_in,
                     d_out, num_segments, d_begin_offsets, d_end_offsets, cub::Max(),
                     Traits<T>::Lowest(), stream);
  }

private:
  template <class In, class Out, class Offsets, class Op, class T>
  static npuError_t segmented(const char *name, void *d_temp, size_t &bytes, In in, Out out,
                              int num_segments, Offsets begins, Offsets ends, Op op, T init,
                              npuStream_t stream) {
    npuError_t status;
    if (detail::endsBeforeWork(d_temp, bytes, status))
      return status;
    return detail::enqueue(stream, name, double(num_segments) * detail::itemBytes<In>(), [=] {
      for (int s = 0; s < num_segments; ++s) {
        T acc = init;
        for (auto i = begins[s]; i < ends[s]; ++i)
          acc = op(acc, in[i]);
        out[s] = acc;
      }
    });
  }
};

struct DeviceRunLengthEncode {
  // Each run of equal items: its first item, its length; then the number of runs.
  template <class In, class UniqueOut, class Lengths, class NumRuns, class N>
  static npuError_t Encode(void *d_temp_storage, size_t &temp_storage_bytes, In d_in,
                           UniqueOut d_unique_out, Lengths d_counts_out, NumRuns d_num_runs_out,
                           N num_items, npuStream_t stream = 0, bool = false) {
    npuError_t status;
    if (detail::endsBeforeWork(d_temp_storage, temp_storage_bytes, status))
      return status;
    using Length = detail::ValueOf<Lengths>;
    return detail::enqueue(stream, "cub::DeviceRunLengthEncode::Encode",
                           2.0 * double(num_items) * detail::itemBytes<In>(), [=] {
                             N runs = 0;
                             for (N i = 0; i < num_items; ++i) {
                               if (i == 0 || !(d_in[i] == d_in[i - 1])) {
                                 d_unique_out[runs] = d_in[i];
                                 d_counts_out[runs] = Length(0);
                                 ++runs;
                               }
                               d_counts_out[runs - 1] = Length(d_counts_out[runs - 1] + 1);
                             }
                             *d_num_runs_out = runs;
                           });
  }
};

// Radix sorts of each segment [d_begin_offsets[s], d_end_offsets[s]) on its own.
struct DeviceSegmentedRadixSort {
  template <class K, class N, class Offsets>
  static npuError_t SortKeys(void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in,
                             K *d_keys_out, N num_items, int num_segments, Offsets d_begin_offsets,
                             Offsets d_end_offsets, int begin_bit = 0, int end_bit = sizeof(K) * 8,
                             npuStream_t stream = 0, bool = false) {
    return sort<K, NullType>("cub::DeviceSegmentedRadixSort::SortKeys", d_temp_storage,
                             temp_storage_bytes, d_keys_in, d_keys_out, nullptr, nullptr, num_items,
                             num_segments, d_begin_offsets, d_end_offsets, begin_bit, end_bit,
                             false, stream);
  }
  template <class K, class N, class Offsets>
  static npuError_t
  SortKeysDescending(void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in,
                     K *d_keys_out, N num_items, int num_segments, Offsets d_begin_offsets,
                     Offsets d_end_offsets, int begin_bit = 0, int end_bit = sizeof(K) * 8,
                     npuStream_t stream = 0, bool = false) {
    return sort<K, NullType>("cub::DeviceSegmentedRadixSort::SortKeysDescending", d_temp_storage,
                             temp_storage_bytes, d_keys_in, d_keys_out, nullptr, nullptr, num_items,
                             num_segments, d_begin_offsets, d_end_offsets, begin_bit, end_bit, true,
                             stream);
  }
  template <class K, class V, class N, class Offsets>
  static npuError_t SortPairs(void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in,
                              K *d_keys_out, const V *d_values_in, V *d_values_out, N num_items,
                              int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,
                              int begin_bit = 0, int end_bit = sizeof(K) * 8,
                              npuStream_t stream = 0, bool = false) {
    return sort("cub::DeviceSegmentedRadixSort::SortPairs", d_temp_storage, temp_storage_bytes,
                d_keys_in, d_keys_out, d_values_in, d_values_out, num_items, num_segments,
                d_begin_offsets, d_end_offsets, begin_bit, end_bit, false, stream);
  }
  template <class K, class V, class N, class Offsets>
  static npuError_t SortPairsDescending(void *d_temp_storage, size_t &temp_storage_bytes,
                                        const K *d_keys_in, K *d_keys_out, const V *d_values_in,
                                        V *d_values_out, N num_items, int num_segments,
                                        Offsets d_begin_offsets, Offsets d_end_offsets,
                                        int begin_bit = 0, int end_bit = sizeof(K) * 8,
                                        npuStream_t stream = 0, bool = false) {
    return sort("cub::DeviceSegmentedRadixSort::SortPairsDescending", d_temp_storage,
                temp_storage_bytes, d_keys_in, d_keys_out, d_values_in, d_values_out, num_items,
                num_segments, d_begin_offsets, d_end_offsets, begin_bit, end_bit, true, stream);
  }

private:
  template <class K, class V, class N, class Offsets>
  static npuError_t sort(const char *name, void *d_temp, size_t &bytes, const K *keys_in,
                         K *keys_out, const V *values_in, V *values_out, N num_items,
                         int num_segments, Offsets begins, Offsets ends, int begin_bit, int end_bit,
                         bool descending, npuStream_t stream) {
    if (d_temp && (begin_bit < 0 || end_bit > int(sizeof(K) * 8) || begin_bit > end_bit))
      return npuErrorInvalidValue;
    return detail::sort(name, d_temp, bytes, keys_in, keys_out, values_in, values_out,
                        double(num_items), num_segments, begins, ends,
                        detail::radixLess<K>(begin_bit, end_bit, descending),
                        double((end_bit - begin_bit + 7) / 8), stream);
  }
};

// Comparison sorts of each segment (stable, as every sort here is; CUB's Stable* forms promise
// it, the others allow it).
struct DeviceSegmentedSort {
#define NPU_CUB_SEGMENTED_SORT(Name, Order, Descending)                                            \
  template <class K, class N, class Offsets>                                                       \
  static npuError_t Name##Keys##Order(                                                             \
      void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in, K *d_keys_out,         \
      N num_items, int num_segments, Offsets d_begin_offsets, Offsets d_end_offsets,               \
      npuStream_t stream = 0, bool = false) {                                                      \
    return detail::sort("cub::DeviceSegmentedSort::" #Name "Keys" #Order, d_temp_storage,          \
                        temp_storage_bytes, d_keys_in, d_keys_out,                                 \
                        static_cast<const NullType *>(nullptr), static_cast<NullType *>(nullptr),  \
                        double(num_items), num_segments, d_begin_offsets, d_end_offsets,           \
                        less<K>(Descending), 1.0, stream);                                         \
  }                                                                                                \
  template <class K, class V, class N, class Offsets>                                              \
  static npuError_t Name##Pairs##Order(                                                            \
      void *d_temp_storage, size_t &temp_storage_bytes, const K *d_keys_in, K *d_keys_out,         \
      const V *d_values_in, V *d_values_out, N num_items, int num_segments,                        \
      Offsets d_begin_offsets, Offsets d_end_offsets, npuStream_t stream = 0, bool = false) {      \
    return detail::sort("cub::DeviceSegmentedSort::" #Name "Pairs" #Order, d_temp_storage,         \
                        temp_storage_bytes, d_keys_in, d_keys_out, d_values_in, d_values_out,      \
                        double(num_items), num_segments, d_begin_offsets, d_end_offsets,           \
                        less<K>(Descending), 1.0, stream);                                         \
  }
  NPU_CUB_SEGMENTED_SORT(Sort, , false)
  NPU_CUB_SEGMENTED_SORT(Sort, Descending, true)
  NPU_CUB_SEGMENTED_SORT(StableSort, , false)
  NPU_CUB_SEGMENTED_SORT(StableSort, Descending, true)
#undef NPU_CUB_SEGMENTED_SORT

private:
  template <class K> static auto less(bool descending) {
    return [=](const K &a, const K &b) { return descending ? b < a : a < b; };
  }
};

// Merge sorts by a comparison functor, in place or into a copy; stable.
struct DeviceMergeSort {
  template <class K, class N, class Less>
  static npuError_t SortKeys(void *d_temp_storage, size_t &temp_storage_bytes, K *d_keys,
                             N num_items, Less compare_op, npuStream_t stream = 0, bool = false) {
    return merge("cub::DeviceMergeSort::SortKeys", d_temp_storage, temp_storage_bytes, d_keys,
                 d_keys, static_cast<const NullType *>(nullptr), static_cast<NullType *>(nullptr),
                 num_items, compare_op, stream);
  }
  template <class K, class V, class N, class Less>
  static npuError_t SortPairs(void *d_temp_storage, size_t &temp_storage_bytes, K *d_keys,
                              V *d_items, N num_items, Less compare_op, npuStream_t stream = 0,
                              bool = false) {
    return merge("cub::DeviceMergeSort::SortPairs", d_temp_storage, temp_storage_bytes, d_keys,
                 d_keys, d_items, d_items, num_items, compare_op, stream);
  }
  template <class K, class N, class Less>
  static npuError_t SortKeysCopy(void *d_temp_storage, size_t &temp_storage_bytes,
                                 const K *d_input_keys, K *d_output_keys, N num_items,
                                 Less compare_op, npuStream_t stream = 0, bool = false) {
    return merge("cub::DeviceMergeSort::SortKeysCopy", d_temp_storage, temp_storage_bytes,
                 d_input_keys, d_output_keys, static_cast<const NullType *>(nullptr),
                 static_cast<NullType *>(nullptr), num_items, compare_op, stream);
  }
  template <class K, class V, class N, class Less>
  static npuError_t SortPairsCopy(void *d_temp_storage, size_t &temp_storage_bytes,
                                  const K *d_input_keys, const V *d_input_items, K *d_output_keys,
                                  V *d_output_items, N num_items, Less compare_op,
                                  npuStream_t stream = 0, bool = false) {
    return merge("cub::DeviceMergeSort::SortPairsCopy", d_temp_storage, temp_storage_bytes,
                 d_input_keys, d_output_keys, d_input_items, d_output_items, num_items, compare_op,
                 stream);
  }
  template <class K, class N, class Less>
  static npuError_t StableSortKeys(void *d_temp_storage, size_t &temp_storage_bytes, K *d_keys,
                                   N num_items, Less compare_op, npuStream_t stream = 0,
                                   bool = false) {
    return merge("cub::DeviceMergeSort::StableSortKeys", d_temp_storage, temp_storage_bytes, d_keys,
                 d_keys, static_cast<const NullType *>(nullptr), static_cast<NullType *>(nullptr),
                 num_items, compare_op, stream);
  }
  template <class K, class V, class N, class Less>
  static npuError_t StableSortPairs(void *d_temp_storage, size_t &temp_storage_bytes, K *d_keys,
                                    V *d_items, N num_items, Less compare_op,
                                    npuStream_t stream = 0, bool = false) {
    return merge("cub::DeviceMergeSort::StableSortPairs", d_temp_storage, temp_storage_bytes,
                 d_keys, d_keys, d_items, d_items, num_items, compare_op, stream);
  }

private:
  template <class K, class V, class N, class Less>
  static npuError_t merge(const char *name, void *d_temp, size_t &bytes, const K *keys_in,
                          K *keys_out, const V *values_in, V *values_out, N num_items, Less less,
                          npuStream_t stream) {
    // A merge sort reads and writes the pairs once per doubling of the sorted runs.
    const double passes = num_items > 1 ? std::ceil(std::log2(double(num_items))) : 1.0;
    return detail::sort(name, d_temp, bytes, keys_in, keys_out, values_in, values_out,
                        double(num_items), 1, std::array<N, 1>{N(0)}, std::array<N, 1>{num_items},
                        less, passes, stream);
  }
};

// Differences of neighbours: SubtractLeft gives out[i] = op(in[i], in[i - 1]) (out[0] = in[0]),
// SubtractRight out[i] = op(in[i], in[i + 1]) (the last item kept); in place or into a copy.
struct DeviceAdjacentDifference {
  template <class In, class Out, class N, class Op = cub::Difference>
  static npuError_t SubtractLeftCopy(void *d_temp_storage, size_t &temp_storage_bytes, In d_input,
                                     Out d_output, N num_items, Op op = Op(),
                                     npuStream_t stream = 0, bool = false) {
    return difference("cub::DeviceAdjacentDifference::SubtractLeftCopy", d_temp_storage,
                      temp_storage_bytes, d_input, d_output, num_items, op, true, stream);
  }
  template <class It, class N, class Op = cub::Difference>
  static npuError_t SubtractLeft(void *d_temp_storage, size_t &temp_storage_bytes, It d_input,
                                 N num_items, Op op = Op(), npuStream_t stream = 0, bool = false) {
    return difference("cub::DeviceAdjacentDifference::SubtractLeft", d_temp_storage,
                      temp_storage_bytes, d_input, d_input, num_items, op, true, stream);
  }
  template <class In, class Out, class N, class Op = cub::Difference>
  static npuError_t SubtractRightCopy(void *d_temp_storage, size_t &temp_storage_bytes, In d_input,
                                      Out d_output, N num_items, Op op = Op(),
                                      npuStream_t stream = 0, bool = false) {
    return difference("cub::DeviceAdjacentDifference::SubtractRightCopy", d_temp_storage,
                      temp_storage_bytes, d_input, d_output, num_items, op, false, stream);
  }
  template <class It, class N, class Op = cub::Difference>
  static npuError_t SubtractRight(void *d_temp_storage, size_t &temp_storage_bytes, It d_input,
                                  N num_items, Op op = Op(), npuStream_t stream = 0, bool = false) {
    return difference("cub::DeviceAdjacentDifference::SubtractRight", d_temp_storage,
                      temp_storage_bytes, d_input, d_input, num_items, op, false, stream);
  }

private:
  template <class In, class Out, class N, class Op>
  static npuError_t difference(const char *name, void *d_temp, size_t &bytes, In in, Out out,
                               N num_items, Op op, bool left, npuStream_t stream) {
    npuError_t status;
    if (detail::endsBeforeWork(d_temp, bytes, status))
      return status;
    using T = detail::ValueOf<In>;
    return detail::enqueue(stream, name, 2.0 * double(num_items) * double(sizeof(T)), [=] {
      // Read every input before writing (in place, out == in).
      std::vector<T> items(static_cast<size_t>(num_items));
      for (N i = 0; i < num_items; ++i)
        items[size_t(i)] = in[i];
      for (N i = 0; i < num_items; ++i) {
        const size_t k = size_t(i);
        if (left)
          out[i] = k == 0 ? items[k] : op(items[k], items[k - 1]);
        else
          out[i] = k + 1 == items.size() ? items[k] : op(items[k], items[k + 1]);
      }
    });
  }
};

struct DeviceHistogram {
  // num_levels - 1 bins of equal width over [lower_level, upper_level); samples outside are not
  // counted. The histogram is zeroed first.
  template <class Samples, class Counter, class Level, class N>
  static npuError_t HistogramEven(void *d_temp_storage, size_t &temp_storage_bytes,
                                  Samples d_samples, Counter *d_histogram, int num_levels,
                                  Level lower_level, Level upper_level, N num_samples,
                                  npuStream_t stream = 0, bool = false) {
    return HistogramEven(d_temp_storage, temp_storage_bytes, d_samples, d_histogram, num_levels,
                         lower_level, upper_level, num_samples, N(1),
                         size_t(num_samples) * sizeof(detail::ValueOf<Samples>), stream);
  }
  // Rows of num_row_samples samples, row_stride_bytes apart.
  template <class Samples, class Counter, class Level, class N>
  static npuError_t HistogramEven(void *d_temp_storage, size_t &temp_storage_bytes,
                                  Samples d_samples, Counter *d_histogram, int num_levels,
                                  Level lower_level, Level upper_level, N num_row_samples,
                                  N num_rows, size_t row_stride_bytes, npuStream_t stream = 0,
                                  bool = false) {
    const int bins = num_levels - 1;
    auto bin = [=](auto sample) -> int {
      if (!(sample >= lower_level && sample < upper_level))
        return -1;
      if constexpr (std::is_integral_v<Level>)
        return int((long long)(sample - lower_level) * bins /
                   (long long)(upper_level - lower_level));
      else
        return std::min(
            bins - 1, int(double(sample - lower_level) * bins / double(upper_level - lower_level)));
    };
    return histogram("cub::DeviceHistogram::HistogramEven", d_temp_storage, temp_storage_bytes,
                     d_samples, d_histogram, bins, num_row_samples, num_rows, row_stride_bytes, bin,
                     stream);
  }
  // Bin i counts the samples in [d_levels[i], d_levels[i + 1]).
  template <class Samples, class Counter, class Level, class N>
  static npuError_t HistogramRange(void *d_temp_storage, size_t &temp_storage_bytes,
                                   Samples d_samples, Counter *d_histogram, int num_levels,
                                   const Level *d_levels, N num_samples, npuStream_t stream = 0,
                                   bool = false) {
    return HistogramRange(d_temp_storage, temp_storage_bytes, d_samples, d_histogram, num_levels,
                          d_levels, num_samples, N(1),
                          size_t(num_samples) * sizeof(detail::ValueOf<Samples>), stream);
  }
  template <class Samples, class Counter, class Level, class N>
  static npuError_t HistogramRange(void *d_temp_storage, size_t &temp_storage_bytes,
                                   Samples d_samples, Counter *d_histogram, int num_levels,
                                   const Level *d_levels, N num_row_samples, N num_rows,
                                   size_t row_stride_bytes, npuStream_t stream = 0, bool = false) {
    const int bins = num_levels - 1;
    auto bin = [=](auto sample) -> int {
      // The last level above the sample, found by binary search as CUB does.
      const Level *at = std::upper_bound(d_levels, d_levels + num_levels, Level(sample));
      const int i = int(at - d_levels) - 1;
      return i >= 0 && i < bins ? i : -1;
    };
    return histogram("cub::DeviceHistogram::HistogramRange", d_temp_storage, temp_storage_bytes,
                     d_samples, d_histogram, bins, num_row_samples, num_rows, row_stride_bytes, bin,
                     stream);
  }

private:
  template <class Samples, class Counter, class N, class Bin>
  static npuError_t histogram(const char *name, void *d_temp, size_t &bytes, Samples samples,
                              Counter *counts, int bins, N row_samples, N rows, size_t stride,
                              Bin bin, npuStream_t stream) {
    npuError_t status;
    if (detail::endsBeforeWork(d_temp, bytes, status))
      return status;
    if (bins < 1)
      return npuErrorInvalidValue;
    using Sample = detail::ValueOf<Samples>;
    return detail::enqueue(
        stream, name, double(row_samples) * double(rows) * double(sizeof(Sample)), [=] {
          std::fill(counts, counts + bins, Counter(0));
          for (N r = 0; r < rows; ++r) {
            // Rows are row_stride_bytes apart (a pointer to the samples; an iterator has one row).
            auto row = samples;
            if constexpr (std::is_pointer_v<Samples>)
              row = reinterpret_cast<Samples>(reinterpret_cast<std::uintptr_t>(samples) +
                                              size_t(r) * stride);
            for (N i = 0; i < row_samples; ++i)
              if (int b = bin(row[i]); b >= 0)
                ++counts[b];
          }
        });
  }
};

} // namespace cub
