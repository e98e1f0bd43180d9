// cu2npu CUDA declaration shim: curand_kernel.h (cuRAND device API, unsupported by npurt; declared
// so that code parses and every use is diagnosed).
#pragma once
#define _CURAND_KERNEL_H_ // as the CUDA header defines it (guards in user code test it)
#include "cuda_runtime.h"
struct curandStateXORWOW {
  unsigned int d, v[5];
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateXORWOW curandStateXORWOW_t;
typedef struct curandStateXORWOW curandState_t;
typedef struct curandStateXORWOW curandState;
struct curandStatePhilox4_32_10 {
  uint4 ctr, output;
  uint2 key;
  unsigned int STATE;
};
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;
struct curandStateMRG32k3a {
  double s1[3], s2[3];
};
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;
template <class S>
__device__ void curand_init(unsigned long long seed, unsigned long long subsequence,
                            unsigned long long offset, S *state);
template <class S> __device__ unsigned int curand(S *state);
template <class S> __device__ float curand_uniform(S *state);
template <class S> __device__ float curand_normal(S *state);
template <class S> __device__ double curand_uniform_double(S *state);
template <class S> __device__ double curand_normal_double(S *state);
template <class S> __device__ float curand_log_normal(S *state, float mean, float stddev);
template <class S> __device__ unsigned int curand_poisson(S *state, double lambda);
template <class S> __device__ float2 curand_normal2(S *state);
template <class S> __device__ float4 curand_uniform4(S *state);
template <class S> __device__ float4 curand_normal4(S *state);
template <class S> __device__ double2 curand_uniform2_double(S *state);
