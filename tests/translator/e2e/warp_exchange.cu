// Warp operations of block-level statements, run as exchanges between barrier regions with no
// fiber (tests/translator/warp/exchange.cu shows the form): shuffles of every kind and width,
// votes and reductions, a template kernel, __syncwarp, a partial last warp, threads that exited
// before the exchange, and a shuffle under a branch (planned again on fibers). Each result is
// checked against a host model of CUDA's warp semantics.
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

// Inclusive warp scan: a declaration that shuffles, then an if on the lane.
__global__ void scanUp(const int *in, int *out) {
  int lane = threadIdx.x % 32;
  int v = in[threadIdx.x];
  for (int o = 1; o < 32; o <<= 1) {
    int n = __shfl_up_sync(FULL, v, o);
    if (lane >= o)
      v += n;
  }
  out[threadIdx.x] = v;
}

// Segments of 8 lanes, the loop body a statement with no braces.
__global__ void downWidth8(const int *in, int *out) {
  int v = in[threadIdx.x];
  for (int o = 4; o > 0; o /= 2)
    v += __shfl_down_sync(FULL, v, o, 8);
  out[threadIdx.x] = v;
}

// Two exchange statements in a row, and two shuffles in one statement.
__global__ void broadcastXor(const float *in, float *out) {
  float v = in[threadIdx.x];
  float b = __shfl_sync(FULL, v, 3);
  float x = __shfl_xor_sync(FULL, v, 5) - 2.0f * __shfl_xor_sync(FULL, v, 1);
  out[threadIdx.x] = b * 1000.0f + x;
}

__global__ void votes(const int *in, unsigned *out) {
  int t = threadIdx.x;
  unsigned ballot = __ballot_sync(FULL, in[t] % 3 == 0);
  int any = __any_sync(FULL, in[t] > 90);
  int all = __all_sync(FULL, in[t] >= 0);
  int sum = __reduce_add_sync(FULL, in[t]);
  unsigned high = __reduce_max_sync(FULL, static_cast<unsigned>(in[t]));
  out[5 * t] = ballot;
  out[5 * t + 1] = any;
  out[5 * t + 2] = all;
  out[5 * t + 3] = sum;
  out[5 * t + 4] = high;
}

template <typename T> __global__ void warpSumT(const T *in, T *out) {
  T v = in[threadIdx.x];
  for (int o = 16; o > 0; o >>= 1)
    v += __shfl_xor_sync(FULL, v, o);
  out[threadIdx.x] = v;
}

// Lanes exchange through shared memory across __syncwarp().
__global__ void swapPairs(const int *in, int *out) {
  __shared__ int s[64];
  s[threadIdx.x] = in[threadIdx.x];
  __syncwarp();
  out[threadIdx.x] = s[threadIdx.x ^ 1];
}

// The statement stores where a later lane's operand was: each lane exchanges the operand as it
// was at the shuffle (lane 31, whose source is outside the warp, gets its own).
__global__ void storeAfter(const int *in, int *out) {
  __shared__ int s[33];
  s[threadIdx.x] = in[threadIdx.x];
  __syncthreads();
  s[threadIdx.x + 1] = 2 * __shfl_down_sync(FULL, s[threadIdx.x], 1);
  __syncthreads();
  out[threadIdx.x] = s[threadIdx.x + 1];
}

// Threads past n return first; the mask names the lanes that remain.
__global__ void afterExit(const int *in, int *out, int n) {
  int t = threadIdx.x;
  if (t >= n)
    return;
  int base = t - t % 32, left = n - base;
  unsigned mask = left >= 32 ? FULL : (1u << left) - 1u;
  int v = in[t];
  v += __shfl_down_sync(mask, v, 1);
  out[t] = v;
}

// A shuffle under a branch the warps take apart (not the last statement): fibers, same result.
__global__ void branchy(const int *in, int *out) {
  int v = in[threadIdx.x];
  if (threadIdx.x < 32)
    v = __shfl_down_sync(FULL, v, 2);
  out[threadIdx.x] = v + 1;
}

// The host model: lane l of a warp of `present` lanes, source lane s readable when in the mask
// and present.
static int failures = 0;
template <class T> static void expect(const char *what, int i, T got, T want) {
  if (got != want && failures++ < 10)
    std::printf("FAIL %s[%d]: %lld, expected %lld\n", what, i, static_cast<long long>(got),
                static_cast<long long>(want));
}

template <class T> static T *deviceCopy(const std::vector<T> &v) {
  T *d = nullptr;
  CHECK(cudaMalloc(&d, v.size() * sizeof(T)));
  CHECK(cudaMemcpy(d, v.data(), v.size() * sizeof(T), cudaMemcpyHostToDevice));
  return d;
}
template <class T> static std::vector<T> hostCopy(const T *d, size_t n) {
  std::vector<T> v(n);
  CHECK(cudaMemcpy(v.data(), d, n * sizeof(T), cudaMemcpyDeviceToHost));
  return v;
}

int main() {
  std::vector<int> in(64);
  for (int i = 0; i < 64; ++i)
    in[i] = (i * 37 + 11) % 101;
  int *dIn = deviceCopy(in), *dOut = nullptr;
  CHECK(cudaMalloc(&dOut, 64 * sizeof(int)));

  { // 48 threads: the second warp has 16 lanes
    scanUp<<<1, 48>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 48);
    for (int t = 0; t < 48; ++t) {
      int want = 0;
      for (int s = t - t % 32; s <= t; ++s)
        want += in[s];
      expect("scanUp", t, got[t], want);
    }
  }
  { // 48 threads again, width 8: a source outside the segment returns the caller's own value
    downWidth8<<<1, 48>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 48), v(in.begin(), in.begin() + 48);
    for (int o = 4; o > 0; o /= 2) {
      std::vector<int> next(48);
      for (int t = 0; t < 48; ++t)
        next[t] = v[t] + (t % 8 + o < 8 ? v[t + o] : v[t]);
      v = next;
    }
    for (int t = 0; t < 48; ++t)
      expect("downWidth8", t, got[t], v[t]);
  }
  { // 64 threads
    std::vector<float> inF(in.begin(), in.end());
    float *dInF = deviceCopy(inF), *dOutF = nullptr;
    CHECK(cudaMalloc(&dOutF, 64 * sizeof(float)));
    broadcastXor<<<1, 64>>>(dInF, dOutF);
    CHECK(cudaGetLastError());
    std::vector<float> got = hostCopy(dOutF, 64);
    for (int t = 0; t < 64; ++t) {
      const int base = t - t % 32, lane = t % 32;
      const float want = inF[base + 3] * 1000.0f + inF[base + (lane ^ 5)] -
                         2.0f * inF[base + (lane ^ 1)];
      expect("broadcastXor", t, static_cast<long long>(got[t]), static_cast<long long>(want));
    }
    // The template, in float and in double: a butterfly leaves every lane the warp's sum.
    warpSumT<<<1, 64>>>(dInF, dOutF);
    CHECK(cudaGetLastError());
    got = hostCopy(dOutF, 64);
    std::vector<double> inD(in.begin(), in.end());
    double *dInD = deviceCopy(inD), *dOutD = nullptr;
    CHECK(cudaMalloc(&dOutD, 64 * sizeof(double)));
    warpSumT<<<1, 64>>>(dInD, dOutD);
    CHECK(cudaGetLastError());
    std::vector<double> gotD = hostCopy(dOutD, 64);
    for (int t = 0; t < 64; ++t) {
      long long want = 0;
      for (int s = t - t % 32; s < t - t % 32 + 32; ++s)
        want += in[s];
      expect("warpSumT<float>", t, static_cast<long long>(got[t]), want);
      expect("warpSumT<double>", t, static_cast<long long>(gotD[t]), want);
    }
    CHECK(cudaFree(dInF));
    CHECK(cudaFree(dOutF));
    CHECK(cudaFree(dInD));
    CHECK(cudaFree(dOutD));
  }
  { // 40 threads: votes and reductions over a full warp and one of 8 lanes
    unsigned *dVotes = nullptr;
    CHECK(cudaMalloc(&dVotes, 5 * 40 * sizeof(unsigned)));
    votes<<<1, 40>>>(dIn, dVotes);
    CHECK(cudaGetLastError());
    std::vector<unsigned> got = hostCopy(dVotes, 5 * 40);
    for (int t = 0; t < 40; ++t) {
      const int base = t - t % 32, end = base + 32 < 40 ? base + 32 : 40;
      unsigned ballot = 0, any = 0, all = 1, sum = 0, high = 0;
      for (int s = base; s < end; ++s) {
        ballot |= (in[s] % 3 == 0 ? 1u : 0u) << (s - base);
        any |= in[s] > 90 ? 1u : 0u;
        all &= in[s] >= 0 ? 1u : 0u;
        sum += static_cast<unsigned>(in[s]);
        high = static_cast<unsigned>(in[s]) > high ? static_cast<unsigned>(in[s]) : high;
      }
      expect("ballot", t, got[5 * t], ballot);
      expect("any", t, got[5 * t + 1], any);
      expect("all", t, got[5 * t + 2], all);
      expect("reduce_add", t, got[5 * t + 3], sum);
      expect("reduce_max", t, got[5 * t + 4], high);
    }
    CHECK(cudaFree(dVotes));
  }
  { // 64 threads
    swapPairs<<<1, 64>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 64);
    for (int t = 0; t < 64; ++t)
      expect("swapPairs", t, got[t], in[t ^ 1]);
  }
  { // one warp
    storeAfter<<<1, 32>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 32);
    for (int t = 0; t < 32; ++t)
      expect("storeAfter", t, got[t], 2 * in[t < 31 ? t + 1 : t]);
  }
  { // 64 threads, 45 stay
    CHECK(cudaMemset(dOut, 0, 64 * sizeof(int)));
    afterExit<<<1, 64>>>(dIn, dOut, 45);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 64);
    for (int t = 0; t < 64; ++t)
      expect("afterExit", t, got[t], t >= 45 ? 0 : in[t] + (t % 32 < 31 && t + 1 < 45 ? in[t + 1] : in[t]));
  }
  { // 64 threads
    branchy<<<1, 64>>>(dIn, dOut);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dOut, 64);
    for (int t = 0; t < 64; ++t)
      expect("branchy", t, got[t], 1 + (t < 32 ? in[t + 2 < 32 ? t + 2 : t] : in[t]));
  }
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  if (failures != 0)
    return 1;
  std::printf("PASS\n");
  return 0;
}
