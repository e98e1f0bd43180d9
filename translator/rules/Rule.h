// A rule: a small class with hooks called by the one AST/PP walk (driver/Action.cpp).
// Rules live in rules/<family>/ and are registered in rules/Registry.cpp (one explicit list).
#pragma once

#include <memory>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "rules/Context.h"

namespace clang {
class CUDAKernelCallExpr;
class DeclRefExpr;
class ExplicitCastExpr;
} // namespace clang

namespace cu2npu {

class Rule {
public:
  virtual ~Rule() = default;
  // The dashed rule name: registry string, test folder stem, docs.
  virtual llvm::StringRef name() const = 0;
  // AST hooks (declarations in translated files; patterns, not template instantiations).
  virtual void onFunction(Context &, const clang::FunctionDecl &) {}
  virtual void onVar(Context &, const clang::VarDecl &) {}
  virtual void onKernelCall(Context &, const clang::CUDAKernelCallExpr &) {}
  // An explicit cast in a translated function (C.CurrentFunction: the function it is in).
  virtual void onKernelValue(Context &, const clang::ExplicitCastExpr &) {}
  // A kernel passed by name to a typed CUDA launch (`cudaLaunchKernel(k, grid, block, args)`).
  virtual void onKernelArgument(Context &, const clang::DeclRefExpr &) {}
  // After the walk: preprocessor events and the lexical pass over each translated file.
  virtual void onInclude(Context &, const IncludeEvent &) {}
  virtual void onMacroUse(Context &, const MacroUse &) {}
  virtual void onFile(Context &, UserFile &) {}
  virtual void finish(Context &) {}
};

std::vector<std::unique_ptr<Rule>> makeRules();

} // namespace cu2npu
