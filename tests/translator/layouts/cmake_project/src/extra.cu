#include <saxpy.cuh>
__global__ void add_one_kernel(float *y, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] += 1.0f;
}
cudaError_t add_one(float *y, int n) {
  add_one_kernel<<<4, 64>>>(y, n);
  return cudaDeviceSynchronize();
}
