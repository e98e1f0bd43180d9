// Tiled SGEMM (as in the CUDA C Programming Guide's shared-memory matrix multiply): each
// 16x16 block stages a tile of A and a tile of B in shared memory per step along k.
#include "gemm_device.cuh"

#define TILE 16

__global__ void gemmTiled(const float *A, const float *B, float *C, int n) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;
  float sum = 0.0f;
  for (int t = 0; t < n / TILE; ++t) {
    As[ty][tx] = A[row * n + t * TILE + tx];
    Bs[ty][tx] = B[(t * TILE + ty) * n + col];
    __syncthreads();
#pragma unroll
    for (int k = 0; k < TILE; ++k)
      sum += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  C[row * n + col] = sum;
}

int main(int argc, char **argv) {
  const int n = gemm::size(vsomp::tiny(argc, argv));
  dim3 block(TILE, TILE);
  dim3 grid(n / TILE, n / TILE);
  return runGemmOnDevice(n, [&](const float *A, const float *B, float *C, int n) {
    gemmTiled<<<grid, block>>>(A, B, C, n);
  });
}
