// How the stream API meets stream capture (runtime/core/Capture.h): asynchronous work on a
// capturing stream becomes a graph node; synchronous and potentially unsafe calls are checked
// against the captures in progress. Every check costs one atomic load while nothing captures.
#pragma once

#include <memory>
#include <optional>

#include "core/Runtime.h"

namespace npu::api {

// The graph node type of stream work, from its profile label ("memcpy", "memset", ...).
npuGraphNodeType nodeTypeOf(const core::OpLabel &label);
// The kernel node parameters a grid was launched with (kernelParams stays null).
void describeKernel(npuKernelNodeParams &params, const detail::GridTask &grid);

// For asynchronous work on `stream`: nullopt when it is to be enqueued as usual, otherwise the
// call's result. A capturing stream takes the work as a node of `type` (`describe(node)` fills
// its parameters); work on the legacy stream while a blocking stream captures is refused.
template <class Describe>
std::optional<npuError_t> captureAsync(core::Runtime &runtime, npuStream_st &stream,
                                       npuGraphNodeType type, const core::TimedWork &work,
                                       const core::OpLabel &label, Describe describe) {
  if (!runtime.captures.any())
    return std::nullopt;
  if (npuError_t error = runtime.captures.checkLegacyWork(stream); error != npuSuccess)
    return error;
  if (!runtime.captures.capturing(stream))
    return std::nullopt;
  auto node = std::make_unique<npuGraphNode_st>();
  node->type = type;
  node->work = work;
  node->label = label;
  describe(*node);
  return runtime.captures.capture(stream, node);
}
inline std::optional<npuError_t> captureAsync(core::Runtime &runtime, npuStream_st &stream,
                                              const core::TimedWork &work,
                                              const core::OpLabel &label) {
  return captureAsync(runtime, stream, nodeTypeOf(label), work, label, [](npuGraphNode_st &) {});
}

// Stream work that calls a host function (nothing once the device has a sticky error, as for
// kernels): npuLaunchHostFunc and host graph nodes.
core::TimedWork hostFunctionWork(core::Runtime &runtime, npuHostFn_t fn, void *userData);

// For a call that waits for `stream` (a synchronous copy or fill, npuStreamSynchronize):
// refused while the stream captures, or when the calling thread may not make unsafe calls.
npuError_t checkSynchronousCall(core::Runtime &runtime, npuStream_st &stream);
// For a potentially unsafe call (npuMalloc, npuFree, npuDeviceSynchronize, ...).
inline npuError_t checkUnsafeCall(core::Runtime &runtime) {
  return runtime.captures.any() ? runtime.captures.checkUnsafeCall() : npuSuccess;
}

} // namespace npu::api
