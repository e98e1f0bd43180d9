// Uses npurt directly (no translator): a kernel in the runtime's kernel form,
// device memory, a launch and error checks. Prints PASS on success.
#include <npurt/kernel.h>
#include <npurt/runtime.h>

#include <cstdio>
#include <vector>

__global__ void scale(float *data, float factor, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      data[i] *= factor;
  });
}

int main() {
  const int n = 1000;
  std::vector<float> host(n, 2.0f);
  float *dev = nullptr;
  if (npuMalloc(&dev, n * sizeof(float)) != npuSuccess)
    return 1;
  npuMemcpy(dev, host.data(), n * sizeof(float), npuMemcpyHostToDevice);
  ::npu::launch("scale", scale, dim3((n + 127) / 128), dim3(128), 0, nullptr, dev, 3.0f, n);
  if (npuGetLastError() != npuSuccess)
    return 1;
  npuMemcpy(host.data(), dev, n * sizeof(float), npuMemcpyDeviceToHost);
  npuFree(dev);
  for (float v : host)
    if (v != 6.0f) {
      std::printf("FAIL\n");
      return 1;
    }
  std::printf("PASS\n");
  return 0;
}
