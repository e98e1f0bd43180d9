// Block barriers on the fiber path: in loops, with early exits, with predicates.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

__global__ void treeSum(const int *in, int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int partial[256];
    const unsigned t = threadIdx.x;
    partial[t] = in[blockIdx.x * blockDim.x + t];
    __syncthreads();
    for (unsigned stride = blockDim.x / 2; stride > 0; stride /= 2) {
      if (t < stride)
        partial[t] += partial[t + stride];
      __syncthreads();
    }
    if (t == 0)
      out[blockIdx.x] = partial[0];
  });
}

TEST(Barrier, TreeReductionInSharedMemory) {
  const unsigned blocks = 512, threads = 256;
  std::vector<int> in(blocks * threads);
  std::iota(in.begin(), in.end(), 0);
  std::vector<int> out(blocks, 0);
  ASSERT_EQ(runKernel("treeSum", treeSum, blocks, threads, 0, in.data(), out.data()), kSuccess);
  for (unsigned b = 0; b < blocks; ++b) {
    long long expected = 0;
    for (unsigned t = 0; t < threads; ++t)
      expected += in[b * threads + t];
    ASSERT_EQ(out[b], expected) << b;
  }
}

// Bitonic sort of 1024 keys per block: barriers inside two nested loops.
__global__ void bitonicSort(int *keys) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int shared[1024];
    const unsigned t = threadIdx.x;
    int *const block = keys + blockIdx.x * 1024;
    shared[t] = block[t];
    shared[t + 512] = block[t + 512];
    __syncthreads();
    for (unsigned size = 2; size <= 1024; size *= 2) {
      for (unsigned stride = size / 2; stride > 0; stride /= 2) {
        const unsigned i = 2 * t - (t & (stride - 1));
        const bool ascending = (i & size) == 0;
        if ((shared[i] > shared[i + stride]) == ascending)
          std::swap(shared[i], shared[i + stride]);
        __syncthreads();
      }
    }
    block[t] = shared[t];
    block[t + 512] = shared[t + 512];
  });
}

TEST(Barrier, BitonicSort) {
  const unsigned blocks = 16;
  std::vector<int> keys(blocks * 1024);
  std::mt19937 random(42);
  for (int &key : keys)
    key = static_cast<int>(random() % 100000);
  std::vector<int> expected = keys;
  for (unsigned b = 0; b < blocks; ++b)
    std::sort(expected.begin() + b * 1024, expected.begin() + (b + 1) * 1024);
  ASSERT_EQ(runKernel("bitonicSort", bitonicSort, blocks, 512, 0, keys.data()), kSuccess);
  EXPECT_EQ(keys, expected);
}

// Threads that return before a barrier do not block the others (Volta+).
__global__ void earlyExit(int *out, int active) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int shared[128];
    const int t = static_cast<int>(threadIdx.x);
    if (t >= active)
      return;
    shared[t] = t + 1;
    __syncthreads();
    int sum = 0;
    for (int i = 0; i < active; ++i)
      sum += shared[i];
    __syncthreads();
    out[blockIdx.x * blockDim.x + t] = sum;
  });
}

TEST(Barrier, ExitedThreadsDoNotBlockTheBarrier) {
  const int active = 77;
  std::vector<int> out(8 * 128, -1);
  ASSERT_EQ(runKernel("earlyExit", earlyExit, 8, 128, 0, out.data(), active), kSuccess);
  for (int b = 0; b < 8; ++b)
    for (int t = 0; t < 128; ++t)
      ASSERT_EQ(out[b * 128 + t], t < active ? active * (active + 1) / 2 : -1);
}

// Threads leave a loop with barriers at different iterations.
__global__ void divergentLoopExit(int *iterations) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int round;
    const int t = static_cast<int>(threadIdx.x);
    if (t == 0)
      round = 0;
    __syncthreads();
    for (int i = 0;; ++i) {
      if (i >= t % 7) {
        iterations[t] = i;
        return;
      }
      __syncthreads();
      if (t == 0)
        ++round;
    }
  });
}

TEST(Barrier, ThreadsLeavingALoopAtDifferentIterations) {
  std::vector<int> iterations(96, -1);
  ASSERT_EQ(runKernel("divergentLoopExit", divergentLoopExit, 1, 96, 0, iterations.data()),
            kSuccess);
  for (int t = 0; t < 96; ++t)
    EXPECT_EQ(iterations[t], t % 7);
}

__global__ void predicates(int *count, int *all, int *any, int mod) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const int t = static_cast<int>(threadIdx.x);
    const int c = __syncthreads_count(t % mod == 0);
    const int a = __syncthreads_and(t % mod == 0);
    const int o = __syncthreads_or(t % mod == 0 && t > 0);
    if (t == 5) {
      count[blockIdx.x] = c;
      all[blockIdx.x] = a;
      any[blockIdx.x] = o;
    }
  });
}

TEST(Barrier, CountAndOr) {
  int count = -1, all = -1, any = -1;
  ASSERT_EQ(runKernel("predicates", predicates, 1, 100, 0, &count, &all, &any, 3), kSuccess);
  EXPECT_EQ(count, 34);
  EXPECT_EQ(all, 0);
  EXPECT_EQ(any, 1);
  ASSERT_EQ(runKernel("predicates", predicates, 1, 100, 0, &count, &all, &any, 1), kSuccess);
  EXPECT_EQ(count, 100);
  EXPECT_NE(all, 0);
  EXPECT_NE(any, 0);
  ASSERT_EQ(runKernel("predicates", predicates, 1, 100, 0, &count, &all, &any, 1000), kSuccess);
  EXPECT_EQ(count, 1);
  EXPECT_EQ(all, 0);
  EXPECT_EQ(any, 0);
}

// Data passed through global memory across a barrier (not only shared memory).
__global__ void globalExchange(int *scratch, int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned base = blockIdx.x * blockDim.x;
    scratch[base + threadIdx.x] = static_cast<int>(threadIdx.x) * 3;
    __syncthreads();
    out[base + threadIdx.x] = scratch[base + (threadIdx.x + 1) % blockDim.x];
  });
}

TEST(Barrier, GlobalMemoryIsVisibleAcrossTheBarrier) {
  std::vector<int> scratch(32 * 64), out(32 * 64);
  ASSERT_EQ(runKernel("globalExchange", globalExchange, 32, 64, 0, scratch.data(), out.data()),
            kSuccess);
  for (int b = 0; b < 32; ++b)
    for (int t = 0; t < 64; ++t)
      ASSERT_EQ(out[b * 64 + t], ((t + 1) % 64) * 3);
}

// 2D block on the fiber path: a transpose through a shared tile.
__global__ void transpose(const float *in, float *out, int width) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ float tile[16][17];
    int x = blockIdx.x * 16 + threadIdx.x, y = blockIdx.y * 16 + threadIdx.y;
    tile[threadIdx.y][threadIdx.x] = in[y * width + x];
    __syncthreads();
    x = blockIdx.y * 16 + threadIdx.x;
    y = blockIdx.x * 16 + threadIdx.y;
    out[y * width + x] = tile[threadIdx.x][threadIdx.y];
  });
}

TEST(Barrier, TransposeWith2DBlocks) {
  const int width = 128;
  std::vector<float> in(width * width), out(width * width);
  for (int i = 0; i < width * width; ++i)
    in[i] = static_cast<float>(i);
  ASSERT_EQ(
      runKernel("transpose", transpose, dim3(8, 8), dim3(16, 16), 0, in.data(), out.data(), width),
      kSuccess);
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      ASSERT_EQ(out[y * width + x], in[x * width + y]);
}

} // namespace
