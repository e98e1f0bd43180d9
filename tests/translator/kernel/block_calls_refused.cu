// Calls that stay on fibers, each statement a region of its own (tests/translator/kernel/
// block_calls.cu has the block-level form): a callee with a return before its end, one whose loop
// control reads a parameter (per thread in the callee), one defined after the kernel, a call
// nested in a larger expression.
#include <cuda_runtime.h>
#define FULL 0xffffffffu

__device__ int early(int v, int n) {
  if (n == 0)
    return v;
  return __shfl_xor_sync(FULL, v, 1);
}

__device__ int byWidth(int v, int width) {
  for (int o = width / 2; o > 0; o /= 2)
    v += __shfl_xor_sync(FULL, v, o, width);
  return v;
}

__device__ int later(int v);

// CHECK-NOT: npu::BlockRegions &npu_block, int
// CHECK-NOT: npu_call_
// CHECK: __global__ void refused(int *data) {
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = early(v, 2);
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = byWidth(v, 8);
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = later(v);
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = 1 + early(v, 0);
__global__ void refused(int *data) {
  int v = data[threadIdx.x];
  __syncthreads();
  int a = early(v, 2);
  int b = byWidth(v, 8);
  int c = later(v);
  int d = 1 + early(v, 0);
  data[threadIdx.x] = a + b + c + d;
}

__device__ int later(int v) { return __shfl_xor_sync(FULL, v, 2); }
