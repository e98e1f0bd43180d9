#include "rules/texture/TextureReferenceRule.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/TypeLoc.h>

namespace cu2npu {

llvm::StringRef TextureReferenceRule::name() const { return "texture-reference"; }

// Whether `TD` is the `texture` class template of the CUDA declaration headers (global, not in
// a translated file): not npurt's alias, not a template of the program's own.
static bool isCudaTextureTemplate(Context &C, const clang::TemplateDecl *TD) {
  return TD != nullptr && llvm::isa<clang::ClassTemplateDecl>(TD) && TD->getName() == "texture" &&
         TD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         C.spelledIn(TD->getLocation()) == nullptr;
}

// Qualifies the first `texture<...>` written in `TL` (through pointers, references, arrays and
// cv-qualifiers); one written with a qualifier of its own is left as it is.
static void qualify(Context &C, clang::TypeLoc TL) {
  for (; !TL.isNull(); TL = TL.getNextTypeLoc()) {
    if (auto E = TL.getAs<clang::ElaboratedTypeLoc>(); E && E.getQualifierLoc())
      return;
    auto S = TL.getAs<clang::TemplateSpecializationTypeLoc>();
    if (!S)
      continue;
    if (!isCudaTextureTemplate(C, S.getTypePtr()->getTemplateName().getAsTemplateDecl()))
      return;
    clang::SourceLocation Name = S.getTemplateNameLoc();
    unsigned Offset = 0;
    UserFile *F = Name.isMacroID() ? nullptr : C.spelledIn(Name, &Offset);
    if (F == nullptr)
      return;
    F->Edits.insert(Offset, "::npu::");
    C.countConverted(*F, "texture");
    return;
  }
}

// Every declaration of a variable, parameters included (the walk visits them all).
void TextureReferenceRule::onVar(Context &C, const clang::VarDecl &VD) {
  if (const clang::TypeSourceInfo *TSI = VD.getTypeSourceInfo())
    qualify(C, TSI->getTypeLoc());
}

} // namespace cu2npu
