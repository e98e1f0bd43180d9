// The plan of a fast-path kernel's thread loop (`::npu::for_each_thread`, npurt/device/builtins.h):
// its template arguments, from the driver's call-graph analysis and the kernel's own body.
//  - ThreadIdxGlobal::Unused when nothing the body calls reads the global threadIdx (the loop
//    then stores nothing per iteration and the body stays vectorisable);
//  - ThreadDims, the thread dimensions the body reads, when fewer than all three and nothing it
//    does would differ between two threads that differ only in the others (no atomic, output,
//    device heap, inline assembly, unknown call): those threads are duplicates, which on the GPU
//    run concurrently and store the same values; running one of them is the schedule in which
//    they move in lockstep. A 32x8 block whose body never reads threadIdx.y then runs 32 threads,
//    not 256.
#pragma once

#include <string>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ValueDecl;
} // namespace clang

namespace cu2npu {

class Context;

// CUDA's built-in threadIdx / blockIdx (clang's __cuda_builtin_threadIdx_t variable, ...), not
// a user variable of that name.
bool isBuiltinThreadIdx(const clang::ValueDecl *D);
bool isBuiltinBlockIdx(const clang::ValueDecl *D);
// `threadIdx.x` (parentheses and implicit casts around it ignored).
bool isThreadIdxX(const clang::Expr *E);

// The threadIdx.x and blockIdx.x reads of E when E is the global x index `blockIdx.x * blockDim.x
// + threadIdx.x`: any operand order, any operand or the product cast to an integer type of 32 bits
// or more (`(size_t)blockIdx.x * blockDim.x + threadIdx.x`); false otherwise.
struct GlobalIndexSum {
  const clang::Expr *Thread = nullptr, *Block = nullptr;
  explicit operator bool() const { return Thread != nullptr; }
};
GlobalIndexSum globalIndexSum(const clang::ASTContext &Ctx, const clang::Expr *E);
// "threadIdx", "blockIdx", "blockDim" or "gridDim" for a read of one of their members
// (`blockIdx.x`: a property of clang's __cuda_builtin_*_t, a PseudoObjectExpr); else nullptr.
const char *builtinVarName(const clang::Expr *E);

// The thread dimensions the kernel's body reads (bit 1: x, 2: y, 4: z), all three when a callee
// reads the global threadIdx; and whether two threads that differ only in the others are
// replayable duplicates (nothing the body does would differ if one ran for both).
unsigned threadDimsRead(const Context &C, const clang::FunctionDecl &Kernel);
bool duplicatesReplayable(const Context &C, const clang::FunctionDecl &Kernel);

// "<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>", "<::npu::ThreadIdxGlobal::Unused>"
// or "" (the defaults: the global kept, every dimension run); with ::npu::RowIndex::Global last
// when the body computes `blockIdx.x * blockDim.x + threadIdx.x` (the SIMD loop then runs over
// that index, npurt/device/builtins.h), ::npu::RowIndex::GlobalOnly when besides nothing in the
// kernel tells the threads of blocks adjacent in x apart (block fusion, ThreadLoop.cpp rowIndex).
std::string threadLoopTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel);

// "<::npu::ThreadDims::X>" for Dims 1, ...: the dimensions a body reads, as a template argument.
std::string threadDimsTemplateArguments(unsigned Dims);

// The template arguments of `::npu::block_regions` for a kernel that takes the barrier-region
// form only for loop interchange (no barrier): "<::npu::ThreadDims::X>" (the dimensions its body
// reads) with ", true" when its duplicates are replayable, or "" when it reads all three or a
// callee reads the global threadIdx (npurt/device/regions.h: slices of duplicates); with
// ", true" or ", false" and ", ::npu::RowIndex::GlobalOnly" after them when its blocks fuse.
std::string sliceTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel);

// The template arguments of a barrier-region kernel's per-thread loops
// (`npu_block.for_each_thread<...>`): those of the fast path, or, when EveryThread (the kernel has
// a collective in steps or a statement on fibers, which read every thread's slot),
// "<::npu::ThreadIdxGlobal::Unused>" or "".
std::string regionLoopTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel,
                                        bool EveryThread);

} // namespace cu2npu
