// Kernel parameters that need one copy per CUDA thread. In CUDA every thread has its own copy of
// every parameter; the translated body runs as a lambda that captures the parameters by
// reference, so a parameter that one thread writes (`p += threadIdx.x;`, `n--`), whose address it
// takes, or that it binds to a non-const reference would be shared by the whole block. Those
// parameters get a per-thread copy (fast path and fibers: a local at the top of the thread's
// lambda; barrier regions: a per-thread slot, see BarrierRegions.cpp).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace cu2npu {

// The kernel's parameters that some use in its body may modify, in declaration order. Decided from
// the syntax of each use (conservative in templates: a use passed to a call or bound to a
// reference counts as a write).
std::vector<const clang::ParmVarDecl *> threadPrivateParams(const clang::FunctionDecl &Kernel);

// The name that holds P's per-thread copy in the fast and fiber forms (P's own name is re-bound
// to it), distinct from every name the program declares.
std::string threadCopyName(const clang::ParmVarDecl &P, const std::set<std::string> &UserNames);

} // namespace cu2npu
