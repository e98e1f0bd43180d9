#include "rules/warp/Lockstep.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

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
  Finder(const Stmt *Body, LockstepSites &Out) : PM(const_cast<Stmt *>(Body)), Out(Out) {}

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (auto *E = dyn_cast<Expr>(S); E && isSharedVolatile(E))
      classify(E);
    const Expr *Cond = nullptr;
    if (auto *W = dyn_cast<WhileStmt>(S); W && !W->getConditionVariable())
      Cond = W->getCond();
    else if (auto *D = dyn_cast<DoStmt>(S))
      Cond = D->getCond();
    else if (auto *F = dyn_cast<ForStmt>(S); F && !F->getConditionVariable())
      Cond = F->getCond();
    if (Cond && waits(Cond) && !afterNpuCall(Cond->IgnoreParens(), "spin_yield"))
      Out.SpinConditions.push_back(Cond);
    for (const Stmt *Child : S->children())
      visit(Child);
  }

private:
  ParentMap PM;
  LockstepSites &Out;

  void classify(const Expr *E) {
    const Stmt *P = PM.getParentIgnoreParens(const_cast<Expr *>(E));
    if (auto *BO = dyn_cast_or_null<BinaryOperator>(P); BO && BO->isAssignmentOp()) {
      if (BO->getLHS()->IgnoreParens() == E)
        Out.Stores.push_back(BO);
      else
        Out.Loads.push_back(E);
      return;
    }
    if (auto *UO = dyn_cast_or_null<UnaryOperator>(P)) {
      if (UO->isIncrementDecrementOp()) {
        if (!afterNpuCall(PM.getParentIgnoreParens(const_cast<UnaryOperator *>(UO)), "warp_step"))
          Out.IncDecs.push_back(UO);
      }
      else if (UO->getOpcode() != UO_AddrOf)
        Out.Loads.push_back(E);
      return;
    }
    if (auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P)) {
      if (Cast->getCastKind() == CK_LValueToRValue)
        Out.Loads.push_back(E);
      return; // other casts: the address, or a reference binding
    }
    if (!P || isa<CallExpr>(P) || isa<MemberExpr>(P) || isa<ArraySubscriptExpr>(P) ||
        isa<DeclStmt>(P) || isa<CXXConstructExpr>(P) || isa<InitListExpr>(P))
      return; // an argument or initialiser that may bind a reference, or the base of an access
    Out.Loads.push_back(E); // an operand in a template, before implicit casts exist
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

LockstepSites findLockstepSites(const Stmt *Body) {
  LockstepSites Out;
  if (Body)
    Finder(Body, Out).visit(Body);
  return Out;
}

void LockstepRule::onFunction(Context &C, const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody() ||
      !(FD.hasAttr<CUDAGlobalAttr>() || FD.hasAttr<CUDADeviceAttr>()))
    return;
  LockstepSites Sites = findLockstepSites(FD.getBody());
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
  auto Refuse = [&](const Expr *E) { C.report(E->getBeginLoc(), DiagId::CU2NPU3003, {}); };
  for (const Expr *E : Sites.Loads) {
    UserFile *F = nullptr;
    unsigned B = 0, End = 0;
    if (!Span(E, F, B, End)) {
      Refuse(E);
      continue;
    }
    F->Edits.insert(B, "::npu::warp_load(", 30);
    F->Edits.insert(End, ")", -30);
    C.countConverted(*F, "warp-synchronous volatile access");
  }
  for (const BinaryOperator *BO : Sites.Stores) {
    UserFile *F = nullptr;
    unsigned B = 0, End = 0, Op = 0;
    if (!Span(BO, F, B, End) || BO->getOperatorLoc().isMacroID() ||
        C.spelledIn(BO->getOperatorLoc(), &Op) != F) {
      Refuse(BO);
      continue;
    }
    llvm::StringRef Spelling = BinaryOperator::getOpcodeStr(BO->getOpcode());
    if (BO->getOpcode() == BO_Assign) {
      F->Edits.insert(B, "::npu::warp_store(", 20);
      F->Edits.replace(Op, Spelling.size(), ",");
      F->Edits.insert(End, ")", -20);
    } else {
      F->Edits.insert(
          B, "::npu::warp_update<::npu::WarpUpdate::" + updateName(BO->getOpcode()) + ">(", 20);
      F->Edits.replace(Op, Spelling.size(), ",");
      F->Edits.insert(End, ")", -20);
    }
    C.countConverted(*F, "warp-synchronous volatile access");
  }
  for (const UnaryOperator *UO : Sites.IncDecs) {
    UserFile *F = nullptr;
    unsigned B = 0, End = 0;
    if (!Span(UO, F, B, End)) {
      Refuse(UO);
      continue;
    }
    F->Edits.insert(B, "(::npu::warp_step(), ", 25);
    F->Edits.insert(End, ")", -25);
    C.countConverted(*F, "warp-synchronous volatile access");
  }
  for (const Expr *Cond : Sites.SpinConditions) {
    UserFile *F = nullptr;
    unsigned B = 0, End = 0;
    if (!Span(Cond, F, B, End)) {
      Refuse(Cond);
      continue;
    }
    F->Edits.insert(B, "(::npu::spin_yield(), ", 10);
    F->Edits.insert(End, ")", -10);
    C.countConverted(*F, "spin-wait loop");
  }
}

} // namespace cu2npu
