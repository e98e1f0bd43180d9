// __nv_bfloat16 and __nv_bfloat162 (cuda_bf16.h): bfloat16 stored as its 16
// bits (the high half of a float). Conversions round to nearest even; NaN
// becomes the canonical 0x7fff; arithmetic as for __half (half_common.h).
#pragma once

#include "npurt/device/half_common.h"

struct __nv_bfloat16_raw {
  unsigned short x;
};
struct __nv_bfloat162_raw {
  unsigned short x, y;
};

struct __nv_bfloat16 {
  unsigned short __x;

  __nv_bfloat16() = default;
  constexpr __nv_bfloat16(const __nv_bfloat16_raw &raw) : __x(raw.x) {}
  __nv_bfloat16(float f) : __x(::npu::detail::floatToBfloat16Bits(f)) {}
  __nv_bfloat16(double d)
      : __x(::npu::detail::floatToBfloat16Bits(::npu::detail::doubleToFloatRoundToOdd(d))) {}
  __nv_bfloat16(int i) : __nv_bfloat16(static_cast<double>(i)) {}
  __nv_bfloat16(unsigned i) : __nv_bfloat16(static_cast<double>(i)) {}
  __nv_bfloat16(short i) : __nv_bfloat16(static_cast<float>(i)) {}
  __nv_bfloat16(unsigned short i) : __nv_bfloat16(static_cast<float>(i)) {}
  __nv_bfloat16(long long i) : __nv_bfloat16(static_cast<double>(i)) {}
  __nv_bfloat16(unsigned long long i) : __nv_bfloat16(static_cast<double>(i)) {}
  __nv_bfloat16 &operator=(const __nv_bfloat16_raw &raw) {
    __x = raw.x;
    return *this;
  }
  operator float() const { return ::npu::detail::bfloat16BitsToFloat(__x); }
  operator __nv_bfloat16_raw() const { return __nv_bfloat16_raw{__x}; }
};

struct __attribute__((aligned(4))) __nv_bfloat162 {
  __nv_bfloat16 x, y;

  __nv_bfloat162() = default;
  constexpr __nv_bfloat162(const __nv_bfloat16 &a, const __nv_bfloat16 &b) : x(a), y(b) {}
  __nv_bfloat162(const __nv_bfloat162_raw &raw)
      : x(__nv_bfloat16_raw{raw.x}), y(__nv_bfloat16_raw{raw.y}) {}
  operator __nv_bfloat162_raw() const { return __nv_bfloat162_raw{x.__x, y.__x}; }
};

typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

inline __nv_bfloat16 __float2bfloat16(float f) { return __nv_bfloat16(f); }
inline __nv_bfloat16 __float2bfloat16_rn(float f) { return __nv_bfloat16(f); }
inline __nv_bfloat16 __float2bfloat16_rz(float f) {
  return __nv_bfloat16_raw{
      static_cast<unsigned short>(std::isnan(f) ? 0x7fffu : ::npu::detail::floatBits(f) >> 16)};
}
inline float __bfloat162float(__nv_bfloat16 b) { return ::npu::detail::bfloat16BitsToFloat(b.__x); }
inline __nv_bfloat16 __double2bfloat16(double d) { return __nv_bfloat16(d); }
inline __nv_bfloat162 __float2bfloat162_rn(float f) {
  return __nv_bfloat162(__nv_bfloat16(f), __nv_bfloat16(f));
}
inline __nv_bfloat162 __floats2bfloat162_rn(float a, float b) {
  return __nv_bfloat162(__nv_bfloat16(a), __nv_bfloat16(b));
}
inline __nv_bfloat162 __float22bfloat162_rn(float2 f) {
  return __nv_bfloat162(__nv_bfloat16(f.x), __nv_bfloat16(f.y));
}
inline float2 __bfloat1622float2(__nv_bfloat162 b) {
  return float2{__bfloat162float(b.x), __bfloat162float(b.y)};
}
inline __nv_bfloat16 __low2bfloat16(__nv_bfloat162 b) { return b.x; }
inline __nv_bfloat16 __high2bfloat16(__nv_bfloat162 b) { return b.y; }
inline float __low2float(__nv_bfloat162 b) { return __bfloat162float(b.x); }
inline float __high2float(__nv_bfloat162 b) { return __bfloat162float(b.y); }
inline __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 low, __nv_bfloat16 high) {
  return __nv_bfloat162(low, high);
}
inline __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 b) { return __nv_bfloat162(b, b); }
inline __nv_bfloat162 __lowhigh2highlow(__nv_bfloat162 b) { return __nv_bfloat162(b.y, b.x); }
inline short __bfloat16_as_short(__nv_bfloat16 b) { return static_cast<short>(b.__x); }
inline unsigned short __bfloat16_as_ushort(__nv_bfloat16 b) { return b.__x; }
inline __nv_bfloat16 __short_as_bfloat16(short s) {
  return __nv_bfloat16_raw{static_cast<unsigned short>(s)};
}
inline __nv_bfloat16 __ushort_as_bfloat16(unsigned short s) { return __nv_bfloat16_raw{s}; }
inline int __bfloat162int_rn(__nv_bfloat16 b) { return __float2int_rn(__bfloat162float(b)); }
inline int __bfloat162int_rz(__nv_bfloat16 b) { return __float2int_rz(__bfloat162float(b)); }
inline __nv_bfloat16 __int2bfloat16_rn(int i) { return __nv_bfloat16(i); }

NPU_HALF_FUNCTIONS(__nv_bfloat16, __nv_bfloat162, __float2bfloat16, __bfloat162float)
