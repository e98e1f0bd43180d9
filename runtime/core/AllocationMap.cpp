#include "core/AllocationMap.h"

#include <mutex>

#include "npurt/runtime.h"

namespace npu::core {

bool Allocation::deviceAccessible() const {
  switch (kind) {
  case MemoryKind::PinnedHost:
    return (flags & npuHostAllocMapped) != 0;
  case MemoryKind::RegisteredHost:
    return (flags & npuHostRegisterMapped) != 0;
  default:
    return true;
  }
}

bool Allocation::hostAccessible() const {
  return kind == MemoryKind::PinnedHost || kind == MemoryKind::RegisteredHost ||
         kind == MemoryKind::Managed;
}

bool AllocationMap::insert(const Allocation &allocation) {
  std::unique_lock lock(mutex_);
  auto begin = reinterpret_cast<std::uintptr_t>(allocation.base);
  auto next = byBase_.lower_bound(begin);
  if (next != byBase_.end() && next->first - begin < allocation.bytes)
    return false;
  if (next != byBase_.begin()) {
    const Allocation &previous = std::prev(next)->second;
    if (previous.contains(allocation.base))
      return false;
  }
  byBase_.emplace_hint(next, begin, allocation);
  return true;
}

std::optional<Allocation> AllocationMap::find(const void *p) const {
  std::shared_lock lock(mutex_);
  auto after = byBase_.upper_bound(reinterpret_cast<std::uintptr_t>(p));
  if (after == byBase_.begin())
    return std::nullopt;
  const Allocation &candidate = std::prev(after)->second;
  if (!candidate.contains(p))
    return std::nullopt;
  return candidate;
}

std::optional<Allocation> AllocationMap::findOverlap(const void *p, std::size_t bytes) const {
  if (auto containing = find(p))
    return containing;
  std::shared_lock lock(mutex_);
  auto begin = reinterpret_cast<std::uintptr_t>(p);
  auto next = byBase_.upper_bound(begin);
  if (next != byBase_.end() && next->first - begin < bytes)
    return next->second;
  return std::nullopt;
}

std::vector<Allocation> AllocationMap::takeAllButSymbols() {
  std::unique_lock lock(mutex_);
  std::vector<Allocation> owned;
  for (auto it = byBase_.begin(); it != byBase_.end();) {
    if (it->second.kind != MemoryKind::Symbol) {
      owned.push_back(it->second);
      it = byBase_.erase(it);
    } else {
      ++it;
    }
  }
  return owned;
}

} // namespace npu::core
