// CUB for translated code (cu2npu maps <cub/cub.cuh> and CUB's public component headers here).
// Upstream CUB is CUDA-only (no CPU system exists), so npurt provides CUB's API over its own
// primitives: the block and warp collectives over npurt's barriers and warp operations, the
// device-wide algorithms as stream operations (docs/ARCHITECTURE.md, "CUB").
#pragma once

// CUB's headers bring in the standard library's time utilities (through libcu++'s), and code
// written against them uses std::chrono with no include of its own.
#include <chrono>

#include "npurt/lib/cub/block.h"
#include "npurt/lib/cub/device.h"
#include "npurt/lib/cub/util.h"
#include "npurt/lib/cub/warp.h"
