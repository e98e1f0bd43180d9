// y = A x for a column-major n x n matrix A (matvec_col, matvec_col_2d), kPasses times.
#pragma once
#include "harness.h"
#include <vector>

namespace matvec {
constexpr int kPasses = 2;
inline int size(bool tiny) { return tiny ? 300 : 8192; }
inline void inputs(std::vector<float> &a, std::vector<float> &x, int n) {
  a.resize(static_cast<std::size_t>(n) * n);
  x.resize(n);
  vsomp::fillUniform(a.data(), a.size(), 10, -1.0f, 1.0f);
  vsomp::fillUniform(x.data(), n, 11, 0.0f, 1.0f);
}
inline bool check(const std::vector<float> &a, const std::vector<float> &x, const float *y, int n) {
  std::vector<double> want(n);
  for (int j = 0; j < n; ++j)
    for (int r = 0; r < n; ++r)
      want[r] += static_cast<double>(a[static_cast<std::size_t>(j) * n + r]) * x[j];
  for (int r = 0; r < n; ++r)
    if (!vsomp::near("matvec", r, y[r], want[r], 1e-4, 1e-3))
      return false;
  return true;
}
inline double bytes(int n) {
  return kPasses * (static_cast<double>(n) * n + 2.0 * n) * sizeof(float);
}
inline std::string label(int n) { return std::to_string(n) + "^2 x" + std::to_string(kPasses); }
} // namespace matvec
