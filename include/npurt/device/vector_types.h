// CUDA's built-in vector types (char1 .. double4) with CUDA's sizes and
// alignments, and their make_* functions. uint3 and dim3 come from
// npurt/detail/dim3.h (shared with the host API). Like CUDA's, these are plain
// aggregates with no arithmetic operators (code that wants them brings its own,
// e.g. the samples' helper_math.h).
#pragma once

#include "npurt/detail/dim3.h"

// Alignment: 1 and 3 components align like the scalar, 2 components to twice
// the scalar, 4 components to four times the scalar but at most 16 bytes.
#define NPU_VECTOR_TYPES(T, name)                                                                  \
  struct __attribute__((aligned(sizeof(T)))) name##1 {                                             \
    T x;                                                                                           \
  };                                                                                               \
  struct __attribute__((aligned(2 * sizeof(T)))) name##2 {                                         \
    T x, y;                                                                                        \
  };                                                                                               \
  struct __attribute__((aligned(4 * sizeof(T) < 16 ? 4 * sizeof(T) : 16))) name##4 {               \
    T x, y, z, w;                                                                                  \
  };                                                                                               \
  inline name##1 make_##name##1(T x) { return name##1 {x}; }                                       \
  inline name##2 make_##name##2(T x, T y) { return name##2 {x, y}; }                               \
  inline name##4 make_##name##4(T x, T y, T z, T w) { return name##4 {x, y, z, w}; }
#define NPU_VECTOR3_TYPE(T, name)                                                                  \
  struct name##3 {                                                                                 \
    T x, y, z;                                                                                     \
  };
#define NPU_MAKE_VECTOR3(T, name)                                                                  \
  inline name##3 make_##name##3(T x, T y, T z) { return name##3 {x, y, z}; }

NPU_VECTOR_TYPES(signed char, char)
NPU_VECTOR_TYPES(unsigned char, uchar)
NPU_VECTOR_TYPES(short, short)
NPU_VECTOR_TYPES(unsigned short, ushort)
NPU_VECTOR_TYPES(int, int)
NPU_VECTOR_TYPES(unsigned int, uint)
NPU_VECTOR_TYPES(long, long)
NPU_VECTOR_TYPES(unsigned long, ulong)
NPU_VECTOR_TYPES(long long, longlong)
NPU_VECTOR_TYPES(unsigned long long, ulonglong)
NPU_VECTOR_TYPES(float, float)
NPU_VECTOR_TYPES(double, double)

NPU_VECTOR3_TYPE(signed char, char)
NPU_VECTOR3_TYPE(unsigned char, uchar)
NPU_VECTOR3_TYPE(short, short)
NPU_VECTOR3_TYPE(unsigned short, ushort)
NPU_VECTOR3_TYPE(int, int)
// uint3 is defined by npurt/detail/dim3.h.
NPU_VECTOR3_TYPE(long, long)
NPU_VECTOR3_TYPE(unsigned long, ulong)
NPU_VECTOR3_TYPE(long long, longlong)
NPU_VECTOR3_TYPE(unsigned long long, ulonglong)
NPU_VECTOR3_TYPE(float, float)
NPU_VECTOR3_TYPE(double, double)

NPU_MAKE_VECTOR3(signed char, char)
NPU_MAKE_VECTOR3(unsigned char, uchar)
NPU_MAKE_VECTOR3(short, short)
NPU_MAKE_VECTOR3(unsigned short, ushort)
NPU_MAKE_VECTOR3(int, int)
NPU_MAKE_VECTOR3(unsigned int, uint)
NPU_MAKE_VECTOR3(long, long)
NPU_MAKE_VECTOR3(unsigned long, ulong)
NPU_MAKE_VECTOR3(long long, longlong)
NPU_MAKE_VECTOR3(unsigned long long, ulonglong)
NPU_MAKE_VECTOR3(float, float)
NPU_MAKE_VECTOR3(double, double)

#undef NPU_VECTOR_TYPES
#undef NPU_VECTOR3_TYPE
#undef NPU_MAKE_VECTOR3

inline dim3 make_dim3(unsigned x, unsigned y, unsigned z) { return dim3(x, y, z); }
