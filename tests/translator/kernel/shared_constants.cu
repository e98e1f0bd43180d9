// A barrier kernel's local constants stay at block level, between the regions, where the
// __shared__ declarations that size themselves by them can see them (they were once moved into
// the first region, leaving `tile` undeclared for the arrays).
// NO-DIAG
#include <cuda_runtime.h>

__global__ void staged(const float *in, float *out) {
  // CHECK: ::npu::block_regions(
  // CHECK: constexpr int tile = 64;
  constexpr int tile = 64;
  // CHECK: const int halo = 2;
  const int halo = 2;
  // CHECK: __shared__ float buffer[2][tile + halo];
  __shared__ float buffer[2][tile + halo];
  // CHECK: npu_block.for_each_thread
  buffer[0][threadIdx.x] = in[blockIdx.x * tile + threadIdx.x];
  __syncthreads();
  out[blockIdx.x * tile + threadIdx.x] = buffer[0][tile - 1 - threadIdx.x];
}
