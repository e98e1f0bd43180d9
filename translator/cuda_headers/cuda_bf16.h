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
  __host__ __device__ operator float() const;
  __host__ __device__ __nv_bfloat16 &operator=(float);
};
struct __nv_bfloat162 {
  __nv_bfloat16 x, y;
  __nv_bfloat162() = default;
  __host__ __device__ __nv_bfloat162(const __nv_bfloat16 &a, const __nv_bfloat16 &b) : x(a), y(b) {}
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
__device__ __nv_bfloat16 __hadd(__nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 __hmul(__nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 __hsub(__nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 __hfma(__nv_bfloat16, __nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 __hmax(__nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 __hmin(__nv_bfloat16, __nv_bfloat16);
__device__ __nv_bfloat16 atomicAdd(__nv_bfloat16 *, __nv_bfloat16);
__device__ __nv_bfloat16 __shfl_down_sync(unsigned int, __nv_bfloat16, unsigned int, int = 32);
__device__ __nv_bfloat16 __shfl_xor_sync(unsigned int, __nv_bfloat16, int, int = 32);
