#include <cstdio>
#include <cuda_runtime.h>
template <int BLOCK> __global__ void block_sum(const int *in, int *out, int n) {
  __shared__ int s[BLOCK];
  int t = threadIdx.x, i = blockIdx.x * BLOCK + t;
  s[t] = i < n ? in[i] : 0;
  __syncthreads();
  for (int k = BLOCK / 2; k > 0; k /= 2) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) atomicAdd(out, s[0]);
}
__device__ int warp_total(int v) {
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffffu, v, o);
  return v;
}
__global__ void warp_sum(const int *in, int *out, int n) {
  extern __shared__ int partial[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int v = warp_total(i < n ? in[i] : 0);
  if (threadIdx.x % 32 == 0) partial[threadIdx.x / 32] = v;
  __syncthreads();
  if (threadIdx.x == 0) {
    int s = 0;
    for (int w = 0; w < blockDim.x / 32; ++w) s += partial[w];
    atomicAdd(out, s);
  }
}
int main() {
  const int n = 5000;
  int *h = new int[n];
  long long expect = 0;
  for (int i = 0; i < n; ++i) { h[i] = i % 7; expect += i % 7; }
  int *d, *r;
  cudaMalloc(&d, n * sizeof(int));
  cudaMalloc(&r, 2 * sizeof(int));
  cudaMemset(r, 0, 2 * sizeof(int));
  cudaMemcpy(d, h, n * sizeof(int), cudaMemcpyHostToDevice);
  block_sum<128><<<(n + 127) / 128, 128>>>(d, r, n);
  warp_sum<<<(n + 255) / 256, 256, 8 * sizeof(int)>>>(d, r + 1, n);
  int out[2];
  cudaMemcpy(out, r, sizeof out, cudaMemcpyDeviceToHost);
  cudaError_t e = cudaGetLastError();
  bool ok = e == cudaSuccess && out[0] == expect && out[1] == expect;
  printf(ok ? "PASS\n" : "FAIL %d %d %lld %s\n", out[0], out[1], expect, cudaGetErrorString(e));
  delete[] h;
  return ok ? 0 : 1;
}
