// CSR sparse matrix-vector product with OpenMP: rows in parallel, a dot product each.
#include "spmv_problem.h"

int main(int argc, char **argv) {
  const int n = spmv::size(vsomp::tiny(argc, argv));
  const spmv::Csr m = spmv::matrix(n);
  const std::vector<float> x = spmv::vector(n);
  std::vector<float> y(n);
  const int *rowPtr = m.rowPtr.data(), *cols = m.cols.data();
  const float *vals = m.vals.data(), *px = x.data();
  float *py = y.data();
  const double ms = vsomp::warmTimedMs([&] {
    for (int p = 0; p < spmv::kPasses; ++p) {
#pragma omp parallel for
      for (int r = 0; r < n; ++r) {
        float sum = 0.0f;
        for (int k = rowPtr[r]; k < rowPtr[r + 1]; ++k)
          sum += vals[k] * px[cols[k]];
        py[r] = sum;
      }
    }
  });
  const bool ok = spmv::check(m, x, py);
  return vsomp::report(spmv::label(m, n), ms, spmv::bytes(m, n), ok);
}
