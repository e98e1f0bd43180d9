#include "rules/atomics/SharedAtomics.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringSwitch.h>

namespace cu2npu {

namespace {

using namespace clang;

constexpr int kAfterStatementOpenings = 90;

enum class Operands { Any, Integer, None };

// The CUDA atomics npurt/device/block_atomics.h provides (with their `_block` forms), and the
// element types each takes there.
Operands operandsOf(llvm::StringRef Name) {
  Name.consume_back("_block");
  return llvm::StringSwitch<Operands>(Name)
      .Cases("atomicAdd", "atomicSub", "atomicExch", "atomicCAS", Operands::Any)
      .Cases("atomicMin", "atomicMax", "atomicAnd", "atomicOr", "atomicXor", Operands::Integer)
      .Cases("atomicInc", "atomicDec", Operands::Integer)
      .Default(Operands::None);
}

// The __shared__ variable whose storage L designates directly: `s`, `s[i]`, `s[i][j]`, `s.f`,
// `s[i].f`; nothing through a pointer value.
const VarDecl *sharedObject(const Expr *L) {
  L = L->IgnoreParens();
  if (auto *DR = dyn_cast<DeclRefExpr>(L)) {
    auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD && VD->hasAttr<CUDASharedAttr>() && !VD->getType()->isPointerType() ? VD : nullptr;
  }
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(L)) {
    auto *Decay = dyn_cast<ImplicitCastExpr>(AS->getBase()->IgnoreParens());
    return Decay && Decay->getCastKind() == CK_ArrayToPointerDecay
               ? sharedObject(Decay->getSubExpr())
               : nullptr;
  }
  if (auto *ME = dyn_cast<MemberExpr>(L))
    return ME->isArrow() ? nullptr : sharedObject(ME->getBase());
  return nullptr;
}

// Whether pointer P visibly points into a __shared__ variable: `&lvalue`, an array decayed,
// `p + i`, `i + p`, `p - i` of such a pointer.
bool pointsIntoShared(const Expr *P) {
  P = P->IgnoreParens();
  if (auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return sharedObject(Cast->getSubExpr()) != nullptr;
    return Cast->getCastKind() == CK_NoOp && pointsIntoShared(Cast->getSubExpr());
  }
  if (auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() == UO_AddrOf && sharedObject(UO->getSubExpr()) != nullptr;
  if (auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Add)
      return BO->getLHS()->getType()->isPointerType() ? pointsIntoShared(BO->getLHS())
                                                      : pointsIntoShared(BO->getRHS());
    return BO->getOpcode() == BO_Sub && BO->getLHS()->getType()->isPointerType() &&
           !BO->getRHS()->getType()->isPointerType() && pointsIntoShared(BO->getLHS());
  }
  return false;
}

class AtomicCalls : public RecursiveASTVisitor<AtomicCalls> {
public:
  explicit AtomicCalls(Context &C) : C(C) {}

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
    if (!Callee || !Ref || Ref->hasQualifier() || !Callee->getIdentifier() ||
        Call->getNumArgs() < 2 || C.spelledIn(Callee->getLocation()))
      return true; // not CUDA's own (a user function of that name is the user's)
    Operands Kind = operandsOf(Callee->getName());
    QualType Element = Call->getArg(0)->getType()->getPointeeType();
    if (Kind == Operands::None || Element.isNull() || Element.isVolatileQualified() ||
        !(Element->isIntegerType() || (Kind == Operands::Any && Element->isRealFloatingType())) ||
        Element->isBooleanType() || !pointsIntoShared(Call->getArg(0)))
      return true;
    SourceLocation Name = Ref->getLocation();
    unsigned Off = 0;
    UserFile *F = Name.isMacroID() ? nullptr : C.spelledIn(Name, &Off);
    if (!F)
      return true; // spelled in a macro: the atomic form is correct, only slower
    // After whatever opens at a statement that starts with the call (cost blocks, regions).
    F->Edits.insert(Off, "::npu::block_atomics::", kAfterStatementOpenings);
    C.countConverted(*F, "shared-memory atomic");
    return true;
  }

private:
  Context &C;
};

} // namespace

llvm::StringRef SharedAtomicsRule::name() const { return "shared-atomics"; }

void SharedAtomicsRule::onFunction(Context &C, const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody() ||
      !(FD.hasAttr<CUDAGlobalAttr>() || FD.hasAttr<CUDADeviceAttr>()))
    return;
  AtomicCalls Visitor(C);
  Visitor.TraverseStmt(FD.getBody());
}

} // namespace cu2npu
