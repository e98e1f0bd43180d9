// out = in^T for a square row-major n x n matrix, kPasses times.
#pragma once
#include "harness.h"
#include <vector>

namespace transpose {
constexpr int kTile = 32; // n is a multiple of it
constexpr int kPasses = 4;
inline int size(bool tiny) { return tiny ? 96 : 4096; }
inline std::vector<float> input(int n) {
  std::vector<float> m(static_cast<std::size_t>(n) * n);
  vsomp::fillUniform(m.data(), m.size(), 6, -1.0f, 1.0f);
  return m;
}
inline bool check(const float *in, const float *out, int n) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (!vsomp::near("transpose", static_cast<std::size_t>(j) * n + i, out[j * n + i],
                       in[i * n + j], 0, 0))
        return false;
  return true;
}
inline double bytes(int n) { return 2.0 * kPasses * n * n * sizeof(float); }
inline std::string label(int n) { return std::to_string(n) + "^2 x" + std::to_string(kPasses); }
} // namespace transpose
