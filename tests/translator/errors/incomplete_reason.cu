// The exit status says whether the output is complete, and the last line says why it is not:
// here a construct left untranslated (with its marker) and a clang error.
// RC: 1
// DIAG: [CU2NPU1010]
// DIAG: cu2npu: translation incomplete (exit status 1): 1 file clang could not compile (CU2NPU0001); 2 constructs left untranslated (cudaUserObjectCreate, cudaUserObject_t)
#include <cuda_runtime.h>
int main() {
  // CHECK: /* CU2NPU1010: cudaUserObject_t is not supported (CUDA graphs and stream capture) */ cudaUserObject_t u;
  cudaUserObject_t u;
  cudaUserObjectCreate(&u, nullptr, nullptr, 1, 0);
  return undeclaredThing;
}
