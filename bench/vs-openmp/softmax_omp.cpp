// Row-wise softmax with OpenMP: rows in parallel, each with a max, a sum of exponentials and a
// scaled write along the row.
#include "softmax_problem.h"
#include <cfloat>

int main(int argc, char **argv) {
  const bool tiny = vsomp::tiny(argc, argv);
  const int rows = softmax::rows(tiny), cols = softmax::cols(tiny);
  const std::vector<float> in = softmax::input(rows, cols);
  std::vector<float> out(static_cast<std::size_t>(rows) * cols);
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for
    for (int r = 0; r < rows; ++r) {
      const float *row = in.data() + static_cast<std::size_t>(r) * cols;
      float *dst = out.data() + static_cast<std::size_t>(r) * cols;
      float m = -FLT_MAX;
#pragma omp simd reduction(max : m)
      for (int c = 0; c < cols; ++c)
        m = std::fmax(m, row[c]);
      float s = 0.0f;
      for (int c = 0; c < cols; ++c)
        s += std::exp(row[c] - m);
      const float inv = 1.0f / s;
      for (int c = 0; c < cols; ++c)
        dst[c] = std::exp(row[c] - m) * inv;
    }
  });
  const bool ok = softmax::check(in, out.data(), rows, cols);
  return vsomp::report(softmax::label(rows, cols), ms, 0, ok);
}
