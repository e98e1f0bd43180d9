// Operation counters: calls. Math functions are sfu, FMAs 2 operations, cheap float functions 1,
// atomics count as atomics (not as memory), the program's own functions cost nothing where they
// are called (their bodies count themselves).
#include <cuda_runtime.h>
// CHECK: __device__ float math(float x, double y) {
// CHECK: NPU_COST(fp32(8), fp64(1), sfu(6));
__device__ float math(float x, double y) {
  float a = sqrtf(x) + __expf(x) + __fdividef(x, 3.0f);
  double b = exp(y) + log(y);
  return fmaf(a, x, powf(a, 2.0f)) + fminf(a, fabsf(x)) + (float)b;
}
// CHECK: __device__ float fused(double y) { NPU_COST(fp64(2)); return fma(y, y, y); }
__device__ float fused(double y) { return fma(y, y, y); }
// CHECK: __global__ void atomics(int *hist, float *sum, const int *keys) {
// CHECK: NPU_COST(gread(4), atomics(3));
__global__ void atomics(int *hist, float *sum, const int *keys) {
  atomicAdd(&hist[keys[threadIdx.x]], 1);
  atomicAdd(sum, 1.0f);
  atomicCAS(hist, 0, 1);
}
// CHECK: __global__ void user(float *x) {
// CHECK: NPU_COST(gread(4), gwrite(4));
__global__ void user(float *x) { x[threadIdx.x] = math(x[threadIdx.x], 1.0); }
// __ldg reads global memory.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::None>([&](NPU_THREAD_PARAMS) { NPU_COST(gread(16), gwrite(16)); out[0] = __ldg(&in[0]);
__global__ void ldg(const float4 *in, float4 *out) { out[0] = __ldg(&in[0]); }
