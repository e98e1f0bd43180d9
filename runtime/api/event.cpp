// Event management (CUDA runtime manual: "Event Management"). See runtime/core/Event.h.
#include "api/ApiCall.h"

using npu::api::call;
using npu::core::EventRecord;
using npu::core::Runtime;

extern "C" {

npuError_t npuEventCreate(npuEvent_t *event) {
  return npuEventCreateWithFlags(event, npuEventDefault);
}

npuError_t npuEventCreateWithFlags(npuEvent_t *event, unsigned int flags) {
  return call([&](Runtime &runtime) {
    constexpr unsigned int kKnownFlags =
        npuEventBlockingSync | npuEventDisableTiming | npuEventInterprocess;
    if (event == nullptr || (flags & ~kKnownFlags) != 0)
      return npuErrorInvalidValue;
    // CUDA: an interprocess event must also disable timing.
    if ((flags & npuEventInterprocess) != 0 && (flags & npuEventDisableTiming) == 0)
      return npuErrorInvalidValue;
    *event = runtime.events.create(flags);
    return npuSuccess;
  });
}

npuError_t npuEventRecordWithFlags(npuEvent_t event, npuStream_t stream, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (flags != npuEventRecordDefault && flags != npuEventRecordExternal)
      return npuErrorInvalidValue;
    auto marker = runtime.events.resolve(event);
    auto target = runtime.streams().resolve(stream);
    if (!marker || !target)
      return npuErrorInvalidResourceHandle;
    auto record = std::make_shared<EventRecord>();
    if (runtime.captures.any()) {
      if (npuError_t error = runtime.captures.checkLegacyWork(*target); error != npuSuccess)
        return error;
      if ((record->captured = runtime.captures.position(*target))) {
        record->done = std::make_shared<npu::core::Completion>();
        record->done->signal(); // nothing runs for it: the position is what waiters use
        marker->setRecord(std::move(record));
        return npuSuccess;
      }
    }
    bool timed = !marker->timingDisabled();
    record->done = runtime.streams().enqueue(*target, [record, timed](npu::core::OpTiming &timing) {
      if (timed)
        record->timestampMs = timing.startMs; // when the stream reached the event
    });
    marker->setRecord(std::move(record));
    return npuSuccess;
  });
}

npuError_t npuEventRecord(npuEvent_t event, npuStream_t stream) {
  return npuEventRecordWithFlags(event, stream, npuEventRecordDefault);
}

npuError_t npuEventQuery(npuEvent_t event) {
  return call([&](Runtime &runtime) {
    auto marker = runtime.events.resolve(event);
    if (!marker)
      return npuErrorInvalidResourceHandle;
    auto record = marker->lastRecord();
    if (record && record->captured)
      return npuErrorCapturedEvent;
    return record && !record->done->isDone() ? npuErrorNotReady : npuSuccess;
  });
}

npuError_t npuEventSynchronize(npuEvent_t event) {
  return call([&](Runtime &runtime) {
    auto marker = runtime.events.resolve(event);
    if (!marker)
      return npuErrorInvalidResourceHandle;
    npu::api::HostCallSpan span(runtime, "npuEventSynchronize");
    auto record = marker->lastRecord();
    if (record && record->captured)
      return npuErrorCapturedEvent;
    if (record)
      runtime.streams().hostWait(*record->done);
    runtime.pools().trimToThresholds(); // CUDA releases pool memory at synchronisation
    return npu::api::afterWait(runtime);
  });
}

npuError_t npuEventDestroy(npuEvent_t event) {
  return call([&](Runtime &runtime) {
    // A pending record keeps its own state alive, so destroying early is safe (as in CUDA).
    return runtime.events.destroy(event) ? npuSuccess : npuErrorInvalidResourceHandle;
  });
}

npuError_t npuEventElapsedTime(float *ms, npuEvent_t start, npuEvent_t end) {
  return call([&](Runtime &runtime) {
    if (ms == nullptr)
      return npuErrorInvalidValue;
    auto first = runtime.events.resolve(start), last = runtime.events.resolve(end);
    if (!first || !last || first->timingDisabled() || last->timingDisabled())
      return npuErrorInvalidResourceHandle;
    auto from = first->lastRecord(), to = last->lastRecord();
    if (!from || !to)
      return npuErrorInvalidResourceHandle; // never recorded
    if (from->captured || to->captured)
      return npuErrorCapturedEvent; // a capture position has no time
    if (!from->done->isDone() || !to->done->isDone())
      return npuErrorNotReady;
    *ms = static_cast<float>(to->timestampMs - from->timestampMs);
    return npuSuccess;
  });
}

} // extern "C"
