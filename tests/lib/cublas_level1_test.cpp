// cuBLAS Level-1 against loops over the same data.
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

} // namespace
