// 2D convolution with OpenMP: rows in parallel, each output pixel summing the taps that fall
// inside the image.
#include "conv2d_problem.h"

int main(int argc, char **argv) {
  const int n = conv2d::size(vsomp::tiny(argc, argv));
  const std::vector<float> in = conv2d::image(n), filter = conv2d::filter();
  std::vector<float> out(static_cast<std::size_t>(n) * n);
  const float *pin = in.data(), *f = filter.data();
  float *pout = out.data();
  constexpr int r = conv2d::kRadius, taps = conv2d::kTaps;
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for
    for (int y = 0; y < n; ++y)
      for (int x = 0; x < n; ++x) {
        float sum = 0.0f;
        for (int dy = -r; dy <= r; ++dy)
          for (int dx = -r; dx <= r; ++dx)
            if (x + dx >= 0 && x + dx < n && y + dy >= 0 && y + dy < n)
              sum += f[(dy + r) * taps + dx + r] * pin[(y + dy) * n + x + dx];
        pout[y * n + x] = sum;
      }
  });
  const bool ok = conv2d::check(in, filter, pout, n);
  return vsomp::report(conv2d::label(n), ms, 0, ok);
}
