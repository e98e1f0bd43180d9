// What the CUDA-library entry points (cublas*.cpp, cufft.cpp) share: each routine is one
// stream operation, enqueued on the caller's stream like a kernel (so events, stream
// dependencies and npuDeviceSynchronize order it), run on the host by the backend's
// runLibrary (which a modelled device also prices), and shown in NPURT_TRACE and NPURT_REPORT
// as category "library" under the routine's CUDA name.
#pragma once

#include <functional>

#include "core/Backend.h"
#include "npurt/runtime.h"

namespace npu::lib {

// Enqueues `compute` on `stream` as the operation `name`, priced as `work`. `wait`: returns
// once it ran (a result written to host memory). Not npuSuccess: the stream handle is unknown,
// the runtime is unusable, or earlier work left a sticky error; nothing was enqueued.
npuError_t runLibraryCall(npuStream_t stream, const char *name, const core::LibraryWork &work,
                          std::function<void()> compute, bool wait);

} // namespace npu::lib
