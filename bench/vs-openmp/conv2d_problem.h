// A 5x5 convolution of an n x n image, zero outside the image.
#pragma once
#include "harness.h"
#include <vector>

namespace conv2d {
constexpr int kRadius = 2;
constexpr int kTaps = 2 * kRadius + 1;
inline int size(bool tiny) { return tiny ? 77 : 2048; }
inline std::vector<float> image(int n) {
  std::vector<float> v(static_cast<std::size_t>(n) * n);
  vsomp::fillUniform(v.data(), v.size(), 12, 0.0f, 1.0f);
  return v;
}
inline std::vector<float> filter() {
  std::vector<float> f(kTaps * kTaps);
  vsomp::fillUniform(f.data(), f.size(), 13, -0.2f, 0.2f);
  return f;
}
inline bool check(const std::vector<float> &in, const std::vector<float> &f, const float *out,
                  int n) {
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      double want = 0;
      for (int dy = -kRadius; dy <= kRadius; ++dy)
        for (int dx = -kRadius; dx <= kRadius; ++dx)
          if (x + dx >= 0 && x + dx < n && y + dy >= 0 && y + dy < n)
            want += static_cast<double>(f[(dy + kRadius) * kTaps + dx + kRadius]) *
                    in[(y + dy) * n + x + dx];
      if (!vsomp::near("conv2d", static_cast<std::size_t>(y) * n + x, out[y * n + x], want, 1e-4,
                       1e-5))
        return false;
    }
  return true;
}
inline std::string label(int n) { return std::to_string(n) + "^2 5x5"; }
} // namespace conv2d
