// A third-party host source nobody translated: it includes the CUDA runtime and calls its API.
// Built unchanged with g++ against npurt's cuda-compat headers.
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>
#include <vector>

#define CHECK(x)                                                                                   \
  do {                                                                                             \
    cudaError_t e = (x);                                                                           \
    if (e != cudaSuccess) {                                                                        \
      std::printf("FAIL: %s: %s\n", #x, cudaGetErrorString(e));                                    \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

static void CUDART_CB done(cudaStream_t, cudaError_t status, void *flag) {
  *static_cast<int *>(flag) = status == cudaSuccess ? 1 : -1;
}

int main() {
  int count = 0;
  CHECK(cudaGetDeviceCount(&count));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  std::vector<float> h(256, 2.0f), back(256, 0.0f);
  float *d = nullptr;
  CHECK(cudaMalloc(&d, h.size() * sizeof(float)));
  CHECK(cudaMemcpy(d, h.data(), h.size() * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemset(d, 0, 16 * sizeof(float)));
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaMemcpyAsync(back.data(), d, h.size() * sizeof(float), cudaMemcpyDeviceToHost, s));
  int flag = 0;
  CHECK(cudaStreamAddCallback(s, done, &flag, 0));
  CHECK(cudaStreamSynchronize(s));
  CHECK(cudaStreamDestroy(s));
  CHECK(cudaFree(d));
  for (int i = 0; i < 256; ++i)
    if (back[i] != (i < 16 ? 0.0f : 2.0f)) {
      std::printf("FAIL: back[%d] = %f\n", i, back[i]);
      return 1;
    }
  // Errors keep CUDA's numbers and strings.
  cudaError_t bad = cudaFree(reinterpret_cast<void *>(0x1234));
  if (bad == cudaSuccess || std::strlen(cudaGetErrorString(bad)) == 0 || flag != 1) {
    std::printf("FAIL: error handling (%d, flag %d)\n", static_cast<int>(bad), flag);
    return 1;
  }
  cudaGetLastError();
  float4 v = make_float4(1, 2, 3, 4);
  dim3 grid(2, 3);
  if (v.w != 4 || grid.x * grid.y * grid.z != 6 || CUDART_VERSION < 12000) {
    std::printf("FAIL: types\n");
    return 1;
  }
  std::printf("PASS: untranslated host code on %s (%d device(s))\n", prop.name, count);
  return 0;
}
