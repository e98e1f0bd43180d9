// CUDA arch conditionals: device branch inside device code (arch 800), host branch in host code; the
// classic double atomicAdd fallback disappears; mixed conditions keep the directive.
#include <cstdio>
#include <cuda_runtime.h>
// CHECK-NOT: defined(__CUDA_ARCH__)
// CHECK-NOT: #ifdef __CUDA_ARCH__
// CHECK-NOT: #if __CUDA_ARCH__
// CHECK-NOT: old = atomicCAS
#if !defined(__CUDA_ARCH__) || __CUDA_ARCH__ < 600
__device__ double atomicAdd(double *address, double val) {
  unsigned long long *p = (unsigned long long *)address, old = *p, assumed;
  do {
    assumed = old;
    old = atomicCAS(p, assumed, __double_as_longlong(val + __longlong_as_double(assumed)));
  } while (assumed != old);
  return __longlong_as_double(old);
}
#endif
// A __host__ __device__ function's two copies become a run-time branch.
__host__ __device__ int where() {
  // CHECK: if (::npu::in_kernel()) {
  // CHECK: return 1;
  // CHECK: } else {
  // CHECK: return 0;
  // CHECK: }
#ifdef __CUDA_ARCH__
  return 1;
#else
  return 0;
#endif
}
__global__ void k(double *x) {
  atomicAdd(x, 1.0);
  // CHECK: x[1] = 8;
#if __CUDA_ARCH__ >= 700
  x[1] = 8;
#elif __CUDA_ARCH__ >= 600
  x[1] = 6;
#else
  x[1] = 0;
#endif
  // CHECK: #if 1 && defined(FAST_MATH)
#if defined(__CUDA_ARCH__) && defined(FAST_MATH)
  x[2] = 1;
#endif
}
int main() {
  // CHECK: printf("host\n");
  // CHECK-NOT: printf("device\n");
#ifdef __CUDA_ARCH__
  printf("device\n");
#else
  printf("host\n");
#endif
  return where();
}
