// Gravitational accelerations of n bodies on each other (softened), one evaluation. A body is
// four floats: x, y, z, mass.
#pragma once
#include "harness.h"
#include <cmath>
#include <vector>

namespace nbody {
constexpr float kSoftening2 = 1e-3f;
inline int size(bool tiny) { return tiny ? 500 : 8192; }
inline std::vector<float> bodies(int n) {
  std::vector<float> b(4 * static_cast<std::size_t>(n));
  vsomp::fillUniform(b.data(), b.size(), 14, -1.0f, 1.0f);
  for (int i = 0; i < n; ++i)
    b[4 * i + 3] = 0.75f + 0.25f * b[4 * i + 3]; // masses in [0.5, 1)
  return b;
}
// Checks the accelerations (four floats a body, the fourth unused) of 31 bodies.
inline bool check(const std::vector<float> &b, const float *acc, int n) {
  for (int s = 0; s < 31; ++s) {
    const int i = static_cast<int>((s * 7919L) % n);
    double a[3] = {};
    for (int j = 0; j < n; ++j) {
      const double d[3] = {b[4 * j] - b[4 * i], b[4 * j + 1] - b[4 * i + 1],
                           b[4 * j + 2] - b[4 * i + 2]};
      const double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + kSoftening2;
      const double f = b[4 * j + 3] / (r2 * std::sqrt(r2));
      for (int k = 0; k < 3; ++k)
        a[k] += d[k] * f;
    }
    for (int k = 0; k < 3; ++k)
      if (!vsomp::near("nbody acceleration", 4 * i + k, acc[4 * i + k], a[k], 1e-3, 1e-2))
        return false;
  }
  return true;
}
} // namespace nbody
