// Stream capture (CUDA runtime manual: "Stream Management", the capture functions). The model,
// and which calls a capture refuses, is in runtime/core/Capture.h.
#include "api/ApiCall.h"

using npu::api::call;
using npu::core::Runtime;

extern "C" {

npuError_t npuStreamBeginCapture(npuStream_t stream, npuStreamCaptureMode mode) {
  return call([&](Runtime &runtime) {
    if (mode != npuStreamCaptureModeGlobal && mode != npuStreamCaptureModeThreadLocal &&
        mode != npuStreamCaptureModeRelaxed)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    return runtime.captures.begin(*target, mode);
  });
}

npuError_t npuStreamEndCapture(npuStream_t stream, npuGraph_t *pGraph) {
  return call([&](Runtime &runtime) {
    if (pGraph == nullptr)
      return npuErrorInvalidValue;
    *pGraph = nullptr;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    std::unique_ptr<npuGraph_st> graph;
    npuError_t result = runtime.captures.end(*target, graph);
    if (graph) {
      std::lock_guard lock(runtime.graphs.mutex);
      *pGraph = runtime.graphs.adopt(std::move(graph));
    }
    return result;
  });
}

npuError_t npuStreamIsCapturing(npuStream_t stream, npuStreamCaptureStatus *pCaptureStatus) {
  return npuStreamGetCaptureInfo(stream, pCaptureStatus);
}

npuError_t npuStreamGetCaptureInfo(npuStream_t stream, npuStreamCaptureStatus *captureStatus,
                                   unsigned long long *id, npuGraph_t *graph,
                                   const npuGraphNode_t **dependencies, size_t *numDependencies) {
  return call([&](Runtime &runtime) {
    if (captureStatus == nullptr)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    // Asking about the legacy stream while a blocking stream captures is an implicit
    // synchronisation with the capture (CUDA returns the same error).
    if (npuError_t error = runtime.captures.checkLegacyWork(*target); error != npuSuccess)
      return error;
    // The frontier array lives with the stream's capture state in CUDA; here with the thread,
    // valid until the thread's next call of this function (CUDA: until the next capture call).
    thread_local std::vector<npuGraphNode_t> frontier;
    npu::core::CaptureInfo info = runtime.captures.info(*target);
    *captureStatus = info.status;
    if (id != nullptr)
      *id = info.id;
    if (graph != nullptr)
      *graph = info.graph;
    frontier.assign(info.frontier.begin(), info.frontier.end());
    if (dependencies != nullptr)
      *dependencies = frontier.empty() ? nullptr : frontier.data();
    if (numDependencies != nullptr)
      *numDependencies = frontier.size();
    return npuSuccess;
  });
}

npuError_t npuThreadExchangeStreamCaptureMode(npuStreamCaptureMode *mode) {
  return call([&](Runtime &) {
    if (mode == nullptr ||
        (*mode != npuStreamCaptureModeGlobal && *mode != npuStreamCaptureModeThreadLocal &&
         *mode != npuStreamCaptureModeRelaxed))
      return npuErrorInvalidValue;
    std::swap(*mode, npu::core::CaptureRegistry::threadMode());
    return npuSuccess;
  });
}

} // extern "C"
