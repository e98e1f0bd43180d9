// cuBLAS SGEMM checked against a naive CUDA kernel in the same program, on a stream:
// C = alpha * A^T * B + beta * C (column-major, as cuBLAS is), with A stored K x M, then a
// complex GEMM (cublasCgemm) checked against a kernel written with cuComplex.h.
// Usage: cublas_sgemm [m n k]   (default 192 160 224)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <cuComplex.h>
#include <cublas_v2.h>
#include <cuda_runtime.h>

#define CHECK(call)                                                            \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      fprintf(stderr, "%s:%d: CUDA error %s\n", __FILE__, __LINE__,            \
              cudaGetErrorString(err_));                                       \
      exit(EXIT_FAILURE);                                                      \
    }                                                                          \
  } while (0)
#define CHECK_CUBLAS(call)                                                     \
  do {                                                                         \
    cublasStatus_t st_ = (call);                                               \
    if (st_ != CUBLAS_STATUS_SUCCESS) {                                        \
      fprintf(stderr, "%s:%d: cuBLAS error %d\n", __FILE__, __LINE__, (int)st_); \
      exit(EXIT_FAILURE);                                                      \
    }                                                                          \
  } while (0)

// One thread per element of C (m x n, leading dimension m); A is k x m (used transposed).
__global__ void naiveSgemmTN(int m, int n, int k, float alpha, const float *A, const float *B,
                             float beta, float *C) {
  int row = blockIdx.y * blockDim.y + threadIdx.y;
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  if (row >= m || col >= n) return;
  float sum = 0.0f;
  for (int p = 0; p < k; ++p)
    sum += A[p + row * k] * B[p + col * k];
  C[row + col * m] = alpha * sum + beta * C[row + col * m];
}

// C = A * B for complex column-major A (m x k) and B (k x n).
__global__ void naiveCgemm(int m, int n, int k, const cuFloatComplex *A,
                           const cuFloatComplex *B, cuFloatComplex *C) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= m * n) return;
  int row = i % m, col = i / m;
  cuFloatComplex sum = make_cuFloatComplex(0.0f, 0.0f);
  for (int p = 0; p < k; ++p)
    sum = cuCaddf(sum, cuCmulf(A[row + p * m], B[p + col * k]));
  C[i] = sum;
}

static float maxRelativeError(const std::vector<float> &got, const std::vector<float> &want) {
  float worst = 0.0f;
  for (size_t i = 0; i < got.size(); ++i)
    worst = fmaxf(worst, fabsf(got[i] - want[i]) / (1.0f + fabsf(want[i])));
  return worst;
}

int main(int argc, char **argv) {
  const int m = argc > 3 ? atoi(argv[1]) : 192;
  const int n = argc > 3 ? atoi(argv[2]) : 160;
  const int k = argc > 3 ? atoi(argv[3]) : 224;
  std::mt19937 rng(2024);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> a(size_t(k) * m), b(size_t(k) * n), c(size_t(m) * n);
  for (float &x : a) x = dist(rng);
  for (float &x : b) x = dist(rng);
  for (float &x : c) x = dist(rng);

  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  float *dA, *dB, *dC, *dRef;
  CHECK(cudaMalloc(&dA, a.size() * sizeof(float)));
  CHECK(cudaMalloc(&dB, b.size() * sizeof(float)));
  CHECK(cudaMalloc(&dC, c.size() * sizeof(float)));
  CHECK(cudaMalloc(&dRef, c.size() * sizeof(float)));
  CHECK(cudaMemcpyAsync(dA, a.data(), a.size() * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemcpyAsync(dB, b.data(), b.size() * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemcpyAsync(dC, c.data(), c.size() * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemcpyAsync(dRef, c.data(), c.size() * sizeof(float), cudaMemcpyHostToDevice, stream));

  cublasHandle_t handle;
  CHECK_CUBLAS(cublasCreate(&handle));
  CHECK_CUBLAS(cublasSetStream(handle, stream));
  const float alpha = 1.25f, beta = -0.5f;
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaEventRecord(start, stream));
  CHECK_CUBLAS(cublasSgemm(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA, k, dB, k, &beta,
                           dC, m));
  CHECK(cudaEventRecord(stop, stream));
  dim3 block(16, 16), grid((n + 15) / 16, (m + 15) / 16);
  naiveSgemmTN<<<grid, block, 0, stream>>>(m, n, k, alpha, dA, dB, beta, dRef);
  CHECK(cudaGetLastError());
  std::vector<float> got(c.size()), want(c.size());
  CHECK(cudaMemcpyAsync(got.data(), dC, got.size() * sizeof(float), cudaMemcpyDeviceToHost, stream));
  CHECK(cudaMemcpyAsync(want.data(), dRef, want.size() * sizeof(float), cudaMemcpyDeviceToHost,
                        stream));
  CHECK(cudaStreamSynchronize(stream));
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  const float sgemmError = maxRelativeError(got, want);
  printf("cublasSgemm %dx%dx%d: %.3f ms, max relative error vs naive kernel %.2e\n", m, n, k, ms,
         sgemmError);

  // Complex: C = A * B with cuComplex data, cuBLAS against a kernel using cuCmulf/cuCaddf.
  const int cm = 24, cn = 20, ck = 28;
  std::vector<cuFloatComplex> ca(cm * ck), cb(ck * cn);
  for (cuFloatComplex &z : ca) z = make_cuFloatComplex(dist(rng), dist(rng));
  for (cuFloatComplex &z : cb) z = make_cuFloatComplex(dist(rng), dist(rng));
  cuFloatComplex *zA, *zB, *zC, *zRef;
  CHECK(cudaMalloc(&zA, ca.size() * sizeof(cuFloatComplex)));
  CHECK(cudaMalloc(&zB, cb.size() * sizeof(cuFloatComplex)));
  CHECK(cudaMalloc(&zC, cm * cn * sizeof(cuFloatComplex)));
  CHECK(cudaMalloc(&zRef, cm * cn * sizeof(cuFloatComplex)));
  CHECK(cudaMemcpy(zA, ca.data(), ca.size() * sizeof(cuFloatComplex), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(zB, cb.data(), cb.size() * sizeof(cuFloatComplex), cudaMemcpyHostToDevice));
  const cuComplex one = make_cuComplex(1.0f, 0.0f), zero = make_cuComplex(0.0f, 0.0f);
  CHECK_CUBLAS(cublasCgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, cm, cn, ck, &one, zA, cm, zB, ck,
                           &zero, zC, cm));
  naiveCgemm<<<(cm * cn + 127) / 128, 128, 0, stream>>>(cm, cn, ck, zA, zB, zRef);
  CHECK(cudaGetLastError());
  std::vector<cuFloatComplex> zgot(cm * cn), zwant(cm * cn);
  CHECK(cudaMemcpyAsync(zgot.data(), zC, zgot.size() * sizeof(cuFloatComplex),
                        cudaMemcpyDeviceToHost, stream));
  CHECK(cudaMemcpyAsync(zwant.data(), zRef, zwant.size() * sizeof(cuFloatComplex),
                        cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  float cgemmError = 0.0f;
  for (int i = 0; i < cm * cn; ++i)
    cgemmError = fmaxf(cgemmError, cuCabsf(cuCsubf(zgot[i], zwant[i])));
  printf("cublasCgemm %dx%dx%d: max error vs cuComplex kernel %.2e\n", cm, cn, ck, cgemmError);

  CHECK_CUBLAS(cublasDestroy(handle));
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  CHECK(cudaFree(dC));
  CHECK(cudaFree(dRef));
  CHECK(cudaFree(zA));
  CHECK(cudaFree(zB));
  CHECK(cudaFree(zC));
  CHECK(cudaFree(zRef));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaStreamDestroy(stream));
  const bool ok = sgemmError < 1e-4f && cgemmError < 1e-4f;
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
