#include "rules/cost/UnitCounter.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>

#include "rules/Context.h"
#include "rules/SyncCallees.h"
#include "rules/cost/LibraryCalls.h"
#include "rules/cost/MemorySpace.h"
#include "rules/cost/SourceText.h"

namespace cu2npu {
namespace {

using namespace clang;

// How the value of an lvalue is used where it appears.
enum class Use {
  Value,     // an operand (in template code, where no lvalue-to-rvalue cast is written: a read)
  Read,      // loaded
  Write,     // stored to
  ReadWrite, // compound assignment, ++, --
  Address    // only its address is taken (&x, array decay, the object of a member access)
};

bool isFloating(OpClass Class) {
  return Class == OpClass::Fp32 || Class == OpClass::Fp64 || Class == OpClass::Fp16;
}

// An arithmetic operation of Class: a floating division is a special-function operation.
void arithmetic(OpCounts &Cost, OpClass Class, bool Division) {
  if (Division && isFloating(Class))
    Cost.Sfu += 1;
  else
    Cost.add(Class, 1);
}

// Whether the host compiler folds E to a constant: literals, enumerators, template parameters,
// sizeof, constexpr and const-initialised const variables, and operations on those.
bool foldable(const Expr *E, int Depth = 0) {
  if (!E || Depth > 8)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) || isa<CharacterLiteral>(E) ||
      isa<CXXBoolLiteralExpr>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
      isa<SubstNonTypeTemplateParmExpr>(E) || isa<UnaryExprOrTypeTraitExpr>(E) ||
      isa<SizeOfPackExpr>(E))
    return true;
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DR->getDecl();
    if (isa<EnumConstantDecl>(D) || isa<NonTypeTemplateParmDecl>(D))
      return true;
    auto *VD = dyn_cast<VarDecl>(D);
    return VD && !isa<ParmVarDecl>(VD) && !VD->getType()->isReferenceType() &&
           (VD->isConstexpr() || (VD->getType().isConstQualified() && VD->getInit() &&
                                  foldable(VD->getInit(), Depth + 1)));
  }
  if (auto *CE = dyn_cast<ExplicitCastExpr>(E))
    return foldable(CE->getSubExpr(), Depth + 1);
  if (auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && BO->getOpcode() != BO_Comma &&
           foldable(BO->getLHS(), Depth + 1) && foldable(BO->getRHS(), Depth + 1);
  if (auto *UO = dyn_cast<UnaryOperator>(E))
    return (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Plus ||
            UO->getOpcode() == UO_Not || UO->getOpcode() == UO_LNot) &&
           foldable(UO->getSubExpr(), Depth + 1);
  if (auto *CO = dyn_cast<ConditionalOperator>(E))
    return foldable(CO->getCond(), Depth + 1) && foldable(CO->getTrueExpr(), Depth + 1) &&
           foldable(CO->getFalseExpr(), Depth + 1);
  return false;
}

class Counter {
public:
  Counter(Context &C, const SourceText &Text) : C(C), Text(Text) {}

  std::vector<CostUnit> run(const CompoundStmt &Body) {
    compound(&Body, {});
    for (size_t I = 0; I < Work.size(); ++I) { // units found while counting are appended
      Pending P = Work[I];                     // a copy: Work grows while P is counted
      Cur = &Out.emplace_back(P.Unit).Cost;
      for (const Expr *E : P.Control)
        expr(E, Use::Value);
      for (const Stmt *S : P.Stmts)
        statement(S);
    }
    return std::move(Out);
  }

private:
  struct Pending {
    CostUnit Unit;
    std::vector<const Stmt *> Stmts;
    std::vector<const Expr *> Control; // a loop's condition and increment: per iteration
  };

  Context &C;
  const SourceText &Text;
  std::vector<Pending> Work;
  std::vector<CostUnit> Out;
  OpCounts Outside; // what no unit can carry (nothing encloses the function body)
  OpCounts *Cur = &Outside;

  void addUnit(Pending P) { Work.push_back(std::move(P)); }

  bool isUserFunction(const FunctionDecl *FD) const {
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      FD = Pattern;
    return C.spelledIn(FD->getLocation()) != nullptr;
  }

  std::uint64_t bytesOf(QualType T) const {
    T = T.getNonReferenceType();
    if (T.isNull() || T->isDependentType() || T->isIncompleteType() || T->isFunctionType() ||
        T->isVoidType() || T->isSizelessType())
      return 4; // a template's element type: counted as 4 bytes, like its fp32 arithmetic
    return static_cast<std::uint64_t>(C.AST->getTypeSizeInChars(T).getQuantity());
  }

  // ---- statements ------------------------------------------------------------------------------
  void compound(const CompoundStmt *CS, std::vector<const Expr *> Control) {
    if (!Text.offsetOf(CS->getLBracLoc())) { // in a macro: counts where it is used
      for (const Expr *E : Control)
        expr(E, Use::Value);
      for (const Stmt *S : CS->body())
        statement(S);
      return;
    }
    Pending P;
    P.Unit.K = CostUnit::Kind::Compound;
    P.Unit.Compound = CS;
    // Usually the first statement; a declaration another rule moved to the top may precede it.
    for (const Stmt *S : CS->body())
      P.Unit.AlreadyCounted = P.Unit.AlreadyCounted || Text.isCostStatement(S);
    P.Stmts.assign(CS->body_begin(), CS->body_end());
    P.Control = std::move(Control);
    addUnit(std::move(P));
  }

  // The body of a loop or an if branch.
  void body(const Stmt *S, std::vector<const Expr *> Control) {
    if (!S) {
      for (const Expr *E : Control)
        expr(E, Use::Value);
      return;
    }
    if (auto *CS = dyn_cast<CompoundStmt>(S))
      return compound(CS, std::move(Control));
    if (isa<AttributedStmt>(S) || !Text.stmtBegin(S) || !Text.stmtEnd(S)) {
      for (const Expr *E : Control)
        expr(E, Use::Value);
      statement(S);
      return;
    }
    Pending P;
    P.Unit.K = CostUnit::Kind::Body;
    P.Unit.First = S;
    P.Stmts = {S};
    P.Control = std::move(Control);
    addUnit(std::move(P));
  }

  static const Stmt *afterLabels(const Stmt *S) {
    while (auto *SC = dyn_cast_or_null<SwitchCase>(S))
      S = SC->getSubStmt();
    return S;
  }

  // Each case of a switch is a unit: the statements from its label to the next label (a case
  // that falls through also runs the next case's NPU_COST, as it runs its statements).
  void switchBody(const Stmt *Body) {
    auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
    if (!CS || !Text.offsetOf(CS->getLBracLoc())) {
      statement(Body);
      return;
    }
    std::vector<Pending> Cases;
    for (const Stmt *S : CS->body()) {
      if (isa<SwitchCase>(S)) {
        Pending P;
        P.Unit.K = CostUnit::Kind::CaseSegment;
        P.Unit.First = afterLabels(S);
        P.Unit.AlreadyCounted = Text.isCostStatement(P.Unit.First);
        Cases.push_back(std::move(P));
      }
      if (!Cases.empty()) // statements before the first label never run
        Cases.back().Stmts.push_back(afterLabels(S));
    }
    for (Pending &P : Cases) {
      if (!P.Unit.First || isa<AttributedStmt>(P.Unit.First) || !Text.stmtBegin(P.Unit.First)) {
        for (const Stmt *S : P.Stmts) // cannot carry a statement: counts in the switch's unit
          statement(S);
        continue;
      }
      addUnit(std::move(P));
    }
  }

  void varInit(const VarDecl *VD) {
    if (VD && VD->getInit() && !VD->isStaticLocal() && !VD->hasExternalStorage() &&
        !VD->hasAttr<CUDASharedAttr>())
      expr(VD->getInit(), Use::Value);
  }

  void statement(const Stmt *S) {
    if (!S)
      return;
    if (auto *E = dyn_cast<Expr>(S))
      return expr(E, Use::Value);
    if (auto *CS = dyn_cast<CompoundStmt>(S))
      return compound(CS, {});
    if (auto *If = dyn_cast<IfStmt>(S)) {
      statement(If->getInit());
      varInit(If->getConditionVariable());
      if (!If->isConstexpr() && !If->isConsteval())
        expr(If->getCond(), Use::Value);
      body(If->getThen(), {});
      if (auto *ElseIf = dyn_cast_or_null<IfStmt>(If->getElse()))
        statement(ElseIf); // an else-if chain's conditions all count where the chain is
      else if (If->getElse())
        body(If->getElse(), {});
      return;
    }
    if (auto *For = dyn_cast<ForStmt>(S)) {
      statement(For->getInit());
      varInit(For->getConditionVariable());
      std::vector<const Expr *> Control;
      if (For->getCond())
        Control.push_back(For->getCond());
      if (For->getInc())
        Control.push_back(For->getInc());
      return body(For->getBody(), std::move(Control));
    }
    if (auto *W = dyn_cast<WhileStmt>(S)) {
      varInit(W->getConditionVariable());
      return body(W->getBody(), {W->getCond()});
    }
    if (auto *D = dyn_cast<DoStmt>(S))
      return body(D->getBody(), {D->getCond()});
    if (auto *RF = dyn_cast<CXXForRangeStmt>(S)) {
      statement(RF->getInit());
      expr(RF->getRangeInit(), Use::Value);
      return body(RF->getBody(), {});
    }
    if (auto *Sw = dyn_cast<SwitchStmt>(S)) {
      statement(Sw->getInit());
      varInit(Sw->getConditionVariable());
      expr(Sw->getCond(), Use::Value);
      return switchBody(Sw->getBody());
    }
    if (auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        varInit(dyn_cast<VarDecl>(D));
      return;
    }
    if (auto *R = dyn_cast<ReturnStmt>(S))
      return expr(R->getRetValue(), Use::Value);
    if (auto *A = dyn_cast<AttributedStmt>(S))
      return statement(A->getSubStmt());
    if (auto *L = dyn_cast<LabelStmt>(S))
      return statement(L->getSubStmt());
    if (auto *SC = dyn_cast<SwitchCase>(S))
      return statement(SC->getSubStmt());
    if (isa<NullStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
        isa<AsmStmt>(S))
      return;
    for (const Stmt *Child : S->children())
      statement(Child);
  }

  // ---- memory
  // ------------------------------------------------------------------------------------
  void memory(const Expr *E, Use U) {
    if (U == Use::Address || (isa<DeclRefExpr>(E) && foldable(E)))
      return; // a constant (constexpr int kTile) is folded, not loaded
    MemSpace Space = memSpaceOfLvalue(E);
    if (Space != MemSpace::Shared && Space != MemSpace::Global)
      return;
    bool Reads = U == Use::Read || U == Use::ReadWrite || (U == Use::Value && E->isTypeDependent());
    bool Writes = U == Use::Write || U == Use::ReadWrite;
    std::uint64_t Bytes = bytesOf(E->getType());
    if (Space == MemSpace::Shared) {
      Cur->Shared += Bytes * ((Reads ? 1 : 0) + (Writes ? 1 : 0));
      return;
    }
    if (Reads)
      Cur->GRead += Bytes;
    if (Writes)
      Cur->GWrite += Bytes;
  }

  // ---- expressions
  // -------------------------------------------------------------------------------
  void children(const Stmt *S) {
    for (const Stmt *Child : S->children()) {
      if (auto *E = dyn_cast_or_null<Expr>(Child))
        expr(E, Use::Value);
      else
        statement(Child);
    }
  }

  void expr(const Expr *E, Use U) {
    if (!E)
      return;
    if (auto *P = dyn_cast<ParenExpr>(E))
      return expr(P->getSubExpr(), U);
    if (auto *Cast = dyn_cast<CastExpr>(E))
      return cast(Cast, U);
    if (isa<PseudoObjectExpr>(E) || isa<OpaqueValueExpr>(E) || isa<UnaryExprOrTypeTraitExpr>(E) ||
        isa<CXXNoexceptExpr>(E) || isa<TypeTraitExpr>(E) || isa<CXXDefaultArgExpr>(E) ||
        isa<CXXDefaultInitExpr>(E) || isa<CUDAKernelCallExpr>(E) || isa<CXXTypeidExpr>(E))
      return; // threadIdx.x and friends, unevaluated operands, defaults
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      if (isa<VarDecl>(DR->getDecl()))
        memory(E, U);
      return;
    }
    if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      memory(E, U);
      const Expr *Base = AS->getBase();
      expr(Base, Base->IgnoreParens()->getType()->isArrayType() ? Use::Address : Use::Value);
      expr(AS->getIdx(), Use::Value);
      return;
    }
    if (auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<FieldDecl>(ME->getMemberDecl()) || isa<VarDecl>(ME->getMemberDecl()))
        memory(E, U);
      expr(ME->getBase(), ME->isArrow() ? Use::Value : Use::Address);
      return;
    }
    if (auto *ME = dyn_cast<CXXDependentScopeMemberExpr>(E)) {
      memory(E, U);
      if (!ME->isImplicitAccess())
        expr(ME->getBase(), ME->isArrow() ? Use::Value : Use::Address);
      return;
    }
    if (auto *UO = dyn_cast<UnaryOperator>(E))
      return unary(UO, U);
    if (auto *CA = dyn_cast<CompoundAssignOperator>(E)) {
      QualType T = CA->getComputationResultType();
      if (T.isNull() || T->isDependentType())
        T = CA->getType();
      arithmetic(*Cur, opClassOf(T), CA->getOpcode() == BO_DivAssign);
      expr(CA->getLHS(), Use::ReadWrite);
      expr(CA->getRHS(), Use::Value);
      return;
    }
    if (auto *BO = dyn_cast<BinaryOperator>(E))
      return binary(BO, U);
    if (auto *CO = dyn_cast<ConditionalOperator>(E)) {
      expr(CO->getCond(), Use::Value);
      expr(CO->getTrueExpr(), U);
      expr(CO->getFalseExpr(), U);
      return;
    }
    if (auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      return operatorCall(OC);
    if (auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return memberCall(MC);
    if (auto *Call = dyn_cast<CallExpr>(E))
      return call(Call);
    if (auto *CE = dyn_cast<CXXConstructExpr>(E))
      return construct(CE);
    if (auto *L = dyn_cast<LambdaExpr>(E)) {
      if (auto *Body = dyn_cast_or_null<CompoundStmt>(L->getBody()))
        compound(Body, {}); // runs when called: a unit of its own
      return;
    }
    if (auto *SE = dyn_cast<StmtExpr>(E))
      return statement(SE->getSubStmt());
    if (auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      return expr(MT->getSubExpr(), U);
    if (auto *FE = dyn_cast<FullExpr>(E))
      return expr(FE->getSubExpr(), U);
    if (auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      return expr(BT->getSubExpr(), U);
    children(E);
  }

  void cast(const CastExpr *E, Use U) {
    const Expr *Sub = E->getSubExpr();
    switch (E->getCastKind()) {
    case CK_LValueToRValue:
      return expr(Sub, Use::Read);
    case CK_ArrayToPointerDecay:
    case CK_FunctionToPointerDecay:
      return expr(Sub, Use::Address);
    case CK_IntegralToFloating:
    case CK_FloatingToIntegral:
      if (!foldable(Sub))
        Cur->IntOps += 1;
      return expr(Sub, Use::Value);
    case CK_NoOp:
    case CK_LValueBitCast:
    case CK_Dependent:
    case CK_UncheckedDerivedToBase:
    case CK_DerivedToBase:
      return expr(Sub, U);
    default:
      return expr(Sub, Use::Value);
    }
  }

  void unary(const UnaryOperator *UO, Use U) {
    const Expr *Sub = UO->getSubExpr();
    switch (UO->getOpcode()) {
    case UO_Deref:
      memory(UO, U);
      return expr(Sub, Use::Value);
    case UO_AddrOf:
      return expr(Sub, Use::Address);
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec:
      Cur->add(opClassOf(Sub->getType()), 1);
      return expr(Sub, Use::ReadWrite);
    case UO_Minus:
    case UO_Not:
      if (!foldable(Sub))
        Cur->add(opClassOf(UO->getType()), 1);
      return expr(Sub, Use::Value);
    case UO_LNot:
      if (!foldable(Sub))
        Cur->IntOps += 1;
      return expr(Sub, Use::Value);
    default:
      return expr(Sub, Use::Value);
    }
  }

  void binary(const BinaryOperator *BO, Use U) {
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    switch (BO->getOpcode()) {
    case BO_Assign:
      expr(L, Use::Write);
      return expr(R, Use::Value);
    case BO_Comma:
      expr(L, Use::Value);
      return expr(R, U);
    case BO_PtrMemD:
    case BO_PtrMemI:
      expr(L, Use::Value);
      return expr(R, Use::Value);
    default:
      break;
    }
    if (!(foldable(L) && foldable(R))) {
      if (BO->isLogicalOp())
        Cur->IntOps += 1;
      else if (BO->isComparisonOp())
        Cur->add(opClassOf(L->getType()), 1);
      else
        arithmetic(*Cur, opClassOf(BO->getType()), BO->getOpcode() == BO_Div);
    }
    expr(L, Use::Value);
    expr(R, Use::Value);
  }

  // ---- calls
  // -------------------------------------------------------------------------------------
  void arguments(const CallExpr *Call, unsigned From = 0) {
    for (unsigned I = From; I < Call->getNumArgs(); ++I)
      expr(Call->getArg(I), Use::Value);
  }

  static bool blockScopeGroup(QualType T) {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->getIdentifier())
      return true;
    llvm::StringRef N = RD->getName();
    return !N.contains("tile") && !N.contains("coalesced");
  }

  // __ldg(p) and friends read *p; __stcs(p, v) and friends write it.
  bool cacheHintedAccess(llvm::StringRef Name, const CallExpr *Call) {
    bool Load = Name == "__ldg" || Name == "__ldcg" || Name == "__ldca" || Name == "__ldcs" ||
                Name == "__ldlu" || Name == "__ldcv";
    bool Store = Name == "__stcg" || Name == "__stcs" || Name == "__stwb" || Name == "__stwt";
    if ((!Load && !Store) || Call->getNumArgs() == 0)
      return false;
    QualType P = Call->getArg(0)->IgnoreParenImpCasts()->getType();
    std::uint64_t Bytes = P->isPointerType() ? bytesOf(P->getPointeeType()) : 4;
    (Load ? Cur->GRead : Cur->GWrite) += Bytes;
    return true;
  }

  void libraryCall(llvm::StringRef Name, const CallExpr *Call) {
    if (cacheHintedAccess(Name, Call))
      return;
    OpClass First = Call->getNumArgs() ? opClassOf(Call->getArg(0)->getType()) : OpClass::None;
    *Cur += libraryCallCost(Name, opClassOf(Call->getType()), First);
  }

  void call(const CallExpr *Call) {
    const Expr *Callee = Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr;
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      llvm::StringRef Name = FD->getIdentifier() ? FD->getName() : "";
      if (inCooperativeGroups(FD)) {
        bool BlockScope = true;
        if (auto *MD = dyn_cast<CXXMethodDecl>(FD)) // static member: thread_block::sync()
          BlockScope = blockScopeGroup(C.AST->getRecordType(MD->getParent()));
        else if (Call->getNumArgs())
          BlockScope = blockScopeGroup(Call->getArg(0)->getType());
        *Cur += cooperativeGroupsCost(Name, BlockScope);
      } else if (!isUserFunction(FD) && !Name.empty()) {
        libraryCall(Name, Call);
      }
      if (auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
        expr(ME->getBase(), Use::Address);
      return arguments(Call);
    }
    if (auto *UL = dyn_cast_or_null<UnresolvedLookupExpr>(Callee)) { // template code
      bool User = false, Groups = false;
      for (const NamedDecl *D : UL->decls()) {
        const NamedDecl *U = D->getUnderlyingDecl();
        if (auto *FT = dyn_cast<FunctionTemplateDecl>(U))
          U = FT->getTemplatedDecl();
        if (auto *FD = dyn_cast<FunctionDecl>(U)) {
          User = User || isUserFunction(FD);
          Groups = Groups || inCooperativeGroups(FD);
        }
      }
      std::string Name = UL->getName().getAsString();
      if (Groups)
        *Cur += cooperativeGroupsCost(Name, Call->getNumArgs() == 0 ||
                                                blockScopeGroup(Call->getArg(0)->getType()));
      else if (!User)
        libraryCall(Name, Call);
      return arguments(Call);
    }
    if (auto *ME = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee)) {
      // A member call on an object of a template-dependent type: only the group operations are
      // recognised, by name (a dependent group's sync() counts as a block barrier).
      std::string Name = ME->getMember().getAsString();
      *Cur += cooperativeGroupsCost(Name, Name == "sync");
      if (!ME->isImplicitAccess())
        expr(ME->getBase(), Use::Address);
      return arguments(Call);
    }
    if (auto *ME = dyn_cast_or_null<UnresolvedMemberExpr>(Callee)) {
      bool Groups = false, User = false;
      for (const NamedDecl *D : ME->decls()) {
        Groups = Groups || inCooperativeGroups(D);
        if (auto *FD = dyn_cast<FunctionDecl>(D->getUnderlyingDecl()))
          User = User || isUserFunction(FD);
      }
      if (Groups)
        *Cur += cooperativeGroupsCost(ME->getName().getAsString(),
                                      ME->isImplicitAccess() || blockScopeGroup(ME->getBaseType()));
      if (!ME->isImplicitAccess())
        expr(ME->getBase(), Use::Address);
      return arguments(Call);
    }
    expr(Callee, Use::Value); // through a pointer or a callable object: the callee's own cost
    arguments(Call);
  }

  void memberCall(const CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!MD) {
      expr(Object, Use::Address);
      return arguments(Call);
    }
    llvm::StringRef Name = MD->getIdentifier() ? MD->getName() : "";
    if (inCooperativeGroups(MD)) {
      // The group's own type: t.sync() is thread_group::sync() called on a tile.
      *Cur += cooperativeGroupsCost(
          Name, Object ? blockScopeGroup(Object->IgnoreParenImpCasts()->getType())
                       : blockScopeGroup(C.AST->getRecordType(MD->getParent())));
      expr(Object, Use::Address);
    } else if (isa<CXXConversionDecl>(MD) && !isUserFunction(MD) &&
               opClassOf(C.AST->getRecordType(MD->getParent())) == OpClass::Fp16) {
      Cur->IntOps += 1; // __half -> float and friends
      expr(Object, Use::Read);
    } else {
      expr(Object, Use::Address);
    }
    arguments(Call);
  }

  void operatorCall(const CXXOperatorCallExpr *Call) {
    OverloadedOperatorKind Op = Call->getOperator();
    const FunctionDecl *FD = Call->getDirectCallee();
    unsigned N = Call->getNumArgs();
    if (FD && isUserFunction(FD) && !FD->isImplicit())
      return arguments(Call); // the program's own operator: its body counts itself
    if (Op == OO_Call || Op == OO_Subscript || Op == OO_Arrow || N == 0)
      return children(Call);
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
    if (Op == OO_Equal && N == 2) {
      if (!MD || MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) {
        expr(Call->getArg(0), Use::Write);
        return expr(Call->getArg(1), Use::Read);
      }
      Cur->IntOps += 1; // a converting assignment: __half = float
      expr(Call->getArg(0), Use::Write);
      return expr(Call->getArg(1), Use::Value);
    }
    // Arithmetic on a library type (__half, __half2, __nv_bfloat16) or, in template code, on an
    // operand of a dependent type.
    OpClass Class = opClassOf(Call->getArg(0)->getType());
    bool Compound = Op == OO_PlusEqual || Op == OO_MinusEqual || Op == OO_StarEqual ||
                    Op == OO_SlashEqual || Op == OO_PercentEqual || Op == OO_AmpEqual ||
                    Op == OO_PipeEqual || Op == OO_CaretEqual || Op == OO_LessLessEqual ||
                    Op == OO_GreaterGreaterEqual;
    bool Step = Op == OO_PlusPlus || Op == OO_MinusMinus;
    if (Class != OpClass::None && Op != OO_Comma && Op != OO_AmpAmp && Op != OO_PipePipe)
      arithmetic(*Cur, Class, Op == OO_Slash || Op == OO_SlashEqual);
    else if (Op == OO_AmpAmp || Op == OO_PipePipe || Op == OO_Exclaim)
      Cur->IntOps += 1;
    expr(Call->getArg(0), Compound || Step ? Use::ReadWrite : Use::Read);
    for (unsigned I = 1; I < N; ++I)
      expr(Call->getArg(I), Use::Read);
  }

  void construct(const CXXConstructExpr *CE) {
    const CXXConstructorDecl *CD = CE->getConstructor();
    if (CD && CD->isCopyOrMoveConstructor() && CE->getNumArgs() >= 1 &&
        (!isUserFunction(CD) || CD->isImplicit() || CD->isDefaulted())) {
      expr(CE->getArg(0), Use::Read); // a copy of the object: `float4 v = p[i];`
      for (unsigned I = 1; I < CE->getNumArgs(); ++I)
        expr(CE->getArg(I), Use::Value);
      return;
    }
    if (CD && !isUserFunction(CD) && CE->getNumArgs() == 1 &&
        opClassOf(CE->getType()) == OpClass::Fp16) {
      OpClass From = opClassOf(CE->getArg(0)->getType());
      if (From == OpClass::Fp32 || From == OpClass::Fp64 || From == OpClass::Int)
        Cur->IntOps += 1; // float -> __half and friends
    }
    for (const Expr *Arg : CE->arguments())
      expr(Arg, Use::Value);
  }
};

} // namespace

std::vector<CostUnit> countUnits(Context &C, const CompoundStmt &Body, const SourceText &Text) {
  return Counter(C, Text).run(Body);
}

} // namespace cu2npu
