// Warp-aggregated atomics with cooperative groups' partitions (the idiom of CUDA's "warp
// aggregated atomics" posts): the threads of a tile that share a bin elect one leader, which adds
// the group's size; binary_partition counts odd and even keys the same way.
#include <cooperative_groups.h>
#include <cstdio>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

#define BINS 7

__global__ void aggregate(const int *keys, int n, unsigned *bins, unsigned *parity) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  cg::thread_block_tile<32> warp = cg::tiled_partition<32>(cg::this_thread_block());
  int key = i < n ? keys[i] : -1;
  cg::coalesced_group same = cg::labeled_partition(warp, key);
  if (key >= 0 && same.thread_rank() == 0)
    atomicAdd(&bins[key % BINS], (unsigned)same.size());
  if (key >= 0) { // the threads with a key: split them by parity
    cg::coalesced_group keyed = cg::coalesced_threads();
    cg::coalesced_group side = cg::binary_partition(keyed, key % 2 == 1);
    if (side.thread_rank() == 0)
      atomicAdd(&parity[key % 2], (unsigned)side.size());
  }
}

int main() {
  const int n = 1000; // the last warp is partly missing lanes (key -1): they join no bin
  int h[n];
  unsigned want[BINS] = {}, wantParity[2] = {};
  for (int i = 0; i < n; ++i) {
    h[i] = (i * 31 + i / 7) % BINS;
    ++want[h[i]];
    ++wantParity[h[i] % 2];
  }
  int *dKeys;
  unsigned *dBins, *dParity;
  cudaMalloc(&dKeys, sizeof h);
  cudaMalloc(&dBins, sizeof want);
  cudaMalloc(&dParity, sizeof wantParity);
  cudaMemcpy(dKeys, h, sizeof h, cudaMemcpyHostToDevice);
  cudaMemset(dBins, 0, sizeof want);
  cudaMemset(dParity, 0, sizeof wantParity);
  aggregate<<<(n + 255) / 256, 256>>>(dKeys, n, dBins, dParity);
  unsigned bins[BINS], parity[2];
  cudaMemcpy(bins, dBins, sizeof bins, cudaMemcpyDeviceToHost);
  cudaMemcpy(parity, dParity, sizeof parity, cudaMemcpyDeviceToHost);
  int failures = 0;
  for (int b = 0; b < BINS; ++b)
    if (bins[b] != want[b]) {
      printf("FAIL bin %d: %u, want %u\n", b, bins[b], want[b]);
      ++failures;
    }
  if (parity[0] != wantParity[0] || parity[1] != wantParity[1]) {
    printf("FAIL parity: %u %u, want %u %u\n", parity[0], parity[1], wantParity[0], wantParity[1]);
    ++failures;
  }
  if (cudaDeviceSynchronize() != cudaSuccess)
    ++failures;
  printf(failures ? "FAIL (%d)\n" : "PASS\n", failures);
  return failures ? 1 : 0;
}
