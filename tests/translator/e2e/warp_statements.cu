// Statements that synchronise inside themselves (warp shuffle reductions, a callee with
// barriers, a legacy warp-synchronous callee) run on fibers, each as a region of its own, while
// the rest of the kernel runs as barrier regions: results must be CUDA's.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t e = (call);                                                                        \
    if (e != cudaSuccess) {                                                                        \
      std::printf("FAIL %s: %s\n", #call, cudaGetErrorString(e));                                  \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

__device__ int warpSum(int v) {
  for (int offset = 16; offset > 0; offset >>= 1)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  return v;
}

__device__ int warpMax(int v) {
  for (int offset = 16; offset > 0; offset >>= 1)
    v = max(v, __shfl_xor_sync(0xffffffffu, v, offset));
  return v;
}

// Block sum through shared memory, barriers inside the callee.
__device__ int blockSum(int v, int *scratch) {
  scratch[threadIdx.x] = v;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s)
      scratch[threadIdx.x] += scratch[threadIdx.x + s];
    __syncthreads();
  }
  int total = scratch[0];
  __syncthreads();
  return total;
}

// Legacy warp-synchronous tail (volatile, no syncs).
__device__ void warpTail(volatile int *s, int tid) {
  s[tid] += s[tid + 32];
  s[tid] += s[tid + 16];
  s[tid] += s[tid + 8];
  s[tid] += s[tid + 4];
  s[tid] += s[tid + 2];
  s[tid] += s[tid + 1];
}

// A grid-stride sum, warp sums through shuffles, a second shuffle level for warp 0.
__global__ void shuffleReduce(const int *in, int *total, int n) {
  __shared__ int warpSums[8];
  int lane = threadIdx.x % warpSize, warp = threadIdx.x / warpSize;
  int sum = 0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sum = warpSum(sum);
  if (lane == 0)
    warpSums[warp] = sum;
  __syncthreads();
  if (warp == 0) {
    sum = lane < blockDim.x / warpSize ? warpSums[lane] : 0;
    sum = warpSum(sum);
    if (lane == 0)
      atomicAdd(total, sum);
  }
}

// Every lane takes the warp's maximum (butterfly), threads past n leave first, a callee with
// barriers, and the legacy tail.
__global__ void mixed(const int *in, int *out, int n) {
  __shared__ int scratch[128];
  __shared__ int s[64];
  int t = threadIdx.x;
  int v = in[blockIdx.x * blockDim.x + t];
  int m = warpMax(v);
  int b = blockSum(v, scratch);
  if (t < 64)
    s[t] = v;
  __syncthreads();
  if (t < 32)
    warpTail(s, t);
  __syncthreads();
  out[blockIdx.x * blockDim.x + t] = m * 1000000 + b * 10 + (t == 0 ? s[0] % 10 : 0);
}

// The legacy tail called as a statement of its own (no `if` around it), on one-warp blocks.
__global__ void bareTail(const int *in, int *out) {
  __shared__ int s[64];
  int t = threadIdx.x;
  s[t] = in[blockIdx.x * 64 + t];
  s[t + 32] = in[blockIdx.x * 64 + t + 32];
  __syncthreads();
  warpTail(s, t);
  if (t == 0)
    out[blockIdx.x] = s[0];
}

int main() {
  int failures = 0;
  { // bareTail: 4 blocks of 32, 64 values each
    const int blocks = 4, n = blocks * 64;
    std::vector<int> in(n), out(blocks);
    for (int i = 0; i < n; ++i)
      in[i] = (i * 29) % 83 - 40;
    int *dIn = nullptr, *dOut = nullptr;
    CHECK(cudaMalloc(&dIn, n * sizeof(int)));
    CHECK(cudaMalloc(&dOut, blocks * sizeof(int)));
    CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
    bareTail<<<blocks, 32>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out.data(), dOut, blocks * sizeof(int), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b) {
      int want = 0;
      for (int i = 0; i < 64; ++i)
        want += in[b * 64 + i];
      if (out[b] != want && failures++ < 10)
        std::printf("FAIL bareTail block %d: %d, expected %d\n", b, out[b], want);
    }
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dOut));
  }
  { // shuffleReduce: 5 blocks of 256 over 20000 values
    const int n = 20000;
    std::vector<int> in(n);
    long long want = 0;
    for (int i = 0; i < n; ++i) {
      in[i] = (i * 37) % 101 - 50;
      want += in[i];
    }
    int *dIn = nullptr, *dTotal = nullptr;
    CHECK(cudaMalloc(&dIn, n * sizeof(int)));
    CHECK(cudaMalloc(&dTotal, sizeof(int)));
    CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
    CHECK(cudaMemset(dTotal, 0, sizeof(int)));
    shuffleReduce<<<5, 256>>>(dIn, dTotal, n);
    CHECK(cudaGetLastError());
    int total = 0;
    CHECK(cudaMemcpy(&total, dTotal, sizeof(int), cudaMemcpyDeviceToHost));
    if (total != want) {
      std::printf("FAIL shuffleReduce: %d, expected %lld\n", total, want);
      ++failures;
    }
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dTotal));
  }
  { // mixed: 3 blocks of 128
    const int blocks = 3, threads = 128, n = blocks * threads;
    std::vector<int> in(n), out(n);
    for (int i = 0; i < n; ++i)
      in[i] = (i * 53) % 97;
    int *dIn = nullptr, *dOut = nullptr;
    CHECK(cudaMalloc(&dIn, n * sizeof(int)));
    CHECK(cudaMalloc(&dOut, n * sizeof(int)));
    CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
    mixed<<<blocks, threads>>>(dIn, dOut, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out.data(), dOut, n * sizeof(int), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b) {
      int bsum = 0, tail = 0;
      for (int t = 0; t < threads; ++t)
        bsum += in[b * threads + t];
      for (int t = 0; t < 64; ++t)
        tail += in[b * threads + t];
      for (int t = 0; t < threads; ++t) {
        int wmax = 0;
        for (int l = t / 32 * 32; l < t / 32 * 32 + 32; ++l)
          wmax = std::max(wmax, in[b * threads + l]);
        int want = wmax * 1000000 + bsum * 10 + (t == 0 ? tail % 10 : 0);
        if (out[b * threads + t] != want && failures++ < 10)
          std::printf("FAIL mixed block %d thread %d: %d, expected %d\n", b, t,
                      out[b * threads + t], want);
      }
    }
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dOut));
  }
  std::printf(failures ? "FAIL (%d)\n" : "PASS\n", failures);
  return failures ? 1 : 0;
}
