// The live graph objects, so that a destroyed or foreign handle is an error rather than a
// crash. CUDA's graph objects are not thread-safe; every graph API call still holds `mutex` for
// its whole body, so concurrent misuse cannot corrupt the registry.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/Graph.h"

namespace npu::core {

class GraphRegistry {
public:
  std::mutex mutex;

  npuGraph_st *adopt(std::unique_ptr<npuGraph_st> graph) {
    npuGraph_st *handle = graph.get();
    graphs_[handle] = std::move(graph);
    return handle;
  }
  bool destroy(npuGraph_st *graph) { return graphs_.erase(graph) != 0; }
  // A graph the program may name: created, captured, cloned, or a child graph of one.
  bool isGraph(const npuGraph_st *graph) const {
    for (const auto &[handle, owned] : graphs_)
      if (handle == graph || containsGraph(*owned, graph))
        return true;
    return false;
  }
  // The graph holding `node`, or nullptr when it is no live node.
  npuGraph_st *graphOf(const npuGraphNode_st *node) const {
    for (const auto &[handle, owned] : graphs_)
      if (contains(*owned, node))
        return node->graph; // only dereferenced once known to be live
    return nullptr;
  }

  npuGraphExec_st *adopt(std::unique_ptr<npuGraphExec_st> exec) {
    npuGraphExec_st *handle = exec.get();
    execs_[handle] = std::move(exec);
    return handle;
  }
  bool destroy(npuGraphExec_st *exec) { return execs_.erase(exec) != 0; }
  bool isExec(const npuGraphExec_st *exec) const { return execs_.count(exec) != 0; }

private:
  static bool containsGraph(const npuGraph_st &graph, const npuGraph_st *wanted) {
    for (const auto &node : graph.nodes)
      if (node->child && (node->child.get() == wanted || containsGraph(*node->child, wanted)))
        return true;
    return false;
  }

  std::unordered_map<const npuGraph_st *, std::unique_ptr<npuGraph_st>> graphs_;
  std::unordered_map<const npuGraphExec_st *, std::unique_ptr<npuGraphExec_st>> execs_;
};

} // namespace npu::core
