// One-letter size macros on the command line (PolyBench-style -DM=512 -DN=1024) must not reach
// the template parameters of cu2npu's own CUDA declarations (texture fetches, cuRAND).
// ARGS: -DM=512 -DN=3 -DD=2 -DS=1
// NO-COMPILE
// NO-DIAG
// RC: 0
#include <cuda_runtime.h>
#include <curand_kernel.h>
// CHECK: x[threadIdx.x] = M + N + D + S;
__global__ void k(float *x) { x[threadIdx.x] = M + N + D + S; }
