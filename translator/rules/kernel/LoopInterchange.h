// Loop interchange of the thread loop with a kernel's own loop, where a CUDA thread walks a
// strided column: `for (j = 0; j < n; ++j) sum += A[j * n + row];` with row = ... + threadIdx.x.
// On a GPU neighbouring threads read neighbouring addresses at every j (coalesced); run as a loop
// over threads on a CPU, each thread walks n addresses n floats apart before the next starts, and
// every access misses the cache. Run the other way round (the loop over j outside, the threads
// inside), the block reads each row of the matrix once, in order: the loop order a CPU engineer
// writes for column-major data.
//
// The barrier-region form (BarrierRegions.h) does the interchange: a selected loop is kept at
// block level as a loop with a barrier in it is, and its body becomes a region, run for every
// thread at each iteration. That is a schedule a GPU may run (all threads in lockstep), and the
// region planner proves the rest: uniform loop control, locals live across iterations in
// per-thread slots, a thread-dependent guard around the loop turned into an exit.
#pragma once

#include <set>

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;

// The for loops of Kernel worth interchanging: at block level (the body, the then-branch of a
// trailing if, compounds, loops already selected or holding a barrier), with a body that indexes
// memory other than __shared__ arrays by `iv * stride + t` (or `a[iv][t]`), iv the loop's variable
// and t threadIdx.x or a local whose value is threadIdx.x plus terms. The planner checks the rest.
std::set<const clang::Stmt *> interchangedLoops(const clang::FunctionDecl &Kernel);

} // namespace cu2npu
