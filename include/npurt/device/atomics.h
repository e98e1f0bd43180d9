// CUDA's atomic functions on host memory shared by all worker threads.
//
// The headers stay C++17, so these use the __atomic builtins (what std::atomic_ref
// compiles to). Sequentially consistent: on x86-64 every read-modify-write is a
// full barrier anyway, and it keeps lock and flag patterns written with CUDA's
// relaxed atomics plus __threadfence correct (and visible to ThreadSanitizer,
// which does not model stand-alone fences). The `_block` and `_system` scoped
// forms are the same operations: every scope is at most the whole host.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace npu::detail {

constexpr int kAtomicOrder = __ATOMIC_SEQ_CST;

// Read-modify-write through a compare-and-swap loop, for what has no builtin
// (floating point, min/max on floating point, inc/dec with wrap-around).
template <class T, class Update> inline T atomicUpdate(T *address, Update update) {
  T expected;
  __atomic_load(address, &expected, __ATOMIC_RELAXED);
  T desired = update(expected);
  while (!__atomic_compare_exchange(address, &expected, &desired, true, kAtomicOrder,
                                    __ATOMIC_RELAXED)) {
    desired = update(expected);
  }
  return expected;
}

} // namespace npu::detail

// Integer operations with a builtin, for every type CUDA has them for (and the
// signed 64-bit forms CUDA added for some of them).
#define NPU_ATOMIC_BUILTIN(name, builtin, T)                                                       \
  inline T name(T *address, T value) {                                                             \
    return builtin(address, value, ::npu::detail::kAtomicOrder);                                   \
  }                                                                                                \
  inline T name##_block(T *address, T value) { return name(address, value); }                      \
  inline T name##_system(T *address, T value) { return name(address, value); }

#define NPU_ATOMIC_INTEGER_TYPES(name, builtin)                                                    \
  NPU_ATOMIC_BUILTIN(name, builtin, int)                                                           \
  NPU_ATOMIC_BUILTIN(name, builtin, unsigned int)                                                  \
  NPU_ATOMIC_BUILTIN(name, builtin, unsigned long long int)                                        \
  NPU_ATOMIC_BUILTIN(name, builtin, long long int)

NPU_ATOMIC_INTEGER_TYPES(atomicAdd, __atomic_fetch_add)
NPU_ATOMIC_INTEGER_TYPES(atomicExch, __atomic_exchange_n)
NPU_ATOMIC_INTEGER_TYPES(atomicAnd, __atomic_fetch_and)
NPU_ATOMIC_INTEGER_TYPES(atomicOr, __atomic_fetch_or)
NPU_ATOMIC_INTEGER_TYPES(atomicXor, __atomic_fetch_xor)
NPU_ATOMIC_BUILTIN(atomicSub, __atomic_fetch_sub, int)
NPU_ATOMIC_BUILTIN(atomicSub, __atomic_fetch_sub, unsigned int)
NPU_ATOMIC_BUILTIN(atomicSub, __atomic_fetch_sub, unsigned long long int)
NPU_ATOMIC_BUILTIN(atomicSub, __atomic_fetch_sub, long long int)
#undef NPU_ATOMIC_INTEGER_TYPES
#undef NPU_ATOMIC_BUILTIN

// Operations built on a compare-and-swap loop: `update(old)` gives the new value.
#define NPU_ATOMIC_UPDATE(name, T, update)                                                         \
  inline T name(T *address, T value) {                                                             \
    return ::npu::detail::atomicUpdate(address, [value](T old) -> T { return update; });           \
  }                                                                                                \
  inline T name##_block(T *address, T value) { return name(address, value); }                      \
  inline T name##_system(T *address, T value) { return name(address, value); }

NPU_ATOMIC_UPDATE(atomicAdd, float, old + value)
NPU_ATOMIC_UPDATE(atomicAdd, double, old + value)
NPU_ATOMIC_UPDATE(atomicSub, float, old - value)
NPU_ATOMIC_UPDATE(atomicSub, double, old - value)
NPU_ATOMIC_UPDATE(atomicExch, float, ((void)old, value))
NPU_ATOMIC_UPDATE(atomicExch, double, ((void)old, value))
NPU_ATOMIC_UPDATE(atomicMin, int, value < old ? value : old)
NPU_ATOMIC_UPDATE(atomicMin, unsigned int, value < old ? value : old)
NPU_ATOMIC_UPDATE(atomicMin, unsigned long long int, value < old ? value : old)
NPU_ATOMIC_UPDATE(atomicMin, long long int, value < old ? value : old)
NPU_ATOMIC_UPDATE(atomicMax, int, value > old ? value : old)
NPU_ATOMIC_UPDATE(atomicMax, unsigned int, value > old ? value : old)
NPU_ATOMIC_UPDATE(atomicMax, unsigned long long int, value > old ? value : old)
NPU_ATOMIC_UPDATE(atomicMax, long long int, value > old ? value : old)
// CUDA 12's floating-point min/max: NaN operands are ignored, like fminf/fmaxf.
NPU_ATOMIC_UPDATE(atomicMin, float, __builtin_fminf(old, value))
NPU_ATOMIC_UPDATE(atomicMin, double, __builtin_fmin(old, value))
NPU_ATOMIC_UPDATE(atomicMax, float, __builtin_fmaxf(old, value))
NPU_ATOMIC_UPDATE(atomicMax, double, __builtin_fmax(old, value))
// ((old >= value) ? 0 : (old + 1)) and (((old == 0) || (old > value)) ? value : (old - 1)).
NPU_ATOMIC_UPDATE(atomicInc, unsigned int, old >= value ? 0u : old + 1u)
NPU_ATOMIC_UPDATE(atomicDec, unsigned int, (old == 0u || old > value) ? value : old - 1u)
#undef NPU_ATOMIC_UPDATE

#define NPU_ATOMIC_CAS(T)                                                                          \
  inline T atomicCAS(T *address, T compare, T value) {                                             \
    __atomic_compare_exchange_n(address, &compare, value, false, ::npu::detail::kAtomicOrder,      \
                                ::npu::detail::kAtomicOrder);                                      \
    return compare;                                                                                \
  }                                                                                                \
  inline T atomicCAS_block(T *address, T compare, T value) {                                       \
    return atomicCAS(address, compare, value);                                                     \
  }                                                                                                \
  inline T atomicCAS_system(T *address, T compare, T value) {                                      \
    return atomicCAS(address, compare, value);                                                     \
  }
NPU_ATOMIC_CAS(int)
NPU_ATOMIC_CAS(unsigned int)
NPU_ATOMIC_CAS(unsigned long long int)
NPU_ATOMIC_CAS(long long int)
NPU_ATOMIC_CAS(unsigned short int)
#undef NPU_ATOMIC_CAS

// ---- CUDA 12.8's atomic builtins: __nv_atomic_* with memory orders and thread scopes ----
// Orders and scopes are CUDA's enumerators. Every order is carried out as sequentially
// consistent (at least as strong as any order asked for, and consistent with the functions
// above); every scope is the whole host. The value operand converts to the pointee type, as
// with nvcc's builtins (GCC's __atomic signatures): __nv_atomic_fetch_add(unsigned_ptr, 1, ...).
// exchange, compare-exchange, load and store take any trivially copyable type; one of a size
// with no lock-free host atomic (CUDA's 16-byte types) goes through a lock striped by address.
#define __CUDACC_DEVICE_ATOMIC_BUILTINS__ 1

enum {
  __NV_ATOMIC_RELAXED,
  __NV_ATOMIC_CONSUME,
  __NV_ATOMIC_ACQUIRE,
  __NV_ATOMIC_RELEASE,
  __NV_ATOMIC_ACQ_REL,
  __NV_ATOMIC_SEQ_CST
};
enum {
  __NV_THREAD_SCOPE_THREAD,
  __NV_THREAD_SCOPE_BLOCK,
  __NV_THREAD_SCOPE_CLUSTER,
  __NV_THREAD_SCOPE_DEVICE,
  __NV_THREAD_SCOPE_SYSTEM
};

namespace npu::detail {

// The pointee type without cv-qualifiers, in a non-deduced context.
template <class T> struct NvAtomicValue { using type = std::remove_cv_t<T>; };
template <class T> using NvValue = typename NvAtomicValue<T>::type;

template <class T> inline NvValue<T> *nvPlain(T *address) {
  return const_cast<NvValue<T> *>(address);
}

template <class V> constexpr bool nvLockFree() {
  return sizeof(V) == 1 || sizeof(V) == 2 || sizeof(V) == 4 || sizeof(V) == 8;
}

// The striped lock for objects without a lock-free atomic. It is never held across a fiber
// switch (the critical sections are copies), so spinning cannot wait on a fiber of this worker.
inline unsigned char nvAtomicLocks[256];
class NvStripeLock {
public:
  explicit NvStripeLock(const void *address)
      : lock_(nvAtomicLocks[(reinterpret_cast<std::uintptr_t>(address) >> 4) & 255u]) {
    while (__atomic_test_and_set(&lock_, __ATOMIC_ACQUIRE)) {
    }
  }
  ~NvStripeLock() { __atomic_clear(&lock_, __ATOMIC_RELEASE); }
  NvStripeLock(const NvStripeLock &) = delete;
  NvStripeLock &operator=(const NvStripeLock &) = delete;

private:
  unsigned char &lock_;
};

template <class V> inline void nvLoad(V *address, V *result) {
  static_assert(std::is_trivially_copyable<V>::value,
                "__nv_atomic_*: T must be trivially copyable");
  if constexpr (nvLockFree<V>()) {
    __atomic_load(address, result, kAtomicOrder);
  } else {
    NvStripeLock lock(address);
    std::memcpy(static_cast<void *>(result), static_cast<const void *>(address), sizeof(V));
  }
}
template <class V> inline void nvStore(V *address, V *value) {
  static_assert(std::is_trivially_copyable<V>::value,
                "__nv_atomic_*: T must be trivially copyable");
  if constexpr (nvLockFree<V>()) {
    __atomic_store(address, value, kAtomicOrder);
  } else {
    NvStripeLock lock(address);
    std::memcpy(static_cast<void *>(address), static_cast<const void *>(value), sizeof(V));
  }
}
template <class V> inline void nvExchange(V *address, V *value, V *previous) {
  static_assert(std::is_trivially_copyable<V>::value,
                "__nv_atomic_*: T must be trivially copyable");
  if constexpr (nvLockFree<V>()) {
    __atomic_exchange(address, value, previous, kAtomicOrder);
  } else {
    NvStripeLock lock(address);
    alignas(V) unsigned char old[sizeof(V)];
    std::memcpy(old, static_cast<const void *>(address), sizeof(V));
    std::memcpy(static_cast<void *>(address), static_cast<const void *>(value), sizeof(V));
    std::memcpy(static_cast<void *>(previous), old, sizeof(V));
  }
}
// Bitwise comparison, as CUDA's (and GCC's) compare-and-exchange.
template <class V> inline bool nvCompareExchange(V *address, V *expected, V *desired) {
  static_assert(std::is_trivially_copyable<V>::value,
                "__nv_atomic_*: T must be trivially copyable");
  if constexpr (nvLockFree<V>()) {
    return __atomic_compare_exchange(address, expected, desired, false, kAtomicOrder, kAtomicOrder);
  } else {
    NvStripeLock lock(address);
    if (std::memcmp(static_cast<const void *>(address), static_cast<const void *>(expected),
                    sizeof(V)) == 0) {
      std::memcpy(static_cast<void *>(address), static_cast<const void *>(desired), sizeof(V));
      return true;
    }
    std::memcpy(static_cast<void *>(expected), static_cast<const void *>(address), sizeof(V));
    return false;
  }
}

enum class NvOp { Add, Sub, And, Or, Xor, Min, Max };

template <NvOp Op, class V> inline V nvFetch(V *address, V value) {
  if constexpr (std::is_integral<V>::value && !std::is_same<V, bool>::value) {
    if constexpr (Op == NvOp::Add)
      return __atomic_fetch_add(address, value, kAtomicOrder);
    else if constexpr (Op == NvOp::Sub)
      return __atomic_fetch_sub(address, value, kAtomicOrder);
    else if constexpr (Op == NvOp::And)
      return __atomic_fetch_and(address, value, kAtomicOrder);
    else if constexpr (Op == NvOp::Or)
      return __atomic_fetch_or(address, value, kAtomicOrder);
    else if constexpr (Op == NvOp::Xor)
      return __atomic_fetch_xor(address, value, kAtomicOrder);
    else if constexpr (Op == NvOp::Min)
      return atomicUpdate(address, [value](V old) { return value < old ? value : old; });
    else
      return atomicUpdate(address, [value](V old) { return value > old ? value : old; });
  } else {
    static_assert(std::is_floating_point<V>::value && (Op == NvOp::Add || Op == NvOp::Sub),
                  "__nv_atomic_fetch_*: add and sub take integers, float and double; and, or, "
                  "xor, min and max take integers");
    if constexpr (Op == NvOp::Add)
      return atomicUpdate(address, [value](V old) { return old + value; });
    else
      return atomicUpdate(address, [value](V old) { return old - value; });
  }
}

} // namespace npu::detail

#define NPU_NV_ATOMIC_RMW(name, op)                                                                \
  template <class T>                                                                               \
  inline ::npu::detail::NvValue<T> __nv_atomic_fetch_##name(                                       \
      T *address, ::npu::detail::NvValue<T> value, int /*order*/,                                  \
      int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {                                                  \
    return ::npu::detail::nvFetch<::npu::detail::NvOp::op>(::npu::detail::nvPlain(address),        \
                                                           value);                                 \
  }                                                                                                \
  template <class T>                                                                               \
  inline void __nv_atomic_##name(T *address, ::npu::detail::NvValue<T> value, int order,           \
                                 int scope = __NV_THREAD_SCOPE_SYSTEM) {                           \
    (void)__nv_atomic_fetch_##name(address, value, order, scope);                                  \
  }
NPU_NV_ATOMIC_RMW(add, Add)
NPU_NV_ATOMIC_RMW(sub, Sub)
NPU_NV_ATOMIC_RMW(and, And)
NPU_NV_ATOMIC_RMW(or, Or)
NPU_NV_ATOMIC_RMW(xor, Xor)
NPU_NV_ATOMIC_RMW(min, Min)
NPU_NV_ATOMIC_RMW(max, Max)
#undef NPU_NV_ATOMIC_RMW

template <class T>
inline ::npu::detail::NvValue<T> __nv_atomic_load_n(T *address, int /*order*/,
                                                    int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::NvValue<T> result;
  ::npu::detail::nvLoad(::npu::detail::nvPlain(address), &result);
  return result;
}
template <class T>
inline void __nv_atomic_load(T *address, ::npu::detail::NvValue<T> *result, int /*order*/,
                             int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::nvLoad(::npu::detail::nvPlain(address), result);
}
template <class T>
inline void __nv_atomic_store_n(T *address, ::npu::detail::NvValue<T> value, int /*order*/,
                                int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::nvStore(::npu::detail::nvPlain(address), &value);
}
template <class T>
inline void __nv_atomic_store(T *address, ::npu::detail::NvValue<T> *value, int /*order*/,
                              int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::nvStore(::npu::detail::nvPlain(address), value);
}
template <class T>
inline ::npu::detail::NvValue<T> __nv_atomic_exchange_n(T *address, ::npu::detail::NvValue<T> value,
                                                        int /*order*/,
                                                        int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::NvValue<T> previous;
  ::npu::detail::nvExchange(::npu::detail::nvPlain(address), &value, &previous);
  return previous;
}
template <class T>
inline void __nv_atomic_exchange(T *address, ::npu::detail::NvValue<T> *value,
                                 ::npu::detail::NvValue<T> *previous, int /*order*/,
                                 int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  ::npu::detail::nvExchange(::npu::detail::nvPlain(address), value, previous);
}
// `weak` is ignored (never fails spuriously) and the stronger order applies, as in CUDA.
template <class T>
inline bool __nv_atomic_compare_exchange_n(T *address, ::npu::detail::NvValue<T> *expected,
                                           ::npu::detail::NvValue<T> desired, bool /*weak*/,
                                           int /*successOrder*/, int /*failureOrder*/,
                                           int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  return ::npu::detail::nvCompareExchange(::npu::detail::nvPlain(address), expected, &desired);
}
template <class T>
inline bool __nv_atomic_compare_exchange(T *address, ::npu::detail::NvValue<T> *expected,
                                         ::npu::detail::NvValue<T> *desired, bool /*weak*/,
                                         int /*successOrder*/, int /*failureOrder*/,
                                         int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  return ::npu::detail::nvCompareExchange(::npu::detail::nvPlain(address), expected, desired);
}
inline void __nv_atomic_thread_fence(int /*order*/, int /*scope*/ = __NV_THREAD_SCOPE_SYSTEM) {
  __atomic_thread_fence(::npu::detail::kAtomicOrder);
}
