// Sum reduction with warp shuffles (as in NVIDIA's "Faster Parallel Reductions on Kepler"):
// a grid-stride loop per thread, __shfl_down_sync within each warp, one shared slot per warp,
// the first warp reduces the slots and one atomicAdd per block gives the total.
#include "reduce_device.cuh"

#define BLOCK 256
#define GRID 1024
#define FULL_MASK 0xffffffffu

__inline__ __device__ float warpReduceSum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down_sync(FULL_MASK, v, offset);
  return v;
}

__global__ void reduceShfl(const float *in, float *total, int n) {
  __shared__ float warpSums[BLOCK / 32];
  int lane = threadIdx.x % warpSize;
  int warp = threadIdx.x / warpSize;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sum = warpReduceSum(sum);
  if (lane == 0)
    warpSums[warp] = sum;
  __syncthreads();
  if (warp == 0) {
    sum = lane < BLOCK / 32 ? warpSums[lane] : 0.0f;
    sum = warpReduceSum(sum);
    if (lane == 0)
      atomicAdd(total, sum);
  }
}

int main(int argc, char **argv) {
  const int n = reduce::size(vsomp::tiny(argc, argv));
  return runReduceOnDevice(n, [](const float *in, float *sums, int n) {
    CHECK(cudaMemset(sums, 0, reduce::kPasses * sizeof(float)));
    for (int p = 0; p < reduce::kPasses; ++p)
      reduceShfl<<<GRID, BLOCK>>>(in, sums + p, n);
  });
}
