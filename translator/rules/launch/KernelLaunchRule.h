#pragma once
#include <map>
#include <string>

#include "rules/Rule.h"

namespace cu2npu {

// launch: k<<<g, b, s, st>>>(args) -> ::npu::launch("k", k, g, b, s, st, args), all four
// configuration values, template arguments made explicit, rewritten where the tokens are spelled
// (a macro body included) or diagnosed -- never dropped.
class KernelLaunchRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onKernelCall(Context &C, const clang::CUDAKernelCallExpr &K) override;

private:
  // Template argument text inserted in a macro body, by (file, offset): detects expansions that
  // differ.
  std::map<std::pair<const UserFile *, unsigned>, std::string> MacroTemplateArgs;
};

} // namespace cu2npu
