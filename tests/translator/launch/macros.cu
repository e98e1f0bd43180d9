// Launches inside macros: argument of a CHECK macro, body of a LAUNCH macro with the kernel
// as a parameter, and a macro whose body names the kernel.
#include <cstdio>
#include <cuda_runtime.h>
#define CHECK(call) do { cudaError_t e_ = (call); if (e_ != cudaSuccess) printf("%s\n", cudaGetErrorString(e_)); } while (0)
#define LAUNCH(k, n, ...) k<<<((n) + 127) / 128, 128>>>(__VA_ARGS__)
#define RUN_ADD(x, n) add<<<1, n>>>(x, n)
__global__ void add(float *x, int n) { if (threadIdx.x < n) x[threadIdx.x] += 1; }
void run(float *x, int n) {
  // CHECK: #define LAUNCH(k, n, ...) ::npu::launch(#k, k, ((n) + 127) / 128, 128, 0, 0, __VA_ARGS__)
  // CHECK: #define RUN_ADD(x, n) ::npu::launch("add", add, 1, n, 0, 0, x, n)
  // CHECK: CHECK((::npu::launch(::npu::never_waits, "add", add, 1, 32, 0, 0, x, n), npuGetLastError()));
  CHECK((add<<<1, 32>>>(x, n), cudaGetLastError()));
  LAUNCH(add, n, x, n);
  RUN_ADD(x, n);
}
