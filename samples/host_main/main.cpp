// A host program in a .cpp file beside the kernels (main.cpp + kernels.cu is the usual layout):
// it includes cuda_runtime.h and calls the runtime API directly, with an error-check macro around
// every call, and reaches the kernel only through the launcher in saxpy.h.
//
// CUDA features: a host .cpp translation unit using the runtime API (streams, events, async
// copies, error strings), a header shared by .cpp and .cu, a launcher function across units.
//
// Usage: host_main [n]   (default 1 << 20 elements)
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <cuda_runtime.h>

#include "saxpy.h"

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,                           \
                   cudaGetErrorString(err_));                                                      \
      std::printf("FAIL\n");                                                                       \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1 << 20;
  std::vector<float> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = static_cast<float>(i % 100);
    y[i] = 1.0f;
  }
  float *dx = nullptr, *dy = nullptr;
  cudaStream_t stream;
  cudaEvent_t start, stop;
  CHECK(cudaStreamCreate(&stream));
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CHECK(cudaMemcpyAsync(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemcpyAsync(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaEventRecord(start, stream));
  CHECK(launchSaxpy(2.0f, dx, dy, n, stream));
  CHECK(cudaEventRecord(stop, stream));
  CHECK(cudaMemcpyAsync(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  float ms = 0;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  // Misuse returns CUDA's error code: freeing a pointer that was never allocated.
  int bogus = 0;
  if (cudaFree(&bogus) != cudaErrorInvalidValue) {
    std::printf("FAIL: cudaFree of a host pointer did not return cudaErrorInvalidValue\n");
    return 1;
  }
  cudaGetLastError(); // clear it
  int bad = 0;
  for (int i = 0; i < n; ++i)
    bad += y[i] != 2.0f * static_cast<float>(i % 100) + 1.0f;
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaStreamDestroy(stream));
  std::printf("saxpy over %d elements: %d wrong, %.3f ms\n", n, bad, ms);
  std::printf(bad == 0 ? "PASS\n" : "FAIL\n");
  return bad == 0 ? 0 : 1;
}
