// Stream capture and graph replay: the capture functions, graph types and enumerators are
// renamed; the captured launch is an ordinary launch. cudaGraphExecUpdate is partial (nodes
// are paired in creation order).
// DIAG: cudaGraphExecUpdate is partially supported: nodes are paired in creation order
#include <cuda_runtime.h>

__global__ void step(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] += 1.0f;
}

int run(float *d, const float *h, int n, cudaStream_t s) {
  // CHECK: npuGraph_t graph;
  cudaGraph_t graph;
  // CHECK: npuGraphExec_t exec;
  cudaGraphExec_t exec;
  // CHECK: npuStreamBeginCapture(s, npuStreamCaptureModeGlobal);
  cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
  // CHECK: npuMemcpyAsync(d, h, n * sizeof(float), npuMemcpyHostToDevice, s);
  cudaMemcpyAsync(d, h, n * sizeof(float), cudaMemcpyHostToDevice, s);
  // CHECK: ::npu::launch(::npu::never_waits, "step", step, (n + 255) / 256, 256, 0, s, d, n);
  step<<<(n + 255) / 256, 256, 0, s>>>(d, n);
  // CHECK: npuStreamCaptureStatus status;
  cudaStreamCaptureStatus status;
  // CHECK: npuStreamIsCapturing(s, &status);
  cudaStreamIsCapturing(s, &status);
  // CHECK: npuStreamEndCapture(s, &graph);
  cudaStreamEndCapture(s, &graph);
  // CHECK: npuGraphInstantiate(&exec, graph, 0);
  cudaGraphInstantiate(&exec, graph, 0);
  for (int i = 0; i < 10; ++i)
    // CHECK: npuGraphLaunch(exec, s);
    cudaGraphLaunch(exec, s);
  cudaStreamSynchronize(s);
  cudaGraphExecUpdateResultInfo info;
  // CHECK: npuGraphExecUpdate(exec, graph, &info);
  cudaGraphExecUpdate(exec, graph, &info);
  // CHECK: npuGraphExecDestroy(exec);
  cudaGraphExecDestroy(exec);
  // CHECK: npuGraphDestroy(graph);
  cudaGraphDestroy(graph);
  cudaStreamCaptureMode mode = cudaStreamCaptureModeRelaxed;
  // CHECK: npuThreadExchangeStreamCaptureMode(&mode);
  cudaThreadExchangeStreamCaptureMode(&mode);
  return status == cudaStreamCaptureStatusActive ? 0 : 1;
}
