// Cooperative groups: block, static and dynamic tiles, coalesced groups,
// reduce and scan.
#include <gtest/gtest.h>

#include <vector>

#include "KernelTestSupport.h"
#include "npurt/cooperative_groups.h"

namespace cg = cooperative_groups;
using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

struct TileResults {
  int sum16[128];
  int min8[128];
  unsigned maxTile32[128];
  int inclusive[128];
  int exclusive[128];
  unsigned ballot8[128];
  unsigned rank16[128];
  unsigned metaRank16[128];
  int shuffled[128];
  int blockRank[128];
  int dynamicRank[128];
  unsigned long long blockSize;
  unsigned metaSize16;
};

__global__ void tiles(TileResults *r) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    cg::thread_block block = cg::this_thread_block();
    const unsigned t = static_cast<unsigned>(block.thread_rank());
    r->blockRank[t] = static_cast<int>(t);
    block.sync();
    cg::thread_block_tile<16> tile16 = cg::tiled_partition<16>(block);
    cg::thread_block_tile<8> tile8 = cg::tiled_partition<8>(tile16);
    cg::thread_block_tile<32> tile32 = cg::tiled_partition<32>(block);
    r->sum16[t] = cg::reduce(tile16, static_cast<int>(t), cg::plus<int>());
    r->min8[t] = cg::reduce(tile8, 100 - static_cast<int>(t), cg::less<int>());
    r->maxTile32[t] = cg::reduce(tile32, t * 3, cg::greater<unsigned>());
    r->inclusive[t] = cg::inclusive_scan(tile16, 1);
    r->exclusive[t] = cg::exclusive_scan(tile16, 2, cg::plus<int>());
    r->ballot8[t] = tile8.ballot(tile8.thread_rank() % 2 == 0);
    r->rank16[t] = static_cast<unsigned>(tile16.thread_rank());
    r->metaRank16[t] = static_cast<unsigned>(tile16.meta_group_rank());
    r->shuffled[t] = tile16.shfl(static_cast<int>(t), 3);
    cg::thread_group dynamic = cg::tiled_partition(block, 4);
    r->dynamicRank[t] = static_cast<int>(dynamic.thread_rank());
    dynamic.sync();
    cg::sync(block);
    if (t == 0) {
      r->blockSize = block.size();
      r->metaSize16 = static_cast<unsigned>(tile16.meta_group_size());
    }
  });
}

TEST(CooperativeGroups, TilesReduceScanAndVotes) {
  TileResults r{};
  ASSERT_EQ(runKernel("tiles", tiles, 1, 128, 0, &r), kSuccess);
  EXPECT_EQ(r.blockSize, 128u);
  EXPECT_EQ(r.metaSize16, 8u);
  for (unsigned t = 0; t < 128; ++t) {
    const unsigned base16 = t / 16 * 16, base8 = t / 8 * 8, base32 = t / 32 * 32;
    int sum = 0;
    for (unsigned i = base16; i < base16 + 16; ++i)
      sum += static_cast<int>(i);
    EXPECT_EQ(r.sum16[t], sum) << t;
    EXPECT_EQ(r.min8[t], 100 - static_cast<int>(base8 + 7)) << t;
    EXPECT_EQ(r.maxTile32[t], (base32 + 31) * 3) << t;
    EXPECT_EQ(r.inclusive[t], static_cast<int>(t - base16 + 1)) << t;
    EXPECT_EQ(r.exclusive[t], static_cast<int>(2 * (t - base16))) << t;
    EXPECT_EQ(r.ballot8[t], 0x55u) << t;
    EXPECT_EQ(r.rank16[t], t % 16);
    EXPECT_EQ(r.metaRank16[t], t / 16);
    EXPECT_EQ(r.shuffled[t], static_cast<int>(base16 + 3));
    EXPECT_EQ(r.blockRank[t], static_cast<int>(t));
    EXPECT_EQ(r.dynamicRank[t], static_cast<int>(t % 4));
  }
}

// A coalesced group in a divergent branch: only the odd lanes are in it.
__global__ void coalesced(int *sums, unsigned *sizes, unsigned *ranks) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const unsigned t = threadIdx.x;
    if (t % 2 == 1) {
      cg::coalesced_group active = cg::coalesced_threads();
      sizes[t] = static_cast<unsigned>(active.size());
      ranks[t] = static_cast<unsigned>(active.thread_rank());
      sums[t] = cg::reduce(active, static_cast<int>(t), cg::plus<int>());
    }
  });
}

TEST(CooperativeGroups, CoalescedThreadsInDivergentCode) {
  std::vector<int> sums(32, -1);
  std::vector<unsigned> sizes(32, 0), ranks(32, 0);
  ASSERT_EQ(runKernel("coalesced", coalesced, 1, 32, 0, sums.data(), sizes.data(), ranks.data()),
            kSuccess);
  for (unsigned t = 1; t < 32; t += 2) {
    EXPECT_EQ(sizes[t], 16u);
    EXPECT_EQ(ranks[t], t / 2);
    EXPECT_EQ(sums[t], 256); // 1 + 3 + ... + 31
  }
}

// labeled_partition and binary_partition of a 16-thread tile and of a coalesced group: each
// thread's group holds the threads that gave its label (or predicate), ranked in lane order.
__global__ void partitions(unsigned *labeledSize, unsigned *labeledRank, int *labeledSum,
                           unsigned *binarySize, int *binarySum, unsigned *nestedSize) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const int t = static_cast<int>(threadIdx.x);
    const cg::thread_block_tile<16> tile = cg::tiled_partition<16>(cg::this_thread_block());
    const cg::coalesced_group byLabel = cg::labeled_partition(tile, t % 3);
    labeledSize[t] = static_cast<unsigned>(byLabel.size());
    labeledRank[t] = static_cast<unsigned>(byLabel.thread_rank());
    labeledSum[t] = cg::reduce(byLabel, t, cg::plus<int>());
    const cg::coalesced_group byParity = cg::binary_partition(tile, t % 2 == 1);
    binarySize[t] = static_cast<unsigned>(byParity.size());
    binarySum[t] = cg::reduce(byParity, t, cg::plus<int>());
    // Within the lanes of t's parity, split again by t / 8.
    const cg::coalesced_group nested = cg::labeled_partition(byParity, t / 8);
    nestedSize[t] = static_cast<unsigned>(nested.size());
  });
}

TEST(CooperativeGroups, LabeledAndBinaryPartitions) {
  std::vector<unsigned> labeledSize(32), labeledRank(32), binarySize(32), nestedSize(32);
  std::vector<int> labeledSum(32), binarySum(32);
  ASSERT_EQ(runKernel("partitions", partitions, 1, 32, 0, labeledSize.data(), labeledRank.data(),
                      labeledSum.data(), binarySize.data(), binarySum.data(), nestedSize.data()),
            kSuccess);
  for (int t = 0; t < 32; ++t) {
    const int tileBase = t / 16 * 16;
    unsigned size = 0, rank = 0, paritySize = 0;
    int sum = 0, paritySum = 0;
    for (int u = tileBase; u < tileBase + 16; ++u) {
      if (u % 3 == t % 3) {
        ++size;
        sum += u;
        rank += u < t;
      }
      if (u % 2 == t % 2) {
        ++paritySize;
        paritySum += u;
      }
    }
    EXPECT_EQ(labeledSize[t], size) << t;
    EXPECT_EQ(labeledRank[t], rank) << t;
    EXPECT_EQ(labeledSum[t], sum) << t;
    EXPECT_EQ(binarySize[t], paritySize) << t;
    EXPECT_EQ(binarySum[t], paritySum) << t;
    EXPECT_EQ(nestedSize[t], 4u) << t; // the lanes of t's parity among its 8 (t / 8)
  }
}

// Tile and coalesced-group shuffles of values wider than 8 bytes (double2, a 16-byte struct).
struct Quad {
  int a, b, c, d;
};

__global__ void wideTileShuffles(double2 *xors, Quad *downs, Quad *broadcasts, double2 *ups) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const cg::thread_block_tile<8> tile = cg::tiled_partition<8>(cg::this_thread_block());
    const int t = static_cast<int>(threadIdx.x);
    xors[t] = tile.shfl_xor(make_double2(t, -t), 1u);
    downs[t] = tile.shfl_down(Quad{t, 2 * t, 3 * t, 4 * t}, 2u);
    const cg::coalesced_group active = cg::coalesced_threads();
    broadcasts[t] = active.shfl(Quad{t, t + 1, t + 2, t + 3}, 3u);
    ups[t] = active.shfl_up(make_double2(0.5 * t, 1.5 * t), 1u);
  });
}

TEST(CooperativeGroups, ShufflesOfWideValues) {
  std::vector<double2> xors(32), ups(32);
  std::vector<Quad> downs(32), broadcasts(32);
  ASSERT_EQ(runKernel("wideTileShuffles", wideTileShuffles, 1, 32, 0, xors.data(), downs.data(),
                      broadcasts.data(), ups.data()),
            kSuccess);
  for (int t = 0; t < 32; ++t) {
    EXPECT_EQ(xors[t].x, t ^ 1) << t;
    EXPECT_EQ(xors[t].y, -(t ^ 1)) << t;
    const int d = (t % 8) + 2 < 8 ? t + 2 : t;
    EXPECT_EQ(downs[t].a, d) << t;
    EXPECT_EQ(downs[t].d, 4 * d) << t;
    EXPECT_EQ(broadcasts[t].a, 3) << t;
    EXPECT_EQ(broadcasts[t].d, 6) << t;
    const int u = t >= 1 ? t - 1 : t;
    EXPECT_EQ(ups[t].x, 0.5 * u) << t;
    EXPECT_EQ(ups[t].y, 1.5 * u) << t;
  }
}

} // namespace
