// cuComplex.h against std::complex.
#include <gtest/gtest.h>

#include <complex>
#include <type_traits>

#include "npurt/lib/cuComplex.h"

namespace {

// CUDA's types are float2/double2: same size and alignment, usable where those are.
static_assert(std::is_same_v<cuFloatComplex, float2> && std::is_same_v<cuComplex, float2>);
static_assert(std::is_same_v<cuDoubleComplex, double2>);
static_assert(sizeof(cuFloatComplex) == 8 && alignof(cuFloatComplex) == 8);
static_assert(sizeof(cuDoubleComplex) == 16 && alignof(cuDoubleComplex) == 16);

TEST(CuComplex, FloatArithmeticMatchesStdComplex) {
  const cuFloatComplex x = make_cuFloatComplex(1.5f, -2.0f), y = make_cuComplex(-0.25f, 3.0f);
  const std::complex<float> a(1.5f, -2.0f), b(-0.25f, 3.0f);
  auto expectEq = [](cuFloatComplex got, std::complex<float> want) {
    EXPECT_NEAR(cuCrealf(got), want.real(), 1e-5f);
    EXPECT_NEAR(cuCimagf(got), want.imag(), 1e-5f);
  };
  expectEq(cuCaddf(x, y), a + b);
  expectEq(cuCsubf(x, y), a - b);
  expectEq(cuCmulf(x, y), a * b);
  expectEq(cuCdivf(x, y), a / b);
  expectEq(cuConjf(x), std::conj(a));
  expectEq(cuCfmaf(x, y, x), a * b + a);
  EXPECT_NEAR(cuCabsf(x), std::abs(a), 1e-6f);
}

TEST(CuComplex, DoubleArithmeticMatchesStdComplex) {
  const cuDoubleComplex x = make_cuDoubleComplex(0.5, 4.0), y = make_cuDoubleComplex(2.0, -1.0);
  const std::complex<double> a(0.5, 4.0), b(2.0, -1.0);
  auto expectEq = [](cuDoubleComplex got, std::complex<double> want) {
    EXPECT_NEAR(cuCreal(got), want.real(), 1e-13);
    EXPECT_NEAR(cuCimag(got), want.imag(), 1e-13);
  };
  expectEq(cuCadd(x, y), a + b);
  expectEq(cuCsub(x, y), a - b);
  expectEq(cuCmul(x, y), a * b);
  expectEq(cuCdiv(x, y), a / b);
  expectEq(cuConj(x), std::conj(a));
  expectEq(cuCfma(x, y, y), a * b + b);
  EXPECT_NEAR(cuCabs(x), std::abs(a), 1e-14);
}

TEST(CuComplex, DivisionAndModulusDoNotOverflowForLargeRepresentableResults) {
  const cuFloatComplex big = make_cuFloatComplex(3e37f, 4e37f);
  EXPECT_NEAR(cuCabsf(big) / 5e37f, 1.0f, 1e-6f);
  const cuFloatComplex one = cuCdivf(big, big);
  EXPECT_NEAR(cuCrealf(one), 1.0f, 1e-6f);
  EXPECT_NEAR(cuCimagf(one), 0.0f, 1e-6f);
}

TEST(CuComplex, ConversionsBetweenPrecisions) {
  const cuDoubleComplex d = cuComplexFloatToDouble(make_cuFloatComplex(0.1f, -0.2f));
  EXPECT_EQ(cuCreal(d), double(0.1f));
  EXPECT_EQ(cuCimag(d), double(-0.2f));
  const cuFloatComplex f = cuComplexDoubleToFloat(make_cuDoubleComplex(1.0 / 3, 2.0 / 3));
  EXPECT_EQ(cuCrealf(f), float(1.0 / 3));
  EXPECT_EQ(cuCimagf(f), float(2.0 / 3));
}

} // namespace
