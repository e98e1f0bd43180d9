// The launch forms besides <<<>>>: cudaLaunchKernelEx with a configuration and attributes (its
// typed C++ form keeps the kernel as written), cudaLaunchKernelExC and cudaLaunchKernel with a
// kernel cast to a void pointer, which becomes a kernel handle.
// DIAG: cudaLaunchKernelEx is partially supported
// DIAG: cudaLaunchKernelExC is partially supported
#include <cuda_runtime.h>

__global__ void axpy(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] += a * x[i];
}

void launch(const float *x, float *y, int n, cudaStream_t s) {
  // CHECK: npuLaunchAttribute attribute;
  cudaLaunchAttribute attribute;
  // CHECK: attribute.id = npuLaunchAttributePriority;
  attribute.id = cudaLaunchAttributePriority;
  attribute.val.priority = 0;
  // CHECK: npuLaunchConfig_t config = {};
  cudaLaunchConfig_t config = {};
  config.gridDim = dim3((n + 255) / 256);
  config.blockDim = dim3(256);
  config.stream = s;
  config.attrs = &attribute;
  config.numAttrs = 1;
  // CHECK: npuLaunchKernelEx(&config, axpy, 2.0f, x, y, n);
  cudaLaunchKernelEx(&config, axpy, 2.0f, x, y, n);
  float a = 3.0f;
  void *args[] = {&a, &x, &y, &n};
  // CHECK: npuLaunchKernelExC(&config, ::npu::kernel_handle("axpy", axpy), args);
  cudaLaunchKernelExC(&config, (const void *)axpy, args);
  // CHECK: npuLaunchKernel(::npu::kernel_handle("axpy", axpy), config.gridDim, config.blockDim, args, 0, s);
  cudaLaunchKernel((const void *)&axpy, config.gridDim, config.blockDim, args, 0, s);
}
