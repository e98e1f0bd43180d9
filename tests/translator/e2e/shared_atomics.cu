// Atomics on __shared__ memory (plain read-modify-writes after translation) from every thread
// of many blocks, merged with global atomics: the results must be what any interleaving gives.
#include <cstdio>
#include <cuda_runtime.h>

#define BINS 64
#define BLOCK 128
#define GRID 24

struct Summary {
  int minimum, maximum;
  float weight;
  unsigned wrapped, claimed;
};

__global__ void histogram(const unsigned *data, int n, unsigned *hist, Summary *out) {
  __shared__ unsigned bins[BINS];
  __shared__ Summary s;
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    bins[b] = 0;
  if (threadIdx.x == 0) {
    s.minimum = 1 << 30;
    s.maximum = -1;
    s.weight = 0.0f;
    s.wrapped = 0;
    s.claimed = 0;
  }
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    unsigned v = data[i];
    atomicAdd(&bins[v % BINS], 1u);
    atomicMin(&s.minimum, (int)v);
    atomicMax(&s.maximum, (int)v);
    atomicAdd(&s.weight, 0.25f);
    atomicInc(&s.wrapped, 9u); // counts modulo 10
  }
  atomicCAS(&s.claimed, 0u, threadIdx.x + 1); // exactly one thread claims
  __syncthreads();
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    atomicAdd(&hist[b], bins[b]);
  if (threadIdx.x == 0) {
    atomicMin(&out->minimum, s.minimum);
    atomicMax(&out->maximum, s.maximum);
    atomicAdd(&out->weight, s.weight);
    atomicAdd(&out->wrapped, s.wrapped);
    atomicAdd(&out->claimed, s.claimed != 0 && s.claimed <= BLOCK ? 1u : 1000u);
  }
}

int main() {
  const int n = 100003;
  unsigned *h = new unsigned[n];
  unsigned want[BINS] = {};
  int lo = 1 << 30, hi = -1;
  for (int i = 0; i < n; ++i) {
    h[i] = (unsigned)((i * 2654435761u) >> 7) % 5000u;
    ++want[h[i] % BINS];
    lo = h[i] < (unsigned)lo ? (int)h[i] : lo;
    hi = (int)h[i] > hi ? (int)h[i] : hi;
  }
  // Each block's share of the grid-stride loop, for the wrapped counters.
  unsigned wantWrapped = 0;
  for (int b = 0; b < GRID; ++b) {
    unsigned count = 0;
    for (int t = 0; t < BLOCK; ++t)
      for (int i = b * BLOCK + t; i < n; i += BLOCK * GRID)
        ++count;
    wantWrapped += count % 10;
  }
  unsigned *dData, *dHist;
  Summary *dOut, init = {1 << 30, -1, 0.0f, 0, 0}, got;
  cudaMalloc(&dData, n * sizeof(unsigned));
  cudaMalloc(&dHist, BINS * sizeof(unsigned));
  cudaMalloc(&dOut, sizeof(Summary));
  cudaMemcpy(dData, h, n * sizeof(unsigned), cudaMemcpyHostToDevice);
  cudaMemset(dHist, 0, BINS * sizeof(unsigned));
  cudaMemcpy(dOut, &init, sizeof init, cudaMemcpyHostToDevice);
  histogram<<<GRID, BLOCK>>>(dData, n, dHist, dOut);
  unsigned hist[BINS];
  cudaMemcpy(hist, dHist, sizeof hist, cudaMemcpyDeviceToHost);
  cudaMemcpy(&got, dOut, sizeof got, cudaMemcpyDeviceToHost);
  int failures = 0;
  for (int b = 0; b < BINS; ++b)
    if (hist[b] != want[b]) {
      printf("FAIL bin %d: %u, want %u\n", b, hist[b], want[b]);
      ++failures;
    }
  if (got.minimum != lo || got.maximum != hi || got.weight != 0.25f * n ||
      got.wrapped != wantWrapped || got.claimed != GRID) {
    printf("FAIL summary: %d %d %g %u %u\n", got.minimum, got.maximum, got.weight, got.wrapped,
           got.claimed);
    ++failures;
  }
  if (cudaDeviceSynchronize() != cudaSuccess)
    ++failures;
  printf(failures ? "FAIL (%d)\n" : "PASS\n", failures);
  delete[] h;
  return failures ? 1 : 0;
}
