// The stream operation of a header-only library routine (CUB's device-wide algorithms): host
// work enqueued on an npurt stream like a kernel, so stream order, events and synchronisation
// hold, shown in NPURT_TRACE and NPURT_REPORT as category "library" under `name`, and priced by a
// modelled device as vector work moving `bytes` of device memory (runtime/lib/LibraryCall.h, the
// mechanism cuBLAS and cuFFT use).
#pragma once

#include <functional>

#include "npurt/runtime.h"

namespace npu::lib {

// Not npuSuccess: the stream is unknown, the runtime is unusable, or earlier work left a sticky
// error; nothing was enqueued.
npuError_t enqueue_library_work(npuStream_t stream, const char *name, double bytes,
                                std::function<void()> work);

} // namespace npu::lib
