// Operation counters: barriers and warp operations. __syncthreads and block-scope cooperative-
// groups sync are barriers; shuffles, votes and tile operations are warp operations. Kernels on
// fibers keep their counters at the top of each compound inside the per-thread lambda.
#include <cuda_runtime.h>
#include <cooperative_groups.h>
namespace cg = cooperative_groups;
// CHECK: __device__ float warp_sum(float v) {
// CHECK: NPU_COST(fp32(1), intops(2), warpops(1));
__device__ float warp_sum(float v) {
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffffu, v, o);
  return v;
}
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
// CHECK: NPU_COST(intops(2), warpops(2));
// CHECK: { NPU_COST(gwrite(4), warpops(1)); out[0] = __activemask(); }
__global__ void votes(int *out) {
  unsigned m = __ballot_sync(0xffffffffu, threadIdx.x & 1);
  if (__any_sync(m, threadIdx.x > 3))
    out[0] = __activemask();
}
// CHECK: __global__ void groups(float *x) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
// CHECK: NPU_COST(fp32(1), gread(4), gwrite(4), barriers(2), warpops(2));
__global__ void groups(float *x) {
  cg::thread_block b = cg::this_thread_block();
  cg::thread_block_tile<32> t = cg::tiled_partition<32>(b);
  float v = x[b.thread_rank()];
  v += t.shfl_xor(v, 1);
  b.sync();
  t.sync();
  __syncthreads();
  x[b.thread_rank()] = v;
}
