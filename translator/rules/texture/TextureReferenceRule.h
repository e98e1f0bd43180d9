// Legacy texture references (CUDA < 12): `texture<float, 2, cudaReadModeElementType> tex;`
// becomes `::npu::texture<float, 2, npuReadModeElementType> tex;` (the read mode renamed by
// api/RenameRule). Only a type that names CUDA's `texture` template is edited, so the program's
// own things called `texture` (a member, a local, an OpenGL handle) keep their name; the rest
// of the reference's uses keep their shape (docs/ARCHITECTURE.md, "Textures and surfaces").
#pragma once

#include "rules/Rule.h"

namespace cu2npu {

class TextureReferenceRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onVar(Context &C, const clang::VarDecl &VD) override;
};

} // namespace cu2npu
