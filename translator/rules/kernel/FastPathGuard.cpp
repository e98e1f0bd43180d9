#include "rules/kernel/FastPathGuard.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

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

} // namespace

bool emitFastPathGuard(Context &C, const FunctionDecl &Kernel, UserFile &F) {
  if (!C.CalleesIgnoreThreadIdx.count(Kernel.getCanonicalDecl()))
    return false; // the global threadIdx is kept: the loop is never SIMD
  const ASTContext &Ctx = *C.AST;
  auto *Body = cast<CompoundStmt>(Kernel.getBody());
  for (auto It = Body->body_begin(); It != Body->body_end(); ++It) {
    if (isRepeatableDecl(Ctx, *It))
      continue;
    auto *If = dyn_cast<IfStmt>(*It);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable() || If->isConsteval() ||
        If->isConstexpr() || !isRepeatable(If->getCond()))
      return false;
    const bool Exits = isBareReturn(If->getThen());
    if (!Exits && std::next(It) != Body->body_end())
      return false;
    unsigned Open = 0, Close = 0;
    if (If->getLParenLoc().isMacroID() || If->getRParenLoc().isMacroID() ||
        C.spelledIn(If->getLParenLoc(), &Open) != &F ||
        C.spelledIn(If->getRParenLoc(), &Close) != &F)
      return false;
    F.Edits.insert(Open + 1, Exits ? "npu_guard.exits(" : "npu_guard.enters(");
    F.Edits.insert(Close, ")");
    return true;
  }
  return false;
}

} // namespace cu2npu
