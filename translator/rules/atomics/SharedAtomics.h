// Atomics on __shared__ memory become plain read-modify-writes (npurt/device/block_atomics.h).
//
// `atomicAdd(&bins[v], 1u)` where `bins` is a __shared__ array of an arithmetic type becomes
// `::npu::block_atomics::atomicAdd(&bins[v], 1u)`: npurt runs a block's threads on one worker, so
// nothing can come between the read and the write of the block's own memory. Only where the
// address visibly is in a __shared__ variable (`&s[i]`, `&s`, `s`, `s + i`, `&s[i].f`), never
// through a pointer variable, which could be re-pointed at global memory. Integer min/max only
// (CUDA's floating-point forms ignore NaNs); `_system` forms stay atomic.
#pragma once

#include "rules/Rule.h"

namespace cu2npu {

class SharedAtomicsRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

} // namespace cu2npu
