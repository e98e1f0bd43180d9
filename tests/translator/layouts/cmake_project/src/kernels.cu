#include "saxpy.cuh"
__global__ void saxpy_kernel(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = saxpy_op(a, x[i], y[i]);
}
cudaError_t saxpy(float a, const float *x, float *y, int n) {
  saxpy_kernel<<<(n + 255) / 256, 256>>>(a, x, y, n);
  return cudaGetLastError();
}
