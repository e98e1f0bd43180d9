// Grid-wide synchronisation (cooperative_groups::grid_group::sync()) and the cooperative launch
// forms: every block of the grid runs at once, and each sync() orders every block's writes
// before every block's reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "KernelTestSupport.h"
#include "npurt/cooperative_groups.h"
#include "npurt/runtime.h"

namespace cg = cooperative_groups;
using npu::test::kErrorLaunchFailure;
using npu::test::kSuccess;

namespace {

constexpr int kRounds = 4;

// Round r: every thread writes its value, the grid syncs, every thread reads the value of a
// thread in another block (a neighbour `shift` ranks away) and adds it to its own.
__global__ void exchange(int *values, int *seen, unsigned shift) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    cg::grid_group grid = cg::this_grid();
    const auto rank = static_cast<unsigned>(grid.thread_rank());
    const auto total = static_cast<unsigned>(grid.size());
    int mine = static_cast<int>(rank);
    for (int round = 0; round < kRounds; ++round) {
      values[round * total + rank] = mine;
      grid.sync();
      mine += values[round * total + (rank + shift) % total];
    }
    seen[rank] = mine;
  });
}

std::vector<int> expectedExchange(unsigned total, unsigned shift) {
  std::vector<int> value(total);
  for (unsigned i = 0; i < total; ++i)
    value[i] = static_cast<int>(i);
  for (int round = 0; round < kRounds; ++round) {
    std::vector<int> next(total);
    for (unsigned i = 0; i < total; ++i)
      next[i] = value[i] + value[(i + shift) % total];
    value = next;
  }
  return value;
}

int runCooperative(dim3 grid, dim3 block, int *values, int *seen, unsigned shift) {
  auto task = npu::detail::makeGridTask("exchange", exchange, grid, block, 0, values, seen, shift);
  task->cooperative = true;
  return static_cast<int>(npu::engine::executeGrid(*task));
}

TEST(GridSync, EveryBlocksWritesAreSeenAfterEachSync) {
  const dim3 grid(6), block(64);
  const unsigned total = 6 * 64, shift = 64 + 5; // the neighbour lives in the next block
  std::vector<int> values(kRounds * total), seen(total);
  ASSERT_EQ(runCooperative(grid, block, values.data(), seen.data(), shift), kSuccess);
  EXPECT_EQ(seen, expectedExchange(total, shift));
}

TEST(GridSync, TwoDimensionalGridsRankBlocksAsCuda) {
  const dim3 grid(3, 2), block(8, 4);
  const unsigned total = 6 * 32, shift = 37;
  std::vector<int> values(kRounds * total), seen(total);
  ASSERT_EQ(runCooperative(grid, block, values.data(), seen.data(), shift), kSuccess);
  EXPECT_EQ(seen, expectedExchange(total, shift));
}

// One-thread blocks run on the loop path; grid.sync() there waits at the grid barrier directly.
__global__ void oneThreadBlocks(int *slots, int *sums) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    slots[blockIdx.x] = static_cast<int>(blockIdx.x) + 1;
    cg::this_grid().sync();
    int sum = 0;
    for (unsigned b = 0; b < gridDim.x; ++b)
      sum += slots[b];
    sums[blockIdx.x] = sum;
  });
}

TEST(GridSync, OneThreadBlocksOnTheLoopPath) {
  std::vector<int> slots(5), sums(5);
  auto task = npu::detail::makeGridTask("oneThreadBlocks", oneThreadBlocks, dim3(5), dim3(1), 0,
                                        slots.data(), sums.data());
  task->cooperative = true;
  ASSERT_EQ(static_cast<int>(npu::engine::executeGrid(*task)), kSuccess);
  EXPECT_EQ(sums, std::vector<int>(5, 15));
}

// Threads that have exited count as arrived (as at a block barrier), and so does a block whose
// threads have all exited: the others do not wait for it.
__global__ void someExitEarly(int *slots, int *sums) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    cg::grid_group grid = cg::this_grid();
    if (blockIdx.x == 0 || threadIdx.x % 2 == 1)
      return;
    slots[grid.thread_rank()] = 1;
    grid.sync();
    if (threadIdx.x == 0) {
      int sum = 0;
      for (unsigned long long i = 0; i < grid.size(); ++i)
        sum += slots[i];
      sums[blockIdx.x] = sum;
    }
  });
}

TEST(GridSync, ExitedThreadsAndBlocksCountAsArrived) {
  std::vector<int> slots(4 * 16), sums(4, -1);
  auto task = npu::detail::makeGridTask("someExitEarly", someExitEarly, dim3(4), dim3(16), 0,
                                        slots.data(), sums.data());
  task->cooperative = true;
  ASSERT_EQ(static_cast<int>(npu::engine::executeGrid(*task)), kSuccess);
  EXPECT_EQ(sums, (std::vector<int>{-1, 24, 24, 24})); // 3 blocks x 8 even threads
}

__global__ void reportValidity(int *valid) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 0)
      valid[blockIdx.x] = cg::this_grid().is_valid() ? 1 : 0;
  });
}

TEST(GridSync, SyncInALaunchThatIsNotCooperativeFailsTheLaunch) {
  std::vector<int> values(kRounds * 64), seen(64);
  auto task = npu::detail::makeGridTask("exchange", exchange, dim3(2), dim3(32), 0, values.data(),
                                        seen.data(), 1u);
  EXPECT_EQ(static_cast<int>(npu::engine::executeGrid(*task)), kErrorLaunchFailure);
  std::vector<int> valid(2, -1);
  EXPECT_EQ(npu::test::runKernel("reportValidity", reportValidity, 2, 32, 0, valid.data()),
            kSuccess);
  EXPECT_EQ(valid, (std::vector<int>{0, 0}));
}

// Through the host API: the three cooperative launch forms, is_valid(), and the occupancy limit.
class CooperativeLaunch : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(npuDeviceReset(), npuSuccess);
    ASSERT_EQ(npuGetDeviceProperties(&device, 0), npuSuccess);
    ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&values), kRounds * kMax * sizeof(int)),
              npuSuccess);
    ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&seen), kMax * sizeof(int)), npuSuccess);
  }
  void TearDown() override {
    npuFree(values);
    npuFree(seen);
    EXPECT_EQ(npuDeviceReset(), npuSuccess);
  }
  std::vector<int> seenValues(unsigned total) const { return {seen, seen + total}; }

  static constexpr unsigned kMax = 1 << 14;
  npuDeviceProp device{};
  int *values = nullptr;
  int *seen = nullptr;
};

TEST_F(CooperativeLaunch, TheLaunchFormsRunEveryBlockAtOnce) {
  EXPECT_EQ(device.cooperativeLaunch, 1);
  int attribute = 0;
  ASSERT_EQ(npuDeviceGetAttribute(&attribute, npuDevAttrCooperativeLaunch, 0), npuSuccess);
  EXPECT_EQ(attribute, 1);

  int perMultiprocessor = 0;
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(
                &perMultiprocessor, ::npu::kernel_handle("exchange", exchange), 32, 0),
            npuSuccess);
  const unsigned blocks = unsigned(perMultiprocessor * device.multiProcessorCount);
  ASSERT_GE(blocks, 1u);
  ASSERT_LE(blocks * 32, kMax);
  const unsigned total = blocks * 32, shift = 33;
  unsigned shiftArgument = shift;
  void *args[] = {&values, &seen, &shiftArgument};

  // The largest grid the occupancy calculator allows.
  ASSERT_EQ(npuLaunchCooperativeKernel(::npu::kernel_handle("exchange", exchange), dim3(blocks),
                                       dim3(32), args, 0, nullptr),
            npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(seenValues(total), expectedExchange(total, shift));

  // CUDA's C++ overload taking the kernel itself; smaller grids from here on.
  const unsigned few = std::min(blocks, 4u), fewTotal = few * 32;
  std::fill(seen, seen + total, 0);
  ASSERT_EQ(npuLaunchCooperativeKernel(exchange, dim3(few), dim3(32), args), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(seenValues(fewTotal), expectedExchange(fewTotal, shift));

  // npuLaunchKernelEx with npuLaunchAttributeCooperative.
  std::fill(seen, seen + total, 0);
  npuLaunchAttribute cooperative{};
  cooperative.id = npuLaunchAttributeCooperative;
  cooperative.val.cooperative = 1;
  npuLaunchConfig_t config{};
  config.gridDim = dim3(few);
  config.blockDim = dim3(32);
  config.attrs = &cooperative;
  config.numAttrs = 1;
  ASSERT_EQ(npuLaunchKernelEx(&config, exchange, values, seen, shift), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(seenValues(fewTotal), expectedExchange(fewTotal, shift));

  int *valid = nullptr;
  ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&valid), 2 * sizeof(int)), npuSuccess);
  void *validArgs[] = {&valid};
  ASSERT_EQ(npuLaunchCooperativeKernel(reportValidity, dim3(2), dim3(32), validArgs), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(valid[0] + valid[1], 2);
  npuFree(valid);
}

TEST_F(CooperativeLaunch, AGridAboveTheOccupancyLimitIsRefused) {
  int perMultiprocessor = 0;
  ASSERT_EQ(npuOccupancyMaxActiveBlocksPerMultiprocessor(
                &perMultiprocessor, ::npu::kernel_handle("exchange", exchange), 256, 0),
            npuSuccess);
  const unsigned tooMany = unsigned(perMultiprocessor * device.multiProcessorCount) + 1;
  unsigned shift = 1;
  void *args[] = {&values, &seen, &shift};
  EXPECT_EQ(npuLaunchCooperativeKernel(exchange, dim3(tooMany), dim3(256), args),
            npuErrorCooperativeLaunchTooLarge);
  EXPECT_EQ(npuGetLastError(), npuErrorCooperativeLaunchTooLarge);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess); // nothing ran, nothing is sticky
}

} // namespace
