#include "api/TextureTable.h"

#include <cstdint>

namespace npu::detail {
std::atomic<TextureSlot *> textureChunks[kTextureChunks];
} // namespace npu::detail

namespace npu::api {

using detail::SlotState;
using detail::TextureSlot;

TextureTable &TextureTable::instance() {
  static TextureTable table;
  return table;
}

TextureSlot &TextureTable::slot(unsigned long long handle) {
  std::atomic<TextureSlot *> &chunk = detail::textureChunks[handle >> detail::kTextureChunkBits];
  TextureSlot *slots = chunk.load(std::memory_order_acquire);
  if (slots == nullptr) {
    // Chunks live as long as the process: a kernel may still look a stale handle up.
    slots = new TextureSlot[detail::kTextureChunkSlots];
    chunk.store(slots, std::memory_order_release);
  }
  return slots[handle & (detail::kTextureChunkSlots - 1)];
}

unsigned long long TextureTable::create(const detail::TextureView &view,
                                        const TextureRecord &record) {
  std::lock_guard lock(mutex_);
  if (next_ >= std::uint64_t(detail::kTextureChunks) * detail::kTextureChunkSlots)
    return 0;
  const unsigned long long handle = next_++;
  TextureSlot &target = slot(handle);
  target.view = view;
  target.state.store(record.kind, std::memory_order_release);
  live_.emplace(handle, record);
  return handle;
}

npuError_t TextureTable::destroy(unsigned long long handle, SlotState kind) {
  std::lock_guard lock(mutex_);
  auto it = live_.find(handle);
  if (it == live_.end() || it->second.kind != kind)
    return npuErrorInvalidValue;
  slot(handle).state.store(SlotState::Destroyed, std::memory_order_release);
  live_.erase(it);
  return npuSuccess;
}

std::optional<TextureRecord> TextureTable::find(unsigned long long handle, SlotState kind) const {
  std::lock_guard lock(mutex_);
  auto it = live_.find(handle);
  if (it == live_.end() || it->second.kind != kind)
    return std::nullopt;
  return it->second;
}

void TextureTable::memoryFreed(const void *base, std::size_t bytes) {
  const auto begin = reinterpret_cast<std::uintptr_t>(base);
  std::lock_guard lock(mutex_);
  for (auto it = live_.begin(); it != live_.end();) {
    const auto memory = reinterpret_cast<std::uintptr_t>(it->second.memory);
    if (memory >= begin && memory - begin < bytes) {
      slot(it->first).state.store(SlotState::MemoryFreed, std::memory_order_release);
      it = live_.erase(it);
    } else
      ++it;
  }
}

void TextureTable::memoryFreedAll() {
  std::lock_guard lock(mutex_);
  for (const auto &entry : live_)
    slot(entry.first).state.store(SlotState::MemoryFreed, std::memory_order_release);
  live_.clear();
}

} // namespace npu::api
