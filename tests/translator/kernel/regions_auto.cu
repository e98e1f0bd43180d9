// `auto` locals live across a barrier: the slot's type (or a recomputed local's) is the deduced
// type, or, in a template where it depends on a parameter, spelled from the initialiser when the
// prelude can see its names; otherwise the kernel stays on fibers (an undeduced placeholder is
// never a slot type).
#include <cuda_runtime.h>
// CHECK: auto *npu_v = npu_block.per_thread<float>();
// CHECK: unsigned int const i = threadIdx.x * 2u;
__global__ void plain(float *a) {
  __shared__ float s[64];
  const auto v = s[threadIdx.x];
  auto i = threadIdx.x * 2u;
  __syncthreads();
  a[threadIdx.x] = v + i;
}
// CHECK: auto *npu_w = npu_block.per_thread<::std::decay_t<decltype(a[0] * 2)>>();
template <class T> __global__ void deduced(T *a) {
  __shared__ T s[64];
  auto w = a[0] * 2;
  s[threadIdx.x] = w;
  __syncthreads();
  a[threadIdx.x] = s[63 - threadIdx.x] + w;
}
template __global__ void deduced<float>(float *);
// CHECK-NOT: per_thread<auto>
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
template <class T> __global__ void hidden(T *a) {
  __shared__ T s[64];
  auto v = s[threadIdx.x];
  __syncthreads();
  a[threadIdx.x] = v;
}
template __global__ void hidden<float>(float *);
