#include "rules/kernel/Collectives.h"

#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

#include "rules/DependentMembers.h"

namespace cu2npu {

using namespace clang;

namespace {

// The annotation NPU_STEPPED_COLLECTIVE puts on a class (npurt/device/regions.h).
constexpr llvm::StringLiteral SteppedAnnotation = "npu::stepped_collective";

bool isSteppedClass(const CXXRecordDecl *RD) {
  if (auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (!RD)
    return false;
  for (const auto *A : RD->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == SteppedAnnotation)
      return true;
  return false;
}

// The class a (possibly dependent) type names: a class, or a class template's pattern for a
// dependent specialisation.
const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  return templatePattern(T);
}

// The object a member call is made on, or null for a call that is not a member call.
const Expr *objectOf(const CallExpr *E) {
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return MC->getImplicitObjectArgument();
  const Expr *Callee = E->getCallee()->IgnoreParens();
  if (auto *ME = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return ME->isImplicitAccess() || ME->isArrow() ? nullptr : ME->getBase();
  if (auto *ME = dyn_cast<UnresolvedMemberExpr>(Callee))
    return ME->isImplicitAccess() || ME->isArrow() ? nullptr : ME->getBase();
  return nullptr;
}

const Expr *strip(const Expr *E) {
  for (;;) {
    E = E->IgnoreParens();
    if (auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (auto *IC = dyn_cast<ImplicitCastExpr>(E))
      E = IC->getSubExpr();
    else if (auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr(); // `Coll(temp)`: a constructor conversion
    else if (auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
             (CE->getConstructor()->isCopyOrMoveConstructor()))
      E = CE->getArg(0);
    else
      return E;
  }
}

// What an argument of a collective call may read. It is evaluated again at every step, while the
// other threads run their steps in between; those steps write only the collective's storage and
// the calls' outputs, so an argument reads the same values each time if it reads
//   Private: what belongs to the calling thread (its locals and parameters, the built-in
//            variables, constants, temporaries built from those such as a functor `cub::Sum()`);
//   Storage: that, and names __shared__ variables (the TempStorage a collective binds, not read);
//   Memory:  that, and reads any memory (`in[i]`: an input, never an output).
// No call, no write.
enum class Reach { Private, Storage, Memory };

bool reads(const Expr *E, Reach R) {
  if (!E)
    return true;
  E = E->IgnoreParens();
  const bool Memory = R == Reach::Memory;
  auto Each = [&](auto Args) {
    for (const Expr *A : Args)
      if (!reads(A, R))
        return false;
    return true;
  };
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) || isa<CharacterLiteral>(E) ||
      isa<CXXBoolLiteralExpr>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<CXXDefaultArgExpr>(E) ||
      isa<CXXScalarValueInitExpr>(E))
    return true;
  if (auto *PO = dyn_cast<PseudoObjectExpr>(E)) // threadIdx.x and friends
    return isa<MSPropertyRefExpr>(PO->getSyntacticForm()->IgnoreParens());
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DR->getDecl();
    if (isa<EnumConstantDecl>(D) || isa<NonTypeTemplateParmDecl>(D))
      return true;
    auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return false;
    if (Memory)
      return true;
    if (VD->getType()->isReferenceType())
      return false;
    if (VD->hasAttr<CUDASharedAttr>())
      return R == Reach::Storage;
    return (VD->isLocalVarDeclOrParm() && !VD->isStaticLocal()) || VD->isConstexpr();
  }
  if (auto *SN = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return reads(SN->getReplacement(), R);
  if (auto *CE = dyn_cast<ConstantExpr>(E))
    return reads(CE->getSubExpr(), R);
  if (auto *Cast = dyn_cast<CastExpr>(E))
    return reads(Cast->getSubExpr(), R);
  if (auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return reads(MT->getSubExpr(), R);
  if (auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return reads(BT->getSubExpr(), R);
  if (auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return reads(EWC->getSubExpr(), R);
  if (auto *UO = dyn_cast<UnaryOperator>(E))
    return !UO->isIncrementDecrementOp() && (Memory || UO->getOpcode() != UO_Deref) &&
           reads(UO->getSubExpr(), R);
  if (auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && BO->getOpcode() != BO_Comma && !BO->isPtrMemOp() &&
           reads(BO->getLHS(), R) && reads(BO->getRHS(), R);
  if (auto *CO = dyn_cast<ConditionalOperator>(E))
    return reads(CO->getCond(), R) && reads(CO->getTrueExpr(), R) && reads(CO->getFalseExpr(), R);
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    // Below Memory: an element of an array object, not of memory behind a pointer.
    const Expr *Base = AS->getBase()->IgnoreParenImpCasts();
    return (Memory || Base->getType()->isArrayType()) && reads(Base, R) && reads(AS->getIdx(), R);
  }
  if (auto *ME = dyn_cast<MemberExpr>(E))
    return (Memory || !ME->isArrow()) && isa<FieldDecl>(ME->getMemberDecl()) &&
           reads(ME->getBase(), R);
  if (auto *ME = dyn_cast<CXXDependentScopeMemberExpr>(E))
    return (Memory || !ME->isArrow()) && !ME->isImplicitAccess() && reads(ME->getBase(), R);
  if (auto *CE = dyn_cast<CXXConstructExpr>(E))
    return Each(CE->arguments());
  if (auto *UC = dyn_cast<CXXUnresolvedConstructExpr>(E))
    return Each(UC->arguments());
  return false;
}

// Whether argument I of the collective call may be one of its outputs (a non-const lvalue a
// reference parameter may bind): an output must belong to the thread, as other threads' later
// steps would read what it wrote.
bool mayBeOutput(const CallExpr *Call, unsigned I) {
  const Expr *A = Call->getArg(I);
  if (const FunctionDecl *FD = Call->getDirectCallee(); FD && I < FD->getNumParams()) {
    QualType P = FD->getParamDecl(I)->getType();
    return P->isLValueReferenceType() && !P->getPointeeType().isConstQualified();
  }
  return !A->isPRValue() && !A->getType().isConstQualified(); // dependent: any overload's
}

// `Coll(temp)`, `Coll()`: a temporary collective whose constructor arguments name its storage.
bool temporaryCollective(const Expr *Object) {
  Object = strip(Object);
  if (auto *CE = dyn_cast<CXXConstructExpr>(Object)) {
    for (const Expr *A : CE->arguments())
      if (!reads(A, Reach::Storage))
        return false;
    return true;
  }
  if (auto *UC = dyn_cast<CXXUnresolvedConstructExpr>(Object)) {
    for (const Expr *A : UC->arguments())
      if (!reads(A, Reach::Storage))
        return false;
    return true;
  }
  return false;
}

bool isThreadLocalVar(const VarDecl *VD) {
  return VD && VD->isLocalVarDecl() && !VD->isStaticLocal() && !VD->hasAttr<CUDASharedAttr>() &&
         !VD->getType()->isReferenceType();
}

} // namespace

bool isSteppedCollectiveCall(const CallExpr *E) {
  const Expr *Object = E ? objectOf(E) : nullptr;
  if (!Object)
    return false;
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return MC->getMethodDecl() && isSteppedClass(MC->getMethodDecl()->getParent());
  return isSteppedClass(classOf(Object->getType()));
}

const CallExpr *steppedCollectiveStatement(const Stmt *S) {
  const Expr *Call = nullptr;
  if (auto *DS = dyn_cast<DeclStmt>(S)) {
    auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!isThreadLocalVar(VD) || !VD->hasInit())
      return nullptr;
    Call = VD->getInit();
  } else if (auto *E = dyn_cast<Expr>(S)) {
    Call = E;
    if (auto *BO = dyn_cast<BinaryOperator>(strip(E)); BO && BO->getOpcode() == BO_Assign) {
      auto *DR = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens());
      if (!DR || !isThreadLocalVar(dyn_cast<VarDecl>(DR->getDecl())))
        return nullptr;
      Call = BO->getRHS();
    }
  } else {
    return nullptr;
  }
  auto *CE = dyn_cast<CallExpr>(strip(Call));
  if (!CE || !isSteppedCollectiveCall(CE) || !temporaryCollective(objectOf(CE)))
    return nullptr;
  for (unsigned I = 0; I < CE->getNumArgs(); ++I)
    if (!reads(CE->getArg(I), mayBeOutput(CE, I) ? Reach::Private : Reach::Memory))
      return nullptr;
  return CE;
}

bool holdsBarrierPoint(const Stmt *S) {
  if (!S)
    return false;
  if (auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *FD = CE->getDirectCallee();
        FD && FD->getIdentifier() && FD->getName().starts_with("__syncthreads"))
      return true;
    if (isSteppedCollectiveCall(CE))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (holdsBarrierPoint(Child))
      return true;
  return false;
}

} // namespace cu2npu
