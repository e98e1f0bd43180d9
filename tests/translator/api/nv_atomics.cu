// CUDA 12.8's atomic builtins keep their names (npurt/kernel.h provides them), with the memory
// orders and scopes; the value operand converts to the pointee type as with nvcc's builtins;
// `#ifdef __CUDACC_DEVICE_ATOMIC_BUILTINS__` takes the builtin branch. No diagnostic, and the
// kernel stays on the fast path (atomics are not warp operations).
// NO-DIAG
#include <cuda_runtime.h>

struct Wide {
  long long a, b;
};

__global__ void k(unsigned long long *count, volatile int *flag, float *f, Wide *w, int *out) {
  // CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
#ifdef __CUDACC_DEVICE_ATOMIC_BUILTINS__
  // CHECK: unsigned long long t = __nv_atomic_fetch_add(count, 1, __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_DEVICE);
  unsigned long long t = __nv_atomic_fetch_add(count, 1, __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_DEVICE);
#else
  unsigned long long t = atomicAdd(count, 1ull);
#endif
  // CHECK: __nv_atomic_fetch_sub(f, 0.5f, __NV_ATOMIC_SEQ_CST);
  __nv_atomic_fetch_sub(f, 0.5f, __NV_ATOMIC_SEQ_CST);
  __nv_atomic_and(out, 3, __NV_ATOMIC_RELEASE, __NV_THREAD_SCOPE_BLOCK);
  __nv_atomic_fetch_or(out, 4, __NV_ATOMIC_ACQ_REL);
  __nv_atomic_xor(out, 1, __NV_ATOMIC_CONSUME);
  __nv_atomic_fetch_min(out + 1, int(t), __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_CLUSTER);
  __nv_atomic_max(out + 2, int(t), __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_THREAD);
  int expected = 0;
  // CHECK: __nv_atomic_compare_exchange_n(flag, &expected, 1, false, __NV_ATOMIC_ACQUIRE, __NV_ATOMIC_RELAXED)
  if (__nv_atomic_compare_exchange_n(flag, &expected, 1, false, __NV_ATOMIC_ACQUIRE, __NV_ATOMIC_RELAXED))
    __nv_atomic_store_n(flag, 2, __NV_ATOMIC_RELEASE, __NV_THREAD_SCOPE_SYSTEM);
  Wide seen, next;
  __nv_atomic_load(w, &seen, __NV_ATOMIC_ACQUIRE);
  next = {seen.a + 1, seen.b};
  __nv_atomic_compare_exchange(w, &seen, &next, true, __NV_ATOMIC_SEQ_CST, __NV_ATOMIC_RELAXED);
  Wide old = __nv_atomic_exchange_n(w, next, __NV_ATOMIC_RELAXED);
  __nv_atomic_exchange(w, &old, &seen, __NV_ATOMIC_RELAXED);
  __nv_atomic_store(w, &seen, __NV_ATOMIC_RELEASE);
  // CHECK: __nv_atomic_thread_fence(__NV_ATOMIC_SEQ_CST, __NV_THREAD_SCOPE_DEVICE);
  __nv_atomic_thread_fence(__NV_ATOMIC_SEQ_CST, __NV_THREAD_SCOPE_DEVICE);
  out[3] = __nv_atomic_load_n(flag, __NV_ATOMIC_ACQUIRE) + int(old.a);
}
