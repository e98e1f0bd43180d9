// The host side of the CUDA SGEMM programs (gemm_naive, gemm_tiled): the matrices on the
// device, the timed multiply, the check, the report.
#pragma once
#include "cuda_check.h"
#include "gemm_problem.h"

// `multiply(A, B, C, n)` launches C = A * B on device matrices.
template <class Multiply> int runGemmOnDevice(int n, Multiply multiply) {
  const size_t bytes = size_t(n) * n * sizeof(float);
  std::vector<float> a, b, c(size_t(n) * n);
  gemm::inputs(a, b, n);
  float *dA, *dB, *dC;
  CHECK(cudaMalloc(&dA, bytes));
  CHECK(cudaMalloc(&dB, bytes));
  CHECK(cudaMalloc(&dC, bytes));
  CHECK(cudaMemcpy(dA, a.data(), bytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dB, b.data(), bytes, cudaMemcpyHostToDevice));
  const double ms = vsomp::warmTimedMs([&] {
    multiply(dA, dB, dC, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });
  CHECK(cudaMemcpy(c.data(), dC, bytes, cudaMemcpyDeviceToHost));
  const bool ok = gemm::check(a.data(), b.data(), c.data(), n);
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  CHECK(cudaFree(dC));
  return vsomp::report(gemm::label(n), ms, 0, ok);
}
