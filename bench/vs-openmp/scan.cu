// Exclusive scan of a large array in three kernels per level: every block scans 1024 elements
// (four per thread, then a Hillis-Steele scan of the threads' totals in shared memory) and
// writes its total; the totals are scanned the same way, recursively; then every element gets
// its block's offset added.
#include "cuda_check.h"
#include "scan_problem.h"

#define BLOCK 256
#define PER_THREAD 4
#define PER_BLOCK (BLOCK * PER_THREAD)

__global__ void scanBlocks(const int *in, int *out, int *blockSums, int n) {
  __shared__ int partial[BLOCK];
  int tid = threadIdx.x;
  int base = blockIdx.x * PER_BLOCK + tid * PER_THREAD;
  int v[PER_THREAD];
  int total = 0;
  for (int k = 0; k < PER_THREAD; ++k) {
    v[k] = base + k < n ? in[base + k] : 0;
    total += v[k];
  }
  partial[tid] = total;
  __syncthreads();
  for (int offset = 1; offset < BLOCK; offset <<= 1) {
    int t = tid >= offset ? partial[tid - offset] : 0;
    __syncthreads();
    partial[tid] += t;
    __syncthreads();
  }
  int running = partial[tid] - total;
  for (int k = 0; k < PER_THREAD; ++k) {
    if (base + k < n)
      out[base + k] = running;
    running += v[k];
  }
  if (tid == BLOCK - 1)
    blockSums[blockIdx.x] = partial[BLOCK - 1];
}

__global__ void addOffsets(int *out, const int *offsets, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] += offsets[i / PER_BLOCK];
}

static int numBlocks(int n) { return (n + PER_BLOCK - 1) / PER_BLOCK; }

// Scans in[0, n) into out; level l keeps its block totals in sums[l] and their scan in
// scanned[l] (allocated beforehand).
static void scanDevice(const int *in, int *out, int n, int **sums, int **scanned) {
  int blocks = numBlocks(n);
  scanBlocks<<<blocks, BLOCK>>>(in, out, sums[0], n);
  if (blocks > 1) {
    scanDevice(sums[0], scanned[0], blocks, sums + 1, scanned + 1);
    addOffsets<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(out, scanned[0], n);
  }
}

int main(int argc, char **argv) {
  const int n = scan::size(vsomp::tiny(argc, argv));
  const std::vector<int> in = scan::input(n);
  std::vector<int> out(n);
  int *dIn, *dOut;
  CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK(cudaMalloc(&dOut, n * sizeof(int)));
  CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  int *sums[8], *scanned[8];
  int levels = 0;
  for (int m = numBlocks(n);; m = numBlocks(m)) {
    CHECK(cudaMalloc(&sums[levels], m * sizeof(int)));
    CHECK(cudaMalloc(&scanned[levels], m * sizeof(int)));
    ++levels;
    if (m == 1)
      break;
  }

  const double ms = vsomp::warmTimedMs([&] {
    scanDevice(dIn, dOut, n, sums, scanned);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(out.data(), dOut, n * sizeof(int), cudaMemcpyDeviceToHost));
  const bool ok = scan::check(in, out.data());
  for (int l = 0; l < levels; ++l) {
    CHECK(cudaFree(sums[l]));
    CHECK(cudaFree(scanned[l]));
  }
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  return vsomp::report(std::to_string(n), ms, scan::bytes(n), ok);
}
