// npurt host API, CUDA graphs and stream capture (CUDA runtime manual: "Graph Management",
// "Stream Management" capture functions). Included by npurt/runtime.h; names, numeric values and
// error codes follow CUDA 12. Semantics live in runtime/api/graph*.cpp and capture.cpp; the model
// (what a node is, how an executable graph runs) is in runtime/core/Graph.h.
//
// What npurt leaves out: event record/wait nodes, memory alloc/free nodes, conditional nodes,
// external semaphores, user objects and the 3D memcpy node (npuGraphAddMemcpyNode1D is the
// linear form); kernel nodes take their function as `::npu::kernel_handle("k", k)`, which cu2npu
// writes where the CUDA source converts a __global__ function to `void *`.
#pragma once

#include <cstddef>

#include "npurt/detail/dim3.h"
#include "npurt/detail/runtime_errors.h"
#include "npurt/detail/runtime_types.h"

typedef struct npuGraph_st *npuGraph_t;
typedef struct npuGraphNode_st *npuGraphNode_t;
typedef struct npuGraphExec_st *npuGraphExec_t;

enum npuStreamCaptureMode {
  npuStreamCaptureModeGlobal = 0,
  npuStreamCaptureModeThreadLocal = 1,
  npuStreamCaptureModeRelaxed = 2
};

enum npuStreamCaptureStatus {
  npuStreamCaptureStatusNone = 0,
  npuStreamCaptureStatusActive = 1,
  npuStreamCaptureStatusInvalidated = 2
};

enum npuGraphNodeType {
  npuGraphNodeTypeKernel = 0x00,
  npuGraphNodeTypeMemcpy = 0x01,
  npuGraphNodeTypeMemset = 0x02,
  npuGraphNodeTypeHost = 0x03,
  npuGraphNodeTypeGraph = 0x04,
  npuGraphNodeTypeEmpty = 0x05,
  npuGraphNodeTypeWaitEvent = 0x06,
  npuGraphNodeTypeEventRecord = 0x07,
  npuGraphNodeTypeExtSemaphoreSignal = 0x08,
  npuGraphNodeTypeExtSemaphoreWait = 0x09,
  npuGraphNodeTypeMemAlloc = 0x0a,
  npuGraphNodeTypeMemFree = 0x0b,
  npuGraphNodeTypeConditional = 0x0d,
  npuGraphNodeTypeCount
};

enum npuGraphExecUpdateResult {
  npuGraphExecUpdateSuccess = 0x0,
  npuGraphExecUpdateError = 0x1,
  npuGraphExecUpdateErrorTopologyChanged = 0x2,
  npuGraphExecUpdateErrorNodeTypeChanged = 0x3,
  npuGraphExecUpdateErrorFunctionChanged = 0x4,
  npuGraphExecUpdateErrorParametersChanged = 0x5,
  npuGraphExecUpdateErrorNotSupported = 0x6,
  npuGraphExecUpdateErrorUnsupportedFunctionChange = 0x7,
  npuGraphExecUpdateErrorAttributesChanged = 0x8
};

enum npuGraphInstantiateFlags {
  npuGraphInstantiateFlagAutoFreeOnLaunch = 1,
  npuGraphInstantiateFlagUpload = 2,
  npuGraphInstantiateFlagDeviceLaunch = 4,
  npuGraphInstantiateFlagUseNodePriority = 8
};

struct npuGraphExecUpdateResultInfo {
  enum npuGraphExecUpdateResult result;
  npuGraphNode_t errorNode;
  npuGraphNode_t errorFromNode;
};

struct npuKernelNodeParams {
  void *func; // ::npu::kernel_handle("k", k)
  dim3 gridDim;
  dim3 blockDim;
  unsigned int sharedMemBytes;
  void **kernelParams; // one pointer per kernel parameter, each to a value of its type
  void **extra;        // CUDA's packed form: not supported (npuErrorInvalidValue unless null)
};

struct npuMemsetParams {
  void *dst;
  size_t pitch;
  unsigned int value;
  unsigned int elementSize; // 1, 2 or 4 bytes
  size_t width;             // in elements
  size_t height;            // rows
};

struct npuHostNodeParams {
  npuHostFn_t fn;
  void *userData;
};

extern "C" {

// ---- Stream capture (runtime/api/capture.cpp) ----
npuError_t npuStreamBeginCapture(npuStream_t stream, enum npuStreamCaptureMode mode);
npuError_t npuStreamEndCapture(npuStream_t stream, npuGraph_t *pGraph);
npuError_t npuStreamIsCapturing(npuStream_t stream, enum npuStreamCaptureStatus *pCaptureStatus);
npuError_t npuStreamGetCaptureInfo(npuStream_t stream, enum npuStreamCaptureStatus *captureStatus,
                                   unsigned long long *id = 0, npuGraph_t *graph = 0,
                                   const npuGraphNode_t **dependencies = 0,
                                   size_t *numDependencies = 0);
npuError_t npuThreadExchangeStreamCaptureMode(enum npuStreamCaptureMode *mode);

// ---- Graphs (runtime/api/graph.cpp) ----
npuError_t npuGraphCreate(npuGraph_t *pGraph, unsigned int flags);
npuError_t npuGraphDestroy(npuGraph_t graph);
npuError_t npuGraphClone(npuGraph_t *pGraphClone, npuGraph_t originalGraph);
npuError_t npuGraphNodeFindInClone(npuGraphNode_t *pNode, npuGraphNode_t originalNode,
                                   npuGraph_t clonedGraph);
npuError_t npuGraphAddKernelNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                 const npuGraphNode_t *pDependencies, size_t numDependencies,
                                 const struct npuKernelNodeParams *pNodeParams);
npuError_t npuGraphAddMemcpyNode1D(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                   const npuGraphNode_t *pDependencies, size_t numDependencies,
                                   void *dst, const void *src, size_t count,
                                   enum npuMemcpyKind kind);
npuError_t npuGraphAddMemsetNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                 const npuGraphNode_t *pDependencies, size_t numDependencies,
                                 const struct npuMemsetParams *pMemsetParams);
npuError_t npuGraphAddHostNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                               const npuGraphNode_t *pDependencies, size_t numDependencies,
                               const struct npuHostNodeParams *pNodeParams);
npuError_t npuGraphAddEmptyNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                const npuGraphNode_t *pDependencies, size_t numDependencies);
npuError_t npuGraphAddChildGraphNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                     const npuGraphNode_t *pDependencies, size_t numDependencies,
                                     npuGraph_t childGraph);
npuError_t npuGraphChildGraphNodeGetGraph(npuGraphNode_t node, npuGraph_t *pGraph);
npuError_t npuGraphDestroyNode(npuGraphNode_t node);
npuError_t npuGraphAddDependencies(npuGraph_t graph, const npuGraphNode_t *from,
                                   const npuGraphNode_t *to, size_t numDependencies);
npuError_t npuGraphRemoveDependencies(npuGraph_t graph, const npuGraphNode_t *from,
                                      const npuGraphNode_t *to, size_t numDependencies);
// The listing functions follow CUDA: a null array asks for the count only; otherwise up to
// *count entries are written and *count becomes the number written.
npuError_t npuGraphGetNodes(npuGraph_t graph, npuGraphNode_t *nodes, size_t *numNodes);
npuError_t npuGraphGetRootNodes(npuGraph_t graph, npuGraphNode_t *pRootNodes,
                                size_t *pNumRootNodes);
npuError_t npuGraphGetEdges(npuGraph_t graph, npuGraphNode_t *from, npuGraphNode_t *to,
                            size_t *numEdges);
npuError_t npuGraphNodeGetType(npuGraphNode_t node, enum npuGraphNodeType *pType);
npuError_t npuGraphNodeGetDependencies(npuGraphNode_t node, npuGraphNode_t *pDependencies,
                                       size_t *pNumDependencies);
npuError_t npuGraphNodeGetDependentNodes(npuGraphNode_t node, npuGraphNode_t *pDependentNodes,
                                         size_t *pNumDependentNodes);
// kernelParams comes back null: arguments are kept typed, not as CUDA's parameter buffer.
npuError_t npuGraphKernelNodeGetParams(npuGraphNode_t node,
                                       struct npuKernelNodeParams *pNodeParams);
npuError_t npuGraphKernelNodeSetParams(npuGraphNode_t node,
                                       const struct npuKernelNodeParams *pNodeParams);
npuError_t npuGraphMemsetNodeGetParams(npuGraphNode_t node, struct npuMemsetParams *pNodeParams);
npuError_t npuGraphMemsetNodeSetParams(npuGraphNode_t node,
                                       const struct npuMemsetParams *pNodeParams);
npuError_t npuGraphHostNodeGetParams(npuGraphNode_t node, struct npuHostNodeParams *pNodeParams);
npuError_t npuGraphHostNodeSetParams(npuGraphNode_t node,
                                     const struct npuHostNodeParams *pNodeParams);
npuError_t npuGraphMemcpyNodeSetParams1D(npuGraphNode_t node, void *dst, const void *src,
                                         size_t count, enum npuMemcpyKind kind);
// Graphviz DOT of the nodes (type and name) and edges; `flags` are accepted and add nothing.
npuError_t npuGraphDebugDotPrint(npuGraph_t graph, const char *path, unsigned int flags);

// ---- Executable graphs (runtime/api/graph_exec.cpp) ----
npuError_t npuGraphInstantiate(npuGraphExec_t *pGraphExec, npuGraph_t graph,
                               unsigned long long flags = 0);
npuError_t npuGraphInstantiateWithFlags(npuGraphExec_t *pGraphExec, npuGraph_t graph,
                                        unsigned long long flags = 0);
npuError_t npuGraphExecGetFlags(npuGraphExec_t graphExec, unsigned long long *flags);
npuError_t npuGraphLaunch(npuGraphExec_t graphExec, npuStream_t stream);
npuError_t npuGraphUpload(npuGraphExec_t graphExec, npuStream_t stream);
npuError_t npuGraphExecDestroy(npuGraphExec_t graphExec);
npuError_t npuGraphExecKernelNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                           const struct npuKernelNodeParams *pNodeParams);
npuError_t npuGraphExecMemsetNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                           const struct npuMemsetParams *pNodeParams);
npuError_t npuGraphExecHostNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                         const struct npuHostNodeParams *pNodeParams);
npuError_t npuGraphExecMemcpyNodeSetParams1D(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                             void *dst, const void *src, size_t count,
                                             enum npuMemcpyKind kind);
npuError_t npuGraphExecUpdate(npuGraphExec_t hGraphExec, npuGraph_t hGraph,
                              struct npuGraphExecUpdateResultInfo *resultInfo);
// Kernel, memcpy and memset nodes of an executable graph may be disabled (they then do nothing).
npuError_t npuGraphNodeSetEnabled(npuGraphExec_t hGraphExec, npuGraphNode_t hNode,
                                  unsigned int isEnabled);
npuError_t npuGraphNodeGetEnabled(npuGraphExec_t hGraphExec, npuGraphNode_t hNode,
                                  unsigned int *isEnabled);

} // extern "C"

// CUDA 11's five-argument form (an error node and a log buffer), still found in code.
inline npuError_t npuGraphInstantiate(npuGraphExec_t *pGraphExec, npuGraph_t graph,
                                      npuGraphNode_t *pErrorNode, char *pLogBuffer,
                                      size_t bufferSize) {
  npuError_t result = npuGraphInstantiate(pGraphExec, graph, 0ull);
  if (pErrorNode != nullptr)
    *pErrorNode = nullptr;
  if (pLogBuffer != nullptr && bufferSize > 0)
    pLogBuffer[0] = '\0';
  return result;
}

// CUDA 11's form of npuGraphExecUpdate (the error node and the result as two out-parameters).
inline npuError_t npuGraphExecUpdate(npuGraphExec_t hGraphExec, npuGraph_t hGraph,
                                     npuGraphNode_t *hErrorNode_out,
                                     enum npuGraphExecUpdateResult *updateResult_out) {
  npuGraphExecUpdateResultInfo info{};
  npuError_t result = npuGraphExecUpdate(hGraphExec, hGraph, &info);
  if (hErrorNode_out != nullptr)
    *hErrorNode_out = info.errorNode;
  if (updateResult_out != nullptr)
    *updateResult_out = info.result;
  return result;
}
