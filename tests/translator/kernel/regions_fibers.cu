// Barrier regions: kernels that must stay on fibers (the split form could change results).
#include <cuda_runtime.h>
__device__ int pick(int v) { return v; }

// Barrier in a thread-dependent if that other statements follow (as the kernel's last statement
// it would be a guard: regions.cu).
// CHECK: __global__ void divergent(float *x) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void divergent(float *x) {
  if (threadIdx.x < 32) {
    x[threadIdx.x] += 1;
    __syncthreads();
  }
  x[threadIdx.x] *= 2;
}

// Loop bound read from memory.
// CHECK: __global__ void memory_bound(float *x, const int *len) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void memory_bound(float *x, const int *len) {
  for (int k = 0; k < len[0]; ++k) {
    x[threadIdx.x] += k;
    __syncthreads();
  }
}

// Loop bound that depends on threadIdx.
// CHECK: __global__ void thread_bound(float *x) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void thread_bound(float *x) {
  for (unsigned k = threadIdx.x; k < 64; k += 32) {
    x[k] += 1;
    __syncthreads();
  }
}

// Loop control variable written by each thread.
// CHECK: __global__ void thread_written(float *x, int n) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void thread_written(float *x, int n) {
  int m = n;
  if (threadIdx.x == 0) m = 3;
  for (int k = 0; k < m; ++k) {
    x[threadIdx.x] += 1;
    __syncthreads();
  }
}

// Loop bound through a user function call.
// CHECK: __global__ void called_bound(float *x, int n) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void called_bound(float *x, int n) {
  for (int k = 0; k < pick(n); ++k) {
    x[threadIdx.x] += 1;
    __syncthreads();
  }
}

// A break out of a loop with a barrier.
// CHECK: __global__ void breaks(float *x, int n) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void breaks(float *x, int n) {
  for (int k = 0; k < n; ++k) {
    if (x[threadIdx.x] > 4) break;
    __syncthreads();
  }
}

// __syncthreads_count, and a macro that hides a barrier among other statements (a macro that is
// just the barrier is split like the call itself).
// CHECK: __global__ void counted(float *x) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void counted(float *x) {
  int c = __syncthreads_count(x[threadIdx.x] > 0);
  x[threadIdx.x] = c;
}
#define ADD_AND_SYNC(p) *(p) += 1; __syncthreads()
// CHECK: __global__ void in_macro(float *x) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void in_macro(float *x) {
  x[threadIdx.x] = 1;
  ADD_AND_SYNC(x);
  x[threadIdx.x] += x[0];
}

// Integer division by a parameter that an early return might guard.
// CHECK: __global__ void divides(float *x, int d) {
// CHECK:   ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void divides(float *x, int d) {
  if (d == 0) return;
  for (int k = 0; k < 64 / d; ++k) {
    x[threadIdx.x] += 1;
    __syncthreads();
  }
}
// CHECK-NOT: block_regions
