// The error-checking macro of the CUDA programs (as helper_cuda.h's checkCudaErrors).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__, cudaGetErrorName(err_),    \
              cudaGetErrorString(err_));                                                           \
      exit(EXIT_FAILURE);                                                                          \
    }                                                                                              \
  } while (0)
