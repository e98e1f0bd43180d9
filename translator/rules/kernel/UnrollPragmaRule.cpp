#include "rules/kernel/KernelRules.h"

#include <clang/Lex/Lexer.h>

namespace cu2npu {

llvm::StringRef UnrollPragmaRule::name() const { return "unroll-pragma"; }

namespace {

// What `#pragma unroll` becomes when its count is not an integer literal: g++ needs a literal
// (no macros, no template parameters), so the count is a fixed, documented partial unroll.
constexpr const char *kDefaultUnroll = "16";

// The count of `#pragma unroll <tokens>` when it is an integer literal, bare or parenthesised
// ("4", "(4)"); empty otherwise.
std::string literalCount(llvm::StringRef Argument) {
  Argument = Argument.trim();
  if (Argument.consume_front("(") && !Argument.consume_back(")"))
    return {};
  Argument = Argument.trim();
  unsigned long long Value = 0;
  if (Argument.empty() || Argument.getAsInteger(0, Value) || Value > 65534)
    return {};
  return std::to_string(Value);
}

} // namespace

// A lexical pass, so loops in every #if branch and in macros' neighbourhoods are covered alike.
void UnrollPragmaRule::onFile(Context &C, UserFile &F) {
  llvm::StringRef Buf = C.text(F.FID);
  if (!Buf.contains("unroll")) // most files: no second lexing pass
    return;
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  LO.CUDA = true;
  clang::Lexer L(C.SM.getLocForStartOfFile(F.FID), LO, Buf.begin(), Buf.begin(), Buf.end());
  clang::Token Tok;
  enum { LineStart, AfterHash, AfterPragma, Other } State = Other;
  while (true) {
    L.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    if (Tok.isAtStartOfLine())
      State = Tok.is(clang::tok::hash) ? AfterHash : Other;
    else if (State == AfterHash)
      State = Tok.is(clang::tok::raw_identifier) && Tok.getRawIdentifier() == "pragma" ? AfterPragma
                                                                                       : Other;
    else if (State == AfterPragma) {
      State = Other;
      if (!Tok.is(clang::tok::raw_identifier) || Tok.getRawIdentifier() != "unroll")
        continue;
      // The directive runs to the end of its line (continuation lines are rare enough here to
      // leave the pragma untouched: then the count is not a plain literal anyway).
      const unsigned Begin = C.SM.getFileOffset(Tok.getLocation());
      const size_t LineEnd = Buf.find_first_of("\r\n", Begin);
      const unsigned End = LineEnd == llvm::StringRef::npos ? Buf.size() : unsigned(LineEnd);
      llvm::StringRef Directive = Buf.slice(Begin, End);
      llvm::StringRef Argument = Directive.drop_front(6);
      if (size_t Comment = Argument.find("//"); Comment != llvm::StringRef::npos)
        Argument = Argument.take_front(Comment);
      Argument = Argument.rtrim();
      if (Argument.contains("/*") || Argument.ends_with("\\"))
        continue;
      const std::string Count = literalCount(Argument);
      // "unroll" and its argument; a trailing comment stays.
      const unsigned Length = unsigned(6 + Argument.size());
      F.Edits.replace(Begin, Length,
                      "GCC unroll " + (Count.empty() ? std::string(kDefaultUnroll) : Count));
      C.countConverted(F, "#pragma unroll");
    }
  }
}

} // namespace cu2npu
