#include "rules/DependentMembers.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Type.h>

namespace cu2npu {

const clang::CXXRecordDecl *templatePattern(clang::QualType T) {
  const auto *TST = T.isNull() ? nullptr : T->getAs<clang::TemplateSpecializationType>();
  const auto *CTD = TST ? llvm::dyn_cast_or_null<clang::ClassTemplateDecl>(
                              TST->getTemplateName().getAsTemplateDecl())
                        : nullptr;
  return CTD ? CTD->getTemplatedDecl()->getDefinition() : nullptr;
}

std::vector<const clang::FunctionDecl *>
membersNamed(const clang::CXXDependentScopeMemberExpr *ME) {
  clang::QualType T = ME->getBaseType();
  if (ME->isArrow() && !T.isNull() && T->isPointerType())
    T = T->getPointeeType();
  std::vector<const clang::FunctionDecl *> Members;
  if (const clang::CXXRecordDecl *RD = templatePattern(T))
    for (const clang::NamedDecl *D : RD->lookup(ME->getMember()))
      if (const clang::FunctionDecl *FD = asFunction(D))
        Members.push_back(FD);
  return Members;
}

const clang::FunctionDecl *asFunction(const clang::NamedDecl *D) {
  const clang::NamedDecl *U = D->getUnderlyingDecl();
  if (auto *FT = llvm::dyn_cast<clang::FunctionTemplateDecl>(U))
    U = FT->getTemplatedDecl();
  return llvm::dyn_cast<clang::FunctionDecl>(U);
}

} // namespace cu2npu
