// A host file: includes the CUDA runtime and calls its API; the kernels live in kernels.cu.
#include "checksum.h"
#include "kernels.h"
#include <cuda_runtime.h>
#include <helper_cuda.h>
#include <stdio.h>

int main() {
  const int n = 1000;
  float h[n];
  for (int i = 0; i < n; ++i)
    h[i] = 1.0f;
  float *d = nullptr;
  checkCudaErrors(cudaMalloc(&d, n * sizeof(float)));
  checkCudaErrors(cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice));
  scaleOnDevice(d, 3.0f, n);
  checkCudaErrors(cudaDeviceSynchronize());
  checkCudaErrors(cudaMemcpy(h, d, n * sizeof(float), cudaMemcpyDeviceToHost));
  checkCudaErrors(cudaFree(d));
  cudaError_t bad = cudaFree((void *)0x10);
  if (bad == cudaSuccess) {
    printf("FAIL: freeing a wild pointer succeeded\n");
    return 1;
  }
  cudaGetLastError();
  double s = checksum(h, n);
  if (s != 3.0 * n) {
    printf("FAIL: checksum %f\n", s);
    return 1;
  }
  printf("PASS: hostMain (%s)\n", cudaGetErrorString(cudaSuccess));
  return 0;
}
