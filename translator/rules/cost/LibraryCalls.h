// What a call to a CUDA library function costs where it is called, by the function's name:
// special functions, FMAs, simple float operations, integer intrinsics, half arithmetic,
// conversions, atomics, barriers and warp operations. Calls to the program's own functions are
// not classified here: they cost nothing at the call site (the callee counts its own body).
#pragma once

#include <llvm/ADT/StringRef.h>

#include "rules/cost/OpCounts.h"

namespace cu2npu {

// Name: the function's unqualified name. ResultClass / FirstArgClass: the arithmetic class of the
// call's result and of its first argument (some families count by one, some by the other).
OpCounts libraryCallCost(llvm::StringRef Name, OpClass ResultClass, OpClass FirstArgClass);

// Cooperative groups: a member (or free) function of a group. BlockScope: the group is a whole
// block (thread_block, grid_group, thread_group), not a tile or a coalesced group.
OpCounts cooperativeGroupsCost(llvm::StringRef Name, bool BlockScope);

} // namespace cu2npu
