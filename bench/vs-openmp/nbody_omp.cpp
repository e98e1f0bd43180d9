// All-pairs N-body accelerations with OpenMP: bodies in parallel, the pull of all others
// summed in a vectorised inner loop.
#include "nbody_problem.h"

int main(int argc, char **argv) {
  const int n = nbody::size(vsomp::tiny(argc, argv));
  const std::vector<float> bodies = nbody::bodies(n);
  std::vector<float> acc(4 * static_cast<std::size_t>(n));
  const float *b = bodies.data();
  float *a = acc.data();
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for
    for (int i = 0; i < n; ++i) {
      const float px = b[4 * i], py = b[4 * i + 1], pz = b[4 * i + 2];
      float ax = 0.0f, ay = 0.0f, az = 0.0f;
#pragma omp simd reduction(+ : ax, ay, az)
      for (int j = 0; j < n; ++j) {
        const float dx = b[4 * j] - px, dy = b[4 * j + 1] - py, dz = b[4 * j + 2] - pz;
        const float r2 = dx * dx + dy * dy + dz * dz + nbody::kSoftening2;
        const float inv = 1.0f / std::sqrt(r2);
        const float f = b[4 * j + 3] * inv * inv * inv;
        ax += dx * f;
        ay += dy * f;
        az += dz * f;
      }
      a[4 * i] = ax;
      a[4 * i + 1] = ay;
      a[4 * i + 2] = az;
      a[4 * i + 3] = 0.0f;
    }
  });
  const bool ok = nbody::check(bodies, a, n);
  return vsomp::report(std::to_string(n), ms, 0, ok);
}
