// Block scheduling, the loop path and the engine's settings.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "KernelTestSupport.h"
#include "engine/Config.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

__global__ void saxpy(int n, float a, const float *x, float *y) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      y[i] = a * x[i] + y[i];
  });
}

TEST(Engine, LoopPathCoversEveryThreadOfEveryBlock) {
  const int n = 100003;
  std::vector<float> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = static_cast<float>(i);
    y[i] = 1.0f;
  }
  ASSERT_EQ(runKernel("saxpy", saxpy, (n + 255) / 256, 256, 0, n, 2.0f, x.data(), y.data()),
            kSuccess);
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(y[i], 2.0f * static_cast<float>(i) + 1.0f) << i;
}

// 3D grid of 3D blocks: every (block, thread) pair runs exactly once and sees
// the right geometry, both in the parameters and in the globals.
__device__ unsigned globalLinearThread() {
  return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}

__global__ void recordGeometry(unsigned *hits, unsigned *mismatches) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    const unsigned block = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
    const unsigned thread = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
    const unsigned threads = blockDim.x * blockDim.y * blockDim.z;
    atomicAdd(&hits[block * threads + thread], 1u);
    if (globalLinearThread() != thread || ::blockIdx.x != blockIdx.x || ::gridDim.z != gridDim.z)
      atomicAdd(mismatches, 1u);
  });
}

TEST(Engine, ThreeDimensionalGeometry) {
  const dim3 grid(3, 4, 5), block(4, 3, 2);
  const unsigned total = 3 * 4 * 5 * 4 * 3 * 2;
  std::vector<unsigned> hits(total, 0);
  unsigned mismatches = 0;
  ASSERT_EQ(runKernel("recordGeometry", recordGeometry, grid, block, 0, hits.data(), &mismatches),
            kSuccess);
  EXPECT_EQ(mismatches, 0u);
  for (unsigned i = 0; i < total; ++i)
    ASSERT_EQ(hits[i], 1u) << i;
}

__global__ void recordWorker(std::atomic<int> *distinctProbe, unsigned *count) {
  ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 0) {
      distinctProbe->fetch_add(1);
      atomicAdd(count, 1u);
    }
  });
}

TEST(Engine, ManyBlocksSpreadOverWorkers) {
  std::atomic<int> probe{0};
  unsigned count = 0;
  ASSERT_EQ(runKernel("recordWorker", recordWorker, 100000, 32, 0, &probe, &count), kSuccess);
  EXPECT_EQ(count, 100000u);
  EXPECT_GE(npu::engine::workerCount(), 1);
}

TEST(Engine, ConcurrentGridsFromSeveralHostThreads) {
  const int n = 1 << 16;
  std::vector<std::vector<float>> xs(4, std::vector<float>(n, 1.0f));
  std::vector<std::vector<float>> ys(4, std::vector<float>(n, 0.0f));
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int repeat = 0; repeat < 10; ++repeat) {
        if (runKernel("saxpy", saxpy, n / 128, 128, 0, n, 1.0f, xs[t].data(), ys[t].data()) !=
            kSuccess)
          ++failures;
      }
    });
  }
  for (auto &thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(ys[t][i], 10.0f);
}

// Dynamic shared memory: one per-worker buffer, at least the requested size,
// 16-byte aligned, private to the block while it runs.
__global__ void reverseInShared(const int *in, int *out, unsigned *misaligned) {
  int *const shared = ::npu::dynamic_shared<int>();
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    if (reinterpret_cast<std::uintptr_t>(shared) % 16 != 0)
      atomicAdd(misaligned, 1u);
    const unsigned base = blockIdx.x * blockDim.x;
    shared[threadIdx.x] = in[base + threadIdx.x];
    __syncthreads();
    out[base + threadIdx.x] = shared[blockDim.x - 1 - threadIdx.x];
  });
}

TEST(Engine, DynamicSharedMemory) {
  const unsigned blocks = 64, threads = 200;
  std::vector<int> in(blocks * threads), out(blocks * threads, -1);
  for (unsigned i = 0; i < in.size(); ++i)
    in[i] = static_cast<int>(i);
  unsigned misaligned = 0;
  ASSERT_EQ(runKernel("reverseInShared", reverseInShared, blocks, threads, threads * sizeof(int),
                      in.data(), out.data(), &misaligned),
            kSuccess);
  EXPECT_EQ(misaligned, 0u);
  for (unsigned b = 0; b < blocks; ++b)
    for (unsigned t = 0; t < threads; ++t)
      ASSERT_EQ(out[b * threads + t], static_cast<int>(b * threads + threads - 1 - t));
}

// Launch argument conversion: int -> size_t, derived* -> base*, nullptr -> T*,
// template kernels named with explicit arguments.
struct Base {
  int value = 0;
};
struct Derived : Base {
  int extra = 0;
};

__global__ void convertedArguments(std::size_t n, Base *base, const int *nothing, int *result) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    *result = static_cast<int>(n) + base->value + (nothing == nullptr ? 1000 : 0);
  });
}

template <class T, int Scale> __global__ void scale(T *data, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      data[i] *= static_cast<T>(Scale);
  });
}

TEST(Engine, LaunchConvertsArgumentsLikeCuda) {
  Derived derived;
  derived.value = 20;
  int result = 0;
  int n = 3;
  ASSERT_EQ(
      runKernel("convertedArguments", convertedArguments, 1, 1, 0, n, &derived, nullptr, &result),
      kSuccess);
  EXPECT_EQ(result, 1023);

  std::vector<double> data(10, 1.5);
  ASSERT_EQ(runKernel("scale<double, 4>", scale<double, 4>, dim3(1), dim3(16), 0u, data.data(), 10),
            kSuccess);
  for (double v : data)
    EXPECT_EQ(v, 6.0);
}

TEST(EngineSettings, WorkerCountParsing) {
  std::string error;
  EXPECT_EQ(npu::engine::parseWorkerCount(nullptr, 8, error), 8);
  EXPECT_EQ(npu::engine::parseWorkerCount("", 8, error), 8);
  EXPECT_EQ(npu::engine::parseWorkerCount("3", 8, error), 3);
  EXPECT_TRUE(error.empty());
  for (const char *bad : {"0", "-2", "abc", "4x", "99999"}) {
    error.clear();
    EXPECT_EQ(npu::engine::parseWorkerCount(bad, 8, error), 0) << bad;
    EXPECT_NE(error.find("NPURT_NUM_THREADS"), std::string::npos);
    EXPECT_NE(error.find("accepted values"), std::string::npos);
  }
}

} // namespace
