#pragma once
#include "rules/Rule.h"

namespace clang {
class CompoundStmt;
} // namespace clang

namespace cu2npu {

struct RegionPlan;

// cost-counters: one NPU_COST(...) statement (npurt/device/cost.h) at the top of each compound
// statement of every __global__ and __device__ function, with the operations that compound
// performs directly per CUDA thread (rules/cost/UnitCounter.h; the counting rules are in
// docs/ARCHITECTURE.md, "Operation counters"). Off with --no-cost-counters.
class CostRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

// The counters of one function body into File's edits; Regions: where its barrier-region form
// runs what (block-level compounds count inside a per-thread loop), null for the other forms.
// Also for a device function's block-level copy (rules/kernel/BlockCalls.h), with its plan.
void addCostCounters(Context &C, const clang::CompoundStmt &FunctionBody, UserFile &File,
                     const RegionPlan *Regions);

} // namespace cu2npu
