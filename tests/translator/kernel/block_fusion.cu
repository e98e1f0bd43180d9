// Block fusion (RowIndex::GlobalOnly, rules/kernel/ThreadLoop.h): a kernel with no barrier whose
// body reads threadIdx.x and blockIdx.x only in `blockIdx.x * blockDim.x + threadIdx.x`, and no
// shared memory, with callees that read neither global nor shared memory, lets the runtime run
// blocks adjacent in x as one row. Anything else that tells those blocks apart keeps Global.
// NO-DIAG
#include <cuda_runtime.h>

// CHECK: __global__ void scale2d(float *m, int width, int height, float s) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XY, ::npu::RowIndex::GlobalOnly>(
__global__ void scale2d(float *m, int width, int height, float s) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = threadIdx.y + blockIdx.y * blockDim.y;
  if (x < width && y < height)
    m[y * width + x] *= s;
}

// CHECK: __global__ void gridStride(const float *x, float *y, int n) {
// CHECK:   ::npu::block_regions<::npu::ThreadDims::X, true, ::npu::RowIndex::GlobalOnly>(
__global__ void gridStride(const float *x, float *y, int n) {
  for (int i = blockDim.x * blockIdx.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] += x[i];
}

// A sum in a wider type: each operand or the product may be cast to an integer type of 32 bits
// or more; a grid-stride loop spelled by a macro (CUDA_KERNEL_LOOP) stays on the fast path.
#define CUDA_KERNEL_LOOP(i, n)                                                                     \
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < (n); i += blockDim.x * gridDim.x)

// CHECK: __global__ void sizeT(float *y, size_t n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>(
__global__ void sizeT(float *y, size_t n) {
  size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] *= 2.0f;
}

// CHECK: __global__ void longProduct(float *y, long n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>(
__global__ void longProduct(float *y, long n) {
  long i = static_cast<long>(blockIdx.x * blockDim.x) + threadIdx.x;
  if (i < n)
    y[i] += 1.0f;
}

// CHECK: __global__ void macroLoop(const float *x, float *y, int n) {
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>(
__global__ void macroLoop(const float *x, float *y, int n) {
  CUDA_KERNEL_LOOP(i, n) { y[i] = 3.0f * x[i]; }
}

// A narrowing cast is not the index: the plain loop.
// CHECK: __global__ void narrowed(float *y, int n) {
// CHECK:   ::npu::for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>(
__global__ void narrowed(float *y, int n) {
  int i = (unsigned short)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] += 1.0f;
}

// CHECK: __global__ void laneAlone(int *out, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void laneAlone(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = threadIdx.x;
}

// CHECK: __global__ void blockAlone(int *counts, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global>(
__global__ void blockAlone(int *counts, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    atomicAdd(&counts[blockIdx.x], 1);
}

// CHECK: __global__ void wholeBlockIdx(int *out, int n) {
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void wholeBlockIdx(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  uint3 b = blockIdx;
  if (i < n)
    out[i] = b.y;
}

// CHECK: __global__ void sharedNoBarrier(float *out, int n) {
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void sharedNoBarrier(float *out, int n) {
  __shared__ float scratch[256];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    scratch[i % 256] = 2.0f * i;
    out[i] = scratch[i % 256];
  }
}

__device__ int blockTag() { return blockIdx.x; }

// CHECK: __global__ void calleeReadsBlockIdx(int *out, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void calleeReadsBlockIdx(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = blockTag();
}

__device__ float throughShared(float v) {
  __shared__ float staging[128];
  staging[0] = v;
  return staging[0];
}

// CHECK: __global__ void calleeReadsShared(float *out, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void calleeReadsShared(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = throughShared(out[i]);
}

__device__ float twice(float v) { return 2.0f * v; }

// CHECK: __global__ void calleeIndependent(float *out, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>(
__global__ void calleeIndependent(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = twice(out[i]);
}

// CHECK: __global__ void withBarrier(float *out, int n) {
// CHECK:   ::npu::block_regions(
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>(
__global__ void withBarrier(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? out[i] : 0.0f;
  __syncthreads();
  if (i < n)
    out[i] = v + 1.0f;
}

int main() {
  float *m = nullptr;
  int *c = nullptr;
  scale2d<<<dim3(4, 4), dim3(16, 16)>>>(m, 64, 64, 2.0f);
  gridStride<<<8, 128>>>(m, m, 1000);
  sizeT<<<8, 128>>>(m, 1000);
  longProduct<<<8, 128>>>(m, 1000);
  macroLoop<<<8, 128>>>(m, m, 1000);
  narrowed<<<8, 128>>>(m, 1000);
  laneAlone<<<8, 128>>>(c, 1000);
  blockAlone<<<8, 128>>>(c, 1000);
  wholeBlockIdx<<<8, 128>>>(c, 1000);
  sharedNoBarrier<<<8, 128>>>(m, 1000);
  calleeReadsBlockIdx<<<8, 128>>>(c, 1000);
  calleeReadsShared<<<8, 128>>>(m, 1000);
  calleeIndependent<<<8, 128>>>(m, 1000);
  withBarrier<<<8, 128>>>(m, 1000);
  return 0;
}
