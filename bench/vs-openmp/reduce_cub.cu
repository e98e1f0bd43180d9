// Sum reduction as CUB users write it: a grid-stride loop per thread, then cub::BlockReduce for
// the block's partial, then a second pass of one block over the partials. The collective is a
// statement at block level, so the translated kernel keeps the barrier-region form
// (npu_block.collective) instead of fibers.
#include <cub/cub.cuh>

#include "reduce_device.cuh"

#define BLOCK 256
#define GRID 1024

__global__ void reduceCub(const float *in, float *out, int n) {
  typedef cub::BlockReduce<float, BLOCK> BlockReduce;
  __shared__ typename BlockReduce::TempStorage temp;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  float block_sum = BlockReduce(temp).Sum(sum);
  if (threadIdx.x == 0)
    out[blockIdx.x] = block_sum;
}

int main(int argc, char **argv) {
  const int n = reduce::size(vsomp::tiny(argc, argv));
  float *dPartial;
  CHECK(cudaMalloc(&dPartial, GRID * sizeof(float)));
  const int status = runReduceOnDevice(n, [&](const float *in, float *sums, int n) {
    for (int p = 0; p < reduce::kPasses; ++p) {
      reduceCub<<<GRID, BLOCK>>>(in, dPartial, n);
      reduceCub<<<1, BLOCK>>>(dPartial, sums + p, GRID);
    }
  });
  CHECK(cudaFree(dPartial));
  return status;
}
