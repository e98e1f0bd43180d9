// kernel-handle: a __global__ function cast to a void pointer in host code (`(void *)k`,
// `reinterpret_cast<const void *>(&k)`: what CUDA's type-erased entry points take, e.g.
// cudaLaunchKernel and cudaKernelNodeParams::func) becomes `::npu::kernel_handle("k", k)`, the
// handle npurt launches from a `void **` argument array (npurt/device/kernel_handle.h). The
// whole cast is replaced, so the value keeps the cast's type: a handle is `const void *`, and a
// cast to `void *` becomes a const_cast of it. A kernel passed by name to CUDA's typed launch
// overloads (`cudaLaunchKernel(k, ...)`, `cudaLaunchCooperativeKernel(k, ...)`) becomes its
// handle too, so the launch keeps the kernel's name (traces, reports).
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

bool inDeviceCode(const Context &C) {
  return C.CurrentFunction && (C.CurrentFunction->hasAttr<clang::CUDAGlobalAttr>() ||
                               (C.CurrentFunction->hasAttr<clang::CUDADeviceAttr>() &&
                                !C.CurrentFunction->hasAttr<clang::CUDAHostAttr>()));
}

// Replaces the source range [First, Last] (the cast, or the kernel's own name) with the kernel's
// handle, const_cast to `void *` where the range had that type. Form: the conversion counted;
// Spelling: what a macro may not hold, for the diagnostic.
void replaceWithHandle(Context &C, clang::SourceLocation First, clang::SourceLocation Last,
                       const clang::DeclRefExpr &Kernel, bool ToMutable, const char *Form,
                       const char *Spelling) {
  unsigned Begin = 0, End = 0, NameBegin = 0, NameEnd = 0;
  UserFile *F = C.spelledIn(First, &Begin);
  if (!F)
    return;
  const std::string Shown = Kernel.getNameInfo().getAsString();
  auto inMacroBody = [&](clang::SourceLocation L) {
    return L.isMacroID() && !C.SM.isMacroArgExpansion(L); // a macro argument is spelled here
  };
  if (inMacroBody(First) || inMacroBody(Last) || C.spelledIn(Last, &End) != F ||
      C.spelledIn(Kernel.getBeginLoc(), &NameBegin) != F ||
      C.spelledIn(Kernel.getEndLoc(), &NameEnd) != F) {
    C.report(First, DiagId::CU2NPU2001, {Shown, std::string(Spelling) + " is spelled in a macro"});
    C.countUnconverted(*F, Form);
    return;
  }
  End += clang::Lexer::MeasureTokenLength(C.SM.getSpellingLoc(Last), C.SM, C.LO);
  NameEnd += clang::Lexer::MeasureTokenLength(C.SM.getSpellingLoc(Kernel.getEndLoc()), C.SM, C.LO);
  llvm::StringRef Text = C.text(F->FID);
  llvm::StringRef Name = Text.slice(NameBegin, NameEnd);
  std::string Handle = "::npu::kernel_handle(\"" + Name.str() + "\", " + Name.str() + ")";
  if (ToMutable)
    Handle = "const_cast<void *>(" + Handle + ")";
  F->Edits.replace(Begin, End - Begin, Handle);
  C.countConverted(*F, Form);
}

} // namespace

void KernelHandleRule::onKernelValue(Context &C, const clang::ExplicitCastExpr &Cast) {
  clang::QualType To = Cast.getTypeAsWritten();
  if (!To->isVoidPointerType())
    return;
  const clang::DeclRefExpr *Kernel = castKernel(Cast);
  if (!Kernel || inDeviceCode(C))
    return; // device code: no host API takes it there
  replaceWithHandle(C, Cast.getBeginLoc(), Cast.getEndLoc(), *Kernel,
                    !To->getPointeeType().isConstQualified(), "kernel as void *",
                    "its cast to a void pointer");
}

// The typed overload would launch the same kernel, but without its name: the handle carries it
// (and the call takes CUDA's `const void *` form).
void KernelHandleRule::onKernelArgument(Context &C, const clang::DeclRefExpr &Kernel) {
  if (inDeviceCode(C))
    return;
  replaceWithHandle(C, Kernel.getBeginLoc(), Kernel.getEndLoc(), Kernel, false,
                    "kernel passed to a typed launch", "its name in the launch");
}

} // namespace cu2npu
