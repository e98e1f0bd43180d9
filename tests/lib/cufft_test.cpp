// cuFFT against a naive DFT: X[k] = sum_j x[j] exp(sign 2 pi i j k / N), unnormalised.
#include <cmath>
#include <complex>

#include "LibTestSupport.h"
#include "npurt/lib/cufft.h"

namespace {

using npu::libtest::DeviceBuffer;
using npu::libtest::randomDoubles;
using npu::libtest::randomFloats;
using LibCufft = npu::libtest::LibTest;

std::vector<std::complex<double>> naiveDft(const std::vector<std::complex<double>> &x, int sign) {
  const std::size_t n = x.size();
  std::vector<std::complex<double>> out(n);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t j = 0; j < n; ++j)
      out[k] += x[j] * std::polar(1.0, sign * 2 * M_PI * double(j * k % n) / double(n));
  return out;
}

std::vector<cufftComplex> randomComplex(std::size_t n, unsigned seed) {
  const std::vector<float> v = randomFloats(2 * n, seed);
  std::vector<cufftComplex> c(n);
  for (std::size_t i = 0; i < n; ++i)
    c[i] = {v[2 * i], v[2 * i + 1]};
  return c;
}

std::vector<std::complex<double>> widened(const std::vector<cufftComplex> &c, std::size_t from,
                                          std::size_t count, std::size_t stride = 1) {
  std::vector<std::complex<double>> w(count);
  for (std::size_t i = 0; i < count; ++i)
    w[i] = {c[from + i * stride].x, c[from + i * stride].y};
  return w;
}

TEST_F(LibCufft, C2CForwardMatchesTheDftAndInverseScalesByN) {
  const int n = 24, batch = 2;
  const std::vector<cufftComplex> x = randomComplex(n * batch, 1);
  DeviceBuffer<cufftComplex> in(x), out(n * batch), back(n * batch);
  cufftHandle plan;
  ASSERT_EQ(cufftPlan1d(&plan, n, CUFFT_C2C, batch), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecC2C(plan, in.get(), out.get(), CUFFT_FORWARD), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecC2C(plan, out.get(), back.get(), CUFFT_INVERSE), CUFFT_SUCCESS);
  const std::vector<cufftComplex> X = out.read(), y = back.read();
  for (int b = 0; b < batch; ++b) {
    const auto want = naiveDft(widened(x, b * n, n), -1);
    for (int k = 0; k < n; ++k) {
      ASSERT_NEAR(X[b * n + k].x, want[k].real(), 1e-4) << b << " " << k;
      ASSERT_NEAR(X[b * n + k].y, want[k].imag(), 1e-4) << b << " " << k;
    }
  }
  for (int i = 0; i < n * batch; ++i) {
    ASSERT_NEAR(y[i].x, n * x[i].x, 1e-4) << i;
    ASSERT_NEAR(y[i].y, n * x[i].y, 1e-4) << i;
  }
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
}

TEST_F(LibCufft, R2CKeepsHalfTheSpectrumAndC2RInvertsIt) {
  const int n = 16;
  const std::vector<float> x = randomFloats(n, 2);
  DeviceBuffer<cufftReal> in(x), back(n);
  DeviceBuffer<cufftComplex> spectrum(n / 2 + 1);
  cufftHandle r2c, c2r;
  ASSERT_EQ(cufftPlan1d(&r2c, n, CUFFT_R2C, 1), CUFFT_SUCCESS);
  ASSERT_EQ(cufftPlan1d(&c2r, n, CUFFT_C2R, 1), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecR2C(r2c, in.get(), spectrum.get()), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecC2R(c2r, spectrum.get(), back.get()), CUFFT_SUCCESS);
  std::vector<std::complex<double>> wide(x.begin(), x.end());
  const auto want = naiveDft(wide, -1);
  const std::vector<cufftComplex> X = spectrum.read();
  for (int k = 0; k <= n / 2; ++k) {
    ASSERT_NEAR(X[k].x, want[k].real(), 1e-4) << k;
    ASSERT_NEAR(X[k].y, want[k].imag(), 1e-4) << k;
  }
  const std::vector<float> y = back.read();
  for (int i = 0; i < n; ++i)
    ASSERT_NEAR(y[i], n * x[i], 1e-4) << i;
  EXPECT_EQ(cufftDestroy(r2c), CUFFT_SUCCESS);
  EXPECT_EQ(cufftDestroy(c2r), CUFFT_SUCCESS);
}

TEST_F(LibCufft, InPlaceR2CUsesThePaddedRealLayout) {
  const int n = 10, padded = 2 * (n / 2 + 1);
  const std::vector<float> x = randomFloats(n, 3);
  std::vector<float> buffer(padded, 0.0f);
  std::copy(x.begin(), x.end(), buffer.begin());
  DeviceBuffer<float> data(buffer);
  cufftHandle plan;
  ASSERT_EQ(cufftPlan1d(&plan, n, CUFFT_R2C, 1), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecR2C(plan, data.get(), reinterpret_cast<cufftComplex *>(data.get())),
            CUFFT_SUCCESS);
  std::vector<std::complex<double>> wide(x.begin(), x.end());
  const auto want = naiveDft(wide, -1);
  const std::vector<float> got = data.read();
  for (int k = 0; k <= n / 2; ++k) {
    ASSERT_NEAR(got[2 * k], want[k].real(), 1e-4) << k;
    ASSERT_NEAR(got[2 * k + 1], want[k].imag(), 1e-4) << k;
  }
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
}

TEST_F(LibCufft, Plan2dIsRowMajorWithTheLastDimensionContiguous) {
  const int nx = 3, ny = 4;
  const std::vector<cufftComplex> x = randomComplex(nx * ny, 4);
  DeviceBuffer<cufftComplex> data(x);
  cufftHandle plan;
  ASSERT_EQ(cufftPlan2d(&plan, nx, ny, CUFFT_C2C), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecC2C(plan, data.get(), data.get(), CUFFT_FORWARD), CUFFT_SUCCESS);
  const std::vector<cufftComplex> got = data.read();
  for (int u = 0; u < nx; ++u)
    for (int v = 0; v < ny; ++v) {
      std::complex<double> want;
      for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j)
          want += std::complex<double>(x[i * ny + j].x, x[i * ny + j].y) *
                  std::polar(1.0, -2 * M_PI * (double(i * u) / nx + double(j * v) / ny));
      ASSERT_NEAR(got[u * ny + v].x, want.real(), 1e-4) << u << " " << v;
      ASSERT_NEAR(got[u * ny + v].y, want.imag(), 1e-4) << u << " " << v;
    }
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
}

TEST_F(LibCufft, PlanManyWithInterleavedBatchesAndCreateMakePlan) {
  // Two transforms of 8 points interleaved element by element: stride 2, distance 1.
  const int n = 8, batch = 2;
  const std::vector<cufftComplex> x = randomComplex(n * batch, 5);
  DeviceBuffer<cufftComplex> in(x), out(n * batch);
  cufftHandle plan;
  ASSERT_EQ(cufftCreate(&plan), CUFFT_SUCCESS);
  int dims[] = {n}, embed[] = {n};
  size_t work = 1;
  ASSERT_EQ(
      cufftMakePlanMany(plan, 1, dims, embed, batch, 1, embed, batch, 1, CUFFT_C2C, batch, &work),
      CUFFT_SUCCESS);
  EXPECT_EQ(work, 0u);
  ASSERT_EQ(cufftExecC2C(plan, in.get(), out.get(), CUFFT_FORWARD), CUFFT_SUCCESS);
  const std::vector<cufftComplex> X = out.read();
  for (int b = 0; b < batch; ++b) {
    const auto want = naiveDft(widened(x, b, n, batch), -1);
    for (int k = 0; k < n; ++k) {
      ASSERT_NEAR(X[b + k * batch].x, want[k].real(), 1e-4) << b << " " << k;
      ASSERT_NEAR(X[b + k * batch].y, want[k].imag(), 1e-4) << b << " " << k;
    }
  }
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
}

TEST_F(LibCufft, DoublePrecisionRoundTripsOnAStream) {
  const int n = 12;
  const std::vector<double> x = randomDoubles(n, 6);
  DeviceBuffer<cufftDoubleReal> in(x), back(n);
  DeviceBuffer<cufftDoubleComplex> spectrum(n / 2 + 1), z(n), zback(n);
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  cufftHandle d2z, z2d, z2z;
  ASSERT_EQ(cufftPlan1d(&d2z, n, CUFFT_D2Z, 1), CUFFT_SUCCESS);
  ASSERT_EQ(cufftPlan1d(&z2d, n, CUFFT_Z2D, 1), CUFFT_SUCCESS);
  ASSERT_EQ(cufftPlan1d(&z2z, n, CUFFT_Z2Z, 1), CUFFT_SUCCESS);
  for (cufftHandle p : {d2z, z2d, z2z})
    ASSERT_EQ(cufftSetStream(p, stream), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecD2Z(d2z, in.get(), spectrum.get()), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecZ2D(z2d, spectrum.get(), back.get()), CUFFT_SUCCESS);
  std::vector<cufftDoubleComplex> zx(n);
  for (int i = 0; i < n; ++i)
    zx[i] = {x[i], -x[i]};
  ASSERT_EQ(npuMemcpyAsync(z.get(), zx.data(), n * sizeof(cufftDoubleComplex),
                           npuMemcpyHostToDevice, stream),
            npuSuccess);
  ASSERT_EQ(cufftExecZ2Z(z2z, z.get(), zback.get(), CUFFT_FORWARD), CUFFT_SUCCESS);
  ASSERT_EQ(cufftExecZ2Z(z2z, zback.get(), zback.get(), CUFFT_INVERSE), CUFFT_SUCCESS);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  const std::vector<double> y = back.read();
  const std::vector<cufftDoubleComplex> w = zback.read();
  for (int i = 0; i < n; ++i) {
    ASSERT_NEAR(y[i], n * x[i], 1e-12) << i;
    ASSERT_NEAR(w[i].x, n * x[i], 1e-12) << i;
    ASSERT_NEAR(w[i].y, -n * x[i], 1e-12) << i;
  }
  for (cufftHandle p : {d2z, z2d, z2z})
    EXPECT_EQ(cufftDestroy(p), CUFFT_SUCCESS);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(LibCufft, ErrorsAreCufftResults) {
  cufftHandle plan;
  EXPECT_EQ(cufftPlan1d(&plan, 0, CUFFT_C2C, 1), CUFFT_INVALID_SIZE);
  EXPECT_EQ(cufftPlan1d(&plan, 8, CUFFT_C2C, 0), CUFFT_INVALID_SIZE);
  EXPECT_EQ(cufftPlan1d(&plan, 8, cufftType(1), 1), CUFFT_INVALID_TYPE);
  EXPECT_EQ(cufftPlan1d(nullptr, 8, CUFFT_C2C, 1), CUFFT_INVALID_VALUE);
  int dims[] = {4, 4, 4, 4};
  EXPECT_EQ(cufftPlanMany(&plan, 4, dims, nullptr, 1, 0, nullptr, 1, 0, CUFFT_C2C, 1),
            CUFFT_INVALID_SIZE);
  ASSERT_EQ(cufftPlan1d(&plan, 8, CUFFT_R2C, 1), CUFFT_SUCCESS);
  DeviceBuffer<cufftComplex> data(8);
  EXPECT_EQ(cufftExecC2C(plan, data.get(), data.get(), CUFFT_FORWARD), CUFFT_INVALID_PLAN);
  EXPECT_EQ(cufftExecR2C(plan, nullptr, data.get()), CUFFT_INVALID_VALUE);
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
  EXPECT_EQ(cufftDestroy(plan), CUFFT_INVALID_PLAN);
  ASSERT_EQ(cufftPlan1d(&plan, 8, CUFFT_C2C, 1), CUFFT_SUCCESS);
  EXPECT_EQ(cufftExecC2C(plan, data.get(), data.get(), 0), CUFFT_INVALID_VALUE);
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);
  cufftHandle unmade;
  ASSERT_EQ(cufftCreate(&unmade), CUFFT_SUCCESS);
  EXPECT_EQ(cufftExecC2C(unmade, data.get(), data.get(), CUFFT_FORWARD), CUFFT_INVALID_PLAN);
  EXPECT_EQ(cufftDestroy(unmade), CUFFT_SUCCESS);
}

TEST_F(LibCufft, WorkSizesAreZeroAndAWorkAreaIsRecorded) {
  size_t size = 1;
  EXPECT_EQ(cufftEstimate1d(16, CUFFT_C2C, 3, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  size = 1;
  EXPECT_EQ(cufftEstimate2d(8, 6, CUFFT_R2C, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  size = 1;
  EXPECT_EQ(cufftEstimate3d(4, 4, 4, CUFFT_Z2Z, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  int dims[] = {8, 4};
  size = 1;
  EXPECT_EQ(cufftEstimateMany(2, dims, nullptr, 1, 0, nullptr, 1, 0, CUFFT_C2R, 2, &size),
            CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);

  // A plan with automatic allocation off and a caller's work area: sizes report 0 and the
  // transform runs (it needs no work area).
  const int n = 16;
  cufftHandle plan;
  ASSERT_EQ(cufftCreate(&plan), CUFFT_SUCCESS);
  EXPECT_EQ(cufftSetAutoAllocation(plan, 0), CUFFT_SUCCESS);
  size = 1;
  EXPECT_EQ(cufftGetSize1d(plan, n, CUFFT_C2C, 1, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  size = 1;
  EXPECT_EQ(cufftGetSize2d(plan, n, 2, CUFFT_C2C, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  size = 1;
  EXPECT_EQ(cufftGetSize3d(plan, 2, 2, 4, CUFFT_D2Z, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  int one[] = {n};
  size = 1;
  EXPECT_EQ(cufftGetSizeMany(plan, 1, one, nullptr, 1, n, nullptr, 1, n, CUFFT_C2C, 1, &size),
            CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  ASSERT_EQ(cufftMakePlan1d(plan, n, CUFFT_C2C, 1, &size), CUFFT_SUCCESS);
  EXPECT_EQ(size, 0u);
  DeviceBuffer<char> work(64);
  EXPECT_EQ(cufftSetWorkArea(plan, work.get()), CUFFT_SUCCESS);
  const std::vector<cufftComplex> x = randomComplex(n, 9);
  DeviceBuffer<cufftComplex> data(x);
  ASSERT_EQ(cufftExecC2C(plan, data.get(), data.get(), CUFFT_FORWARD), CUFFT_SUCCESS);
  const std::vector<cufftComplex> X = data.read();
  const auto want = naiveDft(widened(x, 0, n), -1);
  for (int k = 0; k < n; ++k) {
    ASSERT_NEAR(X[k].x, want[k].real(), 1e-4) << k;
    ASSERT_NEAR(X[k].y, want[k].imag(), 1e-4) << k;
  }
  EXPECT_EQ(cufftDestroy(plan), CUFFT_SUCCESS);

  // Errors: unknown plans, bad shapes and types, a null size.
  EXPECT_EQ(cufftSetAutoAllocation(plan, 1), CUFFT_INVALID_PLAN);
  EXPECT_EQ(cufftSetWorkArea(plan, work.get()), CUFFT_INVALID_PLAN);
  EXPECT_EQ(cufftGetSize1d(plan, n, CUFFT_C2C, 1, &size), CUFFT_INVALID_PLAN);
  EXPECT_EQ(cufftEstimate1d(0, CUFFT_C2C, 1, &size), CUFFT_INVALID_SIZE);
  EXPECT_EQ(cufftEstimate1d(8, CUFFT_C2C, -1, &size), CUFFT_INVALID_SIZE);
  EXPECT_EQ(cufftEstimate2d(8, 8, cufftType(5), &size), CUFFT_INVALID_TYPE);
  EXPECT_EQ(cufftEstimate3d(8, 8, 8, CUFFT_C2C, nullptr), CUFFT_INVALID_VALUE);
  int four[] = {2, 2, 2, 2};
  EXPECT_EQ(cufftEstimateMany(4, four, nullptr, 1, 0, nullptr, 1, 0, CUFFT_C2C, 1, &size),
            CUFFT_INVALID_SIZE);
  cufftHandle other;
  ASSERT_EQ(cufftCreate(&other), CUFFT_SUCCESS);
  EXPECT_EQ(cufftGetSize2d(other, -2, 4, CUFFT_C2C, &size), CUFFT_INVALID_SIZE);
  EXPECT_EQ(cufftGetSizeMany(other, 1, one, one, 0, 1, one, 1, 1, CUFFT_C2C, 1, &size),
            CUFFT_INVALID_VALUE); // advanced layout with a zero stride
  EXPECT_EQ(cufftGetSize3d(other, 2, 2, 2, CUFFT_C2C, nullptr), CUFFT_INVALID_VALUE);
  EXPECT_EQ(cufftDestroy(other), CUFFT_SUCCESS);
}

} // namespace
