// Events: markers recorded into a stream. Each npuEventRecord creates a new EventRecord whose
// completion is signalled, and whose timestamp is taken from the backend's clock, when the
// stream reaches it; the event points at its latest record, so re-recording an event never
// disturbs waiters on an earlier record (CUDA's semantics).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/Capture.h"
#include "core/Completion.h"
#include "npurt/runtime.h"

namespace npu::core {

struct EventRecord {
  std::shared_ptr<Completion> done; // set before the record is published
  double timestampMs = 0;           // written by the stream before `done` is signalled
  // A record on a capturing stream: where in the capture (`done` is then already signalled).
  std::optional<CapturePosition> captured;
};

} // namespace npu::core

struct npuEvent_st {
  explicit npuEvent_st(unsigned int flags_) : flags(flags_) {}
  const unsigned int flags;

  bool timingDisabled() const { return (flags & npuEventDisableTiming) != 0; }
  std::shared_ptr<const npu::core::EventRecord> lastRecord() const {
    std::lock_guard lock(mutex_);
    return record_;
  }
  void setRecord(std::shared_ptr<const npu::core::EventRecord> record) {
    std::lock_guard lock(mutex_);
    record_ = std::move(record);
  }

private:
  mutable std::mutex mutex_;
  std::shared_ptr<const npu::core::EventRecord> record_; // nullptr: never recorded
};

namespace npu::core {

class EventRegistry {
public:
  npuEvent_t create(unsigned int flags);
  bool destroy(npuEvent_t handle);
  std::shared_ptr<npuEvent_st> resolve(npuEvent_t handle) const;

private:
  mutable std::mutex mutex_;
  std::unordered_map<npuEvent_st *, std::shared_ptr<npuEvent_st>> events_;
};

} // namespace npu::core
