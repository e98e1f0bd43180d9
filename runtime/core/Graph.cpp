#include "core/Graph.h"

#include <algorithm>
#include <functional>

namespace npu::core {

npuGraphNode_st *addNode(npuGraph_st &graph, std::unique_ptr<npuGraphNode_st> node,
                         const std::vector<npuGraphNode_st *> &dependencies) {
  node->graph = &graph;
  npuGraphNode_st *added = node.get();
  graph.nodes.push_back(std::move(node));
  for (npuGraphNode_st *dependency : dependencies)
    addEdge(*dependency, *added);
  return added;
}

void addEdge(npuGraphNode_st &from, npuGraphNode_st &to) {
  if (std::find(to.dependencies.begin(), to.dependencies.end(), &from) != to.dependencies.end())
    return; // CUDA ignores a duplicate edge within one call; across calls it is one edge too
  to.dependencies.push_back(&from);
  from.dependents.push_back(&to);
}

namespace {
bool eraseOne(std::vector<npuGraphNode_st *> &list, const npuGraphNode_st *node) {
  auto found = std::find(list.begin(), list.end(), node);
  if (found == list.end())
    return false;
  list.erase(found);
  return true;
}
} // namespace

bool removeEdge(npuGraphNode_st &from, npuGraphNode_st &to) {
  if (!eraseOne(to.dependencies, &from))
    return false;
  eraseOne(from.dependents, &to);
  return true;
}

void removeNode(npuGraph_st &graph, npuGraphNode_st *node) {
  for (npuGraphNode_st *dependency : node->dependencies)
    eraseOne(dependency->dependents, node);
  for (npuGraphNode_st *dependent : node->dependents)
    eraseOne(dependent->dependencies, node);
  graph.nodes.erase(std::find_if(graph.nodes.begin(), graph.nodes.end(),
                                 [&](const auto &owned) { return owned.get() == node; }));
}

std::unique_ptr<npuGraph_st> cloneGraph(const npuGraph_st &graph) {
  auto copy = std::make_unique<npuGraph_st>();
  std::unordered_map<const npuGraphNode_st *, npuGraphNode_st *> copyOf;
  for (const auto &node : graph.nodes) {
    auto twin = std::make_unique<npuGraphNode_st>();
    twin->type = node->type;
    twin->work = node->work;
    twin->label = node->label;
    twin->kernel = node->kernel;
    twin->memset = node->memset;
    twin->host = node->host;
    twin->copy = node->copy;
    if (node->child)
      twin->child = cloneGraph(*node->child);
    twin->original = node.get();
    std::vector<npuGraphNode_st *> dependencies;
    for (const npuGraphNode_st *dependency : node->dependencies)
      dependencies.push_back(copyOf.at(dependency)); // edges only run from earlier nodes
    copyOf[node.get()] = addNode(*copy, std::move(twin), dependencies);
  }
  return copy;
}

bool reaches(const npuGraphNode_st *ancestor, const npuGraphNode_st *node) {
  std::vector<const npuGraphNode_st *> pending{node};
  std::vector<const npuGraphNode_st *> seen;
  while (!pending.empty()) {
    const npuGraphNode_st *next = pending.back();
    pending.pop_back();
    if (next == ancestor)
      return true;
    if (std::find(seen.begin(), seen.end(), next) != seen.end())
      continue;
    seen.push_back(next);
    pending.insert(pending.end(), next->dependencies.begin(), next->dependencies.end());
  }
  return false;
}

bool contains(const npuGraph_st &graph, const npuGraphNode_st *node) {
  return std::any_of(graph.nodes.begin(), graph.nodes.end(), [&](const auto &owned) {
    return owned.get() == node || (owned->child && contains(*owned->child, node));
  });
}

namespace {

// Appends the nodes of `graph` to `plan` in a topological order (Kahn's algorithm, ties in the
// order of creation), every root after `entry` (a plan index, or none), and returns the indices
// of its sinks; false on a cycle.
bool appendGraph(const npuGraph_st &graph, const std::vector<unsigned> &entry, ExecPlan &plan,
                 std::vector<unsigned> &sinks) {
  std::unordered_map<const npuGraphNode_st *, std::size_t> waiting;
  std::vector<const npuGraphNode_st *> ready;
  for (const auto &node : graph.nodes) {
    waiting[node.get()] = node->dependencies.size();
    if (node->dependencies.empty())
      ready.push_back(node.get());
  }
  std::size_t placed = 0;
  for (std::size_t next = 0; next < ready.size(); ++next) {
    const npuGraphNode_st *node = ready[next];
    std::vector<unsigned> dependencies;
    for (const npuGraphNode_st *dependency : node->dependencies)
      dependencies.push_back(plan.indexOf.at(dependency));
    if (node->dependencies.empty())
      dependencies = entry;
    if (node->child) {
      // Entry and exit nodes bracket the child graph, so edges into and out of the child node
      // become edges into its roots and out of its sinks.
      unsigned childEntry = unsigned(plan.nodes.size());
      plan.nodes.push_back({npuGraphNodeTypeEmpty, nullptr, {}, dependencies});
      std::vector<unsigned> childSinks;
      if (!appendGraph(*node->child, {childEntry}, plan, childSinks))
        return false;
      if (childSinks.empty())
        childSinks = {childEntry};
      dependencies = childSinks;
      plan.indexOf[node] = unsigned(plan.nodes.size());
      plan.nodes.push_back({npuGraphNodeTypeEmpty, nullptr, {}, dependencies});
    } else {
      plan.indexOf[node] = unsigned(plan.nodes.size());
      plan.nodes.push_back({node->type, node->work, node->label, dependencies});
    }
    ++placed;
    if (node->dependents.empty())
      sinks.push_back(plan.indexOf[node]);
    for (const npuGraphNode_st *dependent : node->dependents)
      if (--waiting[dependent] == 0)
        ready.push_back(dependent);
  }
  return placed == graph.nodes.size();
}

} // namespace

npuError_t buildPlan(const npuGraph_st &graph, ExecPlan &plan) {
  std::vector<unsigned> sinks;
  return appendGraph(graph, {}, plan, sinks) ? npuSuccess : npuErrorInvalidValue;
}

bool sameTopology(const ExecPlan &a, const ExecPlan &b) {
  if (a.nodes.size() != b.nodes.size())
    return false;
  for (std::size_t i = 0; i < a.nodes.size(); ++i)
    if (a.nodes[i].type != b.nodes[i].type || a.nodes[i].dependencies != b.nodes[i].dependencies)
      return false;
  return true;
}

} // namespace npu::core
