// cu2npu CUDA declaration shim: built-in vector types, uint3 and dim3.
#pragma once
#define __VECTOR_TYPES_H__ // as the CUDA header defines it (guards in user code test it)
#include "cu2npu/host_defines.h"

#define CU2NPU_VEC(T, N)                                                                           \
  struct N##1 {                                                                                    \
    T x;                                                                                           \
  };                                                                                               \
  struct N##2 {                                                                                    \
    T x, y;                                                                                        \
  };                                                                                               \
  struct N##3 {                                                                                    \
    T x, y, z;                                                                                     \
  };                                                                                               \
  struct N##4 {                                                                                    \
    T x, y, z, w;                                                                                  \
  };                                                                                               \
  typedef struct N##1 N##1;                                                                        \
  typedef struct N##2 N##2;                                                                        \
  typedef struct N##3 N##3;                                                                        \
  typedef struct N##4 N##4;
CU2NPU_VEC(signed char, char)
CU2NPU_VEC(unsigned char, uchar)
CU2NPU_VEC(short, short)
CU2NPU_VEC(unsigned short, ushort)
CU2NPU_VEC(int, int)
CU2NPU_VEC(long, long)
CU2NPU_VEC(unsigned long, ulong)
CU2NPU_VEC(long long, longlong)
CU2NPU_VEC(unsigned long long, ulonglong)
CU2NPU_VEC(float, float)
CU2NPU_VEC(double, double)
#undef CU2NPU_VEC
struct uint1 {
  unsigned int x;
};
struct uint2 {
  unsigned int x, y;
};
struct uint3 {
  unsigned int x, y, z;
};
struct uint4 {
  unsigned int x, y, z, w;
};

struct dim3 {
  unsigned int x, y, z;
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  __host__ __device__ constexpr operator uint3() const { return uint3{x, y, z}; }
};
typedef struct dim3 dim3;
