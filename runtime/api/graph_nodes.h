// The parameters of explicitly built graph nodes (kernel, 1D copy, fill, host function):
// validated as the stream API validates them, then turned into the node's stream work. Each
// function changes `node` only on success; graph.cpp and graph_exec.cpp share them and
// graphCall.
#pragma once

#include "api/ApiCall.h"
#include "core/Runtime.h"

namespace npu::api {

// An API call on graph objects: `body` runs with the graph registry locked
// (core/GraphRegistry.h).
template <class Body> npuError_t graphCall(Body &&body) {
  return call([&](core::Runtime &runtime) {
    std::lock_guard lock(runtime.graphs.mutex);
    return body(runtime);
  });
}

npuError_t setKernelNode(core::Runtime &runtime, npuGraphNode_st &node,
                         const npuKernelNodeParams *params);
npuError_t setCopyNode(core::Runtime &runtime, npuGraphNode_st &node, void *dst, const void *src,
                       size_t count, npuMemcpyKind kind);
npuError_t setMemsetNode(core::Runtime &runtime, npuGraphNode_st &node,
                         const npuMemsetParams *params);
npuError_t setHostNode(core::Runtime &runtime, npuGraphNode_st &node,
                       const npuHostNodeParams *params);

} // namespace npu::api
