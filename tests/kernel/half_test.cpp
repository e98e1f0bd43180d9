// __half and __nv_bfloat16: bit-exact round-to-nearest-even conversions,
// special values, arithmetic, atomics and shuffles.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

float fromBits(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

unsigned short halfBits(float f) { return __half_as_ushort(__float2half(f)); }
unsigned short bfBits(float f) { return __bfloat16_as_ushort(__float2bfloat16(f)); }

TEST(Half, RoundToNearestEvenEdgeCases) {
  EXPECT_EQ(halfBits(1.0f), 0x3c00);
  EXPECT_EQ(halfBits(-2.0f), 0xc000);
  EXPECT_EQ(halfBits(0.0f), 0x0000);
  EXPECT_EQ(halfBits(-0.0f), 0x8000);
  EXPECT_EQ(halfBits(65504.0f), 0x7bff);  // largest finite
  EXPECT_EQ(halfBits(65519.99f), 0x7bff); // just below the halfway point to 2^16
  EXPECT_EQ(halfBits(65520.0f), 0x7c00);  // halfway: ties to even = infinity
  EXPECT_EQ(halfBits(1e10f), 0x7c00);
  EXPECT_EQ(halfBits(-INFINITY), 0xfc00);
  EXPECT_EQ(halfBits(NAN), 0x7fff);
  EXPECT_EQ(halfBits(1.0f + 0x1p-11f), 0x3c00);     // tie -> even (down)
  EXPECT_EQ(halfBits(1.0f + 3 * 0x1p-11f), 0x3c02); // tie -> even (up)
  EXPECT_EQ(halfBits(1.0f + 0x1p-11f + 0x1p-20f), 0x3c01);
  EXPECT_EQ(halfBits(0x1p-24f), 0x0001); // smallest subnormal
  EXPECT_EQ(halfBits(0x1p-25f), 0x0000); // tie -> even (zero)
  EXPECT_EQ(halfBits(0x1.000002p-25f), 0x0001);
  EXPECT_EQ(halfBits(3 * 0x1p-25f), 0x0002);        // 1.5 ulp -> 2
  EXPECT_EQ(halfBits(0x1p-14f - 0x1p-24f), 0x03ff); // largest subnormal
  EXPECT_EQ(halfBits(0x1p-14f - 0x1p-26f), 0x0400); // rounds up into the normals
  EXPECT_EQ(halfBits(-0x1p-30f), 0x8000);
  // double -> half rounds once: 1 + 2^-11 + 2^-40 is above the tie.
  EXPECT_EQ(__half_as_ushort(__double2half(1.0 + 0x1p-11 + 0x1p-40)), 0x3c01);
}

TEST(Half, EveryBitPatternRoundTrips) {
  for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
    const __half h = __ushort_as_half(static_cast<unsigned short>(bits));
    const float f = __half2float(h);
    const bool isNan = (bits & 0x7c00) == 0x7c00 && (bits & 0x03ff) != 0;
    if (isNan) {
      ASSERT_TRUE(std::isnan(f)) << bits;
      ASSERT_EQ(halfBits(f), 0x7fff);
    } else {
      ASSERT_EQ(halfBits(f), bits) << bits;
    }
  }
  EXPECT_EQ(__half2float(__ushort_as_half(0x0001)), 0x1p-24f);
  EXPECT_TRUE(std::isinf(__half2float(__ushort_as_half(0xfc00))));
}

TEST(Bfloat16, RoundToNearestEvenEdgeCases) {
  EXPECT_EQ(bfBits(1.0f), 0x3f80);
  EXPECT_EQ(bfBits(fromBits(0x3f808000u)), 0x3f80); // tie -> even (down)
  EXPECT_EQ(bfBits(fromBits(0x3f818000u)), 0x3f82); // tie -> even (up)
  EXPECT_EQ(bfBits(fromBits(0x3f808001u)), 0x3f81);
  EXPECT_EQ(bfBits(fromBits(0x7f7fffffu)), 0x7f80); // FLT_MAX rounds to infinity
  EXPECT_EQ(bfBits(INFINITY), 0x7f80);
  EXPECT_EQ(bfBits(NAN), 0x7fff);
  EXPECT_EQ(bfBits(fromBits(0x00008000u)), 0x0000); // subnormal tie -> even
  EXPECT_EQ(bfBits(fromBits(0x00018000u)), 0x0002);
  EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16_rz(fromBits(0x3f81ffffu))), 0x3f81);
  for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
    const float f = __bfloat162float(__ushort_as_bfloat16(static_cast<unsigned short>(bits)));
    if (std::isnan(f))
      continue;
    ASSERT_EQ(bfBits(f), bits) << bits;
  }
}

TEST(Half, ArithmeticAndComparisons) {
  const __half one = __float2half(1.0f), two = __float2half(2.0f);
  EXPECT_EQ(__half2float(__hadd(one, two)), 3.0f);
  EXPECT_EQ(__half2float(one - two), -1.0f);
  EXPECT_EQ(__half2float(__hmul(two, two)), 4.0f);
  EXPECT_EQ(__half2float(__hdiv(one, two)), 0.5f);
  EXPECT_EQ(__half2float(__hfma(two, two, one)), 5.0f);
  EXPECT_EQ(__half2float(__hneg(one)), -1.0f);
  EXPECT_EQ(__half2float(__habs(__float2half(-3.0f))), 3.0f);
  EXPECT_EQ(__half2float(hsqrt(__float2half(9.0f))), 3.0f);
  EXPECT_EQ(__half2float(__hadd_sat(one, two)), 1.0f);
  const __half nan = __float2half(NAN);
  EXPECT_FALSE(__heq(nan, nan));
  EXPECT_TRUE(__hequ(nan, nan));
  EXPECT_TRUE(__hisnan(nan));
  EXPECT_EQ(__half2float(__hmax(nan, one)), 1.0f);
  EXPECT_TRUE(__hisnan(__hmax_nan(nan, one)));
  EXPECT_TRUE(one < two);
  EXPECT_TRUE(__hlt(one, two));
  // 2048 + 1 is not representable: ties to even.
  EXPECT_EQ(__half2float(__hadd(__float2half(2048.0f), one)), 2048.0f);
  const __half2 pair = __floats2half2_rn(1.5f, -2.5f);
  const float2 back = __half22float2(__hmul2(pair, __float2half2_rn(2.0f)));
  EXPECT_EQ(back.x, 3.0f);
  EXPECT_EQ(back.y, -5.0f);
  EXPECT_EQ(__half2float(__low2half(pair)), 1.5f);
  EXPECT_EQ(__high2float(pair), -2.5f);
  const __half2 swapped = __lowhigh2highlow(__halves2half2(one, two));
  EXPECT_EQ(__low2float(swapped), 2.0f);
  EXPECT_EQ(__half2int_rn(__float2half(2.5f)), 2);
  const __nv_bfloat16 b = __float2bfloat16(1.5f);
  EXPECT_EQ(__bfloat162float(__hmul(b, b)), 2.25f);
  EXPECT_EQ(__bfloat162float(__hfma(b, b, b)), 3.75f);
}

__global__ void halfAtomicsAndShuffles(__half *sum, __half2 *pairSum, __nv_bfloat16 *bfSum,
                                       __half *shuffled) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    atomicAdd(sum, __float2half(1.0f));
    atomicAdd(pairSum, __floats2half2_rn(1.0f, 2.0f));
    atomicAdd(bfSum, __float2bfloat16(1.0f));
    if (blockIdx.x == 0 && threadIdx.x < 32) {
      const __half mine = __float2half(static_cast<float>(threadIdx.x) + 0.5f);
      shuffled[threadIdx.x] = __shfl_xor_sync(0xffffffffu, mine, 1);
    }
  });
}

TEST(Half, AtomicAddAndShuffleInKernels) {
  __half sum = __float2half(0.0f);
  __half2 pairSum = __floats2half2_rn(0.0f, 0.0f);
  __nv_bfloat16 bfSum = __float2bfloat16(0.0f);
  std::vector<__half> shuffled(32);
  ASSERT_EQ(runKernel("halfAtomicsAndShuffles", halfAtomicsAndShuffles, 8, 64, 0, &sum, &pairSum,
                      &bfSum, shuffled.data()),
            kSuccess);
  EXPECT_EQ(__half2float(sum), 512.0f);
  EXPECT_EQ(__low2float(pairSum), 512.0f);
  EXPECT_EQ(__high2float(pairSum), 1024.0f);
  EXPECT_EQ(__bfloat162float(bfSum), 256.0f); // bf16 stops counting at 2^8 (256 + 1 rounds to 256)
  for (unsigned lane = 0; lane < 32; ++lane)
    EXPECT_EQ(__half2float(shuffled[lane]), static_cast<float>(lane ^ 1) + 0.5f);
}

// bf16x2 (sm_80's cuda_bf16.h): componentwise arithmetic rounded once to bf16, comparisons,
// operators and conversions, from the same generator as __half2.
TEST(Bfloat16, PairArithmeticComparisonsAndOperators) {
  const __nv_bfloat162 a = __floats2bfloat162_rn(1.5f, -2.0f);
  const __nv_bfloat162 b = __float2bfloat162_rn(0.75f);
  auto lo = [](__nv_bfloat162 v) { return __low2float(v); };
  auto hi = [](__nv_bfloat162 v) { return __high2float(v); };
  EXPECT_EQ(lo(__hadd2(a, b)), 2.25f);
  EXPECT_EQ(hi(__hadd2(a, b)), -1.25f);
  EXPECT_EQ(lo(__hsub2(a, b)), 0.75f);
  EXPECT_EQ(hi(__hmul2(a, b)), -1.5f);
  EXPECT_EQ(lo(__hfma2(a, b, b)), 1.875f);
  EXPECT_EQ(hi(__hneg2(a)), 2.0f);
  EXPECT_EQ(lo(__h2div(a, b)), 2.0f);
  EXPECT_EQ(hi(__habs2(a)), 2.0f);
  EXPECT_EQ(lo(a + b), 2.25f);
  EXPECT_EQ(hi(a - b), -2.75f);
  EXPECT_EQ(lo(a * b), 1.125f);
  EXPECT_EQ(hi(a / b), __bfloat162float(__float2bfloat16(-2.0f / 0.75f)));
  __nv_bfloat162 c = a;
  c += b;
  c *= b;
  EXPECT_EQ(lo(c), __bfloat162float(__float2bfloat16(2.25f * 0.75f)));
  EXPECT_EQ(lo(-a), -1.5f);
  // Rounded once to nearest even (bf16's ulp at 1 is 2^-7): 1 + 2^-8 is a tie that goes down
  // to 1, 1 + 3 * 2^-8 a tie that goes up to 1 + 2^-6.
  const __nv_bfloat162 one = __float2bfloat162_rn(1.0f);
  EXPECT_EQ(lo(one + __float2bfloat162_rn(0x1p-8f)), 1.0f);
  EXPECT_EQ(hi(__hadd2(one, __float2bfloat162_rn(3 * 0x1p-8f))), 1.0f + 0x1p-6f);
  // Comparisons: componentwise 1.0/0.0, and the "both" forms.
  EXPECT_EQ(lo(__hlt2(b, a)), 1.0f);
  EXPECT_EQ(hi(__hlt2(b, a)), 0.0f);
  EXPECT_EQ(lo(__hge2(a, b)), 1.0f);
  EXPECT_EQ(hi(__hle2(a, b)), 1.0f);
  EXPECT_EQ(lo(__hne2(a, a)), 0.0f);
  EXPECT_EQ(hi(__heq2(a, a)), 1.0f);
  EXPECT_TRUE(__hbeq2(a, a));
  EXPECT_FALSE(__hbgt2(a, b));
  EXPECT_TRUE(__hbne2(a, b));
  EXPECT_TRUE(__hble2(b, __float2bfloat162_rn(0.75f)));
  EXPECT_FALSE(__hbge2(a, b));
  EXPECT_TRUE(a == a);
  EXPECT_TRUE(a != b);
  const float2 f = __bfloat1622float2(a);
  EXPECT_EQ(f.x, 1.5f);
  EXPECT_EQ(f.y, -2.0f);
  EXPECT_EQ(__bfloat162float(__low2bfloat16(a)), 1.5f);
  EXPECT_EQ(__bfloat162float(__high2bfloat16(a)), -2.0f);
  EXPECT_EQ(lo(__lowhigh2highlow(a)), -2.0f);
  EXPECT_EQ(lo(__hisnan2(__floats2bfloat162_rn(NAN, 1.0f))), 1.0f);
  EXPECT_EQ(hi(h2sqrt(__floats2bfloat162_rn(4.0f, 9.0f))), 3.0f);
  EXPECT_EQ(lo(h2exp2(__floats2bfloat162_rn(3.0f, 0.0f))), 8.0f);
  EXPECT_EQ(hi(h2trunc(__floats2bfloat162_rn(0.0f, -2.5f))), -2.0f);
}

} // namespace
