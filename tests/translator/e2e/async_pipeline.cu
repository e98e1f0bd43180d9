// libcu++'s cuda::barrier and cuda::pipeline and the <cuda_pipeline.h> primitives as CUDA's
// asynchronous-copy guide uses them: tiles staged into shared memory through a block barrier
// (split arrive / wait), a block-scope two-stage pipeline, a thread-scope pipeline, and the
// __pipeline_* primitives with zero fill; each result checked against the host.
#include <cooperative_groups.h>
#include <cstdio>
#include <cuda/barrier>
#include <cuda/pipeline>
#include <cuda_pipeline.h>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

constexpr int kTile = 128;

// Each block sums `tiles` tiles; a thread adds element i and its mirror (other threads' copies).
__global__ void barrierTiles(const int *in, int *out, int tiles) {
  __shared__ int tile[kTile];
  __shared__ cuda::barrier<cuda::thread_scope_block> bar;
  auto block = cg::this_thread_block();
  if (block.thread_rank() == 0)
    init(&bar, block.size());
  block.sync();
  int acc = 0;
  for (int t = 0; t < tiles; ++t) {
    cuda::memcpy_async(block, tile, in + (blockIdx.x * tiles + t) * kTile, sizeof(int) * kTile,
                       bar);
    bar.arrive_and_wait();
    acc += tile[threadIdx.x] + tile[kTile - 1 - threadIdx.x];
    cuda::barrier<cuda::thread_scope_block>::arrival_token token = bar.arrive();
    bar.wait(std::move(token)); // nobody overwrites the tile while another thread reads it
  }
  out[blockIdx.x * kTile + threadIdx.x] = acc;
}

__global__ void pipelineTiles(const int *in, int *out, int tiles) {
  constexpr int stages = 2;
  __shared__ int buffer[stages][kTile];
  __shared__ cuda::pipeline_shared_state<cuda::thread_scope_block, stages> state;
  auto block = cg::this_thread_block();
  cuda::pipeline<cuda::thread_scope_block> pipe = cuda::make_pipeline(block, &state);
  const int *mine = in + blockIdx.x * tiles * kTile;
  for (int s = 0; s < stages && s < tiles; ++s) {
    pipe.producer_acquire();
    cuda::memcpy_async(block, buffer[s], mine + s * kTile, sizeof(int) * kTile, pipe);
    pipe.producer_commit();
  }
  int acc = 0;
  for (int t = 0; t < tiles; ++t) {
    pipe.consumer_wait();
    acc += buffer[t % stages][threadIdx.x] + buffer[t % stages][kTile - 1 - threadIdx.x];
    pipe.consumer_release();
    if (t + stages < tiles) {
      pipe.producer_acquire();
      cuda::memcpy_async(block, buffer[t % stages], mine + (t + stages) * kTile,
                         sizeof(int) * kTile, pipe);
      pipe.producer_commit();
    }
  }
  out[blockIdx.x * kTile + threadIdx.x] = acc;
}

// Each thread copies its own element (thread scope, then the primitives), then the block syncs.
__global__ void threadCopies(const int *in, int *out) {
  __shared__ int a[kTile], b[kTile];
  cuda::pipeline<cuda::thread_scope_thread> pipe = cuda::make_pipeline();
  pipe.producer_acquire();
  cuda::memcpy_async(&a[threadIdx.x], &in[threadIdx.x], sizeof(int), pipe);
  pipe.producer_commit();
  cuda::pipeline_consumer_wait_prior<0>(pipe);
  // Odd threads zero-fill their element.
  __pipeline_memcpy_async(&b[threadIdx.x], &in[threadIdx.x], sizeof(int),
                          threadIdx.x % 2 ? sizeof(int) : 0);
  __pipeline_commit();
  __pipeline_wait_prior(0);
  __syncthreads();
  out[threadIdx.x] = a[kTile - 1 - threadIdx.x] * 1000 + b[kTile - 1 - threadIdx.x];
}

int main() {
  const int blocks = 4, tiles = 5, n = blocks * tiles * kTile;
  static int h[n], got[blocks * kTile];
  for (int i = 0; i < n; ++i)
    h[i] = (i * 37) % 101 - 50;
  int *dIn, *dOut;
  cudaMalloc(&dIn, sizeof h);
  cudaMalloc(&dOut, sizeof got);
  cudaMemcpy(dIn, h, sizeof h, cudaMemcpyHostToDevice);
  int bad = 0;
  for (int kernel = 0; kernel < 2; ++kernel) {
    cudaMemset(dOut, 0, sizeof got);
    if (kernel == 0)
      barrierTiles<<<blocks, kTile>>>(dIn, dOut, tiles);
    else
      pipelineTiles<<<blocks, kTile>>>(dIn, dOut, tiles);
    cudaMemcpy(got, dOut, sizeof got, cudaMemcpyDeviceToHost);
    for (int b = 0; b < blocks; ++b)
      for (int i = 0; i < kTile; ++i) {
        int want = 0;
        for (int t = 0; t < tiles; ++t)
          want += h[(b * tiles + t) * kTile + i] + h[(b * tiles + t) * kTile + kTile - 1 - i];
        if (got[b * kTile + i] != want && ++bad <= 3)
          printf("kernel %d block %d thread %d: %d, expected %d\n", kernel, b, i,
                 got[b * kTile + i], want);
      }
  }
  threadCopies<<<1, kTile>>>(dIn, dOut);
  cudaMemcpy(got, dOut, kTile * sizeof(int), cudaMemcpyDeviceToHost);
  for (int i = 0; i < kTile; ++i) {
    const int j = kTile - 1 - i, want = h[j] * 1000 + (j % 2 ? 0 : h[j]);
    if (got[i] != want && ++bad <= 6)
      printf("threadCopies[%d] = %d, expected %d\n", i, got[i], want);
  }
  if (cudaGetLastError() != cudaSuccess)
    ++bad;
  printf(bad == 0 ? "PASS\n" : "FAIL\n");
  return bad == 0 ? 0 : 1;
}
