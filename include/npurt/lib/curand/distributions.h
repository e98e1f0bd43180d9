// cuRAND's distributions over the three generators, in the order cuRAND draws their inputs, so a
// state gives the same values as NVIDIA's device API does compiled for the host (sinf, cosf,
// logf, expf of the C library; the GPU's __sincosf and logf may differ in the last bits).
// XORWOW and Philox share the 32-bit conversions; MRG32k3a converts its integer output
// directly. Part of npurt/lib/curand_kernel.h.
#pragma once

#include <cmath>
#include <cstdint>
#include <type_traits>

#include "npurt/lib/curand/mrg32k3a.h"
#include "npurt/lib/curand/philox.h"
#include "npurt/lib/curand/xorwow.h"

// Which value a state's Box-Muller cache holds (cuRAND's macros).
#define EXTRA_FLAG_NORMAL 0x00000001
#define EXTRA_FLAG_LOG_NORMAL 0x00000002

namespace npu::curand_detail {

inline constexpr float TwoPow32Inv = 2.3283064e-10f;           // CURAND_2POW32_INV
inline constexpr float TwoPi = 6.2831855f;                     // CURAND_2PI
inline constexpr float TwoPow32InvTwoPi = TwoPow32Inv * TwoPi; // CURAND_2POW32_INV_2PI
inline constexpr double TwoPow53Inv = 1.1102230246251565e-16;  // CURAND_2POW53_INV_DOUBLE
inline constexpr double TwoPiDouble = 6.2831853071795860;      // CURAND_2PI_DOUBLE
inline constexpr double TwoPow53InvTwoPi = TwoPow53Inv * TwoPiDouble;

template <class State>
inline constexpr bool isBitGenerator =
    std::is_same_v<State, curandStateXORWOW_t> || std::is_same_v<State, curandStatePhilox4_32_10_t>;

// (0, 1]: x / 2^32 plus half a step.
inline float uniformOf(unsigned x) { return x * TwoPow32Inv + TwoPow32Inv / 2.0f; }

// 53 bits from two draws: x's 32 bits xor y's shifted up by 21.
inline double uniformDoubleOf(unsigned x, unsigned y) {
  const unsigned long long z = (unsigned long long)x ^ ((unsigned long long)y << (53 - 32));
  return z * TwoPow53Inv + TwoPow53Inv / 2.0;
}

inline float2 boxMuller(unsigned x, unsigned y) {
  const float u = x * TwoPow32Inv + TwoPow32Inv / 2;
  const float v = y * TwoPow32InvTwoPi + TwoPow32InvTwoPi / 2;
  const float s = std::sqrt(-2.0f * std::log(u));
  return float2{std::sin(v) * s, std::cos(v) * s};
}

inline double2 boxMullerDouble(unsigned x0, unsigned x1, unsigned y0, unsigned y1) {
  const unsigned long long zx = (unsigned long long)x0 ^ ((unsigned long long)x1 << (53 - 32));
  const double u = zx * TwoPow53Inv + TwoPow53Inv / 2.0;
  const unsigned long long zy = (unsigned long long)y0 ^ ((unsigned long long)y1 << (53 - 32));
  const double v = zy * TwoPow53InvTwoPi + TwoPow53InvTwoPi / 2.0;
  const double s = std::sqrt(-2.0 * std::log(u));
  return double2{std::sin(v) * s, std::cos(v) * s};
}

inline float2 normalPair(curandStateXORWOW_t *state) {
  const unsigned x = curand(state);
  return boxMuller(x, curand(state));
}
inline float2 normalPair(curandStatePhilox4_32_10_t *state) {
  const unsigned x = curand(state);
  return boxMuller(x, curand(state));
}
inline float2 normalPair(curandStateMRG32k3a_t *state) {
  const float x = float(mrgNext(state) * MrgNorm);
  const float y = float(mrgNext(state) * MrgNorm) * TwoPi;
  const float s = std::sqrt(-2.0f * std::log(x));
  return float2{std::sin(y) * s, std::cos(y) * s};
}

inline double2 normalPairDouble(curandStateXORWOW_t *state) {
  const unsigned x0 = curand(state), x1 = curand(state), y0 = curand(state);
  return boxMullerDouble(x0, x1, y0, curand(state));
}
inline double2 normalPairDouble(curandStatePhilox4_32_10_t *state) {
  const uint4 x = curand4(state);
  return boxMullerDouble(x.x, x.y, x.z, x.w);
}
inline double2 normalPairDouble(curandStateMRG32k3a_t *state) {
  const double x = mrgNext(state) * MrgNorm;
  const double y = mrgNext(state) * MrgNorm * TwoPiDouble;
  const double s = std::sqrt(-2.0 * std::log(x));
  return double2{std::sin(y) * s, std::cos(y) * s};
}

// curand_normal hands out a pair one value at a time; `Transform` maps the pair (identity, or
// exp(mean + stddev * x) for the log-normal, which caches the transformed second value). The
// float and double forms keep separate caches, as cuRAND's state does.
template <bool Double, class State> inline auto &cachedExtra(State *state) {
  if constexpr (Double)
    return state->boxmuller_extra_double;
  else
    return state->boxmuller_extra;
}
template <bool Double, class State> inline int &cachedFlag(State *state) {
  if constexpr (Double)
    return state->boxmuller_flag_double;
  else
    return state->boxmuller_flag;
}
template <bool Double, class State, class Transform>
inline auto cachedPairValue(State *state, int flag, Transform transform) {
  auto &extra = cachedExtra<Double>(state);
  int &cached = cachedFlag<Double>(state);
  if (cached != flag) {
    const auto pair = [state] {
      if constexpr (Double)
        return normalPairDouble(state);
      else
        return normalPair(state);
    }();
    extra = transform(pair.y);
    cached = flag;
    return transform(pair.x);
  }
  cached = 0;
  return extra;
}

} // namespace npu::curand_detail

inline float curand_uniform(curandStateXORWOW_t *state) {
  return npu::curand_detail::uniformOf(curand(state));
}
inline float curand_uniform(curandStatePhilox4_32_10_t *state) {
  return npu::curand_detail::uniformOf(curand(state));
}
inline float curand_uniform(curandStateMRG32k3a_t *state) {
  return float(npu::curand_detail::mrgNext(state) * npu::curand_detail::MrgNorm);
}

template <class State> inline double curand_uniform_double(State *state) {
  if constexpr (npu::curand_detail::isBitGenerator<State>) {
    const unsigned x = curand(state);
    return npu::curand_detail::uniformDoubleOf(x, curand(state));
  } else {
    return npu::curand_detail::mrgNext(state) * npu::curand_detail::MrgNorm;
  }
}

inline float4 curand_uniform4(curandStatePhilox4_32_10_t *state) {
  using npu::curand_detail::uniformOf;
  const uint4 x = curand4(state);
  return float4{uniformOf(x.x), uniformOf(x.y), uniformOf(x.z), uniformOf(x.w)};
}

inline double2 curand_uniform2_double(curandStatePhilox4_32_10_t *state) {
  using npu::curand_detail::uniformDoubleOf;
  const uint4 x = curand4(state);
  return double2{uniformDoubleOf(x.x, x.y), uniformDoubleOf(x.z, x.w)};
}

template <class State> inline float curand_normal(State *state) {
  return npu::curand_detail::cachedPairValue<false>(state, EXTRA_FLAG_NORMAL,
                                                    [](float x) { return x; });
}
template <class State> inline double curand_normal_double(State *state) {
  return npu::curand_detail::cachedPairValue<true>(state, EXTRA_FLAG_NORMAL,
                                                   [](double x) { return x; });
}
template <class State> inline float2 curand_normal2(State *state) {
  return npu::curand_detail::normalPair(state);
}
template <class State> inline double2 curand_normal2_double(State *state) {
  return npu::curand_detail::normalPairDouble(state);
}

inline float4 curand_normal4(curandStatePhilox4_32_10_t *state) {
  const uint4 x = curand4(state);
  const float2 a = npu::curand_detail::boxMuller(x.x, x.y);
  const float2 b = npu::curand_detail::boxMuller(x.z, x.w);
  return float4{a.x, a.y, b.x, b.y};
}

template <class State> inline float curand_log_normal(State *state, float mean, float stddev) {
  return npu::curand_detail::cachedPairValue<false>(
      state, EXTRA_FLAG_LOG_NORMAL, [=](float x) { return std::exp(mean + stddev * x); });
}
template <class State>
inline double curand_log_normal_double(State *state, double mean, double stddev) {
  return npu::curand_detail::cachedPairValue<true>(
      state, EXTRA_FLAG_LOG_NORMAL, [=](double x) { return std::exp(mean + stddev * x); });
}

// lambda < 64: cuRAND's multiplication method (Knuth, TAOCP vol. 2, 3.4.1): multiply uniforms
// into exp(lambda) until the product is at most 1. Larger lambda: the transformed rejection
// method PTRS (Hoermann, "The transformed rejection method for generating Poisson random
// variables", Insurance: Math. and Econ. 12, 1993), exact in distribution but not cuRAND's
// sequence (cuRAND uses its own methods there).
template <class State> inline unsigned curand_poisson(State *state, double lambda) {
  if (lambda < 64) {
    unsigned k = 0;
    float p = std::exp(float(lambda));
    do {
      ++k;
      p *= curand_uniform(state);
    } while (p > 1.0f);
    return k - 1;
  }
  const double slam = std::sqrt(lambda), loglam = std::log(lambda);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = curand_uniform_double(state) - 0.5;
    const double v = curand_uniform_double(state);
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr)
      return unsigned(k);
    if (k < 0 || (us < 0.013 && v > us))
      continue;
    if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
        -lambda + k * loglam - std::lgamma(k + 1))
      return unsigned(k);
  }
}
