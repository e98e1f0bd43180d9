#include "saxpy.h"

__global__ void saxpy(float a, const float *__restrict__ x, float *__restrict__ y, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

cudaError_t launchSaxpy(float a, const float *x, float *y, int n, cudaStream_t stream) {
  int blocks = (n + 255) / 256;
  if (blocks > 1024) blocks = 1024;
  saxpy<<<blocks, 256, 0, stream>>>(a, x, y, n);
  return cudaGetLastError();
}
