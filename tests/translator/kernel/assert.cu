// assert in device code -> NPU_DEVICE_ASSERT; host asserts stay.
#include <cassert>
#include <cuda_runtime.h>
__device__ void check(int v) {
  // CHECK: NPU_DEVICE_ASSERT(v >= 0);
  assert(v >= 0);
}
__global__ void k(int *x) {
  // CHECK: NPU_DEVICE_ASSERT(x != nullptr);
  assert(x != nullptr);
  check(x[0]);
}
void host(int *x) {
  // CHECK: assert(x != nullptr);
  assert(x != nullptr);
}
