// Exclusive scan with OpenMP in two passes: each thread sums its contiguous chunk, one thread
// scans the chunk totals, then each thread scans its chunk from its offset.
#include "scan_problem.h"
#include <algorithm>
#include <omp.h>

int main(int argc, char **argv) {
  const int n = scan::size(vsomp::tiny(argc, argv));
  const std::vector<int> in = scan::input(n);
  std::vector<int> out(n);
  std::vector<int> offsets(omp_get_max_threads() + 1);
  const int *pin = in.data();
  int *pout = out.data();
  const double ms = vsomp::warmTimedMs([&] {
#pragma omp parallel
    {
      const int t = omp_get_thread_num(), threads = omp_get_num_threads();
      const int chunk = (n + threads - 1) / threads;
      const int begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
      int sum = 0;
#pragma omp simd reduction(+ : sum)
      for (int i = begin; i < end; ++i)
        sum += pin[i];
      offsets[t + 1] = sum;
#pragma omp barrier
#pragma omp single
      {
        offsets[0] = 0;
        for (int k = 1; k <= threads; ++k)
          offsets[k] += offsets[k - 1];
      }
      int running = offsets[t];
      for (int i = begin; i < end; ++i) {
        pout[i] = running;
        running += pin[i];
      }
    }
  });
  const bool ok = scan::check(in, pout);
  return vsomp::report(std::to_string(n), ms, scan::bytes(n), ok);
}
