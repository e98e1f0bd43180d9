// Executable graphs (CUDA runtime manual: "Graph Management": instantiate, launch, update).
// How a launch runs is in runtime/core/Graph.h.
#include <algorithm>
#include <optional>

#include "api/ApiCall.h"
#include "api/capture_hooks.h"
#include "api/graph_nodes.h"

using npu::api::graphCall;
using npu::core::ExecPlan;
using npu::core::Runtime;

namespace {

// The stream work of one launch: the plan's nodes in order, each timed from the end of the
// nodes it depends on (the launch's own readiness for the roots).
npu::core::TimedWork planWork(Runtime &runtime, std::shared_ptr<const ExecPlan> plan,
                              int streamId) {
  return [&runtime, plan = std::move(plan), streamId](npu::core::OpTiming &timing) {
    npu::core::OpRunner &runner = runtime.streams().runner();
    std::vector<double> ends(plan->nodes.size());
    double lastEnd = timing.startMs;
    for (std::size_t i = 0; i < plan->nodes.size(); ++i) {
      const npu::core::ExecNode &node = plan->nodes[i];
      double ready = timing.readyMs;
      for (unsigned dependency : node.dependencies)
        ready = std::max(ready, ends[dependency]);
      ends[i] = node.work && node.enabled ? runner.runPart(streamId, node.label, node.work, ready)
                                          : ready;
      lastEnd = std::max(lastEnd, ends[i]);
    }
    if (runner.clock().modelled())
      timing.endMs = lastEnd;
  };
}

npuError_t instantiate(Runtime &runtime, npuGraphExec_t *pGraphExec, npuGraph_t graph,
                       unsigned long long flags) {
  constexpr unsigned long long kKnownFlags =
      npuGraphInstantiateFlagAutoFreeOnLaunch | npuGraphInstantiateFlagUpload |
      npuGraphInstantiateFlagDeviceLaunch | npuGraphInstantiateFlagUseNodePriority;
  if (pGraphExec == nullptr || !runtime.graphs.isGraph(graph) || (flags & ~kKnownFlags) != 0)
    return npuErrorInvalidValue;
  if ((flags & npuGraphInstantiateFlagDeviceLaunch) != 0)
    return npuErrorNotSupported; // no device-side graph launch
  auto plan = std::make_shared<ExecPlan>();
  if (npuError_t error = npu::core::buildPlan(*graph, *plan); error != npuSuccess)
    return error;
  auto exec = std::make_unique<npuGraphExec_st>();
  exec->plan = std::move(plan);
  exec->flags = flags;
  *pGraphExec = runtime.graphs.adopt(std::move(exec));
  return npuSuccess;
}

// The plan index of `node` (a node of the graph `exec` was instantiated from) when its type
// is `allowed(type)`.
template <class Allowed>
std::optional<unsigned> execNodeIndex(Runtime &runtime, npuGraphExec_t exec, npuGraphNode_t node,
                                      Allowed allowed) {
  if (!runtime.graphs.isExec(exec))
    return std::nullopt;
  auto found = exec->plan->indexOf.find(node); // compares the handle only: it may be gone
  if (found == exec->plan->indexOf.end() || !allowed(exec->plan->nodes[found->second].type))
    return std::nullopt;
  return found->second;
}

// Replaces the work of `node` (a node of the graph `exec` was instantiated from, of `type`)
// with what `describe(temporary)` builds, in a new plan: enqueued launches keep the old one.
template <class Describe>
npuError_t setExecNode(npuGraphExec_t exec, npuGraphNode_t node, npuGraphNodeType type,
                       Describe describe) {
  return graphCall([&](Runtime &runtime) {
    std::optional<unsigned> index =
        execNodeIndex(runtime, exec, node, [&](npuGraphNodeType t) { return t == type; });
    if (!index)
      return npuErrorInvalidValue;
    npuGraphNode_st updated;
    if (npuError_t error = describe(runtime, updated); error != npuSuccess)
      return error;
    auto plan = std::make_shared<ExecPlan>(*exec->plan);
    plan->nodes[*index].work = std::move(updated.work);
    plan->nodes[*index].label = std::move(updated.label);
    exec->plan = std::move(plan);
    return npuSuccess;
  });
}

// CUDA lets kernel, memcpy and memset nodes be disabled.
bool mayBeDisabled(npuGraphNodeType type) {
  return type == npuGraphNodeTypeKernel || type == npuGraphNodeTypeMemcpy ||
         type == npuGraphNodeTypeMemset;
}

} // namespace

extern "C" {

npuError_t npuGraphInstantiate(npuGraphExec_t *pGraphExec, npuGraph_t graph,
                               unsigned long long flags) {
  return graphCall(
      [&](Runtime &runtime) { return instantiate(runtime, pGraphExec, graph, flags); });
}

npuError_t npuGraphInstantiateWithFlags(npuGraphExec_t *pGraphExec, npuGraph_t graph,
                                        unsigned long long flags) {
  return npuGraphInstantiate(pGraphExec, graph, flags);
}

npuError_t npuGraphExecGetFlags(npuGraphExec_t graphExec, unsigned long long *flags) {
  return graphCall([&](Runtime &runtime) {
    if (flags == nullptr || !runtime.graphs.isExec(graphExec))
      return npuErrorInvalidValue;
    *flags = graphExec->flags;
    return npuSuccess;
  });
}

npuError_t npuGraphLaunch(npuGraphExec_t graphExec, npuStream_t stream) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isExec(graphExec))
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    npu::core::TimedWork work = planWork(runtime, graphExec->plan, target->id);
    // Captured, a launch becomes one node that runs the whole plan (CUDA: a child graph node).
    if (auto captured = npu::api::captureAsync(runtime, *target, npuGraphNodeTypeGraph, work, {},
                                               [](npuGraphNode_st &) {}))
      return *captured;
    npu::api::HostCallSpan span(runtime, "npuGraphLaunch");
    runtime.streams().enqueue(*target, std::move(work));
    return npuSuccess;
  });
}

npuError_t npuGraphUpload(npuGraphExec_t graphExec, npuStream_t stream) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isExec(graphExec))
      return npuErrorInvalidValue;
    // Nothing to upload: device memory is host memory, the plan is ready.
    return runtime.streams().resolve(stream) ? npuSuccess : npuErrorInvalidResourceHandle;
  });
}

npuError_t npuGraphExecDestroy(npuGraphExec_t graphExec) {
  // Launches already enqueued hold the plan: they still run.
  return graphCall([&](Runtime &runtime) {
    return runtime.graphs.destroy(graphExec) ? npuSuccess : npuErrorInvalidValue;
  });
}

npuError_t npuGraphExecKernelNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                           const npuKernelNodeParams *pNodeParams) {
  return setExecNode(hGraphExec, node, npuGraphNodeTypeKernel,
                     [&](Runtime &runtime, npuGraphNode_st &updated) {
                       return npu::api::setKernelNode(runtime, updated, pNodeParams);
                     });
}

npuError_t npuGraphExecMemsetNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                           const npuMemsetParams *pNodeParams) {
  return setExecNode(hGraphExec, node, npuGraphNodeTypeMemset,
                     [&](Runtime &runtime, npuGraphNode_st &updated) {
                       return npu::api::setMemsetNode(runtime, updated, pNodeParams);
                     });
}

npuError_t npuGraphExecHostNodeSetParams(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                         const npuHostNodeParams *pNodeParams) {
  return setExecNode(hGraphExec, node, npuGraphNodeTypeHost,
                     [&](Runtime &runtime, npuGraphNode_st &updated) {
                       return npu::api::setHostNode(runtime, updated, pNodeParams);
                     });
}

npuError_t npuGraphExecMemcpyNodeSetParams1D(npuGraphExec_t hGraphExec, npuGraphNode_t node,
                                             void *dst, const void *src, size_t count,
                                             npuMemcpyKind kind) {
  return setExecNode(hGraphExec, node, npuGraphNodeTypeMemcpy,
                     [&](Runtime &runtime, npuGraphNode_st &updated) {
                       return npu::api::setCopyNode(runtime, updated, dst, src, count, kind);
                     });
}

// CUDA's rule: the graph must have the executable graph's topology (nodes paired in order of
// creation, same types, same edges); then the executable graph takes the graph's parameters.
npuError_t npuGraphExecUpdate(npuGraphExec_t hGraphExec, npuGraph_t hGraph,
                              npuGraphExecUpdateResultInfo *resultInfo) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isExec(hGraphExec) || !runtime.graphs.isGraph(hGraph))
      return npuErrorInvalidValue;
    auto report = [&](npuGraphExecUpdateResult result) {
      if (resultInfo != nullptr)
        *resultInfo = {result, nullptr, nullptr};
      return result == npuGraphExecUpdateSuccess ? npuSuccess : npuErrorGraphExecUpdateFailure;
    };
    auto plan = std::make_shared<ExecPlan>();
    if (npu::core::buildPlan(*hGraph, *plan) != npuSuccess)
      return report(npuGraphExecUpdateErrorTopologyChanged);
    const ExecPlan &current = *hGraphExec->plan;
    if (!npu::core::sameTopology(current, *plan)) {
      bool sameEdges =
          current.nodes.size() == plan->nodes.size() &&
          std::equal(current.nodes.begin(), current.nodes.end(), plan->nodes.begin(),
                     [](const auto &a, const auto &b) { return a.dependencies == b.dependencies; });
      return report(sameEdges ? npuGraphExecUpdateErrorNodeTypeChanged
                              : npuGraphExecUpdateErrorTopologyChanged);
    }
    // The nodes of the graph instantiated first still name their (updated) plan nodes, and
    // nodes disabled in the executable graph stay disabled.
    plan->indexOf.insert(current.indexOf.begin(), current.indexOf.end());
    for (std::size_t i = 0; i < plan->nodes.size(); ++i)
      plan->nodes[i].enabled = current.nodes[i].enabled;
    hGraphExec->plan = std::move(plan);
    return report(npuGraphExecUpdateSuccess);
  });
}

npuError_t npuGraphNodeSetEnabled(npuGraphExec_t hGraphExec, npuGraphNode_t hNode,
                                  unsigned int isEnabled) {
  return graphCall([&](Runtime &runtime) {
    std::optional<unsigned> index = execNodeIndex(runtime, hGraphExec, hNode, mayBeDisabled);
    if (!index)
      return npuErrorInvalidValue;
    auto plan = std::make_shared<ExecPlan>(*hGraphExec->plan);
    plan->nodes[*index].enabled = isEnabled != 0;
    hGraphExec->plan = std::move(plan);
    return npuSuccess;
  });
}

npuError_t npuGraphNodeGetEnabled(npuGraphExec_t hGraphExec, npuGraphNode_t hNode,
                                  unsigned int *isEnabled) {
  return graphCall([&](Runtime &runtime) {
    std::optional<unsigned> index = execNodeIndex(runtime, hGraphExec, hNode, mayBeDisabled);
    if (!index || isEnabled == nullptr)
      return npuErrorInvalidValue;
    *isEnabled = hGraphExec->plan->nodes[*index].enabled ? 1 : 0;
    return npuSuccess;
  });
}

} // extern "C"
