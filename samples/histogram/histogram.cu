// 256-bin byte histogram, privatized per block.
//
// Each block first builds a private histogram in shared memory with
// shared-memory atomicAdd (cheap, low contention across blocks), then merges
// it into the global histogram with one global atomicAdd per non-empty bin.
// The input is a synthetic 8-bit "image" whose values are strongly skewed
// (a smooth gradient plus noise plus a saturated region) so that some bins are
// hot, as in real data. A naive kernel using only global atomics is also run.
// Both are compared exactly with a CPU histogram.
//
// CUDA features: __shared__ privatized bins, atomicAdd on shared and global
// unsigned ints, __syncthreads, grid-stride loops, grid size from
// cudaGetDeviceProperties (multiProcessorCount), cudaMemset, events.
//
// Usage: histogram [n]   (default 1<<21 bytes)
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

#define NUM_BINS 256
constexpr int kThreads = 256;

__global__ void histogramShared(const unsigned char *__restrict__ data, int n,
                                unsigned int *__restrict__ hist) {
  __shared__ unsigned int smem[NUM_BINS];
  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) smem[b] = 0;
  __syncthreads();

  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    atomicAdd(&smem[data[i]], 1u);
  __syncthreads();

  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) {
    unsigned int count = smem[b];
    if (count) atomicAdd(&hist[b], count);
  }
}

__global__ void histogramGlobal(const unsigned char *__restrict__ data, int n,
                                unsigned int *__restrict__ hist) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    atomicAdd(&hist[data[i]], 1u);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 21;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }

  std::vector<unsigned char> h_data(n);
  unsigned int seed = 987654321u;
  const int width = 1024;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    int x = i % width, y = i / width;
    int v = (x / 8 + y / 16) % 200 + static_cast<int>((seed >> 24) % 32) - 16;
    if ((x - 300) * (x - 300) + (y % 512 - 200) * (y % 512 - 200) < 80 * 80)
      v = 255;  // saturated blob: one very hot bin
    if (v < 0) v = 0;
    if (v > 255) v = 255;
    h_data[i] = static_cast<unsigned char>(v);
  }
  std::vector<unsigned int> ref(NUM_BINS, 0);
  for (int i = 0; i < n; ++i) ++ref[h_data[i]];

  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  int blocks = 2 * prop.multiProcessorCount;
  int maxBlocks = (n + kThreads - 1) / kThreads;
  if (blocks > maxBlocks) blocks = maxBlocks;

  unsigned char *d_data;
  unsigned int *d_hist;
  CHECK(cudaMalloc(&d_data, n));
  CHECK(cudaMalloc(&d_hist, NUM_BINS * sizeof(unsigned int)));
  CHECK(cudaMemcpy(d_data, h_data.data(), n, cudaMemcpyHostToDevice));

  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  int errors = 0;
  std::vector<unsigned int> h_hist(NUM_BINS);
  for (int variant = 0; variant < 2; ++variant) {
    CHECK(cudaMemset(d_hist, 0, NUM_BINS * sizeof(unsigned int)));
    CHECK(cudaEventRecord(start));
    if (variant == 0)
      histogramShared<<<blocks, kThreads>>>(d_data, n, d_hist);
    else
      histogramGlobal<<<blocks, kThreads>>>(d_data, n, d_hist);
    CHECK(cudaGetLastError());
    CHECK(cudaEventRecord(stop));
    CHECK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CHECK(cudaEventElapsedTime(&ms, start, stop));
    CHECK(cudaMemcpy(h_hist.data(), d_hist, NUM_BINS * sizeof(unsigned int),
                     cudaMemcpyDeviceToHost));
    unsigned long long total = 0;
    int bad = 0;
    for (int b = 0; b < NUM_BINS; ++b) {
      total += h_hist[b];
      if (h_hist[b] != ref[b]) {
        if (bad < 5)
          fprintf(stderr, "bin %d: got %u, expected %u\n", b, h_hist[b], ref[b]);
        ++bad;
      }
    }
    if (total != static_cast<unsigned long long>(n)) ++bad;
    printf("  %s: %.3f ms, hot bin 255 = %u, %d errors\n",
           variant == 0 ? "shared-privatized" : "global-atomics   ", ms,
           h_hist[255], bad);
    errors += bad;
  }

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(d_data));
  CHECK(cudaFree(d_hist));

  printf("histogram: n=%d, %d blocks, %d errors\n", n, blocks, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
