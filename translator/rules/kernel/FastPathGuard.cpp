#include "rules/kernel/FastPathGuard.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

#include <set>

#include "rules/Context.h"
#include "rules/kernel/ThreadLoop.h"

namespace cu2npu {

using namespace clang;

bool isRepeatable(const Expr *E) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return false;
  if (builtinVarName(E))
    return true; // blockIdx.x: a call to clang's property getter, reading a constant of the thread
  if (auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue &&
        Cast->getSubExpr()->getType().isVolatileQualified())
      return false; // a volatile read may see another thread's write
  } else if (auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->isAssignmentOp())
      return false;
  } else if (auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->isIncrementDecrementOp())
      return false;
  } else if (!isa<DeclRefExpr, IntegerLiteral, FloatingLiteral, CharacterLiteral,
                  CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, ParenExpr, ConditionalOperator,
                  ArraySubscriptExpr, MemberExpr, UnaryExprOrTypeTraitExpr, ConstantExpr>(E)) {
    return false; // calls, constructors, lambdas, ...: not proven free of side effects
  }
  for (const Stmt *Child : E->children())
    if (!isRepeatable(dyn_cast_or_null<Expr>(Child)))
      return false;
  return true;
}

namespace {

// A declaration the row check may evaluate twice: automatic locals, each trivially copyable and
// destructible, initialised (if at all) by an expression with no side effects.
bool isRepeatableDecl(const ASTContext &Ctx, const Stmt *S) {
  auto *DS = dyn_cast<DeclStmt>(S);
  if (!DS)
    return false;
  for (const Decl *D : DS->decls()) {
    auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->hasLocalStorage() || VD->getType()->isDependentType() ||
        !VD->getType().isTriviallyCopyableType(Ctx) || VD->getType().isDestructedType())
      return false;
    if (const Expr *Init = VD->getInit(); Init && !isRepeatable(Init))
      return false;
  }
  return true;
}

bool isBareReturn(const Stmt *S) {
  if (auto *CS = dyn_cast<CompoundStmt>(S); CS && CS->size() == 1)
    S = CS->body_front();
  auto *R = dyn_cast<ReturnStmt>(S);
  return R && !R->getRetValue();
}

// What the guard's values do along a row of threads (fixed y and z, x growing): the locals
// declared before it that are the global x index in an integer type of 32 bits or more (Index:
// growing with x, never wrapping where the row is checked at its ends, runs of at most INT_MAX
// threads) and those whose values depend on x otherwise (Varying).
class RowValues {
public:
  RowValues(const ASTContext &Ctx, const CompoundStmt &Body, const IfStmt &Guard) : Ctx(Ctx) {
    for (const Stmt *S : Body.body()) {
      if (S == &Guard)
        break;
      for (const Decl *D : cast<DeclStmt>(S)->decls()) {
        auto *VD = cast<VarDecl>(D);
        const Expr *Init = VD->getInit();
        if (Init && VD->getType()->isIntegerType() && Ctx.getIntWidth(VD->getType()) >= 32 &&
            globalIndexSum(Ctx, Init))
          Index.insert(VD);
        else if (Init && variesAlongRow(Init))
          Varying.insert(VD);
      }
    }
  }

  // Whether C (a guard's condition, as enters(C); Negated: as exits(C)) holds for every lane of a
  // row when it holds for the row's first and last: a conjunction (a disjunction when Negated) of
  // comparisons <, <=, >, >= of the global x index with a value the same along the row, or of two
  // such values. Each is monotone in x, so true at both ends means true between them.
  bool monotone(const Expr *C, bool Negated) const {
    C = C->IgnoreParenImpCasts();
    auto *B = dyn_cast<BinaryOperator>(C);
    if (!B)
      return !variesAlongRow(C);
    if (B->getOpcode() == (Negated ? BO_LOr : BO_LAnd))
      return monotone(B->getLHS(), Negated) && monotone(B->getRHS(), Negated);
    if (!B->isRelationalOp())
      return !variesAlongRow(B);
    const bool LeftIndex = isIndex(B->getLHS()), RightIndex = isIndex(B->getRHS());
    return (LeftIndex || !variesAlongRow(B->getLHS())) &&
           (RightIndex || !variesAlongRow(B->getRHS())) && !(LeftIndex && RightIndex);
  }

private:
  bool isIndex(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (auto *DR = dyn_cast<DeclRefExpr>(E))
      return Index.count(dyn_cast<VarDecl>(DR->getDecl()));
    return static_cast<bool>(globalIndexSum(Ctx, E));
  }
  // Reads threadIdx.x (or threadIdx whole) or a local whose value does.
  bool variesAlongRow(const Stmt *S) const {
    if (!S)
      return false;
    if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
      auto *VD = dyn_cast<VarDecl>(DR->getDecl());
      return isBuiltinThreadIdx(DR->getDecl()) || Index.count(VD) || Varying.count(VD);
    }
    if (auto *PO = dyn_cast<PseudoObjectExpr>(S)) {
      // threadIdx.x varies along a row; threadIdx.y, .z and the other built-ins do not.
      if (const char *Name = builtinVarName(PO))
        return llvm::StringRef(Name) == "threadIdx" && isThreadIdxX(PO);
      return variesAlongRow(PO->getSyntacticForm());
    }
    for (const Stmt *Child : S->children())
      if (variesAlongRow(Child))
        return true;
    return false;
  }

  const ASTContext &Ctx;
  std::set<const VarDecl *> Index, Varying;
};

} // namespace

FastPathGuard emitFastPathGuard(Context &C, const FunctionDecl &Kernel, UserFile &F) {
  if (!C.CalleesIgnoreThreadIdx.count(Kernel.getCanonicalDecl()))
    return FastPathGuard::None; // the global threadIdx is kept: the loop is never SIMD
  const ASTContext &Ctx = *C.AST;
  auto *Body = cast<CompoundStmt>(Kernel.getBody());
  for (auto It = Body->body_begin(); It != Body->body_end(); ++It) {
    if (isRepeatableDecl(Ctx, *It))
      continue;
    auto *If = dyn_cast<IfStmt>(*It);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable() || If->isConsteval() ||
        If->isConstexpr() || !isRepeatable(If->getCond()))
      return FastPathGuard::None;
    const bool Exits = isBareReturn(If->getThen());
    if (!Exits && std::next(It) != Body->body_end())
      return FastPathGuard::None;
    unsigned Open = 0, Close = 0;
    if (If->getLParenLoc().isMacroID() || If->getRParenLoc().isMacroID() ||
        C.spelledIn(If->getLParenLoc(), &Open) != &F ||
        C.spelledIn(If->getRParenLoc(), &Close) != &F)
      return FastPathGuard::None;
    F.Edits.insert(Open + 1, Exits ? "npu_guard.exits(" : "npu_guard.enters(");
    F.Edits.insert(Close, ")");
    return RowValues(Ctx, *Body, *If).monotone(If->getCond(), Exits) ? FastPathGuard::RowEnds
                                                                     : FastPathGuard::EveryLane;
  }
  return FastPathGuard::None;
}

} // namespace cu2npu
