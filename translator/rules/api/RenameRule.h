#pragma once
#include "rules/Rule.h"

namespace cu2npu {

// api: table-driven rename of CUDA runtime names (functions, types, enumerators, macros) over the
// tokens of each translated file, macro bodies and inactive #if branches included; diagnostics for
// unsupported rows and for CUDA-looking names missing from the table.
class RenameRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFile(Context &C, UserFile &F) override;
};

} // namespace cu2npu
