#include "rules/api/RenameRule.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>

#include "mapping/Mapping.h"

namespace cu2npu {

llvm::StringRef RenameRule::name() const { return "api"; }

static std::string noteSuffix(const ApiRow &R) {
  return (R.Note && *R.Note) ? std::string(" (") + R.Note + ")" : std::string();
}

void RenameRule::onFile(Context &C, UserFile &F) {
  llvm::StringRef Buf = C.text(F.FID);
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  LO.CUDA = true;
  clang::SourceLocation Start = C.SM.getLocForStartOfFile(F.FID);
  clang::Lexer L(Start, LO, Buf.begin(), Buf.begin(), Buf.end());
  L.SetCommentRetentionState(false);
  clang::Token Tok;
  bool SkipLine = false;  // inside an #include line
  bool AfterHash = false; // previous token was a '#' at line start
  // The qualifier of the current token: `ns` in `ns::Name` (rows of libraries whose names are
  // qualified, thrust's and CUB's, are spelled `ns::Name`).
  llvm::StringRef LastIdent, Qualifier;
  bool LastWasIdent = false;
  while (true) {
    L.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    Qualifier = Tok.is(clang::tok::raw_identifier) && !LastWasIdent ? Qualifier : "";
    if (Tok.is(clang::tok::coloncolon) && LastWasIdent)
      Qualifier = LastIdent;
    LastWasIdent = Tok.is(clang::tok::raw_identifier);
    if (LastWasIdent)
      LastIdent = Tok.getRawIdentifier();
    if (Tok.isAtStartOfLine()) {
      SkipLine = false;
      AfterHash = false;
    }
    if (Tok.is(clang::tok::hash) && Tok.isAtStartOfLine()) {
      AfterHash = true;
      continue;
    }
    if (AfterHash) {
      AfterHash = false;
      if (Tok.is(clang::tok::raw_identifier)) {
        llvm::StringRef D = Tok.getRawIdentifier();
        if (D == "include" || D == "include_next" || D == "import" || D == "pragma" ||
            D == "error" || D == "warning" || D == "line")
          SkipLine = true;
      }
      continue;
    }
    if (SkipLine || !Tok.is(clang::tok::raw_identifier))
      continue;
    llvm::StringRef Name = Tok.getRawIdentifier();
    const ApiRow *R = Qualifier.empty() ? nullptr : lookupApi((Qualifier + "::" + Name).str());
    if (R)
      Name = R->Cuda;
    else if (Name.size() < 3)
      continue;
    else if (C.UserMacros.count(Name.str()))
      continue; // a user's macro of a CUDA name (`#define __shfl(v, d) __shfl_sync(...)`) wins
    else
      R = lookupApi(Name);
    unsigned Off = C.SM.getFileOffset(Tok.getLocation());
    if (R) {
      if (R->St == Status::unsupported) {
        DiagId D = R->Diag == DiagId::None ? DiagId::CU2NPU1007 : R->Diag;
        if (D == DiagId::CU2NPU1007)
          C.report(Tok.getLocation(), D, {Name.str(), noteSuffix(*R)});
        else
          C.report(Tok.getLocation(), D, {Name.str()});
        C.countUnconverted(F, Name.str());
        continue;
      }
      if (R->St == Status::partial && (R->K == Kind::function || R->K == Kind::device_function))
        C.report(Tok.getLocation(), DiagId::CU2NPU1005, {Name.str(), R->Note});
      // A qualified npurt spelling (`npu::texture`) is written by an AST rule, only where the
      // name means CUDA's entity: a lexer cannot tell a member or local of the same name.
      if (llvm::StringRef(R->Npu).contains("::") && !llvm::StringRef(R->Cuda).contains("::"))
        continue;
      if (Name != R->Npu)
        F.Edits.replace(Off, Name.size(), R->Npu);
      if (R->K != Kind::device_function && !(R->Sec >= Section::device_math))
        C.countConverted(F, Name.str());
      continue;
    }
    ApiFamily Fam = classifyCudaLike(Name);
    if (Fam == ApiFamily::None || C.UserNames.count(Name.str()))
      continue;
    DiagId D = Fam == ApiFamily::Runtime  ? DiagId::CU2NPU1001
               : Fam == ApiFamily::Driver ? DiagId::CU2NPU1002
                                          : DiagId::CU2NPU1003;
    C.report(Tok.getLocation(), D, {Name.str()});
    C.countUnconverted(F, Name.str());
  }
}

} // namespace cu2npu
