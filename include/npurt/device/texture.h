// CUDA's texture fetch functions (tex1Dfetch, tex1D, tex2D, tex3D, the layered and cubemap
// forms, the Lod/Grad forms) on texture objects and on legacy texture references, with CUDA's
// names and signatures. Sampling itself is npurt/device/texture_sampling.h.
//
// A fetch only reads memory and the object table, so kernels that use textures stay on the
// fast path (npu::for_each_thread). npurt has no mipmapped arrays, so every texture has one
// level: the Lod and Grad forms read level 0, which is what CUDA does on a texture without
// mipmaps.
#pragma once

#include <cstring>
#include <type_traits>

#include "npurt/detail/texture_table.h"
#include "npurt/device/texture_sampling.h"
#include "npurt/device/vector_types.h"
#include "npurt/runtime.h"

namespace npu::detail {

// The scalar and channel count of a fetch's result type.
template <class T> struct TexelType;
#define NPU_TEXEL_TYPE(T, S, N)                                                                    \
  template <> struct TexelType<T> {                                                                \
    using Scalar = S;                                                                              \
    static constexpr int channels = N;                                                             \
  };
#define NPU_TEXEL_TYPES(S, name)                                                                   \
  NPU_TEXEL_TYPE(S, S, 1)                                                                          \
  NPU_TEXEL_TYPE(name##1, S, 1) NPU_TEXEL_TYPE(name##2, S, 2) NPU_TEXEL_TYPE(name##4, S, 4)
NPU_TEXEL_TYPES(float, float)
NPU_TEXEL_TYPES(signed char, char)
NPU_TEXEL_TYPES(unsigned char, uchar)
NPU_TEXEL_TYPES(short, short)
NPU_TEXEL_TYPES(unsigned short, ushort)
NPU_TEXEL_TYPES(int, int)
NPU_TEXEL_TYPES(unsigned int, uint)
NPU_TEXEL_TYPE(char, char, 1)
#undef NPU_TEXEL_TYPES
#undef NPU_TEXEL_TYPE

// The texel as T: floats from a float-returning fetch, the stored integers otherwise.
template <class T> inline T fetchAs(const TextureView &view, const SamplePoint &at) {
  using Traits = TexelType<T>;
  using Scalar = typename Traits::Scalar;
  Scalar channels[Traits::channels];
  static_assert(sizeof(channels) == sizeof(T), "a texel type is its channels, unpadded");
  if constexpr (std::is_floating_point_v<Scalar>)
    sampleFloat(view, at, channels, Traits::channels);
  else
    sampleInteger(view, at, channels, Traits::channels);
  T out;
  std::memcpy(&out, channels, sizeof out);
  return out;
}

template <class T>
inline T fetchObject(npuTextureObject_t object, int dims, float x, float y, float z,
                     long long layer) {
  const TextureView &view = liveView(object, SlotState::Texture);
  SamplePoint at;
  at.dims = dims;
  at.coord[0] = x;
  at.coord[1] = y;
  at.coord[2] = z;
  at.layer = layer;
  at.normalizedCoords = view.normalizedCoords;
  return fetchAs<T>(view, at);
}

template <class T>
inline T fetchCubemap(npuTextureObject_t object, float x, float y, float z, long long layer) {
  const TextureView &view = liveView(object, SlotState::Texture);
  const CubemapFace face = cubemapFace(x, y, z);
  SamplePoint at;
  at.dims = 2;
  at.coord[0] = face.u;
  at.coord[1] = face.v;
  at.layer = 6 * layer + face.face;
  at.normalizedCoords = true; // face coordinates are always normalized
  return fetchAs<T>(view, at);
}

// tex2Dgather: component `comp` of the four texels of the bilinear footprint, as T's channels.
template <class T> inline T gatherObject(npuTextureObject_t object, float x, float y, int comp) {
  using Traits = TexelType<T>;
  using Scalar = typename Traits::Scalar;
  static_assert(Traits::channels == 4, "tex2Dgather returns a 4-component type");
  const TextureView &view = liveView(object, SlotState::Texture);
  SamplePoint at;
  at.dims = 2;
  at.coord[0] = x;
  at.coord[1] = y;
  at.normalizedCoords = view.normalizedCoords;
  const unsigned char *texels[4];
  gatherFootprint(view, at, texels);
  const int c = comp < 0 ? 0 : (comp > 3 ? 3 : comp);
  Scalar channels[4];
  for (int k = 0; k < 4; ++k) {
    if constexpr (std::is_floating_point_v<Scalar>)
      channels[k] = texels[k] != nullptr ? channelAsFloat(view, texels[k], c) : view.borderColor[c];
    else
      channels[k] =
          static_cast<Scalar>(texels[k] != nullptr ? channelAsInteger(view.format, texels[k], c)
                                                   : (long long)view.borderColor[c]);
  }
  T out;
  std::memcpy(&out, channels, sizeof out);
  return out;
}

// What a legacy reference texture<T, dim, mode> returns: T, or its float counterpart when the
// read mode normalizes integers.
template <class T, npuTextureReadMode Mode> struct ReferenceFetch { using type = T; };
template <class T> struct ReferenceFetch<T, npuReadModeNormalizedFloat> {
  static constexpr int channels = TexelType<T>::channels;
  using type =
      std::conditional_t<channels == 1, float, std::conditional_t<channels == 2, float2, float4>>;
};

} // namespace npu::detail

// ---- Texture objects ----
template <class T> inline T tex1Dfetch(npuTextureObject_t t, int x) {
  const ::npu::detail::TextureView &view =
      ::npu::detail::liveView(t, ::npu::detail::SlotState::Texture);
  ::npu::detail::SamplePoint at;
  at.exactIndex = true;
  at.index = x;
  return ::npu::detail::fetchAs<T>(view, at);
}
template <class T> inline T tex1D(npuTextureObject_t t, float x) {
  return ::npu::detail::fetchObject<T>(t, 1, x, 0, 0, 0);
}
template <class T> inline T tex2D(npuTextureObject_t t, float x, float y) {
  return ::npu::detail::fetchObject<T>(t, 2, x, y, 0, 0);
}
template <class T> inline T tex3D(npuTextureObject_t t, float x, float y, float z) {
  return ::npu::detail::fetchObject<T>(t, 3, x, y, z, 0);
}
template <class T> inline T tex1DLayered(npuTextureObject_t t, float x, int layer) {
  return ::npu::detail::fetchObject<T>(t, 1, x, 0, 0, layer);
}
template <class T> inline T tex2DLayered(npuTextureObject_t t, float x, float y, int layer) {
  return ::npu::detail::fetchObject<T>(t, 2, x, y, 0, layer);
}
template <class T> inline T texCubemap(npuTextureObject_t t, float x, float y, float z) {
  return ::npu::detail::fetchCubemap<T>(t, x, y, z, 0);
}
template <class T>
inline T texCubemapLayered(npuTextureObject_t t, float x, float y, float z, int layer) {
  return ::npu::detail::fetchCubemap<T>(t, x, y, z, layer);
}
template <class T> inline T tex2Dgather(npuTextureObject_t t, float x, float y, int comp = 0) {
  return ::npu::detail::gatherObject<T>(t, x, y, comp);
}
// One mipmap level: the level and gradients select level 0.
template <class T> inline T tex1DLod(npuTextureObject_t t, float x, float) {
  return tex1D<T>(t, x);
}
template <class T> inline T tex2DLod(npuTextureObject_t t, float x, float y, float) {
  return tex2D<T>(t, x, y);
}
template <class T> inline T tex3DLod(npuTextureObject_t t, float x, float y, float z, float) {
  return tex3D<T>(t, x, y, z);
}
template <class T> inline T tex1DGrad(npuTextureObject_t t, float x, float, float) {
  return tex1D<T>(t, x);
}
template <class T> inline T tex2DGrad(npuTextureObject_t t, float x, float y, float2, float2) {
  return tex2D<T>(t, x, y);
}
template <class T>
inline T tex3DGrad(npuTextureObject_t t, float x, float y, float z, float4, float4) {
  return tex3D<T>(t, x, y, z);
}
template <class T>
inline T tex2DLayeredLod(npuTextureObject_t t, float x, float y, int layer, float) {
  return tex2DLayered<T>(t, x, y, layer);
}
template <class T> inline T texCubemapLod(npuTextureObject_t t, float x, float y, float z, float) {
  return texCubemap<T>(t, x, y, z);
}

// The overloads that store through a pointer (CUDA 11.4+: tex2D(&v, obj, x, y)).
template <class T> inline void tex1Dfetch(T *out, npuTextureObject_t t, int x) {
  *out = tex1Dfetch<T>(t, x);
}
template <class T> inline void tex1D(T *out, npuTextureObject_t t, float x) {
  *out = tex1D<T>(t, x);
}
template <class T> inline void tex2D(T *out, npuTextureObject_t t, float x, float y) {
  *out = tex2D<T>(t, x, y);
}
template <class T> inline void tex3D(T *out, npuTextureObject_t t, float x, float y, float z) {
  *out = tex3D<T>(t, x, y, z);
}
template <class T>
inline void tex2DLayered(T *out, npuTextureObject_t t, float x, float y, int layer) {
  *out = tex2DLayered<T>(t, x, y, layer);
}
template <class T> inline void texCubemap(T *out, npuTextureObject_t t, float x, float y, float z) {
  *out = texCubemap<T>(t, x, y, z);
}
template <class T> inline void tex2DLod(T *out, npuTextureObject_t t, float x, float y, float l) {
  *out = tex2DLod<T>(t, x, y, l);
}

// ---- Legacy texture references (see npurt/detail/texture_host.h) ----
#define NPU_REFERENCE_RESULT(T, Mode) typename ::npu::detail::ReferenceFetch<T, Mode>::type
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode) tex1Dfetch(const ::npu::texture<T, 1, Mode> &r, int x) {
  return tex1Dfetch<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x);
}
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode) tex1D(const ::npu::texture<T, 1, Mode> &r, float x) {
  return tex1D<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x);
}
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode) tex2D(const ::npu::texture<T, 2, Mode> &r, float x, float y) {
  return tex2D<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x, y);
}
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode)
    tex3D(const ::npu::texture<T, 3, Mode> &r, float x, float y, float z) {
  return tex3D<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x, y, z);
}
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode)
    tex2DLayered(const ::npu::texture<T, npuTextureType2DLayered, Mode> &r, float x, float y,
                 int layer) {
  return tex2DLayered<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x, y, layer);
}
template <class T, npuTextureReadMode Mode>
inline NPU_REFERENCE_RESULT(T, Mode)
    texCubemap(const ::npu::texture<T, npuTextureTypeCubemap, Mode> &r, float x, float y, float z) {
  return texCubemap<NPU_REFERENCE_RESULT(T, Mode)>(r.npu_object, x, y, z);
}
#undef NPU_REFERENCE_RESULT
