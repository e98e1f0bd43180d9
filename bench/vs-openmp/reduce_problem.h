// The sum of n floats, kPasses times (reduce_tree, reduce_shfl; one OpenMP twin for both).
#pragma once
#include "harness.h"
#include <vector>

namespace reduce {
constexpr int kPasses = 4;
inline int size(bool tiny) { return tiny ? 100000 : 1 << 25; }
inline std::vector<float> input(int n) {
  std::vector<float> v(n);
  vsomp::fillUniform(v.data(), n, 7, 0.0f, 1.0f);
  return v;
}
// Checks the kPasses sums.
inline bool check(const std::vector<float> &in, const float *sums) {
  double want = 0;
  for (float v : in)
    want += v;
  for (int p = 0; p < kPasses; ++p)
    if (!vsomp::near("sum of pass", p, sums[p], want, 1e-4, 0))
      return false;
  return true;
}
inline double bytes(int n) { return static_cast<double>(kPasses) * n * sizeof(float); }
inline std::string label(int n) { return std::to_string(n) + " x" + std::to_string(kPasses); }
} // namespace reduce
