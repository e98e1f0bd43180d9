// cuBLAS trsm and geam against naive column-major references.
#include <cmath>
#include <limits>

#include "LibTestSupport.h"
#include "npurt/lib/cublas_v2.h"

namespace {

using npu::libtest::DeviceBuffer;
using npu::libtest::randomDoubles;
using npu::libtest::randomFloats;

using LibCublasLevel3 = npu::libtest::CublasTest;

// op(A)(i, j) of a column-major A whose stored triangle is `uplo` (the other one is ignored)
// and whose diagonal is 1 when `unit`.
template <class T>
T triangularAt(const std::vector<T> &A, int lda, cublasFillMode_t uplo, cublasDiagType_t diag,
               cublasOperation_t op, int i, int j) {
  if (op != CUBLAS_OP_N)
    std::swap(i, j);
  if (i == j)
    return diag == CUBLAS_DIAG_UNIT ? T(1) : A[i + j * lda];
  const bool stored = uplo == CUBLAS_FILL_MODE_LOWER ? i > j : i < j;
  return stored ? A[i + j * lda] : T(0);
}

// Checks op(A) X = alpha B (left) or X op(A) = alpha B (right) for the solution X.
template <class T>
void expectSolves(cublasSideMode_t side, cublasFillMode_t uplo, cublasOperation_t trans,
                  cublasDiagType_t diag, int m, int n, T alpha, const std::vector<T> &A, int lda,
                  const std::vector<T> &B, const std::vector<T> &X, int ldb, double tolerance) {
  const int order = side == CUBLAS_SIDE_LEFT ? m : n;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double sum = 0;
      for (int p = 0; p < order; ++p)
        sum += side == CUBLAS_SIDE_LEFT
                   ? double(triangularAt(A, lda, uplo, diag, trans, i, p)) * X[p + j * ldb]
                   : double(X[i + p * ldb]) * triangularAt(A, lda, uplo, diag, trans, p, j);
      ASSERT_NEAR(sum, double(alpha) * B[i + j * ldb], tolerance)
          << "side " << side << " uplo " << uplo << " trans " << trans << " diag " << diag << " at "
          << i << "," << j;
    }
}

TEST_F(LibCublasLevel3, TrsmEverySideFillTransposeAndDiagonal) {
  const int m = 7, n = 5, ldb = m + 2;
  for (cublasSideMode_t side : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT})
    for (cublasFillMode_t uplo : {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER})
      for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T})
        for (cublasDiagType_t diag : {CUBLAS_DIAG_NON_UNIT, CUBLAS_DIAG_UNIT}) {
          const int order = side == CUBLAS_SIDE_LEFT ? m : n, lda = order + 1;
          // Well conditioned: a dominant diagonal, small off-diagonal entries.
          std::vector<double> A = randomDoubles(lda * order, 60);
          for (int i = 0; i < order; ++i)
            A[i + i * lda] = 4 + A[i + i * lda];
          for (double &v : A)
            v *= 0.5;
          const std::vector<double> B = randomDoubles(ldb * n, 61);
          DeviceBuffer<double> dA(A), dB(B);
          const double alpha = 1.5;
          ASSERT_EQ(cublasDtrsm(handle, side, uplo, trans, diag, m, n, &alpha, dA.get(), lda,
                                dB.get(), ldb),
                    CUBLAS_STATUS_SUCCESS);
          expectSolves(side, uplo, trans, diag, m, n, alpha, A, lda, B, dB.read(), ldb, 1e-10);

          const std::vector<float> fA(A.begin(), A.end()), fB(B.begin(), B.end());
          DeviceBuffer<float> sA(fA), sB(fB);
          const float falpha = 1.5f;
          ASSERT_EQ(cublasStrsm(handle, side, uplo, trans, diag, m, n, &falpha, sA.get(), lda,
                                sB.get(), ldb),
                    CUBLAS_STATUS_SUCCESS);
          expectSolves(side, uplo, trans, diag, m, n, falpha, fA, lda, fB, sB.read(), ldb, 1e-4);
        }
}

TEST_F(LibCublasLevel3, TrsmErrors) {
  DeviceBuffer<float> buf(std::vector<float>(64, 1.0f));
  float *p = buf.get();
  const float one = 1;
  auto trsm = [&](cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo, int m, int n,
                  int lda, int ldb, const float *alpha = nullptr) {
    return cublasStrsm(h, side, uplo, CUBLAS_OP_N, CUBLAS_DIAG_NON_UNIT, m, n, alpha ? alpha : &one,
                       p, lda, p, ldb);
  };
  EXPECT_EQ(trsm(nullptr, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 2, 2, 2, 2),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, -1, 2, 2, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 2, -1, 2, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 4, 2, 3, 4),
            CUBLAS_STATUS_INVALID_VALUE); // lda < m
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_LOWER, 2, 4, 2, 2),
            CUBLAS_STATUS_INVALID_VALUE); // lda < n on the right
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 4, 2, 4, 3),
            CUBLAS_STATUS_INVALID_VALUE); // ldb < m
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_FULL, 2, 2, 2, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(trsm(handle, cublasSideMode_t(5), CUBLAS_FILL_MODE_LOWER, 2, 2, 2, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasStrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        cublasDiagType_t(7), 2, 2, &one, p, 2, p, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasStrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_UNIT, 2, 2, nullptr, p, 2, p, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(trsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_UPPER, 0, 2, 1, 1),
            CUBLAS_STATUS_SUCCESS); // nothing to do
}

// C = alpha op(A) + beta op(B).
template <class T>
std::vector<T> referenceGeam(cublasOperation_t ta, cublasOperation_t tb, int m, int n, T alpha,
                             const std::vector<T> &A, int lda, T beta, const std::vector<T> &B,
                             int ldb, std::vector<T> C, int ldc) {
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i)
      C[i + j * ldc] = alpha * (ta == CUBLAS_OP_N ? A[i + j * lda] : A[j + i * lda]) +
                       beta * (tb == CUBLAS_OP_N ? B[i + j * ldb] : B[j + i * ldb]);
  return C;
}

TEST_F(LibCublasLevel3, GeamEveryTransposeAndTheTransposeIdiom) {
  const int m = 6, n = 4;
  for (cublasOperation_t ta : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (cublasOperation_t tb : {CUBLAS_OP_N, CUBLAS_OP_C}) {
      const int lda = (ta == CUBLAS_OP_N ? m : n) + 1, ldb = (tb == CUBLAS_OP_N ? m : n) + 2;
      const int ldc = m + 3;
      const std::vector<float> A = randomFloats(lda * 6, 62), B = randomFloats(ldb * 6, 63);
      const std::vector<float> C = randomFloats(ldc * n, 64);
      DeviceBuffer<float> dA(A), dB(B), dC(C);
      const float alpha = 0.5f, beta = -2;
      ASSERT_EQ(cublasSgeam(handle, ta, tb, m, n, &alpha, dA.get(), lda, &beta, dB.get(), ldb,
                            dC.get(), ldc),
                CUBLAS_STATUS_SUCCESS);
      const std::vector<float> want =
          referenceGeam(ta, tb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
      const std::vector<float> got = dC.read();
      for (std::size_t i = 0; i < want.size(); ++i)
        ASSERT_FLOAT_EQ(got[i], want[i]) << "ta " << ta << " tb " << tb << " at " << i;
    }
  // The transpose idiom (HeCBench geam): alpha 1, beta 0 and B holding NaNs, which are not read.
  const int rows = 5, cols = 3;
  const std::vector<double> M = randomDoubles(rows * cols, 65); // rows x cols, row-major
  DeviceBuffer<double> dM(M), dT(rows * cols);
  DeviceBuffer<double> dNan(std::vector<double>(rows * cols, std::nan("")));
  const double one = 1, zero = 0;
  ASSERT_EQ(cublasDgeam(handle, CUBLAS_OP_T, CUBLAS_OP_N, rows, cols, &one, dM.get(), cols, &zero,
                        dNan.get(), rows, dT.get(), rows),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<double> T = dT.read();
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j)
      ASSERT_EQ(T[j * rows + i], M[i * cols + j]) << i << "," << j;
}

TEST_F(LibCublasLevel3, GeamInPlaceAndDeviceScalars) {
  const int m = 4, n = 3, ld = 5;
  const std::vector<double> A = randomDoubles(ld * n, 66), B = randomDoubles(ld * n, 67);
  const std::vector<double> Bt = randomDoubles(n * m, 68); // n x m, for op(B) = B^T
  const double alpha = 2, beta = 3;
  {
    DeviceBuffer<double> dA(A), dB(Bt);
    // C = A: C = alpha C + beta B^T, lda == ldc and transa N.
    ASSERT_EQ(cublasDgeam(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, &alpha, dA.get(), ld, &beta,
                          dB.get(), n, dA.get(), ld),
              CUBLAS_STATUS_SUCCESS);
    EXPECT_EQ(dA.read(),
              referenceGeam(CUBLAS_OP_N, CUBLAS_OP_T, m, n, alpha, A, ld, beta, Bt, n, A, ld));
  }
  {
    DeviceBuffer<double> dA(A), dB(B);
    // C = B: C = alpha A + beta C.
    ASSERT_EQ(cublasDgeam(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, &alpha, dA.get(), ld, &beta,
                          dB.get(), ld, dB.get(), ld),
              CUBLAS_STATUS_SUCCESS);
    EXPECT_EQ(dB.read(),
              referenceGeam(CUBLAS_OP_N, CUBLAS_OP_N, m, n, alpha, A, ld, beta, B, ld, B, ld));
    // In place with a transpose or another leading dimension: INVALID_VALUE.
    EXPECT_EQ(cublasDgeam(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, m, &alpha, dA.get(), ld, &beta,
                          dB.get(), ld, dB.get(), ld),
              CUBLAS_STATUS_INVALID_VALUE);
    EXPECT_EQ(cublasDgeam(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, m, &alpha, dA.get(), ld, &beta,
                          dB.get(), ld, dA.get(), ld),
              CUBLAS_STATUS_INVALID_VALUE);
    EXPECT_EQ(cublasDgeam(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, &alpha, dA.get(), ld, &beta,
                          dB.get(), ld, dA.get(), m),
              CUBLAS_STATUS_INVALID_VALUE);
  }
  // Device scalars are read when the call runs.
  ASSERT_EQ(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  DeviceBuffer<float> scalars(std::vector<float>{1, 10});
  DeviceBuffer<float> x(std::vector<float>{1, 2}), y(std::vector<float>{3, 4}), z(2);
  ASSERT_EQ(cublasSgeam(handle, CUBLAS_OP_N, CUBLAS_OP_N, 2, 1, scalars.get(), x.get(), 2,
                        scalars.get() + 1, y.get(), 2, z.get(), 2),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(z.read(), (std::vector<float>{31, 42}));
}

TEST_F(LibCublasLevel3, GeamErrors) {
  DeviceBuffer<float> buf(std::vector<float>(64, 0.0f)), out(std::vector<float>(64, 0.0f));
  const float one = 1;
  float *p = buf.get(), *c = out.get();
  auto geam = [&](cublasHandle_t h, cublasOperation_t ta, int m, int n, int lda, int ldb, int ldc) {
    return cublasSgeam(h, ta, CUBLAS_OP_N, m, n, &one, p, lda, &one, p, ldb, c, ldc);
  };
  EXPECT_EQ(geam(nullptr, CUBLAS_OP_N, 2, 2, 2, 2, 2), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, -1, 2, 2, 2, 2), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, 2, -1, 2, 2, 2), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, 4, 2, 3, 4, 4), CUBLAS_STATUS_INVALID_VALUE); // lda < m
  EXPECT_EQ(geam(handle, CUBLAS_OP_T, 2, 4, 3, 2, 2), CUBLAS_STATUS_INVALID_VALUE); // lda < n
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, 4, 2, 4, 3, 4), CUBLAS_STATUS_INVALID_VALUE); // ldb < m
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, 4, 2, 4, 4, 3), CUBLAS_STATUS_INVALID_VALUE); // ldc < m
  EXPECT_EQ(geam(handle, cublasOperation_t(9), 2, 2, 2, 2, 2), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSgeam(handle, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, nullptr, p, 2, &one, p, 2, c, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasDgeam(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, nullptr, nullptr, 1, nullptr,
                        nullptr, 1, nullptr, 1),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(geam(handle, CUBLAS_OP_N, 0, 2, 1, 1, 1), CUBLAS_STATUS_SUCCESS); // nothing to do
}

} // namespace
