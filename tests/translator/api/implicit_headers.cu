// What nvcc's implicit cuda_runtime.h and CUB's headers bring in, code uses without an include of
// its own: assert() (CUDA's crt/common_functions.h includes <assert.h>), time.h's clock(), and
// std::chrono after <cub/cub.cuh>. The parse sees them; the output builds against npurt.
// NO-DIAG
#include <cub/cub.cuh>

// CHECK: NPU_DEVICE_ASSERT(x != nullptr);
__global__ void k(int *x) {
  assert(x != nullptr);
  x[0] = 1;
}

double seconds() {
  // CHECK: auto t = std::chrono::steady_clock::now();
  auto t = std::chrono::steady_clock::now();
  clock_t c = clock();
  return std::chrono::duration<double>(t.time_since_epoch()).count() + double(c);
}
