#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#define CHECK(call) do { cudaError_t e_ = (call); if (e_ != cudaSuccess) { printf("FAIL %s at %d\n", cudaGetErrorString(e_), __LINE__); exit(1); } } while (0)
#define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)
__global__ void iota(int *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = i;
}
int main() {
  int *d, h[100];
  CHECK(cudaMalloc(&d, sizeof h));
  CHECK((iota<<<1, 64>>>(d, 64), cudaGetLastError()));
  LAUNCH(iota, 1, 100, d, 100);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  CHECK(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 100; ++i)
    if (h[i] != i) { printf("FAIL at %d\n", i); return 1; }
  CHECK(cudaFree(d));
  printf("PASS\n");
  return 0;
}
