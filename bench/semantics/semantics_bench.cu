// What the kernel-semantics rules cost (issue 10), translated by cu2npu like any program and
// timed in one run on the cpu backend:
//   1. per-thread parameter copies: a triad whose kernel moves its pointer parameters
//      (`x += i;`) against the same triad computing `x[i]`, on the fast path (expected: 1.0);
//   2. warp lockstep: the classic volatile last-warp reduction (each access a lanes' meeting,
//      on fibers) against the same reduction with __shfl_down_sync (fibers) and against a
//      tree reduction all the way down (barrier regions).
// Usage: semantics_bench [elements] [repetitions]; prints medians and ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

__global__ void triadIndexed(const float *x, const float *y, float *z, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) z[i] = a * x[i] + y[i];
}
__global__ void triadMoved(const float *x, const float *y, float *z, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  x += i;
  y += i;
  z += i;
  *z = a * *x + *y;
}

__device__ void warpReduce(volatile float *s, unsigned t) {
  s[t] += s[t + 32];
  s[t] += s[t + 16];
  s[t] += s[t + 8];
  s[t] += s[t + 4];
  s[t] += s[t + 2];
  s[t] += s[t + 1];
}
__global__ void reduceVolatile(const float *in, float *out) {
  __shared__ float s[256];
  unsigned t = threadIdx.x;
  s[t] = in[blockIdx.x * 256 + t];
  __syncthreads();
  for (unsigned k = 128; k > 32; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t < 32) warpReduce(s, t);
  if (t == 0) out[blockIdx.x] = s[0];
}
__global__ void reduceShuffle(const float *in, float *out) {
  __shared__ float s[256];
  unsigned t = threadIdx.x;
  s[t] = in[blockIdx.x * 256 + t];
  __syncthreads();
  for (unsigned k = 128; k > 32; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t < 32) {
    float v = s[t] + s[t + 32];
    for (int o = 16; o > 0; o >>= 1) v += __shfl_down_sync(0xffffffffu, v, o);
    if (t == 0) out[blockIdx.x] = v;
  }
}
__global__ void reduceTree(const float *in, float *out) {
  __shared__ float s[256];
  unsigned t = threadIdx.x;
  s[t] = in[blockIdx.x * 256 + t];
  __syncthreads();
  for (unsigned k = 128; k > 0; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) out[blockIdx.x] = s[0];
}

template <class Launch> double medianMs(int reps, Launch launch) {
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    launch();
    cudaDeviceSynchronize();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1 << 22;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 15;
  const int blocks = n / 256;
  float *x, *y, *z, *out;
  cudaMallocManaged(&x, n * sizeof(float));
  cudaMallocManaged(&y, n * sizeof(float));
  cudaMallocManaged(&z, n * sizeof(float));
  cudaMallocManaged(&out, blocks * sizeof(float));
  for (int i = 0; i < n; ++i) { x[i] = i % 3; y[i] = 1; }
  double indexed = 0, moved = 0, vol = 0, shfl = 0, tree = 0;
  for (int round = 0; round < 2; ++round) { // alternate, keep the second round
    indexed = medianMs(reps, [&] { triadIndexed<<<blocks, 256>>>(x, y, z, 2.f, n); });
    moved = medianMs(reps, [&] { triadMoved<<<blocks, 256>>>(x, y, z, 2.f, n); });
    vol = medianMs(reps, [&] { reduceVolatile<<<blocks, 256>>>(x, out); });
    shfl = medianMs(reps, [&] { reduceShuffle<<<blocks, 256>>>(x, out); });
    tree = medianMs(reps, [&] { reduceTree<<<blocks, 256>>>(x, out); });
  }
  std::printf("elements %d, median of %d runs\n", n, reps);
  std::printf("triad, parameters moved per thread / indexed: %.3f ms / %.3f ms = %.2f\n", moved,
              indexed, moved / indexed);
  std::printf("last-warp reduction, volatile (lockstep) / shuffle: %.2f ms / %.2f ms = %.2f\n", vol,
              shfl, vol / shfl);
  std::printf("last-warp reduction, volatile (lockstep) / tree in barrier regions: %.2f ms / "
              "%.2f ms = %.2f\n",
              vol, tree, vol / tree);
  return 0;
}
