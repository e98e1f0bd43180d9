// Device functions that synchronise, called by whole statements at block level, run in the
// caller's barrier regions through their block-level copies (tests/translator/kernel/
// block_calls.cu shows the form): warp reductions by shuffles, a template, a block reduction
// whose callee calls another with __syncthreads between, a void callee, a call in a loop,
// threads that exited before the call, and callees that do not qualify (fibers, same results).
// Each result is checked against the host.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define FULL 0xffffffffu
#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t e = (call);                                                                        \
    if (e != cudaSuccess) {                                                                        \
      std::printf("FAIL %s: %s\n", #call, cudaGetErrorString(e));                                  \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

__inline__ __device__ int warpSumDown(int v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down_sync(FULL, v, offset);
  return v;
}

template <typename T> __device__ T warpSumXor(T v) {
#pragma unroll
  for (int mask = 16; mask > 0; mask >>= 1)
    v += __shfl_xor_sync(FULL, v, mask);
  return v;
}

// Calls another block-level callee, with barriers of its own between.
__device__ int blockSum(int v) {
  __shared__ int partial[32];
  int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  v = warpSumDown(v);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = threadIdx.x < blockDim.x / 32 ? partial[lane] : 0;
  v = warpSumDown(v);
  __syncthreads(); // partial is free again for the next call
  return v;
}

// A void callee with a barrier: neighbours swap through shared memory.
__device__ void swapNeighbours(int *s, int t) {
  int other = s[t ^ 1];
  __syncthreads();
  s[t] = other;
  __syncthreads();
}

// Not a block-level callee: a return before the end, a parameter in its loop's control.
__device__ int earlyOut(int v, int n) {
  if (n == 0)
    return v;
  return __shfl_xor_sync(FULL, v, 1) + n;
}
__device__ int widthSum(int v, int width) {
  for (int o = width / 2; o > 0; o /= 2)
    v += __shfl_xor_sync(FULL, v, o, width);
  return v;
}

__global__ void sums(const int *in, int *out, int n) {
  int t = threadIdx.x;
  int v = 0;
  for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x)
    v += in[i];
  int warpTotal = warpSumDown(v);           // a declaration
  float asFloat = warpSumXor<float>((float)v); // explicit template argument
  double asDouble = warpSumXor((double)v);  // deduced
  int block = blockSum(v);
  int looped = v;
  for (int r = 0; r < 3; ++r)
    looped = warpSumDown(looped);
  int early = earlyOut(v, 2);
  int width = widthSum(v, 8);
  const int g = blockIdx.x * blockDim.x + t, stride = blockDim.x * gridDim.x;
  out[g] = warpTotal;
  out[stride + g] = (int)asFloat;
  out[2 * stride + g] = (int)asDouble;
  out[3 * stride + g] = block;
  out[4 * stride + g] = looped;
  out[5 * stride + g] = early;
  out[6 * stride + g] = width;
}

__global__ void swaps(int *data) {
  __shared__ int s[64];
  s[threadIdx.x] = data[threadIdx.x];
  __syncthreads();
  swapNeighbours(s, threadIdx.x);
  data[threadIdx.x] = s[threadIdx.x] * 10;
}

// Threads past n exit before the call: they take no part, as on a GPU's exited lanes.
__global__ void afterExit(const int *in, int *out, int n) {
  if (threadIdx.x >= n)
    return;
  int v = in[threadIdx.x];
  v = warpSumDown(v);
  out[threadIdx.x] = v;
}

static int failures = 0;
static void expect(const char *what, int i, long long got, long long want) {
  if (got != want && failures++ < 10)
    std::printf("FAIL %s[%d]: %lld, expected %lld\n", what, i, got, want);
}

// warpSumDown's result for lane l of a warp whose lanes hold v[0..present): each step adds the
// value `offset` lanes up when that lane is in the warp, else the lane's own.
static std::vector<long long> downSums(std::vector<long long> v, int present) {
  for (int offset = 16; offset > 0; offset /= 2) {
    std::vector<long long> next(v);
    for (int l = 0; l < present; ++l)
      next[l] = v[l] + (l + offset < present ? v[l + offset] : v[l]);
    v = next;
  }
  return v;
}

int main() {
  const int n = 5000, blocks = 4, threads = 128, total = blocks * threads;
  std::vector<int> in(n);
  for (int i = 0; i < n; ++i)
    in[i] = (i * 37 + 11) % 101 - 50;
  int *dIn = nullptr, *dOut = nullptr;
  CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK(cudaMalloc(&dOut, 7 * total * sizeof(int)));
  CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  sums<<<blocks, threads>>>(dIn, dOut, n);
  CHECK(cudaGetLastError());
  std::vector<int> got(7 * total);
  CHECK(cudaMemcpy(got.data(), dOut, got.size() * sizeof(int), cudaMemcpyDeviceToHost));

  std::vector<long long> v(total, 0);
  for (int i = 0; i < n; ++i)
    v[i % total] += in[i];
  for (int b = 0; b < blocks; ++b) {
    long long blockTotal = 0;
    for (int t = 0; t < threads; ++t)
      blockTotal += v[b * threads + t];
    for (int w = 0; w < threads / 32; ++w) {
      const int base = b * threads + w * 32;
      std::vector<long long> lanes(v.begin() + base, v.begin() + base + 32);
      std::vector<long long> once = downSums(lanes, 32), thrice = downSums(downSums(once, 32), 32);
      long long warpTotal = 0;
      for (long long x : lanes)
        warpTotal += x;
      // blockSum: the second warp reduction, over the per-warp totals in lanes 0..3 of warp 0
      // (0 in every other lane).
      std::vector<long long> partial(32, 0);
      for (int k = 0; k < threads / 32; ++k)
        for (int l = 0; l < 32; ++l)
          partial[k] += v[b * threads + k * 32 + l];
      std::vector<long long> blockLanes = downSums(partial, 32);
      for (int l = 0; l < 32; ++l) {
        const int g = base + l;
        expect("warpTotal", g, got[g], once[l]);
        expect("asFloat", g, got[total + g], warpTotal);
        expect("asDouble", g, got[2 * total + g], warpTotal);
        expect("block", g, got[3 * total + g], w == 0 ? blockLanes[l] : 0);
        expect("looped", g, got[4 * total + g], thrice[l]);
        expect("early", g, got[5 * total + g], lanes[l ^ 1] + 2);
        long long width = 0;
        for (int k = l - l % 8; k < l - l % 8 + 8; ++k)
          width += lanes[k];
        expect("width", g, got[6 * total + g], width);
      }
    }
    expect("blockTotal", b, got[3 * total + b * threads], blockTotal);
  }

  std::vector<int> data(64);
  for (int i = 0; i < 64; ++i)
    data[i] = i * 3 + 1;
  CHECK(cudaMemcpy(dOut, data.data(), 64 * sizeof(int), cudaMemcpyHostToDevice));
  swaps<<<1, 64>>>(dOut);
  CHECK(cudaGetLastError());
  std::vector<int> swapped(64);
  CHECK(cudaMemcpy(swapped.data(), dOut, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < 64; ++i)
    expect("swaps", i, swapped[i], data[i ^ 1] * 10);

  CHECK(cudaMemset(dOut, 0, 64 * sizeof(int)));
  afterExit<<<1, 64>>>(dIn, dOut, 45);
  CHECK(cudaGetLastError());
  std::vector<int> exited(64);
  CHECK(cudaMemcpy(exited.data(), dOut, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int w = 0; w < 2; ++w) {
    const int present = w == 0 ? 32 : 45 - 32;
    std::vector<long long> lanes(32, 0);
    for (int l = 0; l < present; ++l)
      lanes[l] = in[w * 32 + l];
    std::vector<long long> want = downSums(lanes, present);
    for (int l = 0; l < 32; ++l)
      expect("afterExit", w * 32 + l, exited[w * 32 + l], l < present ? want[l] : 0);
  }

  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  if (failures != 0)
    return 1;
  std::printf("PASS\n");
  return 0;
}
