// Jacobi sweeps on a grid whose boundary stays fixed: the 5-point stencil in 2D (stencil2d) and
// the 7-point stencil in 3D (stencil3d). Each sweep reads one grid and writes the other.
#pragma once
#include "harness.h"
#include <vector>

namespace stencil {
constexpr int kSweeps = 6; // even: the result ends in the grid the sweeps started from
constexpr float kCenter2d = 0.2f, kSide2d = 0.2f;
constexpr float kCenter3d = 0.4f, kSide3d = 0.1f;

inline int size2d(bool tiny) { return tiny ? 70 : 4096; }
inline int size3d(bool tiny) { return tiny ? 20 : 256; }

inline std::vector<float> grid(std::size_t cells) {
  std::vector<float> g(cells);
  vsomp::fillUniform(g.data(), cells, 5, 0.0f, 1.0f);
  return g;
}

// One sweep of the 2D stencil over an nx x ny row-major grid.
inline void sweep2d(const float *in, float *out, int nx, int ny) {
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      const int i = y * nx + x;
      out[i] =
          (x == 0 || y == 0 || x == nx - 1 || y == ny - 1)
              ? in[i]
              : kCenter2d * in[i] + kSide2d * (in[i - 1] + in[i + 1] + in[i - nx] + in[i + nx]);
    }
}

// One sweep of the 3D stencil over an n x n x n grid (x fastest).
inline void sweep3d(const float *in, float *out, int n) {
  const int plane = n * n;
  for (int z = 0; z < n; ++z)
    for (int y = 0; y < n; ++y)
      for (int x = 0; x < n; ++x) {
        const int i = z * plane + y * n + x;
        const bool edge = x == 0 || y == 0 || z == 0 || x == n - 1 || y == n - 1 || z == n - 1;
        out[i] = edge ? in[i]
                      : kCenter3d * in[i] + kSide3d * (in[i - 1] + in[i + 1] + in[i - n] +
                                                       in[i + n] + in[i - plane] + in[i + plane]);
      }
}

// kSweeps sweeps from a into b and back, so that a holds the result; sweep(in, out) does one.
template <class Sweep> void sweeps(float *a, float *b, Sweep sweep) {
  for (int s = 0; s < kSweeps; s += 2) {
    sweep(a, b);
    sweep(b, a);
  }
}

// The serial result of kSweeps sweeps of `sweep` from `initial`, compared with `got`.
template <class Sweep>
bool check(const std::vector<float> &initial, const float *got, Sweep sweep) {
  std::vector<float> a = initial, b(initial.size());
  sweeps(a.data(), b.data(), sweep);
  return vsomp::allNear("stencil", got, a.data(), a.size(), 1e-5, 1e-6);
}

inline double bytes(std::size_t cells) { return 2.0 * kSweeps * cells * sizeof(float); }

// A whole run on the host (the OpenMP twins): kSweeps of `sweep` timed, checked against
// `reference` (a serial sweep), reported.
template <class Sweep, class Reference>
int runOnHost(std::size_t cells, const std::string &label, Sweep sweep, Reference reference) {
  const std::vector<float> initial = grid(cells);
  std::vector<float> a(cells), b(cells);
  const double ms =
      vsomp::warmTimedMs([&] { a = initial; }, [&] { sweeps(a.data(), b.data(), sweep); });
  return vsomp::report(label, ms, bytes(cells), check(initial, a.data(), reference));
}
} // namespace stencil
