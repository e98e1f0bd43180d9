// C = A * B for square row-major n x n matrices (gemm_naive, gemm_tiled).
#pragma once
#include "harness.h"
#include <vector>

namespace gemm {
constexpr int kTile = 16; // the CUDA tile; n is a multiple of it
inline int size(bool tiny) { return tiny ? 64 : 512; }
inline void inputs(std::vector<float> &a, std::vector<float> &b, int n) {
  a.resize(static_cast<std::size_t>(n) * n);
  b.resize(a.size());
  vsomp::fillUniform(a.data(), a.size(), 3, -1.0f, 1.0f);
  vsomp::fillUniform(b.data(), b.size(), 4, -1.0f, 1.0f);
}
// Checks 97 entries spread over C against a double-precision dot product.
inline bool check(const float *a, const float *b, const float *c, int n) {
  for (int s = 0; s < 97; ++s) {
    const int i = static_cast<int>((s * 7919L) % n), j = static_cast<int>((s * 104729L + 13) % n);
    double want = 0;
    for (int k = 0; k < n; ++k)
      want += static_cast<double>(a[i * n + k]) * b[k * n + j];
    if (!vsomp::near("gemm", static_cast<std::size_t>(i) * n + j, c[i * n + j], want, 1e-4, 1e-4))
      return false;
  }
  return true;
}
inline std::string label(int n) {
  return std::to_string(n) + "x" + std::to_string(n) + "x" + std::to_string(n);
}
} // namespace gemm
