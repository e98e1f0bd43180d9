// Kernels that touch device memory out of bounds, launched through the runtime as translated
// code is (npuMalloc, npu::launch): each run in its own process (death test) under
// NPURT_MEMCHECK=1 must stop with the checker's exit status and a report naming the kernel,
// the block, the thread and the allocation.
#include <gtest/gtest.h>

#include "memcheck/Memcheck.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

using npu::memcheck::kErrorExitStatus;

constexpr int kN = 1000; // 4000-byte float buffers

float *deviceFloats(int count) {
  float *p = nullptr;
  if (npuMalloc(reinterpret_cast<void **>(&p), count * sizeof(float)) != npuSuccess)
    return nullptr;
  return p;
}

__global__ void writePastEnd(float *out, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i <= n) // the bug: one element too many
      out[i] = 1.0f;
  });
}

__global__ void readPastEnd(const float *in, float *out, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      out[i] = in[i + 1]; // the bug: reads in[n]
  });
}

__global__ void readOne(const float *in, float *out, unsigned block, unsigned thread, int index) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (blockIdx.x == block && threadIdx.x == thread)
      out[0] = in[index];
  });
}

__global__ void writeBeforeStart(float *out, unsigned thread) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (blockIdx.x == 0 && threadIdx.x == thread)
      out[-1] = 2.0f;
  });
}

// The fiber path: a 2D block with a barrier before the bad write.
__global__ void stencilWithBarrier(const float *in, float *out, int n) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ float tile[4][8];
    const unsigned block = blockIdx.x + gridDim.x * blockIdx.y;
    const int i = static_cast<int>(block * 32 + threadIdx.y * 8 + threadIdx.x);
    tile[threadIdx.y][threadIdx.x] = i < n ? in[i] : 0.0f;
    __syncthreads();
    if (blockIdx.x == 1 && blockIdx.y == 2 && threadIdx.x == 3 && threadIdx.y == 2)
      out[n + 2] = tile[0][0]; // the bug
  });
}

class MemcheckKernel : public testing::Test {
protected:
  void SetUp() override {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    ASSERT_TRUE(npu::memcheck::enabled()) << "run with NPURT_MEMCHECK=1";
  }
};

TEST_F(MemcheckKernel, WritePastTheEndByOneElement) {
  EXPECT_EXIT(
      {
        float *out = deviceFloats(kN);
        ::npu::launch("writePastEnd", writePastEnd, 4, 256, 0, 0, out, kN);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in kernel 'writePastEnd' block \\(3,0,0\\) "
      "thread \\(232,0,0\\): 0 bytes after the end of the 4000-byte allocation at 0x[0-9a-f]+\n");
}

TEST_F(MemcheckKernel, ReadPastTheEnd) {
  EXPECT_EXIT(
      {
        float *in = deviceFloats(kN);
        float *out = deviceFloats(kN);
        ::npu::launch("readPastEnd", readPastEnd, 4, 256, 0, 0, in, out, kN);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid read at 0x[0-9a-f]+ in kernel 'readPastEnd' block \\(3,0,0\\) "
      "thread \\(231,0,0\\): 0 bytes after the end of the 4000-byte allocation");
}

TEST_F(MemcheckKernel, UseAfterFree) {
  EXPECT_EXIT(
      {
        float *in = deviceFloats(kN);
        float *out = deviceFloats(1);
        npuFree(in);
        ::npu::launch("readOne", readOne, 4, 256, 0, 0, in, out, 2u, 5u, 7);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid read at 0x[0-9a-f]+ in kernel 'readOne' block \\(2,0,0\\) "
      "thread \\(5,0,0\\): 28 bytes inside a freed 4000-byte allocation at 0x[0-9a-f]+, freed "
      "earlier \\(use after free\\)");
}

TEST_F(MemcheckKernel, FarOutOfBoundsRead) {
  EXPECT_EXIT(
      {
        float *in = deviceFloats(1024);
        float *out = deviceFloats(1);
        ::npu::launch("readOne", readOne, 2, 64, 0, 0, in, out, 1u, 63u, 1024 + 100);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid read at 0x[0-9a-f]+ in kernel 'readOne' block \\(1,0,0\\) thread \\(63,0,0\\): "
      "400 bytes after the end of the 4096-byte allocation");
}

// 4096 bytes fill their pages: the element before the start is in the guard page.
TEST_F(MemcheckKernel, WriteJustBeforeTheStartFaults) {
  EXPECT_EXIT(
      {
        float *out = deviceFloats(1024);
        ::npu::launch("writeBeforeStart", writeBeforeStart, 2, 64, 0, 0, out, 1u);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in kernel 'writeBeforeStart' block "
      "\\(0,0,0\\) thread \\(1,0,0\\): 4 bytes before the start of the 4096-byte allocation");
}

// 4000 bytes leave 96 bytes of slack (canary) before the start in the first page: the write
// does not fault; the canary check after the kernel finds it and names the kernel.
TEST_F(MemcheckKernel, WriteJustBeforeTheStartIntoTheCanary) {
  EXPECT_EXIT(
      {
        float *out = deviceFloats(kN);
        ::npu::launch("writeBeforeStart", writeBeforeStart, 2, 64, 0, 0, out, 1u);
        npuDeviceSynchronize();
        npuFree(out);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in kernel 'writeBeforeStart' \\(found by "
      "the canary check after the kernel; block and thread unknown\\): 4 bytes before the "
      "start of the 4000-byte allocation");
}

TEST_F(MemcheckKernel, FiberPathWithA2DBlock) {
  EXPECT_EXIT(
      {
        const int n = 6 * 32;
        float *in = deviceFloats(n);
        float *out = deviceFloats(n);
        npuMemset(in, 0, n * sizeof(float));
        ::npu::launch("stencilWithBarrier", stencilWithBarrier, dim3(2, 3), dim3(8, 4), 0, 0, in,
                      out, n);
        npuDeviceSynchronize();
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in kernel 'stencilWithBarrier' block "
      "\\(1,2,0\\) thread \\(3,2,0\\): 8 bytes after the end of the 768-byte allocation");
}

TEST_F(MemcheckKernel, HostWritePastTheEnd) {
  EXPECT_EXIT(
      {
        float *p = deviceFloats(kN);
        static_cast<volatile float *>(p)[kN] = 1.0f; // the cpu backend lets the host touch it
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in host code \\(not in a kernel\\): 0 bytes "
      "after the end of the 4000-byte allocation");
}

} // namespace
