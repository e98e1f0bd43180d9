// Sum reduction with a shared-memory tree (sequential addressing, as in Harris, "Optimizing
// Parallel Reduction in CUDA"): a grid-stride loop per thread, a tree per block, one partial
// per block, then a second pass of one block over the partials.
#include "reduce_device.cuh"

#define BLOCK 256
#define GRID 1024

__global__ void reduceTree(const float *in, float *out, int n) {
  __shared__ float sdata[BLOCK];
  unsigned int tid = threadIdx.x;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + tid; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sdata[tid] = sum;
  __syncthreads();
  for (unsigned int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (tid < s)
      sdata[tid] += sdata[tid + s];
    __syncthreads();
  }
  if (tid == 0)
    out[blockIdx.x] = sdata[0];
}

int main(int argc, char **argv) {
  const int n = reduce::size(vsomp::tiny(argc, argv));
  float *dPartial;
  CHECK(cudaMalloc(&dPartial, GRID * sizeof(float)));
  const int status = runReduceOnDevice(n, [&](const float *in, float *sums, int n) {
    for (int p = 0; p < reduce::kPasses; ++p) {
      reduceTree<<<GRID, BLOCK>>>(in, dPartial, n);
      reduceTree<<<1, BLOCK>>>(dPartial, sums + p, GRID);
    }
  });
  CHECK(cudaFree(dPartial));
  return status;
}
