// --no-cost-counters: no operation counters anywhere.
// ARGS: --no-cost-counters
#include <cuda_runtime.h>
// CHECK-NOT: NPU_COST
// CHECK: ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
__global__ void k(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * 2.0f;
}
__device__ float f(float v) { return sqrtf(v); }
