// Launches of kernels proven never to wait for other work carry ::npu::never_waits (the
// runtime may run a small grid on the launching thread); a spin-wait anywhere in the call
// graph, a call the translator cannot follow or a kernel defined elsewhere keeps the plain form.
#include <cuda_runtime.h>

__device__ float twice(float v) { return 2 * v; }
__device__ void waitFor(volatile int *flag) {
  while (*flag == 0) {
  }
}
__device__ float external(float v); // defined in another file
__global__ void plain(float *x) { x[threadIdx.x] = twice(x[threadIdx.x]); }
template <class T> __global__ void scaled(T *x, T s) { x[threadIdx.x] *= s; }
__global__ void spins(volatile int *flag, float *x) {
  waitFor(flag);
  x[0] = 1;
}
__global__ void atomicWait(int *lock) {
  while (atomicCAS(lock, 0, 1) != 0) {
  }
  atomicExch(lock, 0);
}
__global__ void callsExternal(float *x) { x[0] = external(x[0]); }
__global__ void elsewhere(float *x); // defined in another file
__global__ void warpSum(volatile float *s) { s[threadIdx.x] += s[threadIdx.x + 16]; }
// A macro body may launch a different kernel at each expansion: no tag.
// CHECK: #define RUN(k, ...) ::npu::launch(#k, k, 1, 32, 0, 0, __VA_ARGS__)
#define RUN(k, ...) k<<<1, 32>>>(__VA_ARGS__)

void run(float *x, int *flag) {
  // CHECK: ::npu::launch(::npu::never_waits, "plain", plain, 1, 32, 0, 0, x);
  plain<<<1, 32>>>(x);
  // CHECK: ::npu::launch(::npu::never_waits, "scaled<float>", scaled<float>, 1, 32, 0, 0, x, 2.0f);
  scaled<<<1, 32>>>(x, 2.0f);
  // CHECK: ::npu::launch("spins", spins, 1, 1, 0, 0, flag, x);
  spins<<<1, 1>>>(flag, x);
  // CHECK: ::npu::launch("atomicWait", atomicWait, 1, 32, 0, 0, flag);
  atomicWait<<<1, 32>>>(flag);
  // CHECK: ::npu::launch("callsExternal", callsExternal, 1, 1, 0, 0, x);
  callsExternal<<<1, 1>>>(x);
  // CHECK: ::npu::launch("elsewhere", elsewhere, 1, 1, 0, 0, x);
  elsewhere<<<1, 1>>>(x);
  // Warp-synchronous volatile accesses are lockstep, not waits.
  // CHECK: ::npu::launch(::npu::never_waits, "warpSum", warpSum, 1, 16, 0, 0, x);
  warpSum<<<1, 16>>>(x);
  RUN(plain, x);
}
