// Bitonic sort of (key, value) pairs, shared-memory + global merge phases.
//
// 1. bitonicSortShared: every block sorts a SHARED_SIZE chunk in shared
//    memory, ascending for even chunks and descending for odd ones, so that
//    neighbouring chunks form bitonic sequences.
// 2. For each larger sequence size, bitonicMergeGlobal does the compare/swap
//    steps whose stride is too large for one block (one launch per stride),
//    then bitonicMergeShared finishes all strides < SHARED_SIZE in shared
//    memory in one launch.
// The array is padded with 0xFFFFFFFF keys up to a power of two (keys are
// < 2^31, so padding sorts to the end). Values carry the original index; the
// result is checked against std::sort and for being a permutation.
//
// CUDA features: __shared__ arrays, __syncthreads inside nested loops, many
// dependent launches from a host loop, unsigned bit tricks for pair indices,
// __device__ __forceinline__ helper, cudaEvent timing.
//
// Usage: bitonic_sort [n]   (default 60000 keys, padded to 65536)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define SHARED_SIZE 1024            // elements sorted per block in shared memory
#define SHARED_THREADS (SHARED_SIZE / 2)  // one thread per compared pair
#define PAD_KEY 0xFFFFFFFFu

__device__ __forceinline__ void compareSwap(unsigned &keyA, unsigned &valA,
                                            unsigned &keyB, unsigned &valB,
                                            bool ascending) {
  if ((keyA > keyB) == ascending) {
    unsigned t = keyA; keyA = keyB; keyB = t;
    t = valA; valA = valB; valB = t;
  }
}

__global__ void bitonicSortShared(unsigned *keys, unsigned *vals) {
  __shared__ unsigned sk[SHARED_SIZE];
  __shared__ unsigned sv[SHARED_SIZE];
  unsigned base = blockIdx.x * SHARED_SIZE;
  unsigned t = threadIdx.x;
  sk[t] = keys[base + t];
  sv[t] = vals[base + t];
  sk[t + SHARED_THREADS] = keys[base + t + SHARED_THREADS];
  sv[t + SHARED_THREADS] = vals[base + t + SHARED_THREADS];

  const bool blockAscending = (blockIdx.x & 1) == 0;
  for (unsigned size = 2; size <= SHARED_SIZE; size <<= 1) {
    // direction of the run this pair belongs to: alternate between runs
    bool ascending = blockAscending ^ ((t & (size / 2)) != 0);
    for (unsigned stride = size / 2; stride > 0; stride >>= 1) {
      __syncthreads();
      unsigned pos = 2 * t - (t & (stride - 1));
      compareSwap(sk[pos], sv[pos], sk[pos + stride], sv[pos + stride], ascending);
    }
  }
  __syncthreads();
  keys[base + t] = sk[t];
  vals[base + t] = sv[t];
  keys[base + t + SHARED_THREADS] = sk[t + SHARED_THREADS];
  vals[base + t + SHARED_THREADS] = sv[t + SHARED_THREADS];
}

// One compare/swap step with a stride >= SHARED_SIZE, for bitonic runs of
// length `size`.
__global__ void bitonicMergeGlobal(unsigned *keys, unsigned *vals, unsigned n,
                                   unsigned size, unsigned stride) {
  unsigned t = blockIdx.x * blockDim.x + threadIdx.x;  // pair index
  if (t >= n / 2) return;
  unsigned pos = 2 * t - (t & (stride - 1));
  bool ascending = (pos & size) == 0;
  unsigned ka = keys[pos], kb = keys[pos + stride];
  if ((ka > kb) == ascending) {
    keys[pos] = kb;
    keys[pos + stride] = ka;
    unsigned va = vals[pos];
    vals[pos] = vals[pos + stride];
    vals[pos + stride] = va;
  }
}

// All remaining steps (stride SHARED_SIZE/2 .. 1) for runs of length `size`
// (size > SHARED_SIZE, so a whole chunk shares one direction).
__global__ void bitonicMergeShared(unsigned *keys, unsigned *vals, unsigned size) {
  __shared__ unsigned sk[SHARED_SIZE];
  __shared__ unsigned sv[SHARED_SIZE];
  unsigned base = blockIdx.x * SHARED_SIZE;
  unsigned t = threadIdx.x;
  sk[t] = keys[base + t];
  sv[t] = vals[base + t];
  sk[t + SHARED_THREADS] = keys[base + t + SHARED_THREADS];
  sv[t + SHARED_THREADS] = vals[base + t + SHARED_THREADS];

  const bool ascending = (base & size) == 0;
  for (unsigned stride = SHARED_SIZE / 2; stride > 0; stride >>= 1) {
    __syncthreads();
    unsigned pos = 2 * t - (t & (stride - 1));
    compareSwap(sk[pos], sv[pos], sk[pos + stride], sv[pos + stride], ascending);
  }
  __syncthreads();
  keys[base + t] = sk[t];
  vals[base + t] = sv[t];
  keys[base + t + SHARED_THREADS] = sk[t + SHARED_THREADS];
  vals[base + t + SHARED_THREADS] = sv[t + SHARED_THREADS];
}

// Sorts N (a power of two, >= SHARED_SIZE) pairs in place, ascending by key.
static void bitonicSort(unsigned *d_keys, unsigned *d_vals, unsigned N) {
  unsigned chunks = N / SHARED_SIZE;
  bitonicSortShared<<<chunks, SHARED_THREADS>>>(d_keys, d_vals);
  CHECK(cudaGetLastError());
  const unsigned threads = 256;
  unsigned pairBlocks = (N / 2 + threads - 1) / threads;
  for (unsigned size = 2 * SHARED_SIZE; size <= N; size <<= 1) {
    for (unsigned stride = size / 2; stride >= SHARED_SIZE; stride >>= 1) {
      bitonicMergeGlobal<<<pairBlocks, threads>>>(d_keys, d_vals, N, size, stride);
      CHECK(cudaGetLastError());
    }
    bitonicMergeShared<<<chunks, SHARED_THREADS>>>(d_keys, d_vals, size);
    CHECK(cudaGetLastError());
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 60000;
  if (n <= 0 || n > (1 << 30)) {
    fprintf(stderr, "usage: %s [0 < n <= 2^30]\n", argv[0]);
    return EXIT_FAILURE;
  }
  unsigned N = SHARED_SIZE;
  while (N < static_cast<unsigned>(n)) N <<= 1;

  std::vector<unsigned> keys(N, PAD_KEY), vals(N);
  unsigned seed = 2718281u;
  for (unsigned i = 0; i < N; ++i) {
    vals[i] = i;
    if (i < static_cast<unsigned>(n)) {
      seed = seed * 1664525u + 1013904223u;
      keys[i] = (seed >> 1) % 100000u;  // < 2^31, with many duplicates
    }
  }
  std::vector<unsigned> origKeys(keys.begin(), keys.begin() + n);
  std::vector<unsigned> sorted = origKeys;
  std::sort(sorted.begin(), sorted.end());

  unsigned *d_keys, *d_vals;
  CHECK(cudaMalloc(&d_keys, N * sizeof(unsigned)));
  CHECK(cudaMalloc(&d_vals, N * sizeof(unsigned)));
  CHECK(cudaMemcpy(d_keys, keys.data(), N * sizeof(unsigned), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(d_vals, vals.data(), N * sizeof(unsigned), cudaMemcpyHostToDevice));

  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaEventRecord(start));
  bitonicSort(d_keys, d_vals, N);
  CHECK(cudaEventRecord(stop));
  CHECK(cudaEventSynchronize(stop));
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));

  CHECK(cudaMemcpy(keys.data(), d_keys, N * sizeof(unsigned), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(vals.data(), d_vals, N * sizeof(unsigned), cudaMemcpyDeviceToHost));

  int errors = 0;
  std::vector<char> seen(n, 0);
  for (int i = 0; i < n; ++i) {
    bool ok = keys[i] == sorted[i] && vals[i] < static_cast<unsigned>(n) &&
              !seen[vals[i]] && origKeys[vals[i]] == keys[i];
    if (ok) seen[vals[i]] = 1;
    if (!ok) {
      if (errors < 5)
        fprintf(stderr, "mismatch at %d: key %u (expected %u), value %u\n", i,
                keys[i], sorted[i], vals[i]);
      ++errors;
    }
  }
  for (unsigned i = n; i < N; ++i)
    if (keys[i] != PAD_KEY) ++errors;

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(d_keys));
  CHECK(cudaFree(d_vals));

  printf("bitonic_sort: n=%d (padded to %u), %.3f ms, %d errors\n", n, N, ms, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
