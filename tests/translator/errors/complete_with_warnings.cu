// Warnings alone do not make the output incomplete: a partially supported call is translated
// (CU2NPU1005), so the exit status is 0 and no "incomplete" line is printed.
// DIAG: [CU2NPU1005]
#include <cuda_runtime.h>
int main() {
  float *p = nullptr;
  cudaMallocManaged(&p, 64);
  // CHECK: npuMemAdvise(p, 64, npuMemAdviseSetReadMostly, 0);
  cudaMemAdvise(p, 64, cudaMemAdviseSetReadMostly, 0);
  cudaFree(p);
  return 0;
}
