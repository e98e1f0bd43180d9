// cu2npu CUDA declaration shim: device-side math declarations (CUDA Math API).
// C names (sqrtf, sqrt) get __device__ overloads next to the C library ones; the C++ overloads
// (sqrt(float), std::sqrt) come from clang's __clang_cuda_math_forward_declares.h.
// The host's <math.h> and <cmath> come first, as nvcc's cuda_runtime.h includes them: host code
// calls ceil(float), std::sqrt, fminf, ... without including anything, and a __host__ __device__
// function finds the host overloads beside the device ones.
#pragma once
#include "cu2npu/host_defines.h"
#include <math.h>
#include <stdlib.h>
#ifdef __cplusplus
#include <cmath>
#include <cstdlib>
#endif
#include <__clang_cuda_math_forward_declares.h>

#define CU2NPU_D extern "C" __device__

CU2NPU_D double acos(double);
CU2NPU_D float acosf(float);
CU2NPU_D double acosh(double);
CU2NPU_D float acoshf(float);
CU2NPU_D double asin(double);
CU2NPU_D float asinf(float);
CU2NPU_D double asinh(double);
CU2NPU_D float asinhf(float);
CU2NPU_D double atan(double);
CU2NPU_D float atanf(float);
CU2NPU_D double atanh(double);
CU2NPU_D float atanhf(float);
CU2NPU_D double cbrt(double);
CU2NPU_D float cbrtf(float);
CU2NPU_D double ceil(double);
CU2NPU_D float ceilf(float);
CU2NPU_D double cos(double);
CU2NPU_D float cosf(float);
CU2NPU_D double cosh(double);
CU2NPU_D float coshf(float);
CU2NPU_D double cospi(double);
CU2NPU_D float cospif(float);
CU2NPU_D double cyl_bessel_i0(double);
CU2NPU_D float cyl_bessel_i0f(float);
CU2NPU_D double cyl_bessel_i1(double);
CU2NPU_D float cyl_bessel_i1f(float);
CU2NPU_D double erf(double);
CU2NPU_D float erff(float);
CU2NPU_D double erfc(double);
CU2NPU_D float erfcf(float);
CU2NPU_D double erfcinv(double);
CU2NPU_D float erfcinvf(float);
CU2NPU_D double erfcx(double);
CU2NPU_D float erfcxf(float);
CU2NPU_D double erfinv(double);
CU2NPU_D float erfinvf(float);
CU2NPU_D double exp(double);
CU2NPU_D float expf(float);
CU2NPU_D double exp10(double);
CU2NPU_D float exp10f(float);
CU2NPU_D double exp2(double);
CU2NPU_D float exp2f(float);
CU2NPU_D double expm1(double);
CU2NPU_D float expm1f(float);
CU2NPU_D double fabs(double);
CU2NPU_D float fabsf(float);
CU2NPU_D double floor(double);
CU2NPU_D float floorf(float);
CU2NPU_D double j0(double);
CU2NPU_D float j0f(float);
CU2NPU_D double j1(double);
CU2NPU_D float j1f(float);
CU2NPU_D double lgamma(double);
CU2NPU_D float lgammaf(float);
CU2NPU_D double log(double);
CU2NPU_D float logf(float);
CU2NPU_D double log10(double);
CU2NPU_D float log10f(float);
CU2NPU_D double log1p(double);
CU2NPU_D float log1pf(float);
CU2NPU_D double log2(double);
CU2NPU_D float log2f(float);
CU2NPU_D double logb(double);
CU2NPU_D float logbf(float);
CU2NPU_D double nearbyint(double);
CU2NPU_D float nearbyintf(float);
CU2NPU_D double normcdf(double);
CU2NPU_D float normcdff(float);
CU2NPU_D double normcdfinv(double);
CU2NPU_D float normcdfinvf(float);
CU2NPU_D double rcbrt(double);
CU2NPU_D float rcbrtf(float);
CU2NPU_D double rint(double);
CU2NPU_D float rintf(float);
CU2NPU_D double round(double);
CU2NPU_D float roundf(float);
CU2NPU_D double rsqrt(double);
CU2NPU_D float rsqrtf(float);
CU2NPU_D double sin(double);
CU2NPU_D float sinf(float);
CU2NPU_D double sinh(double);
CU2NPU_D float sinhf(float);
CU2NPU_D double sinpi(double);
CU2NPU_D float sinpif(float);
CU2NPU_D double sqrt(double);
CU2NPU_D float sqrtf(float);
CU2NPU_D double tan(double);
CU2NPU_D float tanf(float);
CU2NPU_D double tanh(double);
CU2NPU_D float tanhf(float);
CU2NPU_D double tgamma(double);
CU2NPU_D float tgammaf(float);
CU2NPU_D double trunc(double);
CU2NPU_D float truncf(float);
CU2NPU_D double y0(double);
CU2NPU_D float y0f(float);
CU2NPU_D double y1(double);
CU2NPU_D float y1f(float);
CU2NPU_D double atan2(double, double);
CU2NPU_D float atan2f(float, float);
CU2NPU_D double copysign(double, double);
CU2NPU_D float copysignf(float, float);
CU2NPU_D double fdim(double, double);
CU2NPU_D float fdimf(float, float);
CU2NPU_D double fmax(double, double);
CU2NPU_D float fmaxf(float, float);
CU2NPU_D double fmin(double, double);
CU2NPU_D float fminf(float, float);
CU2NPU_D double fmod(double, double);
CU2NPU_D float fmodf(float, float);
CU2NPU_D double hypot(double, double);
CU2NPU_D float hypotf(float, float);
CU2NPU_D double nextafter(double, double);
CU2NPU_D float nextafterf(float, float);
CU2NPU_D double pow(double, double);
CU2NPU_D float powf(float, float);
CU2NPU_D double remainder(double, double);
CU2NPU_D float remainderf(float, float);
CU2NPU_D double rhypot(double, double);
CU2NPU_D float rhypotf(float, float);
CU2NPU_D double fma(double, double, double);
CU2NPU_D float fmaf(float, float, float);
CU2NPU_D double norm3d(double, double, double);
CU2NPU_D float norm3df(float, float, float);
CU2NPU_D double rnorm3d(double, double, double);
CU2NPU_D float rnorm3df(float, float, float);
CU2NPU_D double norm4d(double, double, double, double);
CU2NPU_D float norm4df(float, float, float, float);
CU2NPU_D double rnorm4d(double, double, double, double);
CU2NPU_D float rnorm4df(float, float, float, float);
CU2NPU_D double norm(int, const double *);
CU2NPU_D float normf(int, const float *);
CU2NPU_D double rnorm(int, const double *);
CU2NPU_D float rnormf(int, const float *);
CU2NPU_D double frexp(double, int *);
CU2NPU_D float frexpf(float, int *);
CU2NPU_D double ldexp(double, int);
CU2NPU_D float ldexpf(float, int);
CU2NPU_D double modf(double, double *);
CU2NPU_D float modff(float, float *);
CU2NPU_D double remquo(double, double, int *);
CU2NPU_D float remquof(float, float, int *);
CU2NPU_D void sincos(double, double *, double *);
CU2NPU_D void sincosf(float, float *, float *);
CU2NPU_D void sincospi(double, double *, double *);
CU2NPU_D void sincospif(float, float *, float *);
CU2NPU_D double scalbn(double, int);
CU2NPU_D float scalbnf(float, int);
CU2NPU_D double scalbln(double, long);
CU2NPU_D float scalblnf(float, long);
CU2NPU_D int ilogb(double);
CU2NPU_D int ilogbf(float);
CU2NPU_D long lrint(double);
CU2NPU_D long lrintf(float);
CU2NPU_D long long llrint(double);
CU2NPU_D long long llrintf(float);
CU2NPU_D long lround(double);
CU2NPU_D long lroundf(float);
CU2NPU_D long long llround(double);
CU2NPU_D long long llroundf(float);
CU2NPU_D double jn(int, double);
CU2NPU_D float jnf(int, float);
CU2NPU_D double yn(int, double);
CU2NPU_D float ynf(int, float);
CU2NPU_D double nan(const char *);
CU2NPU_D float nanf(const char *);
CU2NPU_D float fdividef(float, float);
CU2NPU_D int abs(int);
CU2NPU_D long labs(long);
CU2NPU_D long long llabs(long long);
// CUDA's global min and max (math_functions.hpp): same-type and mixed-signedness pairs of each
// integer width, and float/double in every combination (max(float, double) is double). Host
// and device, like CUDA's; with `using namespace std`, these non-templates win over std::min.
#define CU2NPU_MINMAX(f)                                                                           \
  __host__ __device__ int f(int, int);                                                             \
  __host__ __device__ unsigned int f(unsigned int, unsigned int);                                  \
  __host__ __device__ unsigned int f(int, unsigned int);                                           \
  __host__ __device__ unsigned int f(unsigned int, int);                                           \
  __host__ __device__ long f(long, long);                                                          \
  __host__ __device__ unsigned long f(unsigned long, unsigned long);                               \
  __host__ __device__ unsigned long f(long, unsigned long);                                        \
  __host__ __device__ unsigned long f(unsigned long, long);                                        \
  __host__ __device__ long long f(long long, long long);                                           \
  __host__ __device__ unsigned long long f(unsigned long long, unsigned long long);                \
  __host__ __device__ unsigned long long f(long long, unsigned long long);                         \
  __host__ __device__ unsigned long long f(unsigned long long, long long);                         \
  __host__ __device__ float f(float, float);                                                       \
  __host__ __device__ double f(double, double);                                                    \
  __host__ __device__ double f(float, double);                                                     \
  __host__ __device__ double f(double, float);
CU2NPU_MINMAX(min)
CU2NPU_MINMAX(max)
#undef CU2NPU_MINMAX
__host__ __device__ unsigned int umin(unsigned int, unsigned int);
__host__ __device__ unsigned int umax(unsigned int, unsigned int);
__host__ __device__ long long llmin(long long, long long);
__host__ __device__ long long llmax(long long, long long);
__host__ __device__ unsigned long long ullmin(unsigned long long, unsigned long long);
__host__ __device__ unsigned long long ullmax(unsigned long long, unsigned long long);
#undef CU2NPU_D
