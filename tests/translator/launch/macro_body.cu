// Launches spelled in macro bodies that no expansion brings to the parse (macros for other
// files, or unused here) are rewritten from their tokens; a kernel named by a macro parameter
// keeps its stringised name.
#include <cuda_runtime.h>
__global__ void k(float *a, int n) { a[threadIdx.x] = n; }
// CHECK: #define LAUNCH_K(a, n) ::npu::launch_deduced("k", [](auto &...npu_args) { k(npu_args...); }, 1, 32, 0, 0, a, n)
#define LAUNCH_K(a, n) k<<<1, 32>>>(a, n)
// CHECK: #define LAUNCH(kern, g, b, ...) ::npu::launch_deduced(#kern, [](auto &...npu_args) { kern(npu_args...); }, g, b, 0, 0, __VA_ARGS__)
#define LAUNCH(kern, g, b, ...) kern<<<g, b>>>(__VA_ARGS__)
// CHECK: do { ::npu::launch_deduced(#kern, [](auto &...npu_args) { kern(npu_args...); }, g, b, s, st, __VA_ARGS__); } while (0)
#define LAUNCH_S(kern, g, b, s, st, ...) do { kern<<<g, b, s, st>>>(__VA_ARGS__); } while (0)
// Expanded here: rewritten from the AST, once.
// CHECK: #define USED(a) ::npu::launch("k", k, 2, 32, 0, 0, a, 1)
#define USED(a) k<<<2, 32>>>(a, 1)
int main() {
  float *a;
  cudaMalloc(&a, 256);
  USED(a);
}
