// Legacy CUDA as old code bases still write it: texture references (removed in CUDA 12) become
// npurt's (texture/ has their own cases), version checks see CUDA 12.8's runtime version,
// removed thread-management calls are mapped.
#include <cuda_runtime.h>
// CHECK: ::npu::texture<float, 1> texRef;
texture<float, 1> texRef;
void sync() {
  // CHECK: #if NPURT_CUDA_API_VERSION >= 9000
#if CUDART_VERSION >= 9000
  // CHECK: npuThreadSynchronize();
  cudaThreadSynchronize();
#else
  legacyPathTaken(); // undeclared: parsing this branch would be an error (exit code 1)
#endif
  // CHECK: npuThreadSetLimit(npuLimitMallocHeapSize, 1 << 20);
  cudaThreadSetLimit(cudaLimitMallocHeapSize, 1 << 20);
}
