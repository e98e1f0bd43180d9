// A math helper with fallbacks for compilers other than nvcc (the nvcc build never sees them).
#pragma once
#if defined(__CUDACC__) || defined(__NVCC__)
#define VM_HD __host__ __device__
#else
#define VM_HD
#include <math.h>
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline float lerp(float a, float b, float t) { return a + t * (b - a); }
struct float2 {
  float x, y;
};
#endif
#ifndef __CUDACC__
inline float2 make_float2(float x, float y) { return float2{x, y}; }
#endif
#if __CUDACC_VER_MAJOR__ >= 9
#define VM_SYNC_OK 1
#endif
#ifdef __CUDACC__
inline VM_HD float lerp(float a, float b, float t) { return a + t * (b - a); }
#endif
inline VM_HD float len2(float2 v) { return v.x * v.x + v.y * v.y; }
