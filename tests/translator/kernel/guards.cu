// Guards checked a row at a time (rules/kernel/FastPathGuard.h): a fast-path body that is
// declarations free of side effects and then a guard runs under for_each_thread_guarded, its
// condition wrapped as npu_guard.enters(...) (the last statement) or npu_guard.exits(...) (an
// early `return;`); a thread-strided loop's own condition in a barrier-region kernel likewise.
// Bodies of any other shape keep the plain loop and their conditions as written.
// NO-DIAG
#include <cuda_runtime.h>

#define N_MAX 4096

// Comparisons of the global x index with values the same along a row are monotone along it: the
// row is checked at its first and last lanes (for_each_thread_monotone).
// CHECK: ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
// CHECK: int i = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK: if (npu_guard.enters(i < n && i < N_MAX))
__global__ void saxpy(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && i < N_MAX)
    y[i] = a * x[i] + y[i];
}

// The early-return form, with a load in the declarations and more statements after the guard;
// row (from threadIdx.y) is the same along a row.
// CHECK: ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XY, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
// CHECK: if (npu_guard.exits(row >= rows || col >= cols))
// CHECK: return;
__global__ void scale2d(float *m, const float *factor, int rows, int cols) {
  int row = blockIdx.y * blockDim.y + threadIdx.y, col = blockIdx.x * blockDim.x + threadIdx.x;
  const float f = factor[0];
  if (row >= rows || col >= cols)
    return;
  float v = m[row * cols + col];
  m[row * cols + col] = v * f;
}

// CHECK: __global__ void interior(const float *in, float *out, int n) {
// CHECK: ::npu::for_each_thread_monotone<
// CHECK: if (npu_guard.enters(i > 0 && i < n - 1))
__global__ void interior(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i > 0 && i < n - 1)
    out[i] = 0.5f * (in[i - 1] + in[i + 1]);
}

// threadIdx.y is the same along a row.
// CHECK: __global__ void topRows(float *y, int n) {
// CHECK: ::npu::for_each_thread_monotone<
__global__ void topRows(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && threadIdx.y < 2)
    y[i] = 1.0f;
}

// Not monotone along a row (or not shown to be): every lane is checked (for_each_thread_guarded).
// CHECK: __global__ void lowLanes(float *y, int n) {
// CHECK: ::npu::for_each_thread_guarded<
__global__ void lowLanes(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int lane = threadIdx.x % 32;
  if (i < n && lane < 16)
    y[i] = 1.0f;
}
// CHECK: __global__ void evenOnly(float *y, int n) {
// CHECK: ::npu::for_each_thread_guarded<
__global__ void evenOnly(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && i % 2 == 0)
    y[i] = 1.0f;
}
// CHECK: __global__ void firstLanes(float *y, int n) {
// CHECK: ::npu::for_each_thread_guarded<
__global__ void firstLanes(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (threadIdx.x < 16 && i < n)
    y[i] = 1.0f;
}
// CHECK: __global__ void narrowIndex(float *y, int n) {
// CHECK: ::npu::for_each_thread_guarded<
__global__ void narrowIndex(float *y, int n) {
  short i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = 1.0f;
}
// CHECK: __global__ void outside(float *y, int lo, int hi) {
// CHECK: ::npu::for_each_thread_guarded<
__global__ void outside(float *y, int lo, int hi) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < lo || i >= hi)
    y[i] = 1.0f;
}

// A statement before the guard that is not a declaration: the plain loop.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](NPU_THREAD_PARAMS) {
// CHECK: if (i < n)
__global__ void storesFirst(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  y[0] = 1.0f;
  if (i < n)
    y[i] = 2.0f;
}

// A declaration with a side effect (an atomic): evaluating it twice would count twice.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
// CHECK: if (slot < n)
__global__ void claims(int *next, int *out, int n) {
  int slot = atomicAdd(next, 1);
  if (slot < n)
    out[slot] = slot;
}

// A guard that is not the last statement and does not return; a condition that calls; an else.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](NPU_THREAD_PARAMS) {
// CHECK: if (i < n)
__global__ void guardThenMore(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = 1.0f;
  y[0] = 0.0f;
}
__device__ bool keep(int i);
__device__ bool keep(int i) { return i % 3 != 0; }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](NPU_THREAD_PARAMS) {
// CHECK: if (keep(i))
__global__ void callsInGuard(float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (keep(i))
    y[i] = 1.0f;
}
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](NPU_THREAD_PARAMS) {
// CHECK: if (i < n)
__global__ void withElse(float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = 1.0f;
  else
    y[0] = 0.0f;
}

// A thread-strided loop in a barrier-region kernel: its condition is the region's guard, and a
// signed `i < n` whose i grows with threadIdx.x holds for a row when it holds for its last lane.
// CHECK: npu_block.for_each_thread_strided<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](const auto npu_guard, NPU_REGION_PARAMS) {
// CHECK: int i = npu_i_base + static_cast<int>(threadIdx.x); if (npu_guard.exits(!(i < n))) return;
__global__ void blockSum(const float *in, float *out, int n) {
  __shared__ float partial[256];
  float sum = 0.0f;
  for (int i = threadIdx.x; i < n; i += blockDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  if (threadIdx.x == 0) {
    float total = 0.0f;
    for (int t = 0; t < 256; ++t)
      total += partial[t];
    out[blockIdx.x] = total;
  }
}

// Compared as unsigned (an unsigned bound), the condition need not hold for a whole row when it
// holds for the last lane: every lane is checked.
// CHECK: npu_block.for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>([&](const auto npu_guard, NPU_REGION_PARAMS) {
// CHECK: if (npu_guard.exits(!(i < n))) return;
__global__ void gridSumUnsigned(const float *in, float *out, unsigned n) {
  __shared__ float partial[256];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  if (threadIdx.x == 0)
    out[blockIdx.x] = partial[0] + partial[255];
}

// A start that may be negative, compared as unsigned: the block's start (-3) fails where a later
// thread's (0) passes, so the loop is not interchanged: each thread runs its own.
// CHECK: for (int i = start + threadIdx.x; i < n; i += blockDim.x)
__global__ void sumFrom(const int *in, int *out, unsigned n, int start) {
  __shared__ int partial[64];
  int sum = 0;
  for (int i = start + threadIdx.x; i < n; i += blockDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  if (threadIdx.x == 0)
    *out = partial[0] + partial[63];
}
