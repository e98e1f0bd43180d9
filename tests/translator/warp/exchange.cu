// Warp operations of block-level statements as exchanges between barrier regions
// (rules/warp/LaneExchange.h, npurt/device/lanes.h): a region publishes each call's operand,
// the statement reads the lanes of its warp; no fiber. Results: tests/translator/e2e/warp_exchange.cu.
#include <cuda_runtime.h>
#define FULL 0xffffffffu

// A loop whose body is the statement, no braces: the two regions get them.
// CHECK: __global__ void sum(const float *in, float *out) {
// CHECK: auto npu_lanes_0 = npu_block.lanes();
// CHECK: for (int offset = 16; npu_block.active() && (offset > 0); offset /= 2)
// CHECK: { npu_block.for_each_thread<
// CHECK: ([&](NPU_REGION_PARAMS) { auto &v = npu_v[npu_thread]; npu_lanes_0.at(npu_thread).publish(v); });
// CHECK: v += npu_lanes_0.at(npu_thread).shfl_down_sync(FULL, v, offset); }
// CHECK-NOT: fibers(
__global__ void sum(const float *in, float *out) {
  float v = in[blockIdx.x * blockDim.x + threadIdx.x];
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(FULL, v, offset);
  if (threadIdx.x % 32 == 0)
    out[blockIdx.x * blockDim.x / 32 + threadIdx.x / 32] = v;
}

// Two calls in one statement (two exchanges), a declaration, a vote, __syncwarp.
// CHECK: __global__ void mixed(const int *in, int *out) {
// CHECK: auto npu_lanes_1 = npu_block.lanes();
// CHECK: npu_lanes_0.at(npu_thread).publish(v); npu_lanes_1.at(npu_thread).publish(v); });
// CHECK: = npu_lanes_0.at(npu_thread).shfl_xor_sync(FULL, v, 1) + npu_lanes_1.at(npu_thread).shfl_xor_sync(FULL, v, 2);
// CHECK: npu_lanes_0.at(npu_thread).publish_predicate(pair > 10); });
// CHECK: = npu_lanes_0.at(npu_thread).ballot_sync(FULL, pair > 10);
// CHECK: /* __syncwarp(); */
// CHECK: npu_lanes_0.at(npu_thread).publish_operand(v); });
// CHECK: int total = npu_lanes_0.at(npu_thread).reduce_add_sync(FULL, v);
// CHECK-NOT: fibers(
__global__ void mixed(const int *in, int *out) {
  __shared__ int s[256];
  int v = in[threadIdx.x];
  int pair = __shfl_xor_sync(FULL, v, 1) + __shfl_xor_sync(FULL, v, 2);
  unsigned votes = __ballot_sync(FULL, pair > 10);
  s[threadIdx.x] = pair;
  __syncwarp();
  int total = __reduce_add_sync(FULL, v);
  out[threadIdx.x] = s[threadIdx.x ^ 1] + votes + total;
}

// A template kernel; the mask-less pre-CUDA-9 form.
// CHECK: template <typename T> __global__ void broadcast(T *data) {
// CHECK: npu_lanes_0.at(npu_thread).publish(v); });
// CHECK: npu_lanes_0.at(npu_thread).shfl(v, 0);
template <typename T> __global__ void broadcast(T *data) {
  T v = data[threadIdx.x];
  data[threadIdx.x] = __shfl(v, 0);
}
template __global__ void broadcast<float>(float *);
