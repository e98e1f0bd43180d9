// Atomics on __shared__ memory become plain read-modify-writes (npurt runs a block's threads on
// one worker); every other atomic stays atomic.
#include <cuda_runtime.h>

struct Counters {
  int hits;
  float weight;
};

// CHECK: __global__ void bins(const unsigned char *data, unsigned *hist, float *w, int n) {
// CHECK: ::npu::block_atomics::atomicAdd(&local[data[i]], 1u);
// CHECK: ::npu::block_atomics::atomicAdd(local + 3, 2u);
// CHECK: ::npu::block_atomics::atomicMax(&counters.hits, 7);
// CHECK: ::npu::block_atomics::atomicAdd(&counters.weight, 0.5f);
// CHECK: ::npu::block_atomics::atomicCAS_block(&grid[1][2], 0, 1);
// CHECK: ::npu::block_atomics::atomicInc(local, 9u);
// A pointer variable could point anywhere; global and _system forms stay atomic.
// CHECK: atomicAdd(p, 1u);
// CHECK: atomicAdd(&hist[b], local[b]);
// CHECK: atomicAdd_system(&local[0], 1u);
// CHECK: atomicAdd(w, counters.weight);
__global__ void bins(const unsigned char *data, unsigned *hist, float *w, int n) {
  __shared__ unsigned local[256];
  __shared__ Counters counters;
  __shared__ int grid[4][4];
  for (int b = threadIdx.x; b < 256; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  atomicAdd(local + 3, 2u);
  atomicMax(&counters.hits, 7);
  atomicAdd(&counters.weight, 0.5f);
  atomicCAS_block(&grid[1][2], 0, 1);
  atomicInc(local, 9u);
  unsigned *p = &local[5];
  atomicAdd(p, 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < 256; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
  atomicAdd_system(&local[0], 1u);
  atomicAdd(w, counters.weight);
}
