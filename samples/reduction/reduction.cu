// Four ways to sum an array on the GPU, each checked against the CPU:
//
//  1. reduceShared:  classic shared-memory tree (dynamic shared memory,
//                    sequential addressing), two passes: per-block partial
//                    sums, then one block reduces the partials.
//  2. reduceShuffle: warp-level tree with __shfl_down_sync, one shared slot
//                    per warp, then the first warp reduces the warp sums and
//                    one atomicAdd per block combines the blocks.
//  3. reduceAtomic:  integer histogram-style sum, shared-memory atomicAdd per
//                    thread then one global atomicAdd per block (exact).
//  4. reduceCG:      cooperative groups, thread_block_tile<32> and cg::reduce
//                    per tile, shared slots per tile, then cg::reduce again.
//
// Kernels 1, 2 sum floats (compared with a relative tolerance against a
// double-precision sum); 3, 4 sum ints (exact). All inputs use a grid-stride
// loop so the grid is sized from the device's SM count, not from n.
//
// CUDA features: extern __shared__ (dynamic shared memory), __syncthreads in
// loops, __shfl_down_sync with full mask, atomicAdd (float/int, shared and
// global), cooperative_groups (this_thread_block, tiled_partition<32>,
// cg::reduce, cg::plus, tile.sync/meta_group_rank/thread_rank),
// cudaGetDeviceProperties, cudaMemset, template on block size.
//
// Usage: reduction [n]   (default 1<<22 elements)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define FULL_MASK 0xffffffffu
constexpr int kBlock = 256;  // power of two, multiple of 32
constexpr int kWarp = 32;

// ---------------------------------------------------------------- 1. tree
__global__ void reduceShared(const float *__restrict__ in, float *__restrict__ out,
                             int n) {
  extern __shared__ float sdata[];
  unsigned int tid = threadIdx.x;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    sum += in[i];
  sdata[tid] = sum;
  __syncthreads();
  for (unsigned int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (tid < s) sdata[tid] += sdata[tid + s];
    __syncthreads();
  }
  if (tid == 0) out[blockIdx.x] = sdata[0];
}

// ---------------------------------------------------------------- 2. shuffle
__device__ __forceinline__ float warpReduceSum(float v) {
  for (int offset = kWarp / 2; offset > 0; offset >>= 1)
    v += __shfl_down_sync(FULL_MASK, v, offset);
  return v;  // valid in lane 0
}

__global__ void reduceShuffle(const float *__restrict__ in, float *result, int n) {
  __shared__ float warpSums[kBlock / kWarp];
  int lane = threadIdx.x % kWarp;
  int warp = threadIdx.x / kWarp;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    sum += in[i];
  sum = warpReduceSum(sum);
  if (lane == 0) warpSums[warp] = sum;
  __syncthreads();
  if (warp == 0) {
    sum = lane < kBlock / kWarp ? warpSums[lane] : 0.0f;
    sum = warpReduceSum(sum);
    if (lane == 0) atomicAdd(result, sum);
  }
}

// ---------------------------------------------------------------- 3. atomics
__global__ void reduceAtomic(const int *__restrict__ in, int *result, int n) {
  __shared__ int blockSum;
  if (threadIdx.x == 0) blockSum = 0;
  __syncthreads();
  int sum = 0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    sum += in[i];
  atomicAdd(&blockSum, sum);  // shared-memory atomic
  __syncthreads();
  if (threadIdx.x == 0) atomicAdd(result, blockSum);  // one global atomic per block
}

// ---------------------------------------------------------------- 4. coop groups
template <int BLOCK>
__global__ void reduceCG(const int *__restrict__ in, int *result, int n) {
  __shared__ int tileSums[BLOCK / 32];
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);

  int sum = 0;
  for (int i = blockIdx.x * BLOCK + block.thread_rank(); i < n;
       i += BLOCK * gridDim.x)
    sum += in[i];
  sum = cg::reduce(tile, sum, cg::plus<int>());
  if (tile.thread_rank() == 0) tileSums[tile.meta_group_rank()] = sum;
  block.sync();
  if (tile.meta_group_rank() == 0) {
    int v = tile.thread_rank() < BLOCK / 32 ? tileSums[tile.thread_rank()] : 0;
    v = cg::reduce(tile, v, cg::plus<int>());
    if (tile.thread_rank() == 0) atomicAdd(result, v);
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 22;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }

  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  int blocks = prop.multiProcessorCount * 4;
  int needed = (n + kBlock - 1) / kBlock;
  if (blocks > needed) blocks = needed;
  if (blocks > 1024) blocks = 1024;  // second pass of kernel 1 uses one block
  if (blocks < 1) blocks = 1;

  // Deterministic inputs: floats in [0,1), ints in [-8, 8]
  std::vector<float> hf(n);
  std::vector<int> hi(n);
  unsigned int seed = 7u;
  double refF = 0.0, absF = 0.0;
  long long refI = 0;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    hf[i] = static_cast<float>(seed >> 8) * (1.0f / 16777216.0f);
    hi[i] = static_cast<int>((seed >> 16) % 17) - 8;
    refF += hf[i];
    absF += std::fabs(hf[i]);
    refI += hi[i];
  }

  float *dF, *dPartial, *dResF;
  int *dI, *dResI;
  CHECK(cudaMalloc(&dF, n * sizeof(float)));
  CHECK(cudaMalloc(&dI, n * sizeof(int)));
  CHECK(cudaMalloc(&dPartial, 1024 * sizeof(float)));
  CHECK(cudaMalloc(&dResF, sizeof(float)));
  CHECK(cudaMalloc(&dResI, sizeof(int)));
  CHECK(cudaMemcpy(dF, hf.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dI, hi.data(), n * sizeof(int), cudaMemcpyHostToDevice));

  int failures = 0;
  const double tolF = 1e-5 * absF + 1e-3;

  // 1. two-pass shared-memory tree
  reduceShared<<<blocks, kBlock, kBlock * sizeof(float)>>>(dF, dPartial, n);
  CHECK(cudaGetLastError());
  reduceShared<<<1, 1024, 1024 * sizeof(float)>>>(dPartial, dResF, blocks);
  CHECK(cudaGetLastError());
  float gotShared = 0.0f;
  CHECK(cudaMemcpy(&gotShared, dResF, sizeof(float), cudaMemcpyDeviceToHost));
  bool ok = std::fabs(gotShared - refF) <= tolF;
  failures += !ok;
  printf("  shared tree : %.6f (ref %.6f) %s\n", gotShared, refF, ok ? "ok" : "WRONG");

  // 2. warp shuffles + one atomic per block
  CHECK(cudaMemset(dResF, 0, sizeof(float)));
  reduceShuffle<<<blocks, kBlock>>>(dF, dResF, n);
  CHECK(cudaGetLastError());
  float gotShuffle = 0.0f;
  CHECK(cudaMemcpy(&gotShuffle, dResF, sizeof(float), cudaMemcpyDeviceToHost));
  ok = std::fabs(gotShuffle - refF) <= tolF;
  failures += !ok;
  printf("  warp shuffle: %.6f (ref %.6f) %s\n", gotShuffle, refF, ok ? "ok" : "WRONG");

  // 3. shared + global integer atomics
  CHECK(cudaMemset(dResI, 0, sizeof(int)));
  reduceAtomic<<<blocks, kBlock>>>(dI, dResI, n);
  CHECK(cudaGetLastError());
  int gotAtomic = 0;
  CHECK(cudaMemcpy(&gotAtomic, dResI, sizeof(int), cudaMemcpyDeviceToHost));
  ok = gotAtomic == refI;
  failures += !ok;
  printf("  atomics     : %d (ref %lld) %s\n", gotAtomic, refI, ok ? "ok" : "WRONG");

  // 4. cooperative groups
  CHECK(cudaMemset(dResI, 0, sizeof(int)));
  reduceCG<kBlock><<<blocks, kBlock>>>(dI, dResI, n);
  CHECK(cudaGetLastError());
  int gotCG = 0;
  CHECK(cudaMemcpy(&gotCG, dResI, sizeof(int), cudaMemcpyDeviceToHost));
  ok = gotCG == refI;
  failures += !ok;
  printf("  coop groups : %d (ref %lld) %s\n", gotCG, refI, ok ? "ok" : "WRONG");

  CHECK(cudaFree(dF));
  CHECK(cudaFree(dI));
  CHECK(cudaFree(dPartial));
  CHECK(cudaFree(dResF));
  CHECK(cudaFree(dResI));

  printf("reduction: n=%d, %d blocks x %d threads, %d failures\n", n, blocks,
         kBlock, failures);
  printf("%s\n", failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
