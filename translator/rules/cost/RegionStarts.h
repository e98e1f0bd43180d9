// Where the per-thread loops of a barrier-region kernel open. In that form (rules/kernel/
// BarrierRegions.h) a block-level compound statement runs once per block, between the per-thread
// loops, so its NPU_COST has to go inside one of its loops to count once per thread.
#pragma once

#include <optional>

#include "rules/kernel/BarrierRegions.h"

namespace clang {
class FunctionDecl;
} // namespace clang

namespace cu2npu {

class Context;
class SourceText;

// The region plan of the kernel (the planner run again, its edits dropped), or nothing when the
// kernel does not take the barrier-region form.
std::optional<RegionPlan> regionPlan(Context &C, const clang::FunctionDecl &Kernel,
                                     const SourceText &Text);

} // namespace cu2npu
