// thrust for translated code. Translated sources keep their thrust includes and are compiled
// against the system's thrust (Debian's libthrust-dev, /usr/include/thrust) with its TBB device
// system (npurt/lib/thrust_system.h). npurt/kernel.h includes this, so every translated file
// selects it before its first thrust include. thrust's containers then hold host memory, which
// npurt kernels address directly on every backend, and thrust algorithms run on host threads
// over npurt allocations (docs/ARCHITECTURE.md, "thrust").
#pragma once

#include "npurt/lib/thrust_system.h"
#include "npurt/runtime.h"

namespace npu::lib {
// thrust's device system runs an algorithm on the calling host thread, but npurt's launches and
// copies run on stream threads: what the program enqueued before a thrust call must finish
// first, as CUDA orders thrust's work after it on the default stream. cu2npu writes this call
// before every host statement that uses thrust (rules/library/ThrustOrderRule).
inline void wait_for_device() { (void)npuDeviceSynchronize(); }
} // namespace npu::lib
