#include "core/Event.h"

namespace npu::core {

npuEvent_t EventRegistry::create(unsigned int flags) {
  auto event = std::make_shared<npuEvent_st>(flags);
  std::lock_guard lock(mutex_);
  events_.emplace(event.get(), event);
  return event.get();
}

bool EventRegistry::destroy(npuEvent_t handle) {
  std::lock_guard lock(mutex_);
  return events_.erase(handle) == 1;
}

std::shared_ptr<npuEvent_st> EventRegistry::resolve(npuEvent_t handle) const {
  std::lock_guard lock(mutex_);
  auto found = events_.find(handle);
  return found == events_.end() ? nullptr : found->second;
}

} // namespace npu::core
