// Library collectives written in steps (classes marked NPU_STEPPED_COLLECTIVE in npurt's headers:
// CUB's BlockReduce, BlockScan, BlockExchange, BlockRadixSort, WarpReduce, WarpScan). A statement
// at block level that calls one runs as a region of its own, once per step of the collective
// (npu_block.collective, npurt/device/regions.h), so such a kernel keeps the barrier-region form.
#pragma once

namespace clang {
class CallExpr;
class Stmt;
} // namespace clang

namespace cu2npu {

// Whether E calls a member of a stepped collective class (through a concrete type or, in a
// template, a dependent specialisation of the class template).
bool isSteppedCollectiveCall(const clang::CallExpr *E);

// The collective call S consists of, when S is a whole statement that can run in steps:
// `Coll(temp).Member(args);`, `T x = Coll(temp).Member(args);` or `x = Coll(temp).Member(args);`
// with x a local variable, the collective a temporary, and arguments without calls or writes,
// every one that may be an output the calling thread's own (arguments are evaluated again at every
// step, while other threads' steps run in between). Null otherwise.
const clang::CallExpr *steppedCollectiveStatement(const clang::Stmt *S);

// Whether S holds a block barrier point: a __syncthreads() form or a stepped collective call. In
// a barrier-region kernel a compound statement holding one runs once per block.
bool holdsBarrierPoint(const clang::Stmt *S);

} // namespace cu2npu
