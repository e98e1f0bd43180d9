// cuBLAS GEMM family and GEMV against a naive column-major reference.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <random>

#include "LibTestSupport.h"
#include "npurt/lib/cublas_v2.h"

namespace {

using npu::libtest::DeviceBuffer;
using npu::libtest::randomDoubles;
using npu::libtest::randomFloats;

// op(X)(i, j) of a column-major X with leading dimension ld.
template <class T> T opAt(const std::vector<T> &x, int ld, cublasOperation_t op, int i, int j) {
  if (op == CUBLAS_OP_N)
    return x[i + j * ld];
  T v = x[j + i * ld];
  if constexpr (!std::is_floating_point_v<T>)
    if (op == CUBLAS_OP_C)
      v = std::conj(v);
  return v;
}

// C = alpha op(A) op(B) + beta C, one dot product per element.
template <class T>
void referenceGemm(cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, T alpha,
                   const std::vector<T> &A, int lda, const std::vector<T> &B, int ldb, T beta,
                   std::vector<T> &C, int ldc) {
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      T sum{};
      for (int p = 0; p < k; ++p)
        sum += opAt(A, lda, ta, i, p) * opAt(B, ldb, tb, p, j);
      C[i + j * ldc] = alpha * sum + beta * C[i + j * ldc];
    }
}

using LibCublasGemm = npu::libtest::CublasTest;

TEST_F(LibCublasGemm, SgemmEveryTransposeWithPaddedLeadingDimensions) {
  const int m = 13, n = 7, k = 9;
  for (cublasOperation_t ta : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (cublasOperation_t tb : {CUBLAS_OP_N, CUBLAS_OP_T}) {
      const int lda = (ta == CUBLAS_OP_N ? m : k) + 3, ldb = (tb == CUBLAS_OP_N ? k : n) + 1;
      const int ldc = m + 2;
      const std::vector<float> A = randomFloats(lda * 13, 1), B = randomFloats(ldb * 9, 2);
      std::vector<float> C = randomFloats(ldc * n, 3);
      DeviceBuffer<float> dA(A), dB(B), dC(C);
      const float alpha = 1.5f, beta = -0.5f;
      ASSERT_EQ(cublasSgemm(handle, ta, tb, m, n, k, &alpha, dA.get(), lda, dB.get(), ldb, &beta,
                            dC.get(), ldc),
                CUBLAS_STATUS_SUCCESS);
      referenceGemm(ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
      const std::vector<float> got = dC.read();
      for (std::size_t i = 0; i < C.size(); ++i)
        ASSERT_NEAR(got[i], C[i], 1e-4f) << "ta " << ta << " tb " << tb << " at " << i;
    }
}

TEST_F(LibCublasGemm, DgemmConjugateTransposeIsTheTransposeForRealTypes) {
  const int m = 5, n = 4, k = 6;
  const std::vector<double> A = randomDoubles(k * m, 4), B = randomDoubles(k * n, 5);
  std::vector<double> C(m * n, 0.0);
  DeviceBuffer<double> dA(A), dB(B), dC(C);
  const double one = 1, zero = 0;
  ASSERT_EQ(cublasDgemm(handle, CUBLAS_OP_C, CUBLAS_OP_N, m, n, k, &one, dA.get(), k, dB.get(), k,
                        &zero, dC.get(), m),
            CUBLAS_STATUS_SUCCESS);
  referenceGemm(CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, one, A, k, B, k, zero, C, m);
  const std::vector<double> got = dC.read();
  for (std::size_t i = 0; i < C.size(); ++i)
    ASSERT_NEAR(got[i], C[i], 1e-12) << i;
}

TEST_F(LibCublasGemm, CgemmAndZgemmWithConjugateTranspose) {
  const int m = 3, n = 4, k = 5;
  const std::vector<float> re = randomFloats(64, 6), im = randomFloats(64, 7);
  std::vector<std::complex<float>> A(k * m), B(k * n), C(m * n);
  std::vector<cuComplex> a(k * m), b(k * n), c(m * n);
  for (int i = 0; i < k * m; ++i)
    A[i] = {re[i], im[i]}, a[i] = {re[i], im[i]};
  for (int i = 0; i < k * n; ++i)
    B[i] = {im[i + 20], re[i + 20]}, b[i] = {im[i + 20], re[i + 20]};
  DeviceBuffer<cuComplex> dA(a), dB(b), dC(c);
  const cuComplex alpha{0.5f, 2.0f}, beta{0, 0};
  ASSERT_EQ(cublasCgemm(handle, CUBLAS_OP_C, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), k, dB.get(), k,
                        &beta, dC.get(), m),
            CUBLAS_STATUS_SUCCESS);
  referenceGemm(CUBLAS_OP_C, CUBLAS_OP_N, m, n, k, std::complex<float>(0.5f, 2.0f), A, k, B, k,
                std::complex<float>(), C, m);
  std::vector<cuComplex> got = dC.read();
  for (int i = 0; i < m * n; ++i) {
    ASSERT_NEAR(got[i].x, C[i].real(), 1e-4f) << i;
    ASSERT_NEAR(got[i].y, C[i].imag(), 1e-4f) << i;
  }
  DeviceBuffer<cuDoubleComplex> z(std::vector<cuDoubleComplex>{{1, 2}}),
      zc(std::vector<cuDoubleComplex>{{1, 1}});
  const cuDoubleComplex one{1, 0}, two{2, 0};
  ASSERT_EQ(cublasZgemm(handle, CUBLAS_OP_N, CUBLAS_OP_C, 1, 1, 1, &one, z.get(), 1, z.get(), 1,
                        &two, zc.get(), 1),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(zc.read()[0].x, 5.0 + 2); // |1+2i|^2 + 2 (1+i)
  EXPECT_EQ(zc.read()[0].y, 2.0);
}

TEST_F(LibCublasGemm, HgemmAndGemmExWithHalfInputs) {
  const int m = 8, n = 6, k = 10;
  const std::vector<float> a = randomFloats(m * k, 8), b = randomFloats(k * n, 9);
  std::vector<__half> ha(a.size()), hb(b.size());
  std::vector<float> fa(a.size()), fb(b.size()); // the values the halves hold
  for (std::size_t i = 0; i < a.size(); ++i)
    ha[i] = __float2half(a[i]), fa[i] = __half2float(ha[i]);
  for (std::size_t i = 0; i < b.size(); ++i)
    hb[i] = __float2half(b[i]), fb[i] = __half2float(hb[i]);
  std::vector<float> want(m * n, 0.0f);
  referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, 1.0f, fa, m, fb, k, 0.0f, want, m);

  DeviceBuffer<__half> dA(ha), dB(hb), dC(std::vector<__half>(m * n, __float2half(0)));
  const __half one = __float2half(1), zero = __float2half(0);
  ASSERT_EQ(cublasHgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dA.get(), m, dB.get(), k,
                        &zero, dC.get(), m),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<__half> hc = dC.read();
  for (int i = 0; i < m * n; ++i)
    ASSERT_NEAR(__half2float(hc[i]), want[i], 4e-3f) << i; // one fp16 rounding of the result

  DeviceBuffer<float> dCf(std::vector<float>(m * n, 0.0f));
  const float onef = 1, zerof = 0;
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &onef, dA.get(), CUDA_R_16F, m,
                         dB.get(), CUDA_R_16F, k, &zerof, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<float> cf = dCf.read();
  for (int i = 0; i < m * n; ++i)
    ASSERT_NEAR(cf[i], want[i], 1e-5f) << i; // fp32 accumulation, fp32 output
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &onef, dA.get(), CUDA_R_16F, m,
                         dB.get(), CUDA_R_16F, k, &zerof, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
}

TEST_F(LibCublasGemm, StridedAndPointerArrayBatches) {
  const int m = 4, n = 3, k = 5, batch = 3;
  const long long sa = m * k + 2, sb = k * n + 1, sc = m * n + 3;
  const std::vector<float> A = randomFloats(sa * batch, 10), B = randomFloats(sb * batch, 11);
  std::vector<float> C = randomFloats(sc * batch, 12);
  DeviceBuffer<float> dA(A), dB(B), dC(C);
  const float alpha = 2, beta = 1;
  ASSERT_EQ(cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                      m, sa, dB.get(), k, sb, &beta, dC.get(), m, sc, batch),
            CUBLAS_STATUS_SUCCESS);
  for (int i = 0; i < batch; ++i) {
    std::vector<float> a(A.begin() + i * sa, A.begin() + i * sa + m * k);
    std::vector<float> b(B.begin() + i * sb, B.begin() + i * sb + k * n);
    std::vector<float> c(C.begin() + i * sc, C.begin() + i * sc + m * n);
    referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, alpha, a, m, b, k, beta, c, m);
    std::copy(c.begin(), c.end(), C.begin() + i * sc);
  }
  std::vector<float> got = dC.read();
  for (std::size_t i = 0; i < C.size(); ++i)
    ASSERT_NEAR(got[i], C[i], 1e-5f) << i; // padding between matrices is left as it was

  // The same products through pointer arrays held in device memory (double precision).
  std::vector<double> Ad(A.begin(), A.end()), Bd(B.begin(), B.end()), Cd(sc * batch, 0.0);
  DeviceBuffer<double> eA(Ad), eB(Bd), eC(Cd);
  std::vector<const double *> pa, pb;
  std::vector<double *> pc;
  for (int i = 0; i < batch; ++i)
    pa.push_back(eA.get() + i * sa), pb.push_back(eB.get() + i * sb),
        pc.push_back(eC.get() + i * sc);
  DeviceBuffer<const double *> dpa(pa), dpb(pb);
  DeviceBuffer<double *> dpc(pc);
  const double alphad = 1, betad = 0;
  ASSERT_EQ(cublasDgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alphad, dpa.get(), m,
                               dpb.get(), k, &betad, dpc.get(), m, batch),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<double> gotd = eC.read();
  for (int i = 0; i < batch; ++i) {
    std::vector<double> a(Ad.begin() + i * sa, Ad.begin() + i * sa + m * k);
    std::vector<double> b(Bd.begin() + i * sb, Bd.begin() + i * sb + k * n);
    std::vector<double> c(m * n, 0.0);
    referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, alphad, a, m, b, k, betad, c, m);
    for (int e = 0; e < m * n; ++e)
      ASSERT_NEAR(gotd[i * sc + e], c[e], 1e-12) << i << " " << e;
  }
}

TEST_F(LibCublasGemm, DeviceScalarsAndGemv) {
  ASSERT_EQ(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  DeviceBuffer<float> scalars(std::vector<float>{3, 1}); // alpha, beta
  // A = [1 2; 3 4] column-major, x = (1, 1), y = (10, 20): y = 3 A^T x + y.
  DeviceBuffer<float> A(std::vector<float>{1, 3, 2, 4}), x(std::vector<float>{1, 1}),
      y(std::vector<float>{10, 20});
  ASSERT_EQ(cublasSgemv(handle, CUBLAS_OP_T, 2, 2, scalars.get(), A.get(), 2, x.get(), 1,
                        scalars.get() + 1, y.get(), 1),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(y.read(), (std::vector<float>{10 + 3 * 4, 20 + 3 * 6}));
  DeviceBuffer<float> C(std::vector<float>{1, 1, 1, 1});
  ASSERT_EQ(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, scalars.get(), A.get(), 2,
                        A.get(), 2, scalars.get() + 1, C.get(), 2),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(C.read(), (std::vector<float>{3 * 7 + 1, 3 * 15 + 1, 3 * 10 + 1, 3 * 22 + 1}));
  DeviceBuffer<double> Ad(std::vector<double>{1, 3, 2, 4}), xd(std::vector<double>{1, 2}),
      yd(std::vector<double>{0, 0});
  ASSERT_EQ(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST), CUBLAS_STATUS_SUCCESS);
  const double one = 1, zero = 0;
  ASSERT_EQ(
      cublasDgemv(handle, CUBLAS_OP_N, 2, 2, &one, Ad.get(), 2, xd.get(), 1, &zero, yd.get(), 1),
      CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(yd.read(), (std::vector<double>{5, 11}));
}

TEST_F(LibCublasGemm, InvalidArgumentsAreInvalidValue) {
  DeviceBuffer<float> buf(std::vector<float>(64, 0.0f));
  const float one = 1;
  float *p = buf.get();
  auto sgemm = [&](cublasOperation_t ta, int m, int n, int k, int lda, int ldb, int ldc) {
    return cublasSgemm(handle, ta, CUBLAS_OP_N, m, n, k, &one, p, lda, p, ldb, &one, p, ldc);
  };
  EXPECT_EQ(sgemm(CUBLAS_OP_N, 4, 4, 4, 3, 4, 4), CUBLAS_STATUS_INVALID_VALUE); // lda < m
  EXPECT_EQ(sgemm(CUBLAS_OP_T, 4, 4, 2, 1, 4, 4), CUBLAS_STATUS_INVALID_VALUE); // lda < k
  EXPECT_EQ(sgemm(CUBLAS_OP_N, 4, 4, 4, 4, 3, 4), CUBLAS_STATUS_INVALID_VALUE); // ldb < k
  EXPECT_EQ(sgemm(CUBLAS_OP_N, 4, 4, 4, 4, 4, 3), CUBLAS_STATUS_INVALID_VALUE); // ldc < m
  EXPECT_EQ(sgemm(CUBLAS_OP_N, -1, 4, 4, 4, 4, 4), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(sgemm(cublasOperation_t(9), 4, 4, 4, 4, 4, 4), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(sgemm(CUBLAS_OP_N, 0, 4, 4, 1, 4, 1), CUBLAS_STATUS_SUCCESS); // nothing to do
  EXPECT_EQ(cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, p, 2, p, 1, &one, p, 1),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, p, 4, p, 0, &one, p, 1),
            CUBLAS_STATUS_INVALID_VALUE);
}

// Reduced-precision copies of `v` and the values they hold.
template <class R> std::vector<R> rounded(const std::vector<float> &v, std::vector<float> &held) {
  std::vector<R> r(v.size());
  held.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    r[i] = R(v[i]), held[i] = float(r[i]);
  return r;
}

TEST_F(LibCublasGemm, HgemmBatchedThroughDevicePointerArrays) {
  const int m = 6, n = 5, k = 7, batch = 4;
  const int lda = k + 1, ldb = k, ldc = m + 2; // A transposed: lda covers k
  std::vector<float> heldA, heldB, heldC;
  const std::vector<__half> A = rounded<__half>(randomFloats(lda * m * batch, 30), heldA);
  const std::vector<__half> B = rounded<__half>(randomFloats(ldb * n * batch, 31), heldB);
  const std::vector<__half> C = rounded<__half>(randomFloats(ldc * n * batch, 32), heldC);
  DeviceBuffer<__half> dA(A), dB(B), dC(C);
  std::vector<const __half *> pa, pb;
  std::vector<__half *> pc;
  for (int i = 0; i < batch; ++i)
    pa.push_back(dA.get() + i * lda * m), pb.push_back(dB.get() + i * ldb * n),
        pc.push_back(dC.get() + i * ldc * n);
  DeviceBuffer<const __half *> dpa(pa), dpb(pb);
  DeviceBuffer<__half *> dpc(pc);
  const __half alpha = __float2half(0.5f), beta = __float2half(2.0f);
  ASSERT_EQ(cublasHgemmBatched(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dpa.get(), lda,
                               dpb.get(), ldb, &beta, dpc.get(), ldc, batch),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<__half> got = dC.read();
  for (int i = 0; i < batch; ++i) {
    std::vector<float> a(heldA.begin() + i * lda * m, heldA.begin() + (i + 1) * lda * m);
    std::vector<float> b(heldB.begin() + i * ldb * n, heldB.begin() + (i + 1) * ldb * n);
    std::vector<float> c(heldC.begin() + i * ldc * n, heldC.begin() + (i + 1) * ldc * n);
    referenceGemm(CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, 0.5f, a, lda, b, ldb, 2.0f, c, ldc);
    for (int j = 0; j < n; ++j)
      for (int r = 0; r < m; ++r)
        ASSERT_NEAR(__half2float(got[i * ldc * n + r + j * ldc]), c[r + j * ldc], 8e-3f)
            << i << " " << r << " " << j;
  }
  // Errors: a null handle, a negative batch, null pointer arrays.
  EXPECT_EQ(cublasHgemmBatched(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dpa.get(), m,
                               dpb.get(), k, &beta, dpc.get(), m, batch),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasHgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dpa.get(), m,
                               dpb.get(), k, &beta, dpc.get(), m, -1),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasHgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, nullptr, m,
                               dpb.get(), k, &beta, dpc.get(), m, batch),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasHgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dpa.get(), m - 1,
                               dpb.get(), k, &beta, dpc.get(), m, batch),
            CUBLAS_STATUS_INVALID_VALUE);
}

TEST_F(LibCublasGemm, ComplexBatchedAndStridedBatched) {
  const int m = 3, n = 2, k = 4, batch = 2;
  const std::vector<float> re = randomFloats(64, 33), im = randomFloats(64, 34);
  std::vector<std::complex<double>> A(m * k * batch), B(k * n * batch);
  std::vector<cuComplex> a(A.size()), b(B.size());
  std::vector<cuDoubleComplex> za(A.size()), zb(B.size());
  for (std::size_t i = 0; i < A.size(); ++i)
    A[i] = {re[i], im[i]}, a[i] = {re[i], im[i]}, za[i] = {re[i], im[i]};
  for (std::size_t i = 0; i < B.size(); ++i)
    B[i] = {im[i + 30], re[i + 30]}, b[i] = {im[i + 30], re[i + 30]},
    zb[i] = {im[i + 30], re[i + 30]};
  DeviceBuffer<cuComplex> dA(a), dB(b), dC(m * n * batch);
  DeviceBuffer<cuDoubleComplex> zA(za), zB(zb), zC(m * n * batch), zC2(m * n * batch);
  const cuComplex alpha{1, -1}, beta{0, 0};
  const cuDoubleComplex zalpha{1, -1}, zbeta{0, 0};
  ASSERT_EQ(cublasCgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                      m, m * k, dB.get(), k, k * n, &beta, dC.get(), m, m * n,
                                      batch),
            CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasZgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &zalpha, zA.get(),
                                      m, m * k, zB.get(), k, k * n, &zbeta, zC.get(), m, m * n,
                                      batch),
            CUBLAS_STATUS_SUCCESS);
  std::vector<const cuDoubleComplex *> pa, pb;
  std::vector<cuDoubleComplex *> pc;
  std::vector<const cuComplex *> qa, qb;
  std::vector<cuComplex *> qc;
  DeviceBuffer<cuComplex> dC2(m * n * batch);
  for (int i = 0; i < batch; ++i) {
    pa.push_back(zA.get() + i * m * k), pb.push_back(zB.get() + i * k * n),
        pc.push_back(zC2.get() + i * m * n);
    qa.push_back(dA.get() + i * m * k), qb.push_back(dB.get() + i * k * n),
        qc.push_back(dC2.get() + i * m * n);
  }
  DeviceBuffer<const cuDoubleComplex *> dpa(pa), dpb(pb);
  DeviceBuffer<cuDoubleComplex *> dpc(pc);
  DeviceBuffer<const cuComplex *> dqa(qa), dqb(qb);
  DeviceBuffer<cuComplex *> dqc(qc);
  ASSERT_EQ(cublasZgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &zalpha, dpa.get(), m,
                               dpb.get(), k, &zbeta, dpc.get(), m, batch),
            CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasCgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dqa.get(), m,
                               dqb.get(), k, &beta, dqc.get(), m, batch),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<cuComplex> c = dC.read(), c2 = dC2.read();
  const std::vector<cuDoubleComplex> z = zC.read(), z2 = zC2.read();
  for (int i = 0; i < batch; ++i) {
    std::vector<std::complex<double>> ai(A.begin() + i * m * k, A.begin() + (i + 1) * m * k);
    std::vector<std::complex<double>> bi(B.begin() + i * k * n, B.begin() + (i + 1) * k * n);
    std::vector<std::complex<double>> ci(m * n);
    referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, std::complex<double>(1, -1), ai, m, bi, k,
                  std::complex<double>(), ci, m);
    for (int e = 0; e < m * n; ++e) {
      const int at = i * m * n + e;
      ASSERT_NEAR(c[at].x, ci[e].real(), 1e-4) << at;
      ASSERT_NEAR(c[at].y, ci[e].imag(), 1e-4) << at;
      ASSERT_NEAR(c2[at].x, ci[e].real(), 1e-4) << at;
      ASSERT_NEAR(z[at].x, ci[e].real(), 1e-12) << at;
      ASSERT_NEAR(z[at].y, ci[e].imag(), 1e-12) << at;
      ASSERT_NEAR(z2[at].y, ci[e].imag(), 1e-12) << at;
    }
  }
}

TEST_F(LibCublasGemm, GemmExWithBfloat16Inputs) {
  const int m = 9, n = 5, k = 12;
  std::vector<float> fa, fb, fc;
  const std::vector<__nv_bfloat16> a = rounded<__nv_bfloat16>(randomFloats(k * m, 40), fa);
  const std::vector<__nv_bfloat16> b = rounded<__nv_bfloat16>(randomFloats(k * n, 41), fb);
  const std::vector<__nv_bfloat16> c = rounded<__nv_bfloat16>(randomFloats(m * n, 42), fc);
  std::vector<float> want = fc;
  const float alpha = 1.25f, beta = -1;
  referenceGemm(CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, alpha, fa, k, fb, k, beta, want, m);
  DeviceBuffer<__nv_bfloat16> dA(a), dB(b), dC(c);
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), CUDA_R_16BF,
                         k, dB.get(), CUDA_R_16BF, k, &beta, dC.get(), CUDA_R_16BF, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<__nv_bfloat16> got = dC.read();
  for (int i = 0; i < m * n; ++i) // one bf16 rounding (8 bits of mantissa) of the result
    ASSERT_NEAR(float(got[i]), want[i], 2e-2f * std::max(1.0f, std::fabs(want[i]))) << i;

  DeviceBuffer<float> dCf(fc);
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), CUDA_R_16BF,
                         k, dB.get(), CUDA_R_16BF, k, &beta, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32F_PEDANTIC, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<float> gotf = dCf.read();
  for (int i = 0; i < m * n; ++i)
    ASSERT_NEAR(gotf[i], want[i], 1e-5f) << i;
  // bf16 into fp16, and bf16 with a fast-fp32 compute type, are not in cuBLAS's table.
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), CUDA_R_16BF,
                         k, dB.get(), CUDA_R_16BF, k, &beta, dC.get(), CUDA_R_16F, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), CUDA_R_16BF,
                         k, dB.get(), CUDA_R_16BF, k, &beta, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32F_FAST_16BF, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, dA.get(), CUDA_R_16BF,
                         k, dB.get(), CUDA_R_16F, k, &beta, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED); // A and B of different types
}

// C = alpha op(A) op(B) + beta C over int8 inputs in int64 (exact for these sizes).
void referenceInt8(cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, int alpha,
                   const std::vector<int8_t> &A, int lda, const std::vector<int8_t> &B, int ldb,
                   int beta, std::vector<int32_t> &C, int ldc) {
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      long long sum = 0;
      for (int p = 0; p < k; ++p)
        sum += (ta == CUBLAS_OP_N ? A[i + p * lda] : A[p + i * lda]) *
               (tb == CUBLAS_OP_N ? B[p + j * ldb] : B[j + p * ldb]);
      C[i + j * ldc] = int32_t(alpha * sum + beta * (long long)C[i + j * ldc]);
    }
}

TEST_F(LibCublasGemm, GemmExInt8IntoInt32IsExact) {
  const int m = 16, n = 12, k = 40;
  std::mt19937 rng(43);
  std::uniform_int_distribution<int> dist(-128, 127);
  std::vector<int8_t> A(k * m + 8), B(k * n + 8);
  for (int8_t &v : A)
    v = int8_t(dist(rng));
  for (int8_t &v : B)
    v = int8_t(dist(rng));
  A[0] = A[1] = -128, B[0] = B[1] = -128; // the extreme products
  std::vector<int32_t> C(m * n);
  for (int32_t &v : C)
    v = dist(rng) * 1000;
  DeviceBuffer<int8_t> dA(A), dB(B);
  for (cublasOperation_t ta : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (cublasOperation_t tb : {CUBLAS_OP_N, CUBLAS_OP_T}) {
      const int lda = ta == CUBLAS_OP_N ? m : k, ldb = tb == CUBLAS_OP_N ? k : n;
      DeviceBuffer<int32_t> dC(C);
      const int32_t alpha = 3, beta = -2;
      ASSERT_EQ(cublasGemmEx(handle, ta, tb, m, n, k, &alpha, dA.get(), CUDA_R_8I, lda, dB.get(),
                             CUDA_R_8I, ldb, &beta, dC.get(), CUDA_R_32I, m, CUBLAS_COMPUTE_32I,
                             CUBLAS_GEMM_DEFAULT),
                CUBLAS_STATUS_SUCCESS);
      std::vector<int32_t> want = C;
      referenceInt8(ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, want, m);
      EXPECT_EQ(dC.read(), want) << "ta " << ta << " tb " << tb;
    }
  // int8 into fp32 with fp32 compute (float alpha and beta).
  std::vector<float> fA(A.begin(), A.end()), fB(B.begin(), B.end()), want(m * n, 0.0f);
  referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, 0.5f, fA, m, fB, k, 0.0f, want, m);
  DeviceBuffer<float> dCf(m * n);
  const float half = 0.5f, zero = 0;
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &half, dA.get(), CUDA_R_8I, m,
                         dB.get(), CUDA_R_8I, k, &zero, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(dCf.read(), want); // sums of integers: exact in fp32 at this size
  // Not in cuBLAS's table: int8 into int32 with fp32 compute, into int8, or into fp32 with
  // int32 compute.
  DeviceBuffer<int32_t> dCi(m * n);
  const int32_t one = 1, none = 0;
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &half, dA.get(), CUDA_R_8I, m,
                         dB.get(), CUDA_R_8I, k, &zero, dCi.get(), CUDA_R_32I, m,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dA.get(), CUDA_R_8I, m,
                         dB.get(), CUDA_R_8I, k, &none, dCi.get(), CUDA_R_8I, m, CUBLAS_COMPUTE_32I,
                         CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dA.get(), CUDA_R_8I, m,
                         dB.get(), CUDA_R_8I, k, &none, dCf.get(), CUDA_R_32F, m,
                         CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  // The argument checks still apply (after the handle's).
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dA.get(), CUDA_R_8I,
                         m - 1, dB.get(), CUDA_R_8I, k, &none, dCi.get(), CUDA_R_32I, m,
                         CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGemmEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dA.get(), CUDA_R_8I, m,
                         dB.get(), CUDA_R_8I, k, &none, dCi.get(), CUDA_R_32I, m,
                         CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_INITIALIZED);
}

TEST_F(LibCublasGemm, GemmExComplexDoubleComplexInt8AndLegacyComputeTypes) {
  // 1x1 products: (1+2i)(3-i) = 5+5i.
  DeviceBuffer<cuDoubleComplex> za(std::vector<cuDoubleComplex>{{1, 2}}),
      zb(std::vector<cuDoubleComplex>{{3, -1}}), zc(std::vector<cuDoubleComplex>{{1, 1}});
  const cuDoubleComplex zone{1, 0}, ztwo{2, 0};
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &zone, za.get(), CUDA_C_64F, 1,
                         zb.get(), CUDA_C_64F, 1, &ztwo, zc.get(), CUDA_C_64F, 1,
                         CUBLAS_COMPUTE_64F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(zc.read()[0].x, 7.0);
  EXPECT_EQ(zc.read()[0].y, 7.0);
  DeviceBuffer<int8_t> ia(std::vector<int8_t>{1, 2}), ib(std::vector<int8_t>{3, -1});
  DeviceBuffer<cuComplex> cc(std::vector<cuComplex>{{0, 0}});
  const cuComplex cone{1, 0}, czero{0, 0};
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &cone, ia.get(), CUDA_C_8I, 1,
                         ib.get(), CUDA_C_8I, 1, &czero, cc.get(), CUDA_C_32F, 1,
                         CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cc.read()[0].x, 5.0f);
  EXPECT_EQ(cc.read()[0].y, 5.0f);
  // CUDA 10's cudaDataType compute argument: CUDA_R_32F means CUBLAS_COMPUTE_32F.
  DeviceBuffer<float> f(std::vector<float>{2}), g(std::vector<float>{0});
  const float one = 1, zero = 0;
  ASSERT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &one, f.get(), CUDA_R_32F, 1,
                         f.get(), CUDA_R_32F, 1, &zero, g.get(), CUDA_R_32F, 1,
                         cublasComputeType_t(CUDA_R_32F), CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(g.read()[0], 4.0f);
  // fp16 inputs with a fast-fp32 compute type are not in the table; fp32 inputs are.
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &one, f.get(), CUDA_R_16F, 1,
                         f.get(), CUDA_R_16F, 1, &zero, g.get(), CUDA_R_32F, 1,
                         CUBLAS_COMPUTE_32F_FAST_16F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &one, f.get(), CUDA_R_32F, 1,
                         f.get(), CUDA_R_32F, 1, &zero, g.get(), CUDA_R_32F, 1,
                         CUBLAS_COMPUTE_32F_FAST_TF32, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &one, f.get(), CUDA_R_32F, 1,
                         f.get(), CUDA_R_32F, 1, &zero, g.get(), CUDA_R_64F, 1, CUBLAS_COMPUTE_64F,
                         CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
}

TEST_F(LibCublasGemm, GemmStridedBatchedExAndGemmBatchedEx) {
  const int m = 5, n = 4, k = 6, batch = 3;
  const long long sa = m * k + 3, sb = k * n + 1, sc = m * n + 2;
  std::vector<float> fa, fb;
  const std::vector<__half> A = rounded<__half>(randomFloats(sa * batch, 50), fa);
  const std::vector<__half> B = rounded<__half>(randomFloats(sb * batch, 51), fb);
  std::vector<float> C = randomFloats(sc * batch, 52);
  DeviceBuffer<__half> dA(A), dB(B);
  DeviceBuffer<float> dC(C);
  const float alpha = 2, beta = 0.5f;
  // fp16 inputs, fp32 output, strides in elements of each operand's type.
  ASSERT_EQ(cublasGemmStridedBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                       CUDA_R_16F, m, sa, dB.get(), CUDA_R_16F, k, sb, &beta,
                                       dC.get(), CUDA_R_32F, m, sc, batch, CUBLAS_COMPUTE_32F,
                                       CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  std::vector<float> want = C;
  for (int i = 0; i < batch; ++i) {
    std::vector<float> a(fa.begin() + i * sa, fa.begin() + i * sa + m * k);
    std::vector<float> b(fb.begin() + i * sb, fb.begin() + i * sb + k * n);
    std::vector<float> c(want.begin() + i * sc, want.begin() + i * sc + m * n);
    referenceGemm(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, alpha, a, m, b, k, beta, c, m);
    std::copy(c.begin(), c.end(), want.begin() + i * sc);
  }
  std::vector<float> got = dC.read();
  for (std::size_t i = 0; i < want.size(); ++i)
    ASSERT_NEAR(got[i], want[i], 1e-5f) << i;

  // int8 -> int32 through pointer arrays.
  std::vector<int8_t> ia(m * k * batch), ib(k * n * batch);
  for (std::size_t i = 0; i < ia.size(); ++i)
    ia[i] = int8_t(int(i * 37 % 255) - 127);
  for (std::size_t i = 0; i < ib.size(); ++i)
    ib[i] = int8_t(int(i * 91 % 255) - 127);
  DeviceBuffer<int8_t> dia(ia), dib(ib);
  DeviceBuffer<int32_t> dic(m * n * batch);
  std::vector<const void *> pa, pb;
  std::vector<void *> pc;
  for (int i = 0; i < batch; ++i)
    pa.push_back(dia.get() + i * m * k), pb.push_back(dib.get() + i * k * n),
        pc.push_back(dic.get() + i * m * n);
  DeviceBuffer<const void *> dpa(pa), dpb(pb);
  DeviceBuffer<void *> dpc(pc);
  const int32_t one = 1, zero = 0;
  ASSERT_EQ(cublasGemmBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dpa.get(),
                                CUDA_R_8I, m, dpb.get(), CUDA_R_8I, k, &zero, dpc.get(), CUDA_R_32I,
                                m, batch, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<int32_t> goti = dic.read();
  for (int i = 0; i < batch; ++i) {
    std::vector<int8_t> a(ia.begin() + i * m * k, ia.begin() + (i + 1) * m * k);
    std::vector<int8_t> b(ib.begin() + i * k * n, ib.begin() + (i + 1) * k * n);
    std::vector<int32_t> c(m * n, 0);
    referenceInt8(CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, 1, a, m, b, k, 0, c, m);
    EXPECT_EQ(std::vector<int32_t>(goti.begin() + i * m * n, goti.begin() + (i + 1) * m * n), c)
        << i;
  }
  // Errors: null handle, negative batch, null arrays, unsupported types.
  EXPECT_EQ(cublasGemmBatchedEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dpa.get(),
                                CUDA_R_8I, m, dpb.get(), CUDA_R_8I, k, &zero, dpc.get(), CUDA_R_32I,
                                m, batch, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasGemmBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, nullptr, CUDA_R_8I,
                                m, dpb.get(), CUDA_R_8I, k, &zero, dpc.get(), CUDA_R_32I, m, batch,
                                CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGemmBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, dpa.get(),
                                CUDA_R_8I, m, dpb.get(), CUDA_R_8I, k, &zero, dpc.get(), CUDA_R_32I,
                                m, batch, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasGemmStridedBatchedEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                       CUDA_R_16F, m, sa, dB.get(), CUDA_R_16F, k, sb, &beta,
                                       dC.get(), CUDA_R_32F, m, sc, batch, CUBLAS_COMPUTE_32F,
                                       CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasGemmStridedBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                       CUDA_R_16F, m, sa, dB.get(), CUDA_R_16F, k, sb, &beta,
                                       dC.get(), CUDA_R_32F, m, sc, -2, CUBLAS_COMPUTE_32F,
                                       CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGemmStridedBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, -1, n, k, &alpha, dA.get(),
                                       CUDA_R_16F, m, sa, dB.get(), CUDA_R_16F, k, sb, &beta,
                                       dC.get(), CUDA_R_32F, m, sc, batch, CUBLAS_COMPUTE_32F,
                                       CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGemmStridedBatchedEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA.get(),
                                       CUDA_R_16F, m, sa, dB.get(), CUDA_R_16F, k, sb, &beta,
                                       dC.get(), CUDA_R_16BF, m, sc, batch, CUBLAS_COMPUTE_32F,
                                       CUBLAS_GEMM_DEFAULT),
            CUBLAS_STATUS_NOT_SUPPORTED);
}

} // namespace
