// Graph construction and inspection (CUDA runtime manual: "Graph Management"). The model is in
// runtime/core/Graph.h; node parameters are checked in graph_nodes.cpp.
#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "api/ApiCall.h"
#include "api/graph_nodes.h"

using npu::api::graphCall;
using npu::core::Runtime;

namespace {

// The nodes `list` names, all of them nodes of `graph`.
npuError_t dependenciesIn(Runtime &runtime, npuGraph_t graph, const npuGraphNode_t *list,
                          size_t count, std::vector<npuGraphNode_st *> &dependencies) {
  if (count != 0 && list == nullptr)
    return npuErrorInvalidValue;
  for (size_t i = 0; i < count; ++i) {
    if (runtime.graphs.graphOf(list[i]) != graph)
      return npuErrorInvalidValue;
    if (std::find(dependencies.begin(), dependencies.end(), list[i]) != dependencies.end())
      return npuErrorInvalidValue; // CUDA: a dependency may not be listed twice
    dependencies.push_back(list[i]);
  }
  return npuSuccess;
}

// Adds a node that `describe(node)` sets up (returning an error leaves the graph unchanged).
template <class Describe>
npuError_t addGraphNode(npuGraphNode_t *pNode, npuGraph_t graph, const npuGraphNode_t *list,
                        size_t count, Describe describe) {
  return graphCall([&](Runtime &runtime) {
    if (pNode == nullptr || !runtime.graphs.isGraph(graph))
      return npuErrorInvalidValue;
    std::vector<npuGraphNode_st *> dependencies;
    if (npuError_t error = dependenciesIn(runtime, graph, list, count, dependencies);
        error != npuSuccess)
      return error;
    auto node = std::make_unique<npuGraphNode_st>();
    if (npuError_t error = describe(runtime, *node); error != npuSuccess)
      return error;
    *pNode = npu::core::addNode(*graph, std::move(node), dependencies);
    return npuSuccess;
  });
}

// CUDA's listing convention: a null array asks for the count; otherwise at most *count
// entries are written and *count becomes the number written.
template <class T> npuError_t list(const std::vector<T> &items, T *out, size_t *count) {
  if (count == nullptr)
    return npuErrorInvalidValue;
  if (out != nullptr) {
    *count = std::min(*count, items.size());
    std::copy_n(items.begin(), *count, out);
  } else {
    *count = items.size();
  }
  return npuSuccess;
}

// The node, when it is a live node of the given type.
npuGraphNode_st *nodeOfType(Runtime &runtime, npuGraphNode_t node, npuGraphNodeType type) {
  return runtime.graphs.graphOf(node) != nullptr && node->type == type ? node : nullptr;
}

// Copies the parameters of `node` (a live node of `type`), kept in its member `params`.
template <class Params>
npuError_t getParams(npuGraphNode_t node, npuGraphNodeType type, Params npuGraphNode_st::*params,
                     Params *out) {
  return graphCall([&](Runtime &runtime) {
    if (out == nullptr || !nodeOfType(runtime, node, type))
      return npuErrorInvalidValue;
    *out = node->*params;
    return npuSuccess;
  });
}

// Sets the parameters of `node` (a live node of `type`) through `set` (graph_nodes.h).
template <class Params>
npuError_t setParams(npuGraphNode_t node, npuGraphNodeType type,
                     npuError_t (*set)(Runtime &, npuGraphNode_st &, const Params *),
                     const Params *params) {
  return graphCall([&](Runtime &runtime) {
    if (!nodeOfType(runtime, node, type))
      return npuErrorInvalidValue;
    return set(runtime, *node, params);
  });
}

} // namespace

extern "C" {

npuError_t npuGraphCreate(npuGraph_t *pGraph, unsigned int flags) {
  return graphCall([&](Runtime &runtime) {
    if (pGraph == nullptr || flags != 0)
      return npuErrorInvalidValue;
    *pGraph = runtime.graphs.adopt(std::make_unique<npuGraph_st>());
    return npuSuccess;
  });
}

npuError_t npuGraphDestroy(npuGraph_t graph) {
  // Executable graphs keep their own plans, so destroying the graph never disturbs them.
  return graphCall([&](Runtime &runtime) {
    return runtime.graphs.destroy(graph) ? npuSuccess : npuErrorInvalidValue;
  });
}

npuError_t npuGraphClone(npuGraph_t *pGraphClone, npuGraph_t originalGraph) {
  return graphCall([&](Runtime &runtime) {
    if (pGraphClone == nullptr || !runtime.graphs.isGraph(originalGraph))
      return npuErrorInvalidValue;
    *pGraphClone = runtime.graphs.adopt(npu::core::cloneGraph(*originalGraph));
    return npuSuccess;
  });
}

npuError_t npuGraphNodeFindInClone(npuGraphNode_t *pNode, npuGraphNode_t originalNode,
                                   npuGraph_t clonedGraph) {
  return graphCall([&](Runtime &runtime) {
    if (pNode == nullptr || !runtime.graphs.isGraph(clonedGraph))
      return npuErrorInvalidValue;
    for (const auto &node : clonedGraph->nodes)
      if (node->original == originalNode) {
        *pNode = node.get();
        return npuSuccess;
      }
    return npuErrorInvalidValue;
  });
}

npuError_t npuGraphAddKernelNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                 const npuGraphNode_t *pDependencies, size_t numDependencies,
                                 const npuKernelNodeParams *pNodeParams) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [&](Runtime &runtime, npuGraphNode_st &node) {
                        return npu::api::setKernelNode(runtime, node, pNodeParams);
                      });
}

npuError_t npuGraphAddMemcpyNode1D(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                   const npuGraphNode_t *pDependencies, size_t numDependencies,
                                   void *dst, const void *src, size_t count, npuMemcpyKind kind) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [&](Runtime &runtime, npuGraphNode_st &node) {
                        return npu::api::setCopyNode(runtime, node, dst, src, count, kind);
                      });
}

npuError_t npuGraphAddMemsetNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                 const npuGraphNode_t *pDependencies, size_t numDependencies,
                                 const npuMemsetParams *pMemsetParams) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [&](Runtime &runtime, npuGraphNode_st &node) {
                        return npu::api::setMemsetNode(runtime, node, pMemsetParams);
                      });
}

npuError_t npuGraphAddHostNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                               const npuGraphNode_t *pDependencies, size_t numDependencies,
                               const npuHostNodeParams *pNodeParams) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [&](Runtime &runtime, npuGraphNode_st &node) {
                        return npu::api::setHostNode(runtime, node, pNodeParams);
                      });
}

npuError_t npuGraphAddEmptyNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                const npuGraphNode_t *pDependencies, size_t numDependencies) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [](Runtime &, npuGraphNode_st &node) {
                        node.type = npuGraphNodeTypeEmpty;
                        return npuSuccess;
                      });
}

npuError_t npuGraphAddChildGraphNode(npuGraphNode_t *pGraphNode, npuGraph_t graph,
                                     const npuGraphNode_t *pDependencies, size_t numDependencies,
                                     npuGraph_t childGraph) {
  return addGraphNode(pGraphNode, graph, pDependencies, numDependencies,
                      [&](Runtime &runtime, npuGraphNode_st &node) {
                        if (!runtime.graphs.isGraph(childGraph) || childGraph == graph)
                          return npuErrorInvalidValue;
                        node.type = npuGraphNodeTypeGraph;
                        node.child = npu::core::cloneGraph(*childGraph); // CUDA clones it too
                        return npuSuccess;
                      });
}

npuError_t npuGraphChildGraphNodeGetGraph(npuGraphNode_t node, npuGraph_t *pGraph) {
  return graphCall([&](Runtime &runtime) {
    if (pGraph == nullptr || !nodeOfType(runtime, node, npuGraphNodeTypeGraph) || !node->child)
      return npuErrorInvalidValue;
    *pGraph = node->child.get();
    return npuSuccess;
  });
}

npuError_t npuGraphDestroyNode(npuGraphNode_t node) {
  return graphCall([&](Runtime &runtime) {
    npuGraph_st *graph = runtime.graphs.graphOf(node);
    if (graph == nullptr)
      return npuErrorInvalidValue;
    npu::core::removeNode(*graph, node);
    return npuSuccess;
  });
}

npuError_t npuGraphAddDependencies(npuGraph_t graph, const npuGraphNode_t *from,
                                   const npuGraphNode_t *to, size_t numDependencies) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isGraph(graph) || (numDependencies != 0 && (!from || !to)))
      return npuErrorInvalidValue;
    for (size_t i = 0; i < numDependencies; ++i)
      if (runtime.graphs.graphOf(from[i]) != graph || runtime.graphs.graphOf(to[i]) != graph ||
          from[i] == to[i])
        return npuErrorInvalidValue;
    for (size_t i = 0; i < numDependencies; ++i)
      npu::core::addEdge(*from[i], *to[i]);
    return npuSuccess;
  });
}

npuError_t npuGraphRemoveDependencies(npuGraph_t graph, const npuGraphNode_t *from,
                                      const npuGraphNode_t *to, size_t numDependencies) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isGraph(graph) || (numDependencies != 0 && (!from || !to)))
      return npuErrorInvalidValue;
    for (size_t i = 0; i < numDependencies; ++i)
      if (runtime.graphs.graphOf(from[i]) != graph || runtime.graphs.graphOf(to[i]) != graph ||
          std::find(to[i]->dependencies.begin(), to[i]->dependencies.end(), from[i]) ==
              to[i]->dependencies.end())
        return npuErrorInvalidValue; // CUDA: removing an edge that does not exist is an error
    for (size_t i = 0; i < numDependencies; ++i)
      npu::core::removeEdge(*from[i], *to[i]);
    return npuSuccess;
  });
}

npuError_t npuGraphGetNodes(npuGraph_t graph, npuGraphNode_t *nodes, size_t *numNodes) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isGraph(graph))
      return npuErrorInvalidValue;
    std::vector<npuGraphNode_t> all;
    for (const auto &node : graph->nodes)
      all.push_back(node.get());
    return list(all, nodes, numNodes);
  });
}

npuError_t npuGraphGetRootNodes(npuGraph_t graph, npuGraphNode_t *pRootNodes,
                                size_t *pNumRootNodes) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isGraph(graph))
      return npuErrorInvalidValue;
    std::vector<npuGraphNode_t> roots;
    for (const auto &node : graph->nodes)
      if (node->dependencies.empty())
        roots.push_back(node.get());
    return list(roots, pRootNodes, pNumRootNodes);
  });
}

npuError_t npuGraphGetEdges(npuGraph_t graph, npuGraphNode_t *from, npuGraphNode_t *to,
                            size_t *numEdges) {
  return graphCall([&](Runtime &runtime) {
    if (!runtime.graphs.isGraph(graph) || numEdges == nullptr ||
        (from == nullptr) != (to == nullptr))
      return npuErrorInvalidValue;
    std::vector<npuGraphNode_t> sources, targets;
    for (const auto &node : graph->nodes)
      for (npuGraphNode_st *dependency : node->dependencies) {
        sources.push_back(dependency);
        targets.push_back(node.get());
      }
    size_t count = *numEdges;
    list(targets, to, &count);
    return list(sources, from, numEdges);
  });
}

npuError_t npuGraphNodeGetType(npuGraphNode_t node, npuGraphNodeType *pType) {
  return graphCall([&](Runtime &runtime) {
    if (pType == nullptr || runtime.graphs.graphOf(node) == nullptr)
      return npuErrorInvalidValue;
    *pType = node->type;
    return npuSuccess;
  });
}

npuError_t npuGraphNodeGetDependencies(npuGraphNode_t node, npuGraphNode_t *pDependencies,
                                       size_t *pNumDependencies) {
  return graphCall([&](Runtime &runtime) {
    if (runtime.graphs.graphOf(node) == nullptr)
      return npuErrorInvalidValue;
    return list(node->dependencies, pDependencies, pNumDependencies);
  });
}

npuError_t npuGraphNodeGetDependentNodes(npuGraphNode_t node, npuGraphNode_t *pDependentNodes,
                                         size_t *pNumDependentNodes) {
  return graphCall([&](Runtime &runtime) {
    if (runtime.graphs.graphOf(node) == nullptr)
      return npuErrorInvalidValue;
    return list(node->dependents, pDependentNodes, pNumDependentNodes);
  });
}

npuError_t npuGraphKernelNodeGetParams(npuGraphNode_t node, npuKernelNodeParams *pNodeParams) {
  return getParams(node, npuGraphNodeTypeKernel, &npuGraphNode_st::kernel, pNodeParams);
}

npuError_t npuGraphKernelNodeSetParams(npuGraphNode_t node,
                                       const npuKernelNodeParams *pNodeParams) {
  return setParams(node, npuGraphNodeTypeKernel, npu::api::setKernelNode, pNodeParams);
}

npuError_t npuGraphMemsetNodeGetParams(npuGraphNode_t node, npuMemsetParams *pNodeParams) {
  return getParams(node, npuGraphNodeTypeMemset, &npuGraphNode_st::memset, pNodeParams);
}

npuError_t npuGraphMemsetNodeSetParams(npuGraphNode_t node, const npuMemsetParams *pNodeParams) {
  return setParams(node, npuGraphNodeTypeMemset, npu::api::setMemsetNode, pNodeParams);
}

npuError_t npuGraphHostNodeGetParams(npuGraphNode_t node, npuHostNodeParams *pNodeParams) {
  return getParams(node, npuGraphNodeTypeHost, &npuGraphNode_st::host, pNodeParams);
}

npuError_t npuGraphHostNodeSetParams(npuGraphNode_t node, const npuHostNodeParams *pNodeParams) {
  return setParams(node, npuGraphNodeTypeHost, npu::api::setHostNode, pNodeParams);
}

npuError_t npuGraphMemcpyNodeSetParams1D(npuGraphNode_t node, void *dst, const void *src,
                                         size_t count, npuMemcpyKind kind) {
  return graphCall([&](Runtime &runtime) {
    if (!nodeOfType(runtime, node, npuGraphNodeTypeMemcpy))
      return npuErrorInvalidValue;
    return npu::api::setCopyNode(runtime, *node, dst, src, count, kind);
  });
}

npuError_t npuGraphDebugDotPrint(npuGraph_t graph, const char *path, unsigned int) {
  return graphCall([&](Runtime &runtime) {
    if (path == nullptr || !runtime.graphs.isGraph(graph))
      return npuErrorInvalidValue;
    static const char *const kTypeNames[] = {"kernel", "memcpy", "memset",
                                             "host",   "graph",  "empty"};
    std::string dot = "digraph npuGraph {\n";
    std::unordered_map<const npuGraphNode_st *, std::size_t> number;
    for (const auto &node : graph->nodes) {
      const std::size_t id = number.size();
      number[node.get()] = id;
      const char *type = node->type <= npuGraphNodeTypeEmpty ? kTypeNames[node->type] : "other";
      dot += "  n" + std::to_string(id) + " [label=\"" + type;
      if (!node->label.name.empty())
        dot += "\\n" + node->label.name;
      dot += "\"];\n";
    }
    for (const auto &node : graph->nodes)
      for (const npuGraphNode_st *dependency : node->dependencies)
        dot += "  n" + std::to_string(number.at(dependency)) + " -> n" +
               std::to_string(number.at(node.get())) + ";\n";
    dot += "}\n";
    std::FILE *file = std::fopen(path, "w");
    if (file == nullptr)
      return npuErrorOperatingSystem;
    bool written = std::fwrite(dot.data(), 1, dot.size(), file) == dot.size();
    written &= std::fclose(file) == 0;
    return written ? npuSuccess : npuErrorOperatingSystem;
  });
}

} // extern "C"
