// A __global__ function cast to a void pointer (kernel graph nodes, cudaLaunchKernel) becomes a
// kernel handle; the whole cast is replaced and a non-const target gets a const_cast. The kernel
// given to cudaLaunchKernel's typed overload becomes its handle too (the launch keeps its name);
// other uses (typed attribute forms, launches) are left alone. No diagnostic.
// NO-DIAG
#include <cuda_runtime.h>

__global__ void scale(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] *= a;
}

template <int N> __global__ void fill(float *x) { x[threadIdx.x] = N; }

void build(cudaGraph_t graph, float *d, int n) {
  float a = 2.0f;
  void *args[] = {&d, &a, &n};
  // CHECK: npuKernelNodeParams p = {};
  cudaKernelNodeParams p = {};
  // CHECK: p.func = const_cast<void *>(::npu::kernel_handle("scale", scale));
  p.func = (void *)scale;
  p.gridDim = dim3((n + 127) / 128);
  p.blockDim = dim3(128);
  p.kernelParams = args;
  // CHECK: npuGraphNode_t node;
  cudaGraphNode_t node;
  // CHECK: npuGraphAddKernelNode(&node, graph, nullptr, 0, &p);
  cudaGraphAddKernelNode(&node, graph, nullptr, 0, &p);
  // CHECK: npuLaunchKernel(::npu::kernel_handle("scale", scale), dim3(1), dim3(128), args, 0, 0);
  cudaLaunchKernel((const void *)scale, dim3(1), dim3(128), args, 0, 0);
  // CHECK: npuLaunchKernel(const_cast<void *>(::npu::kernel_handle("fill<3>", fill<3>)), dim3(1), dim3(32), args + 0, 0, 0);
  cudaLaunchKernel(reinterpret_cast<void *>(&fill<3>), dim3(1), dim3(32), args + 0, 0, 0);
  // CHECK: npuLaunchKernel(::npu::kernel_handle("scale", scale), dim3(1), dim3(128), args);
  cudaLaunchKernel(scale, dim3(1), dim3(128), args);
  cudaFuncAttributes attr;
  // CHECK: npuFuncGetAttributes(&attr, scale);
  cudaFuncGetAttributes(&attr, scale);
  cudaMemsetParams m = {};
  m.dst = d;
  m.elementSize = 4;
  m.width = n;
  m.height = 1;
  // CHECK: npuGraphAddMemsetNode(&node, graph, &node, 1, &m);
  cudaGraphAddMemsetNode(&node, graph, &node, 1, &m);
  // CHECK: npuGraphNodeType type;
  cudaGraphNodeType type;
  cudaGraphNodeGetType(node, &type);
  // CHECK: if (type != npuGraphNodeTypeMemset)
  if (type != cudaGraphNodeTypeMemset)
    return;
}
