// Constructs real code uses that used to give invalid C++: static __shared__, default kernel
// arguments, locals named like the cost counters' terms, spaced chevrons, launches in macros,
// stream callbacks declared CUDART_CB.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void reverse(float *x) {
  static __shared__ float tile[32];
  tile[threadIdx.x] = x[threadIdx.x];
  __syncthreads();
  x[threadIdx.x] = tile[31 - threadIdx.x];
}
__global__ void scale(float *a, int n = 3, float m = 2.0f) { a[threadIdx.x] = n * m; }
__device__ float shared(float v) { return v * 2; }
__global__ void names(float *a) {
  float fp32 = 1, gread = 2;
  a[threadIdx.x] = shared(fp32) + gread;
}
static void CUDART_CB onDone(cudaStream_t, cudaError_t status, void *data) {
  *static_cast<int *>(data) = status == cudaSuccess ? 1 : -1;
}
#define LAUNCH(kern, g, b, ...) kern<<<g, b>>>(__VA_ARGS__)
#define CHECK(call) do { if ((call) != cudaSuccess) { printf("FAIL: %s\n", #call); return 1; } } while (0)

int main() {
  float *x;
  CHECK(cudaMallocManaged(&x, 32 * sizeof(float)));
  for (int i = 0; i < 32; ++i) x[i] = i;
  reverse<< <1, 32>> >(x);
  CHECK(cudaDeviceSynchronize());
  int ok = 1;
  for (int i = 0; i < 32; ++i) ok &= x[i] == 31 - i;
  LAUNCH(scale, 1, 4, x);
  CHECK(cudaDeviceSynchronize());
  ok &= x[0] == 6.0f && x[3] == 6.0f && x[4] == 27.0f;
  scale<<<1, 2>>>(x, 5);
  CHECK(cudaDeviceSynchronize());
  ok &= x[1] == 10.0f;
  names<<<1, 4>>>(x);
  CHECK(cudaDeviceSynchronize());
  ok &= x[3] == 4.0f;
  int called = 0;
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaStreamAddCallback(s, onDone, &called, 0));
  CHECK(cudaStreamSynchronize(s));
  CHECK(cudaStreamDestroy(s));
  ok &= called == 1;
  printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
