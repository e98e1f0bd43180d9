// A kernel with barriers whose body reads only threadIdx.x and is not replayable (an atomic):
// threads of other rows would be duplicates that an interchanged loop interleaves at every
// iteration, so its thread-strided loop is interchanged only when every launch this unit shows
// passes a one-row block (an integer, dim3(x), a dim3 variable so initialised and never modified),
// and the form refuses a launch with more rows (block_regions_without_duplicates). A launch with a
// dim3 variable given a second row keeps the loop per thread.
#include <cuda_runtime.h>
#define BINS 64

// CHECK: __global__ void histRows(const int *data, unsigned *hist, int n) {
// CHECK:   ::npu::block_regions_without_duplicates<::npu::ThreadDims::X>([&](::npu::BlockRegions &npu_block) {
// CHECK:   for (int b = 0; npu_block.active() && (b < BINS); b += blockDim.x)
// CHECK:   for (int i = blockIdx.x * blockDim.x + 0; npu_block.active() && (i < n); i += blockDim.x * gridDim.x)
// CHECK:     npu_block.for_each_thread_strided<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>([&](const auto npu_guard, NPU_REGION_PARAMS) { const auto npu_i_base = i; int i = npu_i_base + static_cast<int>(threadIdx.x); if (npu_guard.exits(!(i < n))) return;
__global__ void histRows(const int *data, unsigned *hist, int n) {
  __shared__ unsigned local[BINS];
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i] % BINS], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
}

// CHECK: __global__ void histAnyBlock(const int *data, unsigned *hist, int n) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>([&](NPU_REGION_PARAMS) {
// CHECK:   for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
__global__ void histAnyBlock(const int *data, unsigned *hist, int n) {
  __shared__ unsigned local[BINS];
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i] % BINS], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
}

void run(const int *data, unsigned *hist, int n) {
  histRows<<<8, 128>>>(data, hist, n);
  histRows<<<dim3(8), dim3(256)>>>(data, hist, n);
  dim3 rows(64);
  histRows<<<8, rows>>>(data, hist, n);
  dim3 block(32);
  block.y = 4; // two rows after all
  histAnyBlock<<<8, block>>>(data, hist, n);
}
