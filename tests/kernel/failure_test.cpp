// Failures stop the block and fail the launch with a clear message.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kErrorAssert;
using npu::test::kErrorLaunchFailure;
using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

__global__ void assertsOnThread(int *out, int badThread) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    out[threadIdx.x] = 1;
    __syncthreads();
    NPU_DEVICE_ASSERT(static_cast<int>(threadIdx.x) != badThread);
    __syncthreads();
    out[threadIdx.x] = 2;
  });
}

TEST(Failure, DeviceAssertOnFiberPath) {
  std::vector<int> out(64, 0);
  testing::internal::CaptureStderr();
  const int result = runKernel("assertsOnThread", assertsOnThread, 1, 64, 0, out.data(), 7);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(result, kErrorAssert);
  EXPECT_NE(printed.find("failure_test.cpp:"), std::string::npos) << printed;
  EXPECT_NE(printed.find("assertsOnThread: block: [0,0,0], thread: [7,0,0] Assertion "
                         "`static_cast<int>(threadIdx.x) != badThread` failed."),
            std::string::npos)
      << printed;
  // The block stopped: nobody passed the second barrier.
  for (int v : out)
    EXPECT_EQ(v, 1);
  // The engine is usable again afterwards.
  EXPECT_EQ(runKernel("assertsOnThread", assertsOnThread, 1, 64, 0, out.data(), -1), kSuccess);
  for (int v : out)
    EXPECT_EQ(v, 2);
}

__global__ void assertsOnLoopPath(int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    NPU_DEVICE_ASSERT(static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x) < n);
  });
}

TEST(Failure, DeviceAssertOnLoopPathAndManyBlocks) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("assertsOnLoopPath", assertsOnLoopPath, 1000, 64, 0, 1000 * 64 - 1),
            kErrorAssert);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("block: [999,0,0], thread: [63,0,0] Assertion"), std::string::npos)
      << printed;
}

__global__ void barrierOnLoopPath(int *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    out[blockIdx.x * blockDim.x + threadIdx.x] = 1; // one slot per thread of the grid: no race
    __syncthreads();
  });
}

TEST(Failure, BarrierOnTheLoopPathFailsTheLaunch) {
  std::vector<int> out(4 * 64);
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("barrierOnLoopPath", barrierOnLoopPath, 4, 64, 0, out.data()),
            kErrorLaunchFailure);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("kernel 'barrierOnLoopPath'"), std::string::npos) << printed;
  EXPECT_NE(printed.find("__syncthreads"), std::string::npos) << printed;
  // One thread per block: the barrier is trivially satisfied.
  EXPECT_EQ(runKernel("barrierOnLoopPath", barrierOnLoopPath, 4, 1, 0, out.data()), kSuccess);
}

__global__ void shuffleOnLoopPath(int *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    out[threadIdx.x] = __shfl_down_sync(0xffffffffu, static_cast<int>(threadIdx.x), 1);
  });
}

TEST(Failure, WarpOperationOnTheLoopPathFailsTheLaunch) {
  std::vector<int> out(32);
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("shuffleOnLoopPath", shuffleOnLoopPath, 1, 32, 0, out.data()),
            kErrorLaunchFailure);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("kernel 'shuffleOnLoopPath'"), std::string::npos) << printed;
}

// The split form cu2npu gives a barrier kernel that reads only threadIdx.x and interchanges a
// loop, where every launch it saw passes a one-row block.
__global__ void rowsOnly(int *out) {
  ::npu::block_regions_without_duplicates<::npu::ThreadDims::X>(
      [&](::npu::BlockRegions &npu_block) {
        npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>(
            [&](NPU_REGION_PARAMS) { out[blockIdx.x * blockDim.x + threadIdx.x] = 1; });
      });
}

TEST(Failure, DuplicateThreadsFailAKernelTranslatedForRows) {
  std::vector<int> out(4 * 64);
  EXPECT_EQ(runKernel("rowsOnly", rowsOnly, 4, 64, 0, out.data()), kSuccess);
  EXPECT_EQ(std::count(out.begin(), out.end(), 1), 4 * 64);
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("rowsOnly", rowsOnly, 4, dim3(32, 2), 0, out.data()), kErrorLaunchFailure);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("kernel 'rowsOnly' launched with blocks of 32x2x1 threads"),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find("reads threadIdx.x only"), std::string::npos) << printed;
}

// Lane 0 waits in a full-warp shuffle while the others wait at __syncthreads:
// no thread can make progress.
__global__ void deadlocks(int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 0) {
      out[0] = __shfl_sync(0xffffffffu, 1, 0);
    } else {
      __syncthreads();
    }
  });
}

TEST(Failure, DeadlockIsDetected) {
  int out = 0;
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("deadlocks", deadlocks, 2, 32, 0, &out), kErrorLaunchFailure);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("deadlock"), std::string::npos) << printed;
  EXPECT_NE(printed.find("kernel 'deadlocks'"), std::string::npos) << printed;
}

struct Counted {
  static inline int live = 0;
  Counted() { ++live; }
  ~Counted() { --live; }
};

__global__ void cancelledFibersUnwind(int badThread) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    Counted guard;
    __syncthreads();
    NPU_DEVICE_ASSERT(static_cast<int>(threadIdx.x) != badThread);
    __syncthreads();
  });
}

TEST(Failure, CancelledFibersRunTheirDestructors) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(runKernel("cancelledFibersUnwind", cancelledFibersUnwind, 1, 128, 0, 3), kErrorAssert);
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(Counted::live, 0);
}

} // namespace
