#include "rules/cost/SourceText.h"

#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Lex/Lexer.h>

#include "rules/Context.h"

namespace cu2npu {

using namespace clang;

SourceText::SourceText(Context &C, UserFile &F) : C(C), F(F), Text(C.text(F.FID)) {}

std::optional<unsigned> SourceText::offsetOf(SourceLocation L) const {
  if (L.isInvalid() || L.isMacroID())
    return std::nullopt;
  unsigned Off = 0;
  if (C.spelledIn(L, &Off) != &F)
    return std::nullopt;
  return Off;
}

std::optional<unsigned> SourceText::beginOf(SourceLocation L) const {
  SourceLocation MacroBegin;
  if (L.isMacroID() && Lexer::isAtStartOfMacroExpansion(L, C.SM, C.LO, &MacroBegin))
    L = MacroBegin;
  return offsetOf(L);
}

std::optional<unsigned> SourceText::afterToken(SourceLocation L) const {
  SourceLocation MacroEnd;
  if (L.isMacroID() && Lexer::isAtEndOfMacroExpansion(L, C.SM, C.LO, &MacroEnd))
    L = MacroEnd;
  auto Off = offsetOf(L);
  if (!Off)
    return std::nullopt;
  return *Off + Lexer::MeasureTokenLength(L, C.SM, C.LO);
}

std::optional<unsigned> SourceText::afterSemi(SourceLocation LastToken) const {
  auto Off = afterToken(LastToken);
  if (!Off)
    return std::nullopt;
  unsigned I = *Off;
  while (I < Text.size()) { // blanks and comments may sit between a statement and its ';'
    if (Text[I] == ' ' || Text[I] == '\t' || Text[I] == '\n' || Text[I] == '\r') {
      ++I;
    } else if (Text.substr(I).starts_with("//")) {
      I = Text.find('\n', I);
      if (I == llvm::StringRef::npos)
        return std::nullopt;
    } else if (Text.substr(I).starts_with("/*")) {
      I = Text.find("*/", I);
      if (I == llvm::StringRef::npos)
        return std::nullopt;
      I += 2;
    } else {
      break;
    }
  }
  if (I < Text.size() && Text[I] == ';')
    return I + 1;
  return std::nullopt;
}

std::optional<unsigned> SourceText::stmtBegin(const Stmt *S) const {
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

std::optional<unsigned> SourceText::stmtEnd(const Stmt *S) const {
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
  if (auto *L = dyn_cast<LabelStmt>(S))
    return stmtEnd(L->getSubStmt());
  if (auto *DS = dyn_cast<DeclStmt>(S))
    return afterToken(DS->getEndLoc());
  if (auto *N = dyn_cast<NullStmt>(S))
    return afterToken(N->getSemiLoc());
  if (auto *D = dyn_cast<DoStmt>(S))
    return afterSemi(D->getRParenLoc());
  if (isa<Expr>(S) || isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) ||
      isa<GotoStmt>(S))
    return afterSemi(S->getEndLoc());
  return std::nullopt;
}

std::string SourceText::indentAt(unsigned Off) const {
  unsigned B = Off;
  while (B > 0 && (Text[B - 1] == ' ' || Text[B - 1] == '\t'))
    --B;
  if (B > 0 && Text[B - 1] != '\n')
    return " ";
  return Text.substr(B, Off - B).str();
}

bool SourceText::isCostStatement(const Stmt *S) const {
  if (!S)
    return false;
  unsigned Off = 0;
  if (C.spelledIn(C.SM.getExpansionLoc(S->getBeginLoc()), &Off) != &F)
    return false;
  return Text.substr(Off).starts_with("NPU_COST(");
}

} // namespace cu2npu
