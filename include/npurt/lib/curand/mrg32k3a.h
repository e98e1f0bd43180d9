// MRG32k3a (L'Ecuyer, "Good parameters and implementations for combined multiple recursive
// random number generators", Operations Research 47(1), 1999) with cuRAND's seeding: both
// components start at 12345 in every word; a non-zero seed multiplies the words (mod m) by its
// salted low and high halves; subsequences are 2^76 outputs apart and sequences 2^127. Jumps
// are powers of the components' 3x3 transition matrices mod m, computed once, at first use.
// Outputs are integers in [1, m1]; curand() scales them to 32 bits as cuRAND does.
// Part of npurt/lib/curand_kernel.h.
#pragma once

#include <array>
#include <cstdint>

struct curandStateMRG32k3a {
  unsigned s1[3], s2[3];
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;

namespace npu::curand_detail {

inline constexpr std::uint64_t MrgM1 = 4294967087u, MrgM2 = 4294944443u;
inline constexpr std::uint64_t MrgA12 = 1403580u, MrgA13n = 810728u;
inline constexpr std::uint64_t MrgA21 = 527612u, MrgA23n = 1370589u;
inline constexpr double MrgNorm = 2.3283065498378288e-10; // 1 / m1, as cuRAND rounds it
inline constexpr double MrgBitsNorm = 1.000000048662;     // (2^32 - 1) / m1, cuRAND's

using MrgMatrix = std::array<std::array<std::uint64_t, 3>, 3>;

inline MrgMatrix mrgMultiply(const MrgMatrix &a, const MrgMatrix &b, std::uint64_t m) {
  MrgMatrix c{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      unsigned __int128 sum = 0;
      for (int k = 0; k < 3; ++k)
        sum += static_cast<unsigned __int128>(a[i][k]) * b[k][j];
      c[i][j] = std::uint64_t(sum % m);
    }
  return c;
}

inline void mrgApply(const MrgMatrix &a, unsigned s[3], std::uint64_t m) {
  std::uint64_t out[3];
  for (int i = 0; i < 3; ++i) {
    unsigned __int128 sum = 0;
    for (int k = 0; k < 3; ++k)
      sum += static_cast<unsigned __int128>(a[i][k]) * s[k];
    out[i] = std::uint64_t(sum % m);
  }
  for (int i = 0; i < 3; ++i)
    s[i] = unsigned(out[i]);
}

// Powers A^(2^(first + k)), k = 0..63, of one component's transition matrix.
struct MrgPowers {
  std::array<MrgMatrix, 64> component1, component2;
};

struct MrgJumps {
  MrgPowers offset, subsequence, sequence; // 2^k, 2^(76+k), 2^(127+k)
};

inline MrgJumps makeMrgJumps() {
  // (s[0], s[1], s[2]) -> (s[1], s[2], next): the recurrences' companion matrices.
  MrgMatrix a1{{{0, 1, 0}, {0, 0, 1}, {MrgM1 - MrgA13n, MrgA12, 0}}};
  MrgMatrix a2{{{0, 1, 0}, {0, 0, 1}, {MrgM2 - MrgA23n, 0, MrgA21}}};
  MrgJumps jumps{};
  for (int k = 0; k < 127 + 64; ++k) {
    auto store = [&](MrgPowers &powers, int index) {
      powers.component1[index] = a1;
      powers.component2[index] = a2;
    };
    if (k < 64)
      store(jumps.offset, k);
    if (k >= 76 && k < 76 + 64)
      store(jumps.subsequence, k - 76);
    if (k >= 127)
      store(jumps.sequence, k - 127);
    a1 = mrgMultiply(a1, a1, MrgM1);
    a2 = mrgMultiply(a2, a2, MrgM2);
  }
  return jumps;
}

inline const MrgJumps &mrgJumps() {
  static const MrgJumps *const jumps = new MrgJumps(makeMrgJumps()); // never freed, as for XORWOW
  return *jumps;
}

inline void mrgJump(const MrgPowers &powers, unsigned long long n, curandStateMRG32k3a_t *state) {
  for (int k = 0; n != 0; ++k, n >>= 1)
    if (n & 1u) {
      mrgApply(powers.component1[k], state->s1, MrgM1);
      mrgApply(powers.component2[k], state->s2, MrgM2);
    }
}

// One step; the combined output in [1, m1] (an integer, as a double).
inline double mrgNext(curandStateMRG32k3a_t *state) {
  const std::uint64_t p1 = (MrgA12 * state->s1[1] + MrgA13n * (MrgM1 - state->s1[0])) % MrgM1;
  state->s1[0] = state->s1[1];
  state->s1[1] = state->s1[2];
  state->s1[2] = unsigned(p1);
  const std::uint64_t p2 = (MrgA21 * state->s2[2] + MrgA23n * (MrgM2 - state->s2[0])) % MrgM2;
  state->s2[0] = state->s2[1];
  state->s2[1] = state->s2[2];
  state->s2[2] = unsigned(p2);
  return p1 > p2 ? double(p1 - p2) : double(p1 + MrgM1 - p2);
}

} // namespace npu::curand_detail

inline unsigned curand(curandStateMRG32k3a_t *state) {
  return unsigned(npu::curand_detail::mrgNext(state) * npu::curand_detail::MrgBitsNorm);
}

inline void skipahead(unsigned long long n, curandStateMRG32k3a_t *state) {
  npu::curand_detail::mrgJump(npu::curand_detail::mrgJumps().offset, n, state);
}

inline void skipahead_subsequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  npu::curand_detail::mrgJump(npu::curand_detail::mrgJumps().subsequence, n, state);
}

inline void skipahead_sequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  npu::curand_detail::mrgJump(npu::curand_detail::mrgJumps().sequence, n, state);
}

inline void curand_init(unsigned long long seed, unsigned long long subsequence,
                        unsigned long long offset, curandStateMRG32k3a_t *state) {
  using namespace npu::curand_detail;
  for (int i = 0; i < 3; ++i)
    state->s1[i] = state->s2[i] = 12345u;
  if (seed != 0) {
    const std::uint64_t x1 = unsigned(seed) ^ 0x55555555u;
    const std::uint64_t x2 = unsigned(seed >> 32) ^ 0xAAAAAAAAu;
    state->s1[0] = unsigned(x1 * state->s1[0] % MrgM1);
    state->s1[1] = unsigned(x2 * state->s1[1] % MrgM1);
    state->s1[2] = unsigned(x1 * state->s1[2] % MrgM1);
    state->s2[0] = unsigned(x2 * state->s2[0] % MrgM2);
    state->s2[1] = unsigned(x1 * state->s2[1] % MrgM2);
    state->s2[2] = unsigned(x2 * state->s2[2] % MrgM2);
  }
  skipahead_subsequence(subsequence, state);
  skipahead(offset, state);
  state->boxmuller_flag = state->boxmuller_flag_double = 0;
  state->boxmuller_extra = 0.f;
  state->boxmuller_extra_double = 0.;
}
