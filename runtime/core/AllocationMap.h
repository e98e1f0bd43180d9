// Every address range the runtime knows about (device, pitched, stream-ordered, managed, pinned
// and registered host memory, and device symbols), in an interval map keyed by start address.
// It is what lets npurt reject what CUDA with unified addressing rejects: freeing an unknown
// pointer, a double free, a copy running past the end of an allocation, or a copy whose
// explicit direction contradicts where the memory lives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

namespace npu::core {

enum class MemoryKind {
  Device,         // npuMalloc
  Pitched,        // npuMallocPitch
  StreamOrdered,  // npuMallocAsync
  Managed,        // npuMallocManaged
  PinnedHost,     // npuMallocHost / npuHostAlloc
  RegisteredHost, // npuHostRegister (memory owned by the program)
  Symbol,         // a __device__ / __constant__ global (owned by the program)
};

struct Allocation {
  void *base = nullptr;
  std::size_t bytes = 0;
  MemoryKind kind = MemoryKind::Device;
  unsigned int flags = 0; // npuHostAlloc*/npuHostRegister*/npuMemAttach* flags as given

  bool contains(const void *p) const {
    auto a = reinterpret_cast<std::uintptr_t>(p), b = reinterpret_cast<std::uintptr_t>(base);
    return a >= b && a - b < bytes;
  }
  // Bytes from p to the end of this allocation (p must be inside).
  std::size_t bytesFrom(const void *p) const {
    return bytes - (reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(base));
  }
  // Device code may dereference it (device, managed, symbols, and host memory mapped into the
  // device's address space).
  bool deviceAccessible() const;
  // Host code may dereference it in CUDA (pinned, registered, managed).
  bool hostAccessible() const;
};

class AllocationMap {
public:
  // False when [base, base + bytes) overlaps a known range.
  bool insert(const Allocation &allocation);
  // The allocation containing p, if any.
  std::optional<Allocation> find(const void *p) const;
  // Any allocation overlapping [p, p + bytes).
  std::optional<Allocation> findOverlap(const void *p, std::size_t bytes) const;
  // Removes and returns the allocation starting exactly at `base` whose kind passes `accept`.
  template <class Accept> std::optional<Allocation> eraseIf(const void *base, Accept accept) {
    std::unique_lock lock(mutex_);
    auto it = byBase_.find(reinterpret_cast<std::uintptr_t>(base));
    if (it == byBase_.end() || !accept(it->second))
      return std::nullopt;
    Allocation found = it->second;
    byBase_.erase(it);
    return found;
  }
  // Removes and returns every allocation and registration except symbols (npuDeviceReset).
  std::vector<Allocation> takeAllButSymbols();

private:
  mutable std::shared_mutex mutex_;
  std::map<std::uintptr_t, Allocation> byBase_;
};

} // namespace npu::core
