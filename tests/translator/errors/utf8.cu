// UTF-8 in comments and strings is kept byte for byte: Größe, 数组, ε → 0.
#include <cstdio>
#include <cuda_runtime.h>
__global__ void k(float *x) { x[0] = 1; /* Ähnlich: 内核 */ }
int main() {
  float *d;
  // CHECK: npuMalloc(&d, 4); // 分配 µs
  cudaMalloc(&d, 4); // 分配 µs
  // CHECK: printf("Größe ✓ %s\n", "数组");
  printf("Größe ✓ %s\n", "数组");
  // CHECK: ::npu::launch(::npu::never_waits, "k", k, 1, 1, 0, 0, d);
  k<<<1, 1>>>(d);
}
