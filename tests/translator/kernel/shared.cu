// Dynamic shared memory: block scope, namespace scope (moved into each user), alignment attribute.
#include <cuda_runtime.h>
extern __shared__ float gsm[];
__device__ float first() { return gsm[0]; }
// CHECK: /* float gsm[]: dynamic shared memory, declared in each function that uses it */;
// CHECK: __device__ float first() {
// CHECK:   float *const gsm = ::npu::dynamic_shared<float>(); NPU_COST(shared(4)); return gsm[0]; }
__global__ void k(float *out) {
  // CHECK: unsigned char *const raw = ::npu::dynamic_shared<unsigned char>();
  extern __shared__ __align__(16) unsigned char raw[];
  out[threadIdx.x] = raw[threadIdx.x] + gsm[threadIdx.x] + first();
}
template <class T> __global__ void t(T *out) {
  // CHECK: T *const s = ::npu::dynamic_shared<T>();
  extern __shared__ T s[];
  out[threadIdx.x] = s[threadIdx.x];
}
// CHECK-NOT: extern __shared__ float
// CHECK-NOT: extern __shared__ T
// CHECK-NOT: extern __shared__ __align__
