// 256-bin histogram privatised per block (as in the CUDA samples' histogram256): shared-memory
// bins updated with atomicAdd by a grid-stride loop, then merged into the global bins.
#include "cuda_check.h"
#include "histogram_problem.h"

#define BINS 256
#define BLOCK 256
#define GRID 1024

__global__ void histogramShared(const unsigned char *data, unsigned int *hist, int n) {
  __shared__ unsigned int local[BINS];
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
}

int main(int argc, char **argv) {
  const int n = histogram::size(vsomp::tiny(argc, argv));
  const std::vector<unsigned char> in = histogram::input(n);
  unsigned int hist[BINS];
  unsigned char *dIn;
  unsigned int *dHist;
  CHECK(cudaMalloc(&dIn, n));
  CHECK(cudaMalloc(&dHist, sizeof(hist)));
  CHECK(cudaMemcpy(dIn, in.data(), n, cudaMemcpyHostToDevice));

  const double ms = vsomp::warmTimedMs([&] {
    CHECK(cudaMemset(dHist, 0, sizeof(hist)));
    histogramShared<<<GRID, BLOCK>>>(dIn, dHist, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(hist, dHist, sizeof(hist), cudaMemcpyDeviceToHost));
  const bool ok = histogram::check(in, hist);
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dHist));
  return vsomp::report(std::to_string(n), ms, histogram::bytes(n), ok);
}
