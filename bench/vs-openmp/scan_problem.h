// Exclusive prefix sum of n ints.
#pragma once
#include "harness.h"
#include <vector>

namespace scan {
inline int size(bool tiny) { return tiny ? 300000 : 1 << 25; }
inline std::vector<int> input(int n) {
  std::vector<float> u(n);
  vsomp::fillUniform(u.data(), n, 8, 0.0f, 4.0f);
  return std::vector<int>(u.begin(), u.end()); // 0..3
}
inline bool check(const std::vector<int> &in, const int *out) {
  int running = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (!vsomp::near("scan", i, out[i], running, 0, 0))
      return false;
    running += in[i];
  }
  return true;
}
inline double bytes(int n) { return 2.0 * n * sizeof(int); }
} // namespace scan
