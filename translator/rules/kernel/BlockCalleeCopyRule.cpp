#include "rules/kernel/BlockCalls.h"
#include "rules/kernel/KernelRules.h"

namespace cu2npu {

llvm::StringRef BlockCalleeCopyRule::name() const { return "block-callee-copies"; }

void BlockCalleeCopyRule::onFile(Context &C, UserFile &F) { emitBlockCalleeCopies(C, F); }

} // namespace cu2npu
