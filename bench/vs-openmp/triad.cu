// STREAM triad on the GPU: one thread per element.
#include "cuda_check.h"
#include "harness.h"
#include "triad_problem.h"

__global__ void triadKernel(float *a, const float *b, const float *c, float s, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    a[i] = b[i] + s * c[i];
}

int main(int argc, char **argv) {
  const int n = triad::size(vsomp::tiny(argc, argv));
  std::vector<float> b, c, a(n);
  triad::inputs(b, c, n);
  float *dA, *dB, *dC;
  CHECK(cudaMalloc(&dA, n * sizeof(float)));
  CHECK(cudaMalloc(&dB, n * sizeof(float)));
  CHECK(cudaMalloc(&dC, n * sizeof(float)));
  CHECK(cudaMemcpy(dB, b.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dC, c.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  const int block = 256;
  const int grid = (n + block - 1) / block;
  const double ms = vsomp::warmTimedMs([&] {
    triadKernel<<<grid, block>>>(dA, dB, dC, triad::kScalar, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(a.data(), dA, n * sizeof(float), cudaMemcpyDeviceToHost));
  const bool ok = triad::check(a.data(), b.data(), c.data(), n);
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  CHECK(cudaFree(dC));
  return vsomp::report(std::to_string(n), ms, triad::bytes(n), ok);
}
