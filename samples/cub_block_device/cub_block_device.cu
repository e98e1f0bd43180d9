// CUB sample: a block-wide reduction kernel (BlockLoad + BlockReduce over a union of their
// TempStorage, as CUB's own examples write it), then the device-wide algorithms with CUB's
// two-phase temp-storage protocol: DeviceScan::ExclusiveSum of the per-block sums,
// DeviceRadixSort::SortPairs and DeviceReduce::Sum. Every result is checked on the host.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <algorithm>

#include <cub/cub.cuh>

#define CUDA_CHECK(call)                                                        \
  do {                                                                          \
    cudaError_t err_ = (call);                                                  \
    if (err_ != cudaSuccess) {                                                  \
      fprintf(stderr, "CUDA error %s at %s:%d\n", cudaGetErrorString(err_),     \
              __FILE__, __LINE__);                                              \
      exit(1);                                                                  \
    }                                                                           \
  } while (0)

template <int BLOCK_THREADS, int ITEMS_PER_THREAD>
__global__ void BlockSumKernel(const int *d_in, int *d_block_sums) {
  typedef cub::BlockLoad<int, BLOCK_THREADS, ITEMS_PER_THREAD, cub::BLOCK_LOAD_WARP_TRANSPOSE>
      BlockLoadT;
  typedef cub::BlockReduce<int, BLOCK_THREADS> BlockReduceT;
  __shared__ union {
    typename BlockLoadT::TempStorage load;
    typename BlockReduceT::TempStorage reduce;
  } temp_storage;

  int data[ITEMS_PER_THREAD];
  int block_offset = blockIdx.x * (BLOCK_THREADS * ITEMS_PER_THREAD);
  BlockLoadT(temp_storage.load).Load(d_in + block_offset, data);
  __syncthreads();
  int aggregate = BlockReduceT(temp_storage.reduce).Sum(data);
  if (threadIdx.x == 0)
    d_block_sums[blockIdx.x] = aggregate;
}

int main() {
  const int kThreads = 128, kItems = 4, kBlocks = 64;
  const int n = kThreads * kItems * kBlocks;
  std::vector<int> h_in(n);
  for (int i = 0; i < n; ++i)
    h_in[i] = (i * 37 + 11) % 101 - 50;

  int *d_in, *d_block_sums, *d_offsets;
  CUDA_CHECK(cudaMalloc(&d_in, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&d_block_sums, kBlocks * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&d_offsets, kBlocks * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(d_in, h_in.data(), n * sizeof(int), cudaMemcpyHostToDevice));

  BlockSumKernel<kThreads, kItems><<<kBlocks, kThreads>>>(d_in, d_block_sums);
  CUDA_CHECK(cudaGetLastError());

  // Exclusive scan of the block sums: each block's offset in a compacted output.
  void *d_temp_storage = NULL;
  size_t temp_storage_bytes = 0;
  CubDebugExit(cub::DeviceScan::ExclusiveSum(d_temp_storage, temp_storage_bytes, d_block_sums,
                                             d_offsets, kBlocks));
  CUDA_CHECK(cudaMalloc(&d_temp_storage, temp_storage_bytes));
  CubDebugExit(cub::DeviceScan::ExclusiveSum(d_temp_storage, temp_storage_bytes, d_block_sums,
                                             d_offsets, kBlocks));
  CUDA_CHECK(cudaFree(d_temp_storage));

  // Sort (key, index) pairs, then reduce the sorted keys.
  int *d_keys_out, *d_values_in, *d_values_out, *d_total;
  CUDA_CHECK(cudaMalloc(&d_keys_out, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&d_values_in, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&d_values_out, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&d_total, sizeof(int)));
  std::vector<int> h_idx(n);
  for (int i = 0; i < n; ++i)
    h_idx[i] = i;
  CUDA_CHECK(cudaMemcpy(d_values_in, h_idx.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  d_temp_storage = NULL;
  temp_storage_bytes = 0;
  cub::DeviceRadixSort::SortPairs(d_temp_storage, temp_storage_bytes, d_in, d_keys_out,
                                  d_values_in, d_values_out, n);
  CUDA_CHECK(cudaMalloc(&d_temp_storage, temp_storage_bytes));
  CubDebugExit(cub::DeviceRadixSort::SortPairs(d_temp_storage, temp_storage_bytes, d_in,
                                               d_keys_out, d_values_in, d_values_out, n));
  CUDA_CHECK(cudaFree(d_temp_storage));
  d_temp_storage = NULL;
  CubDebugExit(cub::DeviceReduce::Sum(d_temp_storage, temp_storage_bytes, d_keys_out, d_total, n));
  CUDA_CHECK(cudaMalloc(&d_temp_storage, temp_storage_bytes));
  CubDebugExit(cub::DeviceReduce::Sum(d_temp_storage, temp_storage_bytes, d_keys_out, d_total, n));
  CUDA_CHECK(cudaDeviceSynchronize());

  std::vector<int> block_sums(kBlocks), offsets(kBlocks), keys(n), values(n);
  int total = 0;
  CUDA_CHECK(cudaMemcpy(block_sums.data(), d_block_sums, kBlocks * sizeof(int), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(offsets.data(), d_offsets, kBlocks * sizeof(int), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(keys.data(), d_keys_out, n * sizeof(int), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(values.data(), d_values_out, n * sizeof(int), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(&total, d_total, sizeof(int), cudaMemcpyDeviceToHost));

  int errors = 0, running = 0, expected_total = 0;
  for (int b = 0; b < kBlocks; ++b) {
    int sum = 0;
    for (int i = 0; i < kThreads * kItems; ++i)
      sum += h_in[b * kThreads * kItems + i];
    errors += block_sums[b] != sum;
    errors += offsets[b] != running;
    running += sum;
  }
  std::vector<int> order(h_idx);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return h_in[a] < h_in[b]; });
  for (int i = 0; i < n; ++i) {
    errors += keys[i] != h_in[order[i]];
    errors += values[i] != order[i];
    expected_total += h_in[i];
  }
  errors += total != expected_total;
  printf("blocks %d, items %d, total %d (expected %d), errors %d\n", kBlocks, n, total,
         expected_total, errors);

  CUDA_CHECK(cudaFree(d_temp_storage));
  CUDA_CHECK(cudaFree(d_in));
  CUDA_CHECK(cudaFree(d_block_sums));
  CUDA_CHECK(cudaFree(d_offsets));
  CUDA_CHECK(cudaFree(d_keys_out));
  CUDA_CHECK(cudaFree(d_values_in));
  CUDA_CHECK(cudaFree(d_values_out));
  CUDA_CHECK(cudaFree(d_total));
  printf(errors == 0 ? "PASS\n" : "FAIL\n");
  return errors == 0 ? 0 : 1;
}
