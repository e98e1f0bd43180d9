// A cooperative launch and grid-wide synchronisation: cudaLaunchCooperativeKernel in both forms
// (a kernel cast to a void pointer and the kernel given to the C++ overload become its handle),
// this_grid()/grid_group kept as written, and a local named `block` live across the kernel's
// waiting statements, whose per-thread slots must not take the name of the regions object.
// NO-DIAG
#include <cooperative_groups.h>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

__global__ void sumAll(const float *in, float *partial, unsigned n) {
  // CHECK: auto *npu_block_2 = npu_block.per_thread<cg::thread_block>();
  // CHECK: auto &block = npu_block_2[npu_thread] = cg::this_thread_block();
  cg::thread_block block = cg::this_thread_block();
  // CHECK: auto &grid = npu_grid[npu_thread] = cg::this_grid();
  cg::grid_group grid = cg::this_grid();
  extern __shared__ float s[];
  float v = 0;
  for (unsigned long long i = grid.thread_rank(); i < n; i += grid.size())
    v += in[i];
  s[block.thread_rank()] = v;
  block.sync();
  if (block.thread_rank() == 0) {
    float sum = 0;
    for (unsigned t = 0; t < block.size(); ++t)
      sum += s[t];
    partial[blockIdx.x] = sum;
  }
  // CHECK: cg::sync(grid);
  cg::sync(grid);
  if (grid.thread_rank() == 0 && grid.is_valid())
    for (unsigned b = 1; b < grid.num_blocks(); ++b)
      partial[0] += partial[b];
}

int launch(const float *in, float *partial, unsigned n, int blocks, cudaStream_t stream) {
  int cooperative = 0;
  // CHECK: npuDeviceGetAttribute(&cooperative, npuDevAttrCooperativeLaunch, 0);
  cudaDeviceGetAttribute(&cooperative, cudaDevAttrCooperativeLaunch, 0);
  void *args[] = {&in, &partial, &n};
  // CHECK: npuLaunchCooperativeKernel(const_cast<void *>(::npu::kernel_handle("sumAll", sumAll)), blocks, 256, args, 256 * sizeof(float), stream)
  cudaError_t e = cudaLaunchCooperativeKernel((void *)sumAll, blocks, 256, args, 256 * sizeof(float), stream);
  // CHECK: npuLaunchCooperativeKernel(::npu::kernel_handle("sumAll", sumAll), blocks, 256, args, 256 * sizeof(float));
  cudaLaunchCooperativeKernel(sumAll, blocks, 256, args, 256 * sizeof(float));
  // CHECK: e == npuErrorCooperativeLaunchTooLarge
  return cooperative && e == cudaErrorCooperativeLaunchTooLarge;
}
