// Math API, intrinsics, conversions and vector types against libm and exact values.
#include <gtest/gtest.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <type_traits>

#include "npurt/kernel.h"

namespace {

TEST(Math, CudaOnlyFunctions) {
  EXPECT_EQ(rsqrtf(4.0f), 0.5f);
  EXPECT_EQ(rsqrt(16.0), 0.25);
  EXPECT_EQ(rcbrtf(8.0f), 0.5f);
  EXPECT_EQ(sinpif(1.0f), 0.0f);
  EXPECT_EQ(sinpif(0.5f), 1.0f);
  EXPECT_EQ(cospif(0.5f), 0.0f);
  EXPECT_EQ(cospi(1.0), -1.0);
  EXPECT_TRUE(std::signbit(sinpi(-2.0)));
  float s = 0, c = 0;
  sincospif(0.25f, &s, &c);
  EXPECT_NEAR(s, std::sqrt(0.5f), 1e-7f);
  EXPECT_NEAR(c, std::sqrt(0.5f), 1e-7f);
  EXPECT_EQ(norm3df(3.0f, 4.0f, 12.0f), 13.0f);
  EXPECT_EQ(norm4d(2.0, 4.0, 5.0, 6.0), 9.0);
  EXPECT_EQ(rhypotf(3.0f, 4.0f), 0.2f);
  const float v[3] = {2.0f, 3.0f, 6.0f};
  EXPECT_EQ(normf(3, v), 7.0f);
  EXPECT_EQ(normcdff(0.0f), 0.5f);
  EXPECT_EQ(__saturatef(NAN), 0.0f);
  EXPECT_EQ(__saturatef(2.0f), 1.0f);
  EXPECT_EQ(__saturatef(-1.0f), 0.0f);
  EXPECT_EQ(fdividef(1.0f, 4.0f), 0.25f);
}

TEST(Math, InverseErrorFunctions) {
  // erf flattens out, so the inverse is well conditioned only for moderate |x|.
  for (double x = -3.0; x <= 3.0; x += 0.125) {
    EXPECT_NEAR(erfinv(std::erf(x)), x, 1e-7) << x;
    if (std::fabs(x) < 3.5) {
      EXPECT_NEAR(erfinvf(std::erf(static_cast<float>(x))), x, 2e-3) << x;
    }
  }
  for (double x = -30.0; x <= 3.0; x += 0.25)
    EXPECT_NEAR(normcdfinv(normcdf(x)), x, 1e-7) << x;
  for (double x = 0.5; x <= 26.0; x += 0.5)
    EXPECT_NEAR(erfcinv(std::erfc(x)), x, 1e-9 * x) << x;
  EXPECT_TRUE(std::isinf(erfinv(1.0)));
  EXPECT_TRUE(std::isnan(erfinv(1.5)));
  EXPECT_EQ(erfcinv(1.0), 0.0);
  EXPECT_NEAR(erfcx(30.0), std::exp(30.0L * 30.0L) * std::erfc(30.0L), 1e-12);
}

TEST(Math, FastIntrinsicsMatchLibm) {
  for (float x = -10.0f; x <= 10.0f; x += 0.37f) {
    EXPECT_EQ(__expf(x), std::exp(x));
    EXPECT_EQ(__sinf(x), std::sin(x));
    EXPECT_EQ(__cosf(x), std::cos(x));
    if (x > 0) {
      EXPECT_EQ(__logf(x), std::log(x));
      EXPECT_EQ(__log2f(x), std::log2(x));
      EXPECT_EQ(__powf(x, 1.5f), std::pow(x, 1.5f));
    }
  }
  EXPECT_NEAR(__exp10f(2.0f), 100.0f, 1e-4f);
  EXPECT_EQ(exp10f(3.0f), 1000.0f);
}

TEST(Math, GlobalMinMaxOverloads) {
  EXPECT_EQ(min(3, 7), 3);
  EXPECT_EQ(max(3, 7), 7);
  EXPECT_EQ(min(-1, 2u), 2u); // int vs unsigned compares as unsigned, as in CUDA
  static_assert(std::is_same<decltype(min(-1, 2u)), unsigned>::value, "");
  static_assert(std::is_same<decltype(max(1.5f, 2.0)), double>::value, "");
  static_assert(std::is_same<decltype(min(2LL, 3)), long long>::value, "");
  EXPECT_EQ(max(1.5f, 2.0), 2.0);
  EXPECT_EQ(min(NAN, 1.0f), 1.0f);
  EXPECT_EQ(min(2.5, 1.5), 1.5);
  EXPECT_EQ(umax(1u, 5u), 5u);
  EXPECT_EQ(llmin(-5LL, 3LL), -5LL);
  EXPECT_EQ(ullmax(1ull, 2ull), 2ull);
}

TEST(Math, DirectedRounding) {
  EXPECT_EQ(__fadd_ru(1.0f, 1e-10f), std::nextafter(1.0f, 2.0f));
  EXPECT_EQ(__fadd_rd(1.0f, 1e-10f), 1.0f);
  EXPECT_EQ(__fadd_rz(-1.0f, -1e-10f), -1.0f);
  EXPECT_EQ(__fadd_rd(-1.0f, -1e-10f), std::nextafter(-1.0f, -2.0f));
  const float third = 1.0f / 3.0f; // rounded up from 1/3
  EXPECT_EQ(__fdiv_rn(1.0f, 3.0f), third);
  EXPECT_EQ(__fdiv_ru(1.0f, 3.0f), third);
  EXPECT_EQ(__fdiv_rz(1.0f, 3.0f), std::nextafter(third, 0.0f));
  EXPECT_EQ(__fdiv_rd(-1.0f, 3.0f), -third);
  const float root2 = std::sqrt(2.0f); // rounded down from sqrt(2)
  EXPECT_EQ(__fsqrt_rd(2.0f), root2);
  EXPECT_EQ(__fsqrt_ru(2.0f), std::nextafter(root2, 2.0f));
  EXPECT_EQ(__fmul_rd(3.0f, third), 1.0f); // exact product is just above 1
  EXPECT_EQ(__fmul_ru(3.0f, third), std::nextafter(1.0f, 2.0f));
  EXPECT_EQ(__dadd_ru(1.0, 1e-30), std::nextafter(1.0, 2.0));
  EXPECT_EQ(__frcp_rn(4.0f), 0.25f);
  EXPECT_EQ(__fmaf_rn(2.0f, 3.0f, 1.0f), 7.0f);
}

TEST(Math, Conversions) {
  EXPECT_EQ(__float2int_rn(2.5f), 2);
  EXPECT_EQ(__float2int_rn(3.5f), 4);
  EXPECT_EQ(__float2int_rz(-2.7f), -2);
  EXPECT_EQ(__float2int_ru(2.1f), 3);
  EXPECT_EQ(__float2int_rd(-2.1f), -3);
  EXPECT_EQ(__float2int_rn(NAN), 0);
  EXPECT_EQ(__float2int_rz(1e20f), INT_MAX);
  EXPECT_EQ(__float2int_rz(-1e20f), INT_MIN);
  EXPECT_EQ(__float2uint_rn(-1.0f), 0u);
  EXPECT_EQ(__float2ll_rd(-0.5f), -1LL);
  EXPECT_EQ(__double2int_rn(-2.5), -2);
  EXPECT_EQ(__int2float_rn(16777217), 16777216.0f);
  EXPECT_EQ(__int2float_rz(16777217), 16777216.0f);
  EXPECT_EQ(__int2float_ru(16777217), 16777218.0f);
  EXPECT_EQ(__ll2double_rd((1LL << 60) + 1), static_cast<double>(1LL << 60));
  EXPECT_EQ(__double2float_ru(1.0 + 1e-12), std::nextafter(1.0f, 2.0f));
  EXPECT_EQ(__float_as_int(1.0f), 0x3f800000);
  EXPECT_EQ(__uint_as_float(0x40000000u), 2.0f);
  const double d = -1234.5678e100;
  EXPECT_EQ(__hiloint2double(__double2hiint(d), __double2loint(d)), d);
  EXPECT_EQ(__longlong_as_double(__double_as_longlong(d)), d);
}

TEST(Intrinsics, Bits) {
  EXPECT_EQ(__popc(0xF0F0u), 8);
  EXPECT_EQ(__popcll(~0ull), 64);
  EXPECT_EQ(__clz(1), 31);
  EXPECT_EQ(__clz(0), 32);
  EXPECT_EQ(__clzll(0), 64);
  EXPECT_EQ(__ffs(0), 0);
  EXPECT_EQ(__ffs(8), 4);
  EXPECT_EQ(__ffsll(1LL << 40), 41);
  EXPECT_EQ(__brev(1u), 0x80000000u);
  EXPECT_EQ(__brev(0x12345678u), 0x1e6a2c48u);
  EXPECT_EQ(__brevll(1ull), 1ull << 63);
  EXPECT_EQ(__byte_perm(0x33221100u, 0x77665544u, 0x5140u), 0x55114400u);
  EXPECT_EQ(__funnelshift_l(0x80000000u, 0x1u, 1), 0x3u);
  EXPECT_EQ(__funnelshift_r(0x1u, 0x1u, 1), 0x80000000u);
  EXPECT_EQ(__funnelshift_lc(0x0u, 0x1u, 40), 0x0u);
  EXPECT_EQ(__mulhi(0x40000000, 8), 2);
  EXPECT_EQ(__umulhi(0xffffffffu, 0xffffffffu), 0xfffffffeu);
  EXPECT_EQ(__umul64hi(1ull << 63, 4ull), 2ull);
  EXPECT_EQ(__mul64hi(-1LL, 1LL), -1LL);
  EXPECT_EQ(__mul24(0x00ffffff, 2), -2); // 24-bit operands are signed
  EXPECT_EQ(__umul24(0x01000003u, 2u), 6u);
  EXPECT_EQ(__sad(1, 5, 10u), 14u);
  EXPECT_EQ(__usad(7u, 2u, 1u), 6u);
  EXPECT_EQ(__hadd(-3, 2), -1);
  EXPECT_EQ(__rhadd(1, 2), 2);
  EXPECT_EQ(__uhadd(0xffffffffu, 0xffffffffu), 0xffffffffu);
  EXPECT_EQ(__dp4a(0x01020304, 0x01010101, 10), 20);
  int value = 42;
  EXPECT_EQ(__ldg(&value), 42);
  __stcs(&value, 7);
  EXPECT_EQ(__ldcs(&value), 7);
  const long long before = clock64();
  const long long after = clock64();
  EXPECT_LE(before, after);
}

// CUDA's sizes and alignments.
#define CHECK_VECTOR(T, size, align)                                                               \
  static_assert(sizeof(T) == (size), #T " size");                                                  \
  static_assert(alignof(T) == (align), #T " alignment")
CHECK_VECTOR(char1, 1, 1);
CHECK_VECTOR(char2, 2, 2);
CHECK_VECTOR(char3, 3, 1);
CHECK_VECTOR(char4, 4, 4);
CHECK_VECTOR(uchar4, 4, 4);
CHECK_VECTOR(short2, 4, 4);
CHECK_VECTOR(short3, 6, 2);
CHECK_VECTOR(ushort4, 8, 8);
CHECK_VECTOR(int1, 4, 4);
CHECK_VECTOR(int2, 8, 8);
CHECK_VECTOR(int3, 12, 4);
CHECK_VECTOR(int4, 16, 16);
CHECK_VECTOR(uint2, 8, 8);
CHECK_VECTOR(uint3, 12, 4);
CHECK_VECTOR(uint4, 16, 16);
CHECK_VECTOR(long2, 16, 16);
CHECK_VECTOR(long4, 32, 16);
CHECK_VECTOR(ulong3, 24, 8);
CHECK_VECTOR(longlong2, 16, 16);
CHECK_VECTOR(ulonglong4, 32, 16);
CHECK_VECTOR(float1, 4, 4);
CHECK_VECTOR(float2, 8, 8);
CHECK_VECTOR(float3, 12, 4);
CHECK_VECTOR(float4, 16, 16);
CHECK_VECTOR(double1, 8, 8);
CHECK_VECTOR(double2, 16, 16);
CHECK_VECTOR(double3, 24, 8);
CHECK_VECTOR(double4, 32, 16);
CHECK_VECTOR(__half, 2, 2);
CHECK_VECTOR(__half2, 4, 4);
CHECK_VECTOR(__nv_bfloat16, 2, 2);
CHECK_VECTOR(__nv_bfloat162, 4, 4);
#undef CHECK_VECTOR

TEST(VectorTypes, MakeFunctions) {
  const float4 f = make_float4(1, 2, 3, 4);
  EXPECT_EQ(f.x + f.y + f.z + f.w, 10.0f);
  const uint3 u = make_uint3(1, 2, 3);
  EXPECT_EQ(u.z, 3u);
  const char3 c = make_char3(-1, 2, 3);
  EXPECT_EQ(c.x, -1);
  const double2 d = make_double2(0.5, 1.5);
  EXPECT_EQ(d.y, 1.5);
  const ulonglong2 l = make_ulonglong2(1, 2);
  EXPECT_EQ(l.y, 2ull);
  const dim3 g = make_dim3(4, 5, 6);
  EXPECT_EQ(g.x * g.y * g.z, 120u);
}

} // namespace
