#include "rules/warp/Lockstep.h"

#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

#include "mapping/Mapping.h"
#include "rules/Context.h"

namespace cu2npu {

llvm::StringRef LockstepRule::name() const { return "warp-lockstep"; }

namespace {

using namespace clang;

// A volatile scalar that other threads can see: not a local variable (a register in CUDA).
bool isSharedVolatile(const Expr *E) {
  QualType T = E->getType();
  if (T.isNull() || !T.isVolatileQualified() || T->isArrayType() || T->isRecordType())
    return false;
  if (auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParens())) {
    auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD && !VD->hasLocalStorage();
  }
  return isa<ArraySubscriptExpr>(E) || isa<MemberExpr>(E) ||
         (isa<UnaryOperator>(E) && cast<UnaryOperator>(E)->getOpcode() == UO_Deref);
}

bool isAtomicCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  llvm::StringRef N = FD && FD->getIdentifier() ? FD->getName() : "";
  if (N.empty())
    if (auto *UL = dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      if (UL->getName().isIdentifier())
        N = UL->getName().getAsIdentifierInfo()->getName();
  return N.starts_with("atomic") || N.starts_with("__nv_atomic");
}

// The npurt name of a compound assignment's operation (npu::WarpUpdate).
std::string updateName(BinaryOperatorKind K) {
  switch (K) {
  case BO_AddAssign:
    return "Add";
  case BO_SubAssign:
    return "Sub";
  case BO_MulAssign:
    return "Mul";
  case BO_DivAssign:
    return "Div";
  case BO_RemAssign:
    return "Rem";
  case BO_AndAssign:
    return "And";
  case BO_OrAssign:
    return "Or";
  case BO_XorAssign:
    return "Xor";
  case BO_ShlAssign:
    return "Shl";
  default:
    return "Shr";
  }
}

// `(::npu::<Name>(), E)`: what an earlier translation made of E (kept as it is).
bool afterNpuCall(const Stmt *Comma, llvm::StringRef Name) {
  auto *BO = dyn_cast_or_null<BinaryOperator>(Comma);
  if (!BO || BO->getOpcode() != BO_Comma)
    return false;
  auto *CE = dyn_cast<CallExpr>(BO->getLHS()->IgnoreParenImpCasts());
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && FD->getName() == Name;
}

class Finder {
public:
  enum class Use { None, Load, Store, IncDec };

  Finder(const ASTContext &Ctx, const Stmt *Body, LockstepSites &Out)
      : PM(const_cast<Stmt *>(Body)), Out(Out), Ctx(Ctx) {}

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (auto *E = dyn_cast<Expr>(S); E && isSharedVolatile(E))
      record(E);
    const Expr *Cond = nullptr;
    const Stmt *Body = nullptr;
    if (auto *W = dyn_cast<WhileStmt>(S); W && !W->getConditionVariable()) {
      Cond = W->getCond();
      Body = W->getBody();
    } else if (auto *D = dyn_cast<DoStmt>(S)) {
      Cond = D->getCond();
      Body = D->getBody();
    } else if (auto *F = dyn_cast<ForStmt>(S); F && !F->getConditionVariable()) {
      Cond = F->getCond();
      Body = F->getBody();
      if (!Cond && waits(Body))
        Out.SpinForsWithoutCondition.push_back(F); // for (;;) { if (flag) break; }
    }
    if (Cond && !afterNpuCall(Cond->IgnoreParens(), "spin_yield") &&
        (waits(Cond) || (alwaysTrue(Cond) && waits(Body)) || waitsThroughLocal(Cond, Body)))
      Out.SpinConditions.push_back(Cond);
    for (const Stmt *Child : S->children())
      visit(Child);
  }

  // Legacy warp-synchronous code without `volatile`: a plain __shared__ variable that a thread
  // reads after some thread wrote it, at another element, with no barrier in between (a
  // statement later, or in a later iteration of a barrier-free loop). On a GPU only the warp's
  // lockstep orders such accesses, so every access to that variable gets the lanes' meeting.
  // A thread reading before writing (`s[t] += s[t + k]` between barriers) is not flagged, nor is
  // code after a loop that synchronises reading what the loop's last stretch wrote.
  void findImplicitWarpSync(const Stmt *Body) {
    collectShared(Body, 0);
    std::set<const VarDecl *> Flagged;
    for (const SharedAccess &R : Shared) {
      if (R.Kind != Use::Load || Flagged.count(R.Var))
        continue;
      for (const SharedAccess &W : Shared)
        if (W.Var == R.Var && W.Stretch == R.Stretch &&
            (W.Kind == Use::Store || W.Kind == Use::IncDec) &&
            (W.Seq < R.Seq || (W.Loop != 0 && W.Loop == R.Loop)) &&
            (W.Key != R.Key || isa<DeclRefExpr>(W.E))) {
          Flagged.insert(R.Var);
          break;
        }
    }
    for (const SharedAccess &A : Shared)
      if (Flagged.count(A.Var))
        record(A.E);
  }

private:
  ParentMap PM;
  LockstepSites &Out;
  const ASTContext &Ctx;

  struct SharedAccess {
    const VarDecl *Var;
    const Expr *E; // the whole access: s, s[i], s[i][j], s[i].f
    Use Kind;
    unsigned Stretch, Seq, Loop; // Loop: the innermost barrier-free loop around it, or 0
    llvm::FoldingSetNodeID Key;
  };
  std::vector<SharedAccess> Shared;
  unsigned Stretch = 0, Seq = 0, Loops = 0;

  static bool isBarrierLike(const CallExpr *CE) {
    llvm::StringRef N;
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && FD->getIdentifier())
      N = FD->getName();
    else if (auto *UL = dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts());
             UL && UL->getName().isIdentifier())
      N = UL->getName().getAsIdentifierInfo()->getName();
    else if (auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(CE->getCallee()->IgnoreParens());
             DM && DM->getMember().isIdentifier())
      N = DM->getMember().getAsIdentifierInfo()->getName();
    else if (auto *UM = dyn_cast<UnresolvedMemberExpr>(CE->getCallee()->IgnoreParens());
             UM && UM->getMemberName().isIdentifier())
      N = UM->getMemberName().getAsIdentifierInfo()->getName(); // a region loop in a template
    // A region loop of translated code (npu_block.for_each_thread(_guarded, _strided),
    // npu_block.collective) ends like a barrier.
    if (auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
        MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier())
      N = MC->getMethodDecl()->getName();
    return N.starts_with("__sync") || N == "sync" || N == "for_each_thread" ||
           N == "for_each_thread_guarded" || N == "for_each_thread_strided" || N == "collective" ||
           (!N.empty() && isSyncBuiltin(N));
  }

  // The largest access expression built on the shared variable's reference DR.
  const Expr *wholeAccess(const Expr *E) {
    for (;;) {
      const Stmt *P = PM.getParentIgnoreParens(const_cast<Expr *>(E));
      if (auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P);
          IC && IC->getCastKind() == CK_ArrayToPointerDecay)
        P = PM.getParentIgnoreParens(const_cast<ImplicitCastExpr *>(IC));
      if (auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(P);
          AS && AS->getBase()->IgnoreParenImpCasts() == E) {
        E = AS;
        continue;
      }
      if (auto *ME = dyn_cast_or_null<MemberExpr>(P); ME && !ME->isArrow()) {
        E = ME;
        continue;
      }
      return E;
    }
  }

  static bool containsBarrier(const Stmt *S) {
    if (!S)
      return false;
    if (auto *CE = dyn_cast<CallExpr>(S); CE && isBarrierLike(CE))
      return true;
    for (const Stmt *Child : S->children())
      if (containsBarrier(Child))
        return true;
    return false;
  }

  // In execution order (an assignment's value before its target), numbering barrier-free
  // stretches and barrier-free loops.
  void collectShared(const Stmt *S, unsigned Loop) {
    if (!S)
      return;
    if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<CXXForRangeStmt>(S)) {
      if (containsBarrier(S)) {
        // Leaving a loop that synchronises starts a stretch: what the loop's last stretch wrote is
        // taken as ordered for the code after it (telling otherwise needs the indices' ranges).
        for (const Stmt *Child : S->children())
          collectShared(Child, Loop);
        ++Stretch;
        return;
      }
      Loop = ++Loops;
    }
    if (auto *CE = dyn_cast<CallExpr>(S); CE && isBarrierLike(CE)) {
      for (const Stmt *Child : S->children())
        collectShared(Child, Loop);
      ++Stretch;
      return;
    }
    if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
      auto *VD = dyn_cast<VarDecl>(DR->getDecl());
      if (VD && VD->hasAttr<CUDASharedAttr>() && !VD->getType().isVolatileQualified()) {
        const Expr *E = wholeAccess(DR);
        const BinaryOperator *Assign = nullptr;
        const UnaryOperator *IncDec = nullptr;
        SharedAccess A{VD, E, classify(E, &Assign, &IncDec), Stretch, ++Seq, Loop, {}};
        E->Profile(A.Key, Ctx, /*Canonical=*/true);
        if (A.Kind != Use::None)
          Shared.push_back(std::move(A));
      }
    }
    if (auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp()) {
      collectShared(BO->getRHS(), Loop);
      collectShared(BO->getLHS(), Loop);
      return;
    }
    for (const Stmt *Child : S->children())
      collectShared(Child, Loop);
  }

  // How the lvalue E is used: read, written (`=`, `op=`: the operator in *Assign), incremented
  // (*IncDec), or neither (address taken, bound to a reference, base of a larger access).
  Use classify(const Expr *E, const BinaryOperator **Assign, const UnaryOperator **IncDec) {
    const Stmt *P = PM.getParentIgnoreParens(const_cast<Expr *>(E));
    if (auto *BO = dyn_cast_or_null<BinaryOperator>(P); BO && BO->isAssignmentOp()) {
      if (BO->getLHS()->IgnoreParens() != E)
        return Use::Load;
      *Assign = BO;
      return Use::Store;
    }
    if (auto *UO = dyn_cast_or_null<UnaryOperator>(P)) {
      if (UO->isIncrementDecrementOp()) {
        if (afterNpuCall(PM.getParentIgnoreParens(const_cast<UnaryOperator *>(UO)), "warp_step"))
          return Use::None;
        *IncDec = UO;
        return Use::IncDec;
      }
      return UO->getOpcode() == UO_AddrOf ? Use::None : Use::Load;
    }
    if (auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P))
      return Cast->getCastKind() == CK_LValueToRValue ? Use::Load : Use::None;
    if (!P || isa<CallExpr>(P) || isa<MemberExpr>(P) || isa<ArraySubscriptExpr>(P) ||
        isa<DeclStmt>(P) || isa<CXXConstructExpr>(P) || isa<InitListExpr>(P))
      return Use::None; // an argument or initialiser that may bind a reference, or a base
    return Use::Load;   // an operand in a template, before implicit casts exist
  }

  void record(const Expr *E) {
    const BinaryOperator *Assign = nullptr;
    const UnaryOperator *IncDec = nullptr;
    switch (classify(E, &Assign, &IncDec)) {
    case Use::Load:
      Out.Loads.push_back(E);
      break;
    case Use::Store:
      Out.Stores.push_back(Assign);
      break;
    case Use::IncDec:
      Out.IncDecs.push_back(IncDec);
      break;
    case Use::None:
      break;
    }
  }

  bool alwaysTrue(const Expr *Cond) const {
    bool Value = false;
    return !Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value;
  }

  // `do { old = atomicCAS(l, 0, 1); } while (old != 0);`: the condition tests a local that the
  // body sets from memory other threads write.
  bool waitsThroughLocal(const Expr *Cond, const Stmt *Body) const {
    std::set<const VarDecl *> Tested;
    std::vector<const Stmt *> Work{Cond};
    while (!Work.empty()) {
      const Stmt *X = Work.back();
      Work.pop_back();
      if (auto *DR = dyn_cast_or_null<DeclRefExpr>(X))
        if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()); VD && VD->hasLocalStorage())
          Tested.insert(VD);
      if (X)
        for (const Stmt *Child : X->children())
          Work.push_back(Child);
    }
    if (Tested.empty())
      return false;
    Work = {Body};
    while (!Work.empty()) {
      const Stmt *X = Work.back();
      Work.pop_back();
      if (auto *BO = dyn_cast_or_null<BinaryOperator>(X); BO && BO->isAssignmentOp())
        if (auto *DR = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
          if (Tested.count(dyn_cast<VarDecl>(DR->getDecl())) && waits(BO->getRHS()))
            return true;
      if (X)
        for (const Stmt *Child : X->children())
          Work.push_back(Child);
    }
    return false;
  }

  // Whether a loop condition reads memory that other threads write.
  bool waits(const Stmt *S) const {
    if (!S)
      return false;
    if (auto *E = dyn_cast<Expr>(S); E && isSharedVolatile(E))
      return true;
    if (auto *CE = dyn_cast<CallExpr>(S); CE && isAtomicCall(CE))
      return true;
    for (const Stmt *Child : S->children())
      if (waits(Child))
        return true;
    return false;
  }
};

} // namespace

LockstepSites findLockstepSites(const ASTContext &Ctx, const Stmt *Body) {
  LockstepSites Out;
  if (!Body)
    return Out;
  Finder F(Ctx, Body, Out);
  F.visit(Body);
  F.findImplicitWarpSync(Body);
  return Out;
}

void LockstepRule::onFunction(Context &C, const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody() || !C.LockstepFunctions.count(FD.getCanonicalDecl()))
    return;
  LockstepSites Sites = findLockstepSites(*C.AST, FD.getBody());
  if (Sites.empty())
    return;
  // Nested sites can share an end: orders put the outer opening first and its closing last
  // (spin condition 10, store 20, ++/-- 25, load 30). Every edit needs both ends of its expression
  // in one translated file, outside macros.
  auto Span = [&](const Expr *E, UserFile *&F, unsigned &B, unsigned &End) {
    SourceLocation L = E->getBeginLoc(), R = E->getEndLoc();
    if (L.isMacroID() || R.isMacroID())
      return false;
    F = C.spelledIn(L, &B);
    unsigned REnd = 0;
    if (!F || C.spelledIn(R, &REnd) != F)
      return false;
    End = REnd + Lexer::MeasureTokenLength(R, C.SM, C.LO);
    return true;
  };
  // E becomes Open E Close (Close at -Order, so an outer site's closing comes after an inner's).
  auto Wrap = [&](const Expr *E, const std::string &Open, int Order, const char *What) {
    UserFile *F = nullptr;
    unsigned B = 0, End = 0;
    if (!Span(E, F, B, End)) {
      C.report(E->getBeginLoc(), DiagId::CU2NPU3003, {});
      return;
    }
    F->Edits.insert(B, Open, Order);
    F->Edits.insert(End, ")", -Order);
    C.countConverted(*F, What);
  };
  for (const Expr *E : Sites.Loads)
    Wrap(E, "::npu::warp_load(", 30, "warp-synchronous access");
  for (const BinaryOperator *BO : Sites.Stores) {
    // `x = v` -> warp_store(x , v); `x op= v` -> warp_update<Op>(x , v).
    UserFile *F = nullptr;
    unsigned B = 0, End = 0, Op = 0;
    if (!Span(BO, F, B, End) || BO->getOperatorLoc().isMacroID() ||
        C.spelledIn(BO->getOperatorLoc(), &Op) != F) {
      C.report(BO->getBeginLoc(), DiagId::CU2NPU3003, {});
      continue;
    }
    F->Edits.insert(B,
                    BO->getOpcode() == BO_Assign ? std::string("::npu::warp_store(")
                                                 : "::npu::warp_update<::npu::WarpUpdate::" +
                                                       updateName(BO->getOpcode()) + ">(",
                    20);
    F->Edits.replace(Op, BinaryOperator::getOpcodeStr(BO->getOpcode()).size(), ",");
    F->Edits.insert(End, ")", -20);
    C.countConverted(*F, "warp-synchronous access");
  }
  for (const UnaryOperator *UO : Sites.IncDecs)
    Wrap(UO, "(::npu::warp_step(), ", 25, "warp-synchronous access");
  for (const ForStmt *For : Sites.SpinForsWithoutCondition) {
    // `for (init; ; inc)`: the yield becomes the condition, after the first ';' in the parens.
    unsigned L = 0, R = 0;
    UserFile *F = For->getLParenLoc().isMacroID() ? nullptr : C.spelledIn(For->getLParenLoc(), &L);
    if (!F || For->getRParenLoc().isMacroID() || C.spelledIn(For->getRParenLoc(), &R) != F) {
      C.report(For->getBeginLoc(), DiagId::CU2NPU3003, {});
      continue;
    }
    llvm::StringRef T = C.text(F->FID);
    int Depth = 0;
    for (unsigned I = L + 1; I < R; ++I) {
      Depth += T[I] == '(' ? 1 : T[I] == ')' ? -1 : 0;
      if (Depth == 0 && T[I] == ';') {
        F->Edits.insert(I + 1, " (::npu::spin_yield(), true)", 10);
        C.countConverted(*F, "spin-wait loop");
        break;
      }
    }
  }
  for (const Expr *Cond : Sites.SpinConditions)
    Wrap(Cond, "(::npu::spin_yield(), ", 10, "spin-wait loop");
}

} // namespace cu2npu
