// Operation counters in barrier-region kernels: a compound that holds a barrier runs once per
// block between the per-thread loops, so its counter goes at the top of its first per-thread
// loop (or of a loop of its own), where it counts once per thread.
#include <cuda_runtime.h>
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
// CHECK: NPU_COST(intops(4), gread(4), shared(4), barriers(1));
// CHECK: /* __syncthreads(); */
// CHECK: for (unsigned st = blockDim.x / 2; npu_block.active() && (st > 0); st >>= 1) {
// CHECK: npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { unsigned int const tid = threadIdx.x;
// CHECK: NPU_COST(intops(3), barriers(1));
// CHECK: if (tid < st) { NPU_COST(fp32(1), intops(1), shared(12)); s[tid] += s[tid + st]; }
__global__ void reduce(const float *in, float *out) {
  __shared__ float s[256];
  unsigned tid = threadIdx.x;
  s[tid] = in[blockIdx.x * blockDim.x + tid];
  __syncthreads();
  for (unsigned st = blockDim.x / 2; st > 0; st >>= 1) {
    if (tid < st) s[tid] += s[tid + st];
    __syncthreads();
  }
  if (tid == 0) atomicAdd(out, s[0]);
}
// A uniform loop whose body is only barriers and a nested uniform loop: the body's counter
// (the loop control) gets a per-thread loop of its own.
// CHECK: for (int k = 0; npu_block.active() && (k < rounds); ++k) {
// CHECK: npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { NPU_COST(intops(2), barriers(1)); });
__global__ void rounds(int *data, int rounds) {
  __shared__ int v[64];
  v[threadIdx.x] = data[threadIdx.x];
  for (int k = 0; k < rounds; ++k) {
    __syncthreads();
  }
  data[threadIdx.x] = v[threadIdx.x];
}
