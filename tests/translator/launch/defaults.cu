// Kernels with default arguments: ::npu::launch takes the full parameter list, so the defaults
// are written out (as spelled, or from the instantiation for templates).
#include <cuda_runtime.h>
__global__ void scale(float *a, int n = 3, float m = 2.0f) { a[threadIdx.x] = n * m; }
template <int N> __global__ void fill(int *a, int v = N * 2) { a[threadIdx.x] = v; }
// CHECK: #define RUN(a) ::npu::launch("scale", scale, 1, 4, 0, 0, a, 3, 2.0f)
#define RUN(a) scale<<<1, 4>>>(a)
int main() {
  float *a;
  int *b;
  cudaMalloc(&a, 64);
  cudaMalloc(&b, 64);
  // CHECK: ::npu::launch("scale", scale, 1, 4, 0, 0, a, 3, 2.0f);
  scale<<<1, 4>>>(a);
  // CHECK: ::npu::launch("scale", scale, 1, 4, 0, 0, a, 5, 2.0f);
  scale<<<1, 4>>>(a, 5);
  // CHECK: ::npu::launch("fill<3>", fill<3>, 1, 4, 0, 0, b, 3 * 2);
  fill<3><<<1, 4>>>(b);
  RUN(a);
}
