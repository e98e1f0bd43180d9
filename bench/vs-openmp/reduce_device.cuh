// The host side of the CUDA reduction programs (reduce_tree, reduce_shfl, reduce_cub): the input on the
// device, the kPasses sums timed, checked, reported.
#pragma once
#include "cuda_check.h"
#include "reduce_problem.h"

// `sumPasses(in, sums, n)` launches the kPasses sums of in[0, n) into sums[0, kPasses).
template <class SumPasses> int runReduceOnDevice(int n, SumPasses sumPasses) {
  const std::vector<float> in = reduce::input(n);
  float *dIn, *dSums;
  CHECK(cudaMalloc(&dIn, n * sizeof(float)));
  CHECK(cudaMalloc(&dSums, reduce::kPasses * sizeof(float)));
  CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  const double ms = vsomp::warmTimedMs([&] {
    sumPasses(dIn, dSums, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });
  float sums[reduce::kPasses];
  CHECK(cudaMemcpy(sums, dSums, sizeof(sums), cudaMemcpyDeviceToHost));
  const bool ok = reduce::check(in, sums);
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dSums));
  return vsomp::report(reduce::label(n), ms, reduce::bytes(n), ok);
}
