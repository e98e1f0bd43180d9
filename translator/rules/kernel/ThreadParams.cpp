#include "rules/kernel/ThreadParams.h"

#include <set>

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>

namespace cu2npu {
namespace {

using namespace clang;

// Whether the use E (a reference to the parameter, or an lvalue made from it such as `s.f`) may
// write the parameter's storage.
bool mayModify(const Expr *E, ParentMap &PM) {
  const Stmt *P = PM.getParentIgnoreParens(const_cast<Expr *>(E));
  if (!P)
    return false;
  if (auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
    case CK_FunctionToPointerDecay:
    case CK_ToVoid:
      return false;
    default:
      // A derived-to-base conversion feeding a reference; an array member decaying to a pointer
      // that may be written through (`s.a[i] = 1`).
      return true;
    }
  }
  if (auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isAssignmentOp())
      return BO->getLHS()->IgnoreParens() == E;
    return false; // arithmetic and comparisons read (in templates, before implicit casts)
  }
  if (auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf;
  if (isa<ArraySubscriptExpr>(P) || isa<UnaryExprOrTypeTraitExpr>(P))
    return false;
  if (auto *CO = dyn_cast<ConditionalOperator>(P))
    return CO->getCond()->IgnoreParens() != E && mayModify(CO, PM); // `(c ? a : b) = 1`
  if (auto *ME = dyn_cast<MemberExpr>(P)) {
    if (ME->isArrow())
      return false; // reads the pointer
    if (auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParentIgnoreParens(ME));
        Call && Call->getCallee()->IgnoreParens() == ME) {
      auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getMethodDecl());
      return !M || !M->isConst();
    }
    return mayModify(ME, PM); // `s.f = 1` writes s
  }
  if (auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(P))
    return !DM->isArrow();
  return true; // call arguments, reference bindings, initialisers of references, ...
}

} // namespace

std::vector<const ParmVarDecl *> threadPrivateParams(const FunctionDecl &Kernel) {
  std::vector<const ParmVarDecl *> Out;
  Stmt *Body = Kernel.getBody();
  if (!Body)
    return Out;
  std::set<const ParmVarDecl *> Params(Kernel.param_begin(), Kernel.param_end()), Modified;
  ParentMap PM(Body);
  std::vector<const Stmt *> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (auto *DR = dyn_cast<DeclRefExpr>(S))
      if (auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()); P && Params.count(P) && mayModify(DR, PM))
        Modified.insert(P);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  for (const ParmVarDecl *P : Kernel.parameters())
    if (Modified.count(P) && P->getIdentifier() && !P->isParameterPack())
      Out.push_back(P);
  return Out;
}

std::string threadCopyName(const ParmVarDecl &P, const std::set<std::string> &UserNames) {
  std::string N = "npu_param_" + P.getNameAsString();
  while (UserNames.count(N))
    N += "_";
  return N;
}

} // namespace cu2npu
