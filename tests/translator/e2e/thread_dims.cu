// Thread loops that run one of each set of duplicate threads (rules/kernel/ThreadLoop.h): the
// results must be the GPU's, on the cpu backend (duplicates collapsed) and on a modelled device
// (every thread run, counted).
#include <cstdio>
#include <cuda_runtime.h>

// One thread per row walking a column-major matrix, launched with 32x8 blocks: the body never
// reads threadIdx.y, so the 8 threads of a row are duplicates.
__global__ void matvecColumns(const float *a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float sum = 0;
    for (int j = 0; j < n; ++j)
      sum += a[j * n + i] * x[j];
    y[i] = sum;
  }
}

// Reads only threadIdx.y: one x per row of the block runs.
__global__ void rowsOnly(int *rows) { rows[blockIdx.x * blockDim.y + threadIdx.y] = threadIdx.y; }

// The same shape with an atomic: every thread's increment counts, nothing is collapsed.
__global__ void countThreads(int *count, const int *unused) {
  if (unused[blockIdx.x] == 0)
    atomicAdd(count, 1);
}

__device__ int linearId() { return threadIdx.y * blockDim.x + threadIdx.x; }

// The body reads only threadIdx.x, but a callee reads the global threadIdx.y: every thread runs.
__global__ void throughCallee(int *out) { out[linearId()] = threadIdx.x; }

// PolyBench's mvt kernel 1 on 32x8 blocks: the eight duplicates of a row accumulate into x1[i]
// with no reset. A GPU's lockstep duplicates store one value; every backend runs one of them (a
// modelled device counts it eight times).
__global__ void mvtRows(const float *a, const float *y1, float *x1, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    for (int j = 0; j < n; j++)
      x1[i] += a[i * n + j] * y1[j];
}

int main() {
  const int n = 256;
  float *a, *x, *y;
  int *rows, *count, *zeros, *ids;
  cudaMallocManaged(&a, n * n * sizeof(float));
  cudaMallocManaged(&x, n * sizeof(float));
  cudaMallocManaged(&y, n * sizeof(float));
  cudaMallocManaged(&rows, 4 * 8 * sizeof(int));
  cudaMallocManaged(&count, sizeof(int));
  cudaMallocManaged(&zeros, 4 * sizeof(int));
  cudaMallocManaged(&ids, 256 * sizeof(int));
  for (int i = 0; i < n * n; ++i)
    a[i] = float(i % 13) - 6.0f;
  for (int j = 0; j < n; ++j)
    x[j] = float(j % 5) * 0.25f;
  for (int i = 0; i < 32; ++i)
    rows[i] = -1;
  for (int i = 0; i < 4; ++i)
    zeros[i] = 0;
  for (int i = 0; i < 256; ++i)
    ids[i] = -1;
  *count = 0;
  matvecColumns<<<n / 32, dim3(32, 8)>>>(a, x, y, n);
  rowsOnly<<<4, dim3(16, 8)>>>(rows);
  countThreads<<<4, dim3(32, 8)>>>(count, zeros);
  throughCallee<<<1, dim3(32, 8)>>>(ids);
  float *x1;
  cudaMallocManaged(&x1, n * sizeof(float));
  for (int i = 0; i < n; ++i)
    x1[i] = 1.0f;
  mvtRows<<<n / 32, dim3(32, 8)>>>(a, x, x1, n);
  if (cudaDeviceSynchronize() != cudaSuccess) {
    printf("FAIL: %s\n", cudaGetErrorString(cudaGetLastError()));
    return 1;
  }
  bool ok = true;
  for (int i = 0; i < n; ++i) {
    float sum = 0;
    for (int j = 0; j < n; ++j)
      sum += a[j * n + i] * x[j];
    ok &= y[i] == sum;
  }
  for (int i = 0; i < 32; ++i)
    ok &= rows[i] == i % 8;
  ok &= *count == 4 * 256;
  for (int i = 0; i < 256; ++i)
    ok &= ids[i] == i % 32;
  for (int i = 0; i < n; ++i) {
    float sum = 1.0f;
    for (int j = 0; j < n; ++j)
      sum += a[i * n + j] * x[j];
    ok &= x1[i] == sum;
  }
  printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
