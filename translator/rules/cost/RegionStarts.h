// Where the per-thread loops of a barrier-region kernel open. In that form (rules/kernel/
// BarrierRegions.h) a compound statement holding a barrier runs once per block, between the
// per-thread loops, so its NPU_COST has to go inside one of its loops to count once per thread.
#pragma once

#include <optional>
#include <set>

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;
class SourceText;

// The statements that open a per-thread loop (npu_block.for_each_thread; a collective statement's
// loop runs once per step, so it is none), or nothing when the
// kernel does not take the barrier-region form. Kernel must need synchronisation.
std::optional<std::set<const clang::Stmt *>>
regionStarts(Context &C, const clang::FunctionDecl &Kernel, const SourceText &Text);

} // namespace cu2npu
