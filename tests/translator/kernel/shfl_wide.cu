// Warp shuffles of values wider than 4 bytes and of structs (float4, double2, a 24-byte struct),
// through the intrinsics and cooperative-groups tiles: they parse, keep their names, put the
// kernel on the fiber path, and compile against npurt (any trivially copyable type).
// NO-DIAG
#include <cooperative_groups.h>
#include <cuda_runtime.h>
namespace cg = cooperative_groups;

struct Sample {
  double weight;
  long long index;
  float x, y;
};

__global__ void wide(float4 *f, double2 *d, Sample *s) {
  // CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
  const unsigned lane = threadIdx.x % 32;
  float4 v = f[threadIdx.x];
  // CHECK: const float4 o = __shfl_down_sync(0xffffffffu, v, offset);
  for (int offset = 16; offset > 0; offset /= 2) {
    const float4 o = __shfl_down_sync(0xffffffffu, v, offset);
    v.x += o.x;
    v.y += o.y;
  }
  f[threadIdx.x] = __shfl_sync(0xffffffffu, v, 0);
  d[threadIdx.x] = __shfl_xor_sync(0xffffffffu, d[threadIdx.x], 1, 16);
  Sample mine = s[threadIdx.x];
  Sample up = __shfl_up_sync(0xffffffffu, mine, 1);
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(cg::this_thread_block());
  // CHECK: Sample best = tile.shfl(mine, 0);
  Sample best = tile.shfl(mine, 0);
  Sample next = tile.shfl_xor(mine, 2u);
  double2 dd = tile.shfl_down(d[threadIdx.x], 1u);
  s[threadIdx.x].weight = up.weight + best.weight + next.weight + dd.x + lane;
}
