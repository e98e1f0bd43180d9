#include "rules/launch/KernelLaunchRule.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/TemplateBase.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>

namespace cu2npu {

llvm::StringRef KernelLaunchRule::name() const { return "launch"; }

namespace {

bool isHSpace(char C) { return C == ' ' || C == '\t'; }

// Offset of the next token after Off, skipping whitespace and comments.
unsigned skipBlank(llvm::StringRef T, unsigned Off) {
  while (Off < T.size()) {
    char C = T[Off];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      ++Off;
      continue;
    }
    if (C == '\\' && Off + 1 < T.size() && (T[Off + 1] == '\n' || T[Off + 1] == '\r')) {
      ++Off;
      continue;
    }
    if (T.substr(Off).starts_with("/*")) {
      size_t E = T.find("*/", Off + 2);
      Off = E == llvm::StringRef::npos ? T.size() : unsigned(E + 2);
      continue;
    }
    if (T.substr(Off).starts_with("//")) {
      while (Off < T.size() && T[Off] != '\n')
        ++Off;
      continue;
    }
    break;
  }
  return Off;
}

// A template argument no spelling at the launch can name: a lambda's closure type, an unnamed or
// function-local class, also behind pointers, references and arrays, or in a pack.
bool unspellable(const clang::TemplateArgument &A) {
  if (A.getKind() == clang::TemplateArgument::Pack)
    return llvm::any_of(A.pack_elements(), unspellable);
  if (A.getKind() != clang::TemplateArgument::Type)
    return false;
  clang::QualType T = A.getAsType();
  while (T->isPointerType() || T->isReferenceType() || T->isArrayType())
    T = T->isArrayType() ? clang::QualType(T->getArrayElementTypeNoTypeQual(), 0)
                         : T->getPointeeType();
  const clang::CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && (RD->isLambda() || RD->isLocalClass() ||
                (!RD->getIdentifier() && !RD->getTypedefNameForAnonDecl()));
}

std::string quote(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n' || C == '\r') {
      Out += ' ';
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

// ", a, b" for the launch's default arguments. A constant is written as its value in the
// parameter's type, fully qualified (the launch may sit in another namespace than the kernel,
// and a template's spelling may name its parameters); anything else as spelled at the kernel.
// Empty when such a spelling is in a macro.
std::string defaultArguments(Context &C, const clang::CUDAKernelCallExpr &K) {
  std::string Out;
  clang::PrintingPolicy PP(C.LO);
  PP.SuppressTagKeyword = true;
  PP.FullyQualifiedName = true;
  for (const clang::Expr *A : K.arguments()) {
    auto *D = llvm::dyn_cast<clang::CXXDefaultArgExpr>(A);
    if (!D)
      continue;
    const clang::Expr *E = D->getExpr();
    clang::QualType T = D->getParam()->getType().getCanonicalType().getUnqualifiedType();
    std::string Type = T.getAsString(PP);
    clang::Expr::EvalResult R;
    if (!E->isValueDependent() && E->EvaluateAsRValue(R, *C.AST)) {
      if (R.Val.isInt()) {
        Out += ", static_cast<" + Type + ">(" +
               llvm::toString(R.Val.getInt(), 10, R.Val.getInt().isSigned()) + ")";
        continue;
      }
      if (R.Val.isFloat()) {
        llvm::SmallString<32> Hex;
        Hex.resize(64);
        unsigned N = R.Val.getFloat().convertToHexString(Hex.data(), 0, false,
                                                         llvm::APFloat::rmNearestTiesToEven);
        Hex.resize(N);
        Out += ", static_cast<" + Type + ">(" + Hex.str().str() + ")"; // exact: a hex literal
        continue;
      }
      if (R.Val.isNullPointer()) {
        Out += ", static_cast<" + Type + ">(nullptr)";
        continue;
      }
    }
    const clang::Expr *Written = D->getParam()->getDefaultArg();
    clang::CharSourceRange Range = clang::CharSourceRange::getTokenRange(Written->getSourceRange());
    if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
      return "";
    Out += ", " + clang::Lexer::getSourceText(Range, C.SM, C.LO).str();
  }
  return Out;
}

} // namespace

void KernelLaunchRule::onKernelCall(Context &C, const clang::CUDAKernelCallExpr &K) {
  clang::SourceManager &SM = C.SM;
  const clang::CallExpr *Cfg = K.getConfig();
  const clang::Expr *Callee = K.getCallee()->IgnoreImplicit();
  if (!Cfg || !Callee)
    return;
  std::string Shown = "kernel";
  if (auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(Callee))
    Shown = DR->getNameInfo().getAsString();
  else if (auto *UL = llvm::dyn_cast<clang::OverloadExpr>(Callee))
    Shown = UL->getName().getAsString();

  clang::SourceLocation Lll = Cfg->getBeginLoc(), Ggg = Cfg->getRParenLoc();
  unsigned LllOff = 0, GggOff = 0;
  UserFile *F = C.spelledIn(Lll, &LllOff);
  if (!F)
    return; // not in a translated file
  C.LaunchesSeen.insert({F->FID, LllOff});
  if (C.CurrentFunction && (C.CurrentFunction->hasAttr<clang::CUDAGlobalAttr>() ||
                            (C.CurrentFunction->hasAttr<clang::CUDADeviceAttr>() &&
                             !C.CurrentFunction->hasAttr<clang::CUDAHostAttr>()))) {
    C.report(Lll, DiagId::CU2NPU1015, {"kernel launch of " + Shown});
    C.countUnconverted(*F, "<<<>>> in device code");
    return;
  }
  UserFile *FG = C.spelledIn(Ggg, &GggOff);
  llvm::StringRef T = C.text(F->FID);
  if (FG != F || GggOff <= LllOff || !T.substr(LllOff).starts_with("<<<") ||
      !T.substr(GggOff).starts_with(">>>")) {
    C.report(K.getBeginLoc(), DiagId::CU2NPU2001,
             {Shown, "'<<<' and '>>>' are not spelled in one place"});
    C.countUnconverted(*F, "<<<>>>");
    return;
  }
  bool InMacroBody = Lll.isMacroID() && !SM.isMacroArgExpansion(Lll);

  // Where the callee is spelled, in the same buffer, before '<<<'.
  clang::SourceLocation CB = Callee->getBeginLoc(), CE = Callee->getEndLoc();
  unsigned CBOff = 0, CEOff = 0;
  bool IsParam = false;
  UserFile *FC = C.spelledIn(CB, &CBOff);
  UserFile *FCE = C.spelledIn(CE, &CEOff);
  if (!(FC == F && FCE == F && CBOff < LllOff && CEOff < LllOff)) {
    // Callee passed as a macro argument, launch spelled in the macro body: use the parameter.
    if (InMacroBody && CB.isMacroID() && SM.isMacroArgExpansion(CB)) {
      clang::SourceLocation P = SM.getImmediateExpansionRange(CB).getBegin();
      FC = C.spelledIn(P, &CBOff);
      if (FC == F && CBOff < LllOff) {
        IsParam = true;
        CEOff = CBOff;
      }
    }
    if (!IsParam) {
      C.report(K.getBeginLoc(), DiagId::CU2NPU2001,
               {Shown, "the kernel name and '<<<' are not spelled in one place"});
      C.countUnconverted(*F, "<<<>>>");
      return;
    }
  }
  unsigned CEEnd =
      CEOff +
      clang::Lexer::MeasureTokenLength(
          SM.getSpellingLoc(IsParam ? SM.getImmediateExpansionRange(CB).getBegin() : CE), SM, C.LO);
  if (IsParam)
    CEEnd = CBOff + clang::Lexer::MeasureTokenLength(
                        SM.getSpellingLoc(SM.getImmediateExpansionRange(CB).getBegin()), SM, C.LO);

  // The '(' of the kernel arguments.
  unsigned AfterGgg = GggOff + 3;
  unsigned Paren = skipBlank(T, AfterGgg);
  if (Paren >= T.size() || T[Paren] != '(') {
    C.report(K.getBeginLoc(), DiagId::CU2NPU2001,
             {Shown, "the argument list does not follow '>>>'"});
    C.countUnconverted(*F, "<<<>>>");
    return;
  }

  // Name string and template arguments.
  llvm::StringRef CalleeText = T.slice(CBOff, CEEnd);
  std::string NameStr = IsParam ? "#" + CalleeText.str() : quote(CalleeText);
  std::string TArgs;
  bool ReplaceExplicit = false;
  bool Deduced = false;
  unsigned LAngleOff = 0, RAngleEnd = 0;
  if (auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(Callee)) {
    if (auto *FD = llvm::dyn_cast<clang::FunctionDecl>(DR->getDecl())) {
      if (const clang::TemplateArgumentList *Args = FD->getTemplateSpecializationArgs()) {
        // A deduced argument with no name (a lambda's type): the host compiler deduces it again.
        if (llvm::any_of(Args->asArray(), unspellable))
          Deduced = true;
        else if (!DR->hasExplicitTemplateArgs() || DR->getNumTemplateArgs() < Args->size()) {
          clang::PrintingPolicy PP(C.LO);
          PP.SuppressTagKeyword = true;
          PP.FullyQualifiedName = true;
          std::string S;
          llvm::raw_string_ostream OS(S);
          clang::printTemplateArgumentList(OS, Args->asArray(), PP);
          TArgs = OS.str();
          if (DR->hasExplicitTemplateArgs()) {
            ReplaceExplicit = true;
            UserFile *FL = C.spelledIn(DR->getLAngleLoc(), &LAngleOff);
            UserFile *FR = C.spelledIn(DR->getRAngleLoc(), &RAngleEnd);
            if (FL != F || FR != F) {
              C.report(K.getBeginLoc(), DiagId::CU2NPU2001,
                       {Shown, "template arguments are not spelled with the kernel name"});
              return;
            }
            RAngleEnd += 1;
          }
        }
      }
    }
  } else if (auto *UL = llvm::dyn_cast<clang::UnresolvedLookupExpr>(Callee)) {
    // A template kernel whose arguments are (partly) deduced from arguments
    // that depend on the enclosing template: no single spelling of k<...>
    // fits every instantiation, so the host compiler deduces them through a
    // generic lambda (npu::launch_deduced).
    for (const clang::NamedDecl *D : UL->decls())
      if (auto *FT = llvm::dyn_cast<clang::FunctionTemplateDecl>(D->getUnderlyingDecl()))
        if (UL->getNumTemplateArgs() < FT->getTemplateParameters()->size())
          Deduced = true;
    // `k<BS>` in a template names one instantiation per BS: each launch reports its own name.
    if (!Deduced && !IsParam && UL->hasExplicitTemplateArgs())
      NameStr = "::npu::kernel_name<" + CalleeText.str() + ">(" + NameStr + ")";
  }
  if (!TArgs.empty() && IsParam) {
    C.report(K.getBeginLoc(), DiagId::CU2NPU2002, {Shown});
    TArgs.clear();
  }
  if (!TArgs.empty() && InMacroBody) {
    auto Key = std::make_pair(static_cast<const UserFile *>(F), CEEnd);
    auto [It, New] = MacroTemplateArgs.try_emplace(Key, TArgs);
    if (!New && It->second != TArgs)
      C.report(K.getBeginLoc(), DiagId::CU2NPU2003, {Shown}, false);
    TArgs = It->second;
  }
  // The instantiation's name, as profilers show it (`fill<double>` beside `fill<Pt>`).
  if (!TArgs.empty())
    NameStr = quote(T.slice(CBOff, ReplaceExplicit ? LAngleOff : CEEnd).rtrim(" \t").str() + TArgs);

  // Configuration: missing values become 0.
  unsigned Explicit = 0;
  for (const clang::Expr *A : Cfg->arguments())
    if (!llvm::isa<clang::CXXDefaultArgExpr>(A))
      ++Explicit;
  if (Cfg->getNumArgs() == 0 || Explicit == 0)
    Explicit = 2;
  std::string Missing;
  for (unsigned I = Explicit; I < 4; ++I)
    Missing += ", 0";
  unsigned KArgs = 0;
  for (const clang::Expr *A : K.arguments())
    if (!llvm::isa<clang::CXXDefaultArgExpr>(A))
      ++KArgs;

  // Edits. A kernel proven never to wait for other work is launched with the tag that lets the
  // runtime run a small grid on the launching thread (npurt/device/launch.h); in a macro body
  // each expansion may launch another kernel, so none is.
  const std::string Tag =
      !InMacroBody && !Deduced && C.neverWaits(K.getDirectCallee()) ? "::npu::never_waits, " : "";
  if (Deduced)
    F->Edits.insert(CBOff, "::npu::launch_deduced(" + NameStr + ", [](auto &...npu_args) { ", 5);
  else
    F->Edits.insert(CBOff, "::npu::launch(" + Tag + NameStr + ", ", 5);
  if (!TArgs.empty()) {
    if (ReplaceExplicit)
      F->Edits.replace(LAngleOff, RAngleEnd - LAngleOff, TArgs);
    else
      F->Edits.insert(CEEnd, TArgs, 5);
  }
  unsigned LEnd = LllOff + 3;
  while (LEnd < T.size() && isHSpace(T[LEnd]))
    ++LEnd;
  F->Edits.replace(LllOff, LEnd - LllOff, Deduced ? "(npu_args...); }, " : ", ");
  unsigned GBegin = GggOff;
  while (GBegin > LEnd && isHSpace(T[GBegin - 1]))
    --GBegin;
  unsigned PEnd = Paren + 1;
  if (KArgs)
    while (PEnd < T.size() && isHSpace(T[PEnd]))
      ++PEnd;
  F->Edits.replace(GBegin, PEnd - GBegin, Missing + (KArgs ? ", " : ""));
  // Default arguments: ::npu::launch converts to the kernel's full parameter list, so the ones
  // the launch leaves out are written out (launch_deduced's direct call gets them from C++).
  if (!Deduced && KArgs < K.getNumArgs()) {
    std::string Defaults = defaultArguments(C, K);
    unsigned ROff = 0;
    if (Defaults.empty() || C.spelledIn(K.getRParenLoc(), &ROff) != F || ROff < Paren) {
      C.report(K.getBeginLoc(), DiagId::CU2NPU2001,
               {Shown, "its default arguments cannot be written at the launch"});
      C.countUnconverted(*F, "<<<>>>");
      return;
    }
    F->Edits.insert(ROff, Defaults, 5);
  }
  C.countConverted(*F, "<<<>>>");
}

} // namespace cu2npu
