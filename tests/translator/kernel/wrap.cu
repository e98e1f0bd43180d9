// Kernel bodies: the fast path when nothing synchronises, the fiber path when the kernel or a
// device function it calls (transitively) uses a barrier, a warp operation or cooperative groups.
#include <cuda_runtime.h>
#include <cooperative_groups.h>
namespace cg = cooperative_groups;
__device__ float warp_sum(float v) {
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffffu, v, o);
  return v;
}
__device__ float twice(float v) { return warp_sum(v) * 2; }
__device__ float plain(float v) { return v + 1; }
// CHECK: __global__ void fast(float *x, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
__global__ void fast(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  x[i] = plain(x[i]);
// CHECK:   });
// CHECK: }
}
// A barrier at the top level: barrier regions (regions.cu), no fibers.
// CHECK: __global__ void barrier(float *x) {
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
__global__ void barrier(float *x) {
  __shared__ float t[64];
  t[threadIdx.x] = x[threadIdx.x];
  __syncthreads();
  x[threadIdx.x] = t[63 - threadIdx.x];
}
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void transitive(float *x) { x[threadIdx.x] = twice(x[threadIdx.x]); }
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void groups(float *x) {
  cg::thread_block b = cg::this_thread_block();
  x[b.thread_rank()] = 1;
  b.sync();
}
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::None>([&](NPU_THREAD_PARAMS) { NPU_COST(gwrite(4)); x[0] = 1;
// CHECK: });
__global__ void oneline(float *x) { x[0] = 1; }
// CHECK: template <class T> __global__ void tmpl(T *x) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
template <class T> __global__ void tmpl(T *x) {
  x[threadIdx.x] = __shfl_xor_sync(0xffffffffu, x[threadIdx.x], 1);
}
template __global__ void tmpl<float>(float *);
