// Matrix transpose through a shared-memory tile padded by one column against bank conflicts
// (as in NVIDIA's "An Efficient Matrix Transpose in CUDA C/C++"): 32x8 threads move a 32x32
// tile, each thread four rows of it.
#include "cuda_check.h"
#include "transpose_problem.h"

#define TILE_DIM 32
#define BLOCK_ROWS 8

__global__ void transposeTiled(float *out, const float *in, int n) {
  __shared__ float tile[TILE_DIM][TILE_DIM + 1];
  int x = blockIdx.x * TILE_DIM + threadIdx.x;
  int y = blockIdx.y * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * n + x];
  __syncthreads();
  x = blockIdx.y * TILE_DIM + threadIdx.x;
  y = blockIdx.x * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    out[(y + j) * n + x] = tile[threadIdx.x][threadIdx.y + j];
}

int main(int argc, char **argv) {
  const int n = transpose::size(vsomp::tiny(argc, argv));
  const size_t bytes = size_t(n) * n * sizeof(float);
  const std::vector<float> in = transpose::input(n);
  std::vector<float> out(size_t(n) * n);
  float *dIn, *dOut;
  CHECK(cudaMalloc(&dIn, bytes));
  CHECK(cudaMalloc(&dOut, bytes));
  CHECK(cudaMemcpy(dIn, in.data(), bytes, cudaMemcpyHostToDevice));

  dim3 block(TILE_DIM, BLOCK_ROWS);
  dim3 grid(n / TILE_DIM, n / TILE_DIM);
  const double ms = vsomp::warmTimedMs([&] {
    for (int p = 0; p < transpose::kPasses; ++p)
      transposeTiled<<<grid, block>>>(dOut, dIn, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(out.data(), dOut, bytes, cudaMemcpyDeviceToHost));
  const bool ok = transpose::check(in.data(), out.data(), n);
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  return vsomp::report(transpose::label(n), ms, transpose::bytes(n), ok);
}
