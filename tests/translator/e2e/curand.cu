// cuRAND end to end: a curandState is a per-thread local on every kernel path (the fast path,
// barrier regions, fibers for a warp shuffle or for a state live across a barrier: a struct local
// used on both sides of a barrier keeps a kernel off barrier regions), and what thread t draws
// from curand_init(seed, t, 0) is what the host API deals to its state t (NVIDIA's layout:
// XORWOW's element e is draw e / 4096 of subsequence e % 4096, MRG32k3a's likewise with 81920
// states, Philox's groups of four elements go to 65536 states in turn).
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>
#include <curand_kernel.h>
#include <vector>

constexpr int Draws = 6;

template <class State> __global__ void fastPath(unsigned *out, unsigned long long seed) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  State s;
  curand_init(seed, t, 0, &s);
  for (int k = 0; k < Draws; ++k)
    out[t * Draws + k] = curand(&s);
}

// Barrier regions: each thread draws into shared memory, then writes its neighbour's draws.
__global__ void inRegions(unsigned *out, unsigned long long seed) {
  __shared__ unsigned drawn[128 * Draws];
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  {
    curandStatePhilox4_32_10_t s;
    curand_init(seed, t, 0, &s);
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
  curand_init(seed, t, 0, &s);
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
  curand_init(seed, t, 0, &s);
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
  curand_init(seed, t, 0, &s);
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

// The host API's element for thread t's draw k.
static size_t elementOf(curandRngType_t type, size_t t, size_t k) {
  if (type == CURAND_RNG_PSEUDO_PHILOX4_32_10)
    return (k / 4) * 4 * 65536 + t * 4 + k % 4;
  return k * (type == CURAND_RNG_PSEUDO_MRG32K3A ? 81920 : 4096) + t;
}

// Thread t's draws, in the kernels' order, from the host API's output.
static std::vector<unsigned> hostApi(curandRngType_t type, unsigned long long seed, int threads) {
  const size_t n = elementOf(type, threads - 1, Draws - 1) + 1;
  curandGenerator_t g;
  unsigned *d;
  cudaMalloc(&d, n * sizeof(unsigned));
  curandCreateGenerator(&g, type);
  curandSetPseudoRandomGeneratorSeed(g, seed);
  curandGenerate(g, d, n);
  std::vector<unsigned> h(n), perThread(threads * Draws);
  cudaMemcpy(h.data(), d, n * sizeof(unsigned), cudaMemcpyDeviceToHost);
  curandDestroyGenerator(g);
  cudaFree(d);
  for (int t = 0; t < threads; ++t)
    for (int k = 0; k < Draws; ++k)
      perThread[t * Draws + k] = h[elementOf(type, t, k)];
  return perThread;
}

int main() {
  const int blocks = 3, threads = 128, n = blocks * threads * Draws;
  const unsigned long long seed = 20240607ull;
  unsigned *d;
  cudaMalloc(&d, n * sizeof(unsigned));
  std::vector<unsigned> h(n);
  const std::vector<unsigned> philox = hostApi(CURAND_RNG_PSEUDO_PHILOX4_32_10, seed, blocks * threads);
  const std::vector<unsigned> xorwow = hostApi(CURAND_RNG_PSEUDO_XORWOW, seed, blocks * threads);
  const std::vector<unsigned> mrg = hostApi(CURAND_RNG_PSEUDO_MRG32K3A, seed, blocks * threads);

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
    if (uh[i] != philox[(i / 4) * Draws + i % 4] * 2.3283064e-10f + 2.3283064e-10f / 2.0f) {
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
