// CUDA graphs built with the graph API: nodes of every supported kind, dependencies, listing,
// instantiation and replay, executable-graph updates, clones and child graphs, and the errors
// misuse returns.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "RuntimeTestSupport.h"
#include "npurt/kernel.h"

using npu::test::RuntimeTest;

namespace {

__global__ void scaleAdd(float *x, float factor, float offset, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      x[i] = x[i] * factor + offset;
  });
}

void appendValue(void *data) {
  auto *log = static_cast<std::vector<int> *>(data);
  log->push_back(int(log->size()));
}

using GraphTest = RuntimeTest;

constexpr int kN = 1000;

npuKernelNodeParams scaleAddParams(void **arguments) {
  npuKernelNodeParams params{};
  params.func = const_cast<void *>(::npu::kernel_handle("scaleAdd", scaleAdd));
  params.gridDim = dim3((kN + 127) / 128);
  params.blockDim = dim3(128);
  params.kernelParams = arguments;
  return params;
}

TEST_F(GraphTest, BuiltGraphReplaysCopiesFillsKernelsAndHostNodes) {
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, kN * sizeof(float)), npuSuccess);
  std::vector<float> host(kN, 0.0f);
  std::vector<int> log;

  npuGraph_t graph = nullptr;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuMemsetParams fill{};
  fill.dst = device;
  fill.value = 0;
  fill.elementSize = 4;
  fill.width = kN;
  fill.height = 1;
  npuGraphNode_t zero, kernel, copyBack, hostNode;
  ASSERT_EQ(npuGraphAddMemsetNode(&zero, graph, nullptr, 0, &fill), npuSuccess);
  float *x = device;
  float factor = 2.0f, offset = 1.0f;
  int n = kN;
  void *arguments[] = {&x, &factor, &offset, &n};
  npuKernelNodeParams params = scaleAddParams(arguments);
  ASSERT_EQ(npuGraphAddKernelNode(&kernel, graph, &zero, 1, &params), npuSuccess);
  offset = 100.0f; // the node copied its arguments when it was added
  ASSERT_EQ(npuGraphAddMemcpyNode1D(&copyBack, graph, &kernel, 1, host.data(), device,
                                    kN * sizeof(float), npuMemcpyDeviceToHost),
            npuSuccess);
  npuHostNodeParams hostParams{appendValue, &log};
  ASSERT_EQ(npuGraphAddHostNode(&hostNode, graph, &copyBack, 1, &hostParams), npuSuccess);

  npuGraphExec_t exec = nullptr;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph, 0), npuSuccess);
  for (int replay = 0; replay < 3; ++replay)
    ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(0), npuSuccess);
  EXPECT_EQ(host[0], 1.0f); // each replay zeroes, then 0 * 2 + 1
  EXPECT_EQ(host[kN - 1], 1.0f);
  EXPECT_EQ(log, (std::vector<int>{0, 1, 2}));

  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(GraphTest, MemsetNodeWritesWideElementsAndPitchedRows) {
  unsigned *device = nullptr;
  const size_t pitch = 8 * sizeof(unsigned);
  ASSERT_EQ(npuMalloc(&device, pitch * 3), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, pitch * 3), npuSuccess);
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuMemsetParams fill{device, pitch, 0x01020304u, 4, 5, 3};
  npuGraphNode_t node;
  ASSERT_EQ(npuGraphAddMemsetNode(&node, graph, nullptr, 0, &fill), npuSuccess);
  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess);
  std::vector<unsigned> host(8 * 3);
  ASSERT_EQ(npuMemcpy(host.data(), device, pitch * 3, npuMemcpyDeviceToHost), npuSuccess);
  for (int row = 0; row < 3; ++row)
    for (int column = 0; column < 8; ++column)
      EXPECT_EQ(host[row * 8 + column], column < 5 ? 0x01020304u : 0u) << row << "," << column;
  npuMemsetParams badSize = fill;
  badSize.elementSize = 3;
  EXPECT_EQ(npuGraphAddMemsetNode(&node, graph, nullptr, 0, &badSize), npuErrorInvalidValue);
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(GraphTest, NodesRootsEdgesAndTypesAreListed) {
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuGraphNode_t a, b, c, d;
  ASSERT_EQ(npuGraphAddEmptyNode(&a, graph, nullptr, 0), npuSuccess);
  ASSERT_EQ(npuGraphAddEmptyNode(&b, graph, &a, 1), npuSuccess);
  ASSERT_EQ(npuGraphAddEmptyNode(&c, graph, &a, 1), npuSuccess);
  npuGraphNode_t joins[] = {b, c};
  ASSERT_EQ(npuGraphAddEmptyNode(&d, graph, joins, 2), npuSuccess);

  size_t count = 0;
  ASSERT_EQ(npuGraphGetNodes(graph, nullptr, &count), npuSuccess);
  EXPECT_EQ(count, 4u);
  npuGraphNode_t roots[4];
  count = 4;
  ASSERT_EQ(npuGraphGetRootNodes(graph, roots, &count), npuSuccess);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(roots[0], a);
  npuGraphNode_t from[8], to[8];
  count = 8;
  ASSERT_EQ(npuGraphGetEdges(graph, from, to, &count), npuSuccess);
  EXPECT_EQ(count, 4u);
  count = 4;
  npuGraphNode_t listed[4];
  ASSERT_EQ(npuGraphNodeGetDependencies(d, listed, &count), npuSuccess);
  EXPECT_EQ(count, 2u);
  ASSERT_EQ(npuGraphNodeGetDependentNodes(a, nullptr, &count), npuSuccess);
  EXPECT_EQ(count, 2u);
  npuGraphNodeType type;
  ASSERT_EQ(npuGraphNodeGetType(d, &type), npuSuccess);
  EXPECT_EQ(type, npuGraphNodeTypeEmpty);

  ASSERT_EQ(npuGraphRemoveDependencies(graph, &a, &b, 1), npuSuccess);
  EXPECT_EQ(npuGraphRemoveDependencies(graph, &a, &b, 1), npuErrorInvalidValue);
  ASSERT_EQ(npuGraphGetRootNodes(graph, nullptr, &count), npuSuccess);
  EXPECT_EQ(count, 2u);
  ASSERT_EQ(npuGraphAddDependencies(graph, &a, &b, 1), npuSuccess);
  // A cycle cannot be instantiated.
  ASSERT_EQ(npuGraphAddDependencies(graph, &d, &a, 1), npuSuccess);
  npuGraphExec_t exec;
  EXPECT_EQ(npuGraphInstantiate(&exec, graph), npuErrorInvalidValue);
  ASSERT_EQ(npuGraphDestroyNode(d), npuSuccess);
  ASSERT_EQ(npuGraphGetNodes(graph, nullptr, &count), npuSuccess);
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(npuGraphNodeGetType(d, &type), npuErrorInvalidValue); // destroyed
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuErrorInvalidValue);
}

TEST_F(GraphTest, KernelNodeNeedsAKernelHandle) {
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  float *x = nullptr;
  float factor = 1, offset = 0;
  int n = 0;
  void *arguments[] = {&x, &factor, &offset, &n};
  npuKernelNodeParams params = scaleAddParams(arguments);
  int notAKernel = 0;
  params.func = &notAKernel;
  npuGraphNode_t node;
  EXPECT_EQ(npuGraphAddKernelNode(&node, graph, nullptr, 0, &params),
            npuErrorInvalidDeviceFunction);
  params = scaleAddParams(nullptr);
  EXPECT_EQ(npuGraphAddKernelNode(&node, graph, nullptr, 0, &params), npuErrorInvalidValue);
  params = scaleAddParams(arguments);
  params.blockDim = dim3(2048);
  EXPECT_EQ(npuGraphAddKernelNode(&node, graph, nullptr, 0, &params), npuErrorInvalidConfiguration);
  EXPECT_EQ(npuLaunchKernel(&notAKernel, dim3(1), dim3(1), arguments, 0, 0),
            npuErrorInvalidDeviceFunction);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidDeviceFunction);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
}

TEST_F(GraphTest, LaunchKernelTakesArgumentArrays) {
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, kN * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, kN * sizeof(float)), npuSuccess);
  float *x = device;
  float factor = 1.0f, offset = 3.0f;
  int n = kN;
  void *arguments[] = {&x, &factor, &offset, &n};
  const void *handle = ::npu::kernel_handle("scaleAdd", scaleAdd);
  EXPECT_EQ(handle, ::npu::kernel_handle("scaleAdd", scaleAdd)); // stable
  ASSERT_EQ(npuLaunchKernel(handle, dim3(8), dim3(128), arguments, 0, 0), npuSuccess);
  ASSERT_EQ(npuLaunchKernel(scaleAdd, dim3(8), dim3(128), arguments), npuSuccess); // typed form
  std::vector<float> host(kN);
  ASSERT_EQ(npuMemcpy(host.data(), device, kN * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[0], 6.0f);
  EXPECT_EQ(host[kN - 1], 6.0f);
  // Attributes set through the handle are the kernel's.
  ASSERT_EQ(npuFuncSetAttribute(handle, npuFuncAttributeMaxDynamicSharedMemorySize, 64 * 1024),
            npuSuccess);
  npuFuncAttributes attributes{};
  ASSERT_EQ(npuFuncGetAttributes(&attributes, scaleAdd), npuSuccess);
  EXPECT_EQ(attributes.maxDynamicSharedSizeBytes, 64 * 1024);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(GraphTest, ExecNodeSetParamsAffectsLaterLaunchesOnly) {
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, kN * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, kN * sizeof(float)), npuSuccess);
  float *x = device;
  float factor = 1.0f, offset = 1.0f;
  int n = kN;
  void *arguments[] = {&x, &factor, &offset, &n};
  npuKernelNodeParams params = scaleAddParams(arguments);
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuGraphNode_t node;
  ASSERT_EQ(npuGraphAddKernelNode(&node, graph, nullptr, 0, &params), npuSuccess);
  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess); // +1
  offset = 10.0f;
  ASSERT_EQ(npuGraphExecKernelNodeSetParams(exec, node, &params), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess); // +10
  std::vector<float> host(kN);
  ASSERT_EQ(npuMemcpy(host.data(), device, kN * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[5], 11.0f);
  // The graph itself still has the first parameters: a new instantiation adds 1.
  npuGraphExec_t second;
  ASSERT_EQ(npuGraphInstantiate(&second, graph), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(second, 0), npuSuccess);
  ASSERT_EQ(npuMemcpy(host.data(), device, kN * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host[5], 12.0f);
  npuHostNodeParams wrongType{appendValue, nullptr};
  EXPECT_EQ(npuGraphExecHostNodeSetParams(exec, node, &wrongType), npuErrorInvalidValue);
  EXPECT_EQ(npuGraphExecDestroy(second), npuSuccess);
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphExecDestroy(exec), npuErrorInvalidValue);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(GraphTest, DisabledNodesDoNothingAndStayDisabledAcrossUpdates) {
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, kN * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, kN * sizeof(float)), npuSuccess);
  float *x = device;
  float factor = 1.0f, offset = 1.0f;
  int n = kN;
  void *arguments[] = {&x, &factor, &offset, &n};
  npuKernelNodeParams params = scaleAddParams(arguments);
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuGraphNode_t kernel, empty;
  ASSERT_EQ(npuGraphAddKernelNode(&kernel, graph, nullptr, 0, &params), npuSuccess);
  ASSERT_EQ(npuGraphAddEmptyNode(&empty, graph, &kernel, 1), npuSuccess);
  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, graph), npuSuccess);
  unsigned enabled = 0;
  ASSERT_EQ(npuGraphNodeGetEnabled(exec, kernel, &enabled), npuSuccess);
  EXPECT_EQ(enabled, 1u);
  ASSERT_EQ(npuGraphNodeSetEnabled(exec, kernel, 0), npuSuccess);
  EXPECT_EQ(npuGraphNodeSetEnabled(exec, empty, 0),
            npuErrorInvalidValue); // only kernels, copies, fills
  ASSERT_EQ(npuGraphExecUpdate(exec, graph, nullptr), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess); // the kernel stays disabled
  float first = -1;
  ASSERT_EQ(npuMemcpy(&first, device, sizeof first, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(first, 0.0f);
  ASSERT_EQ(npuGraphNodeSetEnabled(exec, kernel, 1), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess);
  ASSERT_EQ(npuMemcpy(&first, device, sizeof first, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(first, 1.0f);
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(GraphTest, DebugDotPrintWritesNodesAndEdges) {
  float *x = nullptr;
  float factor = 1, offset = 0;
  int n = 0;
  void *arguments[] = {&x, &factor, &offset, &n};
  npuKernelNodeParams params = scaleAddParams(arguments);
  npuGraph_t graph;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  npuGraphNode_t root, kernel;
  ASSERT_EQ(npuGraphAddEmptyNode(&root, graph, nullptr, 0), npuSuccess);
  ASSERT_EQ(npuGraphAddKernelNode(&kernel, graph, &root, 1, &params), npuSuccess);
  const std::string path = ::testing::TempDir() + "npurt_graph_test.dot";
  ASSERT_EQ(npuGraphDebugDotPrint(graph, path.c_str(), 0), npuSuccess);
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_NE(text.str().find("digraph"), std::string::npos);
  EXPECT_NE(text.str().find("n0 [label=\"empty\"]"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("n1 [label=\"kernel\\nscaleAdd\"]"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("n0 -> n1;"), std::string::npos) << text.str();
  std::remove(path.c_str());
  EXPECT_EQ(npuGraphDebugDotPrint(graph, "/nonexistent-dir/graph.dot", 0), npuErrorOperatingSystem);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
}

TEST_F(GraphTest, ExecUpdateTakesParametersOfAGraphWithTheSameTopology) {
  std::vector<int> first, second;
  auto hostGraph = [](std::vector<int> *log, int nodes) {
    npuGraph_t graph;
    EXPECT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
    npuGraphNode_t previous = nullptr;
    for (int i = 0; i < nodes; ++i) {
      npuHostNodeParams params{appendValue, log};
      npuGraphNode_t node;
      EXPECT_EQ(npuGraphAddHostNode(&node, graph, previous ? &previous : nullptr, previous ? 1 : 0,
                                    &params),
                npuSuccess);
      previous = node;
    }
    return graph;
  };
  npuGraph_t a = hostGraph(&first, 2), b = hostGraph(&second, 2), c = hostGraph(&second, 3);
  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, a), npuSuccess);
  npuGraphExecUpdateResultInfo info{};
  EXPECT_EQ(npuGraphExecUpdate(exec, c, &info), npuErrorGraphExecUpdateFailure);
  EXPECT_EQ(info.result, npuGraphExecUpdateErrorTopologyChanged);
  npuGraphNode_t errorNode = reinterpret_cast<npuGraphNode_t>(&info);
  npuGraphExecUpdateResult result = npuGraphExecUpdateSuccess;
  EXPECT_EQ(npuGraphExecUpdate(exec, c, &errorNode, &result), npuErrorGraphExecUpdateFailure);
  EXPECT_EQ(result, npuGraphExecUpdateErrorTopologyChanged); // CUDA 11's form
  EXPECT_EQ(errorNode, nullptr);
  ASSERT_EQ(npuGraphExecUpdate(exec, b, &info), npuSuccess);
  EXPECT_EQ(info.result, npuGraphExecUpdateSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(0), npuSuccess);
  EXPECT_TRUE(first.empty());
  EXPECT_EQ(second, (std::vector<int>{0, 1}));
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  for (npuGraph_t graph : {a, b, c})
    EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
}

TEST_F(GraphTest, ClonesAndChildGraphsAreCopies) {
  std::vector<int> log;
  npuGraph_t child;
  ASSERT_EQ(npuGraphCreate(&child, 0), npuSuccess);
  npuHostNodeParams params{appendValue, &log};
  npuGraphNode_t inChild;
  ASSERT_EQ(npuGraphAddHostNode(&inChild, child, nullptr, 0, &params), npuSuccess);

  npuGraph_t parent;
  ASSERT_EQ(npuGraphCreate(&parent, 0), npuSuccess);
  npuGraphNode_t before, childNode, after;
  ASSERT_EQ(npuGraphAddHostNode(&before, parent, nullptr, 0, &params), npuSuccess);
  ASSERT_EQ(npuGraphAddChildGraphNode(&childNode, parent, &before, 1, child), npuSuccess);
  ASSERT_EQ(npuGraphAddHostNode(&after, parent, &childNode, 1, &params), npuSuccess);
  ASSERT_EQ(npuGraphAddHostNode(&inChild, child, nullptr, 0, &params), npuSuccess); // not seen
  npuGraph_t embedded;
  ASSERT_EQ(npuGraphChildGraphNodeGetGraph(childNode, &embedded), npuSuccess);
  size_t count = 0;
  ASSERT_EQ(npuGraphGetNodes(embedded, nullptr, &count), npuSuccess);
  EXPECT_EQ(count, 1u);

  npuGraph_t clone;
  ASSERT_EQ(npuGraphClone(&clone, parent), npuSuccess);
  npuGraphNode_t clonedAfter;
  ASSERT_EQ(npuGraphNodeFindInClone(&clonedAfter, after, clone), npuSuccess);
  EXPECT_NE(clonedAfter, after);
  ASSERT_EQ(npuGraphDestroy(parent), npuSuccess); // the clone stands alone

  npuGraphExec_t exec;
  ASSERT_EQ(npuGraphInstantiate(&exec, clone), npuSuccess);
  ASSERT_EQ(npuGraphLaunch(exec, 0), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(0), npuSuccess);
  EXPECT_EQ(log, (std::vector<int>{0, 1, 2})); // before, the child's one node, after
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(clone), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(child), npuSuccess);
}

TEST_F(GraphTest, MisuseIsAnErrorNotACrash) {
  npuGraph_t graph, other;
  ASSERT_EQ(npuGraphCreate(&graph, 0), npuSuccess);
  ASSERT_EQ(npuGraphCreate(&other, 0), npuSuccess);
  EXPECT_EQ(npuGraphCreate(&graph, 1), npuErrorInvalidValue);
  npuGraphNode_t foreign;
  ASSERT_EQ(npuGraphAddEmptyNode(&foreign, other, nullptr, 0), npuSuccess);
  npuGraphNode_t node;
  EXPECT_EQ(npuGraphAddEmptyNode(&node, graph, &foreign, 1), npuErrorInvalidValue);
  EXPECT_EQ(npuGraphAddEmptyNode(&node, graph, nullptr, 1), npuErrorInvalidValue);
  int bogus = 0;
  EXPECT_EQ(npuGraphLaunch(reinterpret_cast<npuGraphExec_t>(&bogus), 0), npuErrorInvalidValue);
  EXPECT_EQ(npuGraphAddEmptyNode(&node, reinterpret_cast<npuGraph_t>(&bogus), nullptr, 0),
            npuErrorInvalidValue);
  npuGraphExec_t exec;
  EXPECT_EQ(npuGraphInstantiate(&exec, graph, npuGraphInstantiateFlagDeviceLaunch),
            npuErrorNotSupported);
  ASSERT_EQ(npuGraphInstantiateWithFlags(&exec, graph, npuGraphInstantiateFlagAutoFreeOnLaunch),
            npuSuccess);
  unsigned long long flags = 0;
  ASSERT_EQ(npuGraphExecGetFlags(exec, &flags), npuSuccess);
  EXPECT_EQ(flags, unsigned(npuGraphInstantiateFlagAutoFreeOnLaunch));
  EXPECT_EQ(npuGraphLaunch(exec, reinterpret_cast<npuStream_t>(&bogus)),
            npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuGraphLaunch(exec, 0), npuSuccess); // an empty graph runs nothing
  EXPECT_EQ(npuStreamSynchronize(0), npuSuccess);
  EXPECT_EQ(npuGraphExecDestroy(exec), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(graph), npuSuccess);
  EXPECT_EQ(npuGraphDestroy(other), npuSuccess);
}

} // namespace
