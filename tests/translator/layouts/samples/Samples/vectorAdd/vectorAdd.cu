// vectorAdd: one .cu, the shared helpers reached through -I ../../Common.
#include <cuda_runtime.h>
#include <helper_cuda.h>
#include <vector>

__global__ void vectorAdd(const float *a, const float *b, float *c, int n) {
  int i = blockDim.x * blockIdx.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

int main(int argc, char **argv) {
  findCudaDevice(argc, (const char **)argv);
  const int n = 50000;
  std::vector<float> a(n), b(n), c(n);
  for (int i = 0; i < n; ++i) {
    a[i] = i * 0.5f;
    b[i] = i * 0.25f;
  }
  float *da, *db, *dc;
  size_t bytes = n * sizeof(float);
  checkCudaErrors(cudaMalloc((void **)&da, bytes));
  checkCudaErrors(cudaMalloc((void **)&db, bytes));
  checkCudaErrors(cudaMalloc((void **)&dc, bytes));
  checkCudaErrors(cudaMemcpy(da, a.data(), bytes, cudaMemcpyHostToDevice));
  checkCudaErrors(cudaMemcpy(db, b.data(), bytes, cudaMemcpyHostToDevice));
  int threads = 256, blocks = (n + threads - 1) / threads;
  vectorAdd<<<blocks, threads>>>(da, db, dc, n);
  getLastCudaError("vectorAdd launch failed");
  checkCudaErrors(cudaMemcpy(c.data(), dc, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (c[i] != a[i] + b[i]) {
      printf("FAIL: c[%d] = %f\n", i, c[i]);
      return 1;
    }
  checkCudaErrors(cudaFree(da));
  checkCudaErrors(cudaFree(db));
  checkCudaErrors(cudaFree(dc));
#ifndef SAMPLE_HAVE_CUDA11
  printf("FAIL: CUDART_VERSION not seen\n");
  return 1;
#endif
  printf("PASS: vectorAdd\n");
  return 0;
}
