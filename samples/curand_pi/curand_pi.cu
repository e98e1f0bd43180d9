// Monte Carlo estimate of pi with cuRAND's device API: every thread owns a Philox4x32-10 state
// initialised with curand_init(seed, tid, 0, &state) (its own subsequence), draws points in the
// unit square with curand_uniform and counts those inside the quarter circle; a shared-memory
// tree reduction and one atomicAdd per block give the total. The host recomputes every thread's
// count with its own Philox4x32-10 (Salmon et al., SC'11) and cuRAND's documented mapping of
// seed -> key and subsequence -> counter, which must agree exactly, and the estimate must be
// within five standard deviations of pi.
// Usage: curand_pi [points_per_thread]   (default 256)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <curand_kernel.h>
#include <vector>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__, cudaGetErrorName(err_),    \
              cudaGetErrorString(err_));                                                           \
      exit(EXIT_FAILURE);                                                                          \
    }                                                                                              \
  } while (0)

constexpr int kThreads = 128;

// A point is inside when u^2 + v^2 <= 1; the squares of floats are exact in double, so the test
// is the same whether or not the compiler fuses the multiply-add.
__host__ __device__ inline bool inside(float u, float v) {
  return (double)u * u + (double)v * v <= 1.0;
}

__global__ void countInside(unsigned long long seed, int points, unsigned long long *total,
                            unsigned *perThread) {
  __shared__ unsigned counts[kThreads];
  const unsigned tid = blockIdx.x * blockDim.x + threadIdx.x;
  curandStatePhilox4_32_10_t state;
  curand_init(seed, tid, 0, &state);
  unsigned hits = 0;
  for (int i = 0; i < points; ++i) {
    float u = curand_uniform(&state);
    float v = curand_uniform(&state);
    hits += inside(u, v) ? 1u : 0u;
  }
  perThread[tid] = hits;
  counts[threadIdx.x] = hits;
  __syncthreads();
  for (unsigned stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if (threadIdx.x < stride)
      counts[threadIdx.x] += counts[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    atomicAdd(total, (unsigned long long)counts[0]);
}

// ---- Host reference: Philox4x32-10 and cuRAND's use of it ----
struct Block {
  uint32_t w[4];
};

static Block philox(Block ctr, uint32_t k0, uint32_t k1) {
  for (int round = 0; round < 10; ++round) {
    const uint64_t p0 = (uint64_t)0xD2511F53u * ctr.w[0];
    const uint64_t p1 = (uint64_t)0xCD9E8D57u * ctr.w[2];
    ctr = Block{{(uint32_t)(p1 >> 32) ^ ctr.w[1] ^ k0, (uint32_t)p1,
                 (uint32_t)(p0 >> 32) ^ ctr.w[3] ^ k1, (uint32_t)p0}};
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  return ctr;
}

// Thread `tid`'s hits: key = seed, counter = (block index, 0, subsequence low, high), four
// outputs a block, each output x converted as x * 2^-32 + 2^-33.
static unsigned referenceHits(unsigned long long seed, unsigned tid, int points) {
  unsigned hits = 0;
  uint32_t block = 0;
  Block out{};
  int used = 4;
  auto next = [&]() {
    if (used == 4) {
      out = philox(Block{{block++, 0, tid, 0}}, (uint32_t)seed, (uint32_t)(seed >> 32));
      used = 0;
    }
    return out.w[used++] * 2.3283064e-10f + 2.3283064e-10f / 2.0f;
  };
  for (int i = 0; i < points; ++i) {
    float u = next();
    float v = next();
    hits += inside(u, v) ? 1u : 0u;
  }
  return hits;
}

int main(int argc, char **argv) {
  const int points = argc > 1 ? atoi(argv[1]) : 256;
  const int blocks = 64, threads = blocks * kThreads;
  const unsigned long long seed = 0x5eed2024ull;

  unsigned long long *dTotal;
  unsigned *dPerThread;
  CHECK(cudaMalloc(&dTotal, sizeof(unsigned long long)));
  CHECK(cudaMalloc(&dPerThread, threads * sizeof(unsigned)));
  CHECK(cudaMemset(dTotal, 0, sizeof(unsigned long long)));
  countInside<<<blocks, kThreads>>>(seed, points, dTotal, dPerThread);
  CHECK(cudaGetLastError());
  unsigned long long total = 0;
  std::vector<unsigned> perThread(threads);
  CHECK(cudaMemcpy(&total, dTotal, sizeof(total), cudaMemcpyDeviceToHost));
  CHECK(
      cudaMemcpy(perThread.data(), dPerThread, threads * sizeof(unsigned), cudaMemcpyDeviceToHost));

  int mismatches = 0;
  unsigned long long referenceTotal = 0;
  for (int t = 0; t < threads; ++t) {
    const unsigned expected = referenceHits(seed, t, points);
    referenceTotal += expected;
    if (perThread[t] != expected && mismatches++ < 5)
      printf("thread %d: %u hits, the host reference has %u\n", t, perThread[t], expected);
  }
  const double n = (double)threads * points;
  const double estimate = 4.0 * total / n;
  const double p = M_PI / 4, sigma = 4.0 * sqrt(p * (1 - p) / n);
  printf("pi ~ %.6f from %.0f points (|error| %.2e, sigma %.2e)\n", estimate, n,
         fabs(estimate - M_PI), sigma);
  CHECK(cudaFree(dTotal));
  CHECK(cudaFree(dPerThread));
  const bool ok = mismatches == 0 && total == referenceTotal && fabs(estimate - M_PI) < 5 * sigma;
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
