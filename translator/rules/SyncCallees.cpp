#include "rules/SyncCallees.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>

#include "mapping/Mapping.h"

namespace cu2npu {

bool inCooperativeGroups(const clang::Decl *D) {
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC);
        NS && NS->getName() == "cooperative_groups")
      return true;
  return false;
}

bool synchronisesAsDeclared(const clang::FunctionDecl *FD) {
  if (FD->getIdentifier() && isSyncBuiltin(FD->getName()))
    return true;
  if (inCooperativeGroups(FD))
    return true;
  for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>())
    if (A->getAnnotation() == "cu2npu_waits")
      return true;
  return false;
}

} // namespace cu2npu
