// The CUDA math API in the global namespace, for float and double.
//
// Everything libm already has keeps libm's implementation (<cmath>/<math.h> put
// sqrtf, expf, sincosf, exp10f, ... in the global namespace with glibc). This
// header adds the names CUDA has and libm lacks, CUDA's global min/max
// overloads, and the fast-math intrinsics (__expf, __fdividef, ...), which on
// the host are the accurate functions: at least as precise as CUDA's.
#pragma once

#include <cmath>
#include <initializer_list>
#include <limits>
#include <math.h>
#include <type_traits>

// ---- Reciprocal roots and norms ----
inline float rsqrtf(float x) { return 1.0f / ::sqrtf(x); }
inline double rsqrt(double x) { return 1.0 / ::sqrt(x); }
inline float rcbrtf(float x) { return 1.0f / ::cbrtf(x); }
inline double rcbrt(double x) { return 1.0 / ::cbrt(x); }
inline float rhypotf(float x, float y) { return 1.0f / ::hypotf(x, y); }
inline double rhypot(double x, double y) { return 1.0 / ::hypot(x, y); }
inline double norm3d(double a, double b, double c) {
  return static_cast<double>(::hypotl(::hypotl(a, b), c));
}
inline float norm3df(float a, float b, float c) { return static_cast<float>(norm3d(a, b, c)); }
inline double rnorm3d(double a, double b, double c) { return 1.0 / norm3d(a, b, c); }
inline float rnorm3df(float a, float b, float c) { return 1.0f / norm3df(a, b, c); }
inline double norm4d(double a, double b, double c, double d) {
  return static_cast<double>(::hypotl(::hypotl(a, b), ::hypotl(c, d)));
}
inline float norm4df(float a, float b, float c, float d) {
  return static_cast<float>(norm4d(a, b, c, d));
}
inline double rnorm4d(double a, double b, double c, double d) { return 1.0 / norm4d(a, b, c, d); }
inline float rnorm4df(float a, float b, float c, float d) { return 1.0f / norm4df(a, b, c, d); }
inline double norm(int dim, const double *p) {
  long double sum = 0;
  for (int i = 0; i < dim; ++i)
    sum = ::hypotl(sum, p[i]);
  return static_cast<double>(sum);
}
inline float normf(int dim, const float *p) {
  long double sum = 0;
  for (int i = 0; i < dim; ++i)
    sum = ::hypotl(sum, p[i]);
  return static_cast<float>(sum);
}
inline double rnorm(int dim, const double *p) { return 1.0 / norm(dim, p); }
inline float rnormf(int dim, const float *p) { return 1.0f / normf(dim, p); }

// ---- Trigonometry of pi * x (exact reduction: sin(pi * x) at integers is 0) ----
namespace npu::detail {
template <class T> inline T sinPi(T x) {
  if (!std::isfinite(x))
    return std::numeric_limits<T>::quiet_NaN();
  const long double r = std::fmod(static_cast<long double>(x), 2.0L); // exact
  if (r == 0)
    return std::copysign(T(0), x);
  if (std::fabs(r) == 1.0L)
    return std::copysign(T(0), x); // sin(pi) = +-0
  return static_cast<T>(std::sin(3.141592653589793238462643383279502884L * r));
}
template <class T> inline T cosPi(T x) {
  if (!std::isfinite(x))
    return std::numeric_limits<T>::quiet_NaN();
  const long double r = std::fabs(std::fmod(static_cast<long double>(x), 2.0L));
  if (r == 0.5L || r == 1.5L)
    return T(0);
  return static_cast<T>(std::cos(3.141592653589793238462643383279502884L * r));
}
} // namespace npu::detail

inline float sinpif(float x) { return ::npu::detail::sinPi(x); }
inline double sinpi(double x) { return ::npu::detail::sinPi(x); }
inline float cospif(float x) { return ::npu::detail::cosPi(x); }
inline double cospi(double x) { return ::npu::detail::cosPi(x); }
inline void sincospif(float x, float *s, float *c) {
  *s = sinpif(x);
  *c = cospif(x);
}
inline void sincospi(double x, double *s, double *c) {
  *s = sinpi(x);
  *c = cospi(x);
}
#if !(defined(__GLIBC__) && defined(__USE_GNU))
inline float exp10f(float x) { return ::powf(10.0f, x); }
inline double exp10(double x) { return ::pow(10.0, x); }
inline void sincosf(float x, float *s, float *c) {
  *s = ::sinf(x);
  *c = ::cosf(x);
}
inline void sincos(double x, double *s, double *c) {
  *s = ::sin(x);
  *c = ::cos(x);
}
#endif

// ---- Inverse error functions and the normal distribution ----
namespace npu::detail {
constexpr double kTwoOverSqrtPi = 1.1283791670955125738961589031215452;
constexpr double kSqrt2 = 1.4142135623730950488016887242096981;

inline double erfInverse(double y) {
  if (std::isnan(y) || y < -1.0 || y > 1.0)
    return std::numeric_limits<double>::quiet_NaN();
  if (y == 1.0)
    return std::numeric_limits<double>::infinity();
  if (y == -1.0)
    return -std::numeric_limits<double>::infinity();
  if (y == 0.0)
    return y;
  // Giles' single-precision approximation, then Newton steps on erf.
  double w = -std::log((1.0 - y) * (1.0 + y)), x;
  if (w < 5.0) {
    w -= 2.5;
    double p = 2.81022636e-08;
    for (double c : {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                     -0.00417768164, 0.246640727, 1.50140941})
      p = c + p * w;
    x = p * y;
  } else {
    w = std::sqrt(w) - 3.0;
    double p = -0.000200214257;
    for (double c : {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                     0.00943887047, 1.00167406, 2.83297682})
      p = c + p * w;
    x = p * y;
  }
  for (int i = 0; i < 3; ++i) {
    const double slope = kTwoOverSqrtPi * std::exp(-x * x);
    if (slope == 0)
      break;
    x -= (std::erf(x) - y) / slope;
  }
  return x;
}

inline double erfcInverse(double y) {
  if (std::isnan(y) || y < 0.0 || y > 2.0)
    return std::numeric_limits<double>::quiet_NaN();
  if (y == 0.0)
    return std::numeric_limits<double>::infinity();
  if (y == 2.0)
    return -std::numeric_limits<double>::infinity();
  if (y > 1.0)
    return -erfcInverse(2.0 - y);
  if (y > 0.0625)
    return erfInverse(1.0 - y);
  // Tail: Newton on erfc itself, so tiny y keep their precision.
  double x = std::sqrt(-std::log(y));
  for (int i = 0; i < 60; ++i) {
    const double slope = -kTwoOverSqrtPi * std::exp(-x * x);
    if (slope == 0)
      break;
    const double step = (std::erfc(x) - y) / slope;
    x -= step;
    if (std::fabs(step) <= 1e-16 * x)
      break;
  }
  return x;
}
} // namespace npu::detail

inline double erfinv(double y) { return ::npu::detail::erfInverse(y); }
inline float erfinvf(float y) { return static_cast<float>(::npu::detail::erfInverse(y)); }
inline double erfcinv(double y) { return ::npu::detail::erfcInverse(y); }
inline float erfcinvf(float y) { return static_cast<float>(::npu::detail::erfcInverse(y)); }
inline double normcdf(double x) { return 0.5 * ::erfc(-x / ::npu::detail::kSqrt2); }
inline float normcdff(float x) { return static_cast<float>(normcdf(x)); }
inline double normcdfinv(double p) { return -::npu::detail::kSqrt2 * erfcinv(2.0 * p); }
inline float normcdfinvf(float p) { return static_cast<float>(normcdfinv(p)); }
inline double erfcx(double x) {
  if (x < 25.0)
    return static_cast<double>(::expl(static_cast<long double>(x) * x) * ::erfcl(x));
  // Asymptotic series: erfc(x) exp(x^2) ~ 1 / (x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4)).
  const double inverseSquare = 1.0 / (x * x);
  return 0.5641895835477562869 / x *
         (1.0 - 0.5 * inverseSquare * (1.0 - 1.5 * inverseSquare * (1.0 - 2.5 * inverseSquare)));
}
inline float erfcxf(float x) { return static_cast<float>(erfcx(x)); }
inline double cyl_bessel_i0(double x) { return std::cyl_bessel_i(0.0, std::fabs(x)); }
inline float cyl_bessel_i0f(float x) { return static_cast<float>(cyl_bessel_i0(x)); }
inline double cyl_bessel_i1(double x) {
  return std::copysign(std::cyl_bessel_i(1.0, std::fabs(x)), x);
}
inline float cyl_bessel_i1f(float x) { return static_cast<float>(cyl_bessel_i1(x)); }

// ---- Division and saturation ----
inline float fdividef(float a, float b) { return a / b; }
inline float __saturatef(float x) {
  return x >= 1.0f ? 1.0f : (x > 0.0f ? x : 0.0f); // NaN -> 0, as CUDA
}
inline float saturate(float x) { return __saturatef(x); }

// ---- CUDA's global min and max ----
// One template instead of CUDA's list of overloads: the usual arithmetic
// conversions give the result type CUDA's overloads give (min(int, unsigned) is
// unsigned, min(float, double) is double), and floating-point operands follow
// fmin/fmax (a NaN operand is ignored).
namespace npu::detail {
template <class A, class B>
using MinMaxResult = std::enable_if_t<std::is_arithmetic<A>::value && std::is_arithmetic<B>::value,
                                      std::common_type_t<decltype(+A()), decltype(+B())>>;
} // namespace npu::detail

template <class A, class B> inline ::npu::detail::MinMaxResult<A, B> min(A a, B b) {
  using R = ::npu::detail::MinMaxResult<A, B>;
  if constexpr (std::is_floating_point<R>::value) {
    return std::fmin(static_cast<R>(a), static_cast<R>(b));
  } else {
    return static_cast<R>(b) < static_cast<R>(a) ? static_cast<R>(b) : static_cast<R>(a);
  }
}
template <class A, class B> inline ::npu::detail::MinMaxResult<A, B> max(A a, B b) {
  using R = ::npu::detail::MinMaxResult<A, B>;
  if constexpr (std::is_floating_point<R>::value) {
    return std::fmax(static_cast<R>(a), static_cast<R>(b));
  } else {
    return static_cast<R>(a) < static_cast<R>(b) ? static_cast<R>(b) : static_cast<R>(a);
  }
}
inline unsigned umin(unsigned a, unsigned b) { return a < b ? a : b; }
inline unsigned umax(unsigned a, unsigned b) { return a < b ? b : a; }
inline long long llmin(long long a, long long b) { return a < b ? a : b; }
inline long long llmax(long long a, long long b) { return a < b ? b : a; }
inline unsigned long long ullmin(unsigned long long a, unsigned long long b) {
  return a < b ? a : b;
}
inline unsigned long long ullmax(unsigned long long a, unsigned long long b) {
  return a < b ? b : a;
}

// ---- Fast-math intrinsics: the accurate functions on the host ----
inline float __expf(float x) { return ::expf(x); }
inline float __exp10f(float x) { return ::powf(10.0f, x); }
inline float __logf(float x) { return ::logf(x); }
inline float __log2f(float x) { return ::log2f(x); }
inline float __log10f(float x) { return ::log10f(x); }
inline float __powf(float x, float y) { return ::powf(x, y); }
inline float __sinf(float x) { return ::sinf(x); }
inline float __cosf(float x) { return ::cosf(x); }
inline float __tanf(float x) { return ::tanf(x); }
inline void __sincosf(float x, float *s, float *c) {
  *s = ::sinf(x);
  *c = ::cosf(x);
}
inline float __fdividef(float a, float b) { return a / b; }

// ---- Arithmetic with an explicit rounding mode ----
// The result rounded to nearest plus the sign of its exact error (from an
// error-free transformation: TwoSum, or an fma residual) decides the neighbour
// that the directed modes pick, without touching the floating-point environment.
namespace npu::detail {
enum class Rounding { Nearest, TowardZero, Up, Down };

template <class T> inline T roundDirected(T nearest, T errorSign, Rounding mode) {
  // errorSign: > 0 if the exact result is above `nearest`, < 0 below, 0 exact.
  if (errorSign == 0 || std::isnan(errorSign) || !std::isfinite(nearest) ||
      mode == Rounding::Nearest)
    return nearest;
  const T inf = std::numeric_limits<T>::infinity();
  switch (mode) {
  case Rounding::Up:
    return errorSign > 0 ? std::nextafter(nearest, inf) : nearest;
  case Rounding::Down:
    return errorSign < 0 ? std::nextafter(nearest, -inf) : nearest;
  case Rounding::TowardZero:
    if (nearest > 0 && errorSign < 0)
      return std::nextafter(nearest, T(0));
    if (nearest < 0 && errorSign > 0)
      return std::nextafter(nearest, T(0));
    if (nearest == 0)
      return nearest;
    return nearest;
  default:
    return nearest;
  }
}
template <class T> inline T addRounded(T a, T b, Rounding mode) {
  const T sum = a + b;
  if (mode == Rounding::Nearest || !std::isfinite(sum))
    return sum;
  const T bVirtual = sum - a;
  const T error = (a - (sum - bVirtual)) + (b - bVirtual);
  return roundDirected(sum, error, mode);
}
template <class T> inline T mulRounded(T a, T b, Rounding mode) {
  const T product = a * b;
  if (mode == Rounding::Nearest || !std::isfinite(product))
    return product;
  return roundDirected(product, std::fma(a, b, -product), mode);
}
template <class T> inline T divRounded(T a, T b, Rounding mode) {
  const T quotient = a / b;
  if (mode == Rounding::Nearest || !std::isfinite(quotient) || b == 0)
    return quotient;
  const T remainder = std::fma(-quotient, b, a); // exact
  return roundDirected(quotient, b > 0 ? remainder : -remainder, mode);
}
template <class T> inline T sqrtRounded(T a, Rounding mode) {
  const T root = std::sqrt(a);
  if (mode == Rounding::Nearest || !std::isfinite(root) || root == 0)
    return root;
  return roundDirected(root, std::fma(-root, root, a), mode);
}
} // namespace npu::detail

#define NPU_ROUNDED_FAMILY(suffix, mode)                                                           \
  inline float __fadd_##suffix(float a, float b) {                                                 \
    return ::npu::detail::addRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline float __fsub_##suffix(float a, float b) {                                                 \
    return ::npu::detail::addRounded(a, -b, ::npu::detail::Rounding::mode);                        \
  }                                                                                                \
  inline float __fmul_##suffix(float a, float b) {                                                 \
    return ::npu::detail::mulRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline float __fdiv_##suffix(float a, float b) {                                                 \
    return ::npu::detail::divRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline float __frcp_##suffix(float a) {                                                          \
    return ::npu::detail::divRounded(1.0f, a, ::npu::detail::Rounding::mode);                      \
  }                                                                                                \
  inline float __fsqrt_##suffix(float a) {                                                         \
    return ::npu::detail::sqrtRounded(a, ::npu::detail::Rounding::mode);                           \
  }                                                                                                \
  inline double __dadd_##suffix(double a, double b) {                                              \
    return ::npu::detail::addRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline double __dsub_##suffix(double a, double b) {                                              \
    return ::npu::detail::addRounded(a, -b, ::npu::detail::Rounding::mode);                        \
  }                                                                                                \
  inline double __dmul_##suffix(double a, double b) {                                              \
    return ::npu::detail::mulRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline double __ddiv_##suffix(double a, double b) {                                              \
    return ::npu::detail::divRounded(a, b, ::npu::detail::Rounding::mode);                         \
  }                                                                                                \
  inline double __drcp_##suffix(double a) {                                                        \
    return ::npu::detail::divRounded(1.0, a, ::npu::detail::Rounding::mode);                       \
  }                                                                                                \
  inline double __dsqrt_##suffix(double a) {                                                       \
    return ::npu::detail::sqrtRounded(a, ::npu::detail::Rounding::mode);                           \
  }

NPU_ROUNDED_FAMILY(rn, Nearest)
NPU_ROUNDED_FAMILY(rz, TowardZero)
NPU_ROUNDED_FAMILY(ru, Up)
NPU_ROUNDED_FAMILY(rd, Down)
#undef NPU_ROUNDED_FAMILY

inline float __fmaf_rn(float a, float b, float c) { return ::fmaf(a, b, c); }
inline double __fma_rn(double a, double b, double c) { return ::fma(a, b, c); }
inline float __frsqrt_rn(float a) {
  return static_cast<float>(1.0 / ::sqrt(static_cast<double>(a)));
}
