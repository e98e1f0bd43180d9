#include "rules/warp/LaneExchange.h"

#include <functional>
#include <set>

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/StringSwitch.h>

#include "rules/Context.h"
#include "rules/DependentMembers.h"
#include "rules/SyncCallees.h"
#include "rules/kernel/FastPathGuard.h"

namespace cu2npu {
namespace {

using namespace clang;

struct Form {
  unsigned Operand;    // the argument the calling thread contributes
  const char *Publish; // the LaneExchange::Lane member that publishes it
};

// The warp operations that run as an exchange, by CUDA name (npurt/device/lanes.h has a member of
// the same name without the leading underscores for each). Not __activemask (which lanes arrive
// together is what it asks) nor the match functions.
std::optional<Form> formOf(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Form>>(Name)
      .Cases("__shfl_sync", "__shfl_up_sync", "__shfl_down_sync", "__shfl_xor_sync",
             Form{1, "publish"})
      .Cases("__shfl", "__shfl_up", "__shfl_down", "__shfl_xor", Form{0, "publish"})
      .Cases("__ballot_sync", "__any_sync", "__all_sync", Form{1, "publish_predicate"})
      .Cases("__ballot", "__any", "__all", Form{0, "publish_predicate"})
      .Cases("__reduce_add_sync", "__reduce_min_sync", "__reduce_max_sync", "__reduce_and_sync",
             Form{1, "publish_operand"})
      .Cases("__reduce_or_sync", "__reduce_xor_sync", Form{1, "publish_operand"})
      .Default(std::nullopt);
}

// The name of the npurt function E calls (resolved, or every candidate of a dependent call
// npurt's), or empty.
llvm::StringRef npurtCallee(Context &C, const CallExpr *E) {
  if (const FunctionDecl *FD = E->getDirectCallee())
    return FD->getIdentifier() && !C.spelledIn(FD->getLocation()) ? FD->getName()
                                                                  : llvm::StringRef();
  auto *UL = dyn_cast<UnresolvedLookupExpr>(E->getCallee()->IgnoreParenImpCasts());
  if (!UL || UL->getNumDecls() == 0 || !UL->getName().isIdentifier())
    return {};
  for (const NamedDecl *D : UL->decls()) {
    const FunctionDecl *FD = asFunction(D);
    if (!FD || C.spelledIn(FD->getLocation()))
      return {};
  }
  return UL->getName().getAsIdentifierInfo()->getName();
}

// An operand evaluated once more, ahead of the statement: no side effect (isRepeatable); in a
// template, a dependent operand only as a plain variable or literal (whose instantiation cannot
// call an operator of a class).
bool publishable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (!E->isTypeDependent() && !E->isValueDependent())
    return isRepeatable(E);
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD && VD->isLocalVarDeclOrParm() && !VD->getType().isVolatileQualified();
  }
  return isa<IntegerLiteral, FloatingLiteral, CXXBoolLiteralExpr>(E);
}

void variablesRead(const Stmt *S, std::set<const VarDecl *> &Out) {
  if (!S)
    return;
  if (auto *DR = dyn_cast<DeclRefExpr>(S))
    if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      Out.insert(VD);
  for (const Stmt *Child : S->children())
    variablesRead(Child, Out);
}

// The variable a write (assignment, ++/--, address taken) in S changes, for every write in S but
// the one at Top (the statement's own assignment, sequenced after its value).
void variablesWritten(const Stmt *S, const Stmt *Top, std::set<const VarDecl *> &Out) {
  if (!S)
    return;
  const Expr *Target = nullptr;
  if (auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp() && S != Top)
    Target = BO->getLHS();
  if (auto *UO = dyn_cast<UnaryOperator>(S);
      UO && (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf))
    Target = UO->getSubExpr();
  if (auto *CO = dyn_cast<CXXOperatorCallExpr>(S); CO && CO->isAssignmentOp() && S != Top)
    Target = CO->getArg(0);
  if (Target) {
    std::set<const VarDecl *> Named;
    variablesRead(Target, Named);
    Out.insert(Named.begin(), Named.end());
  }
  for (const Stmt *Child : S->children())
    variablesWritten(Child, Top, Out);
}

} // namespace

bool isSyncWarpStmt(const Stmt *S) {
  auto *CE = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && FD->getName() == "__syncwarp" && CE->getNumArgs() <= 1 &&
         (CE->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(CE->getArg(0)) ||
          isRepeatable(CE->getArg(0)));
}

std::optional<std::vector<LaneExchangeCall>> laneExchanges(Context &C, const Stmt *S) {
  const Stmt *Top = nullptr; // the statement's value: what it assigns or initialises with
  const VarDecl *Declared = nullptr;
  if (auto *DS = dyn_cast<DeclStmt>(S)) {
    if (!DS->isSingleDecl())
      return std::nullopt;
    Declared = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (!Declared || !Declared->hasInit() || Declared->isStaticLocal())
      return std::nullopt;
    Top = Declared->getInit();
  } else if (auto *E = dyn_cast<Expr>(S)) {
    Top = E->IgnoreParens();
  } else {
    return std::nullopt;
  }

  std::vector<LaneExchangeCall> Calls;
  bool Ok = true;
  // Conditional: under a branch some threads may not take, or after a sequenced operand.
  std::function<void(const Stmt *, bool)> Walk = [&](const Stmt *X, bool Conditional) {
    if (!X || !Ok)
      return;
    if (isa<LambdaExpr>(X) || isa<StmtExpr>(X)) {
      Ok = false;
      return;
    }
    if (auto *CE = dyn_cast<CallExpr>(X)) {
      llvm::StringRef Name = npurtCallee(C, CE);
      if (std::optional<Form> F = Name.empty() ? std::nullopt : formOf(Name)) {
        if (Conditional || F->Operand >= CE->getNumArgs() || !publishable(CE->getArg(F->Operand))) {
          Ok = false;
          return;
        }
        Calls.push_back({CE, CE->getArg(F->Operand), F->Publish, Name.drop_front(2).str()});
        for (const Expr *Arg : CE->arguments()) // no warp operation inside another's arguments
          Walk(Arg, true);
        return;
      }
      if (callWait(C, CE) != CallWait::None) { // it meets elsewhere than at its exchanges
        Ok = false;
        return;
      }
    }
    if (auto *CO = dyn_cast<AbstractConditionalOperator>(X)) {
      Walk(CO->getCond(), Conditional);
      Walk(CO->getTrueExpr(), true);
      Walk(CO->getFalseExpr(), true);
      return;
    }
    if (auto *BO = dyn_cast<BinaryOperator>(X);
        BO && (BO->isLogicalOp() || BO->getOpcode() == BO_Comma)) {
      Walk(BO->getLHS(), Conditional);
      Walk(BO->getRHS(), true);
      return;
    }
    for (const Stmt *Child : X->children())
      Walk(Child, Conditional);
  };
  Walk(Top, false);
  if (!Ok || Calls.empty())
    return std::nullopt;

  // Nothing the statement writes before its value is complete may be an operand's input.
  std::set<const VarDecl *> Read, Written;
  for (const LaneExchangeCall &X : Calls)
    variablesRead(X.Operand, Read);
  variablesWritten(Top, Top, Written);
  if (Declared)
    Written.insert(Declared);
  for (const VarDecl *VD : Read)
    if (Written.count(VD))
      return std::nullopt;
  return Calls;
}

} // namespace cu2npu
