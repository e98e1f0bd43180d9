// The table behind texture and surface handles, shared by the host API (which fills it,
// runtime/api/TextureTable.cpp) and the device fetch functions (npurt/device/texture.h, which
// read it). A handle is an index into the table, never a pointer: a kernel holding a handle of
// a destroyed object, or of an object over freed memory, finds the slot marked so and fails
// the launch with a message instead of reading freed memory.
//
// Slots are never reused and their views never change after publication (a release store of
// the state), so a fetch needs one acquire load and no lock; the state is the only field that
// changes later (to Destroyed or MemoryFreed).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace npu::detail {

// How a channel is stored and what a fetch of it returns before the read mode applies.
enum class TexelKind : unsigned char { Signed, Unsigned, Float };

struct TexelFormat {
  TexelKind kind = TexelKind::Float;
  unsigned char channels = 0;     // 1, 2 or 4
  unsigned char channelBytes = 0; // 1, 2 or 4 (2 with Float: half precision)
  unsigned char texelBytes = 0;   // channels * channelBytes
};

// Everything a fetch needs, fixed when the object is created.
struct TextureView {
  unsigned char *base = nullptr; // texel (0, 0, 0) of layer 0 (surfaces write through it)
  std::size_t rowPitch = 0;      // bytes from one row to the next
  std::size_t slicePitch = 0;    // bytes from one slice (3D), layer or cubemap face to the next
  unsigned width = 1, height = 1, depth = 1; // in texels; 1 for absent dimensions
  unsigned layers = 1;                       // layers (times 6 faces for a cubemap)
  TexelFormat format;
  int addressMode[3] = {1, 1, 1}; // npuTextureAddressMode values
  bool linearFilter = false;
  bool normalizedRead = false; // npuReadModeNormalizedFloat on an 8/16-bit integer format
  bool normalizedCoords = false;
  float borderColor[4] = {0, 0, 0, 0};
};

enum class SlotState : unsigned char { Unused, Texture, Surface, Destroyed, MemoryFreed };

struct TextureSlot {
  std::atomic<SlotState> state{SlotState::Unused};
  TextureView view;
};

// 256 chunks of 4096 slots: about a million objects per process (handle 0 is never issued).
inline constexpr unsigned kTextureChunkBits = 12;
inline constexpr unsigned kTextureChunkSlots = 1u << kTextureChunkBits;
inline constexpr unsigned kTextureChunks = 256;
extern std::atomic<TextureSlot *> textureChunks[kTextureChunks];

// Ends the current CUDA thread's launch with npuErrorLaunchFailure and a message naming the
// kernel, the handle and what went wrong (runtime/api/texture_fault.cpp).
[[noreturn]] void textureFault(unsigned long long handle, const char *what);

// The view of a live object of kind `wanted`, or a fault.
inline const TextureView &liveView(unsigned long long handle, SlotState wanted) {
  const unsigned long long chunk = handle >> kTextureChunkBits;
  TextureSlot *slots =
      chunk < kTextureChunks ? textureChunks[chunk].load(std::memory_order_acquire) : nullptr;
  if (slots == nullptr || handle == 0)
    textureFault(handle, "not a texture or surface object");
  TextureSlot &slot = slots[handle & (kTextureChunkSlots - 1)];
  const SlotState state = slot.state.load(std::memory_order_acquire);
  if (state != wanted) {
    textureFault(handle, state == SlotState::Destroyed     ? "the object was destroyed"
                         : state == SlotState::MemoryFreed ? "the memory it reads was freed"
                         : state == SlotState::Unused      ? "not a texture or surface object"
                         : wanted == SlotState::Texture    ? "a surface used as a texture"
                                                           : "a texture used as a surface");
  }
  return slot.view;
}

} // namespace npu::detail
