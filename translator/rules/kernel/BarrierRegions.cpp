// Barrier-free regions: a kernel whose barriers are all at block level runs as a sequence of plain
// loops over the block's threads (npurt/device/regions.h) instead of one fiber per thread.
//
// Block level is the kernel body and, recursively, the bodies of the loops, ifs and nested blocks
// that contain a barrier. Such a statement is kept outside the thread loops, so its control must
// be uniform: the same for every thread of the block. The analysis is deliberately conservative;
// whenever a kernel does not fit, nothing is edited and the caller emits the fiber form.
//
//   - Uniform values: literals, template parameters, enumerators, constants, blockIdx, blockDim,
//     gridDim, kernel parameters never written, and scalar locals declared at block level whose
//     every write is a block-level statement (or a hoisted loop's increment) with a uniform value.
//     No threadIdx, no memory read, no call but min/max, no integer division by a value that
//     could be zero.
//   - Statements: `__syncthreads();` at block level ends a region; block-level declarations of
//     uniform variables that block-level control needs, their updates, and __shared__ / static
//     declarations stay between the regions; everything else runs in a region.
//   - Locals declared in one region and used in a later one get one slot per thread
//     (npu_block.per_thread<T>()) and are re-bound by reference at the top of each region.
//   - A hoisted loop's increment keeps its writes of uniform variables at block level; every
//     other operand of its commas (`++z, i += slice`: a per-thread cursor) runs per thread, as a
//     region of its own in place (a comma operand), after the body's last region.
//   - A block-level statement whose own expression holds warp shuffles, votes or reductions
//     (rules/warp/LaneExchange.h) ends a region like a barrier: a region publishes each call's
//     operand, the statement opens the next and reads its warp's lanes (npu_block.lanes());
//     `__syncwarp();` there is a split point. A kernel whose warp operations do not all fit is
//     planned again with them on fibers (below).
//   - A block-level statement that calls a library collective written in steps
//     (rules/kernel/Collectives.h: `int sum = BlockReduceT(temp).Sum(v);`) is a region of its own,
//     `npu_block.collective(...)`, which runs it for every thread once per step.
//   - `return;` marks the thread exited; later regions skip it (Volta barrier semantics).
//   - Fibers instead: other barrier forms, warp operations, cooperative groups, callees that
//     synchronise or are unknown, warp-synchronous volatile accesses and spin-waits, goto, lambdas,
//     asm, break/continue out of a block-level loop, a barrier anywhere else, and anything in a
//     macro where an edit would have to go.
#include "rules/kernel/BarrierRegions.h"
#include "rules/kernel/BlockCalls.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/CharInfo.h>
#include <clang/Lex/Lexer.h>

#include "mapping/Mapping.h"
#include "rules/Context.h"
#include "rules/SyncCallees.h"
#include "rules/cost/CostRule.h"
#include "rules/kernel/Collectives.h"
#include "rules/kernel/FastPathGuard.h"
#include "rules/kernel/LoopInterchange.h"
#include "rules/kernel/ThreadLoop.h"
#include "rules/kernel/ThreadParams.h"
#include "rules/warp/LaneExchange.h"

namespace cu2npu {
namespace {

using namespace clang;

const FunctionDecl *calleeOf(const CallExpr *E) { return E ? E->getDirectCallee() : nullptr; }

const InterchangedLoops NoInterchange; // a plan that keeps no loop at block level but for barriers

// T without its cv-qualifiers as source spells it, or empty for a type with no name outside the
// declaration that gives it one (an unnamed struct, an anonymous namespace's).
std::string spelledType(const Context &C, QualType T) {
  PrintingPolicy PP(C.LO);
  PP.SuppressTagKeyword = true;
  std::string Name = T.getUnqualifiedType().getAsString(PP);
  if (Name.find("(unnamed") != std::string::npos || Name.find("(anonymous") != std::string::npos)
    return "";
  return Name;
}

bool isBarrierStmt(const Stmt *S) {
  auto *CE = dyn_cast<CallExpr>(S);
  const FunctionDecl *FD = calleeOf(CE);
  return FD && FD->getIdentifier() && FD->getName() == "__syncthreads" && CE->getNumArgs() == 0;
}

// One stretch of region statements: body statements [First, Last] of one block-level compound.
struct Region {
  std::vector<const Stmt *> Stmts;
  unsigned Begin = 0, End = 0; // file offsets: first statement's start, last statement's end
  std::set<const VarDecl *> Declared;
  bool Increment = false;  // one operand of a hoisted loop's increment, wrapped where it stands
  bool Collective = false; // a collective statement, run once per step of its collective
  bool Guard = false;      // the condition of a guard (Stmts: the if), run as an exit test
  bool Fibers = false;     // a statement that waits inside, run for every thread on fibers
  const Stmt *Publish =
      nullptr;         // the statement whose exchange operands or call arguments it evaluates
  bool Braced = false; // the publishing region and its statement are a loop's body with no braces
  std::string Prefix;  // after the bindings: a thread-strided loop's own variable
  bool GuardedStride = false;  // Prefix tests its loop's condition as npu_guard.exits(...)
  bool MonotoneStride = false; // ... and the condition holds for a row if for its last lane
};

class Planner {
public:
  // Callee: K is a device function planned for its block-level copy (BlockCalls.h).
  Planner(Context &C, const FunctionDecl &K, UserFile &F, const InterchangedLoops &Interchanged,
          bool Collapsing, bool Callee = false)
      : C(C), K(K), F(F), Body(cast<CompoundStmt>(K.getBody())),
        PM(const_cast<CompoundStmt *>(Body)), Text(C.text(F.FID)), Interchanged(Interchanged),
        Collapsing(Collapsing), Callee(Callee) {}

  // Callee mode, after run(): the copy's parameter names, one per parameter.
  std::vector<std::string> ParamSlots;

  std::string run(RegionPlan *Plan);

private:
  Context &C;
  const FunctionDecl &K;
  UserFile &F;
  const CompoundStmt *Body;
  ParentMap PM;
  llvm::StringRef Text;
  const InterchangedLoops &Interchanged; // loops kept at block level with no barrier
  // Block-level statements with warp operations of their own (rules/warp/LaneExchange.h) or
  // calls of device functions that synchronise (BlockCalls.h) split regions as barriers do;
  // without, such a statement is a region on fibers.
  const bool Collapsing;
  std::map<const Stmt *, std::vector<LaneExchangeCall>> Exchanges;
  std::set<const CallExpr *> ExchangeCalls;
  // Callee mode: parameters and the result are per-thread slots of the caller; no thread exits
  // (the one return is the last statement, and stores the result).
  const bool Callee;
  const ReturnStmt *FinalReturn = nullptr;
  // Block-level calls (BlockCalls.h): each statement's call of a callee with a copy.
  std::map<const Stmt *, const CallExpr *> CallSites;
  std::set<const CallExpr *> ExpandedCalls;
  // Thread-strided loops (LoopInterchange.h): the thread term of each one's initialiser, which
  // counts as 0 at block level (ZeroedTerms) and is added back in the body's region.
  std::map<const ForStmt *, const Expr *> Strided;
  std::set<const Expr *> ZeroedTerms;

  // The block-level statements: compounds, a hoisted loop's body that is one statement (a region
  // of its own), and guards (ifs with a thread-dependent condition, last on every level up to the
  // kernel body: `if (row < n) { ... }` runs as `if (!(row < n)) return;` and what it holds).

  std::vector<const CompoundStmt *> Blocks; // block-level compounds, kernel body first
  std::vector<const Stmt *> LoopBodies;     // hoisted loops' bodies that are one region statement
  std::set<const IfStmt *> TailIfs;         // ifs that may be guards (their conditions decide)
  std::set<const IfStmt *> Guards;
  std::set<const Stmt *> Hoisted; // loops / ifs / blocks kept outside the regions
  std::set<const Stmt *> Barriers;
  std::set<const Stmt *> Collectives;         // statements that call a collective in steps
  std::set<const Stmt *> Fibered;             // statements that wait inside: regions on fibers
  bool InsideFibers = false;                  // checkCalleesAndJumps is in a Fibered statement
  std::set<const CallExpr *> CollectiveCalls; // their calls
  std::vector<const Expr *> Controls;         // hoisted conditions and increments
  // Increment operands that run per thread, in source order; nullptr stands between two that
  // are not neighbours in one comma list (a block-level operand or another loop between them).
  std::vector<const Expr *> ThreadIncrements;
  std::set<const VarDecl *> Cand, Hoist;
  std::map<const VarDecl *, std::vector<const DeclRefExpr *>> Uses;
  std::map<const VarDecl *, std::vector<const Expr *>> WriteValues; // block-level writes' RHS
  std::set<const Stmt *> BlockLevelWrites; // expressions that are block-level writes
  std::vector<Region> Regions;
  std::vector<const ReturnStmt *> Returns;
  std::vector<const ContinueStmt *> Continues; // in thread-strided loops' bodies: `return;`
  std::set<std::string> LocalTypeNames; // types the kernel declares (not nameable in the prelude)

  bool holdsSplitPoint(const Stmt *S) const;
  bool exchangePoint(const Stmt *S);
  const CallExpr *blockLevelCall(const Stmt *S) const;
  bool callPoint(const Stmt *S);
  bool structure(const CompoundStmt *CS, bool Tail);
  bool checkCalleesAndJumps(const Stmt *S);
  bool waitsInside(const Stmt *S) const;
  bool operatorsOver(const Expr *E, const std::function<bool(const Expr *)> &Leaf,
                     bool Divisors) const;
  bool uniform(const Expr *E) const;
  bool isReadUse(const DeclRefExpr *DR) const;
  const VarDecl *writtenVar(const Expr *E, const Expr **Value) const;
  bool blockLevelWritePosition(const Expr *E) const;
  bool analyseVariables();
  std::optional<unsigned> offsetOf(SourceLocation L) const;
  std::optional<unsigned> beginOf(SourceLocation L) const;
  std::optional<unsigned> stmtBegin(const Stmt *S) const;
  std::optional<unsigned> stmtEnd(const Stmt *S) const;
  std::optional<unsigned> afterToken(SourceLocation L) const;
  std::optional<unsigned> afterSemi(SourceLocation EndTok) const;
  std::string indentAt(unsigned Off) const;
  std::string typeName(const VarDecl *VD) const;
  std::map<const VarDecl *, std::string>
  recomputedLocals(const std::set<const DeclStmt *> &PerThreadDecls,
                   const std::vector<const ParmVarDecl *> &CopiedParams);
};

std::optional<unsigned> Planner::offsetOf(SourceLocation L) const {
  if (L.isInvalid() || L.isMacroID())
    return std::nullopt;
  unsigned Off = 0;
  if (C.spelledIn(L, &Off) != &F)
    return std::nullopt;
  return Off;
}

std::optional<unsigned> Planner::afterToken(SourceLocation L) const {
  SourceLocation MacroEnd;
  if (L.isMacroID() && Lexer::isAtEndOfMacroExpansion(L, C.SM, C.LO, &MacroEnd))
    L = MacroEnd;
  auto Off = offsetOf(L);
  if (!Off)
    return std::nullopt;
  return *Off + Lexer::MeasureTokenLength(L, C.SM, C.LO);
}

// After the ';' that ends a simple statement whose last token is at EndTok.
std::optional<unsigned> Planner::afterSemi(SourceLocation EndTok) const {
  auto Off = afterToken(EndTok);
  if (!Off)
    return std::nullopt;
  unsigned I = *Off;
  while (I < Text.size()) {
    if (Text[I] == ' ' || Text[I] == '\t' || Text[I] == '\n' || Text[I] == '\r') {
      ++I;
      continue;
    }
    if (Text.substr(I).starts_with("//")) {
      I = Text.find('\n', I);
      if (I == llvm::StringRef::npos)
        return std::nullopt;
      continue;
    }
    if (Text.substr(I).starts_with("/*")) {
      I = Text.find("*/", I);
      if (I == llvm::StringRef::npos)
        return std::nullopt;
      I += 2;
      continue;
    }
    break;
  }
  if (I < Text.size() && Text[I] == ';')
    return I + 1;
  return std::nullopt;
}

std::optional<unsigned> Planner::beginOf(SourceLocation L) const {
  SourceLocation MacroBegin;
  if (L.isMacroID() && Lexer::isAtStartOfMacroExpansion(L, C.SM, C.LO, &MacroBegin))
    L = MacroBegin;
  return offsetOf(L);
}

// A statement's first character; a loop under `#pragma unroll` starts at the '#'.
std::optional<unsigned> Planner::stmtBegin(const Stmt *S) const {
  auto Off = beginOf(S->getBeginLoc());
  if (!Off || !isa<AttributedStmt>(S))
    return Off;
  size_t LineStart = Text.rfind('\n', *Off);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Text.substr(LineStart, *Off - LineStart);
  if (Line.ltrim(" \t").starts_with("#"))
    return LineStart + (Line.size() - Line.ltrim(" \t").size());
  return Off;
}

std::optional<unsigned> Planner::stmtEnd(const Stmt *S) const {
  if (auto *CS = dyn_cast<CompoundStmt>(S))
    return afterToken(CS->getRBracLoc());
  if (auto *If = dyn_cast<IfStmt>(S))
    return stmtEnd(If->getElse() ? If->getElse() : If->getThen());
  if (auto *For = dyn_cast<ForStmt>(S))
    return stmtEnd(For->getBody());
  if (auto *W = dyn_cast<WhileStmt>(S))
    return stmtEnd(W->getBody());
  if (auto *RF = dyn_cast<CXXForRangeStmt>(S))
    return stmtEnd(RF->getBody());
  if (auto *Sw = dyn_cast<SwitchStmt>(S))
    return stmtEnd(Sw->getBody());
  if (auto *A = dyn_cast<AttributedStmt>(S))
    return stmtEnd(A->getSubStmt());
  if (auto *DS = dyn_cast<DeclStmt>(S))
    return afterToken(DS->getEndLoc()); // the ';'
  if (auto *N = dyn_cast<NullStmt>(S))
    return afterToken(N->getSemiLoc());
  if (auto *D = dyn_cast<DoStmt>(S))
    return afterSemi(D->getRParenLoc());
  if (isa<Expr>(S) || isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S))
    return afterSemi(S->getEndLoc());
  return std::nullopt;
}

std::string Planner::indentAt(unsigned Off) const {
  unsigned B = Off;
  while (B > 0 && (Text[B - 1] == ' ' || Text[B - 1] == '\t'))
    --B;
  if (B > 0 && Text[B - 1] != '\n')
    return " ";
  return Text.substr(B, Off - B).str();
}

// The type of a per-thread slot, spelled where the prelude declares the arrays (before the body's
// statements). Empty when it cannot be spelled there: an `auto` whose type depends on a template
// parameter is deduced from its initialiser, which must then name only what the prelude sees.
std::string Planner::typeName(const VarDecl *VD) const {
  QualType T = VD->getType();
  if (T->getContainedDeducedType() && T->isDependentType()) {
    const Expr *Init = VD->getInit();
    if (!Init || !T->getAs<AutoType>() || VD->getInitStyle() != VarDecl::CInit)
      return "";
    bool Visible = true;
    std::function<void(const Stmt *)> Check = [&](const Stmt *S) {
      if (!S || !Visible)
        return;
      if (auto *DR = dyn_cast<DeclRefExpr>(S))
        if (auto *V = dyn_cast<VarDecl>(DR->getDecl()); V && V->isLocalVarDecl())
          Visible = false; // declared in the body: not in scope in the prelude
      for (const Stmt *Child : S->children())
        Check(Child);
    };
    Check(Init);
    auto B = beginOf(Init->getBeginLoc());
    auto E = afterToken(Init->getEndLoc());
    if (!Visible || !B || !E || *E <= *B)
      return "";
    return "::std::decay_t<decltype(" + Text.slice(*B, *E).str() + ")>";
  }
  if (T->getContainedDeducedType())
    T = T.getCanonicalType();
  // A type the kernel declares is not in scope where the prelude spells the slot.
  std::string Name = spelledType(C, T);
  for (size_t I = 0; I < Name.size();) {
    if (!isAsciiIdentifierStart(Name[I])) {
      ++I;
      continue;
    }
    size_t E = I;
    while (E < Name.size() && isAsciiIdentifierContinue(Name[E]))
      ++E;
    if (LocalTypeNames.count(Name.substr(I, E - I)))
      return "";
    I = E;
  }
  return Name;
}

bool Planner::holdsSplitPoint(const Stmt *S) const {
  if (!S)
    return false;
  if (Interchanged.count(S) || holdsBarrierPoint(S))
    return true;
  if (Collapsing && (isSyncWarpStmt(S) ||
                     ((isa<DeclStmt>(S) || isa<Expr>(S)) && laneExchanges(C, S).has_value())))
    return true;
  if (blockLevelCall(S))
    return true;
  for (const Stmt *Child : S->children())
    if (holdsSplitPoint(Child))
      return true;
  return false;
}

// The locals of PerThreadDecls' declarations that each region can compute again, with the
// declaration that does it ("const int row = blockIdx.x * blockDim.x + threadIdx.x;"): scalars
// written only by their initialiser, which reads nothing but the built-ins, literals, constants,
// parameters and block-level locals never written after their initialisers, and other such
// locals, through operators (operatorsOver). Every variable of a declaration or none.
std::map<const VarDecl *, std::string>
Planner::recomputedLocals(const std::set<const DeclStmt *> &PerThreadDecls,
                          const std::vector<const ParmVarDecl *> &CopiedParams) {
  // A name the init reads must mean the same variable wherever the init is spelled again.
  std::map<std::string, int> NameCount;
  for (const ParmVarDecl *P : K.parameters())
    ++NameCount[P->getNameAsString()];
  std::function<void(const Stmt *)> CountNames = [&](const Stmt *S) {
    if (!S)
      return;
    if (auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (auto *ND = dyn_cast<NamedDecl>(D))
          ++NameCount[ND->getNameAsString()];
    for (const Stmt *Child : S->children())
      CountNames(Child);
  };
  CountNames(Body);
  auto OnlyRead = [&](const VarDecl *VD) {
    return std::all_of(Uses[VD].begin(), Uses[VD].end(),
                       [&](const DeclRefExpr *DR) { return isReadUse(DR); });
  };
  std::set<const VarDecl *> Ok;
  for (const DeclStmt *DS : PerThreadDecls)
    for (const Decl *D : DS->decls()) {
      auto *VD = cast<VarDecl>(D);
      QualType T = VD->getType();
      if (VD->hasInit() && T->isScalarType() && !T.isVolatileQualified() && !T->isDependentType() &&
          OnlyRead(VD))
        Ok.insert(VD);
    }
  // Divisions need no check: the declaring region evaluated the same operands for this thread.
  auto Leaf = [&](const Expr *E) {
    if (builtinVarName(E))
      return true;
    auto *VD = cast<VarDecl>(cast<DeclRefExpr>(E)->getDecl());
    if (!VD->isLocalVarDeclOrParm() || NameCount[VD->getNameAsString()] != 1)
      return false;
    if (auto *P = dyn_cast<ParmVarDecl>(VD))
      return Cand.count(P) &&
             std::find(CopiedParams.begin(), CopiedParams.end(), P) == CopiedParams.end();
    return Ok.count(VD) || (Hoist.count(VD) && OnlyRead(VD));
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const DeclStmt *DS : PerThreadDecls) {
      bool All = true;
      for (const Decl *D : DS->decls()) {
        auto *VD = cast<VarDecl>(D);
        All = All && Ok.count(VD) && operatorsOver(VD->getInit(), Leaf, false);
      }
      if (All)
        continue;
      for (const Decl *D : DS->decls())
        Changed = Ok.erase(cast<VarDecl>(D)) || Changed;
    }
  }
  std::map<const VarDecl *, std::string> Out;
  for (const VarDecl *VD : Ok) {
    auto B = beginOf(VD->getInit()->getBeginLoc());
    auto E = afterToken(VD->getInit()->getEndLoc());
    std::string Type = typeName(VD);
    if (!B || !E || *E <= *B || Type.empty())
      return {};
    // `T const`: for a pointer the pointer is constant, not what it points to.
    Out[VD] = Type + " const " + VD->getNameAsString() + " = " + Text.slice(*B, *E).str() + ";";
  }
  return Out;
}

// A block-level statement whose warp operations split it from the region before (recorded).
bool Planner::exchangePoint(const Stmt *S) {
  if (!Collapsing)
    return false;
  std::optional<std::vector<LaneExchangeCall>> Calls = laneExchanges(C, S);
  if (!Calls)
    return false;
  for (const LaneExchangeCall &X : *Calls)
    ExchangeCalls.insert(X.Call);
  Exchanges[S] = std::move(*Calls);
  return true;
}

// The call of a block-level call statement: `x = f(...);` (x a variable), `T x = f(...);` or
// `f(...);`, f a device function with a block-level copy (BlockCalls.h).
const CallExpr *Planner::blockLevelCall(const Stmt *S) const {
  if (!Collapsing)
    return nullptr;
  const Expr *Value = nullptr;
  if (auto *DS = dyn_cast<DeclStmt>(S)) {
    auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!VD || !VD->hasInit() || VD->getInitStyle() != VarDecl::CInit || VD->isStaticLocal() ||
        VD->getType()->isReferenceType())
      return nullptr;
    Value = VD->getInit();
  } else if (auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreParens();
    if (auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Assign) {
      if (!isa<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
        return nullptr;
      Value = BO->getRHS();
    } else {
      Value = E;
    }
  } else {
    return nullptr;
  }
  auto *CE = dyn_cast<CallExpr>(Value->IgnoreParenImpCasts());
  if (!CE || CE->getStmtClass() != Stmt::CallExprClass || !blockCallee(C, K, *CE))
    return nullptr;
  return CE;
}

bool Planner::callPoint(const Stmt *S) {
  const CallExpr *CE = blockLevelCall(S);
  if (!CE)
    return false;
  CallSites[S] = CE;
  ExpandedCalls.insert(CE);
  return true;
}

// Tail: CS is the kernel body or a guard's branch that is last on every level up to it.
bool Planner::structure(const CompoundStmt *CS, bool Tail) {
  Blocks.push_back(CS);
  for (auto It = CS->body_begin(); It != CS->body_end(); ++It) {
    const Stmt *S = *It;
    if (isBarrierStmt(S) || (Collapsing && isSyncWarpStmt(S))) {
      Barriers.insert(S);
      continue;
    }
    if (exchangePoint(S) || callPoint(S))
      continue;
    if (const CallExpr *Call = steppedCollectiveStatement(S)) {
      CollectiveCalls.insert(Call);
      Collectives.insert(S);
      continue;
    }
    if (!holdsSplitPoint(S)) {
      if (waitsInside(S))
        Fibered.insert(S);
      continue;
    }
    Hoisted.insert(S);
    if (auto *A = dyn_cast<AttributedStmt>(S); A && isa<ForStmt>(A->getSubStmt())) {
      S = A->getSubStmt(); // `#pragma unroll` before a loop that holds a split point
      Hoisted.insert(S);
    }
    const bool Last = Tail && std::next(It) == CS->body_end();
    if (auto *For = dyn_cast<ForStmt>(S)) {
      if (!For->getCond() || For->getConditionVariable())
        return false;
      Controls.push_back(For->getCond());
      if (For->getInc())
        Controls.push_back(For->getInc());
      if (auto It = Interchanged.find(For); It != Interchanged.end() && It->second) {
        if (holdsSplitPoint(For->getBody()))
          return false;
        Strided[For] = It->second;
        ZeroedTerms.insert(It->second);
        LoopBodies.push_back(For->getBody()); // one region, whatever it holds
      } else if (auto *B = dyn_cast<CompoundStmt>(For->getBody())) {
        if (!structure(B, false))
          return false;
      } else if (exchangePoint(For->getBody()) || callPoint(For->getBody())) {
        LoopBodies.push_back(For->getBody()); // its publishing region and itself
      } else if (holdsSplitPoint(For->getBody())) {
        return false;
      } else {
        LoopBodies.push_back(For->getBody());
      }
    } else if (auto *W = dyn_cast<WhileStmt>(S)) {
      auto *B = dyn_cast<CompoundStmt>(W->getBody());
      if (!B || W->getConditionVariable())
        return false;
      Controls.push_back(W->getCond());
      if (!structure(B, false))
        return false;
    } else if (auto *If = dyn_cast<IfStmt>(S)) {
      auto *Then = dyn_cast<CompoundStmt>(If->getThen());
      auto *Else = dyn_cast_or_null<CompoundStmt>(If->getElse());
      if (!Then || (If->getElse() && !Else) || If->getInit() || If->getConditionVariable() ||
          If->isConsteval())
        return false;
      Controls.push_back(If->getCond());
      if (Last && !Else)
        TailIfs.insert(If);
      if (!structure(Then, Last && !Else) || (Else && !structure(Else, false)))
        return false;
    } else if (auto *B = dyn_cast<CompoundStmt>(S)) {
      if (!structure(B, Last))
        return false;
    } else {
      return false; // a barrier under thread-dependent or unsupported control
    }
  }
  return true;
}

// A block-level statement that synchronises only inside itself (a warp reduction, a callee with
// barriers) runs as a region on fibers. Not one that holds a barrier point of its own.
bool Planner::waitsInside(const Stmt *S) const {
  if (!S)
    return false;
  if (auto *CE = dyn_cast<CallExpr>(S);
      CE && !isBarrierStmt(CE) && callWait(C, CE) == CallWait::Sync)
    return true;
  for (const Stmt *Child : S->children())
    if (waitsInside(Child))
      return true;
  return false;
}

bool Planner::checkCalleesAndJumps(const Stmt *S) {
  if (!S)
    return true;
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S) || isa<LabelStmt>(S) || isa<LambdaExpr>(S) ||
      isa<AsmStmt>(S) || isa<CXXTryStmt>(S) || isa<CoroutineBodyStmt>(S))
    return false;
  if (auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (isa<TagDecl>(D) || isa<TypedefNameDecl>(D)) {
        // A local type stays at block level, seen by the regions after it, when its declaration
        // is a block-level statement (no per-thread variable with it); one declared in a region
        // would be out of scope in the next.
        auto *P = dyn_cast_or_null<CompoundStmt>(PM.getParent(const_cast<DeclStmt *>(DS)));
        if (std::find(Blocks.begin(), Blocks.end(), P) == Blocks.end())
          return false;
        for (const Decl *Other : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(Other);
              VD && !VD->isStaticLocal() && !VD->hasExternalStorage())
            return false;
        LocalTypeNames.insert(cast<NamedDecl>(D)->getNameAsString());
      }
  if (auto *R = dyn_cast<ReturnStmt>(S)) {
    if (Callee) {
      if (R != Body->body_back())
        return false;
      FinalReturn = R;
    } else {
      if (R->getRetValue())
        return false;
      Returns.push_back(R);
    }
  }
  if (isa<BreakStmt>(S) || isa<ContinueStmt>(S)) {
    const Stmt *P = PM.getParent(const_cast<Stmt *>(S));
    for (; P; P = PM.getParent(const_cast<Stmt *>(P))) {
      if (isa<ForStmt>(P) || isa<WhileStmt>(P) || isa<DoStmt>(P) || isa<CXXForRangeStmt>(P))
        break;
      if (isa<SwitchStmt>(P) && isa<BreakStmt>(S))
        break;
    }
    // A thread-strided loop's body is one region: its `continue` ends the thread's iteration.
    if (auto *For = dyn_cast_or_null<ForStmt>(P); For && Strided.count(For) && isa<ContinueStmt>(S))
      Continues.push_back(cast<ContinueStmt>(S));
    else if (!P || Hoisted.count(P))
      return false;
  }
  // A fibered statement may be the waiting call itself (`warpReduce(sdata, tid);`).
  const bool EntersFibers = Fibered.count(S) && !InsideFibers; // there, anything waits as written
  InsideFibers = InsideFibers || EntersFibers;
  bool Ok = true;
  if (auto *CE = dyn_cast<CallExpr>(S); CE && !CollectiveCalls.count(CE) &&
                                        !ExchangeCalls.count(CE) && !ExpandedCalls.count(CE) &&
                                        !Barriers.count(CE) && !isBarrierStmt(CE))
    if (CallWait W = callWait(C, CE);
        W == CallWait::Unknown || (W == CallWait::Sync && !InsideFibers))
      Ok = false;
  if (auto *CE = dyn_cast<CallExpr>(S); CE && isBarrierStmt(CE) && !Barriers.count(CE))
    Ok = false;
  Ok = Ok && std::all_of(S->child_begin(), S->child_end(),
                         [&](const Stmt *Child) { return checkCalleesAndJumps(Child); });
  if (EntersFibers)
    InsideFibers = false;
  return Ok;
}

bool Planner::isReadUse(const DeclRefExpr *DR) const {
  const Stmt *P = PM.getParentIgnoreParens(const_cast<DeclRefExpr *>(DR));
  if (auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P))
    return IC->getCastKind() == CK_LValueToRValue;
  // In a template, an operand of a dependent expression has no lvalue-to-rvalue cast yet: an
  // operand of arithmetic, a comparison, a subscript or the value side of an assignment is read.
  auto *E = dyn_cast_or_null<Expr>(P);
  if (!E || !E->isTypeDependent())
    return false;
  if (auto *CE = dyn_cast<CallExpr>(E); CE && ExchangeCalls.count(CE))
    return true; // CUDA's warp operations take their arguments by value
  if (auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() || BO->getRHS()->IgnoreParens() == DR;
  if (auto *UO = dyn_cast<UnaryOperator>(E))
    return !UO->isIncrementDecrementOp() && UO->getOpcode() != UO_AddrOf;
  return isa<ArraySubscriptExpr>(E);
}

// The variable an assignment, compound assignment or ++/-- writes (and the assigned value).
const VarDecl *Planner::writtenVar(const Expr *E, const Expr **Value) const {
  E = E->IgnoreParens();
  const Expr *Target = nullptr;
  *Value = nullptr;
  if (auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp()) {
    Target = BO->getLHS();
    *Value = BO->getRHS();
  } else if (auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->isIncrementDecrementOp()) {
    Target = UO->getSubExpr();
  }
  auto *DR = Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParens()) : nullptr;
  return DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
}

// A whole top-level expression statement of a block-level compound, or a hoisted for's increment
// (or one operand of a comma there).
bool Planner::blockLevelWritePosition(const Expr *E) const {
  const Stmt *P = PM.getParentIgnoreParens(const_cast<Expr *>(E));
  while (auto *Comma = dyn_cast_or_null<BinaryOperator>(P)) {
    if (Comma->getOpcode() != BO_Comma)
      break;
    E = Comma;
    P = PM.getParentIgnoreParens(const_cast<BinaryOperator *>(Comma));
  }
  if (auto *CS = dyn_cast_or_null<CompoundStmt>(P))
    return std::find(Blocks.begin(), Blocks.end(), CS) != Blocks.end();
  if (auto *For = dyn_cast_or_null<ForStmt>(P))
    return Hoisted.count(For) && (For->getInc() == E || For->getInit() == E);
  return false;
}

// Whether E computes its value through operators alone (no write, no memory read, no call but
// min/max) from literals, constants and the leaves Leaf accepts: the built-in variables and the
// variables E reads. Divisions (when Divisors) only by values that cannot be zero.
bool Planner::operatorsOver(const Expr *E, const std::function<bool(const Expr *)> &Leaf,
                            bool Divisors) const {
  auto Over = [&](const Expr *X) { return operatorsOver(X, Leaf, Divisors); };
  if (!E)
    return false;
  if (ZeroedTerms.count(E->IgnoreParenImpCasts()))
    return true; // a thread-strided loop's offset: 0 at block level
  E = E->IgnoreParens();
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) || isa<CharacterLiteral>(E) ||
      isa<CXXBoolLiteralExpr>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<SubstNonTypeTemplateParmExpr>(E))
    return true;
  if (auto *CE = dyn_cast<ConstantExpr>(E))
    return Over(CE->getSubExpr());
  if (builtinVarName(E))
    return Leaf(E);
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DR->getDecl();
    if (isa<EnumConstantDecl>(D) || isa<NonTypeTemplateParmDecl>(D))
      return true;
    auto *VD = dyn_cast<VarDecl>(D);
    if (VD && !VD->isLocalVarDeclOrParm() && !VD->hasAttr<CUDASharedAttr>() &&
        VD->isUsableInConstantExpressions(*C.AST))
      return true;
    return VD && Leaf(E);
  }
  if (auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue &&
        !isa<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens()) &&
        !builtinVarName(Cast->getSubExpr()->IgnoreParens()))
      return false; // a memory read
    return Over(Cast->getSubExpr());
  }
  if (auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_Plus:
    case UO_Minus:
    case UO_Not:
    case UO_LNot:
      return Over(UO->getSubExpr());
    default:
      return false;
    }
  }
  if (auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp() || BO->getOpcode() == BO_Comma || BO->isPtrMemOp())
      return false;
    if (Divisors && (BO->getOpcode() == BO_Div || BO->getOpcode() == BO_Rem) &&
        !BO->getType()->isRealFloatingType()) {
      const Expr *D = BO->getRHS()->IgnoreParenImpCasts();
      Expr::EvalResult R;
      bool NonZeroConstant =
          !D->isValueDependent() && D->EvaluateAsInt(R, *C.AST) && R.Val.getInt() != 0;
      const char *V = builtinVarName(D);
      if (!NonZeroConstant &&
          !(V && llvm::StringRef(V) != "threadIdx" && llvm::StringRef(V) != "blockIdx"))
        return false;
    }
    return Over(BO->getLHS()) && Over(BO->getRHS());
  }
  if (auto *CO = dyn_cast<ConditionalOperator>(E))
    return Over(CO->getCond()) && Over(CO->getTrueExpr()) && Over(CO->getFalseExpr());
  if (auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || C.spelledIn(FD->getLocation()))
      return false;
    llvm::StringRef N = FD->getName();
    if (N != "min" && N != "max" && N != "umin" && N != "umax")
      return false;
    return std::all_of(Call->arg_begin(), Call->arg_end(), Over);
  }
  return false;
}

// The same for every thread of the block. Computed once at block level even where a
// thread-dependent guard came first: only divisors that cannot be zero.
bool Planner::uniform(const Expr *E) const {
  return operatorsOver(
      E,
      [&](const Expr *Leaf) {
        if (const char *V = builtinVarName(Leaf))
          return llvm::StringRef(V) != "threadIdx";
        auto *VD = cast<VarDecl>(cast<DeclRefExpr>(Leaf)->getDecl());
        return Cand.count(VD) ||
               (!VD->hasAttr<CUDASharedAttr>() && VD->isUsableInConstantExpressions(*C.AST));
      },
      true);
}

bool Planner::analyseVariables() {
  // Every use of a local or parameter in the body.
  std::vector<const DeclRefExpr *> Refs;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (auto *DR = dyn_cast<DeclRefExpr>(S))
      if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
        if (VD->getDeclContext() == &K || VD->isLocalVarDeclOrParm())
          Uses[VD].push_back(DR);
    for (const Stmt *Child : S->children())
      Collect(Child);
  };
  Collect(Body);

  // Candidates: parameters and block-level scalar locals.
  std::set<const VarDecl *> BlockLevelDecls;
  for (const CompoundStmt *CS : Blocks)
    for (const Stmt *S : CS->body())
      if (auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(D))
            BlockLevelDecls.insert(VD);
  for (const Stmt *S : Hoisted)
    if (auto *For = dyn_cast<ForStmt>(S))
      if (auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit()))
        for (const Decl *D : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(D))
            BlockLevelDecls.insert(VD);
  auto Scalar = [](const VarDecl *VD) {
    QualType T = VD->getType();
    return !T->isDependentType() && T->isScalarType() && !T.isVolatileQualified() &&
           !T->isReferenceType();
  };
  for (const ParmVarDecl *P : K.parameters())
    if (Scalar(P) && !Callee) // a callee's parameters are the caller's per-thread values
      Cand.insert(P);
  for (const VarDecl *VD : BlockLevelDecls)
    if (Scalar(VD) && !VD->isStaticLocal() && !VD->hasExternalStorage() &&
        (!VD->hasInit() ||
         (VD->getInitStyle() == VarDecl::CInit && !isa<InitListExpr>(VD->getInit()))))
      Cand.insert(VD);

  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto It = Cand.begin(); It != Cand.end();) {
      const VarDecl *VD = *It;
      bool Ok = !VD->hasInit() || uniform(VD->getInit());
      if (isa<ParmVarDecl>(VD) && VD->hasInit())
        Ok = true; // a default argument is not a write
      WriteValues[VD].clear();
      for (const DeclRefExpr *DR : Uses[VD]) {
        if (!Ok)
          break;
        if (isReadUse(DR))
          continue;
        const Expr *W =
            dyn_cast_or_null<Expr>(PM.getParentIgnoreParens(const_cast<DeclRefExpr *>(DR)));
        const Expr *Value = nullptr;
        if (isa<ParmVarDecl>(VD) || !W || writtenVar(W, &Value) != VD ||
            !blockLevelWritePosition(W) || (Value && !uniform(Value))) {
          Ok = false;
          break;
        }
        if (Value)
          WriteValues[VD].push_back(Value);
      }
      if (Ok) {
        ++It;
        continue;
      }
      It = Cand.erase(It);
      Changed = true;
    }
  }

  // Block-level control must be uniform.
  for (const Expr *E : Controls) {
    if (auto *For = dyn_cast_or_null<ForStmt>(PM.getParent(const_cast<Expr *>(E)));
        For && For->getInc() == E) {
      // Increments: block-level writes of candidates (checked above when they write one) stay at
      // block level; each thread runs the other operands, as it does on the GPU.
      std::function<void(const Expr *)> SplitInc = [&](const Expr *X) {
        X = X->IgnoreParens();
        if (auto *Comma = dyn_cast<BinaryOperator>(X); Comma && Comma->getOpcode() == BO_Comma) {
          SplitInc(Comma->getLHS());
          SplitInc(Comma->getRHS());
          return;
        }
        const Expr *Value = nullptr;
        const VarDecl *VD = writtenVar(X, &Value);
        ThreadIncrements.push_back(!VD || !Cand.count(VD) ? X : nullptr);
      };
      SplitInc(E);
      ThreadIncrements.push_back(nullptr);
      continue;
    }
    if (uniform(E))
      continue;
    auto *If = dyn_cast_or_null<IfStmt>(PM.getParent(const_cast<Expr *>(E)));
    if (!If || !TailIfs.count(If))
      return false;
    Guards.insert(If); // its condition runs per thread, as an exit test
  }
  for (const Stmt *S : Hoisted)
    if (auto *For = dyn_cast<ForStmt>(S); For && For->getInit()) {
      if (auto *DS = dyn_cast<DeclStmt>(For->getInit())) {
        for (const Decl *D : DS->decls())
          if (!isa<VarDecl>(D) || !Cand.count(cast<VarDecl>(D)))
            return false;
      } else {
        auto *E = dyn_cast<Expr>(For->getInit());
        const Expr *Value = nullptr;
        const VarDecl *VD = E ? writtenVar(E, &Value) : nullptr;
        if (!VD || !Cand.count(VD))
          return false;
      }
    }

  // Hoist: what block-level code reads, closed over initialisers, writes and declarations.
  std::vector<const VarDecl *> Work;
  auto Need = [&](const VarDecl *VD) {
    if (Cand.count(VD) && !isa<ParmVarDecl>(VD) && Hoist.insert(VD).second)
      Work.push_back(VD);
  };
  std::function<void(const Stmt *)> NeedRefs = [&](const Stmt *S) {
    if (!S)
      return;
    if (auto *DR = dyn_cast<DeclRefExpr>(S))
      if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
        Need(VD);
    for (const Stmt *Child : S->children())
      NeedRefs(Child);
  };
  for (const Expr *E : Controls)
    if (auto *If = dyn_cast_or_null<IfStmt>(PM.getParent(const_cast<Expr *>(E)));
        !If || !Guards.count(If))
      NeedRefs(E);
  for (const Stmt *S : Hoisted)
    if (auto *For = dyn_cast<ForStmt>(S))
      NeedRefs(For->getInit());
  std::map<const VarDecl *, const DeclStmt *> DeclOf;
  for (const CompoundStmt *CS : Blocks)
    for (const Stmt *S : CS->body())
      if (auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(D))
            DeclOf[VD] = DS;
  while (!Work.empty()) {
    const VarDecl *VD = Work.back();
    Work.pop_back();
    if (VD->hasInit())
      NeedRefs(VD->getInit());
    for (const Expr *V : WriteValues[VD])
      NeedRefs(V);
    if (auto It = DeclOf.find(VD); It != DeclOf.end())
      for (const Decl *D : It->second->decls()) {
        auto *Other = dyn_cast<VarDecl>(D);
        if (!Other || !Cand.count(Other))
          return false; // a declaration we cannot keep whole
        Need(Other);
      }
  }
  return true;
}

std::string Planner::run(RegionPlan *Plan) {
  if (!structure(Body, !Callee)) // a callee's thread cannot exit: no guard
    return "";
  // Interchanged loops alone: worth the form only where one of them is kept at block level.
  const bool AnyInterchanged =
      std::any_of(Hoisted.begin(), Hoisted.end(), [&](auto *S) { return Interchanged.count(S); });
  if (!C.needsSync(&K) && !AnyInterchanged)
    return "";
  // With barriers, duplicate threads (those differing only in coordinates the body does not read)
  // share the regions, so an interchanged loop would interleave them at every iteration; only
  // when the loops run one of them (ThreadDims), or there are none, is that the GPU's result.
  // There are none when the body reads threadIdx.x and every launch passes a one-row block; a
  // launch from another unit with more rows fails at run time (block_regions_without_duplicates).
  const unsigned Dims = threadDimsRead(C, K);
  const bool NoDuplicatesRequired = C.needsSync(&K) && AnyInterchanged && Dims != 7 &&
                                    !(duplicatesReplayable(C, K) && Collectives.empty() &&
                                      Fibered.empty() && Exchanges.empty() && CallSites.empty());
  if (NoDuplicatesRequired && !((Dims & 1u) && C.launchedWithRowBlocks(&K)))
    return "";
  if (!checkCalleesAndJumps(Body))
    return "";
  if (!analyseVariables())
    return "";

  // Classify each block-level statement and group the rest into regions. Constants stay at block
  // level too: the same for every thread, and a __shared__ declaration there may need them
  // (`constexpr int stages = 2; __shared__ float buffer[stages][N];`).
  auto StaysAtBlockLevel = [&](const VarDecl *VD) {
    return VD->isStaticLocal() || VD->hasExternalStorage() || Hoist.count(VD) ||
           (!VD->getType()->isReferenceType() && VD->isUsableInConstantExpressions(*C.AST));
  };
  auto BlockLevel = [&](const Stmt *S) {
    if (Barriers.count(S) || Hoisted.count(S))
      return true;
    if (auto *DS = dyn_cast<DeclStmt>(S)) {
      bool AllStay = true, AnyHoisted = false;
      for (const Decl *D : DS->decls()) {
        if (isa<TagDecl>(D) || isa<TypedefNameDecl>(D))
          continue; // a local type (with a static variable of it: `__shared__ union {...} t;`)
        auto *VD = dyn_cast<VarDecl>(D);
        AllStay = AllStay && VD && StaysAtBlockLevel(VD);
        AnyHoisted = AnyHoisted || (VD && Hoist.count(VD));
      }
      return AllStay || AnyHoisted;
    }
    if (auto *E = dyn_cast<Expr>(S)) {
      const Expr *Value = nullptr;
      const VarDecl *VD = writtenVar(E, &Value);
      return VD && Hoist.count(VD);
    }
    return false;
  };
  for (const CompoundStmt *CS : Blocks) {
    Region Cur;
    auto Flush = [&] {
      if (!Cur.Stmts.empty())
        Regions.push_back(std::move(Cur));
      Cur = Region();
    };
    for (const Stmt *S : CS->body()) {
      if (auto *If = dyn_cast<IfStmt>(S); If && Guards.count(If)) { // the exit test
        Flush();
        Cur.Stmts.push_back(S);
        Cur.Guard = true;
        Flush();
        continue;
      }
      if (Exchanges.count(S) || CallSites.count(S)) {
        // After the region publishing its operands (or a call's arguments), S opens the next.
        Flush();
        Cur.Stmts.push_back(S);
        Cur.Publish = S;
        Flush();
      }
      if (Collectives.count(S) || Fibered.count(S)) { // a region of its own
        Flush();
        Cur.Stmts.push_back(S);
        (Collectives.count(S) ? Cur.Collective : Cur.Fibers) = true;
        if (auto *DS = dyn_cast<DeclStmt>(S))
          Cur.Declared.insert(cast<VarDecl>(DS->getSingleDecl()));
        Flush();
        continue;
      }
      if (BlockLevel(S)) {
        if (auto *DS = dyn_cast<DeclStmt>(S)) // declarations that stay may mix: all or none
          for (const Decl *D : DS->decls())
            if (auto *VD = dyn_cast<VarDecl>(D); VD && !StaysAtBlockLevel(VD))
              return "";
        Flush();
        continue;
      }
      Cur.Stmts.push_back(S);
      if (auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(D))
            Cur.Declared.insert(VD);
    }
    Flush();
  }
  for (const Stmt *S : LoopBodies) {
    const bool Exchange = Exchanges.count(S) || CallSites.count(S);
    if (Exchange) {
      Regions.emplace_back();
      Regions.back().Stmts.push_back(S);
      Regions.back().Publish = S;
      Regions.back().Braced = true;
    }
    Regions.emplace_back();
    Regions.back().Stmts.push_back(S);
    Regions.back().Braced = Exchange;
  }
  // Nothing but statements on fibers: the fiber path as a whole is as good.
  if (std::all_of(Regions.begin(), Regions.end(), [](const Region &R) { return R.Fibers; }))
    return "";
  for (Region &R : Regions) {
    if (R.Guard) {
      const Expr *Cond = cast<IfStmt>(R.Stmts.front())->getCond();
      auto B = beginOf(Cond->getBeginLoc()), E = afterToken(Cond->getEndLoc());
      if (!B || !E)
        return "";
      R.Begin = *B;
      R.End = *E;
      continue;
    }
    auto B = stmtBegin(R.Stmts.front());
    auto E = stmtEnd(R.Stmts.back());
    if (!B || !E)
      return "";
    R.Begin = *B;
    R.End = R.Publish ? *B : *E; // a publishing region holds no source of its own
  }
  // Neighbouring per-thread operands (`i += slice, p += pitch`) share one region.
  std::optional<Region> Group;
  for (const Expr *X : ThreadIncrements) {
    std::optional<unsigned> B, E;
    if (X) {
      B = beginOf(X->getBeginLoc());
      E = afterToken(X->getEndLoc());
      if (!B || !E)
        return "";
    }
    if (Group && (!X || Text.slice(Group->End, *B).trim() != ",")) {
      Regions.push_back(std::move(*Group));
      Group.reset();
    }
    if (!X)
      continue;
    if (!Group) {
      Group.emplace();
      Group->Begin = *B;
      Group->Increment = true;
    }
    Group->Stmts.push_back(X);
    Group->End = *E;
  }

  // Locals used outside the region that declares them: one slot per thread.
  // A thread-strided loop's thread term is read in its body's region.
  struct ThreadTerm {
    unsigned Begin, End;
    int Region;
  };
  std::vector<ThreadTerm> ThreadTerms;
  for (auto [For, Thread] : Strided) {
    auto B = beginOf(Thread->getBeginLoc()), E = afterToken(Thread->getEndLoc());
    auto Cond = For->getCond();
    auto CB = beginOf(Cond->getBeginLoc()), CE = afterToken(Cond->getEndLoc());
    auto *IV = cast<VarDecl>(cast<DeclStmt>(For->getInit())->getSingleDecl());
    auto It = std::find_if(Regions.begin(), Regions.end(),
                           [&](const Region &R) { return R.Stmts.front() == For->getBody(); });
    std::string Type = typeName(IV);
    if (!B || !E || !CB || !CE || It == Regions.end() || Type.empty())
      return "";
    // The offset must be the same at every iteration: a local only ever read.
    if (auto *DR = dyn_cast<DeclRefExpr>(Thread))
      for (const DeclRefExpr *Use : Uses[cast<VarDecl>(DR->getDecl())])
        if (!isReadUse(Use))
          return "";
    std::string Base = "npu_" + IV->getNameAsString() + "_base";
    if (C.UserNames.count(Base))
      return "";
    ThreadTerms.push_back({*B, *E, static_cast<int>(It - Regions.begin())});
    // The thread term (threadIdx.x, or a local equal to it: below 1024) is added in the loop
    // variable's type, so that a signed `i` stays affine in the thread loop's index (CUDA adds an
    // unsigned threadIdx.x in unsigned arithmetic, which could wrap, and gcc then loads each lane
    // alone); the two differ only where i would pass INT_MAX, which the CUDA loop reaches only by
    // wrapping to a negative index.
    // A condition free of side effects is the region's guard, checked a row at a time
    // (npu_block.for_each_thread_guarded) so that rows whose lanes all pass run without it.
    It->GuardedStride = !It->Fibers && !It->Collective && isRepeatable(Cond);
    // `i < bound` compared as signed, i = base + a thread term that grows with threadIdx.x: a row
    // passes when its last lane does (npu_block.for_each_thread_strided).
    auto *Compare = cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
    It->MonotoneStride = It->GuardedStride && IV->getType()->isSignedIntegerType() &&
                         Compare->getLHS()->getType()->isSignedIntegerType();
    It->Prefix = " const auto " + Base + " = " + IV->getNameAsString() + "; " + Type + " " +
                 IV->getNameAsString() + " = " + Base + " + static_cast<" + Type + ">(" +
                 Text.slice(*B, *E).str() + "); if (" +
                 (It->GuardedStride ? "npu_guard.exits(" : "(") + "!(" +
                 Text.slice(*CB, *CE).str() + "))) return;";
  }
  auto RegionAt = [&](SourceLocation L) -> int {
    unsigned Off = 0;
    if (C.spelledIn(C.SM.getExpansionLoc(L), &Off) != &F)
      return -2;
    for (const ThreadTerm &T : ThreadTerms)
      if (Off >= T.Begin && Off < T.End)
        return T.Region;
    for (size_t I = 0; I < Regions.size(); ++I)
      if (Off >= Regions[I].Begin && Off < Regions[I].End)
        return static_cast<int>(I);
    return -1;
  };
  std::map<const VarDecl *, int> DeclRegion;
  for (size_t I = 0; I < Regions.size(); ++I)
    for (const VarDecl *VD : Regions[I].Declared)
      DeclRegion[VD] = static_cast<int>(I);
  std::set<const VarDecl *> PerThread;
  std::vector<std::set<const VarDecl *>> Bound(Regions.size());
  // A block-level call's arguments are evaluated in the region before it (below), not where
  // the statement's text holds them.
  std::vector<std::pair<unsigned, unsigned>> CallTexts;
  for (const CallExpr *CE : ExpandedCalls) {
    auto B = beginOf(CE->getBeginLoc()), E = afterToken(CE->getEndLoc());
    if (!B || !E)
      return "";
    CallTexts.push_back({*B, *E});
  }
  auto InCallText = [&](const DeclRefExpr *DR) {
    unsigned Off = 0;
    if (C.spelledIn(C.SM.getExpansionLoc(DR->getLocation()), &Off) != &F)
      return false;
    return std::any_of(CallTexts.begin(), CallTexts.end(),
                       [&](auto T) { return Off >= T.first && Off < T.second; });
  };
  for (auto &[VD, Refs] : Uses) {
    auto It = DeclRegion.find(VD);
    if (It == DeclRegion.end())
      continue;
    for (const DeclRefExpr *DR : Refs) {
      int R = RegionAt(DR->getLocation());
      if (R == It->second || InCallText(DR))
        continue;
      if (R < 0)
        return "";
      PerThread.insert(VD);
      Bound[R].insert(VD);
    }
  }
  // A publishing region evaluates its statement's operands: the variables they read are bound in
  // it as in the statement's region (never declared there: its statement opens that region).
  std::vector<std::set<const VarDecl *>> OperandVars(Regions.size());
  for (size_t I = 0; I < Regions.size(); ++I) {
    if (!Regions[I].Publish)
      continue;
    std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
      if (auto *DR = dyn_cast<DeclRefExpr>(S))
        if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
          OperandVars[I].insert(VD);
      for (const Stmt *Child : S->children())
        Collect(Child);
    };
    if (auto It = CallSites.find(Regions[I].Publish); It != CallSites.end())
      for (const Expr *Arg : It->second->arguments())
        Collect(Arg);
    else
      for (const LaneExchangeCall &X : Exchanges[Regions[I].Publish])
        Collect(X.Operand);
    for (const VarDecl *VD : OperandVars[I])
      if (DeclRegion.count(VD)) {
        PerThread.insert(VD);
        Bound[I].insert(VD);
      }
  }
  // A declaration with one per-thread variable makes all of its variables per-thread.
  std::set<const DeclStmt *> PerThreadDecls;
  for (Region &R : Regions)
    for (const Stmt *S : R.Stmts)
      if (auto *DS = dyn_cast<DeclStmt>(S)) {
        bool Any = false;
        for (const Decl *D : DS->decls())
          Any = Any || (isa<VarDecl>(D) && PerThread.count(cast<VarDecl>(D)));
        if (!Any)
          continue;
        PerThreadDecls.insert(DS);
        for (const Decl *D : DS->decls()) {
          auto *VD = dyn_cast<VarDecl>(D);
          if (!VD || VD->isStaticLocal() || VD->getType()->isReferenceType())
            return "";
          if (VD->hasInit()) {
            if (VD->getInitStyle() != VarDecl::CInit ||
                isa<InitListExpr>(VD->getInit()->IgnoreImplicit()) || VD->getType()->isArrayType())
              return "";
            QualType T = VD->getType();
            if (!T->isDependentType() && T->isRecordType()) {
              const Expr *I = VD->getInit()->IgnoreImplicit();
              if (auto *CE = dyn_cast<CXXConstructExpr>(I); CE && CE->getNumArgs() == 1)
                I = CE->getArg(0)->IgnoreImplicit();
              if (!C.AST->hasSameUnqualifiedType(I->getType(), T))
                return "";
            }
          }
          if (const DeducedType *DT = VD->getType()->getContainedDeducedType();
              DT && !DT->isDeduced())
            return "";
          if (typeName(VD).empty())
            return "";
          PerThread.insert(VD);
        }
      }

  // Parameters that threads modify: one slot per thread, copied from the argument and bound in
  // every region that uses them. A use outside the regions would see no thread's copy.
  std::vector<const ParmVarDecl *> CopiedParams =
      Callee ? std::vector<const ParmVarDecl *>(K.param_begin(), K.param_end())
             : threadPrivateParams(K);
  for (const ParmVarDecl *P : CopiedParams) {
    for (const DeclRefExpr *DR : Uses[P]) {
      int R = RegionAt(DR->getLocation());
      if (R < 0)
        return "";
      if (!InCallText(DR))
        Bound[R].insert(P);
    }
    for (size_t I = 0; I < Regions.size(); ++I)
      if (OperandVars[I].count(P))
        Bound[I].insert(P);
  }

  // Per-thread locals that are pure functions of the thread's coordinates and values fixed for
  // the whole block (row = blockIdx.x * blockDim.x + threadIdx.x): computed again in each region
  // that uses them instead of kept in a slot, which lets the compiler see the addresses they form.
  std::map<const VarDecl *, std::string> Recomputed =
      recomputedLocals(PerThreadDecls, CopiedParams);
  std::vector<unsigned> RecomputedUnused;
  for (auto It = PerThreadDecls.begin(); It != PerThreadDecls.end();) {
    auto *First = dyn_cast<VarDecl>(*(*It)->decl_begin());
    if (!First || !Recomputed.count(First)) {
      ++It;
      continue;
    }
    bool UsedHere = false;
    for (const Decl *D : (*It)->decls()) {
      auto *VD = cast<VarDecl>(D);
      PerThread.erase(VD);
      UsedHere = UsedHere || std::any_of(Uses[VD].begin(), Uses[VD].end(), [&](auto *DR) {
                   return RegionAt(DR->getLocation()) == DeclRegion[VD];
                 });
    }
    auto At = beginOf((*It)->getBeginLoc());
    if (!At)
      return "";
    if (!UsedHere) // g++ -Wall: the declaring region may only compute it for later ones
      RecomputedUnused.push_back(*At);
    It = PerThreadDecls.erase(It);
  }

  // Names: npu_block, npu_thread and the arrays must not collide with the program's own.
  // The arrays are named npu_<variable>, and a variable may be called `block` or `thread`.
  std::map<const VarDecl *, std::string> ArrayName;
  std::set<std::string> Taken = {"npu_block", "npu_thread", "npu_cost_counting", "npu_return",
                                 "npu_scope"};
  for (const std::string &N : Taken)
    if (C.UserNames.count(N))
      return "";
  std::vector<const VarDecl *> Ordered(PerThread.begin(), PerThread.end());
  Ordered.insert(Ordered.end(), CopiedParams.begin(), CopiedParams.end());
  std::sort(Ordered.begin(), Ordered.end(), [&](const VarDecl *A, const VarDecl *B) {
    return C.SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  for (const VarDecl *VD : Ordered) {
    std::string N = "npu_" + VD->getNameAsString();
    for (int I = 2; Taken.count(N) || C.UserNames.count(N); ++I)
      N = "npu_" + VD->getNameAsString() + "_" + std::to_string(I);
    Taken.insert(N);
    ArrayName[VD] = N;
  }
  // One exchange per warp operation of the statement with the most (`npu_lanes_<k>`).
  size_t LaneExchanges = 0;
  for (const auto &[S, Calls] : Exchanges)
    LaneExchanges = std::max(LaneExchanges, Calls.size());
  for (size_t K = 0; K < LaneExchanges; ++K)
    if (C.UserNames.count("npu_lanes_" + std::to_string(K)))
      return "";
  // Block-level calls: a slot per argument and for the result (`npu_call_<n>_<i>`, `_r`), their
  // types the callee's parameters' (an instantiation's: spelled where the prelude declares them).
  std::map<const Stmt *, std::string> CallSlot; // the prefix of the statement's slots
  std::string CallSlots;                        // their declarations, for the prelude
  {
    std::vector<const Stmt *> Ordered;
    for (const auto &[S, Call] : CallSites)
      Ordered.push_back(S);
    std::sort(Ordered.begin(), Ordered.end(), [&](const Stmt *X, const Stmt *Y) {
      return C.SM.isBeforeInTranslationUnit(X->getBeginLoc(), Y->getBeginLoc());
    });
    auto Spelled = [&](QualType T) {
      return T->isDependentType() ? std::string() : spelledType(C, T);
    };
    for (size_t N = 0; N < Ordered.size(); ++N) {
      const std::string Slot = "npu_call_" + std::to_string(N);
      const FunctionDecl *FD = CallSites[Ordered[N]]->getDirectCallee();
      std::vector<std::string> Types;
      for (const ParmVarDecl *P : FD->parameters())
        Types.push_back(Spelled(P->getType()));
      if (!FD->getReturnType()->isVoidType())
        Types.push_back(Spelled(FD->getReturnType()));
      for (size_t I = 0; I < Types.size(); ++I) {
        const bool Result = I == FD->getNumParams();
        const std::string Name = Slot + "_" + (Result ? "r" : std::to_string(I));
        if (Types[I].empty() || C.UserNames.count(Name))
          return "";
        CallSlots += "\n  auto *" + Name + " = npu_block.per_thread<" + Types[I] + ">();";
      }
      CallSlot[Ordered[N]] = Slot;
    }
  }
  // A region that re-binds a name must not declare the same name itself.
  for (size_t I = 0; I < Regions.size(); ++I)
    for (const VarDecl *VD : Bound[I])
      for (const VarDecl *D : Regions[I].Declared)
        if (D->getName() == VD->getName())
          return "";

  // Every edit position must be in this file and outside macros: check all, then edit.
  struct Pending {
    unsigned Off, Len;
    std::string Text;
    int Order;
  };
  std::vector<Pending> Out;
  // Without barriers (interchange only), duplicate threads run slice after slice
  // (block_regions<Read>), so the loops run every thread of their slice.
  const bool Slices = !C.needsSync(&K);
  const std::string LoopArguments =
      regionLoopTemplateArguments(C, K,
                                  Slices || !Collectives.empty() || !Fibered.empty() ||
                                      !Exchanges.empty() || !CallSites.empty() || Callee);
  for (size_t I = 0; I < Regions.size(); ++I) {
    Region &R = Regions[I];
    std::string Open = R.Fibers ? std::string("npu_block.fibers(")
                                : std::string("npu_block.") +
                                      (R.Collective       ? "collective"
                                       : R.MonotoneStride ? "for_each_thread_strided"
                                       : R.GuardedStride  ? "for_each_thread_guarded"
                                                          : "for_each_thread") +
                                      LoopArguments + "(";
    Open += R.GuardedStride ? "[&](const auto npu_guard, NPU_REGION_PARAMS) {"
                            : "[&](NPU_REGION_PARAMS) {";
    std::vector<const VarDecl *> B(Bound[I].begin(), Bound[I].end());
    std::sort(B.begin(), B.end(), [&](const VarDecl *X, const VarDecl *Y) {
      return C.SM.isBeforeInTranslationUnit(X->getLocation(), Y->getLocation());
    });
    // Recomputed locals first, each after the ones its value reads, in declaration order.
    std::vector<const VarDecl *> Again;
    std::function<void(const VarDecl *)> Recompute = [&](const VarDecl *VD) {
      if (!Recomputed.count(VD) || std::find(Again.begin(), Again.end(), VD) != Again.end())
        return;
      std::function<void(const Stmt *)> Reads = [&](const Stmt *S) {
        if (auto *DR = dyn_cast<DeclRefExpr>(S))
          if (auto *V = dyn_cast<VarDecl>(DR->getDecl()))
            Recompute(V);
        for (const Stmt *Child : S->children())
          Reads(Child);
      };
      Reads(VD->getInit());
      Again.push_back(VD);
    };
    for (const VarDecl *VD : B)
      Recompute(VD);
    for (const VarDecl *VD : Again)
      Open += " " + Recomputed[VD];
    for (const VarDecl *VD : B)
      if (!Recomputed.count(VD))
        Open += " auto &" + VD->getNameAsString() + " = " + ArrayName[VD] + "[npu_thread];";
    Open += R.Prefix;
    if (R.Increment) { // an expression: `npu_block.for_each_thread([&](...) { i += slice; })`
      Out.push_back({R.Begin, 0, Open + " ", 20});
      Out.push_back({R.End, 0, "; })", 5});
      continue;
    }
    if (R.Guard) { // `if (c) {` becomes `{ <loop> { if (!(c)) return npu_block.exit(...); });`
      auto *If = cast<IfStmt>(R.Stmts.front());
      auto IfAt = offsetOf(If->getIfLoc()), LParen = offsetOf(If->getLParenLoc());
      auto RParen = offsetOf(If->getRParenLoc());
      auto Brace = offsetOf(cast<CompoundStmt>(If->getThen())->getLBracLoc());
      if (!IfAt || !LParen || !RParen || !Brace || *LParen < *IfAt || *Brace < *RParen)
        return "";
      Out.push_back({*IfAt, *LParen + 1 - *IfAt, "{ " + Open + " if (!(", 0});
      Out.push_back(
          {*RParen, *Brace + 1 - *RParen, ")) return npu_block.exit(npu_thread); });", 0});
      continue;
    }
    std::string Indent = indentAt(R.Begin);
    if (Indent == " ")
      Indent.clear();
    if (auto It = CallSites.find(R.Publish); It != CallSites.end()) {
      // The arguments into their slots, then the call of the copy, at block level.
      const CallExpr *CE = It->second;
      const std::string &Slot = CallSlot[R.Publish];
      std::string Args, Slots;
      for (unsigned A = 0; A < CE->getNumArgs(); ++A) {
        auto B = beginOf(CE->getArg(A)->getBeginLoc());
        auto E = afterToken(CE->getArg(A)->getEndLoc());
        if (!B || !E || *E <= *B)
          return "";
        const std::string Name = Slot + "_" + std::to_string(A);
        Args += " " + Name + "[npu_thread] = (" + Text.slice(*B, *E).str() + ");";
        Slots += ", " + Name;
      }
      if (!CE->getDirectCallee()->getReturnType()->isVoidType())
        Slots += ", " + Slot + "_r";
      auto CB = beginOf(CE->getCallee()->getBeginLoc());
      auto CEnd = afterToken(CE->getCallee()->getEndLoc());
      if (!CB || !CEnd || *CEnd <= *CB)
        return "";
      Out.push_back({R.Begin, 0,
                     (R.Braced ? "{ " : "") + Open + Args + " });\n" + Indent +
                         Text.slice(*CB, *CEnd).str() + "(npu_block" + Slots + ");\n" + Indent,
                     19});
      continue;
    }
    if (R.Publish) { // ahead of the statement's own region (order 20) at the same offset
      std::string Publish = R.Braced ? "{ " + Open : Open;
      const std::vector<LaneExchangeCall> &Calls = Exchanges[R.Publish];
      for (size_t K = 0; K < Calls.size(); ++K) {
        auto B = beginOf(Calls[K].Operand->getBeginLoc());
        auto E = afterToken(Calls[K].Operand->getEndLoc());
        if (!B || !E || *E <= *B)
          return "";
        Publish += " npu_lanes_" + std::to_string(K) + ".at(npu_thread)." + Calls[K].Publish + "(" +
                   Text.slice(*B, *E).str() + ");";
      }
      Out.push_back({R.Begin, 0, Publish + " });\n" + Indent, 19});
      continue;
    }
    if (auto It = Exchanges.find(R.Stmts.front()); It != Exchanges.end())
      for (size_t K = 0; K < It->second.size(); ++K) {
        const Expr *Name = It->second[K].Call->getCallee();
        auto B = beginOf(Name->getBeginLoc()), E = afterToken(Name->getEndLoc());
        if (!B || !E || *E <= *B)
          return "";
        Out.push_back({*B, *E - *B,
                       "npu_lanes_" + std::to_string(K) + ".at(npu_thread)." + It->second[K].Read,
                       0});
      }
    if (auto It = CallSites.find(R.Stmts.front()); It != CallSites.end()) {
      // The call reads its result slot (a call whose value is unused: nothing).
      const CallExpr *CE = It->second;
      auto B = beginOf(CE->getBeginLoc()), E = afterToken(CE->getEndLoc());
      if (!B || !E || *E <= *B)
        return "";
      Out.push_back({*B, *E - *B,
                     CE->getDirectCallee()->getReturnType()->isVoidType()
                         ? std::string("(void)0")
                         : CallSlot[It->first] + "_r[npu_thread]",
                     0});
    }
    Out.push_back({R.Begin, 0, Open + "\n" + Indent, 20});
    Out.push_back({R.End, 0, "\n" + Indent + "});", 5});
    if (R.Braced)
      Out.push_back({R.End, 0, " }", 6});
  }
  for (const ThreadTerm &T : ThreadTerms)
    Out.push_back({T.Begin, T.End - T.Begin, "0", 0});
  for (const Stmt *S : Barriers) {
    auto B = stmtBegin(S), E = stmtEnd(S);
    if (!B || !E)
      return "";
    Out.push_back(
        {*B, *E - *B, isBarrierStmt(S) ? "/* __syncthreads(); */" : "/* __syncwarp(); */", 0});
  }
  for (const Stmt *S : Hoisted) {
    // `#pragma unroll` before a loop kept at block level would unroll nothing (g++ warns that it
    // ignores it): the directive becomes a comment.
    if (auto *A = dyn_cast<AttributedStmt>(S))
      if (auto B = stmtBegin(A); B && Text[*B] == '#')
        Out.push_back({*B, 0, "// a loop between regions, not unrolled: ", 0});
    const Expr *Cond = nullptr;
    if (auto *For = dyn_cast<ForStmt>(S))
      Cond = For->getCond();
    if (auto *W = dyn_cast<WhileStmt>(S))
      Cond = W->getCond();
    if (!Cond)
      continue;
    auto B = beginOf(Cond->getBeginLoc());
    auto E = afterToken(Cond->getEndLoc());
    if (!B || !E)
      return "";
    Out.push_back({*B, 0, "npu_block.active() && (", 0});
    Out.push_back({*E, 0, ")", 0});
  }
  for (const ContinueStmt *S : Continues) {
    auto B = offsetOf(S->getContinueLoc());
    if (!B)
      return "";
    Out.push_back({*B, 8, "return", 0});
  }
  if (FinalReturn) { // a callee's: its value is the call's result
    auto B = offsetOf(FinalReturn->getReturnLoc());
    if (!B)
      return "";
    Out.push_back({*B, 6, FinalReturn->getRetValue() ? "npu_return[npu_thread] =" : "", 0});
  }
  // A return in the kernel's last region, which ends its body, needs no exit mark: no later
  // region skips the thread. A plain `return;` leaves the SIMD thread loop without the call that
  // keeps its iterations in order (a 2D stencil's `if (!inside) return;`).
  const Region *Last = Regions.empty() ? nullptr : &Regions.back();
  const bool LastEndsBody = Last && !Last->Fibers && !Last->Collective && !Last->Guard &&
                            !Last->Increment && !Last->Publish && !Last->Stmts.empty() &&
                            PM.getParent(const_cast<Stmt *>(Last->Stmts.front())) == Body &&
                            Last->Stmts.back() == Body->body_back();
  for (const ReturnStmt *R : Returns) {
    auto B = offsetOf(R->getReturnLoc());
    if (!B)
      return "";
    const bool InLast = LastEndsBody && *B >= Last->Begin && *B < Last->End;
    Out.push_back({*B, 6, InLast ? "return" : "return npu_block.exit(npu_thread)", 0});
  }
  for (unsigned At : RecomputedUnused)
    Out.push_back({At, 0, "[[maybe_unused]] ", 30}); // after the region opening and its count
  for (const DeclStmt *DS : PerThreadDecls) {
    auto Seg = beginOf(DS->getBeginLoc());
    if (!Seg)
      return "";
    bool First = true;
    for (const Decl *D : DS->decls()) {
      auto *VD = cast<VarDecl>(D);
      // A variable the declaring region only initialises is still a used slot (g++ -Wall).
      const bool UsedHere = std::any_of(Uses[VD].begin(), Uses[VD].end(), [&](auto *DR) {
        return RegionAt(DR->getLocation()) == DeclRegion[VD];
      });
      std::string Bind = std::string(UsedHere ? "" : "[[maybe_unused]] ") + "auto &" +
                         VD->getNameAsString() + " = " + ArrayName[VD] + "[npu_thread]";
      std::optional<unsigned> Stop = VD->hasInit() ? beginOf(VD->getInit()->getBeginLoc())
                                                   : afterToken(VD->getSourceRange().getEnd());
      if (!Stop || *Stop < *Seg)
        return "";
      Out.push_back(
          {*Seg, *Stop - *Seg, (First ? "" : "; ") + Bind + (VD->hasInit() ? " = " : ""), 0});
      Seg = afterToken(VD->getSourceRange().getEnd());
      First = false;
      if (!Seg)
        return "";
    }
  }
  for (const Pending &P : Out) {
    if (P.Len)
      F.Edits.replace(P.Off, P.Len, P.Text);
    else
      F.Edits.insert(P.Off, P.Text, P.Order);
  }

  if (Plan) {
    Plan->LoopArguments = LoopArguments;
    Plan->BlockLevel.insert(Blocks.begin(), Blocks.end());
    for (const Region &R : Regions)
      if (!R.Increment && !R.Collective && !R.Guard && !R.Publish)
        Plan->RegionStarts.insert(R.Stmts.front());
  }
  // A callee's copy runs in its caller's block: its slots are given back when it returns, and
  // its parameters are the caller's slots (ParamSlots).
  std::string Prelude =
      Callee ? "\n  ::npu::BlockRegions::CallScope npu_scope(npu_block);"
             : "\n  ::npu::block_regions" +
                   (NoDuplicatesRequired ? "_without_duplicates" + threadDimsTemplateArguments(Dims)
                    : Slices             ? sliceTemplateArguments(C, K)
                                         : std::string()) +
                   "([&](::npu::BlockRegions &npu_block) {";
  for (const VarDecl *VD : Ordered) {
    if (Callee && isa<ParmVarDecl>(VD))
      continue;
    Prelude += "\n  auto *" + ArrayName[VD] + " = npu_block." +
               (isa<ParmVarDecl>(VD) ? "per_thread_copy(" + VD->getNameAsString() + ")"
                                     : "per_thread<" + typeName(VD) + ">()") +
               ";";
  }
  for (size_t K = 0; K < LaneExchanges; ++K)
    Prelude += "\n  auto npu_lanes_" + std::to_string(K) + " = npu_block.lanes();";
  Prelude += CallSlots;
  if (Callee)
    for (const ParmVarDecl *P : K.parameters())
      ParamSlots.push_back(ArrayName[P]);
  return Prelude;
}

} // namespace

std::string emitBarrierRegions(Context &C, const FunctionDecl &Kernel, UserFile &F,
                               RegionPlan *Plan) {
  if (!isa_and_nonnull<CompoundStmt>(Kernel.getBody()))
    return "";
  if (C.LockstepFunctions.count(Kernel.getCanonicalDecl()))
    return ""; // warp lockstep and spin-waits need fibers
  // Nothing is edited unless the plan succeeds: a kernel whose interchanged loops do not fit
  // the form is planned again without them.
  // A kernel whose warp operations do not all fit the exchange form is planned again with them
  // on fibers (a warp operation under a branch the threads take apart is at no block level).
  const InterchangedLoops Interchanged = interchangedLoops(Kernel);
  for (bool Collapsing : {true, false}) {
    if (!Interchanged.empty())
      if (std::string Open = Planner(C, Kernel, F, Interchanged, Collapsing).run(Plan);
          !Open.empty())
        return Open;
    if (!C.needsSync(&Kernel))
      return "";
    if (std::string Open = Planner(C, Kernel, F, NoInterchange, Collapsing).run(Plan);
        !Open.empty())
      return Open;
  }
  return "";
}

const BlockCallee *blockCallee(Context &C, const FunctionDecl &Caller, const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD || FD->isVariadic() || isa<CXXMethodDecl>(FD) || Call.getNumArgs() != FD->getNumParams())
    return nullptr;
  for (const Expr *Arg : Call.arguments())
    if (isa<CXXDefaultArgExpr>(Arg))
      return nullptr; // its text is not at the call
  for (const ParmVarDecl *P : FD->parameters())
    if (P->getType()->isReferenceType() || P->getType()->isDependentType())
      return nullptr;
  if (FD->getReturnType()->isReferenceType())
    return nullptr;
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  const FunctionDecl *Def = nullptr;
  if (!(Pattern ? Pattern : FD)->hasBody(Def) || !Def || !isa<CompoundStmt>(Def->getBody()))
    return nullptr;
  const FunctionDecl *Key = Def->getCanonicalDecl();
  if (Key == Caller.getCanonicalDecl() || C.LockstepFunctions.count(Key) || !C.needsSync(Def) ||
      !C.SM.isBeforeInTranslationUnit(Def->getBody()->getEndLoc(), Caller.getBeginLoc()))
    return nullptr;
  std::shared_ptr<BlockCallee> &Entry = C.BlockCallees[Key];
  if (Entry)
    return Entry->Ok && !Entry->Planning ? Entry.get() : nullptr;
  Entry = std::make_shared<BlockCallee>();
  UserFile *CF = C.spelledIn(cast<CompoundStmt>(Def->getBody())->getLBracLoc());
  if (!CF || Def->getBody()->getBeginLoc().isMacroID())
    return nullptr;
  // Planned into an empty edit list of its file: the plan is the copy's, not the original's.
  Entry->Planning = true;
  Planner P(C, *Def, *CF, NoInterchange, true, true);
  Entry->Edits = editsApart(*CF, [&] { Entry->Prelude = P.run(&Entry->Plan); });
  Entry->ParamSlots = P.ParamSlots;
  Entry->Planning = false;
  Entry->Ok = !Entry->Prelude.empty();
  return Entry->Ok ? Entry.get() : nullptr;
}

namespace {

void emitCopy(Context &C, const FunctionDecl &FD, const BlockCallee &Copy) {
  auto *Body = cast<CompoundStmt>(FD.getBody());
  const Decl *Outer = FD.getDescribedFunctionTemplate()
                          ? static_cast<const Decl *>(FD.getDescribedFunctionTemplate())
                          : &FD;
  FunctionTypeLoc TL = FD.getFunctionTypeLoc();
  SourceRange Result = FD.getReturnTypeSourceRange();
  unsigned Begin = 0, End = 0, LBrace = 0, LParen = 0, RParen = 0, RB = 0, RE = 0;
  UserFile *F = C.spelledIn(C.SM.getExpansionLoc(Outer->getBeginLoc()), &Begin);
  if (!F || !TL || Result.isInvalid() || C.spelledIn(Body->getRBracLoc(), &End) != F ||
      C.spelledIn(Body->getLBracLoc(), &LBrace) != F ||
      C.spelledIn(TL.getLParenLoc(), &LParen) != F ||
      C.spelledIn(TL.getRParenLoc(), &RParen) != F || C.spelledIn(Result.getBegin(), &RB) != F ||
      C.spelledIn(Result.getEnd(), &RE) != F)
    return;
  RE += Lexer::MeasureTokenLength(Result.getEnd(), C.SM, C.LO);
  ++End; // after the '}'
  std::string Params = "(::npu::BlockRegions &npu_block";
  for (unsigned I = 0; I < FD.getNumParams(); ++I)
    Params += ", " + spelledType(C, FD.getParamDecl(I)->getType()) + " *" + Copy.ParamSlots[I];
  if (!FD.getReturnType()->isVoidType())
    Params += ", " + spelledType(C, FD.getReturnType()) + " *npu_return";
  Params += ")";
  // The copy's own counters, from its plan, kept apart (as the plan's edits).
  FileEdits Extra = editsApart(*F, [&] { addCostCounters(C, *Body, *F, &Copy.Plan); });
  Extra.append(Copy.Edits);
  Extra.replace(RB, RE - RB, "void");
  Extra.replace(LParen, RParen + 1 - LParen, Params);
  Extra.insert(LBrace + 1, Copy.Prelude, 10);
  llvm::StringRef Text = C.text(F->FID);
  F->Edits.insert(End,
                  "\n\n// " + FD.getNameAsString() +
                      " for a block-level call in barrier regions (cu2npu, "
                      "rules/kernel/BlockCalls.h)\n" +
                      F->Edits.applyRange(Text, Begin, End, Extra),
                  100);
}

} // namespace

void emitBlockCalleeCopies(Context &C, UserFile &File) {
  for (const auto &[Key, Copy] : C.BlockCallees) {
    const FunctionDecl *Def = nullptr;
    if (Copy && Copy->Ok && Key->hasBody(Def) && Def &&
        C.spelledIn(cast<CompoundStmt>(Def->getBody())->getLBracLoc()) == &File)
      emitCopy(C, *Def, *Copy);
  }
}

} // namespace cu2npu
