// Tiled single-precision matrix multiply C = A * B (row-major, A is MxK,
// B is KxN). Each 16x16 thread block computes a 16x16 tile of C, walking
// along K and staging one tile of A and one tile of B in shared memory per
// step. Sizes need not be multiples of the tile: out-of-range loads are
// zero-filled. A naive kernel is run too, and both are checked against a
// double-precision CPU reference.
//
// CUDA features: __shared__ 2D tiles, __syncthreads in a loop, dim3 2D grid
// and blocks, #pragma unroll, cudaEvent timing, __restrict__.
//
// Usage: matmul_tiled [n]   (default 256: A is n x (n+8), B is (n+8) x (n-5))
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define TILE 16

__global__ void matmulTiled(const float *__restrict__ A,
                            const float *__restrict__ B, float *__restrict__ C,
                            int M, int N, int K) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];

  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;
  float acc = 0.0f;

  int numTiles = (K + TILE - 1) / TILE;
  for (int t = 0; t < numTiles; ++t) {
    int aCol = t * TILE + tx;
    int bRow = t * TILE + ty;
    As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
    Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
    __syncthreads();
#pragma unroll
    for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  if (row < M && col < N) C[row * N + col] = acc;
}

__global__ void matmulNaive(const float *A, const float *B, float *C, int M,
                            int N, int K) {
  int row = blockIdx.y * blockDim.y + threadIdx.y;
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < M && col < N) {
    float acc = 0.0f;
    for (int k = 0; k < K; ++k) acc += A[row * K + k] * B[k * N + col];
    C[row * N + col] = acc;
  }
}

static int compare(const char *name, const std::vector<float> &c,
                   const std::vector<double> &ref,
                   const std::vector<double> &mag) {
  int errors = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    // error bound scaled by sum |a_ik * b_kj|, robust to cancellation
    double tol = 2e-5 * mag[i] + 1e-6;
    if (std::fabs(c[i] - ref[i]) > tol) {
      if (errors < 5)
        fprintf(stderr, "%s: mismatch at %zu: got %f, expected %f\n", name, i,
                c[i], ref[i]);
      ++errors;
    }
  }
  return errors;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 256;
  if (n < 8) {
    fprintf(stderr, "usage: %s [n >= 8]\n", argv[0]);
    return EXIT_FAILURE;
  }
  // deliberately not multiples of TILE, to exercise the edge handling
  const int M = n, K = n + 8, N = n - 5;

  std::mt19937 gen(2024);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> A(static_cast<size_t>(M) * K), B(static_cast<size_t>(K) * N);
  for (auto &v : A) v = dist(gen);
  for (auto &v : B) v = dist(gen);

  std::vector<double> ref(static_cast<size_t>(M) * N, 0.0), mag(ref.size(), 0.0);
  for (int i = 0; i < M; ++i)
    for (int k = 0; k < K; ++k) {
      double a = A[static_cast<size_t>(i) * K + k];
      const float *brow = &B[static_cast<size_t>(k) * N];
      double *crow = &ref[static_cast<size_t>(i) * N];
      double *mrow = &mag[static_cast<size_t>(i) * N];
      for (int j = 0; j < N; ++j) {
        crow[j] += a * brow[j];
        mrow[j] += std::fabs(a * brow[j]);
      }
    }

  float *dA, *dB, *dC;
  CHECK(cudaMalloc(&dA, A.size() * sizeof(float)));
  CHECK(cudaMalloc(&dB, B.size() * sizeof(float)));
  CHECK(cudaMalloc(&dC, ref.size() * sizeof(float)));
  CHECK(cudaMemcpy(dA, A.data(), A.size() * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dB, B.data(), B.size() * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(TILE, TILE);
  dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  std::vector<float> C(ref.size());
  CHECK(cudaEventRecord(start));
  matmulTiled<<<grid, block>>>(dA, dB, dC, M, N, K);
  CHECK(cudaGetLastError());
  CHECK(cudaEventRecord(stop));
  CHECK(cudaEventSynchronize(stop));
  float msTiled = 0.0f;
  CHECK(cudaEventElapsedTime(&msTiled, start, stop));
  CHECK(cudaMemcpy(C.data(), dC, C.size() * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = compare("tiled", C, ref, mag);

  CHECK(cudaMemset(dC, 0, C.size() * sizeof(float)));
  matmulNaive<<<grid, block>>>(dA, dB, dC, M, N, K);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(C.data(), dC, C.size() * sizeof(float), cudaMemcpyDeviceToHost));
  errors += compare("naive", C, ref, mag);

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  CHECK(cudaFree(dC));

  double gflops = msTiled > 0.0f ? 2.0 * M * N * K / (msTiled * 1e6) : 0.0;
  printf("matmul_tiled: %dx%d * %dx%d, tiled %.3f ms (%.2f GFLOP/s), %d errors\n",
         M, K, K, N, msTiled, gflops, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
