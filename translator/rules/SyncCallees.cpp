#include "rules/SyncCallees.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>

#include <algorithm>
#include <vector>

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

#include "mapping/Mapping.h"
#include "rules/Context.h"
#include "rules/DependentMembers.h"

namespace cu2npu {

bool inCooperativeGroups(const clang::Decl *D) {
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC);
        NS && NS->getName() == "cooperative_groups")
      return true;
  return false;
}

bool synchronisesAsDeclared(const clang::FunctionDecl *FD) {
  if (FD->getIdentifier() && isSyncBuiltin(FD->getName()))
    return true;
  if (inCooperativeGroups(FD))
    return true;
  for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>())
    if (A->getAnnotation() == "cu2npu_waits")
      return true;
  return false;
}

CallWait callWait(Context &C, const clang::CallExpr *CE) {
  auto Of = [&](const clang::FunctionDecl *FD) {
    if (const clang::FunctionDecl *P = FD->getTemplateInstantiationPattern())
      FD = P;
    if (synchronisesAsDeclared(FD))
      return CallWait::Sync;
    const clang::FunctionDecl *Def = nullptr;
    if (FD->hasBody(Def) && Def) {
      if (!C.needsSync(Def))
        return CallWait::None;
      return C.neverWaits(Def) ? CallWait::Sync : CallWait::Unknown;
    }
    return C.spelledIn(FD->getLocation()) ? CallWait::Unknown : CallWait::None;
  };
  auto Worst = [&](const auto &Functions) {
    CallWait W = CallWait::None;
    for (const clang::FunctionDecl *FD : Functions)
      W = std::max(W, Of(FD));
    return Functions.empty() ? CallWait::Unknown : W;
  };
  if (const clang::FunctionDecl *FD = CE->getDirectCallee())
    return Of(FD);
  if (auto *UL = llvm::dyn_cast_or_null<clang::UnresolvedLookupExpr>(
          CE->getCallee()->IgnoreParenImpCasts())) {
    std::vector<const clang::FunctionDecl *> Candidates;
    for (const clang::NamedDecl *D : UL->decls()) {
      const clang::FunctionDecl *FD = asFunction(D);
      if (!FD)
        return CallWait::Unknown;
      Candidates.push_back(FD);
    }
    return Worst(Candidates);
  }
  if (auto *ME =
          llvm::dyn_cast<clang::CXXDependentScopeMemberExpr>(CE->getCallee()->IgnoreParens()))
    return Worst(membersNamed(ME)); // a member of a known class template: every overload
  return CallWait::Unknown;
}

} // namespace cu2npu
