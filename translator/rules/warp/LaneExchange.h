// Warps as a loop level: the warp shuffles and votes of a block-level statement in the
// barrier-region form (rules/kernel/BarrierRegions.h), with no fiber.
//
// Such a statement -- `v += __shfl_down_sync(m, v, offset);`, `T x = __shfl_sync(m, v, 0);`,
// `unsigned b = __ballot_sync(m, p);`, in the kernel body or a loop whose control is uniform --
// is reached by every thread of the block together, so its warp operations are a meeting point
// like a barrier: the planner ends a region before it with one in which each thread publishes the
// operand each call exchanges (`npu_lanes_<k>.at(npu_thread).publish(v);`) and the statement, in
// the next region, reads the lanes of its warp (`npu_lanes_<k>.at(npu_thread).shfl_down_sync(m,
// v, offset)`, npurt/device/lanes.h). A `__syncwarp();` statement there is a split point with
// nothing to publish.
//
// Publishing first is an order CUDA allows only when nothing the statement does before its warp
// operations changes their operands, and only when every thread evaluates them: the operands are
// free of side effects, no call sits in a branch of `?:`, `&&`, `||` or right of a comma, and the
// statement writes nothing its operands read but the variable it assigns (sequenced after its
// value). Any other warp operation or synchronising call in the statement leaves it to fibers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;

struct LaneExchangeCall {
  const clang::CallExpr *Call;
  const clang::Expr *Operand; // what the calling thread contributes
  std::string Publish;        // the LaneExchange::Lane member that publishes it
  std::string Read;           // the member that replaces the CUDA function's name
};

// The warp operations of S, an expression statement or a declaration of one variable, when S
// can run as a publishing region and S itself; nothing otherwise (or when S has none).
std::optional<std::vector<LaneExchangeCall>> laneExchanges(Context &C, const clang::Stmt *S);

// Whether S is `__syncwarp();` or `__syncwarp(mask);` with a mask free of side effects.
bool isSyncWarpStmt(const clang::Stmt *S);

} // namespace cu2npu
