// STREAM triad a = b + s * c: the memory-bound reference of the suite.
#pragma once
#include "harness.h"
#include <vector>

namespace triad {
constexpr float kScalar = 3.0f;
inline int size(bool tiny) { return tiny ? 1 << 12 : 1 << 25; }
inline void inputs(std::vector<float> &b, std::vector<float> &c, int n) {
  b.resize(n);
  c.resize(n);
  vsomp::fillUniform(b.data(), n, 1, -1.0f, 1.0f);
  vsomp::fillUniform(c.data(), n, 2, -1.0f, 1.0f);
}
inline bool check(const float *a, const float *b, const float *c, int n) {
  for (int i = 0; i < n; ++i)
    if (!vsomp::near("triad", i, a[i], b[i] + kScalar * c[i], 1e-6, 1e-6))
      return false;
  return true;
}
inline double bytes(int n) { return 3.0 * n * sizeof(float); }
} // namespace triad
