#include <cuda_runtime.h>
int host_k() {
  int *p;
  return cudaMalloc(&p, 4) == cudaSuccess;
}
