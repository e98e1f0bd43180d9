// Multi-level parallel prefix sum (inclusive and exclusive scan) of ints.
//
// Level 0: every block scans 2*BLOCK_SIZE elements in shared memory with the
// work-efficient Blelloch algorithm (up-sweep / down-sweep) and writes the
// block's total to a block-sums array. The block sums are then scanned by the
// same routine, recursively, until one block suffices; finally every block
// adds the scanned sum of all blocks before it. This handles any n.
// Both exclusive and inclusive scans are checked against std::partial_sum,
// for the requested size and for a few awkward sizes (1, 513, non powers of two).
//
// CUDA features: __shared__ arrays, __syncthreads inside loops, recursive
// multi-launch host algorithm with temporary cudaMalloc buffers, #define
// constants, cudaEvent timing.
//
// Usage: scan [n]   (default 300000 elements: three scan levels)
#include <cstdio>
#include <cstdlib>
#include <numeric>
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

#define BLOCK_SIZE 256
#define ELEMS_PER_BLOCK (2 * BLOCK_SIZE)

// Scans ELEMS_PER_BLOCK elements per block. If blockSums is not null, the
// total of each block is stored there.
__global__ void scanBlocks(const int *__restrict__ in, int *__restrict__ out,
                           int *__restrict__ blockSums, int n, bool inclusive) {
  __shared__ int temp[ELEMS_PER_BLOCK];
  int tid = threadIdx.x;
  int base = blockIdx.x * ELEMS_PER_BLOCK;
  int ai = tid, bi = tid + BLOCK_SIZE;
  int va = base + ai < n ? in[base + ai] : 0;
  int vb = base + bi < n ? in[base + bi] : 0;
  temp[ai] = va;
  temp[bi] = vb;

  // up-sweep (reduce) phase
  int offset = 1;
  for (int d = ELEMS_PER_BLOCK >> 1; d > 0; d >>= 1) {
    __syncthreads();
    if (tid < d) {
      int i = offset * (2 * tid + 1) - 1;
      int j = offset * (2 * tid + 2) - 1;
      temp[j] += temp[i];
    }
    offset <<= 1;
  }

  if (tid == 0) {
    if (blockSums) blockSums[blockIdx.x] = temp[ELEMS_PER_BLOCK - 1];
    temp[ELEMS_PER_BLOCK - 1] = 0;
  }

  // down-sweep phase
  for (int d = 1; d < ELEMS_PER_BLOCK; d <<= 1) {
    offset >>= 1;
    __syncthreads();
    if (tid < d) {
      int i = offset * (2 * tid + 1) - 1;
      int j = offset * (2 * tid + 2) - 1;
      int t = temp[i];
      temp[i] = temp[j];
      temp[j] += t;
    }
  }
  __syncthreads();

  if (base + ai < n) out[base + ai] = temp[ai] + (inclusive ? va : 0);
  if (base + bi < n) out[base + bi] = temp[bi] + (inclusive ? vb : 0);
}

// Adds the exclusive-scanned block sums to every element of each block.
__global__ void addBlockOffsets(int *data, const int *__restrict__ offsets, int n) {
  int add = offsets[blockIdx.x];
  int base = blockIdx.x * ELEMS_PER_BLOCK;
  int i = base + threadIdx.x;
  if (i < n) data[i] += add;
  if (i + BLOCK_SIZE < n) data[i + BLOCK_SIZE] += add;
}

// Scans d_in[0..n) into d_out (both device pointers), any n >= 1.
static void scanDevice(const int *d_in, int *d_out, int n, bool inclusive) {
  int numBlocks = (n + ELEMS_PER_BLOCK - 1) / ELEMS_PER_BLOCK;
  if (numBlocks == 1) {
    scanBlocks<<<1, BLOCK_SIZE>>>(d_in, d_out, nullptr, n, inclusive);
    CHECK(cudaGetLastError());
    return;
  }
  int *d_sums, *d_offsets;
  CHECK(cudaMalloc(&d_sums, numBlocks * sizeof(int)));
  CHECK(cudaMalloc(&d_offsets, numBlocks * sizeof(int)));
  scanBlocks<<<numBlocks, BLOCK_SIZE>>>(d_in, d_out, d_sums, n, inclusive);
  CHECK(cudaGetLastError());
  scanDevice(d_sums, d_offsets, numBlocks, false);  // next level: exclusive
  addBlockOffsets<<<numBlocks, BLOCK_SIZE>>>(d_out, d_offsets, n);
  CHECK(cudaGetLastError());
  CHECK(cudaFree(d_sums));
  CHECK(cudaFree(d_offsets));
}

static int runCase(int n, bool verbose) {
  std::vector<int> h_in(n), h_out(n), ref(n);
  unsigned int seed = 42u + n;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    h_in[i] = static_cast<int>((seed >> 16) % 10);
  }

  int *d_in, *d_out;
  CHECK(cudaMalloc(&d_in, n * sizeof(int)));
  CHECK(cudaMalloc(&d_out, n * sizeof(int)));
  CHECK(cudaMemcpy(d_in, h_in.data(), n * sizeof(int), cudaMemcpyHostToDevice));

  int errors = 0;
  for (int pass = 0; pass < 2; ++pass) {
    bool inclusive = pass == 1;
    cudaEvent_t start, stop;
    CHECK(cudaEventCreate(&start));
    CHECK(cudaEventCreate(&stop));
    CHECK(cudaEventRecord(start));
    scanDevice(d_in, d_out, n, inclusive);
    CHECK(cudaEventRecord(stop));
    CHECK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CHECK(cudaEventElapsedTime(&ms, start, stop));
    CHECK(cudaEventDestroy(start));
    CHECK(cudaEventDestroy(stop));
    CHECK(cudaMemcpy(h_out.data(), d_out, n * sizeof(int), cudaMemcpyDeviceToHost));

    if (inclusive) {
      std::partial_sum(h_in.begin(), h_in.end(), ref.begin());
    } else {
      ref[0] = 0;
      for (int i = 1; i < n; ++i) ref[i] = ref[i - 1] + h_in[i - 1];
    }
    int bad = 0;
    for (int i = 0; i < n; ++i)
      if (h_out[i] != ref[i]) {
        if (bad < 5)
          fprintf(stderr, "n=%d %s: mismatch at %d: got %d, expected %d\n", n,
                  inclusive ? "inclusive" : "exclusive", i, h_out[i], ref[i]);
        ++bad;
      }
    if (verbose)
      printf("  %s scan of %d ints: %.3f ms, %d errors\n",
             inclusive ? "inclusive" : "exclusive", n, ms, bad);
    errors += bad;
  }
  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_out));
  return errors;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 300000;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  int errors = runCase(n, true);
  const int awkward[] = {1, 511, 512, 513, 100003};
  for (int m : awkward) errors += runCase(m, false);

  printf("scan: n=%d (+ %zu edge sizes), %d errors\n", n,
         sizeof(awkward) / sizeof(awkward[0]), errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
