// kernel-handle: a __global__ function cast to a void pointer in host code (`(void *)k`,
// `reinterpret_cast<const void *>(&k)`: what CUDA's type-erased entry points take, e.g.
// cudaLaunchKernel and cudaKernelNodeParams::func) becomes `::npu::kernel_handle("k", k)`, the
// handle npurt launches from a `void **` argument array (npurt/device/kernel_handle.h). The
// whole cast is replaced, so the value keeps the cast's type: a handle is `const void *`, and a
// cast to `void *` becomes a const_cast of it.
#include "rules/launch/KernelLaunchRule.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Expr.h>
#include <clang/Lex/Lexer.h>

namespace cu2npu {

llvm::StringRef KernelHandleRule::name() const { return "kernel-handle"; }

namespace {

// The kernel a cast's operand names (`k`, `&k`, `(k)`, `k<T>`), or nullptr.
const clang::DeclRefExpr *castKernel(const clang::ExplicitCastExpr &Cast) {
  const clang::Expr *E = Cast.getSubExpr()->IgnoreParenImpCasts();
  if (auto *U = llvm::dyn_cast<clang::UnaryOperator>(E); U && U->getOpcode() == clang::UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(E);
  if (!DR)
    return nullptr;
  auto *FD = llvm::dyn_cast<clang::FunctionDecl>(DR->getDecl());
  return FD && FD->hasAttr<clang::CUDAGlobalAttr>() ? DR : nullptr;
}

} // namespace

void KernelHandleRule::onKernelValue(Context &C, const clang::ExplicitCastExpr &Cast) {
  clang::QualType To = Cast.getTypeAsWritten();
  if (!To->isVoidPointerType())
    return;
  const clang::DeclRefExpr *Kernel = castKernel(Cast);
  if (!Kernel)
    return;
  if (C.CurrentFunction && (C.CurrentFunction->hasAttr<clang::CUDAGlobalAttr>() ||
                            (C.CurrentFunction->hasAttr<clang::CUDADeviceAttr>() &&
                             !C.CurrentFunction->hasAttr<clang::CUDAHostAttr>())))
    return; // device code: no host API takes it there
  unsigned Begin = 0, End = 0, NameBegin = 0, NameEnd = 0;
  UserFile *F = C.spelledIn(Cast.getBeginLoc(), &Begin);
  if (!F)
    return;
  const clang::SourceLocation Last = Cast.getEndLoc();
  const std::string Shown = Kernel->getNameInfo().getAsString();
  auto inMacroBody = [&](clang::SourceLocation L) {
    return L.isMacroID() && !C.SM.isMacroArgExpansion(L); // a macro argument is spelled here
  };
  if (inMacroBody(Cast.getBeginLoc()) || inMacroBody(Last) || C.spelledIn(Last, &End) != F ||
      C.spelledIn(Kernel->getBeginLoc(), &NameBegin) != F ||
      C.spelledIn(Kernel->getEndLoc(), &NameEnd) != F) {
    C.report(Cast.getBeginLoc(), DiagId::CU2NPU2001,
             {Shown, "its cast to a void pointer is spelled in a macro"});
    C.countUnconverted(*F, "kernel as void *");
    return;
  }
  End += clang::Lexer::MeasureTokenLength(C.SM.getSpellingLoc(Last), C.SM, C.LO);
  NameEnd += clang::Lexer::MeasureTokenLength(C.SM.getSpellingLoc(Kernel->getEndLoc()), C.SM, C.LO);
  llvm::StringRef Text = C.text(F->FID);
  llvm::StringRef Name = Text.slice(NameBegin, NameEnd);
  std::string Handle = "::npu::kernel_handle(\"" + Name.str() + "\", " + Name.str() + ")";
  if (!To->getPointeeType().isConstQualified())
    Handle = "const_cast<void *>(" + Handle + ")";
  F->Edits.replace(Begin, End - Begin, Handle);
  C.countConverted(*F, "kernel as void *");
}

} // namespace cu2npu
