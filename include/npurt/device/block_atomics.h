// CUDA's atomic functions on __shared__ memory, as plain read-modify-writes.
//
// A block's shared memory is touched only by the block's own threads, and npurt runs all the
// threads of a block on one worker: one after another on the loop paths, as fibers that switch
// only at barriers, warp operations and spin-wait yields on the fiber path. No other thread can
// come between the read and the write, so the update needs no lock prefix (a `lock xadd` costs
// ~20 cycles where `add` costs one; a shared-memory histogram does little else). cu2npu calls
// these (rules/atomics/SharedAtomics.h) only where the address is visibly in a __shared__
// variable and the element is an arithmetic type; every other atomic stays in atomics.h.
#pragma once

namespace npu::block_atomics {

// The value operand converts to the element type, as it does to CUDA's overloads.
template <class T> struct Element { using type = T; };
template <class T> using ElementOf = typename Element<T>::type;

// After each update: an empty asm statement on the element. No vectoriser turns a loop that
// contains one into vector code, so a thread loop marked for SIMD (npu::detail::threadRow) still
// updates in thread order: as a gather and a scatter, threads that hit the same element would keep
// one update of several. It costs nothing else (it only says the element may have changed).
template <class T> inline void keepInThreadOrder(T &element) {
  __asm__ volatile("" : "+m"(element));
}

// Each function and its `_block` form: `update` is the new value from `old` and `value`.
#define NPU_BLOCK_ATOMIC(name, update)                                                             \
  template <class T> inline T name(T *address, ElementOf<T> value) {                               \
    T old = *address;                                                                              \
    *address = update;                                                                             \
    keepInThreadOrder(*address);                                                                   \
    return old;                                                                                    \
  }                                                                                                \
  template <class T> inline T name##_block(T *address, ElementOf<T> value) {                       \
    return name(address, value);                                                                   \
  }
NPU_BLOCK_ATOMIC(atomicAdd, old + value)
NPU_BLOCK_ATOMIC(atomicSub, old - value)
NPU_BLOCK_ATOMIC(atomicExch, ((void)old, value))
// Integers only (the rule sends no floating-point min/max: CUDA's ignore NaN operands).
NPU_BLOCK_ATOMIC(atomicMin, value < old ? value : old)
NPU_BLOCK_ATOMIC(atomicMax, value > old ? value : old)
NPU_BLOCK_ATOMIC(atomicAnd, old &value)
NPU_BLOCK_ATOMIC(atomicOr, old | value)
NPU_BLOCK_ATOMIC(atomicXor, old ^ value)
// unsigned int only: ((old >= value) ? 0 : (old + 1)), (((old == 0) || (old > value)) ? value :
// (old - 1)).
NPU_BLOCK_ATOMIC(atomicInc, old >= value ? T(0) : T(old + 1))
NPU_BLOCK_ATOMIC(atomicDec, (old == T(0) || old > value) ? value : T(old - 1))
#undef NPU_BLOCK_ATOMIC

template <class T> inline T atomicCAS(T *address, ElementOf<T> compare, ElementOf<T> value) {
  T old = *address;
  if (old == compare)
    *address = value;
  keepInThreadOrder(*address);
  return old;
}
template <class T> inline T atomicCAS_block(T *address, ElementOf<T> compare, ElementOf<T> value) {
  return atomicCAS(address, compare, value);
}

} // namespace npu::block_atomics
