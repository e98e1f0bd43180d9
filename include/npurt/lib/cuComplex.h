// cuComplex.h for translated code: CUDA's complex types and helpers under their CUDA names.
// As in CUDA, cuFloatComplex is float2 and cuDoubleComplex is double2 (same layout and
// alignment), so complex buffers are shared with cuBLAS, cuFFT and kernels that read .x/.y.
// Usable in host and device code. cu2npu parses this same file (a copy beside its CUDA
// declarations), so it names only what both npurt/kernel.h and CUDA provide: float2, double2,
// the execution-space qualifiers and the C math functions.
#pragma once

#include "npurt/kernel.h"

// The identity macro of CUDA's header, so a translated `#ifdef CU_COMPLEX_H_` sees the parse's.
#ifndef CU_COMPLEX_H_
#define CU_COMPLEX_H_
#endif

using cuFloatComplex = float2;
using cuDoubleComplex = double2;
using cuComplex = cuFloatComplex;

// The quotient scales both operands by 1 / (|re y| + |im y|) first, as CUDA's cuComplex.h
// does, so it neither overflows nor underflows where the result is representable; the modulus
// is hypot, for the same reason.
__host__ __device__ inline float cuCrealf(cuFloatComplex x) { return x.x; }
__host__ __device__ inline float cuCimagf(cuFloatComplex x) { return x.y; }
__host__ __device__ inline cuFloatComplex make_cuFloatComplex(float r, float i) {
  return cuFloatComplex{r, i};
}
__host__ __device__ inline cuFloatComplex cuConjf(cuFloatComplex x) {
  return cuFloatComplex{x.x, -x.y};
}
__host__ __device__ inline cuFloatComplex cuCaddf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x + y.x, x.y + y.y};
}
__host__ __device__ inline cuFloatComplex cuCsubf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x - y.x, x.y - y.y};
}
__host__ __device__ inline cuFloatComplex cuCmulf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x};
}
__host__ __device__ inline cuFloatComplex cuCdivf(cuFloatComplex x, cuFloatComplex y) {
  const float scale = 1.0f / (fabsf(y.x) + fabsf(y.y));
  const float xr = x.x * scale, xi = x.y * scale, yr = y.x * scale, yi = y.y * scale;
  const float norm = 1.0f / (yr * yr + yi * yi);
  return cuFloatComplex{(xr * yr + xi * yi) * norm, (xi * yr - xr * yi) * norm};
}
__host__ __device__ inline float cuCabsf(cuFloatComplex x) { return hypotf(x.x, x.y); }
__host__ __device__ inline cuComplex make_cuComplex(float r, float i) {
  return make_cuFloatComplex(r, i);
}
// x * y + d, CUDA's cuCfmaf.
__host__ __device__ inline cuFloatComplex cuCfmaf(cuFloatComplex x, cuFloatComplex y,
                                                  cuFloatComplex d) {
  return cuFloatComplex{fmaf(-x.y, y.y, fmaf(x.x, y.x, d.x)), fmaf(x.y, y.x, fmaf(x.x, y.y, d.y))};
}

__host__ __device__ inline double cuCreal(cuDoubleComplex x) { return x.x; }
__host__ __device__ inline double cuCimag(cuDoubleComplex x) { return x.y; }
__host__ __device__ inline cuDoubleComplex make_cuDoubleComplex(double r, double i) {
  return cuDoubleComplex{r, i};
}
__host__ __device__ inline cuDoubleComplex cuConj(cuDoubleComplex x) {
  return cuDoubleComplex{x.x, -x.y};
}
__host__ __device__ inline cuDoubleComplex cuCadd(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x + y.x, x.y + y.y};
}
__host__ __device__ inline cuDoubleComplex cuCsub(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x - y.x, x.y - y.y};
}
__host__ __device__ inline cuDoubleComplex cuCmul(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x};
}
__host__ __device__ inline cuDoubleComplex cuCdiv(cuDoubleComplex x, cuDoubleComplex y) {
  const double scale = 1.0 / (fabs(y.x) + fabs(y.y));
  const double xr = x.x * scale, xi = x.y * scale, yr = y.x * scale, yi = y.y * scale;
  const double norm = 1.0 / (yr * yr + yi * yi);
  return cuDoubleComplex{(xr * yr + xi * yi) * norm, (xi * yr - xr * yi) * norm};
}
__host__ __device__ inline double cuCabs(cuDoubleComplex x) { return hypot(x.x, x.y); }
__host__ __device__ inline cuDoubleComplex cuCfma(cuDoubleComplex x, cuDoubleComplex y,
                                                  cuDoubleComplex d) {
  return cuDoubleComplex{fma(-x.y, y.y, fma(x.x, y.x, d.x)), fma(x.y, y.x, fma(x.x, y.y, d.y))};
}

__host__ __device__ inline cuDoubleComplex cuComplexFloatToDouble(cuFloatComplex x) {
  return cuDoubleComplex{double(x.x), double(x.y)};
}
__host__ __device__ inline cuFloatComplex cuComplexDoubleToFloat(cuDoubleComplex x) {
  return cuFloatComplex{float(x.x), float(x.y)};
}
