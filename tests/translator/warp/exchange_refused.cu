// Warp operations that stay on fibers (tests/translator/warp/exchange.cu has the exchange form):
// a block-level statement whose exchange CUDA's order would not allow, one spelled by a macro,
// one under a branch the threads take apart.
#include <cuda_runtime.h>
#define FULL 0xffffffffu
#define SHUFFLE_DOWN(v, o) __shfl_down_sync(FULL, v, o)

// CHECK-NOT: npu_lanes_
// A call only some threads make (`?:`), an operand with a side effect, an operand the statement
// changes first: each statement a region on fibers.
// CHECK: __global__ void refused(int *data, int n) {
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = n > 3 ? __shfl_sync(FULL, v, 0) : 0;
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = __shfl_sync(FULL, v++, 0);
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = (v = 2, __shfl_sync(FULL, v, 0));
__global__ void refused(int *data, int n) {
  int v = data[threadIdx.x];
  __syncthreads();
  int a = n > 3 ? __shfl_sync(FULL, v, 0) : 0;
  int b = __shfl_sync(FULL, v++, 0);
  int c = (v = 2, __shfl_sync(FULL, v, 0));
  data[threadIdx.x] = a + b + c;
}

// CHECK: __global__ void macroSpelled(int *data) {
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: = SHUFFLE_DOWN(v, 1);
__global__ void macroSpelled(int *data) {
  int v = data[threadIdx.x];
  __syncthreads();
  int d = SHUFFLE_DOWN(v, 1);
  data[threadIdx.x] = d;
}

// CHECK: __global__ void underBranch(int *data) {
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: if (threadIdx.x < 32)
__global__ void underBranch(int *data) {
  int v = data[threadIdx.x];
  if (threadIdx.x < 32)
    v = __shfl_down_sync(FULL, v, 2);
  data[threadIdx.x] = v;
}
