// 7-point Jacobi sweeps with OpenMP: (z, y) rows in parallel, the interior of each row
// vectorised.
#include "stencil_problem.h"
#include <algorithm>

static void sweep(const float *in, float *out, int n) {
  const int plane = n * n;
#pragma omp parallel for collapse(2)
  for (int z = 0; z < n; ++z)
    for (int y = 0; y < n; ++y) {
      const std::size_t row = static_cast<std::size_t>(z) * plane + static_cast<std::size_t>(y) * n;
      const float *r = in + row;
      float *o = out + row;
      if (z == 0 || y == 0 || z == n - 1 || y == n - 1) {
        std::copy(r, r + n, o);
        continue;
      }
      o[0] = r[0];
#pragma omp simd
      for (int x = 1; x < n - 1; ++x)
        o[x] = stencil::kCenter3d * r[x] +
               stencil::kSide3d *
                   (r[x - 1] + r[x + 1] + r[x - n] + r[x + n] + r[x - plane] + r[x + plane]);
      o[n - 1] = r[n - 1];
    }
}

int main(int argc, char **argv) {
  const int n = stencil::size3d(vsomp::tiny(argc, argv));
  return stencil::runOnHost(
      static_cast<std::size_t>(n) * n * n,
      std::to_string(n) + "^3 x" + std::to_string(stencil::kSweeps),
      [n](const float *in, float *out) { sweep(in, out, n); },
      [n](const float *in, float *out) { stencil::sweep3d(in, out, n); });
}
