// cu2npu CUDA declaration shim: qualifier macros and version macros.
// Declarations only: this header set lets clang parse CUDA sources with no CUDA toolkit.
// It is used by cu2npu for parsing and is never compiled into translated programs.
#pragma once
#define __HOST_DEFINES_H__ // as the CUDA header defines it (guards in user code test it)

#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __grid_constant__ __attribute__((grid_constant))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __align__(n) __attribute__((aligned(n)))
#define __restrict__ __restrict
#define __thread__ __thread
#define __builtin_align__(a) __align__(a)
#define __device_builtin__
#define __cudart_builtin__
#define CUDARTAPI
#define CUDART_CB
#define __CUDA_ALIGN__(n) __align__(n)

// The compilation model nvcc gives CUDA sources: __CUDACC__ and __NVCC__ are defined (cu2npu
// resolves #if groups on them in the output, pp/CudaArch.h), as are the toolkit's version macros.
#ifndef __CUDACC__
#define __CUDACC__ 1
#endif
#ifndef __NVCC__
#define __NVCC__ 1
#endif
#ifndef CUDART_VERSION
#define CUDART_VERSION 12080
#endif
#ifndef CUDA_VERSION
#define CUDA_VERSION 12080
#endif
#define __CUDACC_VER_MAJOR__ 12
#define __CUDACC_VER_MINOR__ 8
#define __CUDACC_VER_BUILD__ 0
#define __CU2NPU_SHIM__ 1
