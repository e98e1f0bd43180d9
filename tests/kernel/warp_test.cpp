// Warp collectives on the fiber path: shuffles, votes, match, reductions.
#include <gtest/gtest.h>

#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

constexpr unsigned kFull = 0xffffffffu;

__global__ void warpSums(const int *in, int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    int value = in[i];
    for (int offset = 16; offset > 0; offset /= 2)
      value += __shfl_down_sync(kFull, value, offset);
    if (threadIdx.x % 32 == 0)
      out[i / 32] = value;
  });
}

TEST(Warp, ShuffleDownReduction) {
  std::vector<int> in(4 * 128), out(4 * 4, 0);
  for (unsigned i = 0; i < in.size(); ++i)
    in[i] = static_cast<int>(i * 7 % 13);
  ASSERT_EQ(runKernel("warpSums", warpSums, 4, 128, 0, in.data(), out.data()), kSuccess);
  for (unsigned w = 0; w < out.size(); ++w) {
    int expected = 0;
    for (unsigned l = 0; l < 32; ++l)
      expected += in[w * 32 + l];
    EXPECT_EQ(out[w], expected);
  }
}

// Every shuffle flavour with every width, against PTX's lane arithmetic.
__global__ void allShuffles(int *up, int *down, int *xr, int *idx, int width) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const int lane = static_cast<int>(threadIdx.x);
    const int value = 100 + lane;
    up[lane] = __shfl_up_sync(kFull, value, 3, width);
    down[lane] = __shfl_down_sync(kFull, value, 3, width);
    xr[lane] = __shfl_xor_sync(kFull, value, 5, width);
    idx[lane] = __shfl_sync(kFull, value, lane * 7 + 1, width);
  });
}

TEST(Warp, ShuffleVariantsAndWidths) {
  for (int width : {32, 16, 8, 4, 2, 1}) {
    std::vector<int> up(32), down(32), xr(32), idx(32);
    ASSERT_EQ(runKernel("allShuffles", allShuffles, 1, 32, 0, up.data(), down.data(), xr.data(),
                        idx.data(), width),
              kSuccess);
    for (int lane = 0; lane < 32; ++lane) {
      const int first = lane & ~(width - 1), last = first + width - 1;
      EXPECT_EQ(up[lane], 100 + (lane - 3 >= first ? lane - 3 : lane)) << width << " " << lane;
      EXPECT_EQ(down[lane], 100 + (lane + 3 <= last ? lane + 3 : lane)) << width << " " << lane;
      const int x = lane ^ 5;
      EXPECT_EQ(xr[lane], 100 + (x <= last ? x : lane)) << width << " " << lane;
      EXPECT_EQ(idx[lane], 100 + (first | ((lane * 7 + 1) & (width - 1)))) << width << " " << lane;
    }
  }
}

__global__ void shuffleWideTypes(double *doubles, long long *longs, float *floats) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned lane = threadIdx.x;
    doubles[lane] = __shfl_xor_sync(kFull, 0.5 + lane, 1);
    longs[lane] = __shfl_sync(kFull, (1LL << 40) + lane, 31);
    floats[lane] = __shfl_down(1.25f * static_cast<float>(lane), 1); // legacy mask-less form
  });
}

TEST(Warp, ShufflesOfEightByteAndFloatValues) {
  std::vector<double> doubles(32);
  std::vector<long long> longs(32);
  std::vector<float> floats(32);
  ASSERT_EQ(runKernel("shuffleWideTypes", shuffleWideTypes, 1, 32, 0, doubles.data(), longs.data(),
                      floats.data()),
            kSuccess);
  for (unsigned lane = 0; lane < 32; ++lane) {
    EXPECT_EQ(doubles[lane], 0.5 + (lane ^ 1));
    EXPECT_EQ(longs[lane], (1LL << 40) + 31);
    EXPECT_EQ(floats[lane], 1.25f * static_cast<float>(lane < 31 ? lane + 1 : lane));
  }
}

// Only the even lanes vote; the odd lanes are elsewhere and are not waited for.
__global__ void partialVotes(unsigned *ballots, int *anys, int *alls) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned lane = threadIdx.x % 32;
    if (lane % 2 == 0) {
      ballots[threadIdx.x] = __ballot_sync(0x55555555u, lane % 4 == 0);
      anys[threadIdx.x] = __any_sync(0x55555555u, lane == 6);
      alls[threadIdx.x] = __all_sync(0x55555555u, lane < 32);
    } else {
      __syncwarp(0xaaaaaaaau);
      ballots[threadIdx.x] = __ballot_sync(0xaaaaaaaau, lane == 31);
      anys[threadIdx.x] = __any_sync(0xaaaaaaaau, 0);
      alls[threadIdx.x] = __all_sync(0xaaaaaaaau, lane != 3);
    }
  });
}

TEST(Warp, VotesWithPartialMasks) {
  std::vector<unsigned> ballots(64);
  std::vector<int> anys(64), alls(64);
  ASSERT_EQ(
      runKernel("partialVotes", partialVotes, 1, 64, 0, ballots.data(), anys.data(), alls.data()),
      kSuccess);
  for (unsigned t = 0; t < 64; ++t) {
    if (t % 2 == 0) {
      EXPECT_EQ(ballots[t], 0x11111111u);
      EXPECT_NE(anys[t], 0);
      EXPECT_NE(alls[t], 0);
    } else {
      EXPECT_EQ(ballots[t], 0x80000000u);
      EXPECT_EQ(anys[t], 0);
      EXPECT_EQ(alls[t], 0);
    }
  }
}

// Lanes that returned count as arrived; lanes beyond a partial last warp too.
__global__ void exitedLanes(unsigned *ballots) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x % 32 >= 20)
      return;
    ballots[threadIdx.x] = __ballot_sync(kFull, 1);
  });
}

TEST(Warp, ExitedAndMissingLanesCountAsArrived) {
  std::vector<unsigned> ballots(48, 0);
  ASSERT_EQ(runKernel("exitedLanes", exitedLanes, 1, 48, 0, ballots.data()), kSuccess);
  for (unsigned t = 0; t < 20; ++t)
    EXPECT_EQ(ballots[t], 0x000fffffu);
  for (unsigned t = 32; t < 48; ++t)
    EXPECT_EQ(ballots[t], 0x0000ffffu);
}

__global__ void activeMask(unsigned *masks) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned lane = threadIdx.x % 32;
    masks[threadIdx.x] = 0;
    if (lane < 10) {
      masks[threadIdx.x] = __activemask();
    } else if (lane < 20) {
      __syncthreads();
    }
    if (lane < 10)
      __syncthreads();
  });
}

TEST(Warp, ActiveMaskInDivergentCode) {
  std::vector<unsigned> masks(64, 1);
  ASSERT_EQ(runKernel("activeMask", activeMask, 1, 64, 0, masks.data()), kSuccess);
  for (unsigned t = 0; t < 64; ++t)
    EXPECT_EQ(masks[t], t % 32 < 10 ? 0x3ffu : 0u) << t;
}

__global__ void matchAndReduce(unsigned *anyMasks, unsigned *allMasks, int *allPreds,
                               unsigned *results) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned lane = threadIdx.x;
    anyMasks[lane] = __match_any_sync(kFull, lane % 3);
    int pred = -1;
    if (lane < 16)
      allMasks[lane] = __match_all_sync(0x0000ffffu, 7ull, &pred);
    else
      allMasks[lane] = __match_all_sync(0xffff0000u, lane == 20 ? 8ull : 9ull, &pred);
    allPreds[lane] = pred;
    const int signedValue = static_cast<int>(lane) - 10;
    if (lane == 0) {
      results[0] = __reduce_add_sync(kFull, lane);
      results[1] = static_cast<unsigned>(__reduce_min_sync(kFull, signedValue));
      results[2] = static_cast<unsigned>(__reduce_max_sync(kFull, signedValue));
      results[3] = __reduce_min_sync(kFull, lane + 5);
      results[4] = __reduce_max_sync(kFull, lane + 5);
      results[5] = __reduce_and_sync(kFull, 0xf0u | lane);
      results[6] = __reduce_or_sync(kFull, 1u << lane);
      results[7] = __reduce_xor_sync(kFull, lane);
    } else {
      __reduce_add_sync(kFull, lane);
      __reduce_min_sync(kFull, signedValue);
      __reduce_max_sync(kFull, signedValue);
      __reduce_min_sync(kFull, lane + 5);
      __reduce_max_sync(kFull, lane + 5);
      __reduce_and_sync(kFull, 0xf0u | lane);
      __reduce_or_sync(kFull, 1u << lane);
      __reduce_xor_sync(kFull, lane);
    }
  });
}

TEST(Warp, MatchAndReductions) {
  std::vector<unsigned> anyMasks(32), allMasks(32), results(8);
  std::vector<int> allPreds(32);
  ASSERT_EQ(runKernel("matchAndReduce", matchAndReduce, 1, 32, 0, anyMasks.data(), allMasks.data(),
                      allPreds.data(), results.data()),
            kSuccess);
  for (unsigned lane = 0; lane < 32; ++lane) {
    unsigned expected = 0;
    for (unsigned other = 0; other < 32; ++other)
      if (other % 3 == lane % 3)
        expected |= 1u << other;
    EXPECT_EQ(anyMasks[lane], expected);
  }
  for (unsigned lane = 0; lane < 32; ++lane) {
    EXPECT_EQ(allMasks[lane], lane < 16 ? 0xffffu : 0u);
    EXPECT_EQ(allPreds[lane], lane < 16 ? 1 : 0);
  }
  EXPECT_EQ(results[0], 496u);
  EXPECT_EQ(static_cast<int>(results[1]), -10);
  EXPECT_EQ(static_cast<int>(results[2]), 21);
  EXPECT_EQ(results[3], 5u);
  EXPECT_EQ(results[4], 36u);
  EXPECT_EQ(results[5], 0xf0u);
  EXPECT_EQ(results[6], 0xffffffffu);
  EXPECT_EQ(results[7], 0u);
}

__global__ void matchAllUniform(unsigned *masks, int *preds) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned lane = threadIdx.x;
    int pred = 0;
    masks[lane] =
        __match_all_sync(kFull, blockIdx.x == 0 ? 42 : static_cast<int>(lane == 3), &pred);
    preds[lane] = pred;
  });
}

TEST(Warp, MatchAll) {
  std::vector<unsigned> masks(32);
  std::vector<int> preds(32);
  ASSERT_EQ(runKernel("matchAllUniform", matchAllUniform, 1, 32, 0, masks.data(), preds.data()),
            kSuccess);
  for (unsigned lane = 0; lane < 32; ++lane) {
    EXPECT_EQ(masks[lane], kFull);
    EXPECT_EQ(preds[lane], 1);
  }
}

// Warp shuffles and block barriers interleaved in a loop, many blocks.
__global__ void blockScan(const int *in, int *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ int warpTotals[32];
    const unsigned t = threadIdx.x, lane = t % 32, warp = t / 32;
    int value = in[blockIdx.x * blockDim.x + t];
    for (int offset = 1; offset < 32; offset *= 2) {
      const int other = __shfl_up_sync(kFull, value, offset);
      if (static_cast<int>(lane) >= offset)
        value += other;
    }
    if (lane == 31)
      warpTotals[warp] = value;
    __syncthreads();
    if (warp == 0) {
      int total = lane < blockDim.x / 32 ? warpTotals[lane] : 0;
      for (int offset = 1; offset < 32; offset *= 2) {
        const int other = __shfl_up_sync(kFull, total, offset);
        if (static_cast<int>(lane) >= offset)
          total += other;
      }
      warpTotals[lane] = total;
    }
    __syncthreads();
    if (warp > 0)
      value += warpTotals[warp - 1];
    out[blockIdx.x * blockDim.x + t] = value;
  });
}

TEST(Warp, BlockInclusiveScan) {
  const unsigned blocks = 64, threads = 512;
  std::vector<int> in(blocks * threads), out(blocks * threads);
  for (unsigned i = 0; i < in.size(); ++i)
    in[i] = static_cast<int>(i % 5);
  ASSERT_EQ(runKernel("blockScan", blockScan, blocks, threads, 0, in.data(), out.data()), kSuccess);
  for (unsigned b = 0; b < blocks; ++b) {
    int sum = 0;
    for (unsigned t = 0; t < threads; ++t) {
      sum += in[b * threads + t];
      ASSERT_EQ(out[b * threads + t], sum) << b << " " << t;
    }
  }
}

} // namespace
