// CUDA unroll pragmas become GCC unroll pragmas: a literal count is kept, anything else unrolls by 16.
#include <cuda_runtime.h>
#define UNROLL 4
template <int N> __device__ float sum(const float *x) {
  float s = 0;
  // CHECK: #pragma GCC unroll 16
  #pragma unroll N
  for (int i = 0; i < N; ++i)
    s += x[i];
  return s;
}
__global__ void k(float *x, int n) {
  // CHECK: #pragma GCC unroll 16
#pragma unroll
  for (int i = 0; i < 8; ++i)
    x[i] *= 2;
  // CHECK: #pragma GCC unroll 4
#pragma unroll 4
  for (int i = 0; i < n; ++i)
    x[i] += 1;
  // CHECK: #pragma GCC unroll 2 // two at a time
#pragma unroll (2) // two at a time
  for (int i = 0; i < n; ++i)
    x[i] -= 1;
  // CHECK: #pragma GCC unroll 1
#pragma unroll 1
  for (int i = 0; i < n; ++i)
    x[i] -= 1;
  // CHECK: #pragma GCC unroll 16
#pragma unroll UNROLL
  for (int i = 0; i < n; ++i)
    x[i] -= 1;
  x[0] = sum<4>(x);
}
// CHECK-NOT: #pragma unroll
