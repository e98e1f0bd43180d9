// CUDA's atomic functions on host memory shared by all worker threads.
//
// The headers stay C++17, so these use the __atomic builtins (what std::atomic_ref
// compiles to). Sequentially consistent: on x86-64 every read-modify-write is a
// full barrier anyway, and it keeps lock and flag patterns written with CUDA's
// relaxed atomics plus __threadfence correct (and visible to ThreadSanitizer,
// which does not model stand-alone fences). The `_block` and `_system` scoped
// forms are the same operations: every scope is at most the whole host.
#pragma once

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
