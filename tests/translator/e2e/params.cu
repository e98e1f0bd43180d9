// Every CUDA thread has its own copy of every kernel parameter: threads that move a pointer
// parameter, count an integer parameter down or write through its address must not see each
// other's changes, on the fast path, in barrier regions and on fibers.
#include <cstdio>
#include <cuda_runtime.h>

// Fast path: offset the pointer by the thread index, write the index.
__global__ void offsets(int *p, int n) {
  p += threadIdx.x;
  n -= 1;
  int *q = &n;
  *q += 2;
  *p = threadIdx.x * 100 + n;
}
// Modified inside a loop.
__global__ void countdown(int *out, int n) {
  int steps = 0;
  while (n > (int)threadIdx.x) {
    --n;
    ++steps;
  }
  out[threadIdx.x] = steps;
}
// Barrier regions: modified before, between and after barriers.
__global__ void regions(float *a, int n) {
  __shared__ float s[64];
  a += blockIdx.x * 64;
  n += threadIdx.x;
  s[threadIdx.x] = a[threadIdx.x];
  __syncthreads();
  float v = s[63 - threadIdx.x];
  n *= 2;
  __syncthreads();
  a[threadIdx.x] = v + n;
  a--;
}
// Fibers (a warp shuffle): the parameter differs per lane before the exchange.
__global__ void lanes(float *out, float v) {
  v += threadIdx.x;
  out[threadIdx.x] = __shfl_xor_sync(0xffffffffu, v, 1);
}

// A struct parameter: a member moved and an array member written per thread.
struct Window {
  int *base;
  int counts[4];
};
__global__ void window(Window w) {
  w.base += threadIdx.x;
  w.counts[threadIdx.x % 4] += static_cast<int>(threadIdx.x);
  *w.base = w.counts[threadIdx.x % 4];
}

// __restrict__ pointer parameters moved per block before a barrier: plain per-thread copies.
__global__ void restricted(float *__restrict__ dst, const float *__restrict__ src) {
  __shared__ float s[64];
  src += blockIdx.x * 64;
  dst += blockIdx.x * 64;
  s[threadIdx.x] = src[threadIdx.x];
  __syncthreads();
  dst[threadIdx.x] = s[63 - threadIdx.x];
}

int main() {
  int *p, *c;
  float *a, *o;
  cudaMallocManaged(&p, 64 * sizeof(int));
  cudaMallocManaged(&c, 64 * sizeof(int));
  cudaMallocManaged(&a, 128 * sizeof(float));
  cudaMallocManaged(&o, 64 * sizeof(float));
  int ok = 1;
  offsets<<<1, 8>>>(p, 5);
  countdown<<<1, 32>>>(c, 20);
  for (int i = 0; i < 128; ++i)
    a[i] = i;
  regions<<<2, 64>>>(a, 1);
  lanes<<<1, 32>>>(o, 0.5f);
  int *wout;
  cudaMallocManaged(&wout, 16 * sizeof(int));
  window<<<1, 16>>>(Window{wout, {100, 200, 300, 400}});
  float *rin, *rout;
  cudaMallocManaged(&rin, 128 * sizeof(float));
  cudaMallocManaged(&rout, 128 * sizeof(float));
  for (int i = 0; i < 128; ++i)
    rin[i] = i;
  restricted<<<2, 64>>>(rout, rin);
  if (cudaDeviceSynchronize() != cudaSuccess) {
    printf("FAIL: %s\n", cudaGetErrorString(cudaGetLastError()));
    return 1;
  }
  for (int i = 0; i < 8; ++i)
    ok &= p[i] == i * 100 + 6;
  for (int i = 0; i < 32; ++i)
    ok &= c[i] == (i < 20 ? 20 - i : 0);
  for (int b = 0; b < 2; ++b)
    for (int i = 0; i < 64; ++i)
      ok &= a[b * 64 + i] == (b * 64 + 63 - i) + 2 * (1 + i);
  for (int i = 0; i < 32; ++i)
    ok &= o[i] == 0.5f + (i ^ 1);
  for (int i = 0; i < 16; ++i)
    ok &= wout[i] == 100 * (i % 4 + 1) + i;
  for (int i = 0; i < 128; ++i)
    ok &= rout[i] == (i / 64) * 64 + 63 - i % 64;
  printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
