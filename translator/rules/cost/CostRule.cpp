#include "rules/cost/CostRule.h"

#include <map>
#include <optional>
#include <set>

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Stmt.h>

#include "driver/Options.h"
#include "rules/cost/RegionStarts.h"
#include "rules/cost/SourceText.h"
#include "rules/cost/UnitCounter.h"

namespace cu2npu {

using namespace clang;

namespace {

// Insertion orders at one offset. The kernel wrap opens at the body's '{' with order 10 and a
// barrier region opens before its first statement with order 20: an NPU_COST goes after both, so
// it lands inside the per-thread code. Wrapped bodies close before a region's closing text
// (order 5); nested ones that end together close with one edit (identical edits at one offset
// are merged).
constexpr int AfterKernelOpen = 15;
constexpr int AfterRegionOpen = 25;
constexpr int BeforeRegionClose = -1;

bool alreadyWrapped(const CompoundStmt &Body, const SourceText &Text) {
  for (const Stmt *S : Body.body()) {
    auto Off = Text.stmtBegin(S);
    if (!Off)
      continue;
    llvm::StringRef At = Text.text().substr(*Off);
    if (At.starts_with("::npu::for_each_thread") || At.starts_with("::npu::block_regions"))
      return true;
  }
  return false;
}

// After a compound's '{': on a line of its own, indented like the first statement, when the
// compound's statements start on the next line; else on the same line.
std::string afterBrace(const SourceText &Text, unsigned Brace, const std::string &Stmt) {
  llvm::StringRef T = Text.text();
  unsigned I = Brace + 1;
  bool NewLine = false;
  unsigned LineStart = I;
  while (I < T.size() && (T[I] == ' ' || T[I] == '\t' || T[I] == '\n' || T[I] == '\r')) {
    if (T[I] == '\n') {
      NewLine = true;
      LineStart = I + 1;
    }
    ++I;
  }
  if (!NewLine || I >= T.size() || T[I] == '}')
    return std::string(" ") + Stmt;
  std::string Line(1, '\n'); // built by appends: GCC 12 misreports "\n" + ... (-Wrestrict)
  Line += T.slice(LineStart, I);
  Line += Stmt;
  return Line;
}

} // namespace

llvm::StringRef CostRule::name() const { return "cost-counters"; }

void CostRule::onFunction(Context &C, const FunctionDecl &FD) {
  if (!C.Opts.CostCounters || !FD.doesThisDeclarationHaveABody())
    return;
  bool Kernel = FD.hasAttr<CUDAGlobalAttr>();
  if (!Kernel && !FD.hasAttr<CUDADeviceAttr>())
    return;
  if (FD.isConstexpr()) // NPU_COST reads a run-time flag: not allowed in a constant expression
    return;
  auto *Body = dyn_cast_or_null<CompoundStmt>(FD.getBody());
  if (!Body || Body->getLBracLoc().isMacroID())
    return;
  UserFile *F = C.spelledIn(Body->getLBracLoc());
  if (!F)
    return;
  SourceText Text(C, *F);
  // A kernel translated by an earlier run has its counters already (inside its wrap), and so
  // has a block-level copy it wrote (rules/kernel/BlockCalls.h: the block is its first parameter).
  if (Kernel && alreadyWrapped(*Body, Text))
    return;
  if (FD.getNumParams() > 0)
    if (const CXXRecordDecl *RD = FD.getParamDecl(0)->getType()->getPointeeCXXRecordDecl();
        RD && RD->getName() == "BlockRegions" &&
        RD->getQualifiedNameAsString() == "npu::BlockRegions")
      return;
  std::optional<RegionPlan> Regions;
  if (Kernel)
    Regions = regionPlan(C, FD, Text);
  addCostCounters(C, *Body, *F, Regions ? &*Regions : nullptr);
}

void addCostCounters(Context &C, const CompoundStmt &FunctionBody, UserFile &File,
                     const RegionPlan *Regions) {
  if (!C.Opts.CostCounters)
    return;
  const CompoundStmt *Body = &FunctionBody;
  UserFile *F = &File;
  SourceText Text(C, *F);

  std::map<unsigned, unsigned> Closings; // offset -> wrapped bodies ending there
  for (const CostUnit &U : countUnits(C, *Body, Text)) {
    std::string CostStmt = U.Cost.statement();
    if (CostStmt.empty() || U.AlreadyCounted)
      continue;
    switch (U.K) {
    case CostUnit::Kind::Compound: {
      auto Brace = Text.offsetOf(U.Compound->getLBracLoc());
      if (!Brace)
        break;
      if (Regions && Regions->BlockLevel.count(U.Compound)) {
        // Runs once per block: count in its first per-thread loop, or in a loop of its own.
        const Stmt *Start = nullptr;
        for (const Stmt *S : U.Compound->body())
          if (Regions->RegionStarts.count(S)) {
            Start = S;
            break;
          }
        if (auto Off = Start ? Text.stmtBegin(Start) : std::nullopt) {
          std::string Indent = Text.indentAt(*Off);
          F->Edits.insert(*Off, CostStmt + (Indent == " " ? " " : "\n" + Indent), AfterRegionOpen,
                          true);
        } else {
          F->Edits.insert(*Brace + 1,
                          afterBrace(Text, *Brace,
                                     "npu_block.for_each_thread" + Regions->LoopArguments +
                                         "([&](NPU_REGION_PARAMS) { " + CostStmt + " });"),
                          AfterKernelOpen, true);
        }
        break;
      }
      F->Edits.insert(*Brace + 1, afterBrace(Text, *Brace, CostStmt), AfterKernelOpen, true);
      break;
    }
    case CostUnit::Kind::Body: {
      auto Begin = Text.stmtBegin(U.First), End = Text.stmtEnd(U.First);
      if (!Begin || !End)
        break;
      // A hoisted loop's one-statement body is a region: the count goes inside it.
      F->Edits.insert(*Begin, std::string("{ ") + CostStmt + " ",
                      Regions && Regions->RegionStarts.count(U.First) ? AfterRegionOpen
                                                                      : AfterKernelOpen,
                      true);
      ++Closings[*End];
      break;
    }
    case CostUnit::Kind::CaseSegment:
      if (auto Begin = Text.stmtBegin(U.First))
        F->Edits.insert(*Begin, CostStmt + " ", AfterKernelOpen, true);
      break;
    }
  }
  for (auto [Off, N] : Closings) {
    std::string Close;
    for (unsigned I = 0; I < N; ++I)
      Close += " }";
    F->Edits.insert(Off, Close, BeforeRegionClose, true);
  }
}

} // namespace cu2npu
