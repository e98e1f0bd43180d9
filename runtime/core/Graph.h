// CUDA graphs: a graph is a set of nodes and dependency edges, built by the graph API or by
// stream capture (core/Capture.h). Each node keeps what it does as stream work (TimedWork, the
// same closure a stream operation runs) plus the parameters the Get/Set functions read.
//
// Instantiation flattens a graph (child graphs inlined between an entry and an exit node) into
// an ExecPlan: the nodes in a topological order, each with the indices of the nodes it waits
// for. Launching an executable graph enqueues one stream operation that runs the plan's nodes
// in that order on the stream's service thread: no per-node API checks, allocations or
// hand-offs between threads, which is what makes a replay cheaper than issuing the work again.
// On a modelled device each node is still timed on its own, starting when the nodes it depends
// on have ended, so independent branches overlap in modelled time as on the device.
// A plan is immutable once built; npuGraphExec*SetParams and npuGraphExecUpdate swap in a new
// one, so launches already enqueued run with the parameters they were launched with (CUDA's
// semantics).
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "core/Stream.h"
#include "npurt/runtime.h"

struct npuGraphNode_st {
  npuGraph_st *graph = nullptr; // the graph it belongs to
  npuGraphNodeType type = npuGraphNodeTypeEmpty;
  std::vector<npuGraphNode_st *> dependencies; // incoming edges, in the order added
  std::vector<npuGraphNode_st *> dependents;   // outgoing edges
  npu::core::TimedWork work;                   // empty for empty and child-graph nodes
  npu::core::OpLabel label;
  // Parameters, by type (the others stay zero).
  npuKernelNodeParams kernel{}; // kernelParams/extra are never kept
  npuMemsetParams memset{};
  npuHostNodeParams host{};
  struct Copy1D {
    void *dst = nullptr;
    const void *src = nullptr;
    size_t count = 0;
    npuMemcpyKind kind = npuMemcpyDefault;
  } copy;
  std::unique_ptr<npuGraph_st> child;        // npuGraphNodeTypeGraph: the node's own copy
  const npuGraphNode_st *original = nullptr; // the node this one was cloned from
};

struct npuGraph_st {
  std::vector<std::unique_ptr<npuGraphNode_st>> nodes; // in the order created
};

namespace npu::core {

// Appends `node` to `graph` after `dependencies` (nodes of `graph`).
npuGraphNode_st *addNode(npuGraph_st &graph, std::unique_ptr<npuGraphNode_st> node,
                         const std::vector<npuGraphNode_st *> &dependencies);
void addEdge(npuGraphNode_st &from, npuGraphNode_st &to);
// False when there is no such edge.
bool removeEdge(npuGraphNode_st &from, npuGraphNode_st &to);
// Removes the node and its edges.
void removeNode(npuGraph_st &graph, npuGraphNode_st *node);
// A deep copy; each copied node's `original` names the node it copies.
std::unique_ptr<npuGraph_st> cloneGraph(const npuGraph_st &graph);
// Whether `ancestor` is `node` or reaches it through dependency edges.
bool reaches(const npuGraphNode_st *ancestor, const npuGraphNode_st *node);
// Whether `graph` contains `node`, directly or in a child graph.
bool contains(const npuGraph_st &graph, const npuGraphNode_st *node);

struct ExecNode {
  npuGraphNodeType type = npuGraphNodeTypeEmpty;
  TimedWork work;
  OpLabel label;
  std::vector<unsigned> dependencies; // indices of earlier plan nodes
  bool enabled = true;                // npuGraphNodeSetEnabled: disabled nodes do nothing
};

struct ExecPlan {
  std::vector<ExecNode> nodes; // topological order
  // Plan index of each graph node (for a child-graph node: its exit).
  std::unordered_map<const npuGraphNode_st *, unsigned> indexOf;
};

// npuErrorInvalidValue when the graph has a cycle.
npuError_t buildPlan(const npuGraph_st &graph, ExecPlan &plan);
// Whether two plans have the same nodes (types, in order) and the same edges.
bool sameTopology(const ExecPlan &a, const ExecPlan &b);

} // namespace npu::core

struct npuGraphExec_st {
  std::shared_ptr<const npu::core::ExecPlan> plan;
  unsigned long long flags = 0;
};
