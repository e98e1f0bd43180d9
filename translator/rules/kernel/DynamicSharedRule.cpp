#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

#include "rules/kernel/KernelRules.h"

namespace cu2npu {

llvm::StringRef DynamicSharedRule::name() const { return "dynamic-shared"; }

static bool isDynamicShared(const clang::VarDecl &VD) {
  return VD.hasAttr<clang::CUDASharedAttr>() && VD.hasExternalStorage() &&
         VD.getType()->isIncompleteArrayType();
}

static std::string elementType(Context &C, const clang::VarDecl &VD) {
  clang::QualType E = llvm::cast<clang::IncompleteArrayType>(VD.getType()->getAsArrayTypeUnsafe())
                          ->getElementType();
  clang::PrintingPolicy PP(C.LO);
  PP.SuppressTagKeyword = true;
  return E.getAsString(PP);
}

static std::string blockForm(Context &C, const clang::VarDecl &VD) {
  std::string T = elementType(C, VD);
  return T + " *const " + VD.getNameAsString() + " = ::npu::dynamic_shared<" + T + ">()";
}

void DynamicSharedRule::onVar(Context &C, const clang::VarDecl &VD) {
  if (!isDynamicShared(VD))
    return;
  clang::SourceRange R = VD.getSourceRange();
  unsigned B = 0, E = 0;
  UserFile *F = C.spelledIn(R.getBegin(), &B);
  UserFile *FE = C.spelledIn(R.getEnd(), &E);
  if (!F)
    return;
  if (FE != F || R.getBegin().isMacroID() || R.getEnd().isMacroID()) {
    C.report(VD.getLocation(), DiagId::CU2NPU3002, {VD.getNameAsString()});
    return;
  }
  E += clang::Lexer::MeasureTokenLength(C.SM.getSpellingLoc(R.getEnd()), C.SM, C.LO);
  if (VD.isLocalVarDecl()) {
    F->Edits.replace(B, E - B, blockForm(C, VD));
  } else {
    F->Edits.replace(B, E - B,
                     "/* " + elementType(C, VD) + " " + VD.getNameAsString() +
                         "[]: dynamic shared memory, declared in each function that uses it */");
  }
  C.countConverted(*F, "extern __shared__");
}

void DynamicSharedRule::finish(Context &C) {
  for (auto &[VD, Users] : C.ExternSharedUsers) {
    if (VD->isLocalVarDecl() || !isDynamicShared(*VD))
      continue;
    // Deterministic order: by position.
    std::vector<std::pair<unsigned, UserFile *>> Where;
    for (const clang::FunctionDecl *FD : Users) {
      auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(FD->getBody());
      if (!Body)
        continue;
      unsigned L = 0;
      UserFile *F = C.spelledIn(Body->getLBracLoc(), &L);
      if (F && !Body->getLBracLoc().isMacroID())
        Where.push_back({L, F});
    }
    for (auto &[L, F] : Where)
      F->Edits.insert(L + 1, "\n  " + blockForm(C, *VD) + ";", 0);
  }
}

} // namespace cu2npu
