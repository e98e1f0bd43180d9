// Naive SGEMM with OpenMP: rows in parallel, the i-k-j loop order a CPU wants (the inner loop
// runs along rows of B and C, vectorised).
#include "gemm_problem.h"

int main(int argc, char **argv) {
  const int n = gemm::size(vsomp::tiny(argc, argv));
  std::vector<float> a, b, c(static_cast<std::size_t>(n) * n);
  gemm::inputs(a, b, n);
  const float *pa = a.data(), *pb = b.data();
  float *pc = c.data();
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for
    for (int i = 0; i < n; ++i) {
      float *ci = pc + static_cast<std::size_t>(i) * n;
      for (int j = 0; j < n; ++j)
        ci[j] = 0.0f;
      for (int k = 0; k < n; ++k) {
        const float aik = pa[i * n + k];
        const float *bk = pb + static_cast<std::size_t>(k) * n;
#pragma omp simd
        for (int j = 0; j < n; ++j)
          ci[j] += aik * bk[j];
      }
    }
  });
  const bool ok = gemm::check(pa, pb, pc, n);
  return vsomp::report(gemm::label(n), ms, 0, ok);
}
