// CUDA's integer and bit intrinsics, type conversions with explicit rounding,
// reinterpretations, cache-hinted loads and stores, clocks and __trap.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "npurt/device/math.h"

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#else
#include <chrono>
#endif
#include <time.h>

// ---- Bits ----
inline int __popc(unsigned x) { return __builtin_popcount(x); }
inline int __popcll(unsigned long long x) { return __builtin_popcountll(x); }
inline int __clz(int x) { return x == 0 ? 32 : __builtin_clz(static_cast<unsigned>(x)); }
inline int __clzll(long long x) {
  return x == 0 ? 64 : __builtin_clzll(static_cast<unsigned long long>(x));
}
inline int __ffs(int x) { return __builtin_ffs(x); }
inline int __ffsll(long long x) { return __builtin_ffsll(x); }
inline unsigned __brev(unsigned x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  return __builtin_bswap32(x);
}
inline unsigned long long __brevll(unsigned long long x) {
  return (static_cast<unsigned long long>(__brev(static_cast<unsigned>(x))) << 32) |
         __brev(static_cast<unsigned>(x >> 32));
}
// Byte i of the result is byte (s >> 4i) & 7 of the 8-byte value {y, x}.
inline unsigned __byte_perm(unsigned x, unsigned y, unsigned s) {
  const unsigned long long bytes = (static_cast<unsigned long long>(y) << 32) | x;
  unsigned result = 0;
  for (int i = 0; i < 4; ++i) {
    const unsigned selector = (s >> (4 * i)) & 7u;
    result |= static_cast<unsigned>((bytes >> (8 * selector)) & 0xffu) << (8 * i);
  }
  return result;
}
inline unsigned __funnelshift_l(unsigned lo, unsigned hi, unsigned shift) {
  const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
  return static_cast<unsigned>((both << (shift & 31u)) >> 32);
}
inline unsigned __funnelshift_lc(unsigned lo, unsigned hi, unsigned shift) {
  const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
  return static_cast<unsigned>((both << (shift < 32u ? shift : 32u)) >> 32);
}
inline unsigned __funnelshift_r(unsigned lo, unsigned hi, unsigned shift) {
  const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
  return static_cast<unsigned>(both >> (shift & 31u));
}
inline unsigned __funnelshift_rc(unsigned lo, unsigned hi, unsigned shift) {
  const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
  return static_cast<unsigned>(both >> (shift < 32u ? shift : 32u));
}

// ---- Integer arithmetic ----
inline int __mul24(int x, int y) {
  // The low 24 bits of each operand, sign-extended, and the low 32 bits of the product.
  const auto x24 = static_cast<int>(static_cast<unsigned>(x) << 8) >> 8;
  const auto y24 = static_cast<int>(static_cast<unsigned>(y) << 8) >> 8;
  return static_cast<int>(static_cast<long long>(x24) * y24);
}
inline unsigned __umul24(unsigned x, unsigned y) { return (x & 0xffffffu) * (y & 0xffffffu); }
inline int __mulhi(int x, int y) { return static_cast<int>((static_cast<long long>(x) * y) >> 32); }
inline unsigned __umulhi(unsigned x, unsigned y) {
  return static_cast<unsigned>((static_cast<unsigned long long>(x) * y) >> 32);
}
inline long long __mul64hi(long long x, long long y) {
  return static_cast<long long>((static_cast<__int128>(x) * y) >> 64);
}
inline unsigned long long __umul64hi(unsigned long long x, unsigned long long y) {
  return static_cast<unsigned long long>((static_cast<unsigned __int128>(x) * y) >> 64);
}
inline unsigned __sad(int x, int y, unsigned z) {
  return z + static_cast<unsigned>(x > y ? static_cast<long long>(x) - y
                                         : static_cast<long long>(y) - x);
}
inline unsigned __usad(unsigned x, unsigned y, unsigned z) { return z + (x > y ? x - y : y - x); }
inline int __hadd(int x, int y) { return static_cast<int>((static_cast<long long>(x) + y) >> 1); }
inline int __rhadd(int x, int y) {
  return static_cast<int>((static_cast<long long>(x) + y + 1) >> 1);
}
inline unsigned __uhadd(unsigned x, unsigned y) {
  return static_cast<unsigned>((static_cast<unsigned long long>(x) + y) >> 1);
}
inline unsigned __urhadd(unsigned x, unsigned y) {
  return static_cast<unsigned>((static_cast<unsigned long long>(x) + y + 1) >> 1);
}
inline int __dp4a(int a, int b, int c) {
  int sum = c;
  for (int i = 0; i < 4; ++i)
    sum += static_cast<signed char>(a >> (8 * i)) * static_cast<signed char>(b >> (8 * i));
  return sum;
}
inline unsigned __dp4a(unsigned a, unsigned b, unsigned c) {
  unsigned sum = c;
  for (int i = 0; i < 4; ++i)
    sum += ((a >> (8 * i)) & 0xffu) * ((b >> (8 * i)) & 0xffu);
  return sum;
}

// ---- Reinterpretation ----
namespace npu::detail {
template <class To, class From> inline To bitCast(const From &from) {
  static_assert(sizeof(To) == sizeof(From), "bitCast needs equal sizes");
  To to;
  std::memcpy(&to, &from, sizeof(To));
  return to;
}
} // namespace npu::detail

inline int __float_as_int(float x) { return ::npu::detail::bitCast<int>(x); }
inline unsigned __float_as_uint(float x) { return ::npu::detail::bitCast<unsigned>(x); }
inline float __int_as_float(int x) { return ::npu::detail::bitCast<float>(x); }
inline float __uint_as_float(unsigned x) { return ::npu::detail::bitCast<float>(x); }
inline long long __double_as_longlong(double x) { return ::npu::detail::bitCast<long long>(x); }
inline double __longlong_as_double(long long x) { return ::npu::detail::bitCast<double>(x); }
inline int __double2hiint(double x) { return static_cast<int>(__double_as_longlong(x) >> 32); }
inline int __double2loint(double x) {
  return static_cast<int>(static_cast<unsigned>(__double_as_longlong(x)));
}
inline double __hiloint2double(int hi, int lo) {
  return __longlong_as_double(
      static_cast<long long>((static_cast<unsigned long long>(static_cast<unsigned>(hi)) << 32) |
                             static_cast<unsigned>(lo)));
}

// ---- Conversions with a rounding mode ----
// Floating point to integer saturates to the integer's range; NaN gives 0, as
// PTX's cvt does.
namespace npu::detail {
template <class I, class F> inline I toIntegerSaturated(F value) {
  if (std::isnan(value))
    return 0;
  const long double v = value;
  if (v <= static_cast<long double>(std::numeric_limits<I>::min()))
    return std::numeric_limits<I>::min();
  if (v >= static_cast<long double>(std::numeric_limits<I>::max()))
    return std::numeric_limits<I>::max();
  return static_cast<I>(v);
}
template <class I, class F> inline I toInteger(F value, Rounding mode) {
  switch (mode) {
  case Rounding::Nearest:
    return toIntegerSaturated<I>(std::nearbyint(value));
  case Rounding::TowardZero:
    return toIntegerSaturated<I>(std::trunc(value));
  case Rounding::Up:
    return toIntegerSaturated<I>(std::ceil(value));
  case Rounding::Down:
    return toIntegerSaturated<I>(std::floor(value));
  }
  return 0;
}
// Integer (or double) to a narrower floating type: round to nearest, then step
// to the neighbour the directed mode asks for using the exact difference.
template <class F, class Source> inline F toFloating(Source value, Rounding mode) {
  const F nearest = static_cast<F>(value);
  if (mode == Rounding::Nearest || !std::isfinite(nearest))
    return nearest;
  const long double difference =
      static_cast<long double>(value) - static_cast<long double>(nearest);
  const F sign = difference > 0 ? F(1) : (difference < 0 ? F(-1) : F(0));
  return roundDirected(nearest, sign, mode);
}
} // namespace npu::detail

#define NPU_TO_INTEGER(name, I, F, mode)                                                           \
  inline I name(F x) { return ::npu::detail::toInteger<I>(x, ::npu::detail::Rounding::mode); }
#define NPU_TO_FLOATING(name, F, S, mode)                                                          \
  inline F name(S x) { return ::npu::detail::toFloating<F>(x, ::npu::detail::Rounding::mode); }
#define NPU_CONVERSIONS(suffix, mode)                                                              \
  NPU_TO_INTEGER(__float2int_##suffix, int, float, mode)                                           \
  NPU_TO_INTEGER(__float2uint_##suffix, unsigned, float, mode)                                     \
  NPU_TO_INTEGER(__float2ll_##suffix, long long, float, mode)                                      \
  NPU_TO_INTEGER(__float2ull_##suffix, unsigned long long, float, mode)                            \
  NPU_TO_INTEGER(__double2int_##suffix, int, double, mode)                                         \
  NPU_TO_INTEGER(__double2uint_##suffix, unsigned, double, mode)                                   \
  NPU_TO_INTEGER(__double2ll_##suffix, long long, double, mode)                                    \
  NPU_TO_INTEGER(__double2ull_##suffix, unsigned long long, double, mode)                          \
  NPU_TO_FLOATING(__int2float_##suffix, float, int, mode)                                          \
  NPU_TO_FLOATING(__uint2float_##suffix, float, unsigned, mode)                                    \
  NPU_TO_FLOATING(__ll2float_##suffix, float, long long, mode)                                     \
  NPU_TO_FLOATING(__ull2float_##suffix, float, unsigned long long, mode)                           \
  NPU_TO_FLOATING(__ll2double_##suffix, double, long long, mode)                                   \
  NPU_TO_FLOATING(__ull2double_##suffix, double, unsigned long long, mode)                         \
  NPU_TO_FLOATING(__double2float_##suffix, float, double, mode)
NPU_CONVERSIONS(rn, Nearest)
NPU_CONVERSIONS(rz, TowardZero)
NPU_CONVERSIONS(ru, Up)
NPU_CONVERSIONS(rd, Down)
#undef NPU_CONVERSIONS
#undef NPU_TO_FLOATING
#undef NPU_TO_INTEGER
inline double __int2double_rn(int x) { return x; }
inline double __uint2double_rn(unsigned x) { return x; }
inline int __float2int(float x) { return __float2int_rz(x); } // pre-CUDA-3 spelling
inline float __int2float(int x) { return __int2float_rn(x); }

// ---- Cache-hinted loads and stores: plain accesses on the host ----
template <class T> inline T __ldg(const T *p) { return *p; }
template <class T> inline T __ldcg(const T *p) { return *p; }
template <class T> inline T __ldca(const T *p) { return *p; }
template <class T> inline T __ldcs(const T *p) { return *p; }
template <class T> inline T __ldlu(const T *p) { return *p; }
template <class T> inline T __ldcv(const T *p) { return *p; }
template <class T> inline void __stcg(T *p, T value) { *p = value; }
template <class T> inline void __stcs(T *p, T value) { *p = value; }
template <class T> inline void __stwb(T *p, T value) { *p = value; }
template <class T> inline void __stwt(T *p, T value) { *p = value; }

// ---- Clocks and pauses ----
// clock64(): a per-core cycle counter (the TSC on x86). CUDA's device `clock()`
// is NOT redefined: libc's `clock_t clock(void)` has the same signature in the
// global namespace, so kernels calling clock() get process CPU time, which is
// still monotonic for measuring differences.
inline long long clock64() {
#if defined(__x86_64__) || defined(__i386__)
  return static_cast<long long>(__rdtsc());
#else
  return static_cast<long long>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}
inline void __nanosleep(unsigned nanoseconds) {
  if (nanoseconds == 0)
    return;
  const timespec duration{0,
                          static_cast<long>(nanoseconds > 999999999u ? 999999999u : nanoseconds)};
  nanosleep(&duration, nullptr);
}
inline unsigned long long __globaltimer() {
  timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<unsigned long long>(now.tv_sec) * 1000000000ull +
         static_cast<unsigned long long>(now.tv_nsec);
}
inline void __brkpt() {}
inline void __prof_trigger(int) {}
