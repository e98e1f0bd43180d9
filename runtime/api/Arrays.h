// CUDA arrays: what an npuArray_t is, the registry of live ones (so a stale or foreign handle
// is npuErrorInvalidResourceHandle / npuErrorInvalidValue, never a crash) and the channel
// formats textures and arrays accept.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <set>

#include "npurt/detail/texture_table.h"
#include "npurt/runtime.h"

struct npuArray {
  npuChannelFormatDesc desc{};
  npu::detail::TexelFormat format;
  npuExtent extent{}; // as allocated: 0 for dimensions the array lacks
  unsigned int flags = 0;
  unsigned char *data = nullptr; // device memory, dense: rows, then slices (or layers, faces)
  std::size_t bytes = 0;
  std::size_t rowPitch = 0;                   // width * texel bytes
  std::size_t slicePitch = 0;                 // rowPitch * rows
  unsigned width = 1, height = 1, slices = 1; // slices: depth, layers or faces (>= 1)
};

namespace npu::api {

// The texel format a channel descriptor describes, or nothing when textures cannot hold it
// (npuErrorInvalidChannelDescriptor): 1, 2 or 4 channels of equal width (8, 16 or 32 bits;
// floats 16 or 32), or one of CUDA's normalized 8/16-bit kinds. `normalized` is set for those.
std::optional<detail::TexelFormat> texelFormat(const npuChannelFormatDesc &desc,
                                               bool *normalized = nullptr);

class ArrayRegistry {
public:
  static ArrayRegistry &instance();
  void add(npuArray *array);
  bool remove(npuArray *array);
  bool contains(const npuArray *array) const;
  // npuDeviceReset released their memory: every handle becomes invalid.
  void clear();

private:
  mutable std::mutex mutex_;
  std::set<npuArray *> live_;
};

inline bool isLiveArray(const npuArray *array) {
  return array != nullptr && ArrayRegistry::instance().contains(array);
}

} // namespace npu::api
