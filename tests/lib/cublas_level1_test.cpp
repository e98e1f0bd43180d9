// cuBLAS Level-1 against loops over the same data.
#include <algorithm>
#include <cmath>

#include "LibTestSupport.h"
#include "npurt/lib/cublas_v2.h"

namespace {

using npu::libtest::DeviceBuffer;
using npu::libtest::randomDoubles;
using npu::libtest::randomFloats;

using LibCublasLevel1 = npu::libtest::CublasTest;

TEST_F(LibCublasLevel1, AxpyScalCopySwapWithStrides) {
  const int n = 100;
  const std::vector<float> x = randomFloats(2 * n, 1), y = randomFloats(3 * n, 2);
  DeviceBuffer<float> dx(x), dy(y);
  const float alpha = 0.75f;
  ASSERT_EQ(cublasSaxpy(handle, n, &alpha, dx.get(), 2, dy.get(), 3), CUBLAS_STATUS_SUCCESS);
  std::vector<float> want = y;
  for (int i = 0; i < n; ++i)
    want[3 * i] += alpha * x[2 * i];
  std::vector<float> got = dy.read();
  for (int i = 0; i < 3 * n; ++i)
    ASSERT_NEAR(got[i], want[i], 1e-6f) << i;

  const float two = 2;
  ASSERT_EQ(cublasSscal(handle, n, &two, dy.get(), 3), CUBLAS_STATUS_SUCCESS);
  got = dy.read();
  for (int i = 0; i < n; ++i)
    ASSERT_NEAR(got[3 * i], 2 * want[3 * i], 1e-6f) << i;
  EXPECT_EQ(got[1], want[1]); // between the strided elements: untouched

  DeviceBuffer<float> a(std::vector<float>{1, 2, 3}), b(std::vector<float>{4, 5, 6});
  ASSERT_EQ(cublasSswap(handle, 3, a.get(), 1, b.get(), 1), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(a.read(), (std::vector<float>{4, 5, 6}));
  // A negative increment walks from the end: y = reverse(x).
  ASSERT_EQ(cublasScopy(handle, 3, a.get(), 1, b.get(), -1), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(b.read(), (std::vector<float>{6, 5, 4}));
}

TEST_F(LibCublasLevel1, ReductionsMatchLoops) {
  const int n = 257;
  const std::vector<double> x = randomDoubles(n, 3), y = randomDoubles(n, 4);
  DeviceBuffer<double> dx(x), dy(y);
  double dot = 0, nrm = 0, asum = 0, want = 0, sq = 0, abs = 0;
  for (int i = 0; i < n; ++i)
    want += x[i] * y[i], sq += x[i] * x[i], abs += std::fabs(x[i]);
  ASSERT_EQ(cublasDdot(handle, n, dx.get(), 1, dy.get(), 1, &dot), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasDnrm2(handle, n, dx.get(), 1, &nrm), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasDasum(handle, n, dx.get(), 1, &asum), CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(dot, want, 1e-12);
  EXPECT_NEAR(nrm, std::sqrt(sq), 1e-12);
  EXPECT_NEAR(asum, abs, 1e-12);
  float snrm = -1;
  DeviceBuffer<float> fx(std::vector<float>{3, 4});
  ASSERT_EQ(cublasSnrm2(handle, 0, fx.get(), 1, &snrm), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(snrm, 0.0f); // n <= 0: zero, as in cuBLAS
  ASSERT_EQ(cublasSnrm2(handle, 2, fx.get(), 1, &snrm), CUBLAS_STATUS_SUCCESS);
  EXPECT_FLOAT_EQ(snrm, 5.0f);
}

TEST_F(LibCublasLevel1, IamaxAndIaminAreOneBasedAndTakeTheFirstOfTies) {
  DeviceBuffer<float> x(std::vector<float>{1, -7, 3, 7, 0.5f, -0.5f});
  int index = -1;
  ASSERT_EQ(cublasIsamax(handle, 6, x.get(), 1, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 2);
  ASSERT_EQ(cublasIsamin(handle, 6, x.get(), 1, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 5);
  ASSERT_EQ(cublasIsamax(handle, 3, x.get(), 2, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 2); // every other element: 1, 3, 0.5
  DeviceBuffer<double> d(std::vector<double>{2, -9, 9});
  ASSERT_EQ(cublasIdamax(handle, 3, d.get(), 1, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 2);
  ASSERT_EQ(cublasIdamin(handle, 3, d.get(), 1, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 1);
  ASSERT_EQ(cublasIdamax(handle, 0, d.get(), 1, &index), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(index, 0);
}

TEST_F(LibCublasLevel1, DevicePointerModeReadsScalarsAndWritesResultsInStreamOrder) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  ASSERT_EQ(cublasSetStream(handle, stream), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  DeviceBuffer<float> x(std::vector<float>{1, 2, 3}), y(std::vector<float>{1, 1, 1});
  DeviceBuffer<float> scalars(std::vector<float>{0, 0}); // alpha, then the dot's result
  // alpha is written on the stream just before the axpy: only a read at run time sees 2.
  const float two = 2;
  ASSERT_EQ(npuMemcpyAsync(scalars.get(), &two, sizeof two, npuMemcpyHostToDevice, stream),
            npuSuccess);
  ASSERT_EQ(cublasSaxpy(handle, 3, scalars.get(), x.get(), 1, y.get(), 1), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasSdot(handle, 3, x.get(), 1, y.get(), 1, scalars.get() + 1),
            CUBLAS_STATUS_SUCCESS);
  float result = 0;
  ASSERT_EQ(
      npuMemcpyAsync(&result, scalars.get() + 1, sizeof result, npuMemcpyDeviceToHost, stream),
      npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(y.read(), (std::vector<float>{3, 5, 7}));
  EXPECT_EQ(result, 1 * 3 + 2 * 5 + 3 * 7);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(LibCublasLevel1, ComplexAxpyAndDots) {
  DeviceBuffer<cuComplex> x(std::vector<cuComplex>{{1, 1}, {0, 2}}),
      y(std::vector<cuComplex>{{1, 0}, {1, -1}});
  const cuComplex alpha = make_cuComplex(0, 1); // i
  ASSERT_EQ(cublasCaxpy(handle, 2, &alpha, x.get(), 1, y.get(), 1), CUBLAS_STATUS_SUCCESS);
  const std::vector<cuComplex> got = y.read(); // y + i x = {(0, 1), (-1, -1)}
  EXPECT_EQ(got[0].x, 0.0f);
  EXPECT_EQ(got[0].y, 1.0f);
  EXPECT_EQ(got[1].x, -1.0f);
  EXPECT_EQ(got[1].y, -1.0f);
  cuComplex u, c;
  ASSERT_EQ(cublasCdotu(handle, 2, x.get(), 1, x.get(), 1, &u), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasCdotc(handle, 2, x.get(), 1, x.get(), 1, &c), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(u.x, -4.0f); // (1+i)^2 + (2i)^2 = 2i - 4
  EXPECT_EQ(u.y, 2.0f);
  EXPECT_EQ(c.x, 6.0f); // |1+i|^2 + |2i|^2
  EXPECT_EQ(c.y, 0.0f);
}

TEST_F(LibCublasLevel1, NullScalarIsInvalidValue) {
  DeviceBuffer<float> x(std::vector<float>{1});
  EXPECT_EQ(cublasSaxpy(handle, 1, nullptr, x.get(), 1, x.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSdot(handle, 1, x.get(), 1, x.get(), 1, nullptr), CUBLAS_STATUS_INVALID_VALUE);
}

TEST_F(LibCublasLevel1, DotExInEveryPrecisionAgainstALoop) {
  const int n = 300;
  const std::vector<float> x = randomFloats(2 * n, 20), y = randomFloats(n, 21);
  double want32 = 0;
  for (int i = 0; i < n; ++i)
    want32 += double(x[2 * i]) * y[i];
  DeviceBuffer<float> fx(x), fy(y);
  float f = 0;
  ASSERT_EQ(cublasDotEx(handle, n, fx.get(), CUDA_R_32F, 2, fy.get(), CUDA_R_32F, 1, &f, CUDA_R_32F,
                        CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(f, want32, 1e-4);
  const std::vector<double> dxv(x.begin(), x.end()), dyv(y.begin(), y.end());
  DeviceBuffer<double> dx(dxv), dy(dyv);
  double d = 0;
  ASSERT_EQ(cublasDotEx(handle, n, dx.get(), CUDA_R_64F, 2, dy.get(), CUDA_R_64F, 1, &d, CUDA_R_64F,
                        CUDA_R_64F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(d, want32, 1e-12);

  // fp16 and bf16: products summed in fp32, the result rounded once to the vectors' type.
  std::vector<__half> hx(n), hy(n);
  std::vector<__nv_bfloat16> bx(n), by(n);
  double wantH = 0, wantB = 0;
  for (int i = 0; i < n; ++i) {
    hx[i] = __float2half(x[i]), hy[i] = __float2half(y[i]);
    bx[i] = __float2bfloat16(x[i]), by[i] = __float2bfloat16(y[i]);
    wantH += double(__half2float(hx[i])) * __half2float(hy[i]);
    wantB += double(__bfloat162float(bx[i])) * __bfloat162float(by[i]);
  }
  DeviceBuffer<__half> dhx(hx), dhy(hy);
  DeviceBuffer<__nv_bfloat16> dbx(bx), dby(by);
  __half h;
  __nv_bfloat16 b;
  ASSERT_EQ(cublasDotEx(handle, n, dhx.get(), CUDA_R_16F, 1, dhy.get(), CUDA_R_16F, 1, &h,
                        CUDA_R_16F, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(__half2float(h), wantH, 1e-3 * std::max(1.0, std::fabs(wantH)));
  ASSERT_EQ(cublasDotEx(handle, n, dbx.get(), CUDA_R_16BF, 1, dby.get(), CUDA_R_16BF, 1, &b,
                        CUDA_R_16BF, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(__bfloat162float(b), wantB, 8e-3 * std::max(1.0, std::fabs(wantB)));
  // A negative increment walks backwards: x reversed against y.
  ASSERT_EQ(cublasDotEx(handle, 3, dhx.get(), CUDA_R_16F, -1, dhy.get(), CUDA_R_16F, 1, &h,
                        CUDA_R_16F, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  const float rev = __half2float(hx[2]) * __half2float(hy[0]) +
                    __half2float(hx[1]) * __half2float(hy[1]) +
                    __half2float(hx[0]) * __half2float(hy[2]);
  EXPECT_NEAR(__half2float(h), rev, 2e-3);

  // Complex: DotEx is dotu, DotcEx conjugates x.
  DeviceBuffer<cuComplex> cx(std::vector<cuComplex>{{1, 1}, {0, 2}});
  cuComplex u, c;
  ASSERT_EQ(cublasDotEx(handle, 2, cx.get(), CUDA_C_32F, 1, cx.get(), CUDA_C_32F, 1, &u, CUDA_C_32F,
                        CUDA_C_32F),
            CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasDotcEx(handle, 2, cx.get(), CUDA_C_32F, 1, cx.get(), CUDA_C_32F, 1, &c,
                         CUDA_C_32F, CUDA_C_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(u.x, -4.0f);
  EXPECT_EQ(u.y, 2.0f);
  EXPECT_EQ(c.x, 6.0f);
  EXPECT_EQ(c.y, 0.0f);
}

TEST_F(LibCublasLevel1, DotExWritesADeviceResultInStreamOrder) {
  ASSERT_EQ(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  const std::vector<__half> v(64, __float2half(0.5f));
  DeviceBuffer<__half> x(v), result(1);
  ASSERT_EQ(cublasDotEx(handle, 64, x.get(), CUDA_R_16F, 1, x.get(), CUDA_R_16F, 1, result.get(),
                        CUDA_R_16F, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(__half2float(result.read()[0]), 16.0f);
}

TEST_F(LibCublasLevel1, DotExTypeCombinationsAndErrors) {
  DeviceBuffer<float> x(std::vector<float>{1, 2});
  float r = 0;
  auto dot = [&](cublasHandle_t h, cudaDataType xt, cudaDataType yt, cudaDataType rt,
                 cudaDataType et, int n = 2, void *result = nullptr) {
    return cublasDotEx(h, n, x.get(), xt, 1, x.get(), yt, 1, result ? result : &r, rt, et);
  };
  EXPECT_EQ(dot(nullptr, CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(dot(handle, CUDA_R_16F, CUDA_R_16F, CUDA_R_16F, CUDA_R_16F),
            CUBLAS_STATUS_NOT_SUPPORTED); // fp16 execution: not in cuBLAS's table
  EXPECT_EQ(dot(handle, CUDA_R_32F, CUDA_R_16F, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(dot(handle, CUDA_R_16F, CUDA_R_16F, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(dot(handle, CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUDA_R_64F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(dot(handle, CUDA_R_8I, CUDA_R_8I, CUDA_R_8I, CUDA_R_32F), CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasDotEx(handle, 2, x.get(), CUDA_R_32F, 1, x.get(), CUDA_R_32F, 1, nullptr,
                        CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasDotEx(handle, 2, x.get(), CUDA_R_16F, 1, x.get(), CUDA_R_16F, 1, nullptr,
                        CUDA_R_16F, CUDA_R_32F),
            CUBLAS_STATUS_INVALID_VALUE);
  r = -1;
  EXPECT_EQ(dot(handle, CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, -3), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(r, 0.0f); // n <= 0: zero
  __half h = __float2half(-1);
  EXPECT_EQ(dot(handle, CUDA_R_16F, CUDA_R_16F, CUDA_R_16F, CUDA_R_32F, 0, &h),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(__half2float(h), 0.0f);
}

TEST_F(LibCublasLevel1, AxpyExScalExAndNrm2Ex) {
  const int n = 50;
  const std::vector<float> x = randomFloats(2 * n, 22), y = randomFloats(n, 23);
  std::vector<__half> hx(2 * n), hy(n);
  for (int i = 0; i < 2 * n; ++i)
    hx[i] = __float2half(x[i]);
  for (int i = 0; i < n; ++i)
    hy[i] = __float2half(y[i]);
  DeviceBuffer<__half> dhx(hx), dhy(hy);
  const float alpha = -1.5f;
  ASSERT_EQ(cublasAxpyEx(handle, n, &alpha, CUDA_R_32F, dhx.get(), CUDA_R_16F, 2, dhy.get(),
                         CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  std::vector<__half> got = dhy.read();
  for (int i = 0; i < n; ++i) // fp32 arithmetic, one fp16 rounding
    ASSERT_EQ(__half2float(got[i]),
              __half2float(__float2half(__half2float(hy[i]) + alpha * __half2float(hx[2 * i]))))
        << i;
  const float three = 3;
  ASSERT_EQ(cublasScalEx(handle, n, &three, CUDA_R_32F, dhy.get(), CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  const std::vector<__half> scaled = dhy.read();
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(__half2float(scaled[i]), __half2float(__float2half(3 * __half2float(got[i])))) << i;
  // bf16 norm, fp32 and fp64 through their CBLAS routines, complex to a real result.
  std::vector<__nv_bfloat16> bx(n);
  double sq = 0;
  for (int i = 0; i < n; ++i)
    bx[i] = __float2bfloat16(x[i]), sq += double(float(bx[i])) * float(bx[i]);
  DeviceBuffer<__nv_bfloat16> dbx(bx);
  __nv_bfloat16 nb;
  ASSERT_EQ(cublasNrm2Ex(handle, n, dbx.get(), CUDA_R_16BF, 1, &nb, CUDA_R_16BF, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_NEAR(float(nb), std::sqrt(sq), 1e-2 * std::sqrt(sq));
  DeviceBuffer<float> fx(std::vector<float>{3, 4});
  float nf = 0;
  ASSERT_EQ(cublasNrm2Ex(handle, 2, fx.get(), CUDA_R_32F, 1, &nf, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_FLOAT_EQ(nf, 5.0f);
  ASSERT_EQ(cublasAxpyEx(handle, 2, &three, CUDA_R_32F, fx.get(), CUDA_R_32F, 1, fx.get(),
                         CUDA_R_32F, 1, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS); // y = 3x + x
  ASSERT_EQ(cublasScalEx(handle, 2, &three, CUDA_R_32F, fx.get(), CUDA_R_32F, 1, CUDA_R_32F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(fx.read(), (std::vector<float>{36, 48}));
  DeviceBuffer<cuDoubleComplex> zx(std::vector<cuDoubleComplex>{{3, 4}});
  double nz = 0;
  ASSERT_EQ(cublasNrm2Ex(handle, 1, zx.get(), CUDA_C_64F, 1, &nz, CUDA_R_64F, CUDA_R_64F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_DOUBLE_EQ(nz, 5.0);
  DeviceBuffer<double> dx(std::vector<double>{1, 2});
  const double two = 2;
  ASSERT_EQ(cublasScalEx(handle, 2, &two, CUDA_R_64F, dx.get(), CUDA_R_64F, 1, CUDA_R_64F),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(dx.read(), (std::vector<double>{2, 4}));

  // Errors and unsupported combinations.
  EXPECT_EQ(cublasAxpyEx(nullptr, n, &alpha, CUDA_R_32F, dhx.get(), CUDA_R_16F, 1, dhy.get(),
                         CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasAxpyEx(handle, n, nullptr, CUDA_R_32F, dhx.get(), CUDA_R_16F, 1, dhy.get(),
                         CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasAxpyEx(handle, n, &alpha, CUDA_R_16F, dhx.get(), CUDA_R_16F, 1, dhy.get(),
                         CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED); // alpha must be of the execution type
  EXPECT_EQ(cublasAxpyEx(handle, n, &alpha, CUDA_R_32F, dhx.get(), CUDA_R_16F, 1, dhy.get(),
                         CUDA_R_32F, 1, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasScalEx(nullptr, n, &three, CUDA_R_32F, dhy.get(), CUDA_R_16F, 1, CUDA_R_32F),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasScalEx(handle, n, &three, CUDA_R_32F, dhy.get(), CUDA_R_8I, 1, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasNrm2Ex(nullptr, 2, fx.get(), CUDA_R_32F, 1, &nf, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasNrm2Ex(handle, 2, fx.get(), CUDA_R_32F, 1, nullptr, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasNrm2Ex(handle, 2, fx.get(), CUDA_R_16F, 1, &nf, CUDA_R_32F, CUDA_R_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
  EXPECT_EQ(cublasNrm2Ex(handle, 2, fx.get(), CUDA_C_32F, 1, &nf, CUDA_C_32F, CUDA_C_32F),
            CUBLAS_STATUS_NOT_SUPPORTED);
}

} // namespace
