#include "rules/cost/RegionStarts.h"

#include <string>
#include <vector>

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

#include "rules/Context.h"
#include "rules/cost/SourceText.h"
#include "rules/kernel/BarrierRegions.h"
#include "rules/kernel/Collectives.h"

namespace cu2npu {

using namespace clang;

namespace {

void collectCandidates(const Stmt *S, std::vector<const Stmt *> &Out) {
  if (!S)
    return;
  if (auto *CS = dyn_cast<CompoundStmt>(S); CS && holdsBarrierPoint(CS))
    Out.insert(Out.end(), CS->body_begin(), CS->body_end());
  for (const Stmt *Child : S->children())
    collectCandidates(Child, Out);
}

} // namespace

std::optional<std::set<const Stmt *>> regionStarts(Context &C, const FunctionDecl &Kernel,
                                                   const SourceText &Text) {
  // The planner (rules/kernel/BarrierRegions.cpp) tells where its loops open only through the
  // edits it makes: run it again on an empty edit list, and mark every candidate statement with a
  // sentinel before (order 19) and after (order 21) the planner's opening text (order 20).
  UserFile &F = Text.file();
  FileEdits Saved = std::move(F.Edits);
  F.Edits = FileEdits();
  std::string Open = emitBarrierRegions(C, Kernel, F);
  FileEdits Plan = std::move(F.Edits);
  F.Edits = std::move(Saved);
  if (Open.empty())
    return std::nullopt;

  std::vector<const Stmt *> Candidates;
  collectCandidates(Kernel.getBody(), Candidates);
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (auto Off = Text.stmtBegin(Candidates[I])) {
      std::string Index = std::to_string(I) + '\x03';
      Plan.insert(*Off, std::string(1, '\x01') += Index, 19);
      Plan.insert(*Off, std::string(1, '\x02') += Index, 21);
    }
  std::string Out = Plan.apply(Text.text());
  std::vector<size_t> Before(Candidates.size(), std::string::npos), After = Before;
  for (size_t At = Out.find_first_of("\x01\x02"); At != std::string::npos;
       At = Out.find_first_of("\x01\x02", At + 1)) {
    size_t End = Out.find('\x03', At);
    if (End == std::string::npos)
      break;
    llvm::StringRef Digits = llvm::StringRef(Out).slice(At + 1, End);
    size_t Index = 0;
    if (Digits.getAsInteger(10, Index)) // not a sentinel: a control character of the source
      continue;
    if (Index < Candidates.size())
      (Out[At] == '\x01' ? Before : After)[Index] = Out[At] == '\x01' ? End + 1 : At;
  }
  std::set<const Stmt *> Starts;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (Before[I] != std::string::npos && After[I] != std::string::npos && Before[I] <= After[I] &&
        llvm::StringRef(Out).slice(Before[I], After[I]).contains("NPU_REGION_PARAMS") &&
        !llvm::StringRef(Out).slice(Before[I], After[I]).contains("npu_block.collective"))
      Starts.insert(Candidates[I]);
  return Starts;
}

} // namespace cu2npu
