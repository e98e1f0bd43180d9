// A static shared declaration is valid CUDA; npurt's __shared__ is `static thread_local` already,
// so the spelled `static` goes.
#include <cuda_runtime.h>
// CHECK: __shared__ float tile[32];
// CHECK: __shared__ int count;
// CHECK-NOT: static __shared__
// CHECK-NOT: __shared__ static
__global__ void k(float *x) {
  static __shared__ float tile[32];
  __shared__ static int count;
  tile[threadIdx.x] = x[threadIdx.x];
  if (threadIdx.x == 0) count = 1;
  __syncthreads();
  x[threadIdx.x] = tile[31 - threadIdx.x] + count;
}
