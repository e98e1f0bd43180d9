// STREAM triad with OpenMP (the suite's bandwidth reference, as in McCalpin's stream.c).
#include "harness.h"
#include "triad_problem.h"

int main(int argc, char **argv) {
  const int n = triad::size(vsomp::tiny(argc, argv));
  std::vector<float> b, c, a(n);
  triad::inputs(b, c, n);
  float *pa = a.data();
  const float *pb = b.data(), *pc = c.data();
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel for simd
    for (int i = 0; i < n; ++i)
      pa[i] = pb[i] + triad::kScalar * pc[i];
  });
  const bool ok = triad::check(pa, pb, pc, n);
  return vsomp::report(std::to_string(n), ms, triad::bytes(n), ok);
}
