// Calls that synchronise CUDA threads, as far as their declarations tell: the one rule the
// driver's call graph, the barrier-region planner and the cost counters share.
#pragma once

namespace clang {
class CallExpr;
class Decl;
class FunctionDecl;
} // namespace clang

namespace cu2npu {

class Context;

// Whether D is declared in namespace cooperative_groups (at any depth).
bool inCooperativeGroups(const clang::Decl *D);

// Whether a call of FD may make the calling thread wait for others of its block, though the
// translation unit has no body for it: a barrier or warp builtin (isSyncBuiltin), a cooperative
// groups function, or a declaration of ours marked `__attribute__((annotate("cu2npu_waits")))`
// (libcu++'s cuda::barrier and cuda::pipeline waits in cuda_headers/cuda/).
bool synchronisesAsDeclared(const clang::FunctionDecl *FD);

// Whether a call may wait for other threads of the block. Sync: it synchronises in ways fibers
// run as written and that end within the call (a synchronising builtin: warp operations,
// barriers; cooperative groups; a callee that synchronises and never waits for other work, such
// as a spin-wait for another thread). Unknown: a callee that may wait for other work, one the
// translation unit does not define, an indirect or dependent call.
enum class CallWait { None, Sync, Unknown };
CallWait callWait(Context &C, const clang::CallExpr *CE);

} // namespace cu2npu
