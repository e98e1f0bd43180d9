// Block fusion (RowIndex::GlobalOnly, npurt/device/builtins.h): a thread loop whose body reads
// the x coordinates only as blockIdx.x * blockDim.x + threadIdx.x runs the blocks the engine
// offers adjacent in x as one row. Every thread still runs exactly once with its own global
// index, whatever the grid's shape, its chunks' edges or its partial rows; a body that takes no
// span, or a grid whose operations are counted, runs block by block.
#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

std::atomic<int> bodyCalls{0}; // calls of a kernel's body: one per block it ran, or per span

// out[y][x] += 1 for every thread of a 2D grid, with the global index of each dimension.
template <::npu::RowIndex Index> __global__ void countThreads(int width, int height, int *out) {
  bodyCalls.fetch_add(1, std::memory_order_relaxed);
  ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ, Index>(
      [&](NPU_THREAD_PARAMS) {
        int x = blockIdx.x * blockDim.x + threadIdx.x;
        int y = blockIdx.y * blockDim.y + threadIdx.y;
        if (x < width && y < height)
          out[y * width + x] += 1;
      });
}

struct Shape {
  dim3 grid, block;
};

int countedThreads(const Shape &s, int width, int height, std::vector<int> &out) {
  out.assign(static_cast<std::size_t>(width) * height, 0);
  return runKernel("countThreads", countThreads<::npu::RowIndex::GlobalOnly>, s.grid, s.block, 0,
                   width, height, out.data());
}

TEST(BlockFusion, EveryThreadRunsOnceWithItsOwnGlobalIndex) {
  // Odd grid widths (spans end inside a chunk, chunks end inside a row), blocks wider than a
  // fused row, one-block rows.
  for (const Shape s : {Shape{dim3(37, 5), dim3(16, 4)}, Shape{dim3(64, 3), dim3(8, 2)},
                        Shape{dim3(3, 7), dim3(1024, 1)}, Shape{dim3(1, 40), dim3(32, 2)},
                        Shape{dim3(1000, 1), dim3(5, 3)}}) {
    const int width = static_cast<int>(s.grid.x * s.block.x) - 3;
    const int height = static_cast<int>(s.grid.y * s.block.y);
    std::vector<int> out;
    ASSERT_EQ(countedThreads(s, width, height, out), kSuccess);
    for (int i = 0; i < width * height; ++i)
      ASSERT_EQ(out[i], 1) << s.grid.x << "x" << s.grid.y << " blocks of " << s.block.x << "x"
                           << s.block.y << ", element " << i;
  }
}

TEST(BlockFusion, AdjacentBlocksRunAsOneRowOnlyWhereTheBodyTakesThem) {
  const Shape s{dim3(64, 4), dim3(16, 4)};
  const int width = 64 * 16, height = 16;
  std::vector<int> out;
  bodyCalls = 0;
  ASSERT_EQ(countedThreads(s, width, height, out), kSuccess);
  EXPECT_LT(bodyCalls.load(), 64 * 4) << "no block was fused";
  EXPECT_GE(bodyCalls.load(), 4); // a span never crosses a row of blocks

  // The same body numbering lanes by the global index but not taking a span: block by block.
  out.assign(static_cast<std::size_t>(width) * height, 0);
  bodyCalls = 0;
  ASSERT_EQ(runKernel("countThreads", countThreads<::npu::RowIndex::Global>, s.grid, s.block, 0,
                      width, height, out.data()),
            kSuccess);
  EXPECT_EQ(bodyCalls.load(), 64 * 4);
  for (int i = 0; i < width * height; ++i)
    ASSERT_EQ(out[i], 1) << i;
}

TEST(BlockFusion, CountedGridsRunBlockByBlock) {
  const Shape s{dim3(64, 2), dim3(16, 2)};
  const int width = 64 * 16, height = 4;
  std::vector<int> out(static_cast<std::size_t>(width) * height, 0);
  auto task = npu::detail::makeGridTask("countThreads", countThreads<::npu::RowIndex::GlobalOnly>,
                                        s.grid, s.block, 0, width, height, out.data());
  std::vector<npu::detail::CostTally> perCore(4);
  bodyCalls = 0;
  ASSERT_EQ(static_cast<int>(npu::engine::executeGrid(*task, &perCore)), kSuccess);
  EXPECT_EQ(bodyCalls.load(), 64 * 2);
  for (int i = 0; i < width * height; ++i)
    ASSERT_EQ(out[i], 1) << i;
}

// The interchanged form (block_regions): a column walk y[row] = sum_j A[j][row] * x[j] on 32x4
// blocks that ignore threadIdx.y (replayable duplicates: one slice runs), rows past n exiting.
__global__ void matvecColumns(const float *A, const float *x, float *y, int n) {
  ::npu::block_regions<::npu::ThreadDims::X, true, ::npu::RowIndex::GlobalOnly>(
      [&](::npu::BlockRegions &npu_block) {
        auto *npu_sum = npu_block.per_thread<float>();
        npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
          int const row = blockIdx.x * blockDim.x + threadIdx.x;
          if (!(row < n))
            return npu_block.exit(npu_thread);
          npu_sum[npu_thread] = 0.0f;
        });
        for (int j = 0; npu_block.active() && (j < n); ++j)
          npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                    ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
            int const row = blockIdx.x * blockDim.x + threadIdx.x;
            npu_sum[npu_thread] += A[j * n + row] * x[j];
          });
        npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
          int const row = blockIdx.x * blockDim.x + threadIdx.x;
          y[row] = npu_sum[npu_thread];
        });
      });
}

TEST(BlockFusion, RegionsKeepEachFusedThreadsSlotsAndExits) {
  for (const int n : {1, 31, 100, 333}) {
    std::vector<float> A(static_cast<std::size_t>(n) * n), x(n), y(n + 8, -1.0f);
    for (int j = 0; j < n; ++j) {
      x[j] = static_cast<float>(j % 5) - 2.0f;
      for (int r = 0; r < n; ++r)
        A[j * n + r] = static_cast<float>((j * 7 + r * 3) % 11);
    }
    ASSERT_EQ(runKernel("matvecColumns", matvecColumns, (n + 31) / 32, dim3(32, 4), 0, A.data(),
                        x.data(), y.data(), n),
              kSuccess);
    for (int r = 0; r < n + 8; ++r) {
      float want = -1.0f;
      if (r < n) {
        want = 0.0f;
        for (int j = 0; j < n; ++j)
          want += A[j * n + r] * x[j];
      }
      ASSERT_EQ(y[r], want) << n << " " << r;
    }
  }
}

// The same form on 2D blocks that read both coordinates: C = A * B with a per-thread sum kept
// across a uniform k loop, every row of a fused block's threads in slots of its own.
__global__ void matmulRegions(const float *A, const float *B, float *C, int n) {
  ::npu::block_regions<::npu::ThreadDims::XYZ, false, ::npu::RowIndex::GlobalOnly>(
      [&](::npu::BlockRegions &npu_block) {
        auto *npu_sum = npu_block.per_thread<float>();
        npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
          int const row = blockIdx.y * blockDim.y + threadIdx.y;
          int const col = blockIdx.x * blockDim.x + threadIdx.x;
          if (!(row < n && col < n))
            return npu_block.exit(npu_thread);
          npu_sum[npu_thread] = 0.0f;
        });
        for (int k = 0; npu_block.active() && (k < n); ++k)
          npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                    ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
            int const row = blockIdx.y * blockDim.y + threadIdx.y;
            int const col = blockIdx.x * blockDim.x + threadIdx.x;
            npu_sum[npu_thread] += A[row * n + k] * B[k * n + col];
          });
        npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>([&](NPU_REGION_PARAMS) {
          int const row = blockIdx.y * blockDim.y + threadIdx.y;
          int const col = blockIdx.x * blockDim.x + threadIdx.x;
          C[row * n + col] = npu_sum[npu_thread];
        });
      });
}

TEST(BlockFusion, RegionsOf2DBlocksKeepEveryRowsSlots) {
  for (const int n : {7, 48, 70}) {
    std::vector<float> A(static_cast<std::size_t>(n) * n), B(A.size()), C(A.size(), -1.0f);
    for (int i = 0; i < n * n; ++i) {
      A[i] = static_cast<float>(i % 7) - 3.0f;
      B[i] = static_cast<float>(i % 5) - 2.0f;
    }
    ASSERT_EQ(runKernel("matmulRegions", matmulRegions, dim3((n + 15) / 16, (n + 3) / 4),
                        dim3(16, 4), 0, A.data(), B.data(), C.data(), n),
              kSuccess);
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) {
        float want = 0.0f;
        for (int k = 0; k < n; ++k)
          want += A[r * n + k] * B[k * n + c];
        ASSERT_EQ(C[r * n + c], want) << n << " " << r << " " << c;
      }
  }
}

} // namespace
