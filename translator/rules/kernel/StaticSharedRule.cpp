#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/Lex/Lexer.h>

#include "rules/kernel/KernelRules.h"

namespace cu2npu {

llvm::StringRef StaticSharedRule::name() const { return "static-shared"; }

void StaticSharedRule::onVar(Context &C, const clang::VarDecl &VD) {
  if (!VD.hasAttr<clang::CUDASharedAttr>() || VD.getStorageClass() != clang::SC_Static)
    return;
  // The specifiers may start with the __shared__ macro: from where it is written.
  clang::SourceLocation Begin = C.SM.getExpansionLoc(VD.getBeginLoc()), Name = VD.getLocation();
  unsigned B = 0, N = 0;
  UserFile *F = C.spelledIn(Begin, &B);
  if (!F || Begin.isMacroID() || Name.isMacroID() || C.spelledIn(Name, &N) != F || N < B)
    return;
  // The `static` among the declaration's specifiers, found by a raw lexer (it is not in the AST).
  llvm::StringRef T = C.text(F->FID);
  clang::Lexer Lex(C.SM.getLocForStartOfFile(F->FID), C.LO, T.begin(), T.begin() + B, T.end());
  clang::Token Tok;
  while (!Lex.LexFromRawLexer(Tok) && C.SM.getFileOffset(Tok.getLocation()) < N) {
    if (Tok.is(clang::tok::raw_identifier) && Tok.getRawIdentifier() == "static") {
      unsigned Off = C.SM.getFileOffset(Tok.getLocation()), End = Off + Tok.getLength();
      while (End < T.size() && (T[End] == ' ' || T[End] == '\t'))
        ++End;
      F->Edits.replace(Off, End - Off, "");
      C.countConverted(*F, "static __shared__");
      return;
    }
  }
}

} // namespace cu2npu
