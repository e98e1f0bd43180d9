// cuComplex.h for translated code: CUDA's complex types and helpers under their CUDA names.
// As in CUDA, cuFloatComplex is float2 and cuDoubleComplex is double2 (same layout and
// alignment), so complex buffers are shared with cuBLAS, cuFFT and kernels that read .x/.y.
// Usable in host and device code (the execution-space qualifiers are empty on npurt).
#pragma once

#include <cmath>

#include "npurt/device/vector_types.h"

// The identity macro of CUDA's header, so a translated `#ifdef CU_COMPLEX_H_` sees the parse's.
#ifndef CU_COMPLEX_H_
#define CU_COMPLEX_H_
#endif

using cuFloatComplex = float2;
using cuDoubleComplex = double2;
using cuComplex = cuFloatComplex;

namespace npu::detail {

// Quotient and modulus scale by the larger component first, as CUDA's cuComplex.h does, so
// they neither overflow nor underflow where the result is representable.
template <class C, class R> inline C complexDivide(C x, C y) {
  const R scale = R(1) / (std::fabs(y.x) + std::fabs(y.y));
  const R xr = x.x * scale, xi = x.y * scale, yr = y.x * scale, yi = y.y * scale;
  const R norm = R(1) / (yr * yr + yi * yi);
  return C{(xr * yr + xi * yi) * norm, (xi * yr - xr * yi) * norm};
}

} // namespace npu::detail

inline float cuCrealf(cuFloatComplex x) { return x.x; }
inline float cuCimagf(cuFloatComplex x) { return x.y; }
inline cuFloatComplex make_cuFloatComplex(float r, float i) { return cuFloatComplex{r, i}; }
inline cuFloatComplex cuConjf(cuFloatComplex x) { return cuFloatComplex{x.x, -x.y}; }
inline cuFloatComplex cuCaddf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x + y.x, x.y + y.y};
}
inline cuFloatComplex cuCsubf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x - y.x, x.y - y.y};
}
inline cuFloatComplex cuCmulf(cuFloatComplex x, cuFloatComplex y) {
  return cuFloatComplex{x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x};
}
inline cuFloatComplex cuCdivf(cuFloatComplex x, cuFloatComplex y) {
  return npu::detail::complexDivide<cuFloatComplex, float>(x, y);
}
inline float cuCabsf(cuFloatComplex x) { return std::hypot(x.x, x.y); }
inline cuComplex make_cuComplex(float r, float i) { return make_cuFloatComplex(r, i); }
// x * y + d, CUDA's cuCfmaf.
inline cuFloatComplex cuCfmaf(cuFloatComplex x, cuFloatComplex y, cuFloatComplex d) {
  return cuFloatComplex{std::fma(-x.y, y.y, std::fma(x.x, y.x, d.x)),
                        std::fma(x.y, y.x, std::fma(x.x, y.y, d.y))};
}

inline double cuCreal(cuDoubleComplex x) { return x.x; }
inline double cuCimag(cuDoubleComplex x) { return x.y; }
inline cuDoubleComplex make_cuDoubleComplex(double r, double i) { return cuDoubleComplex{r, i}; }
inline cuDoubleComplex cuConj(cuDoubleComplex x) { return cuDoubleComplex{x.x, -x.y}; }
inline cuDoubleComplex cuCadd(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x + y.x, x.y + y.y};
}
inline cuDoubleComplex cuCsub(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x - y.x, x.y - y.y};
}
inline cuDoubleComplex cuCmul(cuDoubleComplex x, cuDoubleComplex y) {
  return cuDoubleComplex{x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x};
}
inline cuDoubleComplex cuCdiv(cuDoubleComplex x, cuDoubleComplex y) {
  return npu::detail::complexDivide<cuDoubleComplex, double>(x, y);
}
inline double cuCabs(cuDoubleComplex x) { return std::hypot(x.x, x.y); }
inline cuDoubleComplex cuCfma(cuDoubleComplex x, cuDoubleComplex y, cuDoubleComplex d) {
  return cuDoubleComplex{std::fma(-x.y, y.y, std::fma(x.x, y.x, d.x)),
                         std::fma(x.y, y.x, std::fma(x.x, y.y, d.y))};
}

inline cuDoubleComplex cuComplexFloatToDouble(cuFloatComplex x) {
  return cuDoubleComplex{double(x.x), double(x.y)};
}
inline cuFloatComplex cuComplexDoubleToFloat(cuDoubleComplex x) {
  return cuFloatComplex{float(x.x), float(x.y)};
}
