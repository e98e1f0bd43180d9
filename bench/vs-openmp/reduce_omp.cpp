// Sum reduction with OpenMP (the twin of reduce_tree and reduce_shfl): a vectorised parallel
// loop with a reduction clause.
#include "reduce_problem.h"

int main(int argc, char **argv) {
  const int n = reduce::size(vsomp::tiny(argc, argv));
  const std::vector<float> in = reduce::input(n);
  const float *p = in.data();
  float sums[reduce::kPasses];
  const double ms = vsomp::warmTimedMs([&] {
    for (int pass = 0; pass < reduce::kPasses; ++pass) {
      float sum = 0.0f;
#pragma omp parallel for simd reduction(+ : sum)
      for (int i = 0; i < n; ++i)
        sum += p[i];
      sums[pass] = sum;
    }
  });
  const bool ok = reduce::check(in, sums);
  return vsomp::report(reduce::label(n), ms, reduce::bytes(n), ok);
}
