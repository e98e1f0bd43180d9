// y = A x for a sparse n x n matrix in CSR form: 4 to 16 entries a row, scattered in a band of
// +-2048 columns around the diagonal; kPasses times.
#pragma once
#include "harness.h"
#include <algorithm>
#include <vector>

namespace spmv {
constexpr int kPasses = 3;
inline int size(bool tiny) { return tiny ? 5000 : 1 << 21; }

struct Csr {
  std::vector<int> rowPtr, cols;
  std::vector<float> vals;
};

inline Csr matrix(int n) {
  Csr m;
  m.rowPtr.resize(n + 1);
  for (int r = 0; r < n; ++r)
    m.rowPtr[r + 1] = m.rowPtr[r] + 4 + static_cast<int>((r * 2654435761u) >> 28);
  const int nnz = m.rowPtr[n];
  std::vector<float> u(nnz);
  vsomp::fillUniform(u.data(), nnz, 16, -2048.0f, 2048.0f);
  m.cols.resize(nnz);
  for (int r = 0; r < n; ++r)
    for (int k = m.rowPtr[r]; k < m.rowPtr[r + 1]; ++k)
      m.cols[k] = std::clamp(r + static_cast<int>(u[k]), 0, n - 1);
  m.vals.resize(nnz);
  vsomp::fillUniform(m.vals.data(), nnz, 17, -1.0f, 1.0f);
  return m;
}

inline std::vector<float> vector(int n) {
  std::vector<float> x(n);
  vsomp::fillUniform(x.data(), n, 18, -1.0f, 1.0f);
  return x;
}

inline bool check(const Csr &m, const std::vector<float> &x, const float *y) {
  const int n = static_cast<int>(x.size());
  for (int r = 0; r < n; ++r) {
    double want = 0;
    for (int k = m.rowPtr[r]; k < m.rowPtr[r + 1]; ++k)
      want += static_cast<double>(m.vals[k]) * x[m.cols[k]];
    if (!vsomp::near("spmv", r, y[r], want, 1e-4, 1e-5))
      return false;
  }
  return true;
}

// Per pass: the values and column indices, the row pointers, x and y once each.
inline double bytes(const Csr &m, int n) {
  return kPasses * (m.vals.size() * 8.0 + (n + 1) * 4.0 + 2.0 * n * sizeof(float));
}
inline std::string label(const Csr &m, int n) {
  return std::to_string(n) + " rows " + std::to_string(m.vals.size()) + " nnz x" +
         std::to_string(kPasses);
}
} // namespace spmv
