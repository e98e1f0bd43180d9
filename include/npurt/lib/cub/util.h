// CUB's utility layer for translated code: version, error macros, algorithm and cache-modifier
// enumerations, the functors (cub::Sum, cub::Max, ...), KeyValuePair, DoubleBuffer, numeric
// traits, the radix-sort key order, input iterators and the caching allocator. Names and
// signatures follow CUB 1.17 (the version Debian's libthrust-dev ships beside thrust), so code
// written against CUB compiles unchanged; nothing here is CUB's code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <type_traits>

#include "npurt/kernel.h"
#include "npurt/runtime.h"

#ifndef CUB_VERSION
#define CUB_VERSION 101700 // the CUB API level followed here (MMMmmpp)
#endif
#define CUB_NAMESPACE_BEGIN namespace cub {
#define CUB_NAMESPACE_END }
#define CUB_NS_QUALIFIER ::cub
#define CUB_RUNTIME_FUNCTION
#define CUB_PTX_ARCH 0
#define CUB_MAX(a, b) (((b) > (a)) ? (b) : (a))
#define CUB_MIN(a, b) (((b) < (a)) ? (b) : (a))
#define CUB_QUOTIENT_FLOOR(x, y) ((x) / (y))
#define CUB_QUOTIENT_CEILING(x, y) (((x) + (y)-1) / (y))
#define CUB_ROUND_UP_NEAREST(x, y) ((((x) + (y)-1) / (y)) * (y))
#define CUB_ROUND_DOWN_NEAREST(x, y) (((x) / (y)) * (y))

namespace cub {

// CubDebug(e) reports an error (file:line) and passes it on; CubDebugExit(e) exits on one.
inline npuError_t Debug(npuError_t error, const char *filename, int line) {
  if (error != npuSuccess)
    std::fprintf(stderr, "CUDA error %d [%s, %d]: %s\n", static_cast<int>(error), filename, line,
                 npuGetErrorString(error));
  return error;
}
} // namespace cub
#define CubDebug(e) ::cub::Debug(static_cast<npuError_t>(e), __FILE__, __LINE__)
#define CubDebugExit(e)                                                                            \
  do {                                                                                             \
    if (CubDebug(e))                                                                               \
      std::exit(1);                                                                                \
  } while (0)

namespace cub {

enum BlockReduceAlgorithm {
  BLOCK_REDUCE_RAKING_COMMUTATIVE_ONLY,
  BLOCK_REDUCE_RAKING,
  BLOCK_REDUCE_WARP_REDUCTIONS
};
enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };
enum BlockLoadAlgorithm {
  BLOCK_LOAD_DIRECT,
  BLOCK_LOAD_STRIPED,
  BLOCK_LOAD_VECTORIZE,
  BLOCK_LOAD_TRANSPOSE,
  BLOCK_LOAD_WARP_TRANSPOSE,
  BLOCK_LOAD_WARP_TRANSPOSE_TIMESLICED
};
enum BlockStoreAlgorithm {
  BLOCK_STORE_DIRECT,
  BLOCK_STORE_STRIPED,
  BLOCK_STORE_VECTORIZE,
  BLOCK_STORE_TRANSPOSE,
  BLOCK_STORE_WARP_TRANSPOSE,
  BLOCK_STORE_WARP_TRANSPOSE_TIMESLICED
};
enum CacheLoadModifier {
  LOAD_DEFAULT,
  LOAD_CA,
  LOAD_CG,
  LOAD_CS,
  LOAD_CV,
  LOAD_LDG,
  LOAD_VOLATILE
};
enum CacheStoreModifier { STORE_DEFAULT, STORE_WB, STORE_CG, STORE_CS, STORE_WT, STORE_VOLATILE };
enum { WARP_THREADS = 32 };

struct NullType {};

// The functors CUB's algorithms take.
struct Sum {
  template <class T, class U> __host__ __device__ auto operator()(const T &a, const U &b) const {
    return a + b;
  }
};
struct Max {
  template <class T> __host__ __device__ T operator()(const T &a, const T &b) const {
    return a < b ? b : a;
  }
};
struct Min {
  template <class T> __host__ __device__ T operator()(const T &a, const T &b) const {
    return b < a ? b : a;
  }
};
struct Equality {
  template <class T, class U> __host__ __device__ bool operator()(const T &a, const U &b) const {
    return a == b;
  }
};
struct Inequality {
  template <class T, class U> __host__ __device__ bool operator()(const T &a, const U &b) const {
    return a != b;
  }
};
struct Difference {
  template <class T> __host__ __device__ T operator()(const T &a, const T &b) const {
    return a - b;
  }
};
template <class B> struct CastOp {
  template <class A> __host__ __device__ B operator()(const A &a) const { return B(a); }
};

template <class K, class V> struct KeyValuePair {
  typedef K Key;
  typedef V Value;
  K key;
  V value;
  __host__ __device__ KeyValuePair() : key(), value() {}
  __host__ __device__ KeyValuePair(const K &k, const V &v) : key(k), value(v) {}
  __host__ __device__ bool operator!=(const KeyValuePair &b) const {
    return value != b.value || key != b.key;
  }
};
// The lower key wins ties, as in CUB.
struct ArgMax {
  template <class K, class V>
  __host__ __device__ KeyValuePair<K, V> operator()(const KeyValuePair<K, V> &a,
                                                    const KeyValuePair<K, V> &b) const {
    if (b.value > a.value || (b.value == a.value && b.key < a.key))
      return b;
    return a;
  }
};
struct ArgMin {
  template <class K, class V>
  __host__ __device__ KeyValuePair<K, V> operator()(const KeyValuePair<K, V> &a,
                                                    const KeyValuePair<K, V> &b) const {
    if (b.value < a.value || (b.value == a.value && b.key < a.key))
      return b;
    return a;
  }
};

// A pair of buffers whose `selector` names the current one (device-wide radix sort flips it).
template <class T> struct DoubleBuffer {
  T *d_buffers[2];
  int selector;
  __host__ __device__ DoubleBuffer() : d_buffers{nullptr, nullptr}, selector(0) {}
  __host__ __device__ DoubleBuffer(T *current, T *alternate)
      : d_buffers{current, alternate}, selector(0) {}
  __host__ __device__ T *Current() { return d_buffers[selector]; }
  __host__ __device__ T *Alternate() { return d_buffers[selector ^ 1]; }
};

// Storage for a T in __shared__ memory without constructing it (CUB's Uninitialized<T>): usable in
// unions of TempStorage types.
template <class T> struct Uninitialized {
  alignas(T) unsigned char storage[sizeof(T)];
  __host__ __device__ T &Alias() { return *reinterpret_cast<T *>(storage); }
};

// The unsigned integer of a type's width (CUB's UnsignedBits).
template <std::size_t Bytes> struct UnsignedOfSize;
template <> struct UnsignedOfSize<1> { using type = std::uint8_t; };
template <> struct UnsignedOfSize<2> { using type = std::uint16_t; };
template <> struct UnsignedOfSize<4> { using type = std::uint32_t; };
template <> struct UnsignedOfSize<8> { using type = std::uint64_t; };

enum Category { NOT_A_NUMBER, SIGNED_INTEGER, UNSIGNED_INTEGER, FLOATING_POINT };

// CUB's numeric traits: limits, and the radix order of a key's bits. TwiddleIn maps a key's bits
// to an unsigned image whose unsigned order is the key's order (signed integers flip the sign
// bit; floating point flips every bit of a negative value and the sign bit of the others, so
// -0.0 sorts before +0.0 and NaNs by their bits); TwiddleOut is its inverse.
template <class T, bool Arithmetic = std::is_arithmetic_v<T>> struct NumericTraits {
  static constexpr Category CATEGORY = NOT_A_NUMBER;
  static constexpr bool PRIMITIVE = false, NULL_TYPE = false;
};
template <class T> struct NumericTraits<T, true> {
  using UnsignedBits = typename UnsignedOfSize<sizeof(T)>::type;
  static constexpr Category CATEGORY = std::is_floating_point_v<T> ? FLOATING_POINT
                                       : std::is_signed_v<T>       ? SIGNED_INTEGER
                                                                   : UNSIGNED_INTEGER;
  static constexpr bool PRIMITIVE = true, NULL_TYPE = false;
  static constexpr UnsignedBits HIGH_BIT = UnsignedBits(UnsignedBits(1) << (sizeof(T) * 8 - 1));
  // The bits of the lowest and highest keys (for floating point the negative and positive NaN
  // with every payload bit set, which sort first and last).
  static constexpr UnsignedBits LOWEST_KEY = CATEGORY == UNSIGNED_INTEGER ? UnsignedBits(0)
                                             : CATEGORY == SIGNED_INTEGER ? HIGH_BIT
                                                                          : UnsignedBits(~0ull);
  static constexpr UnsignedBits MAX_KEY =
      CATEGORY == UNSIGNED_INTEGER ? UnsignedBits(~0ull) : UnsignedBits(~HIGH_BIT);
  __host__ __device__ static UnsignedBits TwiddleIn(UnsignedBits key) {
    if constexpr (CATEGORY == UNSIGNED_INTEGER)
      return key;
    else if constexpr (CATEGORY == SIGNED_INTEGER)
      return UnsignedBits(key ^ HIGH_BIT);
    else
      return UnsignedBits(key ^ ((key & HIGH_BIT) ? UnsignedBits(~0ull) : HIGH_BIT));
  }
  __host__ __device__ static UnsignedBits TwiddleOut(UnsignedBits key) {
    if constexpr (CATEGORY == UNSIGNED_INTEGER)
      return key;
    else if constexpr (CATEGORY == SIGNED_INTEGER)
      return UnsignedBits(key ^ HIGH_BIT);
    else
      return UnsignedBits(key ^ ((key & HIGH_BIT) ? HIGH_BIT : UnsignedBits(~0ull)));
  }
  __host__ __device__ static T Max() { return std::numeric_limits<T>::max(); }
  __host__ __device__ static T Lowest() { return std::numeric_limits<T>::lowest(); }
};
template <class T> struct Traits : NumericTraits<std::remove_cv_t<T>> {};

// The radix-sort digit of a key: bits [begin_bit, end_bit) of its TwiddleIn image.
template <class Key> struct RadixOrder {
  static_assert(std::is_arithmetic_v<Key>, "cub radix sort: arithmetic key types only");
  using Bits = typename Traits<Key>::UnsignedBits;
  static Bits image(const Key &key) {
    Bits b;
    std::memcpy(&b, &key, sizeof b);
    return Traits<Key>::TwiddleIn(b);
  }
  static Bits digit(const Key &key, int begin_bit, int end_bit) {
    const int width = end_bit - begin_bit;
    if (width <= 0)
      return 0;
    Bits v = Bits(image(key) >> begin_bit);
    return width >= int(sizeof(Bits) * 8) ? v : Bits(v & Bits((Bits(1) << width) - 1));
  }
};

// ---- thread-level helpers ----
__device__ inline unsigned int LaneId() {
  return (threadIdx.x + threadIdx.y * blockDim.x + threadIdx.z * blockDim.x * blockDim.y) % 32u;
}
__device__ inline unsigned int WarpId() {
  return (threadIdx.x + threadIdx.y * blockDim.x + threadIdx.z * blockDim.x * blockDim.y) / 32u;
}
__device__ inline int RowMajorTid(int block_dim_x, int block_dim_y, int block_dim_z) {
  return (block_dim_z == 1 ? 0 : int(threadIdx.z) * block_dim_x * block_dim_y) +
         (block_dim_y == 1 ? 0 : int(threadIdx.y) * block_dim_x) + int(threadIdx.x);
}

namespace detail {
// The barriers inside one call of a collective (each member of an NPU_STEPPED_COLLECTIVE class
// makes one). The body is written as stretches `if (steps.runs()) { ... }` separated by
// `steps.block()` / `steps.warp(mask)`. On fibers runs() is always true and each separator is the
// barrier itself. In a collective statement of the barrier-region form
// (npu_block.collective in npurt/device/regions.h) the call runs once per step and step k runs
// only the stretch after the k-th barrier, so every thread finishes stretch k before any starts
// stretch k + 1. Locals of the call do not survive from one step to the next: a stretch reads
// what an earlier one computed from the TempStorage, and arguments are evaluated again at every
// step (the translator allows only arguments that read thread-private values). A trailing barrier
// that only makes the storage reusable is `steps.release...`: the next collective statement
// begins after every thread's last step anyway.
class Steps {
public:
  __device__ Steps() : step_(::npu::detail::collectiveSteps.step) {}
  __device__ bool runs() const { return step_ < 0 || step_ == seen_; }
  __device__ void block() {
    if (step_ < 0)
      __syncthreads();
    else
      next();
  }
  __device__ void warp(unsigned mask) {
    if (step_ < 0)
      __syncwarp(mask);
    else
      next();
  }
  __device__ void releaseBlock() {
    if (step_ < 0)
      __syncthreads();
  }
  __device__ void releaseWarp(unsigned mask) {
    if (step_ < 0)
      __syncwarp(mask);
  }

private:
  __device__ void next() {
    if (seen_++ == step_)
      ::npu::detail::collectiveSteps.more = true;
  }
  int step_;
  int seen_ = 0;
};
} // namespace detail

template <CacheLoadModifier M = LOAD_DEFAULT, class It>
__host__ __device__ auto ThreadLoad(It it)
    -> std::remove_cv_t<std::remove_reference_t<decltype(*it)>> {
  return *it;
}
template <CacheStoreModifier M = STORE_DEFAULT, class It, class T>
__host__ __device__ void ThreadStore(It it, T value) {
  *it = value;
}
template <class T, class Op, int N> __host__ __device__ T ThreadReduce(const T (&items)[N], Op op) {
  T r = items[0];
  for (int i = 1; i < N; ++i)
    r = op(r, items[i]);
  return r;
}

// ---- input iterators (random access; usable in kernels and by the device-wide algorithms) ----
template <class Derived, class Value, class Offset> struct InputIteratorBase {
  typedef Value value_type;
  typedef Offset difference_type;
  typedef Value reference;
  typedef void pointer;
  typedef std::random_access_iterator_tag iterator_category;
  __host__ __device__ Derived &self() { return static_cast<Derived &>(*this); }
  __host__ __device__ const Derived &self() const { return static_cast<const Derived &>(*this); }
  __host__ __device__ Derived operator+(Offset n) const {
    Derived d = self();
    d.advance(n);
    return d;
  }
  __host__ __device__ Derived operator-(Offset n) const { return *this + Offset(-n); }
  __host__ __device__ Derived &operator+=(Offset n) { return self().advance(n), self(); }
  __host__ __device__ Derived &operator-=(Offset n) { return self().advance(-n), self(); }
  __host__ __device__ Derived &operator++() { return *this += 1; }
  __host__ __device__ Derived operator++(int) {
    Derived d = self();
    ++*this;
    return d;
  }
  __host__ __device__ Value operator[](Offset n) const { return *(*this + n); }
};

template <class Value, class Offset = std::ptrdiff_t>
struct CountingInputIterator
    : InputIteratorBase<CountingInputIterator<Value, Offset>, Value, Offset> {
  Value val;
  __host__ __device__ CountingInputIterator(const Value &v = Value()) : val(v) {}
  __host__ __device__ void advance(Offset n) { val = Value(val + n); }
  __host__ __device__ Value operator*() const { return val; }
  __host__ __device__ Offset operator-(const CountingInputIterator &o) const {
    return Offset(val - o.val);
  }
  using InputIteratorBase<CountingInputIterator, Value, Offset>::operator-;
  __host__ __device__ bool operator==(const CountingInputIterator &o) const { return val == o.val; }
  __host__ __device__ bool operator!=(const CountingInputIterator &o) const { return val != o.val; }
};

template <class Value, class Offset = std::ptrdiff_t>
struct ConstantInputIterator
    : InputIteratorBase<ConstantInputIterator<Value, Offset>, Value, Offset> {
  Value val;
  Offset offset;
  __host__ __device__ ConstantInputIterator(const Value &v = Value(), Offset o = 0)
      : val(v), offset(o) {}
  __host__ __device__ void advance(Offset n) { offset += n; }
  __host__ __device__ Value operator*() const { return val; }
  __host__ __device__ Offset operator-(const ConstantInputIterator &o) const {
    return offset - o.offset;
  }
  using InputIteratorBase<ConstantInputIterator, Value, Offset>::operator-;
};

template <class Value, class ConversionOp, class InputIt, class Offset = std::ptrdiff_t>
struct TransformInputIterator
    : InputIteratorBase<TransformInputIterator<Value, ConversionOp, InputIt, Offset>, Value,
                        Offset> {
  InputIt input;
  ConversionOp op;
  __host__ __device__ TransformInputIterator(InputIt it, ConversionOp conversion)
      : input(it), op(conversion) {}
  __host__ __device__ void advance(Offset n) { input += n; }
  __host__ __device__ Value operator*() const { return op(*input); }
  __host__ __device__ Offset operator-(const TransformInputIterator &o) const {
    return Offset(input - o.input);
  }
  using InputIteratorBase<TransformInputIterator, Value, Offset>::operator-;
};

template <CacheLoadModifier M, class Value, class Offset = std::ptrdiff_t>
struct CacheModifiedInputIterator
    : InputIteratorBase<CacheModifiedInputIterator<M, Value, Offset>, Value, Offset> {
  Value *ptr;
  template <class Q> __host__ __device__ CacheModifiedInputIterator(Q *p) : ptr((Value *)p) {}
  __host__ __device__ void advance(Offset n) { ptr += n; }
  __host__ __device__ Value operator*() const { return *ptr; }
  __host__ __device__ Offset operator-(const CacheModifiedInputIterator &o) const {
    return Offset(ptr - o.ptr);
  }
  using InputIteratorBase<CacheModifiedInputIterator, Value, Offset>::operator-;
};

// Pairs each input with its offset: KeyValuePair<Offset, value>, what DeviceReduce::ArgMin reads.
template <class InputIt, class Offset = std::ptrdiff_t,
          class OutputValue = typename std::iterator_traits<InputIt>::value_type>
struct ArgIndexInputIterator
    : InputIteratorBase<ArgIndexInputIterator<InputIt, Offset, OutputValue>,
                        KeyValuePair<Offset, OutputValue>, Offset> {
  InputIt itr;
  Offset offset;
  __host__ __device__ ArgIndexInputIterator(InputIt it, Offset o = 0) : itr(it), offset(o) {}
  __host__ __device__ void advance(Offset n) { offset += n; }
  __host__ __device__ KeyValuePair<Offset, OutputValue> operator*() const {
    return KeyValuePair<Offset, OutputValue>(offset, OutputValue(itr[offset]));
  }
  __host__ __device__ Offset operator-(const ArgIndexInputIterator &o) const {
    return offset - o.offset;
  }
  using InputIteratorBase<ArgIndexInputIterator, KeyValuePair<Offset, OutputValue>,
                          Offset>::operator-;
};

// An output that drops what is written to it (an algorithm's unwanted output).
template <class Offset = std::ptrdiff_t> struct DiscardOutputIterator {
  struct Sink {
    template <class T> __host__ __device__ const Sink &operator=(const T &) const { return *this; }
  };
  typedef void value_type;
  typedef Offset difference_type;
  typedef Sink reference;
  typedef void pointer;
  typedef std::random_access_iterator_tag iterator_category;
  Offset offset = 0;
  __host__ __device__ DiscardOutputIterator(Offset o = 0) : offset(o) {}
  __host__ __device__ Sink operator*() const { return {}; }
  __host__ __device__ Sink operator[](Offset) const { return {}; }
  __host__ __device__ DiscardOutputIterator operator+(Offset n) const { return {offset + n}; }
  __host__ __device__ DiscardOutputIterator &operator++() { return ++offset, *this; }
  __host__ __device__ DiscardOutputIterator operator++(int) { return {offset++}; }
  __host__ __device__ Offset operator-(const DiscardOutputIterator &o) const {
    return offset - o.offset;
  }
};

// CUB's caching allocator over npuMalloc/npuFree. It caches nothing: npurt's allocator is a host
// allocator, so a cache would only hold memory back from the program.
struct CachingDeviceAllocator {
  explicit CachingDeviceAllocator(bool /*skip_cleanup*/ = false, bool /*debug*/ = false) {}
  CachingDeviceAllocator(unsigned /*bin_growth*/, unsigned /*min_bin*/ = 1,
                         unsigned /*max_bin*/ = ~0u, size_t /*max_cached_bytes*/ = ~size_t(0),
                         bool /*skip_cleanup*/ = false, bool /*debug*/ = false) {}
  npuError_t DeviceAllocate(int /*device*/, void **d_ptr, size_t bytes,
                            npuStream_t /*active_stream*/ = 0) {
    return npuMalloc(d_ptr, bytes);
  }
  npuError_t DeviceAllocate(void **d_ptr, size_t bytes, npuStream_t active_stream = 0) {
    return DeviceAllocate(0, d_ptr, bytes, active_stream);
  }
  npuError_t DeviceFree(int /*device*/, void *d_ptr) { return npuFree(d_ptr); }
  npuError_t DeviceFree(void *d_ptr) { return npuFree(d_ptr); }
  npuError_t FreeAllCached() { return npuSuccess; }
  npuError_t SetMaxCachedBytes(size_t) { return npuSuccess; }
};

} // namespace cub
