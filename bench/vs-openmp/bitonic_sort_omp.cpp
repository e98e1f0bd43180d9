// Bitonic sort with OpenMP, one parallel loop per step of the network: element i against its
// partner i ^ j, exchanged without a branch (min and max), since the comparisons on random data
// are unpredictable.
#include "bitonic_problem.h"

static void step(float *v, int n, int j, int k) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    const int partner = i ^ j;
    if (partner > i) {
      const bool ascending = (i & k) == 0;
      const float a = v[i], b = v[partner];
      const float lo = std::min(a, b), hi = std::max(a, b);
      v[i] = ascending ? lo : hi;
      v[partner] = ascending ? hi : lo;
    }
  }
}

int main(int argc, char **argv) {
  const int n = bitonic::size(vsomp::tiny(argc, argv));
  const std::vector<float> in = bitonic::input(n);
  std::vector<float> values(n);
  const double ms = vsomp::warmTimedMs([&] { values = in; },
                                       [&] {
                                         for (int k = 2; k <= n; k <<= 1)
                                           for (int j = k >> 1; j > 0; j >>= 1)
                                             step(values.data(), n, j, k);
                                       });
  const bool ok = bitonic::check(in, values.data());
  return vsomp::report(bitonic::label(n), ms, 0, ok);
}
