// XORWOW (Marsaglia, "Xorshift RNGs", J. Stat. Softw. 8(14), 2003: the xorshift on five words
// plus a Weyl sequence d += 362437) with cuRAND's seeding: the two halves of the 64-bit seed,
// salted and multiplied, set d and v[0..4]; subsequences are 2^67 outputs apart, offsets count
// outputs. The xorshift part is linear over GF(2), so a jump of n steps is the 160x160 bit
// matrix M^n applied to v: the powers M^(2^k) (offsets) and M^(2^(67+k)) (subsequences) are
// computed here once, at first use, by repeated squaring. Part of npurt/lib/curand_kernel.h.
#pragma once

#include <array>
#include <cstdint>

struct curandStateXORWOW {
  unsigned d, v[5];
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateXORWOW curandStateXORWOW_t;
typedef struct curandStateXORWOW curandState_t;
typedef struct curandStateXORWOW curandState;

namespace npu::curand_detail {

inline constexpr std::uint32_t XorwowWeyl = 362437u;

// One step of the xorshift part (v only).
inline void xorwowShift(std::uint32_t v[5]) {
  const std::uint32_t t = v[0] ^ (v[0] >> 2);
  v[0] = v[1];
  v[1] = v[2];
  v[2] = v[3];
  v[3] = v[4];
  v[4] = (v[4] ^ (v[4] << 4)) ^ (t ^ (t << 1));
}

// A linear map of the 160-bit state: image[k] is the image of state bit k (word k / 32, bit
// k % 32).
struct XorwowMatrix {
  std::uint32_t image[160][5];

  void apply(std::uint32_t v[5]) const {
    std::uint32_t out[5] = {0, 0, 0, 0, 0};
    for (int k = 0; k < 160; ++k)
      if ((v[k / 32] >> (k % 32)) & 1u)
        for (int w = 0; w < 5; ++w)
          out[w] ^= image[k][w];
    for (int w = 0; w < 5; ++w)
      v[w] = out[w];
  }
  XorwowMatrix squared() const {
    XorwowMatrix result = *this;
    for (auto &column : result.image)
      apply(column);
    return result;
  }
};

struct XorwowJumps {
  std::array<XorwowMatrix, 64> offset;      // M^(2^k)
  std::array<XorwowMatrix, 64> subsequence; // M^(2^(67+k))
};

inline XorwowJumps makeXorwowJumps() {
  XorwowJumps jumps{};
  XorwowMatrix power{};
  for (int k = 0; k < 160; ++k) {
    std::uint32_t v[5] = {0, 0, 0, 0, 0};
    v[k / 32] = 1u << (k % 32);
    xorwowShift(v);
    for (int w = 0; w < 5; ++w)
      power.image[k][w] = v[w];
  }
  for (int k = 0; k < 64 + 67; ++k) {
    if (k < 64)
      jumps.offset[k] = power;
    if (k >= 67)
      jumps.subsequence[k - 67] = power;
    power = power.squared();
  }
  return jumps;
}

inline const XorwowJumps &xorwowJumps() {
  static const XorwowJumps *const jumps = new XorwowJumps(makeXorwowJumps()); // never freed:
  return *jumps; // states may be initialised during static destruction
}

inline void xorwowJump(const std::array<XorwowMatrix, 64> &powers, unsigned long long n,
                       unsigned v[5]) {
  std::uint32_t word[5] = {v[0], v[1], v[2], v[3], v[4]};
  for (int k = 0; n != 0; ++k, n >>= 1)
    if (n & 1u)
      powers[k].apply(word);
  for (int w = 0; w < 5; ++w)
    v[w] = word[w];
}

} // namespace npu::curand_detail

inline unsigned curand(curandStateXORWOW_t *state) {
  npu::curand_detail::xorwowShift(state->v);
  state->d += npu::curand_detail::XorwowWeyl;
  return state->v[4] + state->d;
}

inline void skipahead(unsigned long long n, curandStateXORWOW_t *state) {
  npu::curand_detail::xorwowJump(npu::curand_detail::xorwowJumps().offset, n, state->v);
  state->d += npu::curand_detail::XorwowWeyl * unsigned(n);
}

// 2^67 steps of the Weyl sequence add a multiple of 2^32 to d: only v moves.
inline void skipahead_sequence(unsigned long long n, curandStateXORWOW_t *state) {
  npu::curand_detail::xorwowJump(npu::curand_detail::xorwowJumps().subsequence, n, state->v);
}

inline void curand_init(unsigned long long seed, unsigned long long subsequence,
                        unsigned long long offset, curandStateXORWOW_t *state) {
  const unsigned s0 = unsigned(seed) ^ 0xaad26b49u;
  const unsigned s1 = unsigned(seed >> 32) ^ 0xf7dcefddu;
  const unsigned t0 = 1099087573u * s0;
  const unsigned t1 = 2591861531u * s1;
  state->d = 6615241u + t1 + t0;
  state->v[0] = 123456789u + t0;
  state->v[1] = 362436069u ^ t0;
  state->v[2] = 521288629u + t1;
  state->v[3] = 88675123u ^ t1;
  state->v[4] = 5783321u + t0;
  skipahead_sequence(subsequence, state);
  skipahead(offset, state);
  state->boxmuller_flag = state->boxmuller_flag_double = 0;
  state->boxmuller_extra = 0.f;
  state->boxmuller_extra_double = 0.;
}
