// A user's macro named like a CUDA API means the user's expansion: neither its name nor its uses
// are renamed or diagnosed (its body's own CUDA names are). <cuda.h> included for the runtime
// API only is mapped without a driver-API warning.
// NO-DIAG
#include <cuda.h>
#include <cuda_runtime.h>

// CHECK: #define __shfl(v, d) __shfl_sync(0xffffffff, v, d, 8)
#define __shfl(v, d) __shfl_sync(0xffffffff, v, d, 8)
// CHECK-NOT: CU2NPU1005
// CHECK-NOT: CU2NPU1002

// CHECK: out[threadIdx.x] = __shfl(v, 0);
__global__ void segmentLeader(int *out) {
  int v = threadIdx.x;
  out[threadIdx.x] = __shfl(v, 0);
}

int main() {
  int *d;
  cudaMalloc(&d, 32 * sizeof(int));
  segmentLeader<<<1, 32>>>(d);
  return cudaDeviceSynchronize() != cudaSuccess;
}
