// Warp-synchronous code without `volatile`: a thread reads a shared element after another
// element was written, with no barrier between. Only warp lockstep orders that on a GPU, so
// every access to that variable goes through the lanes' meeting; race-free uses stay as they are.
#include <cuda_runtime.h>
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
// CHECK: ::npu::warp_update<::npu::WarpUpdate::Add>(s[t] , ::npu::warp_load(s[t + 32]));
// CHECK: ::npu::warp_update<::npu::WarpUpdate::Add>(s[t] , ::npu::warp_load(s[t + 16]));
// CHECK: out[blockIdx.x] = ::npu::warp_load(s[0]);
__global__ void last_warp(const float *in, float *out) {
  __shared__ float s[64];
  unsigned t = threadIdx.x;
  s[t] = in[t];
  __syncthreads();
  if (t < 32) {
    s[t] += s[t + 32];
    s[t] += s[t + 16];
  }
  if (t == 0) out[blockIdx.x] = s[0];
}
// Threads 0..15 write, thread 0 reads in a loop.
// CHECK: ::npu::warp_store(part[threadIdx.x] , threadIdx.x + 1.0f);
// CHECK: a += ::npu::warp_load(part[k]);
__global__ void gather(float *out) {
  __shared__ float part[16];
  if (threadIdx.x < 16) part[threadIdx.x] = threadIdx.x + 1.0f;
  if (threadIdx.x == 0) {
    float a = 0;
    for (int k = 0; k < 16; ++k) a += part[k];
    out[blockIdx.x] = a;
  }
}
// A tree reduction reads before it writes between barriers; the code after its loop reads what
// the loop's last stretch wrote: barrier regions, no lockstep.
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK-NOT: warp_load(s[t + k])
__global__ void tree(const float *in, float *out) {
  __shared__ float s[128];
  unsigned t = threadIdx.x;
  s[t] = in[t];
  __syncthreads();
  for (unsigned k = 64; k > 0; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) out[blockIdx.x] = s[0];
}
// Each thread reading its own element back: not warp-synchronous.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
// CHECK-NOT: warp_load(own[threadIdx.x])
__global__ void private_use(float *out) {
  __shared__ float own[64];
  own[threadIdx.x] = threadIdx.x;
  own[threadIdx.x] *= 2;
  out[threadIdx.x] = own[threadIdx.x];
}
