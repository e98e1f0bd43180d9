// An iterative solver step captured once as a CUDA graph and replayed.
//
// A Jacobi-style smoothing step (copy in, two kernels forked onto two streams and joined
// back, a reduction of the residual, copy out) is captured from streams into a graph with
// cudaStreamBeginCapture/EndCapture; the graph is instantiated once and launched N times.
// A second graph is built node by node with the graph API (memset, kernel node through
// cudaKernelNodeParams, memcpy and host nodes), updated with cudaGraphExecKernelNodeSetParams
// between launches. Every result is checked against a CPU reference.
//
// CUDA features: cudaStreamBeginCapture, cudaStreamEndCapture, cudaStreamIsCapturing, event
// fork/join during capture (cudaEventRecord + cudaStreamWaitEvent), cudaGraphInstantiate,
// cudaGraphLaunch, cudaGraphGetNodes, cudaGraphCreate, cudaGraphAddMemsetNode,
// cudaGraphAddKernelNode, cudaGraphAddMemcpyNode1D, cudaGraphAddHostNode,
// cudaGraphExecKernelNodeSetParams, cudaLaunchKernel with a void** argument array,
// cudaGraphExecDestroy, cudaGraphDestroy.
//
// Usage: graph_capture [n] [replays]   (default 1<<16 elements, 20 replays)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

constexpr int kThreads = 256;

// out[i] = (in[i-1] + in[i] + in[i+1]) / 3 with clamped ends
__global__ void smooth(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float left = in[i > 0 ? i - 1 : 0], right = in[i < n - 1 ? i + 1 : n - 1];
  out[i] = (left + in[i] + right) / 3.0f;
}

__global__ void scaleBy(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] *= a;
}

// sum[0] += sum of |a[i] - b[i]| over the block's elements
__global__ void residual(const float *a, const float *b, float *sum, int n) {
  __shared__ float partial[kThreads];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  partial[threadIdx.x] = i < n ? fabsf(a[i] - b[i]) : 0.0f;
  __syncthreads();
  for (unsigned stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    atomicAdd(sum, partial[0]);
}

static void countLaunch(void *data) { ++*static_cast<int *>(data); }

static bool nearlyEqual(float a, float b) { return std::fabs(a - b) <= 1e-4f * (1.0f + std::fabs(b)); }

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 1 << 16;
  const int replays = argc > 2 ? atoi(argv[2]) : 20;
  if (n <= 1 || replays <= 0) {
    fprintf(stderr, "usage: %s [n > 1] [replays > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  const int blocks = (n + kThreads - 1) / kThreads;
  std::vector<float> input(n), smoothed(n), scaled(n);
  for (int i = 0; i < n; ++i)
    input[i] = float((i * 37) % 101) / 10.0f;

  float *dIn, *dOut, *dCopy, *dSum;
  CHECK(cudaMalloc(&dIn, n * sizeof(float)));
  CHECK(cudaMalloc(&dOut, n * sizeof(float)));
  CHECK(cudaMalloc(&dCopy, n * sizeof(float)));
  CHECK(cudaMalloc(&dSum, sizeof(float)));

  // ---- 1. Capture: copy in, fork smooth | scale onto two streams, join, residual, copy out.
  cudaStream_t mainStream, side;
  CHECK(cudaStreamCreateWithFlags(&mainStream, cudaStreamNonBlocking));
  CHECK(cudaStreamCreateWithFlags(&side, cudaStreamNonBlocking));
  cudaEvent_t forked, joined;
  CHECK(cudaEventCreateWithFlags(&forked, cudaEventDisableTiming));
  CHECK(cudaEventCreateWithFlags(&joined, cudaEventDisableTiming));
  float residualSum = 0.0f;

  CHECK(cudaStreamBeginCapture(mainStream, cudaStreamCaptureModeGlobal));
  CHECK(cudaMemcpyAsync(dIn, input.data(), n * sizeof(float), cudaMemcpyHostToDevice, mainStream));
  CHECK(cudaMemcpyAsync(dCopy, dIn, n * sizeof(float), cudaMemcpyDeviceToDevice, mainStream));
  CHECK(cudaMemsetAsync(dSum, 0, sizeof(float), mainStream));
  CHECK(cudaEventRecord(forked, mainStream));
  CHECK(cudaStreamWaitEvent(side, forked, 0));
  smooth<<<blocks, kThreads, 0, mainStream>>>(dIn, dOut, n);
  scaleBy<<<blocks, kThreads, 0, side>>>(dCopy, 0.5f, n);
  CHECK(cudaEventRecord(joined, side));
  CHECK(cudaStreamWaitEvent(mainStream, joined, 0));
  residual<<<blocks, kThreads, 0, mainStream>>>(dOut, dCopy, dSum, n);
  CHECK(cudaMemcpyAsync(&residualSum, dSum, sizeof(float), cudaMemcpyDeviceToHost, mainStream));
  cudaStreamCaptureStatus status;
  CHECK(cudaStreamIsCapturing(mainStream, &status));
  if (status != cudaStreamCaptureStatusActive) {
    fprintf(stderr, "FAIL: the stream is not capturing\n");
    return EXIT_FAILURE;
  }
  cudaGraph_t captured;
  CHECK(cudaStreamEndCapture(mainStream, &captured));
  size_t nodes = 0;
  CHECK(cudaGraphGetNodes(captured, nullptr, &nodes));

  // Reference.
  double expectedResidual = 0;
  for (int i = 0; i < n; ++i) {
    float left = input[i > 0 ? i - 1 : 0], right = input[i < n - 1 ? i + 1 : n - 1];
    smoothed[i] = (left + input[i] + right) / 3.0f;
    scaled[i] = input[i] * 0.5f;
    expectedResidual += std::fabs(smoothed[i] - scaled[i]);
  }

  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiate(&exec, captured, 0));
  int failures = 0;
  for (int r = 0; r < replays; ++r) {
    residualSum = -1.0f;
    CHECK(cudaGraphLaunch(exec, mainStream));
    CHECK(cudaStreamSynchronize(mainStream));
    if (std::fabs(residualSum - expectedResidual) > 1e-3 * expectedResidual)
      ++failures;
  }
  std::vector<float> out(n);
  CHECK(cudaMemcpy(out.data(), dOut, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (!nearlyEqual(out[i], smoothed[i]))
      ++failures;
  printf("captured graph: %zu nodes, %d replays, residual %.3f (expected %.3f)\n", nodes,
         replays, residualSum, expectedResidual);

  // ---- 2. Built by hand: memset, kernel node (void** arguments), copy back, host node.
  cudaGraph_t built;
  CHECK(cudaGraphCreate(&built, 0));
  cudaMemsetParams fill = {};
  fill.dst = dIn;
  fill.value = 0x3f800000u; // 1.0f
  fill.elementSize = 4;
  fill.width = n;
  fill.height = 1;
  cudaGraphNode_t fillNode, kernelNode, copyNode, hostNode;
  CHECK(cudaGraphAddMemsetNode(&fillNode, built, nullptr, 0, &fill));
  float factor = 3.0f;
  int count = n;
  void *args[] = {&dIn, &factor, &count};
  cudaKernelNodeParams kernel = {};
  kernel.func = (void *)scaleBy;
  kernel.gridDim = dim3(blocks);
  kernel.blockDim = dim3(kThreads);
  kernel.kernelParams = args;
  CHECK(cudaGraphAddKernelNode(&kernelNode, built, &fillNode, 1, &kernel));
  CHECK(cudaGraphAddMemcpyNode1D(&copyNode, built, &kernelNode, 1, out.data(), dIn,
                                 n * sizeof(float), cudaMemcpyDeviceToHost));
  int hostRuns = 0;
  cudaHostNodeParams host = {countLaunch, &hostRuns};
  CHECK(cudaGraphAddHostNode(&hostNode, built, &copyNode, 1, &host));
  cudaGraphExec_t builtExec;
  CHECK(cudaGraphInstantiate(&builtExec, built, 0));
  CHECK(cudaGraphLaunch(builtExec, mainStream));
  CHECK(cudaStreamSynchronize(mainStream));
  failures += !nearlyEqual(out[0], 3.0f) + !nearlyEqual(out[n - 1], 3.0f);
  factor = 5.0f; // the executable graph takes new arguments
  CHECK(cudaGraphExecKernelNodeSetParams(builtExec, kernelNode, &kernel));
  CHECK(cudaGraphLaunch(builtExec, mainStream));
  CHECK(cudaStreamSynchronize(mainStream));
  failures += !nearlyEqual(out[0], 5.0f) + !nearlyEqual(out[n / 2], 5.0f) + (hostRuns != 2);

  // ---- 3. cudaLaunchKernel with the same argument array.
  factor = 2.0f;
  CHECK(cudaLaunchKernel((const void *)scaleBy, dim3(blocks), dim3(kThreads), args, 0, mainStream));
  CHECK(cudaMemcpyAsync(out.data(), dIn, n * sizeof(float), cudaMemcpyDeviceToHost, mainStream));
  CHECK(cudaStreamSynchronize(mainStream));
  failures += !nearlyEqual(out[1], 10.0f); // the graph left 5.0f in dIn
  printf("built graph: 4 nodes, 2 launches, host node ran %d times\n", hostRuns);

  CHECK(cudaGraphExecDestroy(builtExec));
  CHECK(cudaGraphDestroy(built));
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(captured));
  CHECK(cudaEventDestroy(forked));
  CHECK(cudaEventDestroy(joined));
  CHECK(cudaStreamDestroy(mainStream));
  CHECK(cudaStreamDestroy(side));
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  CHECK(cudaFree(dCopy));
  CHECK(cudaFree(dSum));
  if (failures != 0 || nodes != 7) {
    printf("FAIL: %d mismatches, %zu captured nodes\n", failures, nodes);
    return EXIT_FAILURE;
  }
  printf("PASS\n");
  return EXIT_SUCCESS;
}
