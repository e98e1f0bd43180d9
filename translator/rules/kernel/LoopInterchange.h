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
//
// A thread-strided loop (grid-stride and block-stride loops, `for (int i = blockIdx.x *
// blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)`) is the same walk: each thread
// starts at its own offset and strides past the others. Its variable runs as thread 0's at block
// level (the thread term of its initialiser replaced by 0) and each thread adds its offset in the
// region: `for (int i = base + 0; i < n; i += stride)` with, in the body's region,
// `int i = npu_i_base + threadIdx.x; if (!(i < n)) return;`. Every thread's iterations are those
// of thread 0's loop at which its own condition holds, in order (its offset is not negative).
#pragma once

#include <map>

namespace clang {
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace cu2npu {

// Loop -> the thread term of its initialiser (threadIdx.x or a local equal to it) for a
// thread-strided loop, null for a loop whose body walks a column.
using InterchangedLoops = std::map<const clang::Stmt *, const clang::Expr *>;

// The for loops of Kernel worth interchanging: at block level (the body, the then-branch of a
// trailing if, compounds, loops already selected or holding a barrier), with no barrier inside,
// and either thread-strided (above; a stride that is not a small constant, a `<` or `<=` bound)
// or with a body that indexes memory other than __shared__ arrays by `iv * stride + t` (or
// `a[iv][t]`), iv the loop's variable and t threadIdx.x or a local whose value is threadIdx.x plus
// terms. The planner checks the rest (uniform bounds and strides, a variable only the loop writes).
InterchangedLoops interchangedLoops(const clang::FunctionDecl &Kernel);

} // namespace cu2npu
