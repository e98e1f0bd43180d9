#include "saxpy.cuh"
#include <cstdio>
#include <cuda_runtime.h>
#include <vector>
int main() {
  const int n = 1 << 12;
  std::vector<float> x(n, 1.0f), y(n, 2.0f);
  float *dx, *dy;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&dy, n * sizeof(float));
  cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  if (saxpy(3.0f, dx, dy, n) != cudaSuccess || add_one(dy, n) != cudaSuccess) {
    printf("FAIL: %s\n", cudaGetErrorString(cudaGetLastError()));
    return 1;
  }
  cudaMemcpy(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dy);
  for (int i = 0; i < n; ++i)
    if (y[i] != 6.0f) {
      printf("FAIL: y[%d] = %f\n", i, y[i]);
      return 1;
    }
  printf("PASS: migrated cmake project\n");
  return 0;
}
