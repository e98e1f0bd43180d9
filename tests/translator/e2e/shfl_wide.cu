// Warp shuffles of wide values and structs, end to end: a float4 warp reduction, a double2
// butterfly, a 24-byte struct broadcast and an arg-max carried as a struct through a
// cooperative-groups tile. Results checked against the host.
#include <cooperative_groups.h>
#include <cstdio>
#include <cuda_runtime.h>
namespace cg = cooperative_groups;

struct Best {
  float value;
  int index;
  double weight; // 16 bytes in all
};

struct Tag {
  long long id;
  double score;
  int lane, pad; // 24 bytes
};

__global__ void kernel(const float4 *in, float4 *sums, double2 *pairs, Tag *tags, Best *best,
                       const float *values) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  const int lane = threadIdx.x % 32;
  float4 v = in[t];
  for (int offset = 16; offset > 0; offset /= 2) {
    const float4 o = __shfl_down_sync(0xffffffffu, v, offset);
    v.x += o.x;
    v.y += o.y;
    v.z += o.z;
    v.w += o.w;
  }
  if (lane == 0)
    sums[t / 32] = v;
  pairs[t] = __shfl_xor_sync(0xffffffffu, make_double2(t, 2.0 * t), 1);
  Tag mine = {1000LL + t, 0.5 * t, lane, 0};
  tags[t] = __shfl_sync(0xffffffffu, mine, 7);
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(cg::this_thread_block());
  Best b = {values[t], t, 1.0};
  for (int offset = 16; offset > 0; offset /= 2) {
    const Best o = tile.shfl_xor(b, offset);
    if (o.value > b.value || (o.value == b.value && o.index < b.index))
      b = Best{o.value, o.index, b.weight + o.weight};
    else
      b.weight += o.weight;
  }
  best[t] = b;
}

int main() {
  const int blocks = 2, threads = 64, n = blocks * threads, warps = n / 32;
  static float4 hIn[n], hSums[warps];
  static double2 hPairs[n];
  static Tag hTags[n];
  static Best hBest[n];
  static float hValues[n];
  for (int i = 0; i < n; ++i) {
    hIn[i] = make_float4(i, 1.0f, -0.5f * i, i % 3);
    hValues[i] = static_cast<float>((i * 37) % 101);
  }
  float4 *in, *sums;
  double2 *pairs;
  Tag *tags;
  Best *best;
  float *values;
  cudaMalloc(&in, sizeof hIn);
  cudaMalloc(&sums, sizeof hSums);
  cudaMalloc(&pairs, sizeof hPairs);
  cudaMalloc(&tags, sizeof hTags);
  cudaMalloc(&best, sizeof hBest);
  cudaMalloc(&values, sizeof hValues);
  cudaMemcpy(in, hIn, sizeof hIn, cudaMemcpyHostToDevice);
  cudaMemcpy(values, hValues, sizeof hValues, cudaMemcpyHostToDevice);
  kernel<<<blocks, threads>>>(in, sums, pairs, tags, best, values);
  cudaMemcpy(hSums, sums, sizeof hSums, cudaMemcpyDeviceToHost);
  cudaMemcpy(hPairs, pairs, sizeof hPairs, cudaMemcpyDeviceToHost);
  cudaMemcpy(hTags, tags, sizeof hTags, cudaMemcpyDeviceToHost);
  cudaMemcpy(hBest, best, sizeof hBest, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  for (int w = 0; w < warps; ++w) {
    float4 want = make_float4(0, 0, 0, 0);
    int bestIndex = w * 32;
    for (int l = 0; l < 32; ++l) {
      const int i = w * 32 + l;
      want.x += hIn[i].x;
      want.y += hIn[i].y;
      want.z += hIn[i].z;
      want.w += hIn[i].w;
      if (hValues[i] > hValues[bestIndex])
        bestIndex = i;
    }
    ok = ok && hSums[w].x == want.x && hSums[w].y == want.y && hSums[w].z == want.z &&
         hSums[w].w == want.w;
    for (int l = 0; l < 32; ++l) {
      const int i = w * 32 + l;
      const int x = i ^ 1, src = w * 32 + 7;
      ok = ok && hPairs[i].x == x && hPairs[i].y == 2.0 * x;
      ok = ok && hTags[i].id == 1000LL + src && hTags[i].score == 0.5 * src && hTags[i].lane == 7;
      ok = ok && hBest[i].index == bestIndex && hBest[i].value == hValues[bestIndex] &&
           hBest[i].weight == 32.0;
    }
  }
  printf(ok ? "PASS\n" : "FAIL: sums %f %f tag %lld best %d %f\n", hSums[0].x, hSums[0].w,
         hTags[0].id, hBest[0].index, hBest[0].weight);
  cudaFree(in);
  cudaFree(sums);
  cudaFree(pairs);
  cudaFree(tags);
  cudaFree(best);
  cudaFree(values);
  return ok ? 0 : 1;
}
