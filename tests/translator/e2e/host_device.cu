// __host__ __device__ functions whose two nvcc copies differ by #ifdef __CUDA_ARCH__ behave as
// each copy would: the device branch inside kernels, the host branch on the host.
#include <cstdio>
#include <cuda_runtime.h>

__host__ __device__ int side() {
#ifdef __CUDA_ARCH__
  return 1;
#else
  return 2;
#endif
}

static int hostLogs = 0;

__host__ __device__ void note(int *counter) {
  *counter += 1;
#ifndef __CUDA_ARCH__
  ++hostLogs; // only the host copy has this
#endif
}

__global__ void kernel(int *out) {
  out[threadIdx.x] = side();
  note(&out[32 + threadIdx.x]);
}

int main() {
  int *d = nullptr, h[64] = {};
  cudaMalloc(&d, sizeof h);
  cudaMemset(d, 0, sizeof h);
  kernel<<<1, 32>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int counter = 0;
  note(&counter);
  bool ok = side() == 2 && counter == 1 && hostLogs == 1;
  for (int i = 0; i < 32; ++i)
    ok = ok && h[i] == 1 && h[32 + i] == 1;
  cudaFree(d);
  printf(ok ? "PASS\n" : "FAIL: side()=%d counter=%d hostLogs=%d h[0]=%d h[32]=%d\n", side(),
         counter, hostLogs, h[0], h[32]);
  return ok ? 0 : 1;
}
