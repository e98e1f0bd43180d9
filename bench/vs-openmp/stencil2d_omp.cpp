// 5-point Jacobi sweeps with OpenMP: rows in parallel, the interior of each row vectorised.
#include "stencil_problem.h"
#include <algorithm>

static void sweep(const float *in, float *out, int n) {
#pragma omp parallel for
  for (int y = 0; y < n; ++y) {
    const float *r = in + static_cast<std::size_t>(y) * n;
    float *o = out + static_cast<std::size_t>(y) * n;
    if (y == 0 || y == n - 1) {
      std::copy(r, r + n, o);
      continue;
    }
    o[0] = r[0];
#pragma omp simd
    for (int x = 1; x < n - 1; ++x)
      o[x] = stencil::kCenter2d * r[x] +
             stencil::kSide2d * (r[x - 1] + r[x + 1] + r[x - n] + r[x + n]);
    o[n - 1] = r[n - 1];
  }
}

int main(int argc, char **argv) {
  const int n = stencil::size2d(vsomp::tiny(argc, argv));
  return stencil::runOnHost(
      static_cast<std::size_t>(n) * n,
      std::to_string(n) + "^2 x" + std::to_string(stencil::kSweeps),
      [n](const float *in, float *out) { sweep(in, out, n); },
      [n](const float *in, float *out) { stencil::sweep2d(in, out, n, n); });
}
