// cu2npu CUDA declaration shim: curand_kernel.h (cuRAND device API; npurt/lib/curand_kernel.h
// provides it). The states' layouts are cuRAND's; MTGP32 and the quasi-random states are
// declared so that code using them parses and each use is diagnosed.
#pragma once
#define CURAND_KERNEL_H_ // as the CUDA header defines it (guards in user code test it)
#include "cuda_runtime.h"
#define EXTRA_FLAG_NORMAL 0x00000001
#define EXTRA_FLAG_LOG_NORMAL 0x00000002
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
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;
struct curandStateMRG32k3a {
  unsigned int s1[3], s2[3];
  int boxmuller_flag, boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;
struct curandStateMtgp32 {
  unsigned int s[1024];
};
typedef struct curandStateMtgp32 curandStateMtgp32_t;
struct curandStateSobol32 {
  unsigned int i, x, c, direction_vectors[32];
};
typedef struct curandStateSobol32 curandStateSobol32_t;
typedef struct curandStateSobol32 curandStateScrambledSobol32_t;
struct curandStateSobol64 {
  unsigned long long i, x, c, direction_vectors[64];
};
typedef struct curandStateSobol64 curandStateSobol64_t;
typedef struct curandStateSobol64 curandStateScrambledSobol64_t;
template <class State_>
__host__ __device__ void curand_init(unsigned long long seed, unsigned long long subsequence,
                                     unsigned long long offset, State_ *state);
__host__ int curand_mtgp32_init(const void *params, curandStateMtgp32_t *state, unsigned int seed);
template <class State_> __host__ __device__ unsigned int curand(State_ *state);
__host__ __device__ uint4 curand4(curandStatePhilox4_32_10_t *state);
template <class State_> __host__ __device__ float curand_uniform(State_ *state);
template <class State_> __host__ __device__ double curand_uniform_double(State_ *state);
__host__ __device__ float4 curand_uniform4(curandStatePhilox4_32_10_t *state);
__host__ __device__ double2 curand_uniform2_double(curandStatePhilox4_32_10_t *state);
template <class State_> __host__ __device__ float curand_normal(State_ *state);
template <class State_> __host__ __device__ double curand_normal_double(State_ *state);
template <class State_> __host__ __device__ float2 curand_normal2(State_ *state);
template <class State_> __host__ __device__ double2 curand_normal2_double(State_ *state);
__host__ __device__ float4 curand_normal4(curandStatePhilox4_32_10_t *state);
template <class State_>
__host__ __device__ float curand_log_normal(State_ *state, float mean, float stddev);
template <class State_>
__host__ __device__ double curand_log_normal_double(State_ *state, double mean, double stddev);
template <class State_>
__host__ __device__ unsigned int curand_poisson(State_ *state, double lambda);
template <class State_> __host__ __device__ void skipahead(unsigned long long n, State_ *state);
template <class State_>
__host__ __device__ void skipahead_sequence(unsigned long long n, State_ *state);
__host__ __device__ void skipahead_subsequence(unsigned long long n, curandStateMRG32k3a_t *state);
