// Warp operations in the barrier-region form (npu::BlockRegions::lanes, npurt/device/lanes.h), as
// cu2npu emits them: a region publishes each thread's operand, the next reads its warp's lanes.
// The results must be the fiber path's (npurt/device/warp.h), which the same kernels written
// with the CUDA functions compute here too: partial last warps, widths, masks, exited threads.
#include <gtest/gtest.h>

#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

constexpr unsigned kFull = 0xffffffffu;

// Threads at or past `stay` exit first; the rest shuffle down by 1 within segments of `width`,
// under a mask of the lanes that stay, then vote and reduce.
__global__ void exchanged(const int *in, int *out, int stay, int width) {
  ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
    auto *npu_v = npu_block.per_thread<int>();
    auto *npu_mask = npu_block.per_thread<unsigned>();
    auto npu_lanes_0 = npu_block.lanes();
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      const int t = static_cast<int>(threadIdx.x);
      if (t >= stay)
        return npu_block.exit(npu_thread);
      const int left = stay - (t - t % 32);
      npu_mask[npu_thread] = left >= 32 ? kFull : (1u << left) - 1u;
      npu_v[npu_thread] = in[t];
    });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>(
        [&](NPU_REGION_PARAMS) { npu_lanes_0.at(npu_thread).publish(npu_v[npu_thread]); });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      auto &v = npu_v[npu_thread];
      v += 1000 * npu_lanes_0.at(npu_thread).shfl_down_sync(npu_mask[npu_thread], v, 1, width);
    });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      npu_lanes_0.at(npu_thread).publish_predicate(npu_v[npu_thread] % 2 == 0);
    });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      out[3 * threadIdx.x] = npu_v[npu_thread];
      out[3 * threadIdx.x + 1] = static_cast<int>(
          npu_lanes_0.at(npu_thread).ballot_sync(npu_mask[npu_thread], npu_v[npu_thread] % 2 == 0));
    });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>(
        [&](NPU_REGION_PARAMS) { npu_lanes_0.at(npu_thread).publish_operand(npu_v[npu_thread]); });
    npu_block.for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_REGION_PARAMS) {
      out[3 * threadIdx.x + 2] =
          npu_lanes_0.at(npu_thread).reduce_max_sync(npu_mask[npu_thread], npu_v[npu_thread]);
    });
  });
}

// The same with CUDA's functions, on fibers.
__global__ void onFibers(const int *in, int *out, int stay, int width) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    const int t = static_cast<int>(threadIdx.x);
    if (t >= stay)
      return;
    const int left = stay - (t - t % 32);
    const unsigned mask = left >= 32 ? kFull : (1u << left) - 1u;
    int v = in[t];
    v += 1000 * __shfl_down_sync(mask, v, 1, width);
    out[3 * t] = v;
    out[3 * t + 1] = static_cast<int>(__ballot_sync(mask, v % 2 == 0));
    out[3 * t + 2] = __reduce_max_sync(mask, v);
  });
}

TEST(LaneExchange, MatchesTheFiberPathWithPartialWarpsWidthsMasksAndExitedThreads) {
  for (const int threads : {32, 40, 96})
    for (const int stay : {threads, threads - 5, 33})
      for (const int width : {32, 8, 2}) {
        std::vector<int> in(threads), got(3 * threads, -1), want(3 * threads, -1);
        for (int i = 0; i < threads; ++i)
          in[i] = (i * 37 + 11) % 101;
        ASSERT_EQ(
            runKernel("exchanged", exchanged, 1, threads, 0, in.data(), got.data(), stay, width),
            kSuccess);
        ASSERT_EQ(
            runKernel("onFibers", onFibers, 1, threads, 0, in.data(), want.data(), stay, width),
            kSuccess);
        for (int i = 0; i < 3 * threads; ++i)
          ASSERT_EQ(got[i], want[i]) << threads << " " << stay << " " << width << " " << i;
      }
}

} // namespace
