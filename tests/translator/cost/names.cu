// The operation counters' terms never bind to the program's own names.
#include <cuda_runtime.h>
__device__ float shared(float x) { return x * 2; }
__device__ float fp32(float x) { return x + 1; }
// One multiplication; the output compiles although `shared` and `fp32` are the program's.
// CHECK: NPU_COST(fp32(1), gwrite(4));
__global__ void k(float *a) {
  float gread = 2;
  float intops = 3;
  a[threadIdx.x] = shared(gread) * fp32(intops);
}
