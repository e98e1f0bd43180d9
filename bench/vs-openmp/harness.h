// What every bench/vs-openmp program shares, on both sides (the CUDA program translated by
// cu2npu and its OpenMP twin): the size mode, deterministic inputs, a tolerant comparison, the
// timed region and the one result line run.sh parses.
#pragma once
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>

// The pair's name, given by the build to both sides (bench/vs-openmp/CMakeLists.txt).
#ifndef VSOMP_KERNEL
#error "build with -DVSOMP_KERNEL=<kernel name>"
#endif
#define VSOMP_STRINGIFY_(x) #x
#define VSOMP_STRINGIFY(x) VSOMP_STRINGIFY_(x)

namespace vsomp {

// "--tiny" selects the ctest sizes (milliseconds); without it, the benchmark's sizes.
inline bool tiny(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--tiny") == 0)
      return true;
  return false;
}

// Pseudo-random values in [lo, hi) from a 32-bit LCG: the same data on both sides and every run.
inline void fillUniform(float *v, std::size_t n, unsigned seed, float lo, float hi) {
  unsigned state = seed * 2654435761u + 1u;
  for (std::size_t i = 0; i < n; ++i) {
    state = state * 1664525u + 1013904223u;
    v[i] = lo + (hi - lo) * static_cast<float>(state >> 8) * (1.0f / 16777216.0f);
  }
}

// True when got is within rtol (relative) or atol (absolute) of want; otherwise prints where.
inline bool near(const char *what, std::size_t at, double got, double want, double rtol,
                 double atol) {
  if (std::fabs(got - want) <= atol + rtol * std::fabs(want))
    return true;
  std::fprintf(stderr, "mismatch in %s at %zu: got %.9g, want %.9g\n", what, at, got, want);
  return false;
}

inline bool allNear(const char *what, const float *got, const float *want, std::size_t n,
                    double rtol, double atol) {
  for (std::size_t i = 0; i < n; ++i)
    if (!near(what, i, got[i], want[i], rtol, atol))
      return false;
  return true;
}

inline double nowMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// The timed region, the same on both sides: `prepare` (resetting what a run overwrites, not
// timed) then `run` (the kernels or parallel loops, up to and including the synchronize), twice;
// the first run warms up (thread pools started, pages touched), the second is timed (ms).
template <class Prepare, class Run> double warmTimedMs(Prepare prepare, Run run) {
  prepare();
  run();
  prepare();
  const double start = nowMs();
  run();
  return nowMs() - start;
}

template <class Run> double warmTimedMs(Run run) {
  return warmTimedMs([] {}, run);
}

// The line run.sh parses --
//   VSOMP kernel=<name> size=<size> ms=<time> bytes=<traffic> check=PASS|FAIL
// (bytes: the data the timed region must read and write at least once, 0 for a compute-bound
// kernel) -- then PASS or FAIL on a line of its own for ctest. Returns the exit status.
inline int report(const std::string &size, double ms, double bytes, bool ok) {
  std::printf("VSOMP kernel=%s size=%s ms=%.3f bytes=%.0f check=%s\n",
              VSOMP_STRINGIFY(VSOMP_KERNEL), size.c_str(), ms, bytes, ok ? "PASS" : "FAIL");
  std::puts(ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

} // namespace vsomp
