// Loop interchange: a uniform loop in which each thread walks a strided column runs at block
// level, its body a per-thread loop at every iteration (LoopInterchange.h); a thread-dependent
// guard around it becomes an exit test. Locals that are pure functions of the thread's
// coordinates are computed again in each region instead of kept in slots.
#include <cuda_runtime.h>
#define BS 16

// CHECK: __global__ void matvecCol(const float *A, const float *x, float *y, int n) {
// CHECK:   ::npu::block_regions<::npu::ThreadDims::X, true, ::npu::RowIndex::GlobalOnly>([&](::npu::BlockRegions &npu_block) {
// CHECK:   auto *npu_sum = npu_block.per_thread<float>();
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
// CHECK:   NPU_COST(intops(3));
// CHECK:   [[maybe_unused]] int row = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK:   });
// CHECK:   { npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) { int const row = blockIdx.x * blockDim.x + threadIdx.x; if (!(row < n)) return npu_block.exit(npu_thread); });
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
// CHECK:     NPU_COST(gwrite(4));
// CHECK:     [[maybe_unused]] auto &sum = npu_sum[npu_thread] = 0.0f;
// CHECK:     });
// CHECK:     for (int j = 0; npu_block.active() && (j < n); ++j)
// CHECK:       npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) { int const row = blockIdx.x * blockDim.x + threadIdx.x; auto &sum = npu_sum[npu_thread];
// CHECK:       { NPU_COST(fp32(2), intops(4), gread(8)); sum += A[j * n + row] * x[j]; }
// CHECK:       });
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) { int const row = blockIdx.x * blockDim.x + threadIdx.x; auto &sum = npu_sum[npu_thread];
// CHECK:     y[row] = sum;
// CHECK:     });
// CHECK:   }
// CHECK:   });
// CHECK: }
__global__ void matvecCol(const float *A, const float *x, float *y, int n) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < n) {
    float sum = 0.0f;
    for (int j = 0; j < n; ++j)
      sum += A[j * n + row] * x[j];
    y[row] = sum;
  }
}

// Two-dimensional subscripts: a[i][t].
// CHECK: __global__ void columns2d(const float (*a)[256], float *out, int rows) {
// CHECK:   ::npu::block_regions<::npu::ThreadDims::X, true>([&](::npu::BlockRegions &npu_block) {
// CHECK:   auto *npu_s = npu_block.per_thread<float>();
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
// CHECK:   NPU_COST(gwrite(4));
// CHECK:   [[maybe_unused]] auto &s = npu_s[npu_thread] = 0.0f;
// CHECK:   });
// CHECK:   for (int i = 0; npu_block.active() && (i < rows); ++i)
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { auto &s = npu_s[npu_thread];
// CHECK:     { NPU_COST(fp32(1), intops(2), gread(4)); s += a[i][threadIdx.x]; }
// CHECK:     });
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { auto &s = npu_s[npu_thread];
// CHECK:   out[threadIdx.x] = s;
// CHECK:   });
// CHECK:   });
// CHECK: }
__global__ void columns2d(const float (*a)[256], float *out, int rows) {
  float s = 0.0f;
  for (int i = 0; i < rows; ++i)
    s += a[i][threadIdx.x];
  out[threadIdx.x] = s;
}

// A thread walking its own row: already the order a CPU wants, left on the fast path.
// CHECK: __global__ void matvecRow(const float *A, const float *x, float *y, int n) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
// CHECK:   NPU_COST(intops(3));
// CHECK:   int row = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK:   if (npu_guard.enters(row < n)) {
// CHECK:     NPU_COST(gwrite(4));
// CHECK:     float sum = 0.0f;
// CHECK:     for (int j = 0; j < n; ++j)
// CHECK:       { NPU_COST(fp32(2), intops(4), gread(8)); sum += A[row * n + j] * x[j]; }
// CHECK:     y[row] = sum;
// CHECK:   }
// CHECK:   });
// CHECK: }
__global__ void matvecRow(const float *A, const float *x, float *y, int n) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < n) {
    float sum = 0.0f;
    for (int j = 0; j < n; ++j)
      sum += A[row * n + j] * x[j];
    y[row] = sum;
  }
}

// A few iterations of a constant bound, a strided __shared__ array, a continue: not interchanged.
// CHECK: __global__ void notWorthIt(const float *A, float *y, int n) {
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::Global>([&](NPU_THREAD_PARAMS) {
// CHECK:   NPU_COST(intops(2), gwrite(4));
// CHECK:   __shared__ float s[64][65];
// CHECK:   int t = blockIdx.x * blockDim.x + threadIdx.x;
// CHECK:   float v = 0.0f;
// CHECK:   for (int j = 0; j < 32; j += 8)
// CHECK:     { NPU_COST(fp32(1), intops(4), gread(4)); v += A[j * n + t]; }
// CHECK:   for (int j = 0; j < 64; ++j)
// CHECK:     { NPU_COST(fp32(1), intops(2), shared(4)); v += s[j][threadIdx.x]; }
// CHECK:   for (int j = 0; j < n; ++j) {
// CHECK:     NPU_COST(fp32(1), intops(5), gread(4));
// CHECK:     if (j == t)
// CHECK:       continue;
// CHECK:     v += A[j * n + t];
// CHECK:   }
// CHECK:   y[t] = v;
// CHECK:   });
// CHECK: }
__global__ void notWorthIt(const float *A, float *y, int n) {
  __shared__ float s[64][65];
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  float v = 0.0f;
  for (int j = 0; j < 32; j += 8)
    v += A[j * n + t];
  for (int j = 0; j < 64; ++j)
    v += s[j][threadIdx.x];
  for (int j = 0; j < n; ++j) {
    if (j == t)
      continue;
    v += A[j * n + t];
  }
  y[t] = v;
}

// A barrier under a guard that ends the kernel: the guard is an exit test, the kernel takes the
// barrier-region form instead of fibers.
// CHECK: __global__ void guardedTile(const float *in, float *out, int n) {
// CHECK:   ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK:   __shared__ float tile[BS];
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) {
// CHECK:   NPU_COST(intops(3));
// CHECK:   [[maybe_unused]] int i = blockIdx.x * BS + threadIdx.x;
// CHECK:   });
// CHECK:   { npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { int const i = blockIdx.x * BS + threadIdx.x; if (!(i < n)) return npu_block.exit(npu_thread); });
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { int const i = blockIdx.x * BS + threadIdx.x;
// CHECK:     NPU_COST(intops(1), gread(4), gwrite(4), shared(8), barriers(1));
// CHECK:     tile[threadIdx.x] = in[i];
// CHECK:     });
// CHECK:     /* __syncthreads(); */
// CHECK:     npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_REGION_PARAMS) { int const i = blockIdx.x * BS + threadIdx.x;
// CHECK:     out[i] = tile[BS - 1 - threadIdx.x];
// CHECK:     });
// CHECK:   }
// CHECK:   });
// CHECK: }
__global__ void guardedTile(const float *in, float *out, int n) {
  __shared__ float tile[BS];
  int i = blockIdx.x * BS + threadIdx.x;
  if (i < n) {
    tile[threadIdx.x] = in[i];
    __syncthreads();
    out[i] = tile[BS - 1 - threadIdx.x];
  }
}

// Thread-strided loops: the variable runs as thread 0's at block level (the thread term becomes
// 0) and each thread adds its offset, then tests the bound, in the body's region.
// CHECK: __global__ void gridStride(const float *in, float *out, int n) {
// CHECK:   ::npu::block_regions<::npu::ThreadDims::X, true>([&](::npu::BlockRegions &npu_block) {
// CHECK:   auto *npu_sum = npu_block.per_thread<float>();
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
// CHECK:   NPU_COST(intops(4), gwrite(4));
// CHECK:   [[maybe_unused]] unsigned int tid = threadIdx.x;
// CHECK:   [[maybe_unused]] auto &sum = npu_sum[npu_thread] = 0.0f;
// CHECK:   });
// CHECK:   for (int i = blockIdx.x * blockDim.x + 0; npu_block.active() && (i < n); i += blockDim.x * gridDim.x)
// CHECK:     npu_block.for_each_thread_strided<::npu::ThreadIdxGlobal::Unused>([&](const auto npu_guard, NPU_REGION_PARAMS) { unsigned int const tid = threadIdx.x; auto &sum = npu_sum[npu_thread]; const auto npu_i_base = i; int i = npu_i_base + static_cast<int>(tid); if (npu_guard.exits(!(i < n))) return;
// CHECK:     { NPU_COST(fp32(1), intops(3), gread(4)); sum += in[i]; }
// CHECK:     });
// CHECK:   npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) { unsigned int const tid = threadIdx.x; auto &sum = npu_sum[npu_thread];
// CHECK:   out[blockIdx.x * blockDim.x + tid] = sum;
// CHECK:   });
// CHECK:   });
// CHECK: }
__global__ void gridStride(const float *in, float *out, int n) {
  unsigned int tid = threadIdx.x;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + tid; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  out[blockIdx.x * blockDim.x + tid] = sum;
}

// A stride that is a small constant: not interchanged.
// CHECK: __global__ void smallStride(int *out, int n) {
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
// CHECK:   for (int i = threadIdx.x; i < n; i += 4)
// CHECK:     { NPU_COST(intops(2), gwrite(4)); out[i] = i; }
// CHECK:   });
// CHECK: }
__global__ void smallStride(int *out, int n) {
  for (int i = threadIdx.x; i < n; i += 4)
    out[i] = i;
}
