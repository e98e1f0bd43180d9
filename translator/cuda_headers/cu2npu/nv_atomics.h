// cu2npu CUDA declaration shim: CUDA 12.8's atomic builtins (__nv_atomic_*), with the memory
// orders and thread scopes of the CUDA Programming Guide. Declarations only. In nvcc these are
// compiler builtins that follow GCC's __atomic signatures: the value operand converts to the
// pointee type (it is not deduced), and `T` is any type of a supported size.
#pragma once
#include "cu2npu/host_defines.h"

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

template <class T> struct __cu2npu_nv_value { typedef T type; };
template <class T> struct __cu2npu_nv_value<const T> { typedef T type; };
template <class T> struct __cu2npu_nv_value<volatile T> { typedef T type; };
template <class T> struct __cu2npu_nv_value<const volatile T> { typedef T type; };
#define CU2NPU_NV_V(T) typename __cu2npu_nv_value<T>::type
#define CU2NPU_NV_SCOPE int = __NV_THREAD_SCOPE_SYSTEM

#define CU2NPU_NV_RMW(op)                                                                          \
  template <class T>                                                                               \
  __device__ CU2NPU_NV_V(T) __nv_atomic_fetch_##op(T *, CU2NPU_NV_V(T), int, CU2NPU_NV_SCOPE);     \
  template <class T> __device__ void __nv_atomic_##op(T *, CU2NPU_NV_V(T), int, CU2NPU_NV_SCOPE);
CU2NPU_NV_RMW(add)
CU2NPU_NV_RMW(sub)
CU2NPU_NV_RMW(and)
CU2NPU_NV_RMW(or)
CU2NPU_NV_RMW(xor)
CU2NPU_NV_RMW(min)
CU2NPU_NV_RMW(max)
#undef CU2NPU_NV_RMW

template <class T>
__device__ CU2NPU_NV_V(T) __nv_atomic_exchange_n(T *, CU2NPU_NV_V(T), int, CU2NPU_NV_SCOPE);
template <class T>
__device__ void __nv_atomic_exchange(T *, CU2NPU_NV_V(T) *, CU2NPU_NV_V(T) *, int, CU2NPU_NV_SCOPE);
template <class T>
__device__ bool __nv_atomic_compare_exchange_n(T *, CU2NPU_NV_V(T) *, CU2NPU_NV_V(T), bool, int,
                                               int, CU2NPU_NV_SCOPE);
template <class T>
__device__ bool __nv_atomic_compare_exchange(T *, CU2NPU_NV_V(T) *, CU2NPU_NV_V(T) *, bool, int,
                                             int, CU2NPU_NV_SCOPE);
template <class T> __device__ CU2NPU_NV_V(T) __nv_atomic_load_n(T *, int, CU2NPU_NV_SCOPE);
template <class T> __device__ void __nv_atomic_load(T *, CU2NPU_NV_V(T) *, int, CU2NPU_NV_SCOPE);
template <class T> __device__ void __nv_atomic_store_n(T *, CU2NPU_NV_V(T), int, CU2NPU_NV_SCOPE);
template <class T> __device__ void __nv_atomic_store(T *, CU2NPU_NV_V(T) *, int, CU2NPU_NV_SCOPE);
__device__ void __nv_atomic_thread_fence(int, CU2NPU_NV_SCOPE);
#undef CU2NPU_NV_SCOPE
#undef CU2NPU_NV_V
