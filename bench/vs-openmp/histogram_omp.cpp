// 256-bin histogram with OpenMP: a private histogram per thread, merged at the end.
#include "histogram_problem.h"

int main(int argc, char **argv) {
  const int n = histogram::size(vsomp::tiny(argc, argv));
  const std::vector<unsigned char> in = histogram::input(n);
  const unsigned char *p = in.data();
  unsigned int hist[histogram::kBins];
  const double ms = vsomp::warmTimedMs([&] {
    for (unsigned int &h : hist)
      h = 0;
#pragma omp parallel
    {
      unsigned int local[histogram::kBins] = {};
#pragma omp for nowait
      for (int i = 0; i < n; ++i)
        ++local[p[i]];
      for (int b = 0; b < histogram::kBins; ++b) {
#pragma omp atomic
        hist[b] += local[b];
      }
    }
  });
  const bool ok = histogram::check(in, hist);
  return vsomp::report(std::to_string(n), ms, histogram::bytes(n), ok);
}
