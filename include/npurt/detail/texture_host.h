// The C++ side of textures in CUDA's cuda_runtime.h: npuCreateChannelDesc<T>() and the legacy
// texture references. Private: include <npurt/runtime.h>.
//
// Legacy references. CUDA 12 removed texture references; older code declares one at file
// scope (`texture<float, 2, cudaReadModeElementType> tex;`), sets its fields, binds memory to
// it and fetches with tex2D(tex, x, y). cu2npu spells the type `::npu::texture<...>` (rule
// texture/TextureReferenceRule) and renames the rest as usual; everything else keeps its
// shape: npu::texture has CUDA's fields, the npuBind* overloads below take the reference, and
// tex2D(tex, x, y) is an overload on the reference (npurt/device/texture.h). Binding creates a
// texture object from the reference's fields at that moment (as CUDA fixes them at bind time)
// and keeps it in the reference; rebinding or unbinding destroys the previous one.
#pragma once

#ifndef NPURT_RUNTIME_H
#error "include <npurt/runtime.h> instead of this header"
#endif

#include <climits>

#include "npurt/device/vector_types.h"

namespace npu::detail {
template <class T> struct ChannelDesc {
  static npuChannelFormatDesc get() { return {0, 0, 0, 0, npuChannelFormatKindNone}; }
};
#define NPU_CHANNEL_DESC(T, bits, n, kind)                                                         \
  template <> struct ChannelDesc<T> {                                                              \
    static npuChannelFormatDesc get() {                                                            \
      return {bits, n > 1 ? bits : 0, n > 2 ? bits : 0, n > 3 ? bits : 0, kind};                   \
    }                                                                                              \
  };
#define NPU_CHANNEL_DESCS(S, name, kind)                                                           \
  NPU_CHANNEL_DESC(S, int(8 * sizeof(S)), 1, kind)                                                 \
  NPU_CHANNEL_DESC(name##1, int(8 * sizeof(S)), 1, kind)                                           \
  NPU_CHANNEL_DESC(name##2, int(8 * sizeof(S)), 2, kind)                                           \
  NPU_CHANNEL_DESC(name##4, int(8 * sizeof(S)), 4, kind)
NPU_CHANNEL_DESC(char, 8, 1,
                 (char(-1) < 0 ? npuChannelFormatKindSigned : npuChannelFormatKindUnsigned))
NPU_CHANNEL_DESCS(signed char, char, npuChannelFormatKindSigned)
NPU_CHANNEL_DESCS(unsigned char, uchar, npuChannelFormatKindUnsigned)
NPU_CHANNEL_DESCS(short, short, npuChannelFormatKindSigned)
NPU_CHANNEL_DESCS(unsigned short, ushort, npuChannelFormatKindUnsigned)
NPU_CHANNEL_DESCS(int, int, npuChannelFormatKindSigned)
NPU_CHANNEL_DESCS(unsigned int, uint, npuChannelFormatKindUnsigned)
NPU_CHANNEL_DESCS(float, float, npuChannelFormatKindFloat)
#undef NPU_CHANNEL_DESCS
#undef NPU_CHANNEL_DESC
} // namespace npu::detail

template <class T> inline npuChannelFormatDesc npuCreateChannelDesc() {
  return ::npu::detail::ChannelDesc<T>::get();
}
inline npuChannelFormatDesc npuCreateChannelDescHalf() {
  return {16, 0, 0, 0, npuChannelFormatKindFloat};
}
inline npuChannelFormatDesc npuCreateChannelDescHalf2() {
  return {16, 16, 0, 0, npuChannelFormatKindFloat};
}
inline npuChannelFormatDesc npuCreateChannelDescHalf4() {
  return {16, 16, 16, 16, npuChannelFormatKindFloat};
}

namespace npu {

// CUDA's textureReference fields, plus the object a binding created (0: unbound).
struct textureReference {
  int normalized = 0;
  enum npuTextureFilterMode filterMode = npuFilterModePoint;
  enum npuTextureAddressMode addressMode[3] = {npuAddressModeClamp, npuAddressModeClamp,
                                               npuAddressModeClamp};
  struct npuChannelFormatDesc channelDesc = {0, 0, 0, 0, npuChannelFormatKindNone};
  int sRGB = 0;
  unsigned int maxAnisotropy = 0;
  enum npuTextureFilterMode mipmapFilterMode = npuFilterModePoint;
  float mipmapLevelBias = 0, minMipmapLevelClamp = 0, maxMipmapLevelClamp = 0;
  int disableTrilinearOptimization = 0;
  // Written by binding (a host call, before the kernels that read it are launched).
  mutable npuTextureObject_t npu_object = 0;
};

// `dim` is 1, 2, 3 or one of the npuTextureType* values (layered, cubemap).
template <class T, int dim = 1, enum npuTextureReadMode mode = npuReadModeElementType>
struct texture : textureReference {
  texture(int norm = 0, enum npuTextureFilterMode fMode = npuFilterModePoint,
          enum npuTextureAddressMode aMode = npuAddressModeClamp) {
    normalized = norm;
    filterMode = fMode;
    addressMode[0] = addressMode[1] = addressMode[2] = aMode;
    channelDesc = npuCreateChannelDesc<T>();
  }
  texture(int norm, enum npuTextureFilterMode fMode, enum npuTextureAddressMode aMode,
          struct npuChannelFormatDesc desc) {
    normalized = norm;
    filterMode = fMode;
    addressMode[0] = addressMode[1] = addressMode[2] = aMode;
    channelDesc = desc;
  }
};

namespace detail {
// Replaces the reference's object by one over `resource` built from its fields
// (runtime/api/texture_reference.cpp).
npuError_t bindTextureReference(const textureReference &ref, enum npuTextureReadMode readMode,
                                const npuResourceDesc &resource);
npuError_t unbindTextureReference(const textureReference &ref);
// The bytes of the allocation from devPtr to its end (binding with CUDA's default size).
size_t bytesToAllocationEnd(const void *devPtr);
} // namespace detail
} // namespace npu

template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTexture(size_t *offset, const ::npu::texture<T, dim, mode> &tex,
                                 const void *devPtr, const struct npuChannelFormatDesc &desc,
                                 size_t size = UINT_MAX) {
  if (offset != nullptr)
    *offset = 0; // any address can be bound: no alignment offset
  npuResourceDesc resource{};
  resource.resType = npuResourceTypeLinear;
  resource.res.linear.devPtr = const_cast<void *>(devPtr);
  resource.res.linear.desc = desc;
  resource.res.linear.sizeInBytes =
      size == UINT_MAX ? ::npu::detail::bytesToAllocationEnd(devPtr) : size;
  return ::npu::detail::bindTextureReference(tex, mode, resource);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTexture(size_t *offset, const ::npu::texture<T, dim, mode> &tex,
                                 const void *devPtr, size_t size = UINT_MAX) {
  return npuBindTexture(offset, tex, devPtr, tex.channelDesc, size);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTexture2D(size_t *offset, const ::npu::texture<T, dim, mode> &tex,
                                   const void *devPtr, const struct npuChannelFormatDesc &desc,
                                   size_t width, size_t height, size_t pitch) {
  if (offset != nullptr)
    *offset = 0;
  npuResourceDesc resource{};
  resource.resType = npuResourceTypePitch2D;
  resource.res.pitch2D.devPtr = const_cast<void *>(devPtr);
  resource.res.pitch2D.desc = desc;
  resource.res.pitch2D.width = width;
  resource.res.pitch2D.height = height;
  resource.res.pitch2D.pitchInBytes = pitch;
  return ::npu::detail::bindTextureReference(tex, mode, resource);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTexture2D(size_t *offset, const ::npu::texture<T, dim, mode> &tex,
                                   const void *devPtr, size_t width, size_t height, size_t pitch) {
  return npuBindTexture2D(offset, tex, devPtr, tex.channelDesc, width, height, pitch);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTextureToArray(const ::npu::texture<T, dim, mode> &tex,
                                        npuArray_const_t array,
                                        const struct npuChannelFormatDesc &) {
  npuResourceDesc resource{};
  resource.resType = npuResourceTypeArray;
  resource.res.array.array = const_cast<npuArray_t>(array);
  return ::npu::detail::bindTextureReference(tex, mode, resource);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuBindTextureToArray(const ::npu::texture<T, dim, mode> &tex,
                                        npuArray_const_t array) {
  return npuBindTextureToArray(tex, array, tex.channelDesc);
}
template <class T, int dim, enum npuTextureReadMode mode>
inline npuError_t npuUnbindTexture(const ::npu::texture<T, dim, mode> &tex) {
  return ::npu::detail::unbindTextureReference(tex);
}
