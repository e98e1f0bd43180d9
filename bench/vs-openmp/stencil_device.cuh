// The host side of the CUDA stencil programs (stencil2d, stencil3d): the grid on the device,
// kSweeps sweeps timed, checked against the serial sweeps, reported.
#pragma once
#include "cuda_check.h"
#include "stencil_problem.h"

// `sweep(in, out)` launches one sweep on device grids; `reference(in, out)` is one on the host.
template <class DeviceSweep, class HostSweep>
int runStencilOnDevice(size_t cells, const std::string &label, DeviceSweep sweep,
                       HostSweep reference) {
  const size_t bytes = cells * sizeof(float);
  const std::vector<float> initial = stencil::grid(cells);
  std::vector<float> result(cells);
  float *dA, *dB;
  CHECK(cudaMalloc(&dA, bytes));
  CHECK(cudaMalloc(&dB, bytes));
  const double ms = vsomp::warmTimedMs(
      [&] { CHECK(cudaMemcpy(dA, initial.data(), bytes, cudaMemcpyHostToDevice)); },
      [&] {
        stencil::sweeps(dA, dB, sweep);
        CHECK(cudaGetLastError());
        CHECK(cudaDeviceSynchronize());
      });
  CHECK(cudaMemcpy(result.data(), dA, bytes, cudaMemcpyDeviceToHost));
  const bool ok = stencil::check(initial, result.data(), reference);
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  return vsomp::report(label, ms, stencil::bytes(cells), ok);
}
