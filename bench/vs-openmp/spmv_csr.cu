// Scalar CSR sparse matrix-vector product, one thread per row (as in Bell and Garland,
// "Efficient Sparse Matrix-Vector Multiplication on CUDA", csrmv_scalar).
#include "cuda_check.h"
#include "spmv_problem.h"

__global__ void spmvCsrScalar(int rows, const int *rowPtr, const int *cols, const float *vals,
                              const float *x, float *y) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < rows) {
    float sum = 0.0f;
    for (int k = rowPtr[row]; k < rowPtr[row + 1]; ++k)
      sum += vals[k] * x[cols[k]];
    y[row] = sum;
  }
}

int main(int argc, char **argv) {
  const int n = spmv::size(vsomp::tiny(argc, argv));
  const spmv::Csr m = spmv::matrix(n);
  const std::vector<float> x = spmv::vector(n);
  std::vector<float> y(n);
  const size_t nnz = m.vals.size();
  int *dRowPtr, *dCols;
  float *dVals, *dX, *dY;
  CHECK(cudaMalloc(&dRowPtr, (n + 1) * sizeof(int)));
  CHECK(cudaMalloc(&dCols, nnz * sizeof(int)));
  CHECK(cudaMalloc(&dVals, nnz * sizeof(float)));
  CHECK(cudaMalloc(&dX, n * sizeof(float)));
  CHECK(cudaMalloc(&dY, n * sizeof(float)));
  CHECK(cudaMemcpy(dRowPtr, m.rowPtr.data(), (n + 1) * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dCols, m.cols.data(), nnz * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dVals, m.vals.data(), nnz * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dX, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  const int block = 256;
  const int grid = (n + block - 1) / block;
  const double ms = vsomp::warmTimedMs([&] {
    for (int p = 0; p < spmv::kPasses; ++p)
      spmvCsrScalar<<<grid, block>>>(n, dRowPtr, dCols, dVals, dX, dY);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(y.data(), dY, n * sizeof(float), cudaMemcpyDeviceToHost));
  const bool ok = spmv::check(m, x, y.data());
  CHECK(cudaFree(dRowPtr));
  CHECK(cudaFree(dCols));
  CHECK(cudaFree(dVals));
  CHECK(cudaFree(dX));
  CHECK(cudaFree(dY));
  return vsomp::report(spmv::label(m, n), ms, spmv::bytes(m, n), ok);
}
