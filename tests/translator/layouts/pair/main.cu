#include <cstdio>
#include "x.h"
#include "x.cuh"

__global__ void scale(float *d, int n, float s) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    d[i] = x_twice(d[i]) * s;
}

cudaError_t x_scale(float *d, int n, float s) {
  scale<<<(n + 63) / 64, 64>>>(d, n, s);
  return cudaGetLastError();
}

int main() {
  const int n = 100;
  float h[n];
  for (int i = 0; i < n; ++i)
    h[i] = i;
  float *d;
  cudaMalloc(&d, sizeof(h));
  cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice);
  if (x_scale(d, n, 0.5f) != cudaSuccess)
    return 1;
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  cudaFree(d);
  for (int i = 0; i < n; ++i)
    if (h[i] != i) {
      printf("FAIL: h[%d] = %f\n", i, h[i]);
      return 1;
    }
  printf("PASS: header pair\n");
  return 0;
}
