// Block-level calls (rules/kernel/BlockCalls.h): a device function that synchronises, called by
// a whole statement at block level of a barrier-region kernel, gets a copy planned as regions
// (its parameters and result per-thread slots of the caller) and the statement calls it with the
// block. Results: tests/translator/e2e/block_calls.cu.
#include <cuda_runtime.h>
#define FULL 0xffffffffu

// CHECK: __device__ float warpSum(float v) {
// CHECK: v += __shfl_down_sync(FULL, v, offset);
// CHECK: // warpSum for a block-level call in barrier regions
// CHECK: __device__ void warpSum(::npu::BlockRegions &npu_block, float *npu_v, float *npu_return) {
// CHECK: ::npu::BlockRegions::CallScope npu_scope(npu_block);
// CHECK: auto npu_lanes_0 = npu_block.lanes();
// CHECK: for (int offset = 16; npu_block.active() && (offset > 0); offset /= 2)
// CHECK: npu_lanes_0.at(npu_thread).publish(v); });
// CHECK: v += npu_lanes_0.at(npu_thread).shfl_down_sync(FULL, v, offset); }
// CHECK: npu_return[npu_thread] = v;
__device__ float warpSum(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(FULL, v, offset);
  return v;
}

// A template; a loop under `#pragma unroll`, kept between regions (the pragma a comment).
// CHECK: template <typename T> __device__ void warpMax(::npu::BlockRegions &npu_block, T *npu_v, T *npu_return) {
// CHECK: // a loop between regions, not unrolled: #pragma GCC unroll 16
// CHECK: for (int mask = 16; npu_block.active() && (mask > 0); mask >>= 1)
template <typename T> __device__ T warpMax(T v) {
#pragma unroll
  for (int mask = 16; mask > 0; mask >>= 1)
    v = max(v, __shfl_xor_sync(FULL, v, mask));
  return v;
}

// A void callee with barriers, a pointer parameter.
// CHECK: __device__ void rotate(::npu::BlockRegions &npu_block, int * *npu_s, int *npu_t) {
// CHECK: /* __syncthreads(); */
__device__ void rotate(int *s, int t) {
  int next = s[(t + 1) % 64];
  __syncthreads();
  s[t] = next;
  __syncthreads();
}

// The caller: arguments into slots, the copy called with the block, the result read.
// CHECK: __global__ void caller(float *data, int *ints) {
// CHECK: auto *npu_call_0_0 = npu_block.per_thread<float>();
// CHECK: auto *npu_call_0_r = npu_block.per_thread<float>();
// CHECK: auto *npu_call_1_0 = npu_block.per_thread<int>();
// CHECK: auto *npu_call_2_0 = npu_block.per_thread<int *>();
// CHECK: auto *npu_call_2_1 = npu_block.per_thread<int>();
// CHECK-NOT: npu_call_2_r
// CHECK: npu_call_0_0[npu_thread] = (v * 2.0f); });
// CHECK: warpSum(npu_block, npu_call_0_0, npu_call_0_r);
// CHECK: = npu_call_0_r[npu_thread];
// CHECK: warpMax<int>(npu_block, npu_call_1_0, npu_call_1_r);
// CHECK: npu_call_2_0[npu_thread] = (s); npu_call_2_1[npu_thread] = (threadIdx.x); });
// CHECK: rotate(npu_block, npu_call_2_0, npu_call_2_1);
// CHECK: (void)0;
// CHECK-NOT: fibers(
__global__ void caller(float *data, int *ints) {
  __shared__ int s[64];
  float v = data[threadIdx.x];
  float total = warpSum(v * 2.0f);
  int m = warpMax<int>(ints[threadIdx.x]);
  s[threadIdx.x] = m;
  __syncthreads();
  rotate(s, threadIdx.x);
  data[threadIdx.x] = total + s[threadIdx.x];
}
