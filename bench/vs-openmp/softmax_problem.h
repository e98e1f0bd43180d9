// Row-wise softmax of a rows x cols matrix: out = exp(in - max(row)) / sum(exp(in - max(row))).
#pragma once
#include "harness.h"
#include <cmath>
#include <vector>

namespace softmax {
inline int rows(bool tiny) { return tiny ? 10 : 2048; }
inline int cols(bool tiny) { return tiny ? 1000 : 4096; }
inline std::vector<float> input(int rows, int cols) {
  std::vector<float> v(static_cast<std::size_t>(rows) * cols);
  vsomp::fillUniform(v.data(), v.size(), 15, -8.0f, 8.0f);
  return v;
}
inline bool check(const std::vector<float> &in, const float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const float *row = in.data() + static_cast<std::size_t>(r) * cols;
    double m = row[0], s = 0;
    for (int c = 0; c < cols; ++c)
      m = std::fmax(m, row[c]);
    for (int c = 0; c < cols; ++c)
      s += std::exp(row[c] - m);
    for (int c = 0; c < cols; ++c) {
      const std::size_t i = static_cast<std::size_t>(r) * cols + c;
      if (!vsomp::near("softmax", i, out[i], std::exp(row[c] - m) / s, 1e-4, 1e-9))
        return false;
    }
  }
  return true;
}
inline std::string label(int rows, int cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}
} // namespace softmax
