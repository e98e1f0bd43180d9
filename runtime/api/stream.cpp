// Stream management (CUDA runtime manual: "Stream Management"). The execution model is in
// runtime/core/Stream.h.
#include "api/ApiCall.h"
#include "api/capture_hooks.h"
#include "api/stream_priority.h"

using npu::api::call;
using npu::core::Runtime;

extern "C" {

npuError_t npuStreamCreate(npuStream_t *stream) {
  return npuStreamCreateWithPriority(stream, npuStreamDefault, npu::api::kLeastStreamPriority);
}

npuError_t npuStreamCreateWithFlags(npuStream_t *stream, unsigned int flags) {
  return npuStreamCreateWithPriority(stream, flags, npu::api::kLeastStreamPriority);
}

npuError_t npuStreamCreateWithPriority(npuStream_t *stream, unsigned int flags, int priority) {
  return call([&](Runtime &runtime) {
    if (stream == nullptr || (flags & ~npuStreamNonBlocking) != 0)
      return npuErrorInvalidValue;
    *stream = runtime.streams().create(flags, npu::api::clampStreamPriority(priority));
    return npuSuccess;
  });
}

npuError_t npuStreamGetFlags(npuStream_t stream, unsigned int *flags) {
  return call([&](Runtime &runtime) {
    if (flags == nullptr)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    *flags = target->flags;
    return npuSuccess;
  });
}

npuError_t npuStreamGetPriority(npuStream_t stream, int *priority) {
  return call([&](Runtime &runtime) {
    if (priority == nullptr)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    *priority = target->priority;
    return npuSuccess;
  });
}

npuError_t npuStreamDestroy(npuStream_t stream) {
  return call([&](Runtime &runtime) {
    // The default streams cannot be destroyed; queued work of a destroyed stream still runs.
    auto target = runtime.streams().resolve(stream);
    if (!target || !runtime.streams().destroy(stream))
      return npuErrorInvalidResourceHandle;
    runtime.captures.forget(*target);
    return npuSuccess;
  });
}

npuError_t npuStreamSynchronize(npuStream_t stream) {
  return call([&](Runtime &runtime) {
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    if (npuError_t error = npu::api::checkSynchronousCall(runtime, *target); error != npuSuccess)
      return error;
    npu::api::HostCallSpan span(runtime, "npuStreamSynchronize");
    if (auto tail = runtime.streams().tailOf(*target))
      runtime.streams().hostWait(*tail);
    runtime.pools().trimToThresholds(); // CUDA releases pool memory at synchronisation
    return npu::api::afterWait(runtime);
  });
}

npuError_t npuStreamQuery(npuStream_t stream) {
  return call([&](Runtime &runtime) {
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    if (npuError_t error = runtime.captures.checkSynchronize(*target); error != npuSuccess)
      return error;
    auto tail = runtime.streams().tailOf(*target);
    return tail && !tail->isDone() ? npuErrorNotReady : npuSuccess;
  });
}

npuError_t npuStreamWaitEvent(npuStream_t stream, npuEvent_t event, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (flags != npuEventWaitDefault && flags != npuEventWaitExternal)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    auto marker = runtime.events.resolve(event);
    if (!target || !marker)
      return npuErrorInvalidResourceHandle;
    // Waits for the event's latest record at the time of this call; an event never recorded
    // is complete, so there is nothing to wait for.
    auto record = marker->lastRecord();
    if (record && record->captured) // the fork/join pattern of stream capture
      return runtime.captures.join(*target, *record->captured);
    if (record && runtime.captures.capturing(*target)) {
      // Work outside the capture cannot order work inside it (CUDA invalidates the capture).
      runtime.captures.checkSynchronize(*target);
      return npuErrorStreamCaptureIsolation;
    }
    if (record && !record->done->isDone())
      runtime.streams().enqueue(*target, [](npu::core::OpTiming &) {}, {}, {record->done});
    return npuSuccess;
  });
}

npuError_t npuStreamAddCallback(npuStream_t stream, npuStreamCallback_t callback, void *userData,
                                unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (callback == nullptr || flags != 0)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    // Called with the stream as the program named it and the device's error status (a
    // callback also runs after a failure, to report it).
    npu::core::TimedWork work = [&runtime, callback, stream, userData](npu::core::OpTiming &) {
      callback(stream, runtime.sticky.get(), userData);
    };
    if (runtime.captures.any()) {
      if (npuError_t error = runtime.captures.checkLegacyWork(*target); error != npuSuccess)
        return error;
      // CUDA's docs: unlike npuLaunchHostFunc, not supported in stream capture.
      if (npuError_t error = runtime.captures.checkSynchronize(*target); error != npuSuccess)
        return error;
    }
    runtime.streams().enqueue(*target, std::move(work), {"host", "stream callback"});
    return npuSuccess;
  });
}

npuError_t npuLaunchHostFunc(npuStream_t stream, npuHostFn_t fn, void *userData) {
  return call([&](Runtime &runtime) {
    if (fn == nullptr)
      return npuErrorInvalidValue;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    npu::core::TimedWork work = npu::api::hostFunctionWork(runtime, fn, userData);
    npu::core::OpLabel label{"host", "host function"};
    if (auto captured = npu::api::captureAsync(runtime, *target, npuGraphNodeTypeHost, work, label,
                                               [&](npuGraphNode_st &node) {
                                                 node.host = npuHostNodeParams{fn, userData};
                                               }))
      return *captured;
    runtime.streams().enqueue(*target, std::move(work), std::move(label));
    return npuSuccess;
  });
}

npuError_t npuStreamAttachMemAsync(npuStream_t stream, void *devPtr, size_t length,
                                   unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (!runtime.streams().resolve(stream))
      return npuErrorInvalidResourceHandle;
    if (flags != npuMemAttachGlobal && flags != npuMemAttachHost && flags != npuMemAttachSingle)
      return npuErrorInvalidValue;
    auto allocation = runtime.allocations.find(devPtr);
    if (!allocation || allocation->kind != npu::core::MemoryKind::Managed ||
        (length != 0 && length != allocation->bytes) || allocation->base != devPtr)
      return npuErrorInvalidValue;
    return npuSuccess; // managed memory is visible to every stream here: nothing to attach
  });
}

} // extern "C"
