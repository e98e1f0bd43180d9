// cooperative_groups::memcpy_async staging global tiles into shared memory: the byte form with
// a size_t and with cuda::aligned_size_t, the element-layout form (min of the two counts), wait()
// and a double-buffered loop with wait_prior<1>() (the pattern of CUDA's async-copy guide), each
// block's tile sums checked against the host.
#include <cooperative_groups.h>
#include <cooperative_groups/memcpy_async.h>
#include <cstdio>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

constexpr int kTile = 256;

__global__ void tileSums(const float *in, float *out, int tiles) {
  __shared__ float stage[2][kTile];
  cg::thread_block block = cg::this_thread_block();
  const float *mine = in + size_t(blockIdx.x) * tiles * kTile;
  cg::memcpy_async(block, stage[0], mine, sizeof(float) * kTile);
  float acc = 0;
  for (int t = 0; t < tiles; ++t) {
    if (t + 1 < tiles)
      cg::memcpy_async(block, stage[(t + 1) % 2], mine + (t + 1) * kTile,
                       cuda::aligned_size_t<16>(sizeof(float) * kTile));
    if (t + 1 < tiles)
      cg::wait_prior<1>(block);
    else
      cg::wait(block);
    // Thread i adds element i and its mirror: every thread reads other threads' copies.
    acc += stage[t % 2][block.thread_rank()] + stage[t % 2][kTile - 1 - block.thread_rank()];
    block.sync();
  }
  out[blockIdx.x * kTile + block.thread_rank()] = acc;
}

// The layout form copies min(dstCount, srcCount) elements: 100 of them, the rest stays -1.
__global__ void partialCopy(const int *in, int *out) {
  __shared__ int buffer[128];
  cg::thread_block block = cg::this_thread_block();
  buffer[block.thread_rank()] = -1;
  block.sync();
  cg::memcpy_async(block, buffer, 128, in, 100);
  cg::wait(block);
  out[block.thread_rank()] = buffer[127 - block.thread_rank()];
}

int main() {
  const int blocks = 6, tiles = 5, n = blocks * tiles * kTile;
  static float h[blocks * 5 * kTile], got[blocks * kTile];
  for (int i = 0; i < n; ++i)
    h[i] = float((i * 37) % 101) - 50.0f;
  float *dIn, *dOut;
  cudaMalloc(&dIn, sizeof h);
  cudaMalloc(&dOut, sizeof got);
  cudaMemcpy(dIn, h, sizeof h, cudaMemcpyHostToDevice);
  tileSums<<<blocks, kTile>>>(dIn, dOut, tiles);
  cudaMemcpy(got, dOut, sizeof got, cudaMemcpyDeviceToHost);
  int bad = 0;
  for (int b = 0; b < blocks; ++b)
    for (int i = 0; i < kTile; ++i) {
      float want = 0;
      for (int t = 0; t < tiles; ++t) {
        const float *tile = h + (b * tiles + t) * kTile;
        want += tile[i] + tile[kTile - 1 - i];
      }
      if (got[b * kTile + i] != want && ++bad <= 3)
        printf("block %d thread %d: %f, expected %f\n", b, i, got[b * kTile + i], want);
    }

  int hIn[128], hOut[128];
  for (int i = 0; i < 128; ++i)
    hIn[i] = i * 3;
  int *dA, *dB;
  cudaMalloc(&dA, sizeof hIn);
  cudaMalloc(&dB, sizeof hOut);
  cudaMemcpy(dA, hIn, sizeof hIn, cudaMemcpyHostToDevice);
  partialCopy<<<1, 128>>>(dA, dB);
  cudaMemcpy(hOut, dB, sizeof hOut, cudaMemcpyDeviceToHost);
  for (int i = 0; i < 128; ++i) {
    const int j = 127 - i, want = j < 100 ? j * 3 : -1;
    if (hOut[i] != want && ++bad <= 6)
      printf("partial[%d] = %d, expected %d\n", i, hOut[i], want);
  }
  if (cudaGetLastError() != cudaSuccess)
    ++bad;
  printf(bad == 0 ? "PASS\n" : "FAIL\n");
  return bad == 0 ? 0 : 1;
}
