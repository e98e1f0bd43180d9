// cuRAND end to end: a curandState is a per-thread local on every kernel path (the fast path,
// barrier regions, fibers for a warp shuffle or for a state live across a barrier: a struct local
// used on both sides of a barrier keeps a kernel off barrier regions), and what each thread draws
// is the host API's sequence at the thread's offset: thread t of `Draws` outputs starts at offset
// t * Draws of subsequence 0, where curandGenerate's output t * Draws begins.
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>
#include <curand_kernel.h>
#include <vector>

constexpr int Draws = 6;

template <class State> __global__ void fastPath(unsigned *out, unsigned long long seed) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  State s;
  curand_init(seed, 0, (unsigned long long)t * Draws, &s);
  for (int k = 0; k < Draws; ++k)
    out[t * Draws + k] = curand(&s);
}

// Barrier regions: each thread draws into shared memory, then writes its neighbour's draws.
__global__ void inRegions(unsigned *out, unsigned long long seed) {
  __shared__ unsigned drawn[128 * Draws];
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  {
    curandStatePhilox4_32_10_t s;
    curand_init(seed, 0, (unsigned long long)t * Draws, &s);
    for (int k = 0; k < Draws; ++k)
      drawn[threadIdx.x * Draws + k] = curand(&s);
  }
  __syncthreads();
  const unsigned neighbour = (threadIdx.x + 1) % blockDim.x;
  for (int k = 0; k < Draws; ++k)
    out[t * Draws + k] = drawn[neighbour * Draws + k];
}

// The state is drawn from before and after the barrier (fibers).
__global__ void acrossBarrier(unsigned *out, unsigned long long seed) {
  __shared__ unsigned first[128];
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  curandStatePhilox4_32_10_t s;
  curand_init(seed, 0, (unsigned long long)t * Draws, &s);
  first[threadIdx.x] = curand(&s);
  __syncthreads();
  out[t * Draws] = first[threadIdx.x];
  for (int k = 1; k < Draws; ++k)
    out[t * Draws + k] = curand(&s);
}

// A warp shuffle puts the kernel on fibers; each lane's state stays its own.
__global__ void onFibers(unsigned *out, unsigned long long seed) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  curandState s;
  curand_init(seed, 0, (unsigned long long)t * Draws, &s);
  for (int k = 0; k < Draws; ++k) {
    unsigned mine = curand(&s);
    unsigned fromNext = __shfl_down_sync(0xffffffffu, mine, 1);
    unsigned back = __shfl_up_sync(0xffffffffu, fromNext, 1);
    out[t * Draws + k] = (threadIdx.x % 32 == 0) ? mine : back;
  }
}

// Draws uniform floats on a Philox state, four at a time.
__global__ void uniforms(float4 *out, unsigned long long seed) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  curandStatePhilox4_32_10_t s;
  curand_init(seed, 0, (unsigned long long)t * 4, &s);
  out[t] = curand_uniform4(&s);
}

static int failures = 0;

static void expectSame(const char *what, const std::vector<unsigned> &got,
                       const std::vector<unsigned> &want) {
  for (size_t i = 0; i < want.size(); ++i)
    if (got[i] != want[i]) {
      printf("FAIL %s: output %zu is %u, the host API's is %u\n", what, i, got[i], want[i]);
      ++failures;
      return;
    }
}

static std::vector<unsigned> hostApi(curandRngType_t type, unsigned long long seed, size_t n) {
  curandGenerator_t g;
  unsigned *d;
  cudaMalloc(&d, n * sizeof(unsigned));
  curandCreateGenerator(&g, type);
  curandSetPseudoRandomGeneratorSeed(g, seed);
  curandGenerate(g, d, n);
  std::vector<unsigned> h(n);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  curandDestroyGenerator(g);
  cudaFree(d);
  return h;
}

int main() {
  const int blocks = 3, threads = 128, n = blocks * threads * Draws;
  const unsigned long long seed = 20240607ull;
  unsigned *d;
  cudaMalloc(&d, n * sizeof(unsigned));
  std::vector<unsigned> h(n);
  const std::vector<unsigned> philox = hostApi(CURAND_RNG_PSEUDO_PHILOX4_32_10, seed, n);
  const std::vector<unsigned> xorwow = hostApi(CURAND_RNG_PSEUDO_XORWOW, seed, n);
  const std::vector<unsigned> mrg = hostApi(CURAND_RNG_PSEUDO_MRG32K3A, seed, n);

  fastPath<curandStatePhilox4_32_10_t><<<blocks, threads>>>(d, seed);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  expectSame("fast path, Philox", h, philox);
  fastPath<curandStateMRG32k3a_t><<<blocks, threads>>>(d, seed);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  expectSame("fast path, MRG32k3a", h, mrg);
  inRegions<<<blocks, threads>>>(d, seed);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  std::vector<unsigned> neighbours(n);
  for (int t = 0; t < blocks * threads; ++t)
    for (int k = 0; k < Draws; ++k)
      neighbours[t * Draws + k] = philox[((t / threads) * threads + (t + 1) % threads) * Draws + k];
  expectSame("barrier regions, Philox", h, neighbours);
  acrossBarrier<<<blocks, threads>>>(d, seed);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  expectSame("state across a barrier, Philox", h, philox);
  onFibers<<<blocks, threads>>>(d, seed);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  expectSame("fibers, XORWOW", h, xorwow);

  float4 *u;
  cudaMalloc(&u, blocks * threads * sizeof(float4));
  uniforms<<<blocks, threads>>>(u, seed);
  std::vector<float> uh(blocks * threads * 4);
  cudaMemcpy(uh.data(), u, uh.size() * sizeof(float), cudaMemcpyDeviceToHost);
  for (size_t i = 0; i < uh.size(); ++i) // _curand_uniform: x * 2^-32 + 2^-33
    if (uh[i] != philox[i] * 2.3283064e-10f + 2.3283064e-10f / 2.0f) {
      printf("FAIL uniform4: output %zu\n", i);
      ++failures;
      break;
    }
  if (cudaGetLastError() != cudaSuccess) {
    printf("FAIL a launch failed\n");
    ++failures;
  }
  cudaFree(u);
  cudaFree(d);
  if (failures == 0)
    printf("PASS\n");
  return failures == 0 ? 0 : 1;
}
