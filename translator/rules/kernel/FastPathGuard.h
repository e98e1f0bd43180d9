// The guard of a fast-path kernel: `int i = ...; if (i < n) { ... }` or `if (i >= n) return;`.
//
// A guard is control flow around stores, which no vectoriser turns into SSE code, so a thread
// loop whose body is guarded stays scalar although every lane of all but the grid's edge rows
// passes. When the kernel's body is side-effect-free declarations and then a guard -- an `if` with
// no else whose condition has no side effects, either the body's last statement or one whose
// branch is `return;` -- the guard's condition C becomes `npu_guard.enters(C)` (last statement)
// or `npu_guard.exits(C)` (`return;`) and the body runs under ::npu::for_each_thread_guarded
// (npurt/device/builtins.h), which checks C for a whole row before running it unguarded.
#pragma once

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace cu2npu {

class Context;
struct UserFile;

// Whether E may be evaluated twice with no effect but its value: literals, locals, the built-in
// thread variables, arithmetic, comparisons, casts, loads (not volatile) -- no call, assignment,
// increment or construction.
bool isRepeatable(const clang::Expr *E);

// How the fast path checks the guard's rows: no guard; at every lane
// (::npu::for_each_thread_guarded); at each row's first and last lanes, a guard monotone along the
// row such as `i > 0 && i < n - 1` with i the global x index (::npu::for_each_thread_monotone).
enum class FastPathGuard { None, EveryLane, RowEnds };

// When the kernel's body has that shape and its thread loop can be SIMD (nothing it calls reads
// the global threadIdx), adds the condition's edits to F and says how its rows are checked;
// returns None, having edited nothing, otherwise.
FastPathGuard emitFastPathGuard(Context &C, const clang::FunctionDecl &Kernel, UserFile &F);

} // namespace cu2npu
