// cu2npu CUDA declaration shim: cuda_bf16.h (bfloat16) - declarations only.
#pragma once
#define __CUDA_BF16_H__ // as the CUDA header defines it (guards in user code test it)
#include "cuda_fp16.h"

typedef struct __nv_bfloat16_raw {
  unsigned short x;
} __nv_bfloat16_raw;
typedef struct __nv_bfloat162_raw {
  unsigned short x, y;
} __nv_bfloat162_raw;
struct __nv_bfloat16 {
  unsigned short __x;
  __nv_bfloat16() = default;
  __host__ __device__ __nv_bfloat16(const __nv_bfloat16_raw &);
  __host__ __device__ __nv_bfloat16(float);
  __host__ __device__ __nv_bfloat16(double);
  __host__ __device__ __nv_bfloat16(int);
  __host__ __device__ __nv_bfloat16(unsigned int);
  __host__ __device__ __nv_bfloat16(short);
  __host__ __device__ __nv_bfloat16(unsigned short);
  __host__ __device__ __nv_bfloat16(long long);
  __host__ __device__ __nv_bfloat16(unsigned long long);
  __host__ __device__ operator float() const;
  __host__ __device__ operator __nv_bfloat16_raw() const;
  __host__ __device__ __nv_bfloat16 &operator=(float);
  __host__ __device__ __nv_bfloat16 &operator=(const __nv_bfloat16_raw &);
};
struct __nv_bfloat162 {
  __nv_bfloat16 x, y;
  __nv_bfloat162() = default;
  __host__ __device__ __nv_bfloat162(const __nv_bfloat16 &a, const __nv_bfloat16 &b) : x(a), y(b) {}
  __host__ __device__ __nv_bfloat162(const __nv_bfloat162_raw &);
  __host__ __device__ operator __nv_bfloat162_raw() const;
};
typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;
CU2NPU_HOPS(__nv_bfloat16)
CU2NPU_HOPS(__nv_bfloat162)
CU2NPU_HF __nv_bfloat16 __float2bfloat16(float);
CU2NPU_HF __nv_bfloat16 __float2bfloat16_rn(float);
CU2NPU_HF float __bfloat162float(__nv_bfloat16);
CU2NPU_HF __nv_bfloat162 __floats2bfloat162_rn(float, float);
CU2NPU_HF __nv_bfloat162 __float22bfloat162_rn(float2);
CU2NPU_HF float2 __bfloat1622float2(__nv_bfloat162);
CU2NPU_HF __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16);
CU2NPU_HF __nv_bfloat16 __low2bfloat16(__nv_bfloat162);
CU2NPU_HF __nv_bfloat16 __high2bfloat16(__nv_bfloat162);
CU2NPU_HF __nv_bfloat162 __halves2bfloat162(__nv_bfloat16, __nv_bfloat16);
CU2NPU_HF unsigned short __bfloat16_as_ushort(__nv_bfloat16);
CU2NPU_HF __nv_bfloat16 __ushort_as_bfloat16(unsigned short);
CU2NPU_HF __nv_bfloat16 __float2bfloat16_rz(float);
CU2NPU_HF __nv_bfloat16 __double2bfloat16(double);
CU2NPU_HF __nv_bfloat162 __float2bfloat162_rn(float);
CU2NPU_HF float __low2float(__nv_bfloat162);
CU2NPU_HF float __high2float(__nv_bfloat162);
CU2NPU_HF __nv_bfloat162 __lowhigh2highlow(__nv_bfloat162);
CU2NPU_HF short __bfloat16_as_short(__nv_bfloat16);
CU2NPU_HF __nv_bfloat16 __short_as_bfloat16(short);
CU2NPU_HF int __bfloat162int_rn(__nv_bfloat16);
CU2NPU_HF int __bfloat162int_rz(__nv_bfloat16);
CU2NPU_HF __nv_bfloat16 __int2bfloat16_rn(int);
// bf16 and bf16x2 arithmetic, comparisons and math: the same list as __half's (cuda_fp16.h).
CU2NPU_HALF_FAMILY(__nv_bfloat16, __nv_bfloat162)
