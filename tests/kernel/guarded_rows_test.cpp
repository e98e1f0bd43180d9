// Guards checked a row at a time (npu::for_each_thread_guarded, BlockRegions'
// for_each_thread_guarded and for_each_thread_strided), in the form cu2npu emits: rows whose lanes
// all pass run without the guard, the others as written, and the result is the same.
#include <gtest/gtest.h>

#include <atomic>
#include <type_traits>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

__global__ void saxpyGuarded(int n, float a, const float *x, float *y) {
  ::npu::for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                 ::npu::RowIndex::Global>(
      [&](const auto npu_guard, NPU_THREAD_PARAMS) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (npu_guard.enters(i < n))
          y[i] = a * x[i] + y[i];
      });
}

TEST(GuardedRows, FastPathRowsThatEndInsideABlockKeepTheirGuard) {
  for (const int n : {1, 255, 256, 1000, 4097}) {
    std::vector<float> x(n + 64), y(n + 64, -1.0f);
    for (int i = 0; i < n; ++i) {
      x[i] = static_cast<float>(i);
      y[i] = 1.0f;
    }
    ASSERT_EQ(runKernel("saxpyGuarded", saxpyGuarded, (n + 127) / 128, 128, 0, n, 2.0f, x.data(),
                        y.data()),
              kSuccess);
    for (int i = 0; i < n + 64; ++i)
      ASSERT_EQ(y[i], i < n ? 2.0f * static_cast<float>(i) + 1.0f : -1.0f) << n << " " << i;
  }
}

// The early-return form on 2D blocks, a condition true for lanes in no order along a row.
__global__ void markOdd(int rows, int cols, int *m) {
  ::npu::for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused>(
      [&](const auto npu_guard, NPU_THREAD_PARAMS) {
        int r = blockIdx.y * blockDim.y + threadIdx.y, c = blockIdx.x * blockDim.x + threadIdx.x;
        if (npu_guard.exits(r >= rows || c >= cols || (r * cols + c) % 7 == 3))
          return;
        m[r * cols + c] += r * cols + c;
      });
}

TEST(GuardedRows, EarlyReturnOn2DBlocksSkipsExactlyTheFailingLanes) {
  const int rows = 19, cols = 45;
  std::vector<int> m(rows * cols, 1);
  ASSERT_EQ(runKernel("markOdd", markOdd, dim3((cols + 15) / 16, (rows + 3) / 4), dim3(16, 4), 0,
                      rows, cols, m.data()),
            kSuccess);
  for (int i = 0; i < rows * cols; ++i)
    ASSERT_EQ(m[i], i % 7 == 3 ? 1 : 1 + i) << i;
}

// A block-stride loop as cu2npu interchanges it: the loop at block level, its body's region
// guarded by the loop's own condition; strided (checked at the last lane: i grows with the lane)
// or every lane (a condition that does not).
template <bool Strided> __global__ void blockSums(int n, const int *in, int *out) {
  ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
    auto *npu_sum = npu_block.per_thread<int>();
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>(
        [&](NPU_REGION_PARAMS) { npu_sum[npu_thread] = 0; });
    for (int i = 0; npu_block.active() && (i < n); i += blockDim.x) {
      auto body = [&](const auto npu_guard, NPU_REGION_PARAMS) {
        auto &sum = npu_sum[npu_thread];
        const auto npu_i_base = i;
        int i = npu_i_base + static_cast<int>(threadIdx.x);
        if (npu_guard.exits(!(i < n && (Strided || i % 5 != 2))))
          return;
        sum += in[i];
      };
      if constexpr (Strided)
        npu_block.for_each_thread_strided<::npu::ThreadIdxGlobal::Unused>(body);
      else
        npu_block.for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused>(body);
    }
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      if (threadIdx.x == 0) {
        int total = 0;
        for (unsigned t = 0; t < blockDim.x; ++t)
          total += npu_sum[t];
        out[blockIdx.x] = total;
      }
    });
  });
}

TEST(GuardedRows, BlockStrideRegionsSumWhatEachThreadWould) {
  for (const int n : {50, 64, 1000}) {
    std::vector<int> in(n);
    for (int i = 0; i < n; ++i)
      in[i] = i + 1;
    int strided = 0, everyLane = 0, wantStrided = 0, wantEveryLane = 0;
    ASSERT_EQ(runKernel("blockSums", blockSums<true>, 1, 64, 0, n, in.data(), &strided), kSuccess);
    ASSERT_EQ(runKernel("blockSums", blockSums<false>, 1, 64, 0, n, in.data(), &everyLane),
              kSuccess);
    for (int i = 0; i < n; ++i) {
      wantStrided += in[i];
      wantEveryLane += i % 5 != 2 ? in[i] : 0;
    }
    EXPECT_EQ(strided, wantStrided) << n;
    EXPECT_EQ(everyLane, wantEveryLane) << n;
  }
}

// A guard monotone along the row (npu::for_each_thread_monotone): rows are checked at their first
// and last lanes only, and rows where either fails (the grid's first and last) run as written.
std::atomic<int> rowChecks{0}; // lanes evaluated by row checks

template <bool Monotone> __global__ void interior(int n, const float *in, float *out) {
  auto body = [&](const auto npu_guard, NPU_THREAD_PARAMS) {
    if constexpr (std::is_same_v<std::decay_t<decltype(npu_guard)>, ::npu::detail::GuardCheck>)
      rowChecks.fetch_add(1, std::memory_order_relaxed);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (npu_guard.enters(i > 0 && i < n - 1))
      out[i] = in[i - 1] + in[i + 1];
  };
  if constexpr (Monotone)
    ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                    ::npu::RowIndex::Global>(body);
  else
    ::npu::for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                   ::npu::RowIndex::Global>(body);
}

TEST(GuardedRows, MonotoneGuardsAreCheckedAtTheRowEnds) {
  for (const int n : {2, 3, 64, 65, 1000}) {
    std::vector<float> in(n + 64), mono(n + 64, -1.0f), every(n + 64, -1.0f);
    for (int i = 0; i < n + 64; ++i)
      in[i] = static_cast<float>(i % 13);
    const int blocks = (n + 63) / 64;
    rowChecks = 0;
    ASSERT_EQ(runKernel("interior", interior<true>, blocks, 64, 0, n, in.data(), mono.data()),
              kSuccess);
    const int monoChecks = rowChecks.exchange(0);
    ASSERT_EQ(runKernel("interior", interior<false>, blocks, 64, 0, n, in.data(), every.data()),
              kSuccess);
    for (int i = 0; i < n + 64; ++i) {
      const float want = i > 0 && i < n - 1 ? in[i - 1] + in[i + 1] : -1.0f;
      ASSERT_EQ(mono[i], want) << n << " " << i;
      ASSERT_EQ(every[i], want) << n << " " << i;
    }
    // Two lanes a row at most (the first lane of the grid's first row fails: one), against all.
    EXPECT_LE(monoChecks, 2 * blocks) << n;
    EXPECT_EQ(rowChecks.load(), 64 * blocks) << n;
  }
}

} // namespace
