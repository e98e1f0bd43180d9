// cuRAND device API (npurt/lib/curand_kernel.h): known answers from published sources, and the
// identities cuRAND documents between seeding, offsets and subsequences.
#include <cmath>
#include <cstdint>

#include <gtest/gtest.h>

#include "npurt/lib/curand_kernel.h"

namespace {

using npu::curand_detail::philox4x32_10;

void expectWords(uint4 actual, uint4 expected) {
  EXPECT_EQ(actual.x, expected.x);
  EXPECT_EQ(actual.y, expected.y);
  EXPECT_EQ(actual.z, expected.z);
  EXPECT_EQ(actual.w, expected.w);
}

// Random123's known-answer vectors for philox4x32_10 (kat_vectors, Salmon et al.):
// (ctr, key) -> output.
TEST(CurandPhilox, Random123KnownAnswers) {
  expectWords(philox4x32_10(uint4{0, 0, 0, 0}, uint2{0, 0}),
              uint4{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
  expectWords(philox4x32_10(uint4{~0u, ~0u, ~0u, ~0u}, uint2{~0u, ~0u}),
              uint4{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
  expectWords(philox4x32_10(uint4{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
                            uint2{0xa4093822, 0x299f31d0}),
              uint4{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
}

// cuRAND's mapping: key = seed, counter = (offset / 4, subsequence in the high 64 bits), and
// the offset's remainder picks the word.
TEST(CurandPhilox, SeedSubsequenceAndOffsetSelectKeyAndCounter) {
  const unsigned long long seed = 0x0123456789abcdefull, subsequence = 0x1122334455ull;
  const unsigned long long offset = 4 * 1000003ull + 2;
  curandStatePhilox4_32_10_t state;
  curand_init(seed, subsequence, offset, &state);
  const uint2 key{0x89abcdefu, 0x01234567u};
  const uint4 block = philox4x32_10(uint4{1000003u, 0, 0x22334455u, 0x11u}, key);
  const uint4 next = philox4x32_10(uint4{1000004u, 0, 0x22334455u, 0x11u}, key);
  EXPECT_EQ(curand(&state), block.z);
  EXPECT_EQ(curand(&state), block.w);
  EXPECT_EQ(curand(&state), next.x);
}

TEST(CurandPhilox, Curand4IsFourCallsAtAnyPosition) {
  for (unsigned shift = 0; shift < 4; ++shift) {
    curandStatePhilox4_32_10_t a, b;
    curand_init(42, 7, shift, &a);
    curand_init(42, 7, shift, &b);
    const uint4 four = curand4(&a);
    EXPECT_EQ(four.x, curand(&b));
    EXPECT_EQ(four.y, curand(&b));
    EXPECT_EQ(four.z, curand(&b));
    EXPECT_EQ(four.w, curand(&b));
    EXPECT_EQ(curand(&a), curand(&b)) << "shift " << shift;
  }
}

template <class State> void expectOffsetIsSteps(unsigned long long seed, unsigned long long n) {
  State jumped, stepped;
  curand_init(seed, 3, n, &jumped);
  curand_init(seed, 3, 0, &stepped);
  for (unsigned long long i = 0; i < n; ++i)
    curand(&stepped);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(curand(&jumped), curand(&stepped)) << "offset " << n << ", output " << i;
}

TEST(CurandOffsets, AnOffsetIsThatManyOutputsSkipped) {
  for (unsigned long long n : {1ull, 2ull, 3ull, 5ull, 64ull, 1000ull, 123457ull}) {
    expectOffsetIsSteps<curandStateXORWOW_t>(1234, n);
    expectOffsetIsSteps<curandStatePhilox4_32_10_t>(1234, n);
    expectOffsetIsSteps<curandStateMRG32k3a_t>(1234, n);
  }
}

// cuRAND's XORWOW seeding: the seed's halves salted with 0xaad26b49 / 0xf7dcefdd, multiplied
// by 1099087573 / 2591861531, give d and v[0..4] around Marsaglia's initial values (123456789,
// 362436069, 521288629, 88675123, 5783321; d 6615241).
TEST(CurandXorwow, SeedingAndStepFollowCuRandsDocumentedConstants) {
  const unsigned long long seed = 0xfedcba9876543210ull;
  curandStateXORWOW_t state;
  curand_init(seed, 0, 0, &state);
  const unsigned t0 = 1099087573u * (0x76543210u ^ 0xaad26b49u);
  const unsigned t1 = 2591861531u * (0xfedcba98u ^ 0xf7dcefddu);
  EXPECT_EQ(state.d, 6615241u + t1 + t0);
  EXPECT_EQ(state.v[0], 123456789u + t0);
  EXPECT_EQ(state.v[1], 362436069u ^ t0);
  EXPECT_EQ(state.v[2], 521288629u + t1);
  EXPECT_EQ(state.v[3], 88675123u ^ t1);
  EXPECT_EQ(state.v[4], 5783321u + t0);
  // Marsaglia's xorwow step (paper, section 3.1): t = x ^ (x >> 2); ...; v = (v ^ (v << 4)) ^
  // (t ^ (t << 1)); d += 362437; output v + d.
  const unsigned x = state.v[0], v = state.v[4];
  const unsigned t = x ^ (x >> 2);
  const unsigned expected = ((v ^ (v << 4)) ^ (t ^ (t << 1))) + (state.d + 362437u);
  EXPECT_EQ(curand(&state), expected);
}

// A subsequence is 2^67 outputs: sixteen jumps of 2^63 land where one subsequence jump does.
TEST(CurandXorwow, SubsequenceIsTwoToThe67Outputs) {
  curandStateXORWOW_t bySubsequence, byOffsets;
  curand_init(99, 1, 0, &bySubsequence);
  curand_init(99, 0, 0, &byOffsets);
  for (int i = 0; i < 16; ++i)
    skipahead(1ull << 63, &byOffsets);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(curand(&bySubsequence), curand(&byOffsets));
  curandStateXORWOW_t five, stepped;
  curand_init(99, 5, 0, &five);
  curand_init(99, 2, 0, &stepped);
  skipahead_sequence(3, &stepped);
  EXPECT_EQ(curand(&five), curand(&stepped));
}

// MRG32k3a from the all-12345 state (seed 0): by L'Ecuyer's recurrences, the first outputs of
// the components are 592852 * 12345 mod m1 = 3023790853 and -842977 * 12345 mod m2 =
// 2478282264, so the combined output is 545508589.
TEST(CurandMrg32k3a, FirstOutputOfTheUnseededStateByHand) {
  curandStateMRG32k3a_t state;
  curand_init(0, 0, 0, &state);
  EXPECT_DOUBLE_EQ(curand_uniform_double(&state), 545508589 * 2.3283065498378288e-10);
  EXPECT_EQ(state.s1[2], 3023790853u);
  EXPECT_EQ(state.s2[2], 2478282264u);
}

// L'Ecuyer, Simard, Chen, Kelton, "An object-oriented random-number package with many long
// streams and substreams" (Operations Research 50(6), 2002), RngStreams' A1p76 and A2p76: the
// transition matrices to the power 2^76, cuRAND's subsequence length.
TEST(CurandMrg32k3a, SubsequenceMatricesArePublishedA1p76AndA2p76) {
  const auto &jump = npu::curand_detail::mrgJumps().subsequence;
  const npu::curand_detail::MrgMatrix a1p76{{{82758667u, 1871391091u, 4127413238u},
                                             {3672831523u, 69195019u, 1871391091u},
                                             {3672091415u, 3528743235u, 69195019u}}};
  const npu::curand_detail::MrgMatrix a2p76{{{1511326704u, 3759209742u, 1610795712u},
                                             {4292754251u, 1511326704u, 3889917532u},
                                             {3859662829u, 4292754251u, 3708466080u}}};
  EXPECT_EQ(jump.component1[0], a1p76);
  EXPECT_EQ(jump.component2[0], a2p76);
}

TEST(CurandMrg32k3a, SubsequenceIsTwoToThe76Outputs) {
  curandStateMRG32k3a_t bySubsequence, byOffsets;
  curand_init(7, 1, 0, &bySubsequence);
  curand_init(7, 0, 0, &byOffsets);
  for (int i = 0; i < (1 << 13); ++i)
    skipahead(1ull << 63, &byOffsets);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(curand(&bySubsequence), curand(&byOffsets));
}

// _curand_uniform: x * 2^-32 + 2^-33, so (0, 1]: never 0, and 1 for the largest x.
TEST(CurandDistributions, UniformIsHalfOpenAtZero) {
  EXPECT_EQ(npu::curand_detail::uniformOf(0), 0x1p-33f);
  EXPECT_EQ(npu::curand_detail::uniformOf(0xffffffffu), 1.0f);
  EXPECT_EQ(npu::curand_detail::uniformDoubleOf(0, 0), 0x1p-54);
}

// Box-Muller on the pair of draws curand_normal consumes; the second value is handed out by
// the next call without drawing.
TEST(CurandDistributions, NormalUsesBoxMullerOnTwoDrawsAndCachesTheSecond) {
  curandStateXORWOW_t state, draws;
  curand_init(5, 0, 0, &state);
  curand_init(5, 0, 0, &draws);
  const unsigned x = curand(&draws), y = curand(&draws);
  const double u = x * 0x1p-32 + 0x1p-33, v = (y * 0x1p-32 + 0x1p-33) * 2 * M_PI;
  const double radius = std::sqrt(-2 * std::log(u));
  EXPECT_NEAR(curand_normal(&state), radius * std::sin(v), 1e-5);
  EXPECT_NEAR(curand_normal(&state), radius * std::cos(v), 1e-5);
  EXPECT_EQ(curand(&state), curand(&draws));
}

template <class State> void expectMoments(unsigned long long seed) {
  State state;
  curand_init(seed, 0, 0, &state);
  const int n = 200000;
  double uniform = 0, normal = 0, normalSquares = 0, poissonSmall = 0, poissonLarge = 0;
  for (int i = 0; i < n; ++i) {
    uniform += curand_uniform(&state);
    const double z = curand_normal_double(&state);
    normal += z;
    normalSquares += z * z;
  }
  for (int i = 0; i < n / 4; ++i) {
    poissonSmall += curand_poisson(&state, 4.5);
    poissonLarge += curand_poisson(&state, 250.0);
  }
  EXPECT_NEAR(uniform / n, 0.5, 0.005);
  EXPECT_NEAR(normal / n, 0.0, 0.01);
  EXPECT_NEAR(normalSquares / n, 1.0, 0.01);
  EXPECT_NEAR(poissonSmall / (n / 4), 4.5, 0.05);
  EXPECT_NEAR(poissonLarge / (n / 4), 250.0, 0.5);
}

TEST(CurandDistributions, MomentsOfEveryGenerator) {
  expectMoments<curandStateXORWOW_t>(11);
  expectMoments<curandStatePhilox4_32_10_t>(12);
  expectMoments<curandStateMRG32k3a_t>(13);
}

TEST(CurandDistributions, LogNormalIsExpOfTheNormal) {
  curandStatePhilox4_32_10_t a, b;
  curand_init(3, 4, 5, &a);
  curand_init(3, 4, 5, &b);
  for (int i = 0; i < 4; ++i)
    EXPECT_FLOAT_EQ(curand_log_normal(&a, 1.0f, 0.5f), std::exp(1.0f + 0.5f * curand_normal(&b)));
  const float4 n4 = curand_normal4(&a);
  const float2 n2 = curand_normal2(&b), m2 = curand_normal2(&b);
  EXPECT_EQ(n4.x, n2.x);
  EXPECT_EQ(n4.w, m2.y);
}

} // namespace
