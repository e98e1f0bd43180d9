// Column-major matrix-vector product with OpenMP: blocks of 256 rows in parallel, each
// accumulated column by column (the loop order a CPU engineer writes for column-major data:
// contiguous, vectorised reads down each column).
#include "matvec_problem.h"
#include <algorithm>

int main(int argc, char **argv) {
  const int n = matvec::size(vsomp::tiny(argc, argv));
  constexpr int kRows = 256;
  std::vector<float> a, x, y(n);
  matvec::inputs(a, x, n);
  const float *pa = a.data(), *px = x.data();
  float *py = y.data();
  const double ms = vsomp::warmTimedMs([&] {
    for (int p = 0; p < matvec::kPasses; ++p) {
#pragma omp parallel for
      for (int r0 = 0; r0 < n; r0 += kRows) {
        const int rows = std::min(kRows, n - r0);
        float acc[kRows] = {};
        for (int j = 0; j < n; ++j) {
          const float *col = pa + static_cast<std::size_t>(j) * n + r0;
          const float xj = px[j];
#pragma omp simd
          for (int r = 0; r < rows; ++r)
            acc[r] += col[r] * xj;
        }
        for (int r = 0; r < rows; ++r)
          py[r0 + r] = acc[r];
      }
    }
  });
  const bool ok = matvec::check(a, x, py, n);
  return vsomp::report(matvec::label(n), ms, matvec::bytes(n), ok);
}
