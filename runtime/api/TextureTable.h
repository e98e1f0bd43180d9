// The host side of the texture and surface handle table (npurt/detail/texture_table.h): issues
// handles, publishes their views, keeps what the getters return, and marks objects whose memory
// is freed or that are destroyed, so that a kernel still holding the handle fails cleanly.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>

#include "npurt/detail/texture_table.h"
#include "npurt/runtime.h"

namespace npu::api {

// What an object was created from, for npuGet{Texture,Surface}Object*Desc.
struct TextureRecord {
  detail::SlotState kind = detail::SlotState::Texture;
  const void *memory = nullptr; // start of the memory the object reads
  std::size_t bytes = 0;
  npuResourceDesc resource{};
  npuTextureDesc texture{};
};

class TextureTable {
public:
  static TextureTable &instance();

  // Publishes `view` under a new handle; 0 when the table is full.
  unsigned long long create(const detail::TextureView &view, const TextureRecord &record);
  // npuErrorInvalidValue unless `handle` is a live object of `kind`.
  npuError_t destroy(unsigned long long handle, detail::SlotState kind);
  std::optional<TextureRecord> find(unsigned long long handle, detail::SlotState kind) const;
  // Every live object reading [base, base + bytes) loses its memory (a fetch then fails).
  void memoryFreed(const void *base, std::size_t bytes);
  // npuDeviceReset: every object loses its memory.
  void memoryFreedAll();

private:
  detail::TextureSlot &slot(unsigned long long handle);

  mutable std::mutex mutex_;
  unsigned long long next_ = 1; // handle 0 is never valid
  std::map<unsigned long long, TextureRecord> live_;
};

} // namespace npu::api
