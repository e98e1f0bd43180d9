// Grid-wide synchronisation with cooperative groups: kernels that keep every block resident and
// meet at cg::this_grid().sync() instead of returning to the host between phases.
//  1. A single-pass sum: grid-stride partial sums, a block tree in shared memory, partial sums
//     published per block, grid.sync(), and block 0 adds the partials.
//  2. A persistent 1D heat solver: every sweep of the explicit scheme inside one kernel, the two
//     buffers swapped after each grid.sync() (the work of `steps` launches in one).
// Both grids are sized as CUDA's programming guide says a cooperative launch must be: at most
// the blocks the occupancy calculator fits on one multiprocessor times the multiprocessors.
#include <cooperative_groups.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace cg = cooperative_groups;

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      std::fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err_));          \
      std::printf("FAIL\n");                                                                       \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

constexpr int kThreads = 128;

__device__ void blockTreeSum(double *partial, cg::thread_block block) {
  const unsigned tid = block.thread_rank();
  for (unsigned stride = block.size() / 2; stride > 0; stride >>= 1) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    block.sync();
  }
}

__global__ void sumSinglePass(const int *in, double *blockSums, unsigned n) {
  cg::thread_block block = cg::this_thread_block();
  cg::grid_group grid = cg::this_grid();
  extern __shared__ double partial[];
  double mine = 0;
  for (unsigned long long i = grid.thread_rank(); i < n; i += grid.size())
    mine += in[i];
  partial[block.thread_rank()] = mine;
  cg::sync(block);
  blockTreeSum(partial, block);
  if (block.thread_rank() == 0)
    blockSums[blockIdx.x] = partial[0];
  cg::sync(grid);
  if (grid.thread_rank() == 0) {
    double total = 0;
    for (unsigned b = 0; b < grid.num_blocks(); ++b)
      total += blockSums[b];
    blockSums[0] = total;
  }
}

__global__ void heatSteps(float *u, float *next, int n, int steps, float alpha) {
  cg::grid_group grid = cg::this_grid();
  for (int step = 0; step < steps; ++step) {
    for (int i = grid.thread_rank(); i < n; i += grid.size()) {
      const float left = i > 0 ? u[i - 1] : 0.0f;
      const float right = i < n - 1 ? u[i + 1] : 0.0f;
      next[i] = u[i] + alpha * (left - 2.0f * u[i] + right);
    }
    grid.sync();
    float *swap = u;
    u = next;
    next = swap;
  }
}

int main(int argc, char **argv) {
  const unsigned n = argc > 1 ? unsigned(std::atoi(argv[1])) : 1u << 20;
  int device = 0, cooperative = 0;
  CHECK(cudaGetDevice(&device));
  CHECK(cudaDeviceGetAttribute(&cooperative, cudaDevAttrCooperativeLaunch, device));
  if (!cooperative) {
    std::printf("device cannot launch cooperative kernels\nFAIL\n");
    return 1;
  }
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, device));
  bool ok = true;

  // 1. Single-pass sum.
  int perMultiprocessor = 0;
  const size_t sharedBytes = kThreads * sizeof(double);
  CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perMultiprocessor, sumSinglePass, kThreads,
                                                      sharedBytes));
  const int blocks = perMultiprocessor * prop.multiProcessorCount;
  std::vector<int> host(n);
  long long expected = 0;
  for (unsigned i = 0; i < n; ++i) {
    host[i] = int((i * 2654435761u) % 1000) - 500;
    expected += host[i];
  }
  int *in = nullptr;
  double *blockSums = nullptr;
  CHECK(cudaMalloc(&in, n * sizeof(int)));
  CHECK(cudaMalloc(&blockSums, blocks * sizeof(double)));
  CHECK(cudaMemcpy(in, host.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  unsigned count = n;
  void *sumArgs[] = {&in, &blockSums, &count};
  CHECK(cudaLaunchCooperativeKernel((void *)sumSinglePass, dim3(blocks), dim3(kThreads), sumArgs,
                                    sharedBytes, 0));
  CHECK(cudaGetLastError());
  double total = 0;
  CHECK(cudaMemcpy(&total, blockSums, sizeof total, cudaMemcpyDeviceToHost));
  std::printf("single-pass sum over %d blocks: %.0f (expected %lld)\n", blocks, total, expected);
  ok = ok && total == double(expected);

  // One block more than can be resident is refused, and nothing runs.
  cudaError_t tooLarge = cudaLaunchCooperativeKernel(
      (void *)sumSinglePass, dim3(blocks + 1), dim3(kThreads), sumArgs, sharedBytes, 0);
  std::printf("grid of %d blocks: %s\n", blocks + 1, cudaGetErrorString(tooLarge));
  ok = ok && tooLarge == cudaErrorCooperativeLaunchTooLarge;
  CHECK(cudaGetLastError() == cudaErrorCooperativeLaunchTooLarge ? cudaSuccess
                                                                 : cudaErrorUnknown);

  // 2. Persistent heat solver, launched through the C++ overload that takes the kernel.
  const int points = 4099, steps = 200;
  const float alpha = 0.25f;
  std::vector<float> u(points), reference(points), scratch(points);
  for (int i = 0; i < points; ++i)
    u[i] = (i > points / 3 && i < 2 * points / 3) ? 100.0f : float(i % 17);
  reference = u;
  for (int step = 0; step < steps; ++step) {
    for (int i = 0; i < points; ++i) {
      const float left = i > 0 ? reference[i - 1] : 0.0f;
      const float right = i < points - 1 ? reference[i + 1] : 0.0f;
      scratch[i] = reference[i] + alpha * (left - 2.0f * reference[i] + right);
    }
    reference.swap(scratch);
  }
  float *dU = nullptr, *dNext = nullptr;
  CHECK(cudaMalloc(&dU, points * sizeof(float)));
  CHECK(cudaMalloc(&dNext, points * sizeof(float)));
  CHECK(cudaMemcpy(dU, u.data(), points * sizeof(float), cudaMemcpyHostToDevice));
  int heatPerMultiprocessor = 0;
  CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&heatPerMultiprocessor, heatSteps, 64, 0));
  const int heatBlocks = heatPerMultiprocessor * prop.multiProcessorCount;
  int pointCount = points, stepCount = steps;
  float rate = alpha;
  void *heatArgs[] = {&dU, &dNext, &pointCount, &stepCount, &rate};
  CHECK(cudaLaunchCooperativeKernel(heatSteps, dim3(heatBlocks), dim3(64), heatArgs));
  CHECK(cudaDeviceSynchronize());
  // An even number of sweeps leaves the result in the first buffer.
  CHECK(cudaMemcpy(u.data(), dU, points * sizeof(float), cudaMemcpyDeviceToHost));
  int mismatches = 0;
  for (int i = 0; i < points; ++i)
    // A GPU may contract a * b + c into one fused multiply-add: allow its rounding.
    if (std::fabs(u[i] - reference[i]) > 1e-4f * std::fmax(1.0f, std::fabs(reference[i])) &&
        ++mismatches <= 3)
      std::printf("heat[%d] = %.6f, expected %.6f\n", i, u[i], reference[i]);
  std::printf("heat: %d sweeps of %d points in one launch of %d blocks, %d mismatches\n", steps,
              points, heatBlocks, mismatches);
  ok = ok && mismatches == 0;

  CHECK(cudaFree(in));
  CHECK(cudaFree(blockSums));
  CHECK(cudaFree(dU));
  CHECK(cudaFree(dNext));
  std::printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
