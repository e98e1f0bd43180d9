// Texture sampling as the CUDA C++ Programming Guide's appendix "Texture Fetching" specifies it,
// on the host's scalar units (Ascend has no texture units; the modeled device prices this work
// and warns, NPUW008). The fetch functions with CUDA's names are in npurt/device/texture.h.
//
// From the appendix:
// - coordinates are scaled by the texture's size when normalized; point sampling returns
//   T[floor(x)];
// - linear filtering uses x_B = x - 0.5, i = floor(x_B), alpha = frac(x_B) and returns
//   (1 - alpha) T[i] + alpha T[i + 1] (bilinear and trilinear likewise, in the appendix's order
//   of terms); alpha is held in 9-bit fixed point with 8 fractional bits, so it is rounded to a
//   multiple of 1/256 here (round to nearest: the ninth bit exists to hold 1.0 exactly);
// - addressing: clamp replaces an index below 0 by 0 and one at or past N by N - 1, border
//   returns the border color (zero unless the texture descriptor gives one), and wrap and
//   mirror, which CUDA supports only with normalized coordinates, repeat the texture (mirror
//   reflecting every other copy); with unnormalized coordinates they behave as clamp. Linear
//   filtering addresses each of the texels it weighs, so clamp at an edge weighs the edge texel
//   twice and border blends with the border color;
// - cudaReadModeNormalizedFloat maps 8- and 16-bit unsigned integers to [0, 1] (v / 255,
//   v / 65535) and signed ones to [-1, 1] (max(v / 127, -1), max(v / 32767, -1)).
// A NaN coordinate reads texel 0; coordinates beyond +-2^40 texels are clamped there first (the
// hardware's fixed-point coordinates are far smaller), so no conversion overflows.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "npurt/detail/texture_table.h"
#include "npurt/device/cost.h"
#include "npurt/device/half_common.h"

namespace npu::detail {

inline constexpr int kAddressWrap = 0, kAddressClamp = 1, kAddressMirror = 2, kAddressBorder = 3;

// Channel c of the texel at p, as a float after the read mode. Channels the format lacks are 0.
inline float channelAsFloat(const TextureView &view, const unsigned char *p, int c) {
  const TexelFormat &format = view.format;
  if (c >= format.channels)
    return 0.0f;
  const unsigned char *q = p + c * format.channelBytes;
  if (format.kind == TexelKind::Float) {
    if (format.channelBytes == 2) {
      std::uint16_t h;
      std::memcpy(&h, q, 2);
      return halfBitsToFloat(h);
    }
    float x;
    std::memcpy(&x, q, 4);
    return x;
  }
  if (format.kind == TexelKind::Unsigned) {
    std::uint32_t u = 0;
    if (format.channelBytes == 1)
      u = *q;
    else if (format.channelBytes == 2) {
      std::uint16_t h;
      std::memcpy(&h, q, 2);
      u = h;
    } else
      std::memcpy(&u, q, 4);
    if (view.normalizedRead)
      return format.channelBytes == 1 ? float(u) / 255.0f : float(u) / 65535.0f;
    return float(u);
  }
  std::int32_t s = 0;
  if (format.channelBytes == 1)
    s = static_cast<signed char>(*q);
  else if (format.channelBytes == 2) {
    std::int16_t h;
    std::memcpy(&h, q, 2);
    s = h;
  } else
    std::memcpy(&s, q, 4);
  if (view.normalizedRead) {
    const float scaled = format.channelBytes == 1 ? float(s) / 127.0f : float(s) / 32767.0f;
    return scaled < -1.0f ? -1.0f : scaled;
  }
  return float(s);
}

// Channel c of the texel at p as the integer it stores (integer formats, element read mode).
inline long long channelAsInteger(const TexelFormat &format, const unsigned char *p, int c) {
  if (c >= format.channels)
    return 0;
  const unsigned char *q = p + c * format.channelBytes;
  const bool isSigned = format.kind == TexelKind::Signed;
  switch (format.channelBytes) {
  case 1:
    return isSigned ? (long long)static_cast<signed char>(*q) : (long long)*q;
  case 2: {
    std::uint16_t h;
    std::memcpy(&h, q, 2);
    return isSigned ? (long long)static_cast<std::int16_t>(h) : (long long)h;
  }
  default: {
    std::uint32_t u;
    std::memcpy(&u, q, 4);
    return isSigned ? (long long)static_cast<std::int32_t>(u) : (long long)u;
  }
  }
}

// floor(t) as an integer, defined for every float (see the header comment). Not std::floor:
// without SSE4.1 that is a call into libm, which made a fetch several times slower.
inline long long floorTexel(float t) {
  if (t != t)
    return 0;
  constexpr float kLimit = 1099511627776.0f; // 2^40
  t = t < -kLimit ? -kLimit : (t > kLimit ? kLimit : t);
  const long long truncated = static_cast<long long>(t);
  return float(truncated) > t ? truncated - 1 : truncated;
}

// The texel index CUDA's addressing mode makes of index i in a dimension of n texels, or -1 for
// the border.
inline long long addressTexel(long long i, long long n, int mode, bool normalizedCoords) {
  if (i >= 0 && i < n)
    return i;
  if (normalizedCoords && mode == kAddressWrap) {
    const long long m = i % n;
    return m < 0 ? m + n : m;
  }
  if (normalizedCoords && mode == kAddressMirror) {
    long long m = i % (2 * n);
    if (m < 0)
      m += 2 * n;
    return m < n ? m : 2 * n - 1 - m;
  }
  if (mode == kAddressBorder)
    return -1;
  return i < 0 ? 0 : n - 1;
}

// alpha in the hardware's 9-bit fixed point (8 fractional bits), rounded to nearest.
inline float fixedPointWeight(float fraction) {
  // fraction is in [0, 1): the scaled value is positive, so truncation is floor.
  return float(static_cast<int>(fraction * 256.0f + 0.5f)) / 256.0f;
}

// What a fetch reads: the texture's dimensions (1 to 3), the coordinates, the layer.
struct SamplePoint {
  int dims = 1;
  float coord[3] = {0, 0, 0};
  long long layer = 0;
  bool normalizedCoords = false;
  // tex1Dfetch: the integer index itself (no float rounding past 2^24), never filtered.
  bool exactIndex = false;
  long long index = 0;
};

inline long long pointIndex(const SamplePoint &at, int d, long long n) {
  if (at.exactIndex)
    return at.index;
  return floorTexel(at.normalizedCoords ? at.coord[d] * float(n) : at.coord[d]);
}

inline unsigned sizeOf(const TextureView &view, int d) {
  return d == 0 ? view.width : (d == 1 ? view.height : view.depth);
}

// Address of the texel at addressed indices idx (slice or layer included), nullptr for border.
inline const unsigned char *texelAt(const TextureView &view, const long long idx[3], int dims,
                                    long long layer) {
  for (int d = 0; d < dims; ++d)
    if (idx[d] < 0)
      return nullptr;
  const long long slice = dims == 3 ? idx[2] : layer;
  return view.base + std::size_t(slice) * view.slicePitch +
         (dims >= 2 ? std::size_t(idx[1]) * view.rowPitch : 0) +
         std::size_t(idx[0]) * view.format.texelBytes;
}

inline long long clampLayer(const TextureView &view, long long layer) {
  return layer < 0 ? 0 : (layer >= view.layers ? view.layers - 1 : layer);
}

// What the modeled device counts for one fetch of `texels` texels (none on cpu).
inline void countTextureFetch(const TextureView &view, unsigned texels, bool filtered) {
  if (!__builtin_expect(costCounting, 0))
    return;
  CostTally &tally = costTally;
  tally.gread += std::uint64_t(texels) * view.format.texelBytes;
  tally.intOps += 4ull * texels; // index arithmetic and addressing per texel
  if (filtered)
    tally.fp32 += 3ull * texels * view.format.channels; // weight products and weighted sum
  tally.textureFetches += 1;
  if (filtered)
    tally.filteredFetches += 1;
}

// A fetch returning floats: point or linear filtering per the view, the first `channels`
// channels written to out (written in place, not returned: a returned 16-byte struct read back
// as a float made every fetch wait on a failed store-to-load forward).
inline void sampleFloat(const TextureView &view, const SamplePoint &at, float *out, int channels) {
  const long long layer = clampLayer(view, at.layer);
  if (!view.linearFilter || at.exactIndex) {
    long long idx[3] = {0, 0, 0};
    for (int d = 0; d < at.dims; ++d) {
      const long long n = sizeOf(view, d);
      idx[d] = addressTexel(pointIndex(at, d, n), n, view.addressMode[d], at.normalizedCoords);
    }
    const unsigned char *p = texelAt(view, idx, at.dims, layer);
    for (int c = 0; c < channels; ++c)
      out[c] = p != nullptr ? channelAsFloat(view, p, c) : view.borderColor[c];
    countTextureFetch(view, 1, false);
    return;
  }
  long long low[3] = {0, 0, 0}, high[3] = {0, 0, 0};
  float alpha[3] = {0, 0, 0};
  for (int d = 0; d < at.dims; ++d) {
    const long long n = sizeOf(view, d);
    const float t = (at.normalizedCoords ? at.coord[d] * float(n) : at.coord[d]) - 0.5f;
    const long long i = floorTexel(t);
    // float(i) is exact: |t| < 2^24 leaves i small, and a larger t has no fraction bits.
    alpha[d] = t == t ? fixedPointWeight(t - float(i)) : 0.0f;
    low[d] = addressTexel(i, n, view.addressMode[d], at.normalizedCoords);
    high[d] = addressTexel(i + 1, n, view.addressMode[d], at.normalizedCoords);
  }
  // Corners in the appendix's order: x varies fastest; each weight is the product, in x, y, z
  // order, of (1 - alpha) for the low texel and alpha for the high one.
  const unsigned corners = 1u << at.dims;
  for (unsigned corner = 0; corner < corners; ++corner) {
    long long idx[3] = {0, 0, 0};
    float weight = 1.0f;
    for (int d = 0; d < at.dims; ++d) {
      const bool isHigh = (corner >> d) & 1u;
      idx[d] = isHigh ? high[d] : low[d];
      weight = d == 0 ? (isHigh ? alpha[0] : 1.0f - alpha[0])
                      : weight * (isHigh ? alpha[d] : 1.0f - alpha[d]);
    }
    const unsigned char *p = texelAt(view, idx, at.dims, layer);
    for (int c = 0; c < channels; ++c) {
      const float texel = p != nullptr ? channelAsFloat(view, p, c) : view.borderColor[c];
      out[c] = corner == 0 ? weight * texel : out[c] + weight * texel;
    }
  }
  countTextureFetch(view, corners, true);
}

// A fetch returning the stored integers (point sampling; integer textures cannot filter).
template <class Scalar>
inline void sampleInteger(const TextureView &view, const SamplePoint &at, Scalar *out,
                          int channels) {
  long long idx[3] = {0, 0, 0};
  for (int d = 0; d < at.dims; ++d) {
    const long long n = sizeOf(view, d);
    idx[d] = addressTexel(pointIndex(at, d, n), n, view.addressMode[d], at.normalizedCoords);
  }
  const unsigned char *p = texelAt(view, idx, at.dims, clampLayer(view, at.layer));
  for (int c = 0; c < channels; ++c)
    out[c] = static_cast<Scalar>(p != nullptr ? channelAsInteger(view.format, p, c)
                                              : (long long)view.borderColor[c]);
  countTextureFetch(view, 1, false);
}

// The four texels a bilinear fetch of a 2D texture would weigh, in tld4's order (PTX ISA:
// counter-clockwise from the lower left): (i, j+1), (i+1, j+1), (i+1, j), (i, j); nullptr for
// the border.
inline void gatherFootprint(const TextureView &view, const SamplePoint &at,
                            const unsigned char *texels[4]) {
  long long low[2], high[2];
  for (int d = 0; d < 2; ++d) {
    const long long n = sizeOf(view, d);
    const float t = (at.normalizedCoords ? at.coord[d] * float(n) : at.coord[d]) - 0.5f;
    const long long i = floorTexel(t);
    low[d] = addressTexel(i, n, view.addressMode[d], at.normalizedCoords);
    high[d] = addressTexel(i + 1, n, view.addressMode[d], at.normalizedCoords);
  }
  const long long corners[4][3] = {
      {low[0], high[1], 0}, {high[0], high[1], 0}, {high[0], low[1], 0}, {low[0], low[1], 0}};
  for (int k = 0; k < 4; ++k)
    texels[k] = texelAt(view, corners[k], 2, clampLayer(view, at.layer));
  countTextureFetch(view, 4, false);
}

// Cubemap direction (x, y, z) to face and face coordinates, per the appendix's cubemap table:
// the major axis m picks the face, u = (s / |m| + 1) / 2 and v = (t / |m| + 1) / 2.
struct CubemapFace {
  int face = 0;
  float u = 0, v = 0;
};
inline CubemapFace cubemapFace(float x, float y, float z) {
  const float ax = std::fabs(x), ay = std::fabs(y), az = std::fabs(z);
  float m, s, t;
  int face;
  if (ax >= ay && ax >= az) {
    face = x >= 0 ? 0 : 1;
    m = ax;
    s = x >= 0 ? -z : z;
    t = -y;
  } else if (ay >= az) {
    face = y >= 0 ? 2 : 3;
    m = ay;
    s = x;
    t = y >= 0 ? z : -z;
  } else {
    face = z >= 0 ? 4 : 5;
    m = az;
    s = z >= 0 ? x : -x;
    t = -y;
  }
  if (!(m > 0))
    return CubemapFace{face, 0.5f, 0.5f};
  return CubemapFace{face, (s / m + 1.0f) * 0.5f, (t / m + 1.0f) * 0.5f};
}

} // namespace npu::detail
