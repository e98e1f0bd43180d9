// Philox4x32-10 (Salmon, Moraes, Dror, Shaw: "Parallel random numbers: as easy as 1, 2, 3",
// SC'11) with cuRAND's use of it: the 64-bit seed is the key, the subsequence the counter's
// high 64 bits, the offset (in 32-bit outputs) the counter's low 64 bits times four plus the
// position inside the current 4-word block. Part of npurt/lib/curand_kernel.h.
#pragma once

#include <cstdint>

#include "npurt/device/vector_types.h"

struct curandStatePhilox4_32_10 {
  uint4 ctr;      // the block counter; output = Philox(ctr, key)
  uint4 output;   // the current block of four outputs
  uint2 key;      // the seed
  unsigned STATE; // the next word of output to hand out (0..3)
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;

namespace npu::curand_detail {

// The round and key-schedule constants of the paper (Table 2).
inline constexpr std::uint32_t PhiloxM0 = 0xD2511F53u, PhiloxM1 = 0xCD9E8D57u;
inline constexpr std::uint32_t PhiloxW0 = 0x9E3779B9u, PhiloxW1 = 0xBB67AE85u;

inline uint4 philoxRound(uint4 ctr, uint2 key) {
  const std::uint64_t p0 = std::uint64_t(PhiloxM0) * ctr.x;
  const std::uint64_t p1 = std::uint64_t(PhiloxM1) * ctr.z;
  return uint4{std::uint32_t(p1 >> 32) ^ ctr.y ^ key.x, std::uint32_t(p1),
               std::uint32_t(p0 >> 32) ^ ctr.w ^ key.y, std::uint32_t(p0)};
}

// Ten rounds, the key bumped between rounds.
inline uint4 philox4x32_10(uint4 ctr, uint2 key) {
  for (int round = 0; round < 9; ++round) {
    ctr = philoxRound(ctr, key);
    key.x += PhiloxW0;
    key.y += PhiloxW1;
  }
  return philoxRound(ctr, key);
}

// The counter is one 128-bit number, ctr.x least significant.
inline void philoxAdd(uint4 &ctr, std::uint64_t low64, std::uint64_t high64) {
  const std::uint64_t low = (std::uint64_t(ctr.y) << 32 | ctr.x) + low64;
  const std::uint64_t carry = low < low64 ? 1 : 0;
  const std::uint64_t high = (std::uint64_t(ctr.w) << 32 | ctr.z) + high64 + carry;
  ctr = uint4{std::uint32_t(low), std::uint32_t(low >> 32), std::uint32_t(high),
              std::uint32_t(high >> 32)};
}

inline void philoxNextBlock(curandStatePhilox4_32_10_t *state) {
  philoxAdd(state->ctr, 1, 0);
  state->output = philox4x32_10(state->ctr, state->key);
}

inline unsigned philoxWord(const uint4 &block, unsigned index) {
  switch (index) {
  case 0:
    return block.x;
  case 1:
    return block.y;
  case 2:
    return block.z;
  default:
    return block.w;
  }
}

} // namespace npu::curand_detail

inline unsigned curand(curandStatePhilox4_32_10_t *state) {
  const unsigned value = npu::curand_detail::philoxWord(state->output, state->STATE++);
  if (state->STATE == 4) {
    npu::curand_detail::philoxNextBlock(state);
    state->STATE = 0;
  }
  return value;
}

// The next four outputs, as four calls of curand would return them.
inline uint4 curand4(curandStatePhilox4_32_10_t *state) {
  const uint4 current = state->output;
  npu::curand_detail::philoxNextBlock(state);
  const unsigned s = state->STATE;
  auto word = [&](unsigned i) {
    return i < 4 ? npu::curand_detail::philoxWord(current, i)
                 : npu::curand_detail::philoxWord(state->output, i - 4);
  };
  return uint4{word(s), word(s + 1), word(s + 2), word(s + 3)};
}

inline void skipahead(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  unsigned long long blocks = n / 4;
  state->STATE += unsigned(n % 4);
  if (state->STATE > 3) {
    state->STATE -= 4;
    ++blocks;
  }
  npu::curand_detail::philoxAdd(state->ctr, blocks, 0);
  state->output = npu::curand_detail::philox4x32_10(state->ctr, state->key);
}

// Subsequences are 2^66 outputs (2^64 blocks) apart.
inline void skipahead_sequence(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  npu::curand_detail::philoxAdd(state->ctr, 0, n);
  state->output = npu::curand_detail::philox4x32_10(state->ctr, state->key);
}

inline void curand_init(unsigned long long seed, unsigned long long subsequence,
                        unsigned long long offset, curandStatePhilox4_32_10_t *state) {
  state->ctr = uint4{0, 0, 0, 0};
  state->key = uint2{unsigned(seed), unsigned(seed >> 32)};
  state->STATE = 0;
  state->boxmuller_flag = state->boxmuller_flag_double = 0;
  state->boxmuller_extra = 0.f;
  state->boxmuller_extra_double = 0.;
  skipahead_sequence(subsequence, state);
  skipahead(offset, state);
}
