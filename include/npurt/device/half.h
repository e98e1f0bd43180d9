// __half and __half2 (cuda_fp16.h): IEEE binary16 stored as its 16 bits.
// Conversions round to nearest even (subnormals, infinities and NaN included);
// arithmetic is computed in float and rounded once (see half_common.h).
#pragma once

#include <cstdint>

#include "npurt/device/half_common.h"

struct __half_raw {
  unsigned short x;
};
struct __half2_raw {
  unsigned short x, y;
};

struct __half {
  unsigned short __x;

  __half() = default;
  constexpr __half(const __half_raw &raw) : __x(raw.x) {}
  __half(float f) : __x(::npu::detail::floatToHalfBits(f)) {}
  __half(double d)
      : __x(::npu::detail::floatToHalfBits(::npu::detail::doubleToFloatRoundToOdd(d))) {}
  __half(int i) : __half(static_cast<double>(i)) {}
  __half(unsigned i) : __half(static_cast<double>(i)) {}
  __half(short i) : __half(static_cast<float>(i)) {}
  __half(unsigned short i) : __half(static_cast<float>(i)) {}
  __half(long long i) : __half(static_cast<double>(i)) {}
  __half(unsigned long long i) : __half(static_cast<double>(i)) {}
  __half &operator=(const __half_raw &raw) {
    __x = raw.x;
    return *this;
  }
  operator float() const { return ::npu::detail::halfBitsToFloat(__x); }
  operator __half_raw() const { return __half_raw{__x}; }
};

struct __attribute__((aligned(4))) __half2 {
  __half x, y;

  __half2() = default;
  constexpr __half2(const __half &a, const __half &b) : x(a), y(b) {}
  __half2(const __half2_raw &raw) : x(__half_raw{raw.x}), y(__half_raw{raw.y}) {}
  operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
};

typedef __half half;
typedef __half2 half2;

inline __half __float2half(float f) { return __half(f); }
inline __half __float2half_rn(float f) { return __half(f); }
inline float __half2float(__half h) { return ::npu::detail::halfBitsToFloat(h.__x); }
inline __half __double2half(double d) { return __half(d); }
inline __half2 __float2half2_rn(float f) { return __half2(__half(f), __half(f)); }
inline __half2 __floats2half2_rn(float a, float b) { return __half2(__half(a), __half(b)); }
inline __half2 __float22half2_rn(float2 f) { return __half2(__half(f.x), __half(f.y)); }
inline float2 __half22float2(__half2 h) { return float2{__half2float(h.x), __half2float(h.y)}; }
inline __half __low2half(__half2 h) { return h.x; }
inline __half __high2half(__half2 h) { return h.y; }
inline float __low2float(__half2 h) { return __half2float(h.x); }
inline float __high2float(__half2 h) { return __half2float(h.y); }
inline __half2 __halves2half2(__half low, __half high) { return __half2(low, high); }
inline __half2 __half2half2(__half h) { return __half2(h, h); }
inline __half2 __lowhigh2highlow(__half2 h) { return __half2(h.y, h.x); }
inline __half2 __low2half2(__half2 h) { return __half2(h.x, h.x); }
inline __half2 __high2half2(__half2 h) { return __half2(h.y, h.y); }
inline __half2 __lows2half2(__half2 a, __half2 b) { return __half2(a.x, b.x); }
inline __half2 __highs2half2(__half2 a, __half2 b) { return __half2(a.y, b.y); }
inline short __half_as_short(__half h) { return static_cast<short>(h.__x); }
inline unsigned short __half_as_ushort(__half h) { return h.__x; }
inline __half __short_as_half(short s) { return __half_raw{static_cast<unsigned short>(s)}; }
inline __half __ushort_as_half(unsigned short s) { return __half_raw{s}; }
inline int __half2int_rn(__half h) { return __float2int_rn(__half2float(h)); }
inline int __half2int_rz(__half h) { return __float2int_rz(__half2float(h)); }
inline int __half2int_rd(__half h) { return __float2int_rd(__half2float(h)); }
inline int __half2int_ru(__half h) { return __float2int_ru(__half2float(h)); }
inline unsigned __half2uint_rn(__half h) { return __float2uint_rn(__half2float(h)); }
inline unsigned __half2uint_rz(__half h) { return __float2uint_rz(__half2float(h)); }
inline short __half2short_rn(__half h) {
  return static_cast<short>(
      ::npu::detail::toInteger<short>(__half2float(h), ::npu::detail::Rounding::Nearest));
}
inline short __half2short_rz(__half h) {
  return static_cast<short>(
      ::npu::detail::toInteger<short>(__half2float(h), ::npu::detail::Rounding::TowardZero));
}
inline long long __half2ll_rn(__half h) { return __float2ll_rn(__half2float(h)); }
inline long long __half2ll_rz(__half h) { return __float2ll_rz(__half2float(h)); }
inline __half __int2half_rn(int i) { return __half(i); }
inline __half __uint2half_rn(unsigned i) { return __half(i); }
inline __half __short2half_rn(short i) { return __half(i); }
inline __half __ushort2half_rn(unsigned short i) { return __half(i); }
inline __half __ll2half_rn(long long i) { return __half(i); }
inline __half __ull2half_rn(unsigned long long i) { return __half(i); }

NPU_HALF_FUNCTIONS(__half, __half2, __float2half, __half2float)
