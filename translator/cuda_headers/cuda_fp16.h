// cu2npu CUDA declaration shim: cuda_fp16.h (half precision) - declarations only.
#pragma once
#define __CUDA_FP16_H__ // as the CUDA header defines it (guards in user code test it)
// Mostly tables of macro invocations without semicolons, which clang-format 14 does not
// lay out stably (each run reflows them again): kept as written.
// clang-format off
#include "cu2npu/host_defines.h"
#include "vector_types.h"

typedef struct __half_raw { unsigned short x; } __half_raw;
typedef struct __half2_raw { unsigned short x, y; } __half2_raw;
struct __half {
  unsigned short __x;
  __half() = default;
  __host__ __device__ __half(const __half_raw &);
  __host__ __device__ __half(float);
  __host__ __device__ __half(double);
  __host__ __device__ __half(int);
  __host__ __device__ __half(unsigned int);
  __host__ __device__ __half(short);
  __host__ __device__ __half(unsigned short);
  __host__ __device__ __half(long long);
  __host__ __device__ __half(unsigned long long);
  __host__ __device__ operator float() const;
  __host__ __device__ operator __half_raw() const;
  __host__ __device__ __half &operator=(float);
  __host__ __device__ __half &operator=(const __half_raw &);
};
struct __half2 {
  __half x, y;
  __half2() = default;
  __host__ __device__ __half2(const __half &a, const __half &b) : x(a), y(b) {}
  __host__ __device__ __half2(const __half2_raw &);
  __host__ __device__ operator __half2_raw() const;
};
typedef __half half;
typedef __half2 half2;

#define CU2NPU_HF __host__ __device__
#define CU2NPU_HOPS(T)                                                                            \
  CU2NPU_HF T operator+(const T &, const T &); CU2NPU_HF T operator-(const T &, const T &);        \
  CU2NPU_HF T operator*(const T &, const T &); CU2NPU_HF T operator/(const T &, const T &);        \
  CU2NPU_HF T &operator+=(T &, const T &); CU2NPU_HF T &operator-=(T &, const T &);                \
  CU2NPU_HF T &operator*=(T &, const T &); CU2NPU_HF T &operator/=(T &, const T &);                \
  CU2NPU_HF T operator-(const T &); CU2NPU_HF T operator+(const T &);                               \
  CU2NPU_HF bool operator==(const T &, const T &); CU2NPU_HF bool operator!=(const T &, const T &); \
  CU2NPU_HF bool operator<(const T &, const T &); CU2NPU_HF bool operator>(const T &, const T &);   \
  CU2NPU_HF bool operator<=(const T &, const T &); CU2NPU_HF bool operator>=(const T &, const T &);
CU2NPU_HOPS(__half)
CU2NPU_HOPS(__half2)

CU2NPU_HF __half __float2half(float); CU2NPU_HF __half __float2half_rn(float); CU2NPU_HF __half __float2half_rz(float);
CU2NPU_HF float __half2float(__half); CU2NPU_HF __half2 __floats2half2_rn(float, float);
CU2NPU_HF __half2 __float22half2_rn(float2); CU2NPU_HF float2 __half22float2(__half2);
CU2NPU_HF float __low2float(__half2); CU2NPU_HF float __high2float(__half2);
CU2NPU_HF __half __low2half(__half2); CU2NPU_HF __half __high2half(__half2);
CU2NPU_HF __half2 __halves2half2(__half, __half); CU2NPU_HF __half2 __half2half2(__half);
CU2NPU_HF __half2 __float2half2_rn(float); CU2NPU_HF __half2 __lows2half2(__half2, __half2);
CU2NPU_HF __half2 __highs2half2(__half2, __half2);
CU2NPU_HF short __half_as_short(__half); CU2NPU_HF unsigned short __half_as_ushort(__half);
CU2NPU_HF __half __short_as_half(short); CU2NPU_HF __half __ushort_as_half(unsigned short);
CU2NPU_HF __half __int2half_rn(int); CU2NPU_HF int __half2int_rn(__half); CU2NPU_HF int __half2int_rz(__half);
#define CU2NPU_H2(op) __device__ __half op(__half, __half); __device__ __half2 op##2(__half2, __half2);
__device__ __half __hadd(__half, __half); __device__ __half2 __hadd2(__half2, __half2);
CU2NPU_H2(__hsub) CU2NPU_H2(__hmul) CU2NPU_H2(__hmax) CU2NPU_H2(__hmin)
__device__ __half __hdiv(__half, __half); __device__ __half2 __h2div(__half2, __half2);
__device__ __half __hadd_sat(__half, __half); __device__ __half __hmul_sat(__half, __half);
__device__ __half __hadd_rn(__half, __half); __device__ __half __hsub_rn(__half, __half); __device__ __half __hmul_rn(__half, __half);
__device__ __half __hfma(__half, __half, __half); __device__ __half2 __hfma2(__half2, __half2, __half2);
__device__ __half __hneg(__half); __device__ __half2 __hneg2(__half2);
__device__ __half __habs(__half); __device__ __half2 __habs2(__half2);
#define CU2NPU_HCMP(op) __device__ bool op(__half, __half); __device__ __half2 op##2(__half2, __half2); \
  __device__ bool __hb##op##2(__half2, __half2);
__device__ bool __heq(__half, __half); __device__ bool __hne(__half, __half); __device__ bool __hlt(__half, __half);
__device__ bool __hle(__half, __half); __device__ bool __hgt(__half, __half); __device__ bool __hge(__half, __half);
__device__ bool __hequ(__half, __half); __device__ bool __hneu(__half, __half); __device__ bool __hltu(__half, __half);
__device__ bool __hleu(__half, __half); __device__ bool __hgtu(__half, __half); __device__ bool __hgeu(__half, __half);
__device__ __half2 __heq2(__half2, __half2); __device__ __half2 __hne2(__half2, __half2); __device__ __half2 __hlt2(__half2, __half2);
__device__ __half2 __hle2(__half2, __half2); __device__ __half2 __hgt2(__half2, __half2); __device__ __half2 __hge2(__half2, __half2);
__device__ bool __hbeq2(__half2, __half2); __device__ bool __hbne2(__half2, __half2); __device__ bool __hblt2(__half2, __half2);
__device__ bool __hble2(__half2, __half2); __device__ bool __hbgt2(__half2, __half2); __device__ bool __hbge2(__half2, __half2);
__device__ bool __hisnan(__half); __device__ __half2 __hisnan2(__half2); __device__ int __hisinf(__half);
#define CU2NPU_HMATH(f) __device__ __half h##f(__half); __device__ __half2 h2##f(__half2);
CU2NPU_HMATH(sqrt) CU2NPU_HMATH(rsqrt) CU2NPU_HMATH(rcp) CU2NPU_HMATH(exp) CU2NPU_HMATH(exp2) CU2NPU_HMATH(exp10)
CU2NPU_HMATH(log) CU2NPU_HMATH(log2) CU2NPU_HMATH(log10) CU2NPU_HMATH(sin) CU2NPU_HMATH(cos) CU2NPU_HMATH(trunc)
CU2NPU_HMATH(ceil) CU2NPU_HMATH(floor) CU2NPU_HMATH(rint)
__device__ __half atomicAdd(__half *, __half); __device__ __half2 atomicAdd(__half2 *, __half2);
__device__ __half __shfl_sync(unsigned int, __half, int, int = 32);
__device__ __half __shfl_down_sync(unsigned int, __half, unsigned int, int = 32);
__device__ __half __shfl_up_sync(unsigned int, __half, unsigned int, int = 32);
__device__ __half __shfl_xor_sync(unsigned int, __half, int, int = 32);
__device__ __half __ldg(const __half *);
#undef CU2NPU_H2
#undef CU2NPU_HCMP
#undef CU2NPU_HMATH
// clang-format on
