// Legacy warp-synchronous code: each volatile access to memory other threads see (shared or
// global, not a local) goes through npurt/device/lockstep.h, where the lanes of the warp meet
// first; such functions run on fibers. Loops that wait on memory other threads write yield.
#include <cuda_runtime.h>
// CHECK: ::npu::warp_update<::npu::WarpUpdate::Add>(sdata[tid] , ::npu::warp_load(sdata[tid + 32]));
// CHECK-NOT: ::npu::warp_load(sdata[tid] )
__device__ void warpReduce(volatile float *sdata, unsigned tid) {
  sdata[tid] += sdata[tid + 32];
  sdata[tid] += sdata[tid + 16];
}
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
// CHECK: ::npu::warp_store(vs[threadIdx.x] , ::npu::warp_load(vs[threadIdx.x - 1]) + ::npu::warp_load(vs[threadIdx.x]));
// CHECK: int local_copy = local;
__global__ void scan(int *data) {
  __shared__ int s[64];
  volatile int *vs = s;
  volatile int local = 1;
  if ((threadIdx.x & 31) >= 1) vs[threadIdx.x] = vs[threadIdx.x - 1] + vs[threadIdx.x];
  int local_copy = local;
  data[threadIdx.x] = local_copy;
}
// A kernel that calls a lockstep function: the statement that calls it runs on fibers, where its
// lanes meet at each volatile access, the rest in barrier regions.
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: /* __syncthreads(); */
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: if (threadIdx.x < 32) warpReduce(sdata, threadIdx.x);
__global__ void reduce(float *out) {
  __shared__ float sdata[64];
  sdata[threadIdx.x] = threadIdx.x;
  __syncthreads();
  if (threadIdx.x < 32) warpReduce(sdata, threadIdx.x);
  if (threadIdx.x == 0) out[blockIdx.x] = sdata[0];
}
// The call alone as the statement (reduce #6 of NVIDIA's reduction samples), on 32-thread
// blocks.
// CHECK: __global__ void reduceBare(float *out) {
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: npu_block.fibers([&](NPU_REGION_PARAMS) {
// CHECK: warpReduce(sdata, threadIdx.x);
__global__ void reduceBare(float *out) {
  __shared__ float sdata[64];
  sdata[threadIdx.x] = threadIdx.x;
  __syncthreads();
  warpReduce(sdata, threadIdx.x);
  if (threadIdx.x == 0) out[blockIdx.x] = sdata[0];
}
// CHECK: while ((::npu::spin_yield(), ::npu::warp_load(flags[1]) == 0))
// CHECK: while ((::npu::spin_yield(), atomicCAS(lock, 0, 1) != 0))
// CHECK: (::npu::warp_step(), flags[0]++);
__global__ void spin(volatile int *flags, int *lock) {
  while (flags[1] == 0)
    ;
  while (atomicCAS(lock, 0, 1) != 0) {
  }
  flags[0]++;
  atomicExch(lock, 0);
}
// Waits whose test is in the body or on a local the body sets; a loop that merely uses atomics
// (a histogram) is no wait.
// CHECK: while ((::npu::spin_yield(), true)) {
// CHECK: for (; (::npu::spin_yield(), true);) {
// CHECK: } while ((::npu::spin_yield(), old != 0));
__global__ void waits(int *flags, int *lock) {
  while (true) {
    if (atomicAdd(&flags[0], 0) != 0) break;
  }
  for (;;) {
    if (atomicAdd(&flags[1], 0) != 0) break;
  }
  int old;
  do {
    old = atomicCAS(lock, 0, 1);
  } while (old != 0);
}
// CHECK: for (int i = 0; npu_block.active() && (i < n); i += blockDim.x) npu_block.for_each_thread_strided<::npu::ThreadIdxGlobal::Unused>([&](const auto npu_guard, NPU_REGION_PARAMS) {
// CHECK-NOT: spin_yield(), i < n
__global__ void histogram(const int *in, int *bins, int n) {
  for (int i = threadIdx.x; i < n; i += blockDim.x) atomicAdd(&bins[in[i] % 8], 1);
}
// No volatile access, no wait: the fast path as before.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
__global__ void plain(float *x) { x[threadIdx.x] *= 2; }
