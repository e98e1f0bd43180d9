// CUB: <cub/...> headers become npurt's CUB (npurt/lib/cub.h); names stay as written. A kernel
// that calls a block or warp collective at block level keeps the barrier-region form, each call a
// collective statement (kernel/collectives.cu has the cases that stay on fibers), both for a
// concrete collective and for one whose type depends on the kernel's template parameters; a
// kernel whose CUB calls never synchronise (BlockLoad, direct loads) keeps the fast path but
// keeps the global threadIdx those calls read. Host calls to the device-wide algorithms stay.
// clang-format off
// NO-DIAG
// CHECK: #include <npurt/lib/cub.h>
#include <cub/cub.cuh>
// CHECK: #include <npurt/lib/cub.h>
#include <cub/block/block_reduce.cuh>

// CHECK: __global__ void sumConcrete(const float *in, float *out) {
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: npu_block.collective([&](NPU_REGION_PARAMS) {
// CHECK: auto &s = npu_s[npu_thread] = BlockReduce(temp).Sum(in[blockIdx.x * 128 + threadIdx.x]);
__global__ void sumConcrete(const float *in, float *out) {
  typedef cub::BlockReduce<float, 128> BlockReduce;
  __shared__ BlockReduce::TempStorage temp;
  float s = BlockReduce(temp).Sum(in[blockIdx.x * 128 + threadIdx.x]);
  if (threadIdx.x == 0)
    out[blockIdx.x] = s;
}

template <int THREADS, class T>
__global__ void warpSums(const T *in, T *out) {
  // CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
  // CHECK: npu_block.collective([&](NPU_REGION_PARAMS) {
  typedef cub::WarpReduce<T> WarpReduce;
  __shared__ typename WarpReduce::TempStorage temp[THREADS / 32];
  T v = WarpReduce(temp[threadIdx.x / 32]).Sum(in[blockIdx.x * THREADS + threadIdx.x]);
  if (threadIdx.x % 32 == 0)
    out[(blockIdx.x * THREADS + threadIdx.x) / 32] = v;
}

template <int THREADS, int ITEMS>
__global__ void copyTiles(const int *in, int *out) {
  // CHECK: ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
  typedef cub::BlockLoad<int, THREADS, ITEMS, cub::BLOCK_LOAD_WARP_TRANSPOSE> Load;
  __shared__ typename Load::TempStorage temp;
  int items[ITEMS];
  Load(temp).Load(in + blockIdx.x * THREADS * ITEMS, items);
  cub::StoreDirectBlocked(threadIdx.x, out + blockIdx.x * THREADS * ITEMS, items);
}

cudaError_t total(const float *d_in, float *d_out, int n, cudaStream_t stream) {
  void *d_temp = NULL;
  size_t bytes = 0;
  // CHECK: cub::DeviceReduce::Sum(d_temp, bytes, d_in, d_out, n, stream);
  cub::DeviceReduce::Sum(d_temp, bytes, d_in, d_out, n, stream);
  // CHECK: npuMalloc(&d_temp, bytes);
  cudaMalloc(&d_temp, bytes);
  // CHECK: npuError_t err = cub::DeviceReduce::Sum(d_temp, bytes, d_in, d_out, n, stream);
  cudaError_t err = cub::DeviceReduce::Sum(d_temp, bytes, d_in, d_out, n, stream);
  cudaFree(d_temp);
  warpSums<128, float><<<1, 128>>>(d_in, d_out);
  copyTiles<64, 4><<<1, 64>>>((const int *)d_in, (int *)d_out);
  return err;
}
