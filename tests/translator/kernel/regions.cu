// Barrier regions: kernels whose __syncthreads() sit at block level (top of the body, uniform
// loops and ifs) run as per-thread loops between the barriers instead of fibers.
#include <cuda_runtime.h>
#define TILE 16

// CHECK: __global__ void reduce(const float *in, double *out, int n) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK-NOT: npu_tid
// CHECK:   __shared__ float s[256];
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>([&](NPU_REGION_PARAMS) {
// CHECK:   unsigned tid = threadIdx.x;
// CHECK:   int i = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK:   });
// CHECK:   /* __syncthreads(); */
// CHECK:   for (unsigned st = blockDim.x / 2; npu_block.active() && (st > 0); st >>= 1) {
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>([&](NPU_REGION_PARAMS) { unsigned int const tid = threadIdx.x;
// CHECK:     if (tid < st) { NPU_COST(fp32(1), intops(1), shared(12)); s[tid] += s[tid + st]; }
// CHECK:     });
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>([&](NPU_REGION_PARAMS) { unsigned int const tid = threadIdx.x;
// CHECK:   if (tid == 0) { NPU_COST(shared(4), atomics(1)); atomicAdd(out, (double)s[0]); }
// CHECK:   });
// CHECK:   });
// CHECK: }
__global__ void reduce(const float *in, double *out, int n) {
  __shared__ float s[256];
  unsigned tid = threadIdx.x;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  s[tid] = i < n ? in[i] : 0.f;
  __syncthreads();
  for (unsigned st = blockDim.x / 2; st > 0; st >>= 1) {
    if (tid < st) s[tid] += s[tid + st];
    __syncthreads();
  }
  if (tid == 0) atomicAdd(out, (double)s[0]);
}

// Early return before a barrier; several declarators; a const local; a uniform while loop with
// its update after the barrier; a uniform if.
// CHECK: __global__ void guarded(float *x, int n) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK:   auto *npu_a = npu_block.per_thread<float>();
// CHECK:   auto *npu_b = npu_block.per_thread<float>();
// CHECK:   const int i = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK:   if (i >= n) return npu_block.exit(npu_thread);
// CHECK:   auto &a = npu_a[npu_thread] = x[i]; [[maybe_unused]] auto &b = npu_b[npu_thread] = 2.f * a;
// CHECK:   int half = n / 2;
// CHECK:   while (npu_block.active() && (half > 0)) {
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>([&](NPU_REGION_PARAMS) { int const i = blockIdx.x * blockDim.x + threadIdx.x; auto &a = npu_a[npu_thread]; auto &b = npu_b[npu_thread];
// CHECK:     half /= 2;
// CHECK:   if (n > 64) {
__global__ void guarded(float *x, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float a = x[i], b = 2.f * a;
  __syncthreads();
  int half = n / 2;
  while (half > 0) {
    x[i] = a + b;
    __syncthreads();
    half /= 2;
  }
  if (n > 64) {
    x[i] += 1;
    __syncthreads();
  }
  x[i] += b;
}

// A return in the last region, which ends the body, is a plain return: no later region skips
// the thread, so it needs no exit mark (the one before the barrier keeps its own).
// CHECK: __global__ void tailReturn(const float *in, float *out, int n) {
// CHECK:   if (i >= n) return npu_block.exit(npu_thread);
// CHECK:   /* __syncthreads(); */
// CHECK:   if (i + 1 >= n)
// CHECK:     return;
// CHECK:   out[i] = s[127 - threadIdx.x];
__global__ void tailReturn(const float *in, float *out, int n) {
  __shared__ float s[128];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  s[threadIdx.x] = in[i < n ? i : 0];
  if (i >= n) return;
  __syncthreads();
  if (i + 1 >= n)
    return;
  out[i] = s[127 - threadIdx.x];
}

// Tiles with a constant step, #pragma unroll after a barrier, macros in expressions.
// CHECK: __global__ void tiled(const float *A, const float *B, float *C, int N) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK:   auto *npu_acc = npu_block.per_thread<float>();
// CHECK:   [[maybe_unused]] int tx = threadIdx.x, ty = threadIdx.y;
// CHECK:   int tiles = (N + TILE - 1) / TILE;
// CHECK:   for (int t = 0; npu_block.active() && (t < tiles); ++t) {
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XY>([&](NPU_REGION_PARAMS) { int const tx = threadIdx.x; int const ty = threadIdx.y;
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XY>([&](NPU_REGION_PARAMS) { int const tx = threadIdx.x; int const ty = threadIdx.y; auto &acc = npu_acc[npu_thread];
// CHECK:     #pragma GCC unroll 16
__global__ void tiled(const float *A, const float *B, float *C, int N) {
  __shared__ float As[TILE][TILE], Bs[TILE][TILE];
  int tx = threadIdx.x, ty = threadIdx.y;
  float acc = 0.0f;
  int tiles = (N + TILE - 1) / TILE;
  for (int t = 0; t < tiles; ++t) {
    As[ty][tx] = A[ty * N + t * TILE + tx];
    Bs[ty][tx] = B[(t * TILE + ty) * N + tx];
    __syncthreads();
    #pragma unroll
    for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  C[ty * N + tx] = acc;
}

// Template kernel, nested uniform loops (bitonic-like), dynamic shared memory.
// CHECK: template <class T, int BLOCK> __global__ void sortish(T *data) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK:   T *const buf = ::npu::dynamic_shared<T>();
// CHECK:   for (int k = 2; npu_block.active() && (k <= BLOCK); k <<= 1) {
// CHECK:     for (int j = k >> 1; npu_block.active() && (j > 0); j >>= 1) {
// CHECK:       npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { unsigned int const t = threadIdx.x;
template <class T, int BLOCK> __global__ void sortish(T *data) {
  extern __shared__ T buf[];
  unsigned t = threadIdx.x;
  buf[t] = data[blockIdx.x * BLOCK + t];
  __syncthreads();
  for (int k = 2; k <= BLOCK; k <<= 1) {
    for (int j = k >> 1; j > 0; j >>= 1) {
      unsigned p = t ^ j;
      if (p > t) {
        T a = buf[t], b = buf[p];
        bool up = (t & k) == 0;
        if ((a > b) == up) { buf[t] = b; buf[p] = a; }
      }
      __syncthreads();
    }
  }
  data[blockIdx.x * BLOCK + t] = buf[t];
}
template __global__ void sortish<float, 256>(float *);
// A block marching up columns (3D stencils): the loop's increment advances the uniform row, a
// per-thread cursor and a pointer parameter; the per-thread operands run per thread, in one
// region of their own in the increment.
// CHECK: __global__ void march(const int *in, int *out, int rows, int cols) {
// CHECK:   auto *npu_out = npu_block.per_thread_copy(out);
// CHECK:   auto *npu_i = npu_block.per_thread<int>();
// CHECK:   [[maybe_unused]] auto &i = npu_i[npu_thread] = c;
// CHECK:   for (int r = 0; npu_block.active() && (r < rows); ++r, npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { auto &out = npu_out[npu_thread]; auto &i = npu_i[npu_thread]; i += cols, out += cols; })) {
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { int const c = threadIdx.x; auto &i = npu_i[npu_thread];
__global__ void march(const int *in, int *out, int rows, int cols) {
  __shared__ int row[64];
  int c = threadIdx.x;
  int i = c;
  for (int r = 0; r < rows; ++r, i += cols, out += cols) {
    row[c] = in[i];
    __syncthreads();
    out[c] = row[(c + 1) % blockDim.x] + r;
    __syncthreads();
  }
}
// A callee reads the global threadIdx: the regions' loops keep it current for each thread.
// CHECK: __global__ void viaHelper(int *out) {
// CHECK:   npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
__device__ int laneOfThread() { return threadIdx.x % 32; }
__global__ void viaHelper(int *out) {
  __shared__ int lanes[64];
  lanes[threadIdx.x] = laneOfThread();
  __syncthreads();
  out[threadIdx.x] = lanes[63 - threadIdx.x];
}
// CHECK-NOT: for_each_thread_sync

// Warp operations next to a top-level barrier: the statement with the shuffle is a region that
// reads what the region before it published (tests/translator/warp/exchange.cu), the rest of
// the kernel barrier regions as usual.
// CHECK: __global__ void warps(float *x) {
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { npu_lanes_0.at(npu_thread).publish(x[threadIdx.x]); });
// CHECK:   [[maybe_unused]] auto &v = npu_v[npu_thread] = npu_lanes_0.at(npu_thread).shfl_xor_sync(0xffffffffu, x[threadIdx.x], 1);
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { auto &v = npu_v[npu_thread];
__global__ void warps(float *x) {
  float v = __shfl_xor_sync(0xffffffffu, x[threadIdx.x], 1);
  __syncthreads();
  x[threadIdx.x] = v;
}
