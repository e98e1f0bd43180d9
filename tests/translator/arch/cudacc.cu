// The compiler's macros: __CUDACC__, __NVCC__ and __CUDACC_VER_MAJOR__ are defined as nvcc
// defines them, and #if groups on them are resolved in the output (g++ would see them undefined):
// a host fallback for non-nvcc compilers (rsqrtf/lerp for non-CUDA compilers) disappears, so it
// cannot clash with npurt's definitions. The CUDA headers' identity macros (__DRIVER_TYPES_H__,
// __CUDA_RUNTIME_H__, CUDART_VERSION) are defined while parsing and by npurt's headers.
#include <cuda_runtime.h>
// CHECK-NOT: #ifndef __CUDACC__
// CHECK-NOT: defined(__NVCC__)
// CHECK-NOT: defined __CUDACC__
// CHECK-NOT: host_fallback_
#ifndef __CUDACC__
#include <math.h>
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); } // host_fallback_def
inline float lerp(float a, float b, float t) { return a + t * (b - a); } // host_fallback_def
#else
// CHECK: inline __host__ __device__ float lerp(float a, float b, float t)
inline __host__ __device__ float lerp(float a, float b, float t) { return a + t * (b - a); }
#endif
#if !defined(__NVCC__)
int host_fallback_nvcc;
#elif __CUDACC_VER_MAJOR__ >= 11
// CHECK: int new_enough;
int new_enough;
#endif
// A mixed condition keeps the directive with the compiler's macro substituted.
// CHECK: #if 1 && defined(USE_EXTRA)
#if defined(__CUDACC__) && defined(USE_EXTRA)
int extra;
#endif
// CHECK: #if !1 || !defined(NDEBUG)
#if !defined __CUDACC__ || !defined(NDEBUG)
int debug_or_host;
#endif
// Guards on the CUDA headers' identity macros stay: npurt/runtime.h defines them too.
// CHECK: #ifdef __DRIVER_TYPES_H__
#ifdef __DRIVER_TYPES_H__
// CHECK: inline const char *err_name(npuError_t e)
inline const char *err_name(cudaError_t e) { return cudaGetErrorName(e); }
#endif
#if defined(__CUDA_RUNTIME_H__) && defined(__VECTOR_TYPES_H__) && defined(__CUDA_RUNTIME_API_H__) && CUDART_VERSION >= 12000
// CHECK: static void CUDART_CB on_done(npuStream_t, npuError_t, void *) {}
static void CUDART_CB on_done(cudaStream_t, cudaError_t, void *) {}
#else
#error the CUDA headers' macros are missing
#endif
__global__ void k(float *x) { x[threadIdx.x] = lerp(x[0], rsqrtf(x[1]), 0.5f); }
int main() {
  float *d;
  cudaMalloc(&d, 8);
  k<<<1, 2>>>(d);
  cudaStreamAddCallback(0, on_done, nullptr, 0);
  return err_name(cudaSuccess)[0] == 'c' ? 0 : 1;
}
