// cuBLAS's triangular solve (cuBLAS library documentation, "cuBLAS Level-3 Function Reference",
// cublas<t>trsm) over the host's CBLAS, and the matrix add/transpose of the BLAS-like
// extension ("cuBLAS Extension Function Reference", cublas<t>geam), column-major. Neither is
// a GEMM: both are described as vector-unit work, like the Level-1 and Level-2 routines.
#include <cstddef>

#include "lib/CublasContext.h"
#include "lib/CublasOperands.h"

using npu::lib::Scalar;

namespace {

void hostTrsm(CBLAS_SIDE side, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans, CBLAS_DIAG diag, int m,
              int n, float alpha, const float *A, int lda, float *B, int ldb) {
  cblas_strsm(CblasColMajor, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}
void hostTrsm(CBLAS_SIDE side, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans, CBLAS_DIAG diag, int m,
              int n, double alpha, const double *A, int lda, double *B, int ldb) {
  cblas_dtrsm(CblasColMajor, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}

template <class T>
cublasStatus_t trsm(cublasHandle_t handle, const char *name, cublasSideMode_t side,
                    cublasFillMode_t uplo, cublasOperation_t trans, cublasDiagType_t diag, int m,
                    int n, const T *alpha, const T *A, int lda, T *B, int ldb) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  const int order = side == CUBLAS_SIDE_LEFT ? m : n; // A is order x order
  if ((side != CUBLAS_SIDE_LEFT && side != CUBLAS_SIDE_RIGHT) ||
      (uplo != CUBLAS_FILL_MODE_LOWER && uplo != CUBLAS_FILL_MODE_UPPER) ||
      (diag != CUBLAS_DIAG_NON_UNIT && diag != CUBLAS_DIAG_UNIT) ||
      !npu::lib::validOperation(trans) || m < 0 || n < 0 || !npu::lib::validLeading(lda, order) ||
      !npu::lib::validLeading(ldb, m) || alpha == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (m == 0 || n == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha);
  const CBLAS_SIDE s = side == CUBLAS_SIDE_LEFT ? CblasLeft : CblasRight;
  const CBLAS_UPLO u = uplo == CUBLAS_FILL_MODE_LOWER ? CblasLower : CblasUpper;
  const CBLAS_TRANSPOSE t = npu::lib::cblasOperation(trans);
  const CBLAS_DIAG d = diag == CUBLAS_DIAG_UNIT ? CblasUnit : CblasNonUnit;
  // order^2 multiply-adds per right-hand side: the triangle read once, B read and written.
  const double rhs = side == CUBLAS_SIDE_LEFT ? n : m;
  return npu::lib::runOnHandle(*handle, name,
                               npu::lib::vectorWork<T>(double(order) * order * rhs,
                                                       0.5 * order * (order + 1.0) + 2.0 * m * n),
                               [=] { hostTrsm(s, u, t, d, m, n, a.get(), A, lda, B, ldb); });
}

template <class T> T opAt(const T *x, int ld, cublasOperation_t op, int i, int j) {
  return op == CUBLAS_OP_N ? x[i + std::size_t(j) * ld] : x[j + std::size_t(i) * ld];
}

template <class T>
cublasStatus_t geam(cublasHandle_t handle, const char *name, cublasOperation_t ta,
                    cublasOperation_t tb, int m, int n, const T *alpha, const T *A, int lda,
                    const T *beta, const T *B, int ldb, T *C, int ldc) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  using npu::lib::validLeading;
  if (!npu::lib::validOperation(ta) || !npu::lib::validOperation(tb) || m < 0 || n < 0 ||
      !validLeading(lda, ta == CUBLAS_OP_N ? m : n) ||
      !validLeading(ldb, tb == CUBLAS_OP_N ? m : n) || !validLeading(ldc, m) || alpha == nullptr ||
      beta == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  // In place, C must be A (or B) element for element: cuBLAS requires the same leading
  // dimension and no transpose, and rejects anything else with INVALID_VALUE.
  if ((C == A && (lda != ldc || ta != CUBLAS_OP_N)) ||
      (C == B && (ldb != ldc || tb != CUBLAS_OP_N)))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (m == 0 || n == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha), b(*handle, beta);
  // Each element of C is written after its elements of A and B are read, so in place works.
  return npu::lib::runOnHandle(
      *handle, name, npu::lib::vectorWork<T>(3.0 * m * n, 3.0 * m * n), [=] {
        const T av = a.get(), bv = b.get();
        for (int j = 0; j < n; ++j)
          for (int i = 0; i < m; ++i) {
            // A zero scalar's matrix is not read (it need not hold valid values).
            const T fromA = av == T(0) ? T(0) : av * opAt(A, lda, ta, i, j);
            const T fromB = bv == T(0) ? T(0) : bv * opAt(B, ldb, tb, i, j);
            C[i + std::size_t(j) * ldc] = fromA + fromB;
          }
      });
}

} // namespace

extern "C" {

cublasStatus_t cublasStrsm(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo,
                           cublasOperation_t trans, cublasDiagType_t diag, int m, int n,
                           const float *alpha, const float *A, int lda, float *B, int ldb) {
  return trsm(h, "cublasStrsm", side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}
cublasStatus_t cublasDtrsm(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo,
                           cublasOperation_t trans, cublasDiagType_t diag, int m, int n,
                           const double *alpha, const double *A, int lda, double *B, int ldb) {
  return trsm(h, "cublasDtrsm", side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}

cublasStatus_t cublasSgeam(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, const float *alpha, const float *A, int lda, const float *beta,
                           const float *B, int ldb, float *C, int ldc) {
  return geam(h, "cublasSgeam", ta, tb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}
cublasStatus_t cublasDgeam(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, const double *alpha, const double *A, int lda, const double *beta,
                           const double *B, int ldb, double *C, int ldc) {
  return geam(h, "cublasDgeam", ta, tb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}

} // extern "C"
