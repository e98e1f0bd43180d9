// Error-check helpers in the style of the vendor samples' helper header (written for this test):
// each group is guarded by the identity macro of the CUDA header it needs, so the helpers exist
// only when the includer has the CUDA runtime in view.
#ifndef COMMON_HELPER_CUDA_H
#define COMMON_HELPER_CUDA_H
#include "helper_string.h"
#include <stdio.h>
#include <stdlib.h>

#ifdef __DRIVER_TYPES_H__
static const char *sampleErrorName(cudaError_t e) { return cudaGetErrorName(e); }
#endif

template <typename T> void sampleCheck(T result, const char *what, const char *file, int line) {
  if (result) {
    fprintf(stderr, "FAIL: CUDA error %d (%s) at %s:%d: %s\n", static_cast<int>(result),
            sampleErrorName(result), file, line, what);
    exit(EXIT_FAILURE);
  }
}

#ifdef __DRIVER_TYPES_H__
#define checkCudaErrors(val) sampleCheck((val), #val, __FILE__, __LINE__)
#endif

#ifdef __CUDA_RUNTIME_H__
#define getLastCudaError(msg) sampleLastError(msg, __FILE__, __LINE__)
inline void sampleLastError(const char *msg, const char *file, int line) {
  cudaError_t err = cudaGetLastError();
  if (err != cudaSuccess) {
    fprintf(stderr, "FAIL: %s:%d: %s: %s\n", file, line, msg, cudaGetErrorString(err));
    exit(EXIT_FAILURE);
  }
}
inline int findCudaDevice(int argc, const char **argv) {
  int dev = getCmdLineArgumentInt(argc, argv, "device");
  int count = 0;
  checkCudaErrors(cudaGetDeviceCount(&count));
  if (dev >= count)
    dev = 0;
  checkCudaErrors(cudaSetDevice(dev));
  cudaDeviceProp prop;
  checkCudaErrors(cudaGetDeviceProperties(&prop, dev));
  printf("device %d: %s, compute %d.%d\n", dev, prop.name, prop.major, prop.minor);
  return dev;
}
#endif

#if CUDART_VERSION >= 11000
#define SAMPLE_HAVE_CUDA11 1
#endif
#endif
