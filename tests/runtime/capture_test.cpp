// Stream capture: captured work does not run until the graph is launched, the fork/join
// pattern through events, capture status queries, and the calls a capture refuses (with the
// capture then invalidated) under each capture mode.
#include <thread>
#include <vector>

#include "RuntimeTestSupport.h"
#include "npurt/kernel.h"

using npu::test::RuntimeTest;

namespace {

__global__ void addOne(int *values, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      values[i] += 1;
  });
}

__global__ void doubleAll(int *values, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      values[i] *= 2;
  });
}

class CaptureTest : public RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(npuStreamCreateWithFlags(&stream, npuStreamNonBlocking), npuSuccess);
    ASSERT_EQ(npuMalloc(&device, kN * sizeof(int)), npuSuccess);
    ASSERT_EQ(npuMemset(device, 0, kN * sizeof(int)), npuSuccess);
  }
  void TearDown() override {
    EXPECT_EQ(npuFree(device), npuSuccess);
    EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
    RuntimeTest::TearDown();
  }
  std::vector<int> read() {
    std::vector<int> host(kN);
    EXPECT_EQ(npuMemcpy(host.data(), device, kN * sizeof(int), npuMemcpyDeviceToHost), npuSuccess);
    return host;
  }

  static constexpr int kN = 256;
  npuStream_t stream = nullptr;
  int *device = nullptr;
};

TEST_F(CaptureTest, CapturedWorkRunsOnlyWhenTheGraphIsLaunched) {
  std::vector<int> input(kN, 5), output(kN, 0);
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  npuStreamCaptureStatus status;
  ASSERT_EQ(npuStreamIsCapturing(stream, &status), npuSuccess);
  EXPECT_EQ(status, npuStreamCaptureStatusActive);
  ASSERT_EQ(npuMemcpyAsync(device, input.data(), kN * sizeof(int), npuMemcpyHostToDevice, stream),
            npuSuccess);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, stream, device, kN), npuSuccess);
  ASSERT_EQ(::npu::launch("doubleAll", doubleAll, dim3(2), dim3(128), 0, stream, device, kN),
            npuSuccess);
  ASSERT_EQ(npuMemcpyAsync(output.data(), device, kN * sizeof(int), npuMemcpyDeviceToHost, stream),
            npuSuccess);
  npuGraph_t graph = nullptr;
  ASSERT_EQ(npuStreamEndCapture(stream, &graph), npuSuccess);
  ASSERT_NE(graph, nullptr);
  ASSERT_EQ(npuStreamIsCapturing(stream, &status), npuSuccess);
  EXPECT_EQ(status, npuStreamCaptureStatusNone);
  EXPECT_EQ(read()[0], 0); // nothing ran
  EXPECT_EQ(output[0], 0);

  size_t count = 0;
  ASSERT_EQ(npuGraphGetNodes(graph, nullptr, &count), npuSuccess);
  ASSERT_EQ(count, 4u);
  std::vector<npuGraphNode_t> nodes(count);
  ASSERT_EQ(npuGraphGetNodes(graph, nodes.data(), &count), npuSuccess);
  const npuGraphNodeType expected[] = {npuGraphNodeTypeMemcpy, npuGraphNodeTypeKernel,
                                       npuGraphNodeTypeKernel, npuGraphNodeTypeMemcpy};
  for (size_t i = 0; i < count; ++i) {
    npuGraphNodeType type;
    ASSERT_EQ(npuGraphNodeGetType(nodes[i], &type), npuSuccess);
    EXPECT_EQ(type, expected[i]) << i;
  }
  npuKernelNodeParams params{};
  ASSERT_EQ(npuGraphKernelNodeGetParams(nodes[1], &params), npuSuccess);
  EXPECT_EQ(params.gridDim.x, 2u);
  EXPECT_EQ(params.blockDim.x, 128u);

  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph), npuSuccess);
  for (int replay = 0; replay < 4; ++replay) {
    ASSERT_EQ(npuGraphLaunch(exec, stream), npuSuccess);
    ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
    EXPECT_EQ(output[kN - 1], 12); // (5 + 1) * 2: the copy in restores the input each time
  }
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
}

TEST_F(CaptureTest, ForkAndJoinThroughEvents) {
  npuStream_t side;
  ASSERT_EQ(npuStreamCreateWithFlags(&side, npuStreamNonBlocking), npuSuccess);
  npuEvent_t fork, join;
  ASSERT_EQ(npuEventCreate(&fork), npuSuccess);
  ASSERT_EQ(npuEventCreate(&join), npuSuccess);
  int *second = nullptr;
  ASSERT_EQ(npuMalloc(&second, kN * sizeof(int)), npuSuccess);
  ASSERT_EQ(npuMemset(second, 0, kN * sizeof(int)), npuSuccess);

  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeThreadLocal), npuSuccess);
  ASSERT_EQ(npuMemsetAsync(device, 0, kN * sizeof(int), stream), npuSuccess);
  ASSERT_EQ(npuEventRecord(fork, stream), npuSuccess);
  EXPECT_EQ(npuEventQuery(fork), npuErrorCapturedEvent);
  EXPECT_EQ(npuEventSynchronize(fork), npuErrorCapturedEvent);
  float ms = 0;
  EXPECT_EQ(npuEventElapsedTime(&ms, fork, fork), npuErrorCapturedEvent);
  ASSERT_EQ(npuStreamWaitEvent(side, fork, 0), npuSuccess); // side joins the capture
  npuStreamCaptureStatus status;
  unsigned long long mainId = 0, sideId = 0;
  ASSERT_EQ(npuStreamGetCaptureInfo(stream, &status, &mainId), npuSuccess);
  ASSERT_EQ(npuStreamGetCaptureInfo(side, &status, &sideId), npuSuccess);
  EXPECT_EQ(status, npuStreamCaptureStatusActive);
  EXPECT_EQ(mainId, sideId);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, stream, device, kN), npuSuccess);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, side, second, kN), npuSuccess);
  ASSERT_EQ(npuEventRecord(join, side), npuSuccess);
  ASSERT_EQ(npuStreamWaitEvent(stream, join, 0), npuSuccess);
  npuGraph_t graph;
  ASSERT_EQ(npuStreamEndCapture(stream, &graph), npuSuccess);
  ASSERT_EQ(npuStreamIsCapturing(side, &status), npuSuccess);
  EXPECT_EQ(status, npuStreamCaptureStatusNone); // the side stream left the capture too

  size_t roots = 0, edges = 0;
  ASSERT_EQ(npuGraphGetRootNodes(graph, nullptr, &roots), npuSuccess);
  EXPECT_EQ(roots, 1u); // the memset, before the fork
  ASSERT_EQ(npuGraphGetEdges(graph, nullptr, nullptr, &edges), npuSuccess);
  EXPECT_EQ(edges, 2u); // memset -> each kernel
  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, stream), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, stream), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(read()[3], 1); // zeroed on every replay
  std::vector<int> host(kN);
  ASSERT_EQ(npuMemcpy(host.data(), second, kN * sizeof(int), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[3], 2); // never zeroed

  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuFree(second), npuSuccess);
  EXPECT_EQ(npuEventDestroy(fork), npuSuccess);
  EXPECT_EQ(npuEventDestroy(join), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(side), npuSuccess);
}

TEST_F(CaptureTest, UnjoinedWorkFailsTheCapture) {
  npuStream_t side;
  ASSERT_EQ(npuStreamCreateWithFlags(&side, npuStreamNonBlocking), npuSuccess);
  npuEvent_t fork;
  ASSERT_EQ(npuEventCreate(&fork), npuSuccess);
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  ASSERT_EQ(npuEventRecord(fork, stream), npuSuccess);
  ASSERT_EQ(npuStreamWaitEvent(side, fork, 0), npuSuccess);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, side, device, kN), npuSuccess);
  npuGraph_t graph = reinterpret_cast<npuGraph_t>(&fork);
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorStreamCaptureUnjoined);
  EXPECT_EQ(graph, nullptr);
  EXPECT_EQ(npuGetLastError(), npuErrorStreamCaptureUnjoined);
  EXPECT_EQ(read()[0], 0);
  EXPECT_EQ(npuEventDestroy(fork), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(side), npuSuccess);
}

TEST_F(CaptureTest, SynchronisingACapturingStreamInvalidatesTheCapture) {
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeRelaxed), npuSuccess);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, stream, device, kN), npuSuccess);
  EXPECT_EQ(npuStreamSynchronize(stream), npuErrorStreamCaptureUnsupported);
  npuStreamCaptureStatus status;
  ASSERT_EQ(npuStreamIsCapturing(stream, &status), npuSuccess);
  EXPECT_EQ(status, npuStreamCaptureStatusInvalidated);
  EXPECT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, stream, device, kN),
            npuErrorStreamCaptureInvalidated);
  npuGraph_t graph;
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorStreamCaptureInvalidated);
  EXPECT_EQ(graph, nullptr);
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorIllegalState); // no capture now
  EXPECT_EQ(npuGetLastError(), npuErrorIllegalState);
  EXPECT_EQ(read()[0], 0);
}

TEST_F(CaptureTest, CaptureRulesFollowCuda) {
  EXPECT_EQ(npuStreamBeginCapture(0, npuStreamCaptureModeGlobal),
            npuErrorStreamCaptureUnsupported); // not on the legacy stream
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  EXPECT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuErrorIllegalState);
  // An event recorded outside the capture cannot order captured work.
  npuEvent_t outside;
  ASSERT_EQ(npuEventCreate(&outside), npuSuccess);
  ASSERT_EQ(npuEventRecord(outside, 0), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(stream, outside, 0), npuErrorStreamCaptureIsolation);
  npuGraph_t graph;
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorStreamCaptureInvalidated);
  EXPECT_EQ(npuEventDestroy(outside), npuSuccess);

  // Global mode: npuMalloc is potentially unsafe, even from the capturing thread.
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, 64), npuErrorStreamCaptureUnsupported);
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorStreamCaptureInvalidated);

  // ... unless the thread relaxes its own mode.
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  npuStreamCaptureMode mode = npuStreamCaptureModeRelaxed;
  ASSERT_EQ(npuThreadExchangeStreamCaptureMode(&mode), npuSuccess);
  EXPECT_EQ(mode, npuStreamCaptureModeGlobal);
  EXPECT_EQ(npuMalloc(&memory, 64), npuSuccess);
  EXPECT_EQ(npuFree(memory), npuSuccess);
  ASSERT_EQ(npuThreadExchangeStreamCaptureMode(&mode), npuSuccess);
  EXPECT_EQ(mode, npuStreamCaptureModeRelaxed);
  ASSERT_EQ(npuStreamEndCapture(stream, &graph), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);

  // Relaxed capture: unsafe calls are allowed; a synchronous copy on the legacy stream is not
  // implicitly ordered with a non-blocking stream, so it is allowed too.
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeRelaxed), npuSuccess);
  EXPECT_EQ(npuMalloc(&memory, 64), npuSuccess);
  EXPECT_EQ(npuMemset(memory, 0, 64), npuSuccess);
  EXPECT_EQ(npuFree(memory), npuSuccess);
  ASSERT_EQ(npuStreamEndCapture(stream, &graph), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
}

TEST_F(CaptureTest, LegacyStreamWorkWhileABlockingStreamCapturesIsImplicit) {
  npuStream_t blocking;
  ASSERT_EQ(npuStreamCreate(&blocking), npuSuccess);
  ASSERT_EQ(npuStreamBeginCapture(blocking, npuStreamCaptureModeRelaxed), npuSuccess);
  EXPECT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, 0, device, kN),
            npuErrorStreamCaptureImplicit);
  npuGraph_t graph;
  EXPECT_EQ(npuStreamEndCapture(blocking, &graph), npuErrorStreamCaptureInvalidated);
  EXPECT_EQ(npuStreamDestroy(blocking), npuSuccess);
  EXPECT_EQ(read()[0], 0);
}

TEST_F(CaptureTest, EndingAGlobalCaptureFromAnotherThreadIsRefused) {
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  npuError_t fromOtherThread = npuSuccess, mallocOtherThread = npuSuccess;
  std::thread other([&] {
    npuGraph_t graph;
    fromOtherThread = npuStreamEndCapture(stream, &graph);
    void *memory = nullptr;
    mallocOtherThread = npuMalloc(&memory, 64); // another thread's global capture forbids it
  });
  other.join();
  EXPECT_EQ(fromOtherThread, npuErrorStreamCaptureWrongThread);
  EXPECT_EQ(mallocOtherThread, npuErrorStreamCaptureUnsupported);
  npuGraph_t graph;
  EXPECT_EQ(npuStreamEndCapture(stream, &graph), npuErrorStreamCaptureInvalidated);
}

TEST_F(CaptureTest, DestroyingACapturingStreamEndsItsPartInTheCapture) {
  npuStream_t doomed;
  ASSERT_EQ(npuStreamCreateWithFlags(&doomed, npuStreamNonBlocking), npuSuccess);
  ASSERT_EQ(npuStreamBeginCapture(doomed, npuStreamCaptureModeGlobal), npuSuccess);
  ASSERT_EQ(::npu::launch("addOne", addOne, dim3(2), dim3(128), 0, doomed, device, kN), npuSuccess);
  ASSERT_EQ(npuStreamDestroy(doomed), npuSuccess);
  void *memory = nullptr; // no capture is left to forbid it
  EXPECT_EQ(npuMalloc(&memory, 64), npuSuccess);
  EXPECT_EQ(npuFree(memory), npuSuccess);
  EXPECT_EQ(read()[0], 0);
}

TEST_F(CaptureTest, CapturedGraphLaunchAndHostFunctions) {
  std::vector<int> log;
  npuGraph_t inner;
  ASSERT_EQ(npuGraphCreate(&inner, 0), npuSuccess);
  npuHostNodeParams params{[](void *data) { static_cast<std::vector<int> *>(data)->push_back(1); },
                           &log};
  npuGraphNode_t node;
  ASSERT_EQ(npuGraphAddHostNode(&node, inner, nullptr, 0, &params), npuSuccess);
  npuGraphExec_t innerExec;
  ASSERT_EQ(npuGraphInstantiate(&innerExec, inner), npuSuccess);

  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(innerExec, stream), npuSuccess);
  ASSERT_EQ(
      npuLaunchHostFunc(
          stream, [](void *data) { static_cast<std::vector<int> *>(data)->push_back(2); }, &log),
      npuSuccess);
  npuGraph_t outer;
  ASSERT_EQ(npuStreamEndCapture(stream, &outer), npuSuccess);
  EXPECT_TRUE(log.empty());
  // A stream callback is not capturable (CUDA's docs: use npuLaunchHostFunc).
  ASSERT_EQ(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), npuSuccess);
  EXPECT_EQ(npuStreamAddCallback(
                stream, [](npuStream_t, npuError_t, void *) {}, nullptr, 0),
            npuErrorStreamCaptureUnsupported);
  npuGraph_t refused;
  EXPECT_EQ(npuStreamEndCapture(stream, &refused), npuErrorStreamCaptureInvalidated);
  npuGraphExec_t outerExec;
  ASSERT_EQ(npuGraphInstantiate(&outerExec, outer), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(outerExec, stream), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(log, (std::vector<int>{1, 2}));
  EXPECT_EQ(npuGraphExecDestroy(outerExec), npuSuccess);
  EXPECT_EQ(npuGraphExecDestroy(innerExec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(outer), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(inner), npuSuccess);
}

} // namespace
