// Table-driven renames: functions, types, enumerators, macros and flags, also in macro bodies
// and in inactive #if branches; device names keep their CUDA spelling.
#include <cstdio>
#include <cuda_runtime.h>
// CHECK: #define CUDA_CHECK(x) do { npuError_t err = (x); if (err != npuSuccess) { fprintf(stderr, "CUDA error %s\n", npuGetErrorString(err)); } } while (0)
#define CUDA_CHECK(x) do { cudaError_t err = (x); if (err != cudaSuccess) { fprintf(stderr, "CUDA error %s\n", cudaGetErrorString(err)); } } while (0)
__global__ void k(float *x) { x[threadIdx.x] = sqrtf(x[threadIdx.x]) + __expf(1.0f); atomicAdd(x, 1.0f); }
int main() {
  float *d = nullptr, *h = nullptr;
  // CHECK: npuStream_t s;
  cudaStream_t s;
  // CHECK: CUDA_CHECK(npuStreamCreateWithFlags(&s, npuStreamNonBlocking));
  CUDA_CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  // CHECK: CUDA_CHECK(npuMalloc(&d, 64 * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&d, 64 * sizeof(float)));
  // CHECK: CUDA_CHECK(npuMallocHost((void **)&h, 64 * sizeof(float)));
  CUDA_CHECK(cudaMallocHost((void **)&h, 64 * sizeof(float)));
  // CHECK: npuMemcpyAsync(d, h, 64 * sizeof(float), npuMemcpyHostToDevice, s);
  cudaMemcpyAsync(d, h, 64 * sizeof(float), cudaMemcpyHostToDevice, s);
  // CHECK: npuEvent_t e0, e1;
  cudaEvent_t e0, e1;
  cudaEventCreate(&e0);
  // CHECK: npuEventCreateWithFlags(&e1, npuEventDisableTiming);
  cudaEventCreateWithFlags(&e1, cudaEventDisableTiming);
  k<<<1, 64, 0, s>>>(d);
  // CHECK: npuDeviceProp prop;
  cudaDeviceProp prop;
  // CHECK: npuGetDeviceProperties(&prop, 0);
  cudaGetDeviceProperties(&prop, 0);
  int v = 0;
  // CHECK: npuDeviceGetAttribute(&v, npuDevAttrMultiProcessorCount, 0);
  cudaDeviceGetAttribute(&v, cudaDevAttrMultiProcessorCount, 0);
  printf("%s %d %d\n", prop.name, prop.major, v);
#if 0
  // CHECK: npuThreadSynchronize();
  cudaThreadSynchronize();
#endif
  // CHECK: npuStreamSynchronize(s);
  cudaStreamSynchronize(s);
  // CHECK: printf("%s\n", npuGetErrorName(npuGetLastError()));
  printf("%s\n", cudaGetErrorName(cudaGetLastError()));
  // CHECK: npuFreeHost(h);
  cudaFreeHost(h);
  cudaFree(d);
  // CHECK: npuDeviceReset();
  cudaDeviceReset();
  return 0;
}
// CHECK-NOT: cudaMalloc
// CHECK-NOT: cudaStream_t
