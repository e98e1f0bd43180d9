// Sorting n floats (n a power of two) ascending with a bitonic network.
#pragma once
#include "harness.h"
#include <algorithm>
#include <vector>

namespace bitonic {
inline int size(bool tiny) { return tiny ? 1 << 12 : 1 << 20; }
inline std::vector<float> input(int n) {
  std::vector<float> v(n);
  vsomp::fillUniform(v.data(), n, 19, -1.0f, 1.0f);
  return v;
}
inline bool check(std::vector<float> in, const float *out) {
  std::sort(in.begin(), in.end());
  return vsomp::allNear("sorted", out, in.data(), in.size(), 0, 0);
}
// The network's steps: log2(n) * (log2(n) + 1) / 2, each one launch or one parallel loop.
inline std::string label(int n) {
  int stages = 0;
  while ((1 << stages) < n)
    ++stages;
  return std::to_string(n) + " (" + std::to_string(stages * (stages + 1) / 2) + " steps)";
}
} // namespace bitonic
