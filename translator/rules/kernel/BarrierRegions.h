// Barrier-free regions (loop fission at barriers) for kernels whose __syncthreads() calls sit at
// block level: the top of the body, or loops / ifs / blocks whose control every thread of the
// block evaluates alike; and loop interchange (LoopInterchange.h) in the same form.
// See BarrierRegions.cpp for the analysis and the emitted form.
#pragma once

#include <set>
#include <string>

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;
struct UserFile;

// Where the split form runs what: read by the cost counters (rules/cost), which count a
// block-level statement once per thread inside a per-thread loop.
struct RegionPlan {
  std::set<const clang::Stmt *> BlockLevel;   // compounds run once per block, between regions
  std::set<const clang::Stmt *> RegionStarts; // statements that open a per-thread loop
  std::string LoopArguments;                  // of npu_block.for_each_thread (ThreadLoop.h)
};

// When the kernel can run as a sequence of per-thread loops, adds the edits inside its body to F
// and returns the text that opens the split form after the body's '{' (its close is "});" before
// the body's '}'), and fills Plan. Kernels that synchronise take the form when their barriers
// are at block level; those that do not, when a loop is worth interchanging with the thread loop
// (LoopInterchange.h). Returns an empty string, having edited nothing, otherwise: the kernel stays
// on fibers or on the fast path.
std::string emitBarrierRegions(Context &C, const clang::FunctionDecl &Kernel, UserFile &F,
                               RegionPlan *Plan = nullptr);

} // namespace cu2npu
