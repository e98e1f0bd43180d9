// CUDA arrays: channel descriptors, allocation, release and queries (CUDA runtime manual:
// "Memory Management", the array functions). An array's memory is device memory allocated by
// the backend like npuMalloc's (counted against a modeled device's capacity, 256-byte aligned)
// and recorded in the allocation map, so copies into it are checked and priced as copies to
// the device.
#include <memory>

#include "api/ApiCall.h"
#include "api/Arrays.h"
#include "api/TextureTable.h"

using npu::api::ArrayRegistry;
using npu::api::call;
using npu::api::isLiveArray;
using npu::core::Allocation;
using npu::core::MemoryKind;
using npu::core::Runtime;

namespace npu::api {

std::optional<detail::TexelFormat> texelFormat(const npuChannelFormatDesc &desc, bool *normalized) {
  detail::TexelFormat format;
  int bits = desc.x;
  int channels = 0;
  if (normalized != nullptr)
    *normalized = false;
  switch (desc.f) {
  case npuChannelFormatKindSigned:
  case npuChannelFormatKindUnsigned:
  case npuChannelFormatKindFloat: {
    const int widths[4] = {desc.x, desc.y, desc.z, desc.w};
    for (int c = 0; c < 4 && widths[c] != 0; ++c) {
      if (widths[c] != bits)
        return std::nullopt;
      ++channels;
    }
    for (int c = channels; c < 4; ++c)
      if (widths[c] != 0)
        return std::nullopt;
    format.kind = desc.f == npuChannelFormatKindSigned     ? detail::TexelKind::Signed
                  : desc.f == npuChannelFormatKindUnsigned ? detail::TexelKind::Unsigned
                                                           : detail::TexelKind::Float;
    break;
  }
  default: {
    // CUDA's normalized kinds: 8X1 ... 16X4, unsigned 5-10 then signed 11-16.
    const int kind = int(desc.f);
    if (kind < npuChannelFormatKindUnsignedNormalized8X1 ||
        kind > npuChannelFormatKindSignedNormalized16X4)
      return std::nullopt;
    const int index = (kind - npuChannelFormatKindUnsignedNormalized8X1) % 6;
    const int counts[3] = {1, 2, 4};
    channels = counts[index % 3];
    bits = index < 3 ? 8 : 16;
    format.kind = kind < npuChannelFormatKindSignedNormalized8X1 ? detail::TexelKind::Unsigned
                                                                 : detail::TexelKind::Signed;
    if (normalized != nullptr)
      *normalized = true;
  }
  }
  const bool widthOk = format.kind == detail::TexelKind::Float
                           ? (bits == 16 || bits == 32)
                           : (bits == 8 || bits == 16 || bits == 32);
  if (!widthOk || (channels != 1 && channels != 2 && channels != 4))
    return std::nullopt;
  format.channels = static_cast<unsigned char>(channels);
  format.channelBytes = static_cast<unsigned char>(bits / 8);
  format.texelBytes = static_cast<unsigned char>(channels * bits / 8);
  return format;
}

ArrayRegistry &ArrayRegistry::instance() {
  static ArrayRegistry registry;
  return registry;
}
void ArrayRegistry::add(npuArray *array) {
  std::lock_guard lock(mutex_);
  live_.insert(array);
}
bool ArrayRegistry::remove(npuArray *array) {
  std::lock_guard lock(mutex_);
  return live_.erase(array) != 0;
}
bool ArrayRegistry::contains(const npuArray *array) const {
  std::lock_guard lock(mutex_);
  return live_.count(const_cast<npuArray *>(array)) != 0;
}
void ArrayRegistry::clear() {
  std::lock_guard lock(mutex_);
  for (npuArray *array : live_)
    delete array;
  live_.clear();
}

} // namespace npu::api

namespace {

// CUDA's limits for compute capability 8.x (Programming Guide, "Technical Specifications per
// Compute Capability"): the largest arrays a texture can be bound to.
constexpr std::size_t kMax1D = 131072, kMax2DWidth = 131072, kMax2DHeight = 65536;
constexpr std::size_t kMax3D = 16384, kMaxLayeredWidth = 32768, kMaxLayers = 2048;
constexpr std::size_t kMaxCubemap = 32768, kMaxCubemapLayers = 2046;

// Validates the extent for `flags` and fills the array's shape; npuErrorInvalidValue if CUDA
// would reject it.
npuError_t shapeArray(npuArray &array, npuExtent extent, unsigned int flags) {
  const bool layered = (flags & npuArrayLayered) != 0, cubemap = (flags & npuArrayCubemap) != 0;
  const std::size_t w = extent.width, h = extent.height, d = extent.depth;
  if (w == 0)
    return npuErrorInvalidValue;
  if (cubemap) {
    const std::size_t maxFaces = layered ? 6 * kMaxCubemapLayers : 6;
    if (h != w || w > kMaxCubemap || d == 0 || d % 6 != 0 || d > maxFaces)
      return npuErrorInvalidValue;
  } else if (layered) {
    if (d == 0 || d > kMaxLayers || w > kMaxLayeredWidth || h > kMaxLayeredWidth)
      return npuErrorInvalidValue;
  } else if (d != 0) {
    if (h == 0 || w > kMax3D || h > kMax3D || d > kMax3D)
      return npuErrorInvalidValue;
  } else if (h == 0 ? w > kMax1D : (w > kMax2DWidth || h > kMax2DHeight)) {
    return npuErrorInvalidValue;
  }
  array.extent = extent;
  array.flags = flags;
  array.width = unsigned(w);
  array.height = h == 0 ? 1u : unsigned(h);
  array.slices = d == 0 ? 1u : unsigned(d);
  array.rowPitch = w * array.format.texelBytes;
  array.slicePitch = array.rowPitch * array.height;
  array.bytes = array.slicePitch * array.slices;
  return npuSuccess;
}

npuError_t allocateArray(Runtime &runtime, npuArray_t *out, const npuChannelFormatDesc *desc,
                         npuExtent extent, unsigned int flags) {
  if (out == nullptr || desc == nullptr)
    return npuErrorInvalidValue;
  constexpr unsigned kKnownFlags =
      npuArrayLayered | npuArraySurfaceLoadStore | npuArrayCubemap | npuArrayTextureGather;
  if ((flags & ~kKnownFlags) != 0)
    return npuErrorInvalidValue;
  auto format = npu::api::texelFormat(*desc);
  if (!format)
    return npuErrorInvalidChannelDescriptor;
  auto array = std::make_unique<npuArray>();
  array->desc = *desc;
  array->format = *format;
  if (npuError_t error = shapeArray(*array, extent, flags); error != npuSuccess)
    return error;
  void *memory = runtime.backend().allocateDevice(array->bytes);
  if (memory == nullptr)
    return npuErrorMemoryAllocation;
  const Allocation allocation{memory, array->bytes, MemoryKind::Device, 0};
  if (!runtime.allocations.insert(allocation)) {
    runtime.release(allocation); // a backend bug: overlapping memory
    return npuErrorUnknown;
  }
  array->data = static_cast<unsigned char *>(memory);
  *out = array.release();
  ArrayRegistry::instance().add(*out);
  return npuSuccess;
}

} // namespace

extern "C" {

npuChannelFormatDesc npuCreateChannelDesc(int x, int y, int z, int w, npuChannelFormatKind f) {
  return npuChannelFormatDesc{x, y, z, w, f};
}

npuError_t npuMallocArray(npuArray_t *array, const npuChannelFormatDesc *desc, size_t width,
                          size_t height, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if ((flags & (npuArrayLayered | npuArrayCubemap)) != 0)
      return npuErrorInvalidValue; // those need npuMalloc3DArray
    return allocateArray(runtime, array, desc, npuExtent{width, height, 0}, flags);
  });
}

npuError_t npuMalloc3DArray(npuArray_t *array, const npuChannelFormatDesc *desc, npuExtent extent,
                            unsigned int flags) {
  return call([&](Runtime &runtime) { return allocateArray(runtime, array, desc, extent, flags); });
}

npuError_t npuFreeArray(npuArray_t array) {
  return call([&](Runtime &runtime) {
    if (array == nullptr)
      return npuSuccess;
    if (!ArrayRegistry::instance().remove(array))
      return npuErrorInvalidValue;
    auto freed = runtime.allocations.eraseIf(
        array->data, [](const Allocation &a) { return a.kind == MemoryKind::Device; });
    // Like cudaFree: work already queued may still read the array.
    runtime.streams().synchronizeAll();
    npu::api::TextureTable::instance().memoryFreed(array->data, array->bytes);
    if (freed)
      runtime.release(*freed);
    delete array;
    return npuSuccess;
  });
}

npuError_t npuArrayGetInfo(npuChannelFormatDesc *desc, npuExtent *extent, unsigned int *flags,
                           npuArray_t array) {
  return call([&](Runtime &) {
    if (!isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    if (desc != nullptr)
      *desc = array->desc;
    if (extent != nullptr)
      *extent = array->extent;
    if (flags != nullptr)
      *flags = array->flags;
    return npuSuccess;
  });
}

npuError_t npuGetChannelDesc(npuChannelFormatDesc *desc, npuArray_const_t array) {
  return call([&](Runtime &) {
    if (desc == nullptr)
      return npuErrorInvalidValue;
    if (!isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    *desc = array->desc;
    return npuSuccess;
  });
}

} // extern "C"
