// The kernel engine: runs the blocks of a GridTask on the host's worker
// threads. Shared by every backend (a backend may wrap it to count or time).
#pragma once

#include "npurt/detail/launch_abi.h"

namespace npu::engine {

// Runs every block of `task` and returns when all are done. Returns
// npuSuccess, or the launch's error (npuErrorAssert after a failed device
// assert, npuErrorLaunchFailure after a barrier reached on the fast path, ...).
// Thread-safe: several streams may execute grids at the same time.
npuError_t executeGrid(detail::GridTask &task);

// Number of worker threads the engine uses (NPURT_NUM_THREADS, default: all cores).
int workerCount();

} // namespace npu::engine
