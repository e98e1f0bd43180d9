// Sparse matrix-vector product y = A x with A in CSR format.
//
// The matrix is a synthetic "FEM-like" one: a 5-point Laplacian band plus a
// random number (0..MAX_EXTRA) of random off-band entries per row, so row
// lengths vary (a few rows are made long). Two classic kernels are compared:
//   spmvScalar: one thread per row (simple; poor coalescing on long rows);
//   spmvVector: one warp per row, lanes stride over the row's nonzeros and
//               the partial sums are combined with __shfl_down_sync.
// Both results are compared with a double-precision CPU product, scaled by
// sum |a_ij x_j| per row.
//
// CUDA features: CSR index arrays (row pointers, column indices), indirect
// (gather) loads, warp-per-row mapping with __shfl_down_sync full mask,
// global thread id / 32 for warp ids, read-only __restrict__
// pointers, cudaEvent timing, GB/s report.
//
// Usage: spmv_csr [rows]   (default 16384 rows)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define MAX_EXTRA 12
#define WARP_SIZE 32
constexpr int kThreads = 256;

__global__ void spmvScalar(int rows, const int *__restrict__ rowPtr,
                           const int *__restrict__ colIdx,
                           const float *__restrict__ vals,
                           const float *__restrict__ x, float *__restrict__ y) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < rows) {
    float sum = 0.0f;
    for (int k = rowPtr[row]; k < rowPtr[row + 1]; ++k) sum += vals[k] * x[colIdx[k]];
    y[row] = sum;
  }
}

__global__ void spmvVector(int rows, const int *__restrict__ rowPtr,
                           const int *__restrict__ colIdx,
                           const float *__restrict__ vals,
                           const float *__restrict__ x, float *__restrict__ y) {
  int globalThread = blockIdx.x * blockDim.x + threadIdx.x;
  int row = globalThread / WARP_SIZE;  // one warp per row
  int lane = threadIdx.x & (WARP_SIZE - 1);
  if (row >= rows) return;  // whole warp leaves together

  int begin = rowPtr[row], end = rowPtr[row + 1];
  float sum = 0.0f;
  for (int k = begin + lane; k < end; k += WARP_SIZE) sum += vals[k] * x[colIdx[k]];
  for (int offset = WARP_SIZE / 2; offset > 0; offset >>= 1)
    sum += __shfl_down_sync(0xffffffff, sum, offset);
  if (lane == 0) y[row] = sum;
}

int main(int argc, char **argv) {
  int rows = argc > 1 ? atoi(argv[1]) : 16384;
  if (rows < 4) {
    fprintf(stderr, "usage: %s [rows >= 4]\n", argv[0]);
    return EXIT_FAILURE;
  }
  const int cols = rows;
  const int gridW = static_cast<int>(std::sqrt(static_cast<double>(rows)));

  // ---- build the CSR matrix on the host (column indices sorted per row)
  std::mt19937 gen(99);
  std::uniform_int_distribution<int> extraCount(0, MAX_EXTRA);
  std::uniform_int_distribution<int> anyCol(0, cols - 1);
  std::uniform_real_distribution<float> val(-1.0f, 1.0f);
  std::vector<int> rowPtr(rows + 1, 0), colIdx;
  std::vector<float> vals;
  std::vector<int> rowCols;
  for (int r = 0; r < rows; ++r) {
    rowCols.clear();
    const int band[5] = {r - gridW, r - 1, r, r + 1, r + gridW};
    for (int c : band)
      if (c >= 0 && c < cols) rowCols.push_back(c);
    int extra = (r % 997 == 0) ? 300 : extraCount(gen);  // a few long rows
    for (int e = 0; e < extra; ++e) rowCols.push_back(anyCol(gen));
    std::sort(rowCols.begin(), rowCols.end());
    rowCols.erase(std::unique(rowCols.begin(), rowCols.end()), rowCols.end());
    for (int c : rowCols) {
      colIdx.push_back(c);
      vals.push_back(c == r ? 4.0f : val(gen));
    }
    rowPtr[r + 1] = static_cast<int>(colIdx.size());
  }
  int nnz = rowPtr[rows];
  std::vector<float> x(cols);
  for (int c = 0; c < cols; ++c) x[c] = std::sin(0.001f * c) + 0.5f;

  std::vector<double> ref(rows), mag(rows);
  for (int r = 0; r < rows; ++r) {
    double s = 0.0, m = 0.0;
    for (int k = rowPtr[r]; k < rowPtr[r + 1]; ++k) {
      s += static_cast<double>(vals[k]) * x[colIdx[k]];
      m += std::fabs(static_cast<double>(vals[k]) * x[colIdx[k]]);
    }
    ref[r] = s;
    mag[r] = m;
  }

  int *dRowPtr, *dColIdx;
  float *dVals, *dX, *dY;
  CHECK(cudaMalloc(&dRowPtr, (rows + 1) * sizeof(int)));
  CHECK(cudaMalloc(&dColIdx, nnz * sizeof(int)));
  CHECK(cudaMalloc(&dVals, nnz * sizeof(float)));
  CHECK(cudaMalloc(&dX, cols * sizeof(float)));
  CHECK(cudaMalloc(&dY, rows * sizeof(float)));
  CHECK(cudaMemcpy(dRowPtr, rowPtr.data(), (rows + 1) * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dColIdx, colIdx.data(), nnz * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dVals, vals.data(), nnz * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dX, x.data(), cols * sizeof(float), cudaMemcpyHostToDevice));

  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  std::vector<float> y(rows);
  int errors = 0;
  const char *names[2] = {"scalar (thread/row)", "vector (warp/row)  "};
  for (int variant = 0; variant < 2; ++variant) {
    CHECK(cudaMemset(dY, 0, rows * sizeof(float)));
    CHECK(cudaEventRecord(start));
    if (variant == 0) {
      int blocks = (rows + kThreads - 1) / kThreads;
      spmvScalar<<<blocks, kThreads>>>(rows, dRowPtr, dColIdx, dVals, dX, dY);
    } else {
      long long threads = static_cast<long long>(rows) * WARP_SIZE;
      int blocks = static_cast<int>((threads + kThreads - 1) / kThreads);
      spmvVector<<<blocks, kThreads>>>(rows, dRowPtr, dColIdx, dVals, dX, dY);
    }
    CHECK(cudaGetLastError());
    CHECK(cudaEventRecord(stop));
    CHECK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CHECK(cudaEventElapsedTime(&ms, start, stop));
    CHECK(cudaMemcpy(y.data(), dY, rows * sizeof(float), cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int r = 0; r < rows; ++r)
      if (std::fabs(y[r] - ref[r]) > 1e-5 * mag[r] + 1e-6) {
        if (bad < 5)
          fprintf(stderr, "%s: row %d: got %f, expected %f\n", names[variant], r,
                  y[r], ref[r]);
        ++bad;
      }
    double bytesMoved = nnz * (sizeof(float) + sizeof(int) + sizeof(float)) +
                        (rows + 1) * sizeof(int) + rows * sizeof(float);
    printf("  %s %8.3f ms  %7.2f GB/s  %d errors\n", names[variant], ms,
           ms > 0.0f ? bytesMoved / (ms * 1e6) : 0.0, bad);
    errors += bad;
  }

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(dRowPtr));
  CHECK(cudaFree(dColIdx));
  CHECK(cudaFree(dVals));
  CHECK(cudaFree(dX));
  CHECK(cudaFree(dY));

  printf("spmv_csr: %d x %d, %d nonzeros, %d errors\n", rows, cols, nnz, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
