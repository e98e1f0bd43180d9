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
CU2NPU_HF __half2 __highs2half2(__half2, __half2); CU2NPU_HF __half2 __lowhigh2highlow(__half2);
CU2NPU_HF short __half_as_short(__half); CU2NPU_HF unsigned short __half_as_ushort(__half);
CU2NPU_HF __half __short_as_half(short); CU2NPU_HF __half __ushort_as_half(unsigned short);
CU2NPU_HF __half __int2half_rn(int); CU2NPU_HF int __half2int_rn(__half); CU2NPU_HF int __half2int_rz(__half);
// The functions cuda_fp16.h and cuda_bf16.h both overload for their 16-bit type H and its pair
// type H2 (cuda_bf16.h for sm_80+): one list, declared for __half here and __nv_bfloat16 there.
#define CU2NPU_HALF_FAMILY(H, H2) \
  __device__ H __hadd(H, H); __device__ H2 __hadd2(H2, H2); __device__ H __hsub(H, H); __device__ H2 __hsub2(H2, H2); \
  __device__ H __hmul(H, H); __device__ H2 __hmul2(H2, H2); __device__ H __hdiv(H, H); __device__ H2 __h2div(H2, H2); \
  __device__ H __hmax(H, H); __device__ H2 __hmax2(H2, H2); __device__ H __hmin(H, H); __device__ H2 __hmin2(H2, H2); \
  __device__ H __hmax_nan(H, H); __device__ H __hmin_nan(H, H); \
  __device__ H __hadd_sat(H, H); __device__ H __hsub_sat(H, H); __device__ H __hmul_sat(H, H); __device__ H __hfma_sat(H, H, H); \
  __device__ H2 __hadd2_sat(H2, H2); __device__ H2 __hmul2_sat(H2, H2); \
  __device__ H __hadd_rn(H, H); __device__ H __hsub_rn(H, H); __device__ H __hmul_rn(H, H); \
  __device__ H __hfma(H, H, H); __device__ H2 __hfma2(H2, H2, H2); \
  __device__ H __hneg(H); __device__ H2 __hneg2(H2); __device__ H __habs(H); __device__ H2 __habs2(H2); \
  __device__ bool __heq(H, H); __device__ bool __hne(H, H); __device__ bool __hlt(H, H); \
  __device__ bool __hle(H, H); __device__ bool __hgt(H, H); __device__ bool __hge(H, H); \
  __device__ bool __hequ(H, H); __device__ bool __hneu(H, H); __device__ bool __hltu(H, H); \
  __device__ bool __hleu(H, H); __device__ bool __hgtu(H, H); __device__ bool __hgeu(H, H); \
  __device__ H2 __heq2(H2, H2); __device__ H2 __hne2(H2, H2); __device__ H2 __hlt2(H2, H2); \
  __device__ H2 __hle2(H2, H2); __device__ H2 __hgt2(H2, H2); __device__ H2 __hge2(H2, H2); \
  __device__ bool __hbeq2(H2, H2); __device__ bool __hbne2(H2, H2); __device__ bool __hblt2(H2, H2); \
  __device__ bool __hble2(H2, H2); __device__ bool __hbgt2(H2, H2); __device__ bool __hbge2(H2, H2); \
  __device__ bool __hisnan(H); __device__ H2 __hisnan2(H2); __device__ int __hisinf(H); \
  CU2NPU_HMATH(H, H2, sqrt) CU2NPU_HMATH(H, H2, rsqrt) CU2NPU_HMATH(H, H2, rcp) CU2NPU_HMATH(H, H2, exp) \
  CU2NPU_HMATH(H, H2, exp2) CU2NPU_HMATH(H, H2, exp10) CU2NPU_HMATH(H, H2, log) CU2NPU_HMATH(H, H2, log2) \
  CU2NPU_HMATH(H, H2, log10) CU2NPU_HMATH(H, H2, sin) CU2NPU_HMATH(H, H2, cos) CU2NPU_HMATH(H, H2, trunc) \
  CU2NPU_HMATH(H, H2, ceil) CU2NPU_HMATH(H, H2, floor) CU2NPU_HMATH(H, H2, rint) \
  __device__ H atomicAdd(H *, H); __device__ H2 atomicAdd(H2 *, H2); \
  __device__ H __shfl_sync(unsigned int, H, int, int = 32); \
  __device__ H __shfl_down_sync(unsigned int, H, unsigned int, int = 32); \
  __device__ H __shfl_up_sync(unsigned int, H, unsigned int, int = 32); \
  __device__ H __shfl_xor_sync(unsigned int, H, int, int = 32); \
  __device__ H __ldg(const H *);
#define CU2NPU_HMATH(H, H2, f) __device__ H h##f(H); __device__ H2 h2##f(H2);
CU2NPU_HALF_FAMILY(__half, __half2)
// clang-format on
