// A correct program under NPURT_MEMCHECK=1: kernels that touch exactly their buffers, on both
// execution paths, with copies, fills and frees in between. The checker must print nothing and
// the program must exit 0 (ctest fails it on any "npurt memcheck" output).
#include <cstdio>
#include <vector>

#include "memcheck/Memcheck.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

__global__ void axpy(float a, const float *x, float *y, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      y[i] = a * x[i] + y[i];
  });
}

template <int Block> __global__ void blockSums(const int *in, int *out, int n) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int partial[Block];
    const int i = static_cast<int>(blockIdx.x * Block + threadIdx.x);
    partial[threadIdx.x] = i < n ? in[i] : 0;
    __syncthreads();
    for (int stride = Block / 2; stride > 0; stride /= 2) {
      if (static_cast<int>(threadIdx.x) < stride)
        partial[threadIdx.x] += partial[threadIdx.x + stride];
      __syncthreads();
    }
    if (threadIdx.x == 0)
      out[blockIdx.x] = partial[0];
  });
}

bool ok(npuError_t error, const char *what) {
  if (error == npuSuccess)
    return true;
  std::fprintf(stderr, "%s: %s\n", what, npuGetErrorString(error));
  return false;
}

} // namespace

int main() {
  if (!npu::memcheck::enabled()) {
    std::fprintf(stderr, "FAIL: NPURT_MEMCHECK=1 is not set\n");
    return 1;
  }
  // Sizes that fill their pages, that leave slack before the data, and that leave padding.
  for (int n : {1, 3, 1000, 1001, 1024, 4096 + 7, 100000}) {
    std::vector<float> x(n), y(n);
    for (int i = 0; i < n; ++i) {
      x[i] = static_cast<float>(i);
      y[i] = 1.0f;
    }
    float *dx = nullptr, *dy = nullptr;
    if (!ok(npuMalloc(reinterpret_cast<void **>(&dx), n * sizeof(float)), "npuMalloc") ||
        !ok(npuMalloc(reinterpret_cast<void **>(&dy), n * sizeof(float)), "npuMalloc"))
      return 1;
    npuMemcpy(dx, x.data(), n * sizeof(float), npuMemcpyHostToDevice);
    npuMemcpy(dy, y.data(), n * sizeof(float), npuMemcpyHostToDevice);
    ::npu::launch("axpy", axpy, (n + 127) / 128, 128, 0, 0, 2.0f, dx, dy, n);
    if (!ok(npuDeviceSynchronize(), "axpy"))
      return 1;
    npuMemcpy(y.data(), dy, n * sizeof(float), npuMemcpyDeviceToHost);
    for (int i = 0; i < n; ++i)
      if (y[i] != 2.0f * static_cast<float>(i) + 1.0f) {
        std::fprintf(stderr, "FAIL: axpy n=%d y[%d]=%g\n", n, i, y[i]);
        return 1;
      }
    npuFree(dx);
    npuFree(dy);

    const int blocks = (n + 63) / 64;
    int *din = nullptr, *dout = nullptr;
    if (!ok(npuMalloc(reinterpret_cast<void **>(&din), n * sizeof(int)), "npuMalloc") ||
        !ok(npuMalloc(reinterpret_cast<void **>(&dout), blocks * sizeof(int)), "npuMalloc"))
      return 1;
    npuMemset(din, 0, n * sizeof(int));
    std::vector<int> ones(n, 1), sums(blocks);
    npuMemcpy(din, ones.data(), n * sizeof(int), npuMemcpyHostToDevice);
    ::npu::launch("blockSums<64>", blockSums<64>, blocks, 64, 0, 0, din, dout, n);
    if (!ok(npuDeviceSynchronize(), "blockSums"))
      return 1;
    npuMemcpy(sums.data(), dout, blocks * sizeof(int), npuMemcpyDeviceToHost);
    long total = 0;
    for (int s : sums)
      total += s;
    if (total != n) {
      std::fprintf(stderr, "FAIL: blockSums n=%d total=%ld\n", n, total);
      return 1;
    }
    npuFree(din);
    npuFree(dout);
  }
  std::printf("PASS\n");
  return 0;
}
