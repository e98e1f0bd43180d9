// Warp lockstep for legacy warp-synchronous code, and progress for spin-waits.
//
// A `volatile` access to memory other threads can see (shared or global: not a local variable)
// in device code is where pre-Volta code relies on the lanes of a warp moving together: each one
// becomes a call into npurt/device/lockstep.h, before which the warp's lanes meet (loads
// `::npu::warp_load(x)`, stores `::npu::warp_store(x, v)`, `x op= v`
// `::npu::warp_update<::npu::WarpUpdate::Op>(x, v)`). A loop that waits for another thread -- its
// condition reads volatile memory or calls an atomic, or it is `while (true)`/`for (;;)` around
// such a read, or its condition tests a local the body sets from one (`do { old =
// atomicCAS(...); } while (old)`) -- runs `::npu::spin_yield()` before each test of its
// condition. Both need the fiber path, so a function with either counts as synchronising (the
// driver's call graph).
#pragma once

#include <vector>

#include "rules/Rule.h"

namespace clang {
class ASTContext;
class BinaryOperator;
class Expr;
class ForStmt;
class Stmt;
class UnaryOperator;
} // namespace clang

namespace cu2npu {

struct LockstepSites {
  std::vector<const clang::Expr *> Loads;                       // volatile lvalues read
  std::vector<const clang::BinaryOperator *> Stores;            // `x = v` and `x op= v`, x volatile
  std::vector<const clang::UnaryOperator *> IncDecs;            // ++x, x-- on a volatile x
  std::vector<const clang::Expr *> SpinConditions;              // conditions of loops that wait
  std::vector<const clang::ForStmt *> SpinForsWithoutCondition; // for (;;) loops that wait
  bool empty() const {
    return Loads.empty() && Stores.empty() && IncDecs.empty() && SpinConditions.empty() &&
           SpinForsWithoutCondition.empty();
  }
};

// The sites in one device function body (nested lambdas included).
LockstepSites findLockstepSites(const clang::ASTContext &Ctx, const clang::Stmt *Body);

// warp-lockstep: the edits above, in __global__ and __device__ function bodies.
class LockstepRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

} // namespace cu2npu
