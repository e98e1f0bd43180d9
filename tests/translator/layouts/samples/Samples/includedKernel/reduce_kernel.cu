// A .cu that main.cu includes: a header of main.cu, not a unit of its own.
#pragma once
__global__ void sumBlock(const int *in, int *out, int n) {
  __shared__ int s[128];
  int t = threadIdx.x;
  s[t] = t < n ? in[t] : 0;
  __syncthreads();
  for (int w = 64; w > 0; w /= 2) {
    if (t < w)
      s[t] += s[t + w];
    __syncthreads();
  }
  if (t == 0)
    *out = s[0];
}
// A launcher in the included file, its chevrons spaced as nvcc allows.
inline void launchSumBlock(const int *in, int *out, int n) { sumBlock<< <1, 128>> >(in, out, n); }
