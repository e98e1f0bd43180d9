// Bitonic sort in global memory, one launch per step of the network (as in the classic
// bitonic_sort.cu teaching example): thread i compares element i with its partner i ^ j.
#include "bitonic_problem.h"
#include "cuda_check.h"

#define BLOCK 256

__global__ void bitonicStep(float *values, int j, int k) {
  unsigned int i = blockIdx.x * blockDim.x + threadIdx.x;
  unsigned int partner = i ^ j;
  if (partner > i) {
    bool ascending = (i & k) == 0;
    float a = values[i], b = values[partner];
    if ((a > b) == ascending) {
      values[i] = b;
      values[partner] = a;
    }
  }
}

int main(int argc, char **argv) {
  const int n = bitonic::size(vsomp::tiny(argc, argv));
  const std::vector<float> in = bitonic::input(n);
  std::vector<float> out(n);
  float *dValues;
  CHECK(cudaMalloc(&dValues, n * sizeof(float)));

  const double ms = vsomp::warmTimedMs(
      [&] { CHECK(cudaMemcpy(dValues, in.data(), n * sizeof(float), cudaMemcpyHostToDevice)); },
      [&] {
        for (int k = 2; k <= n; k <<= 1)
          for (int j = k >> 1; j > 0; j >>= 1)
            bitonicStep<<<n / BLOCK, BLOCK>>>(dValues, j, k);
        CHECK(cudaGetLastError());
        CHECK(cudaDeviceSynchronize());
      });

  CHECK(cudaMemcpy(out.data(), dValues, n * sizeof(float), cudaMemcpyDeviceToHost));
  const bool ok = bitonic::check(in, out.data());
  CHECK(cudaFree(dValues));
  return vsomp::report(bitonic::label(n), ms, 0, ok);
}
