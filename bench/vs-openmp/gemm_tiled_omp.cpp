// Tiled SGEMM with OpenMP: tiles of C in parallel, each accumulated over tiles of k with the
// i-k-j order inside (the cache blocking a CPU engineer writes; 64 fits L1/L2 on this machine).
#include "gemm_problem.h"
#include <algorithm>

int main(int argc, char **argv) {
  const int n = gemm::size(vsomp::tiny(argc, argv));
  constexpr int kBlock = 64;
  std::vector<float> a, b, c(static_cast<std::size_t>(n) * n);
  gemm::inputs(a, b, n);
  const float *pa = a.data(), *pb = b.data();
  float *pc = c.data();
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for collapse(2)
    for (int ii = 0; ii < n; ii += kBlock)
      for (int jj = 0; jj < n; jj += kBlock) {
        const int iEnd = std::min(ii + kBlock, n), jEnd = std::min(jj + kBlock, n);
        for (int i = ii; i < iEnd; ++i)
          for (int j = jj; j < jEnd; ++j)
            pc[i * n + j] = 0.0f;
        for (int kk = 0; kk < n; kk += kBlock) {
          const int kEnd = std::min(kk + kBlock, n);
          for (int i = ii; i < iEnd; ++i)
            for (int k = kk; k < kEnd; ++k) {
              const float aik = pa[i * n + k];
#pragma omp simd
              for (int j = jj; j < jEnd; ++j)
                pc[i * n + j] += aik * pb[k * n + j];
            }
        }
      }
  });
  const bool ok = gemm::check(pa, pb, pc, n);
  return vsomp::report(gemm::label(n), ms, 0, ok);
}
