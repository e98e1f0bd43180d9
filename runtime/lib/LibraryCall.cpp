#include "lib/LibraryCall.h"

#include <cstdio>
#include <new>
#include <string>

#include "api/memory_checks.h"
#include "core/Runtime.h"
#include "npurt/lib/library_work.h"

namespace npu::lib {

npuError_t runLibraryCall(npuStream_t stream, const char *name, const core::LibraryWork &work,
                          std::function<void()> compute, bool wait) {
  core::Runtime *runtime = core::Runtime::instance();
  if (runtime == nullptr)
    return npuErrorCudartUnloading;
  if (runtime->initError() != npuSuccess)
    return runtime->initError();
  if (npuError_t sticky = runtime->sticky.get(); sticky != npuSuccess)
    return sticky;
  char args[96];
  std::snprintf(args, sizeof args, "\"flops\":%.0f,\"bytes\":%.0f", work.flops, work.bytes);
  try {
    return api::runInStream(
        *runtime, stream,
        [runtime, work, compute = std::move(compute),
         args = std::string(args)](core::OpTiming &timing) {
          try {
            runtime->backend().runLibrary(work, compute, timing);
          } catch (...) {
            // The routine could not run (its host buffers could not be allocated): like a
            // failed kernel, the stream's later work must not take its output as valid.
            runtime->sticky.set(npuErrorLaunchFailure);
          }
          if (timing.traceArgs.empty())
            timing.traceArgs = args;
        },
        {"library", name}, wait);
  } catch (const std::bad_alloc &) {
    return npuErrorMemoryAllocation;
  }
}

} // namespace npu::lib

namespace npu::lib {

npuError_t enqueue_library_work(npuStream_t stream, const char *name, double bytes,
                                std::function<void()> work) {
  core::LibraryWork description;
  description.bytes = bytes;
  return runLibraryCall(stream, name, description, std::move(work), false);
}

} // namespace npu::lib
