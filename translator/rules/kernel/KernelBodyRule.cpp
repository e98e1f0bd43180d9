#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>

#include "rules/kernel/BarrierRegions.h"
#include "rules/kernel/FastPathGuard.h"
#include "rules/kernel/KernelRules.h"
#include "rules/kernel/ThreadLoop.h"
#include "rules/kernel/ThreadParams.h"

namespace cu2npu {

llvm::StringRef KernelBodyRule::name() const { return "kernel-body"; }

void KernelBodyRule::onFunction(Context &C, const clang::FunctionDecl &FD) {
  if (!FD.hasAttr<clang::CUDAGlobalAttr>() || !FD.doesThisDeclarationHaveABody())
    return;
  auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(FD.getBody());
  if (!Body)
    return;
  unsigned LOff = 0, ROff = 0;
  UserFile *F = C.spelledIn(Body->getLBracLoc(), &LOff);
  UserFile *FR = C.spelledIn(Body->getRBracLoc(), &ROff);
  if (!F)
    return;
  if (Body->getLBracLoc().isMacroID() || Body->getRBracLoc().isMacroID() || FR != F) {
    C.report(FD.getLocation(), DiagId::CU2NPU3001, {FD.getNameAsString()});
    return;
  }
  llvm::StringRef T = C.text(F->FID);
  // Idempotence: a body already wrapped by an earlier run is left alone.
  for (const clang::Stmt *S : Body->body()) {
    unsigned SOff = 0;
    if (C.spelledIn(S->getBeginLoc(), &SOff) == F &&
        (T.substr(SOff).starts_with("::npu::for_each_thread") ||
         T.substr(SOff).starts_with("::npu::block_regions")))
      return;
  }
  // Barriers only at block level: per-thread loops between them (barrier regions), else fibers;
  // with no barrier, the same form interchanges a loop that walks a column, else the fast path.
  // Each kernel is counted once in the report (--report), under the path it takes.
  std::string Open = emitBarrierRegions(C, FD, *F);
  if (Open.empty()) {
    std::string Fn = "::npu::for_each_thread_sync", Params = "NPU_THREAD_PARAMS";
    if (!C.needsSync(&FD)) {
      const std::string Plan = threadLoopTemplateArguments(C, FD);
      Fn = "::npu::for_each_thread" + Plan;
      if (const FastPathGuard Guard = emitFastPathGuard(C, FD, *F); Guard != FastPathGuard::None) {
        Fn = std::string(Guard == FastPathGuard::RowEnds ? "::npu::for_each_thread_monotone"
                                                         : "::npu::for_each_thread_guarded") +
             Plan;
        Params = "const auto npu_guard, " + Params;
      }
      C.countConverted(*F, Plan.find("ThreadDims") != std::string::npos &&
                                   Plan.find("ThreadDims::XYZ") == std::string::npos
                               ? "__global__ fast path, ignored thread dimensions run once"
                               : "__global__ fast path");
    } else {
      C.countConverted(*F, "__global__ fibers");
    }
    Open = "\n  " + Fn + "([&](" + Params + ") {";
    // Each CUDA thread's own copy of the parameters it modifies, under the parameter's name.
    for (const clang::ParmVarDecl *P : threadPrivateParams(FD)) {
      std::string Name = P->getNameAsString(), Copy = threadCopyName(*P, C.UserNames);
      Open +=
          " decltype(" + Name + ") " + Copy + " = " + Name + "; auto &" + Name + " = " + Copy + ";";
    }
  } else {
    C.countConverted(*F, C.needsSync(&FD) ? "__global__ barrier regions"
                                          : "__global__ interchanged thread loop");
  }
  F->Edits.insert(LOff + 1, Open, 10);
  // Before '}': keep the closing brace on its own line.
  unsigned LineStart = ROff;
  while (LineStart > 0 && (T[LineStart - 1] == ' ' || T[LineStart - 1] == '\t'))
    --LineStart;
  bool OwnLine = LineStart == 0 || T[LineStart - 1] == '\n';
  F->Edits.insert(OwnLine ? LineStart : ROff, OwnLine ? "  });\n" : "\n  });\n", 10);
}

} // namespace cu2npu
