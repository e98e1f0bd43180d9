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

// kernel-handle: a __global__ function cast to a void pointer in host code becomes
// `::npu::kernel_handle("k", k)` (npurt/device/kernel_handle.h), what npuLaunchKernel and
// kernel graph nodes take.
class KernelHandleRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onKernelValue(Context &C, const clang::ExplicitCastExpr &Cast) override;
  void onKernelArgument(Context &C, const clang::DeclRefExpr &Kernel) override;
};

// inactive-launch: a launch in an #if branch the parse skipped has no AST; it is rewritten from
// its tokens, k<<<g, b, s, st>>>(args) -> ::npu::launch_deduced("k", [](auto &...npu_args) {
// k(npu_args...); }, g, b, s, st, args), the form that needs no types (the host compiler deduces
// them when that branch is built). A launch whose kernel is not a name (with optional template
// arguments) is diagnosed instead.
class InactiveLaunchRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFile(Context &C, UserFile &F) override;
};

} // namespace cu2npu
