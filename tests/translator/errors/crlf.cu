// CRLF line endings are preserved, also in inserted text.
// CHECK: npuMalloc(&p, 4);
#include <cuda_runtime.h>
__global__ void k(float *x) {
  x[0] = 1;
}
void f() {
  float *p;
  cudaMalloc(&p, 4);
  k<<<1, 1>>>(p);
}
