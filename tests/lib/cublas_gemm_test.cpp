// cuBLAS GEMM family and GEMV against a naive column-major reference.
#include <complex>

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

} // namespace
