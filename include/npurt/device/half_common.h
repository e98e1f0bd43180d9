// What __half and __nv_bfloat16 share: bit-exact conversions (round to nearest
// even), and one generator for CUDA's functions on a 16-bit float type and its
// pair type. The arithmetic is done in float and rounded once: float has more
// than twice the bits of either format plus two, so the result is the correctly
// rounded 16-bit result (fma goes through double for the same reason).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "npurt/device/atomics.h"
#include "npurt/device/intrinsics.h"
#include "npurt/device/math.h"
#include "npurt/device/vector_types.h"

namespace npu::detail {

inline std::uint32_t floatBits(float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}
inline float bitsFloat(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Rounds right-shifted `value` to nearest even.
inline std::uint32_t shiftRightRoundEven(std::uint32_t value, unsigned shift) {
  if (shift == 0)
    return value;
  if (shift > 31)
    return 0;
  const std::uint32_t kept = value >> shift;
  const std::uint32_t remainder = value & ((1u << shift) - 1u);
  const std::uint32_t halfway = 1u << (shift - 1);
  return kept + ((remainder > halfway || (remainder == halfway && (kept & 1u))) ? 1u : 0u);
}

inline std::uint16_t floatToHalfBits(float f) {
  const std::uint32_t x = floatBits(f);
  const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
  const std::uint32_t magnitude = x & 0x7fffffffu;
  if (magnitude > 0x7f800000u)
    return 0x7fffu; // NaN: CUDA's canonical half NaN
  const std::uint32_t exponent = magnitude >> 23;
  if (exponent > 142)
    return sign | 0x7c00u; // beyond the half range: infinity
  if (exponent < 113) {
    // Half subnormal (or zero): h * 2^-24 with h = m * 2^(exponent - 126).
    if (exponent < 102)
      return sign;
    const std::uint32_t mantissa = (magnitude & 0x7fffffu) | 0x800000u;
    return sign | static_cast<std::uint16_t>(shiftRightRoundEven(mantissa, 126 - exponent));
  }
  // Normal: re-bias the exponent, round the mantissa; a carry rolls into the
  // exponent (and up to infinity), which is the right result.
  const std::uint32_t rebased = ((exponent - 112) << 23) | (magnitude & 0x7fffffu);
  return sign | static_cast<std::uint16_t>(shiftRightRoundEven(rebased, 13));
}

inline float halfBitsToFloat(std::uint16_t h) {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
  const std::uint32_t exponent = (h >> 10) & 0x1fu;
  const std::uint32_t mantissa = h & 0x3ffu;
  if (exponent == 0) {
    const float value = static_cast<float>(mantissa) * 5.9604644775390625e-8f; // 2^-24, exact
    return sign != 0 ? -value : value;
  }
  if (exponent == 31)
    return bitsFloat(sign | 0x7f800000u | (mantissa << 13));
  return bitsFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

inline std::uint16_t floatToBfloat16Bits(float f) {
  const std::uint32_t x = floatBits(f);
  if ((x & 0x7fffffffu) > 0x7f800000u)
    return 0x7fffu; // canonical NaN
  return static_cast<std::uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}
inline float bfloat16BitsToFloat(std::uint16_t b) {
  return bitsFloat(static_cast<std::uint32_t>(b) << 16);
}

// double -> float rounding to odd: a later rounding to a 16-bit format is then
// the correctly rounded result of the double (no double-rounding error).
inline float doubleToFloatRoundToOdd(double d) {
  const float nearest = static_cast<float>(d);
  if (!std::isfinite(nearest) || static_cast<double>(nearest) == d)
    return nearest;
  // Truncate toward zero, then set the lowest bit as the sticky bit.
  const float truncated = std::fabs(static_cast<double>(nearest)) > std::fabs(d)
                              ? std::nextafter(nearest, 0.0f)
                              : nearest;
  return bitsFloat(floatBits(truncated) | 1u);
}

} // namespace npu::detail

// Generates CUDA's functions for a 16-bit float type H with pair type H2 (both
// with float conversions), given the H-from-float and float-from-H functions.
// CUDA overloads the same names (__hadd, __hmul2, hsqrt, ...) for both types.
#define NPU_HALF_FUNCTIONS(H, H2, fromFloat, toFloat)                                              \
  inline H __hadd(H a, H b) { return fromFloat(toFloat(a) + toFloat(b)); }                         \
  inline H __hsub(H a, H b) { return fromFloat(toFloat(a) - toFloat(b)); }                         \
  inline H __hmul(H a, H b) { return fromFloat(toFloat(a) * toFloat(b)); }                         \
  inline H __hdiv(H a, H b) { return fromFloat(toFloat(a) / toFloat(b)); }                         \
  inline H __hadd_rn(H a, H b) { return __hadd(a, b); }                                            \
  inline H __hsub_rn(H a, H b) { return __hsub(a, b); }                                            \
  inline H __hmul_rn(H a, H b) { return __hmul(a, b); }                                            \
  inline H __hfma(H a, H b, H c) {                                                                 \
    return fromFloat(::npu::detail::doubleToFloatRoundToOdd(                                       \
        static_cast<double>(toFloat(a)) * toFloat(b) + toFloat(c)));                               \
  }                                                                                                \
  inline H __hadd_sat(H a, H b) { return fromFloat(__saturatef(toFloat(__hadd(a, b)))); }          \
  inline H __hsub_sat(H a, H b) { return fromFloat(__saturatef(toFloat(__hsub(a, b)))); }          \
  inline H __hmul_sat(H a, H b) { return fromFloat(__saturatef(toFloat(__hmul(a, b)))); }          \
  inline H __hfma_sat(H a, H b, H c) { return fromFloat(__saturatef(toFloat(__hfma(a, b, c)))); }  \
  inline H __hneg(H a) { return fromFloat(-toFloat(a)); }                                          \
  inline H __habs(H a) { return fromFloat(std::fabs(toFloat(a))); }                                \
  inline H __hmax(H a, H b) { return fromFloat(std::fmax(toFloat(a), toFloat(b))); }               \
  inline H __hmin(H a, H b) { return fromFloat(std::fmin(toFloat(a), toFloat(b))); }               \
  inline H __hmax_nan(H a, H b) {                                                                  \
    return std::isnan(toFloat(a)) || std::isnan(toFloat(b)) ? fromFloat(NAN) : __hmax(a, b);       \
  }                                                                                                \
  inline H __hmin_nan(H a, H b) {                                                                  \
    return std::isnan(toFloat(a)) || std::isnan(toFloat(b)) ? fromFloat(NAN) : __hmin(a, b);       \
  }                                                                                                \
  inline bool __heq(H a, H b) { return toFloat(a) == toFloat(b); }                                 \
  inline bool __hne(H a, H b) { return toFloat(a) < toFloat(b) || toFloat(a) > toFloat(b); }       \
  inline bool __hlt(H a, H b) { return toFloat(a) < toFloat(b); }                                  \
  inline bool __hle(H a, H b) { return toFloat(a) <= toFloat(b); }                                 \
  inline bool __hgt(H a, H b) { return toFloat(a) > toFloat(b); }                                  \
  inline bool __hge(H a, H b) { return toFloat(a) >= toFloat(b); }                                 \
  inline bool __hequ(H a, H b) { return !(toFloat(a) < toFloat(b) || toFloat(a) > toFloat(b)); }   \
  inline bool __hneu(H a, H b) { return !(toFloat(a) == toFloat(b)); }                             \
  inline bool __hltu(H a, H b) { return !(toFloat(a) >= toFloat(b)); }                             \
  inline bool __hleu(H a, H b) { return !(toFloat(a) > toFloat(b)); }                              \
  inline bool __hgtu(H a, H b) { return !(toFloat(a) <= toFloat(b)); }                             \
  inline bool __hgeu(H a, H b) { return !(toFloat(a) < toFloat(b)); }                              \
  inline bool __hisnan(H a) { return std::isnan(toFloat(a)); }                                     \
  inline int __hisinf(H a) {                                                                       \
    const float f = toFloat(a);                                                                    \
    return std::isinf(f) ? (f < 0 ? -1 : 1) : 0;                                                   \
  }                                                                                                \
  inline H hsqrt(H a) { return fromFloat(std::sqrt(toFloat(a))); }                                 \
  inline H hrsqrt(H a) { return fromFloat(1.0f / std::sqrt(toFloat(a))); }                         \
  inline H hrcp(H a) { return fromFloat(1.0f / toFloat(a)); }                                      \
  inline H hexp(H a) { return fromFloat(std::exp(toFloat(a))); }                                   \
  inline H hexp2(H a) { return fromFloat(std::exp2(toFloat(a))); }                                 \
  inline H hexp10(H a) { return fromFloat(std::pow(10.0f, toFloat(a))); }                          \
  inline H hlog(H a) { return fromFloat(std::log(toFloat(a))); }                                   \
  inline H hlog2(H a) { return fromFloat(std::log2(toFloat(a))); }                                 \
  inline H hlog10(H a) { return fromFloat(std::log10(toFloat(a))); }                               \
  inline H hsin(H a) { return fromFloat(std::sin(toFloat(a))); }                                   \
  inline H hcos(H a) { return fromFloat(std::cos(toFloat(a))); }                                   \
  inline H htanh(H a) { return fromFloat(std::tanh(toFloat(a))); }                                 \
  inline H hceil(H a) { return fromFloat(std::ceil(toFloat(a))); }                                 \
  inline H hfloor(H a) { return fromFloat(std::floor(toFloat(a))); }                               \
  inline H htrunc(H a) { return fromFloat(std::trunc(toFloat(a))); }                               \
  inline H hrint(H a) { return fromFloat(std::nearbyint(toFloat(a))); }                            \
  inline H operator+(const H &a, const H &b) { return __hadd(a, b); }                              \
  inline H operator-(const H &a, const H &b) { return __hsub(a, b); }                              \
  inline H operator*(const H &a, const H &b) { return __hmul(a, b); }                              \
  inline H operator/(const H &a, const H &b) { return __hdiv(a, b); }                              \
  inline H &operator+=(H &a, const H &b) { return a = __hadd(a, b); }                              \
  inline H &operator-=(H &a, const H &b) { return a = __hsub(a, b); }                              \
  inline H &operator*=(H &a, const H &b) { return a = __hmul(a, b); }                              \
  inline H &operator/=(H &a, const H &b) { return a = __hdiv(a, b); }                              \
  inline H operator+(const H &a) { return a; }                                                     \
  inline H operator-(const H &a) { return __hneg(a); }                                             \
  inline bool operator==(const H &a, const H &b) { return __heq(a, b); }                           \
  inline bool operator!=(const H &a, const H &b) { return __hneu(a, b); }                          \
  inline bool operator<(const H &a, const H &b) { return __hlt(a, b); }                            \
  inline bool operator<=(const H &a, const H &b) { return __hle(a, b); }                           \
  inline bool operator>(const H &a, const H &b) { return __hgt(a, b); }                            \
  inline bool operator>=(const H &a, const H &b) { return __hge(a, b); }                           \
  /* Pairs: componentwise. */                                                                      \
  inline H2 __hadd2(H2 a, H2 b) { return H2(__hadd(a.x, b.x), __hadd(a.y, b.y)); }                 \
  inline H2 __hsub2(H2 a, H2 b) { return H2(__hsub(a.x, b.x), __hsub(a.y, b.y)); }                 \
  inline H2 __hmul2(H2 a, H2 b) { return H2(__hmul(a.x, b.x), __hmul(a.y, b.y)); }                 \
  inline H2 __h2div(H2 a, H2 b) { return H2(__hdiv(a.x, b.x), __hdiv(a.y, b.y)); }                 \
  inline H2 __hfma2(H2 a, H2 b, H2 c) { return H2(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)); } \
  inline H2 __hadd2_sat(H2 a, H2 b) { return H2(__hadd_sat(a.x, b.x), __hadd_sat(a.y, b.y)); }     \
  inline H2 __hmul2_sat(H2 a, H2 b) { return H2(__hmul_sat(a.x, b.x), __hmul_sat(a.y, b.y)); }     \
  inline H2 __hneg2(H2 a) { return H2(__hneg(a.x), __hneg(a.y)); }                                 \
  inline H2 __habs2(H2 a) { return H2(__habs(a.x), __habs(a.y)); }                                 \
  inline H2 __hmax2(H2 a, H2 b) { return H2(__hmax(a.x, b.x), __hmax(a.y, b.y)); }                 \
  inline H2 __hmin2(H2 a, H2 b) { return H2(__hmin(a.x, b.x), __hmin(a.y, b.y)); }                 \
  inline H2 h2sqrt(H2 a) { return H2(hsqrt(a.x), hsqrt(a.y)); }                                    \
  inline H2 h2exp(H2 a) { return H2(hexp(a.x), hexp(a.y)); }                                       \
  inline H2 h2log(H2 a) { return H2(hlog(a.x), hlog(a.y)); }                                       \
  inline H2 h2rcp(H2 a) { return H2(hrcp(a.x), hrcp(a.y)); }                                       \
  inline H2 h2floor(H2 a) { return H2(hfloor(a.x), hfloor(a.y)); }                                 \
  inline H2 h2ceil(H2 a) { return H2(hceil(a.x), hceil(a.y)); }                                    \
  inline H2 __heq2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__heq(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__heq(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hlt2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__hlt(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__hlt(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hgt2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__hgt(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__hgt(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hne2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__hne(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__hne(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hle2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__hle(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__hle(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hge2(H2 a, H2 b) {                                                                   \
    return H2(fromFloat(__hge(a.x, b.x) ? 1.0f : 0.0f), fromFloat(__hge(a.y, b.y) ? 1.0f : 0.0f)); \
  }                                                                                                \
  inline H2 __hisnan2(H2 a) {                                                                      \
    return H2(fromFloat(__hisnan(a.x) ? 1.0f : 0.0f), fromFloat(__hisnan(a.y) ? 1.0f : 0.0f));     \
  }                                                                                                \
  inline bool __hbne2(H2 a, H2 b) { return __hne(a.x, b.x) && __hne(a.y, b.y); }                   \
  inline bool __hble2(H2 a, H2 b) { return __hle(a.x, b.x) && __hle(a.y, b.y); }                   \
  inline bool __hbge2(H2 a, H2 b) { return __hge(a.x, b.x) && __hge(a.y, b.y); }                   \
  inline H2 h2rsqrt(H2 a) { return H2(hrsqrt(a.x), hrsqrt(a.y)); }                                 \
  inline H2 h2exp2(H2 a) { return H2(hexp2(a.x), hexp2(a.y)); }                                    \
  inline H2 h2exp10(H2 a) { return H2(hexp10(a.x), hexp10(a.y)); }                                 \
  inline H2 h2log2(H2 a) { return H2(hlog2(a.x), hlog2(a.y)); }                                    \
  inline H2 h2log10(H2 a) { return H2(hlog10(a.x), hlog10(a.y)); }                                 \
  inline H2 h2sin(H2 a) { return H2(hsin(a.x), hsin(a.y)); }                                       \
  inline H2 h2cos(H2 a) { return H2(hcos(a.x), hcos(a.y)); }                                       \
  inline H2 h2trunc(H2 a) { return H2(htrunc(a.x), htrunc(a.y)); }                                 \
  inline H2 h2rint(H2 a) { return H2(hrint(a.x), hrint(a.y)); }                                    \
  inline bool __hbeq2(H2 a, H2 b) { return __heq(a.x, b.x) && __heq(a.y, b.y); }                   \
  inline bool __hblt2(H2 a, H2 b) { return __hlt(a.x, b.x) && __hlt(a.y, b.y); }                   \
  inline bool __hbgt2(H2 a, H2 b) { return __hgt(a.x, b.x) && __hgt(a.y, b.y); }                   \
  inline H2 operator+(const H2 &a, const H2 &b) { return __hadd2(a, b); }                          \
  inline H2 operator-(const H2 &a, const H2 &b) { return __hsub2(a, b); }                          \
  inline H2 operator*(const H2 &a, const H2 &b) { return __hmul2(a, b); }                          \
  inline H2 operator/(const H2 &a, const H2 &b) { return __h2div(a, b); }                          \
  inline H2 &operator+=(H2 &a, const H2 &b) { return a = __hadd2(a, b); }                          \
  inline H2 &operator-=(H2 &a, const H2 &b) { return a = __hsub2(a, b); }                          \
  inline H2 &operator*=(H2 &a, const H2 &b) { return a = __hmul2(a, b); }                          \
  inline H2 &operator/=(H2 &a, const H2 &b) { return a = __h2div(a, b); }                          \
  inline H2 operator-(const H2 &a) { return __hneg2(a); }                                          \
  inline bool operator==(const H2 &a, const H2 &b) { return __hbeq2(a, b); }                       \
  inline bool operator!=(const H2 &a, const H2 &b) { return !__hbeq2(a, b); }                      \
  inline H atomicAdd(H *address, H value) {                                                        \
    return ::npu::detail::atomicUpdate(address, [value](H old) { return __hadd(old, value); });    \
  }                                                                                                \
  inline H2 atomicAdd(H2 *address, H2 value) {                                                     \
    return ::npu::detail::atomicUpdate(address, [value](H2 old) { return __hadd2(old, value); });  \
  }                                                                                                \
  inline H atomicAdd_block(H *address, H value) { return atomicAdd(address, value); }              \
  inline H2 atomicAdd_block(H2 *address, H2 value) { return atomicAdd(address, value); }           \
  inline H atomicAdd_system(H *address, H value) { return atomicAdd(address, value); }             \
  inline H2 atomicAdd_system(H2 *address, H2 value) { return atomicAdd(address, value); }
