#pragma once
#include "rules/Rule.h"

namespace cu2npu {

// cost-counters: one NPU_COST(...) statement (npurt/device/cost.h) at the top of each compound
// statement of every __global__ and __device__ function, with the operations that compound
// performs directly per CUDA thread (rules/cost/UnitCounter.h; the counting rules are in
// docs/ARCHITECTURE.md, "Operation counters"). Off with --no-cost-counters.
class CostRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

} // namespace cu2npu
