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

// Values wider than 8 bytes and structs: float4, double2, a 24-byte struct without a default
// constructor, a 12-byte struct; every flavour and width 16, against the same lane arithmetic.
struct Triple {
  double a;
  long long b;
  int c, d;
  Triple(double a_, long long b_, int c_) : a(a_), b(b_), c(c_), d(-c_) {}
};
struct Rgb {
  float r, g, b;
};

__global__ void shuffleStructs(float4 *f4, double2 *d2, Triple *triples, Rgb *rgbs, int width) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const int lane = static_cast<int>(threadIdx.x);
    const float4 mine4 = make_float4(lane, lane + 0.25f, lane + 0.5f, lane + 0.75f);
    f4[lane] = __shfl_xor_sync(kFull, mine4, 3, width);
    d2[lane] = __shfl_down_sync(kFull, make_double2(lane * 1.5, -lane * 1.5), 2, width);
    triples[lane] = __shfl_sync(kFull, Triple(lane * 0.125, (1LL << 50) + lane, lane), 5, width);
    rgbs[lane] = __shfl_up_sync(kFull, Rgb{lane * 1.0f, lane * 2.0f, lane * 3.0f}, 1, width);
  });
}

TEST(Warp, ShufflesOfWideValuesAndStructs) {
  static_assert(sizeof(Triple) == 24 && sizeof(Rgb) == 12 && sizeof(float4) == 16, "sizes");
  for (int width : {32, 16}) {
    std::vector<float4> f4(32);
    std::vector<double2> d2(32);
    std::vector<Triple> triples(32, Triple(0, 0, 0));
    std::vector<Rgb> rgbs(32);
    ASSERT_EQ(runKernel("shuffleStructs", shuffleStructs, 1, 32, 0, f4.data(), d2.data(),
                        triples.data(), rgbs.data(), width),
              kSuccess);
    for (int lane = 0; lane < 32; ++lane) {
      const int first = lane & ~(width - 1), last = first + width - 1;
      const int x = lane ^ 3;
      const int xs = x <= last ? x : lane;
      EXPECT_EQ(f4[lane].x, xs) << lane;
      EXPECT_EQ(f4[lane].y, xs + 0.25f) << lane;
      EXPECT_EQ(f4[lane].z, xs + 0.5f) << lane;
      EXPECT_EQ(f4[lane].w, xs + 0.75f) << lane;
      const int ds = lane + 2 <= last ? lane + 2 : lane;
      EXPECT_EQ(d2[lane].x, ds * 1.5) << lane;
      EXPECT_EQ(d2[lane].y, -ds * 1.5) << lane;
      const int is = first | (5 & (width - 1));
      EXPECT_EQ(triples[lane].a, is * 0.125) << lane;
      EXPECT_EQ(triples[lane].b, (1LL << 50) + is) << lane;
      EXPECT_EQ(triples[lane].c, is) << lane;
      EXPECT_EQ(triples[lane].d, -is) << lane;
      const int us = lane - 1 >= first ? lane - 1 : lane;
      EXPECT_EQ(rgbs[lane].r, us * 1.0f) << lane;
      EXPECT_EQ(rgbs[lane].g, us * 2.0f) << lane;
      EXPECT_EQ(rgbs[lane].b, us * 3.0f) << lane;
    }
  }
}

// A warp reduction of a float4 with __shfl_down_sync, as real code writes it.
__global__ void reduceFloat4(const float4 *in, float4 *out) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    float4 v = in[blockIdx.x * 32 + threadIdx.x];
    for (int offset = 16; offset > 0; offset /= 2) {
      const float4 o = __shfl_down_sync(kFull, v, offset);
      v = make_float4(v.x + o.x, v.y + o.y, v.z + o.z, v.w + o.w);
    }
    if (threadIdx.x == 0)
      out[blockIdx.x] = v;
  });
}

TEST(Warp, Float4ShuffleReduction) {
  std::vector<float4> in(4 * 32), out(4);
  for (unsigned i = 0; i < in.size(); ++i)
    in[i] = make_float4(i, 2.0f * i, 1.0f, -1.0f * i);
  ASSERT_EQ(runKernel("reduceFloat4", reduceFloat4, 4, 32, 0, in.data(), out.data()), kSuccess);
  for (unsigned b = 0; b < 4; ++b) {
    float sum = 0;
    for (unsigned l = 0; l < 32; ++l)
      sum += b * 32 + l;
    EXPECT_EQ(out[b].x, sum);
    EXPECT_EQ(out[b].y, 2 * sum);
    EXPECT_EQ(out[b].z, 32.0f);
    EXPECT_EQ(out[b].w, -sum);
  }
}

} // namespace
