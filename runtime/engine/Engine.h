// The kernel engine: runs the blocks of a GridTask on the host's worker
// threads. Shared by every backend (a backend may wrap it to count or time).
#pragma once

#include <vector>

#include "npurt/detail/launch_abi.h"
#include "npurt/device/cost.h"

namespace npu::engine {

// Runs every block of `task` and returns when all are done. Returns
// npuSuccess, or the launch's error (npuErrorAssert after a failed device
// assert, npuErrorLaunchFailure after a barrier reached on the fast path, ...).
// Thread-safe: several streams may execute grids at the same time.
//
// With `perCoreTallies` (non-empty; a modelled device's cores), the operation counters the
// kernel's NPU_COST statements add (npurt/device/cost.h) are summed per block, and the block
// with linear id b is added into perCoreTallies[b % size()]: the cores of the modelled device,
// blocks dealt round-robin. The vector's contents are added to, not replaced.
npuError_t executeGrid(detail::GridTask &task,
                       std::vector<detail::CostTally> *perCoreTallies = nullptr);

// The grid is one task of the engine: executeGrid runs all its blocks on the calling thread.
bool isOneTaskGrid(const detail::GridTask &task);

// Number of worker threads the engine uses (NPURT_NUM_THREADS, default: all cores).
int workerCount();

} // namespace npu::engine
