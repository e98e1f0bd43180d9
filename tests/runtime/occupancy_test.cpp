// Occupancy calculator: CUDA's model over the device's limits (2048 threads, 32 blocks and
// 228 KiB of shared memory per multiprocessor, 1 KiB reserved per block).
#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

void kernelA(int *) {}
void kernelB(float *) {}

using OccupancyTest = RuntimeTest;

TEST_F(OccupancyTest, ActiveBlocksAreLimitedByThreadsBlocksAndSharedMemory) {
  int blocks = -1;
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 256, 0), npuSuccess);
  EXPECT_EQ(blocks, 8); // 2048 / 256
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 32, 0), npuSuccess);
  EXPECT_EQ(blocks, 32); // the 32-block limit, not 2048 / 32 = 64
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 100, 0), npuSuccess);
  EXPECT_EQ(blocks, 16); // 100 threads occupy 4 warps: 2048 / 128
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 128, 32 * 1024),
            npuSuccess);
  EXPECT_EQ(blocks, 6); // 228 KiB / (32 KiB + 1 KiB)
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 1025, 0), npuSuccess);
  EXPECT_EQ(blocks, 0); // cannot launch
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 64, 49 * 1024),
            npuSuccess);
  EXPECT_EQ(blocks, 0); // over the kernel's dynamic shared memory limit
  EXPECT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernelA, 0, 0),
            npuErrorInvalidValue);
  EXPECT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(nullptr, kernelA, 64, 0),
            npuErrorInvalidValue);
  EXPECT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks,
                                                         static_cast<const void *>(nullptr), 64, 0),
            npuErrorInvalidDeviceFunction);
  EXPECT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(&blocks, kernelA, 64, 0, 4),
            npuErrorInvalidValue);
}

TEST_F(OccupancyTest, MaxPotentialBlockSizeFillsTheMultiprocessor) {
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  int minGrid = 0, block = 0;
  ASSERT_EQ(npuOccupancyMaxPotentialBlockSize(&minGrid, &block, kernelB), npuSuccess);
  EXPECT_EQ(block, 1024); // the largest size reaching 2048 resident threads
  EXPECT_EQ(minGrid, 2 * prop.multiProcessorCount);
  ASSERT_EQ(npuOccupancyMaxPotentialBlockSize(&minGrid, &block, kernelB, 0, 200), npuSuccess);
  EXPECT_EQ(block, 128); // <= 200: 128 x 16 blocks = 2048 threads beats 192 x 10 = 1920
  EXPECT_EQ(minGrid, 16 * prop.multiProcessorCount);
  // Shared memory per block limits the blocks: with 40 KiB, 5 blocks fit; 1024 x 2 stays best.
  ASSERT_EQ(npuOccupancyMaxPotentialBlockSize(&minGrid, &block, kernelB, 40 * 1024), npuSuccess);
  EXPECT_EQ(block, 1024);
  // Shared memory growing with the block size.
  ASSERT_EQ(npuOccupancyMaxPotentialBlockSizeVariableSMem(
                &minGrid, &block, kernelB, [](int size) { return size_t(size) * 64; }),
            npuSuccess);
  EXPECT_GT(block, 0);
  int active = 0;
  ASSERT_EQ(
      npuOccupancyMaxActiveBlocksPerMultiprocessor(&active, kernelB, block, size_t(block) * 64),
      npuSuccess);
  EXPECT_EQ(minGrid, active * prop.multiProcessorCount);
  EXPECT_EQ(npuOccupancyMaxPotentialBlockSize(static_cast<int *>(nullptr), &block, kernelB),
            npuErrorInvalidValue);
}

TEST_F(OccupancyTest, AvailableDynamicSharedMemory) {
  size_t bytes = 0;
  ASSERT_EQ(npuOccupancyAvailableDynamicSMemPerBlock(&bytes, kernelA, 4, 256), npuSuccess);
  EXPECT_EQ(bytes, 48u * 1024); // 57 KiB fit, capped at the kernel's 48 KiB limit
  ASSERT_EQ(npuFuncSetAttribute(kernelA, npuFuncAttributeMaxDynamicSharedMemorySize, 200 * 1024),
            npuSuccess);
  ASSERT_EQ(npuOccupancyAvailableDynamicSMemPerBlock(&bytes, kernelA, 4, 256), npuSuccess);
  EXPECT_EQ(bytes, 57u * 1024 - 1024);
  ASSERT_EQ(npuOccupancyAvailableDynamicSMemPerBlock(&bytes, kernelA, 16, 256), npuSuccess);
  EXPECT_EQ(bytes, 0u); // 16 blocks of 256 threads never fit
  EXPECT_EQ(npuOccupancyAvailableDynamicSMemPerBlock(&bytes, kernelA, 0, 256),
            npuErrorInvalidValue);
}

} // namespace
