// Naive SGEMM: one thread per element of C, each a dot product over a row of A and a column
// of B (neighbouring threads read neighbouring columns: coalesced on a GPU).
#include "gemm_device.cuh"

__global__ void gemmNaive(const float *A, const float *B, float *C, int n) {
  int row = blockIdx.y * blockDim.y + threadIdx.y;
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < n && col < n) {
    float sum = 0.0f;
    for (int k = 0; k < n; ++k)
      sum += A[row * n + k] * B[k * n + col];
    C[row * n + col] = sum;
  }
}

int main(int argc, char **argv) {
  const int n = gemm::size(vsomp::tiny(argc, argv));
  dim3 block(16, 16);
  dim3 grid((n + block.x - 1) / block.x, (n + block.y - 1) / block.y);
  return runGemmOnDevice(n, [&](const float *A, const float *B, float *C, int n) {
    gemmNaive<<<grid, block>>>(A, B, C, n);
  });
}
