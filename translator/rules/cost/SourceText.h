// Offsets in one translated file for statements of its AST: where a statement starts and ends
// (so text can be inserted around it), its indentation, and whether it is an NPU_COST statement
// written by an earlier translation. Positions inside macro bodies, or in another file, have no
// offset: nothing is inserted there.
#pragma once

#include <optional>
#include <string>

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/StringRef.h>

namespace clang {
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;
struct UserFile;

class SourceText {
public:
  SourceText(Context &C, UserFile &F);

  UserFile &file() const { return F; }
  llvm::StringRef text() const { return Text; }
  // A location written in this file (not in a macro body).
  std::optional<unsigned> offsetOf(clang::SourceLocation L) const;
  // Where a statement starts: its first token, the start of a macro use it begins with, or the
  // '#' of a `#pragma` written before it.
  std::optional<unsigned> stmtBegin(const clang::Stmt *S) const;
  // Just after a statement: after its closing '}' or its ';'.
  std::optional<unsigned> stmtEnd(const clang::Stmt *S) const;
  // The blanks before Off when it starts a line; " " when other text precedes it on its line.
  std::string indentAt(unsigned Off) const;
  // Whether S is `NPU_COST(...);` (a statement an earlier translation inserted).
  bool isCostStatement(const clang::Stmt *S) const;

private:
  Context &C;
  UserFile &F;
  llvm::StringRef Text;

  std::optional<unsigned> beginOf(clang::SourceLocation L) const;
  std::optional<unsigned> afterToken(clang::SourceLocation L) const;
  std::optional<unsigned> afterSemi(clang::SourceLocation LastToken) const;
};

} // namespace cu2npu
