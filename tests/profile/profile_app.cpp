// A small program in the emitted form whose profile tests/profile/check_profile.cmake checks:
// copies both ways, a fill, two kernels on two streams, an event-timed section, and a one-thread
// fp64 launch (portability warnings on the modeled devices, reported at exit). Prints PASS when its
// results are right and the event timing is positive.
#include <npurt/kernel.h>
#include <npurt/runtime.h>

#include <cstdio>
#include <vector>

__global__ void scale(float *x, int n, float factor) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(intops(3), fp32(1), gread(4), gwrite(4));
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      x[i] *= factor;
  });
}

// One thread doing fp64 arithmetic: portability warnings on the modeled devices (lanes idle on
// 910B/910C, fp64 emulated), which the report written at exit lists.
__global__ void mark(float *x) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(fp64(1), gwrite(4));
    double seven = 3.5;
    x[0] = static_cast<float>(seven * 2.0);
  });
}

__global__ void offset(float *x, int n, float amount) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_COST(intops(3), fp32(1), gread(4), gwrite(4));
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      x[i] += amount;
  });
}

#define CHECK(call)                                                                                \
  do {                                                                                             \
    npuError_t error = (call);                                                                     \
    if (error != npuSuccess) {                                                                     \
      std::printf("FAIL: %s: %s\n", #call, npuGetErrorString(error));                              \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

int main() {
  const int n = 1 << 16;
  std::vector<float> host(n, 1.0f);
  float *a = nullptr, *b = nullptr;
  CHECK(npuMalloc(&a, n * sizeof(float)));
  CHECK(npuMalloc(&b, n * sizeof(float)));
  npuStream_t side;
  CHECK(npuStreamCreate(&side));
  npuEvent_t start, stop;
  CHECK(npuEventCreate(&start));
  CHECK(npuEventCreate(&stop));

  CHECK(npuMemcpy(a, host.data(), n * sizeof(float), npuMemcpyHostToDevice));
  CHECK(npuMemset(b, 0, n * sizeof(float)));
  CHECK(npuEventRecord(start, 0));
  ::npu::launch("scale", scale, dim3((n + 255) / 256), dim3(256), 0, 0, a, n, 3.0f);
  ::npu::launch("offset", offset, dim3((n + 255) / 256), dim3(256), 0, side, b, n, 2.0f);
  CHECK(npuEventRecord(stop, 0));
  CHECK(npuEventSynchronize(stop));
  float *flag = nullptr;
  CHECK(npuMalloc(&flag, sizeof(float)));
  ::npu::launch("mark", mark, dim3(1), dim3(1), 0, 0, flag);
  float marked = 0;
  CHECK(npuMemcpy(&marked, flag, sizeof(float), npuMemcpyDeviceToHost));
  CHECK(npuFree(flag));
  if (marked != 7.0f) {
    std::printf("FAIL: mark wrote %g\n", marked);
    return 1;
  }
  CHECK(npuDeviceSynchronize());
  float ms = 0;
  CHECK(npuEventElapsedTime(&ms, start, stop));

  std::vector<float> scaled(n), offsetted(n);
  CHECK(npuMemcpy(scaled.data(), a, n * sizeof(float), npuMemcpyDeviceToHost));
  CHECK(npuMemcpy(offsetted.data(), b, n * sizeof(float), npuMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (scaled[i] != 3.0f || offsetted[i] != 2.0f) {
      std::printf("FAIL: element %d: %g %g\n", i, scaled[i], offsetted[i]);
      return 1;
    }
  if (!(ms > 0)) {
    std::printf("FAIL: event time %g ms\n", ms);
    return 1;
  }
  std::printf("event time %.6f ms\nPASS\n", ms);
  CHECK(npuFree(a));
  CHECK(npuFree(b));
  CHECK(npuStreamDestroy(side));
  return 0;
}
