// Block-level calls: a device function that synchronises (warp shuffles, __syncthreads), called
// by a whole statement at block level of a barrier-region kernel (`sum = warpReduceSum(sum);`,
// `float s = blockReduceSum(v);`, `tileStep(a, b);`), runs in the caller's regions instead of on
// fibers.
//
// The translator plans the callee's own body as barrier regions (rules/kernel/BarrierRegions.h,
// with its parameters and result as per-thread slots) and writes that plan as an overload next to
// the callee, taking the caller's npu::BlockRegions first:
//
//   __device__ float warpReduceSum(float v) { ... }          // as written, for other callers
//   __device__ void warpReduceSum(::npu::BlockRegions &npu_block, float *npu_v,
//                                 float *npu_return) {      // the block-level copy
//     ::npu::BlockRegions::CallScope npu_scope(npu_block);
//     auto npu_lanes_0 = npu_block.lanes();
//     for (int offset = 16; npu_block.active() && (offset > 0); offset /= 2) { ...regions... }
//     npu_block.for_each_thread(... { auto &v = npu_v[npu_thread]; npu_return[npu_thread] = v; });
//   }
//
// and the caller's statement becomes a region that evaluates the arguments into slots, the call
// at block level, and the statement itself reading the result slot:
//
//   npu_block.for_each_thread(... { npu_call_0_0[npu_thread] = (sum); });
//   warpReduceSum(npu_block, npu_call_0_0, npu_call_0_r);
//   npu_block.for_each_thread(... { sum = npu_call_0_r[npu_thread]; });
//
// Every thread of the block reaches the statement together, so every thread makes the call
// together: the callee's barriers and warp operations are met as in its own regions. A callee
// qualifies when it is a free function defined earlier in the translation unit in a translated
// file, not variadic, with parameters passed by value, whose one `return` (if any) is its last
// statement, and whose body takes the barrier-region form with its parameters as per-thread
// values (none of its block-level control reads one). The copy's counters
// (rules/cost/CostRule.h) are placed from its own plan.
#pragma once

#include <string>
#include <vector>

#include "edit/Edits.h"
#include "rules/kernel/BarrierRegions.h"

namespace clang {
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace cu2npu {

class Context;
struct UserFile;

struct BlockCallee {
  bool Planning = false; // being planned (a call cycle does not qualify)
  bool Ok = false;
  std::string Prelude;                 // after the copy's '{'
  FileEdits Edits;                     // the plan's edits inside the callee's text
  RegionPlan Plan;                     // for the copy's counters
  std::vector<std::string> ParamSlots; // the copy's parameter names, one per parameter
};

// The block-level form of the function a call statement calls (its template pattern), planned
// once; null when it does not qualify. Caller: the function whose body holds the call.
const BlockCallee *blockCallee(Context &C, const clang::FunctionDecl &Caller,
                               const clang::CallExpr &Call);

// Writes the block-level copy of each device function in File planned for a caller, after
// its definition (BlockCalleeCopyRule: after every other rule's edits inside it, which the copy
// takes, but the original's counters; it has counters of its own, from its plan).
void emitBlockCalleeCopies(Context &C, UserFile &File);

} // namespace cu2npu
