// A 256-bin histogram of n bytes.
#pragma once
#include "harness.h"
#include <vector>

namespace histogram {
constexpr int kBins = 256;
inline int size(bool tiny) { return tiny ? 100000 : 1 << 26; }
inline std::vector<unsigned char> input(int n) {
  std::vector<float> u(n);
  vsomp::fillUniform(u.data(), n, 9, 0.0f, 256.0f);
  return std::vector<unsigned char>(u.begin(), u.end());
}
inline bool check(const std::vector<unsigned char> &in, const unsigned int *hist) {
  std::vector<unsigned int> want(kBins);
  for (unsigned char c : in)
    ++want[c];
  for (int b = 0; b < kBins; ++b)
    if (!vsomp::near("histogram bin", b, hist[b], want[b], 0, 0))
      return false;
  return true;
}
inline double bytes(int n) { return static_cast<double>(n); }
} // namespace histogram
