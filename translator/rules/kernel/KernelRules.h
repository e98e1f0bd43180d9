#pragma once
#include "rules/Rule.h"

namespace cu2npu {

// kernel-body: wraps each __global__ body in ::npu::for_each_thread(_sync)([&](NPU_THREAD_PARAMS)
// {...}); the _sync (fiber) form when the kernel or a function it calls in the TU synchronises,
// unless its barriers are all at block level: then ::npu::block_regions
// (rules/kernel/BarrierRegions.h).
class KernelBodyRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

// dynamic-shared: extern __shared__ T s[]; -> T *const s = ::npu::dynamic_shared<T>(); at block
// scope; a namespace-scope declaration moves into each function that uses it.
class DynamicSharedRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onVar(Context &C, const clang::VarDecl &VD) override;
  void finish(Context &C) override;
};

// static-shared: `static __shared__ T x;` -> `__shared__ T x;` (npurt's __shared__ is already
// `static thread_local`; the spelled `static` would repeat it).
class StaticSharedRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onVar(Context &C, const clang::VarDecl &VD) override;
};

// device-assert: assert(c) in device code -> NPU_DEVICE_ASSERT(c).
class DeviceAssertRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onMacroUse(Context &C, const MacroUse &U) override;
};

// unroll-pragma: #pragma unroll [N] -> #pragma GCC unroll N, which g++ and clang++ both honour
// (g++ warns about and ignores CUDA's spelling). g++ accepts only an integer literal: a count
// that is a macro, a template parameter or an expression, and a bare #pragma unroll (CUDA's
// "unroll fully when the trip count is constant"), become a fixed unroll by 16.
class UnrollPragmaRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFile(Context &C, UserFile &F) override;
};

// block-callee-copies: the block-level copy of each device function a barrier-region plan calls
// at block level (rules/kernel/BlockCalls.h), written after the function.
class BlockCalleeCopyRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFile(Context &C, UserFile &F) override;
};

} // namespace cu2npu
