// Matrix-vector product over a column-major matrix, one thread per row (as PolyBench-GPU's
// atax/gesummv kernels): each thread walks its row across the columns, a stride of n floats,
// while neighbouring threads read neighbouring addresses (coalesced on a GPU).
// MATVEC_BLOCK_Y=8 (matvec_col_2d) launches 32x8 blocks whose body ignores threadIdx.y, as
// code ported from a 2D launch often does: the eight threads of a column compute the same row.
#include "cuda_check.h"
#include "matvec_problem.h"

#ifndef MATVEC_BLOCK_Y
#define MATVEC_BLOCK_Y 1
#endif

__global__ void matvecCol(const float *A, const float *x, float *y, int n) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < n) {
    float sum = 0.0f;
    for (int j = 0; j < n; ++j)
      sum += A[j * n + row] * x[j];
    y[row] = sum;
  }
}

int main(int argc, char **argv) {
  const int n = matvec::size(vsomp::tiny(argc, argv));
  std::vector<float> a, x, y(n);
  matvec::inputs(a, x, n);
  float *dA, *dX, *dY;
  CHECK(cudaMalloc(&dA, a.size() * sizeof(float)));
  CHECK(cudaMalloc(&dX, n * sizeof(float)));
  CHECK(cudaMalloc(&dY, n * sizeof(float)));
  CHECK(cudaMemcpy(dA, a.data(), a.size() * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dX, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(256 / MATVEC_BLOCK_Y, MATVEC_BLOCK_Y);
  dim3 grid((n + block.x - 1) / block.x);
  const double ms = vsomp::warmTimedMs([&] {
    for (int p = 0; p < matvec::kPasses; ++p)
      matvecCol<<<grid, block>>>(dA, dX, dY, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(y.data(), dY, n * sizeof(float), cudaMemcpyDeviceToHost));
  const bool ok = matvec::check(a, x, y.data(), n);
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dX));
  CHECK(cudaFree(dY));
  return vsomp::report(matvec::label(n), ms, matvec::bytes(n), ok);
}
