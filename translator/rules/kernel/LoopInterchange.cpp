#include "rules/kernel/LoopInterchange.h"

#include <functional>
#include <iterator>
#include <optional>
#include <vector>

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

#include "rules/kernel/Collectives.h"
#include "rules/kernel/ThreadLoop.h"

namespace cu2npu {
namespace {

using namespace clang;

// The loop's variable: `int j = 0` or `j = 0` in its init.
const VarDecl *inductionVariable(const ForStmt *L) {
  const Stmt *Init = L->getInit();
  if (auto *DS = dyn_cast_or_null<DeclStmt>(Init)) {
    auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    return VD && VD->getType()->isIntegerType() ? VD : nullptr;
  }
  if (auto *BO = dyn_cast_or_null<BinaryOperator>(Init); BO && BO->getOpcode() == BO_Assign)
    if (auto *DR = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()); VD && VD->getType()->isIntegerType())
        return VD;
  return nullptr;
}

bool mentions(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (auto *DR = dyn_cast<DeclRefExpr>(S); DR && DR->getDecl() == V)
    return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, V))
      return true;
  return false;
}

// The operands of a sum (a + b - c: a, b, c), looking through parentheses and casts.
void terms(const Expr *E, std::vector<const Expr *> &Out) {
  E = E->IgnoreParenImpCasts();
  if (auto *Cast = dyn_cast<CStyleCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  if (auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
    terms(BO->getLHS(), Out);
    terms(BO->getRHS(), Out);
    return;
  }
  Out.push_back(E);
}

// threadIdx.x, or a local initialised to a sum with such a term (row = blockIdx.x * n + tid).
bool threadLinear(const Expr *E, int Depth = 0) {
  if (isThreadIdxX(E))
    return true;
  auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || !VD->getInit() || Depth > 4)
    return false;
  std::vector<const Expr *> Ts;
  terms(VD->getInit(), Ts);
  for (const Expr *T : Ts)
    if (threadLinear(T, Depth + 1))
      return true;
  return false;
}

bool constantValue(const Expr *E, const ASTContext &AST, long long &Value) {
  Expr::EvalResult R;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(R, AST))
    return false;
  Value = R.Val.getInt().getSExtValue();
  return true;
}

// iv times something other than a small constant: a stride of at least a cache line's floats.
bool strided(const Expr *T, const VarDecl *IV, const ASTContext &AST) {
  auto *BO = dyn_cast<BinaryOperator>(T);
  if (!BO || BO->getOpcode() != BO_Mul)
    return false;
  for (const auto &[Walk, Stride] :
       {std::pair{BO->getLHS(), BO->getRHS()}, std::pair{BO->getRHS(), BO->getLHS()}}) {
    if (!mentions(Walk, IV) || mentions(Stride, IV))
      continue;
    long long Constant = 0;
    if (constantValue(Stride, AST, Constant) && Constant < 16)
      continue;
    return true;
  }
  return false;
}

// `a[iv * stride + t]` or `a[iv][t]`, a not a __shared__ array (those stay in the L1 cache).
bool columnWalk(const ArraySubscriptExpr *E, const VarDecl *IV, const ASTContext &AST) {
  const Expr *Base = E->getBase()->IgnoreParenImpCasts();
  const ArraySubscriptExpr *Row = dyn_cast<ArraySubscriptExpr>(Base);
  const Expr *Root = Row ? Row->getBase()->IgnoreParenImpCasts() : Base;
  if (auto *DR = dyn_cast<DeclRefExpr>(Root))
    if (DR->getDecl()->hasAttr<CUDASharedAttr>())
      return false;
  if (Row)
    return mentions(Row->getIdx(), IV) && !mentions(E->getIdx(), IV) && threadLinear(E->getIdx());
  std::vector<const Expr *> Ts;
  terms(E->getIdx(), Ts);
  bool Stride = false, Thread = false;
  for (const Expr *T : Ts) {
    Stride = Stride || strided(T, IV, AST);
    Thread = Thread || (!mentions(T, IV) && threadLinear(T));
  }
  return Stride && Thread;
}

bool walksColumn(const Stmt *S, const VarDecl *IV, const ASTContext &AST) {
  if (!S)
    return false;
  if (auto *E = dyn_cast<ArraySubscriptExpr>(S); E && columnWalk(E, IV, AST))
    return true;
  for (const Stmt *Child : S->children())
    if (walksColumn(Child, IV, AST))
      return true;
  return false;
}

// The trip count of `for (iv = a; iv < b; iv += s)` (or ++iv, iv++) when a, b and s are constants.
std::optional<long long> constantTrips(const ForStmt *L, const VarDecl *IV, const ASTContext &AST) {
  const Expr *Init = IV->getInit();
  if (auto *BO = dyn_cast_or_null<BinaryOperator>(L->getInit()))
    Init = BO->getRHS();
  auto *Cond = dyn_cast<BinaryOperator>(L->getCond()->IgnoreParenImpCasts());
  long long From = 0, To = 0, Step = 0;
  const Expr *Inc = L->getInc()->IgnoreParenImpCasts();
  if (auto *UO = dyn_cast<UnaryOperator>(Inc); UO && UO->isIncrementOp())
    Step = 1;
  else if (auto *CA = dyn_cast<CompoundAssignOperator>(Inc); CA && CA->getOpcode() == BO_AddAssign)
    constantValue(CA->getRHS(), AST, Step);
  if (!Cond || !constantValue(Init, AST, From) || !constantValue(Cond->getRHS(), AST, To) ||
      Step <= 0)
    return std::nullopt;
  return To > From ? (To - From + Step - 1) / Step : 0;
}

bool worthInterchanging(const ForStmt *L, const ASTContext &AST) {
  const VarDecl *IV = inductionVariable(L);
  if (!IV || !L->getCond() || !L->getInc() || holdsBarrierPoint(L->getBody()))
    return false;
  if (constantTrips(L, IV, AST).value_or(9) <= 8)
    return false; // a few iterations: the per-thread loop is as good
  return walksColumn(L->getBody(), IV, AST);
}

// threadIdx.x, or a local initialised to exactly that.
bool threadOffset(const Expr *E) {
  if (isThreadIdxX(E))
    return true;
  auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  return VD && VD->isLocalVarDecl() && VD->getInit() && isThreadIdxX(VD->getInit());
}

// The thread term added in a thread-strided loop's initialiser (`base + threadIdx.x`, `tid`), or
// null when L is not `for (T i = ... + t + ...; i < bound; i += stride)` with that stride not a
// small constant.
const Expr *threadStride(const ForStmt *L, const ASTContext &AST) {
  const VarDecl *IV = inductionVariable(L);
  if (!IV || !isa<DeclStmt>(L->getInit()) || !IV->getInit() || !L->getCond() || !L->getInc())
    return nullptr; // the variable declared by the loop, its initialiser the thread's start
  // The added terms of the initialiser: exactly one is the thread offset.
  const Expr *Thread = nullptr;
  bool OthersNonNegative = true; // the other terms are sums and products of literals and built-ins
  std::function<bool(const Expr *)> NonNegative = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (auto *BO = dyn_cast<BinaryOperator>(E))
      return (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Mul) &&
             NonNegative(BO->getLHS()) && NonNegative(BO->getRHS());
    return isa<IntegerLiteral>(E) || builtinVarName(E) != nullptr;
  };
  std::function<bool(const Expr *)> Added = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Add)
      return Added(BO->getLHS()) && Added(BO->getRHS());
    if (threadOffset(E)) {
      if (Thread)
        return false;
      Thread = E;
    } else {
      OthersNonNegative = OthersNonNegative && NonNegative(E);
    }
    return true;
  };
  if (!Added(IV->getInit()) || !Thread)
    return nullptr;
  auto IsIV = [&](const Expr *E) {
    auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DR && DR->getDecl() == IV;
  };
  auto *Cond = dyn_cast<BinaryOperator>(L->getCond()->IgnoreParenImpCasts());
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_LE) || !IsIV(Cond->getLHS()))
    return nullptr;
  // The block-level loop tests the condition at the block's start (the thread offset 0), which
  // stands for every thread's only if the condition is monotone in the offset. A signed variable
  // compared as unsigned (`int i < unsigned n`) is not, if the start may be negative: -3 fails
  // `i < n` where thread 3's 0 passes.
  if (IV->getType()->isSignedIntegerType() && !Cond->getLHS()->getType()->isSignedIntegerType() &&
      !OthersNonNegative)
    return nullptr;
  auto *Inc = dyn_cast<CompoundAssignOperator>(L->getInc()->IgnoreParens());
  if (!Inc || Inc->getOpcode() != BO_AddAssign || !IsIV(Inc->getLHS()))
    return nullptr;
  long long Stride = 0;
  if (constantValue(Inc->getRHS(), AST, Stride) && Stride < 16)
    return nullptr;
  return Thread;
}

class Selector {
public:
  explicit Selector(const ASTContext &AST) : AST(AST) {}
  InterchangedLoops Loops;

  // Tail: S is the last statement on every level up to the kernel body, through trailing ifs.
  void visit(const Stmt *S, bool Tail) {
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (auto It = CS->body_begin(); It != CS->body_end(); ++It)
        visit(*It, Tail && std::next(It) == CS->body_end());
    } else if (auto *For = dyn_cast<ForStmt>(S)) {
      if (holdsBarrierPoint(For)) {
        visit(For->getBody(), false);
      } else if (const Expr *Thread = threadStride(For, AST)) {
        Loops[For] = Thread; // its body is one region
      } else if (worthInterchanging(For, AST)) {
        Loops[For] = nullptr;
        visit(For->getBody(), false);
      }
    } else if (auto *If = dyn_cast<IfStmt>(S)) {
      if ((Tail && !If->getElse()) || holdsBarrierPoint(If)) {
        visit(If->getThen(), Tail && !If->getElse());
        if (If->getElse())
          visit(If->getElse(), false);
      }
    } else if (auto *W = dyn_cast<WhileStmt>(S); W && holdsBarrierPoint(W)) {
      visit(W->getBody(), false);
    }
  }

private:
  const ASTContext &AST;
};

} // namespace

InterchangedLoops interchangedLoops(const FunctionDecl &Kernel) {
  Selector S(Kernel.getASTContext());
  if (Kernel.getBody())
    S.visit(Kernel.getBody(), true);
  return S.Loops;
}

} // namespace cu2npu
