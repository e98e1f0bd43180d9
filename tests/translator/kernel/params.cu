// Kernel parameters are per CUDA thread: a parameter that a thread modifies (assigned, ++/--,
// address taken) gets a copy of its own; unmodified ones stay shared (no cost).
#include <cuda_runtime.h>
// Fast path: a local copy at the top of the thread's lambda, under the parameter's name.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) { decltype(p) npu_param_p = p; auto &p = npu_param_p; decltype(n) npu_param_n = n; auto &n = npu_param_n;
// CHECK-NOT: decltype(keep)
__global__ void offsets(int *p, int n, int keep) {
  p += threadIdx.x;
  int *q = &n;
  *q += keep;
  *p = n;
}
// Fibers: the same copies.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) { decltype(v) npu_param_v = v; auto &v = npu_param_v;
__global__ void shuffled(float *out, float v) {
  out[threadIdx.x] = __shfl_xor_sync(0xffffffffu, v += threadIdx.x, 1);
}
// Barrier regions: one slot per thread, copied from the argument, bound in each region that
// uses it.
// CHECK: auto *npu_a = npu_block.per_thread_copy(a);
// CHECK: npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { auto &a = npu_a[npu_thread];
// CHECK: a += blockIdx.x * 64;
// CHECK: npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { auto &a = npu_a[npu_thread];
__global__ void regions(float *a) {
  __shared__ float s[64];
  a += blockIdx.x * 64;
  s[threadIdx.x] = a[threadIdx.x];
  __syncthreads();
  a[threadIdx.x] = s[63 - threadIdx.x];
}
// A modified parameter used in block-level control cannot be per-thread there: fibers.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) { decltype(n) npu_param_n = n; auto &n = npu_param_n;
__global__ void loop_param(float *a, int n) {
  __shared__ float s[64];
  while (n > 0) {
    s[threadIdx.x] = a[n];
    __syncthreads();
    n -= 16;
  }
}
// A struct parameter whose array member a thread writes.
// CHECK: decltype(s) npu_param_s = s; auto &s = npu_param_s;
struct Window { int lo[4]; };
__global__ void member_array(Window s, int *out) {
  s.lo[threadIdx.x % 4] += 1;
  out[threadIdx.x] = s.lo[threadIdx.x % 4];
}
// Templates: uses in dependent expressions count as writes only where they can be.
// CHECK: decltype(p) npu_param_p = p; auto &p = npu_param_p;
// CHECK-NOT: decltype(scale)
template <class T> __global__ void tmpl(T *p, T scale) {
  p += threadIdx.x;
  *p = *p * scale;
}
template __global__ void tmpl<float>(float *, float);
