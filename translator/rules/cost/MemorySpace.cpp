#include "rules/cost/MemorySpace.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

namespace cu2npu {
namespace {

using namespace clang;

// Pointer and reference variables are followed through their initialisers; the depth bound keeps
// a chain of them (or a self-referencing declaration) finite.
constexpr int MaxDepth = 8;

MemSpace ofLvalue(const Expr *E, int Depth);
MemSpace ofPointer(const Expr *P, int Depth);

MemSpace merge(MemSpace A, MemSpace B) { return A == B ? A : MemSpace::Global; }

// The objects a pointer variable points to: a local pointer is followed to its initialiser, any
// other (a parameter, a global, a pointer without initialiser) points into global memory.
MemSpace ofPointerVariable(const VarDecl *VD, int Depth) {
  if (isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      VD->hasAttr<CUDASharedAttr>() || !VD->getInit())
    return MemSpace::Global;
  return ofPointer(VD->getInit(), Depth + 1);
}

MemSpace ofVariable(const VarDecl *VD, int Depth) {
  if (VD->hasAttr<CUDASharedAttr>())
    return MemSpace::Shared;
  if (VD->getType()->isReferenceType()) {
    if (isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl() || !VD->getInit())
      return MemSpace::Global;
    return ofLvalue(VD->getInit(), Depth + 1);
  }
  if (VD->isLocalVarDeclOrParm() && !VD->isStaticLocal())
    return MemSpace::Local;
  return MemSpace::Global; // __device__, __constant__, __managed__ and static variables
}

MemSpace ofLvalue(const Expr *E, int Depth) {
  if (!E || Depth > MaxDepth)
    return MemSpace::Global;
  E = E->IgnoreParens();
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD ? ofVariable(VD, Depth) : MemSpace::None;
  }
  if (auto *ME = dyn_cast<MemberExpr>(E))
    return ME->isArrow() ? ofPointer(ME->getBase(), Depth) : ofLvalue(ME->getBase(), Depth);
  if (auto *ME = dyn_cast<CXXDependentScopeMemberExpr>(E)) {
    if (ME->isImplicitAccess())
      return MemSpace::Local;
    return ME->isArrow() ? ofPointer(ME->getBase(), Depth) : ofLvalue(ME->getBase(), Depth);
  }
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return ofPointer(AS->getBase(), Depth);
  if (auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref ? ofPointer(UO->getSubExpr(), Depth) : MemSpace::None;
  if (auto *CE = dyn_cast<CastExpr>(E))
    return CE->getCastKind() == CK_NoOp || CE->getCastKind() == CK_LValueBitCast
               ? ofLvalue(CE->getSubExpr(), Depth)
               : MemSpace::None;
  if (auto *CO = dyn_cast<ConditionalOperator>(E))
    return merge(ofLvalue(CO->getTrueExpr(), Depth), ofLvalue(CO->getFalseExpr(), Depth));
  return MemSpace::None;
}

MemSpace ofPointer(const Expr *P, int Depth) {
  if (!P || Depth > MaxDepth)
    return MemSpace::Global;
  P = P->IgnoreParens();
  if (auto *CE = dyn_cast<CastExpr>(P)) {
    switch (CE->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return ofLvalue(CE->getSubExpr(), Depth);
    case CK_LValueToRValue: {
      auto *DR = dyn_cast<DeclRefExpr>(CE->getSubExpr()->IgnoreParens());
      auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
      return VD ? ofPointerVariable(VD, Depth) : MemSpace::Global;
    }
    case CK_NoOp:
    case CK_BitCast:
    case CK_AddressSpaceConversion:
    case CK_UncheckedDerivedToBase:
    case CK_DerivedToBase:
    case CK_Dependent:
      return ofPointer(CE->getSubExpr(), Depth);
    default:
      return MemSpace::Global;
    }
  }
  if (auto *DR = dyn_cast<DeclRefExpr>(P)) { // template code: no lvalue-to-rvalue casts
    auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD)
      return MemSpace::Global;
    if (VD->getType()->isArrayType())
      return ofVariable(VD, Depth);
    return ofPointerVariable(VD, Depth);
  }
  if (auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) {
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      bool LeftIsPointer = L->getType()->isPointerType() || L->getType()->isArrayType() ||
                           (L->isTypeDependent() && !R->getType()->isPointerType());
      return ofPointer(LeftIsPointer ? L : R, Depth);
    }
    if (BO->getOpcode() == BO_Comma)
      return ofPointer(BO->getRHS(), Depth);
    return MemSpace::Global;
  }
  if (auto *UO = dyn_cast<UnaryOperator>(P)) {
    if (UO->getOpcode() == UO_AddrOf)
      return ofLvalue(UO->getSubExpr(), Depth);
    return MemSpace::Global;
  }
  if (auto *CO = dyn_cast<ConditionalOperator>(P))
    return merge(ofPointer(CO->getTrueExpr(), Depth), ofPointer(CO->getFalseExpr(), Depth));
  // Members reached through `this` belong to an object the function was called on, in practice a
  // local or a parameter of the caller: free, like other locals.
  if (isa<CXXThisExpr>(P))
    return MemSpace::Local;
  return MemSpace::Global;
}

} // namespace

MemSpace memSpaceOfLvalue(const Expr *E) { return ofLvalue(E, 0); }
MemSpace memSpaceOfPointer(const Expr *P) { return ofPointer(P, 0); }

} // namespace cu2npu
