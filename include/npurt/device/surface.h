// CUDA's surface functions (surf1D/2D/3D/2DLayered read and write) on surface objects. As in
// CUDA, the x coordinate is in bytes and y, z, layer in elements; an access outside the array
// follows the boundary mode: npuBoundaryModeTrap (the default) fails the launch, Clamp moves
// it to the nearest element inside, Zero reads zeros and drops writes. Accesses are plain
// loads and stores of sizeof(T) bytes (no format conversion, as CUDA's surface functions).
#pragma once

#include <cstring>

#include "npurt/detail/texture_table.h"
#include "npurt/device/cost.h"
#include "npurt/runtime.h"

namespace npu::detail {

// Checked dimensions: 1D x; 2D x, y; 3D x, y, depth; 2D layered x, y, layer.
enum class SurfaceShape { D1, D2, D3, Layered2D };

// The address of the sizeof-`bytes` element at (xBytes, y, z) after the boundary mode, or
// nullptr (mode Zero, outside).
inline unsigned char *surfaceElement(npuSurfaceObject_t surface, std::size_t bytes,
                                     SurfaceShape shape, long long xBytes, long long y, long long z,
                                     npuSurfaceBoundaryMode mode) {
  const TextureView &view = liveView(surface, SlotState::Surface);
  const long long limits[3] = {
      (long long)view.width * view.format.texelBytes - (long long)bytes + 1, (long long)view.height,
      shape == SurfaceShape::D3 ? (long long)view.depth : (long long)view.layers};
  const int checked = shape == SurfaceShape::D1 ? 1 : (shape == SurfaceShape::D2 ? 2 : 3);
  long long at[3] = {xBytes, y, z};
  for (int d = 0; d < checked; ++d) {
    if (at[d] >= 0 && at[d] < limits[d])
      continue;
    if (mode != npuBoundaryModeClamp && mode != npuBoundaryModeZero)
      textureFault(surface, "surface access out of range (npuBoundaryModeTrap)");
    if (mode == npuBoundaryModeZero || limits[d] <= 0)
      return nullptr; // (an element wider than a row has nowhere to clamp to)
    at[d] = at[d] < 0 ? 0 : limits[d] - 1;
  }
  if (costCounting)
    costTally.intOps += 4;
  return view.base + std::size_t(at[2]) * view.slicePitch + std::size_t(at[1]) * view.rowPitch +
         std::size_t(at[0]);
}

template <class T>
inline T surfaceRead(npuSurfaceObject_t s, SurfaceShape shape, long long x, long long y,
                     long long z, npuSurfaceBoundaryMode mode) {
  T value{};
  if (const unsigned char *p = surfaceElement(s, sizeof(T), shape, x, y, z, mode)) {
    std::memcpy(&value, p, sizeof(T));
    if (costCounting)
      costTally.gread += sizeof(T);
  }
  return value;
}

template <class T>
inline void surfaceWrite(const T &value, npuSurfaceObject_t s, SurfaceShape shape, long long x,
                         long long y, long long z, npuSurfaceBoundaryMode mode) {
  if (unsigned char *p = surfaceElement(s, sizeof(T), shape, x, y, z, mode)) {
    std::memcpy(p, &value, sizeof(T));
    if (costCounting)
      costTally.gwrite += sizeof(T);
  }
}

} // namespace npu::detail

#define NPU_SURFACE_MODE npuSurfaceBoundaryMode mode = npuBoundaryModeTrap
#define NPU_SURFACE(shape) ::npu::detail::SurfaceShape::shape

template <class T> inline T surf1Dread(npuSurfaceObject_t s, int x, NPU_SURFACE_MODE) {
  return ::npu::detail::surfaceRead<T>(s, NPU_SURFACE(D1), x, 0, 0, mode);
}
template <class T> inline void surf1Dread(T *out, npuSurfaceObject_t s, int x, NPU_SURFACE_MODE) {
  *out = surf1Dread<T>(s, x, mode);
}
template <class T> inline void surf1Dwrite(T v, npuSurfaceObject_t s, int x, NPU_SURFACE_MODE) {
  ::npu::detail::surfaceWrite(v, s, NPU_SURFACE(D1), x, 0, 0, mode);
}
template <class T> inline T surf2Dread(npuSurfaceObject_t s, int x, int y, NPU_SURFACE_MODE) {
  return ::npu::detail::surfaceRead<T>(s, NPU_SURFACE(D2), x, y, 0, mode);
}
template <class T>
inline void surf2Dread(T *out, npuSurfaceObject_t s, int x, int y, NPU_SURFACE_MODE) {
  *out = surf2Dread<T>(s, x, y, mode);
}
template <class T>
inline void surf2Dwrite(T v, npuSurfaceObject_t s, int x, int y, NPU_SURFACE_MODE) {
  ::npu::detail::surfaceWrite(v, s, NPU_SURFACE(D2), x, y, 0, mode);
}
template <class T>
inline T surf3Dread(npuSurfaceObject_t s, int x, int y, int z, NPU_SURFACE_MODE) {
  return ::npu::detail::surfaceRead<T>(s, NPU_SURFACE(D3), x, y, z, mode);
}
template <class T>
inline void surf3Dread(T *out, npuSurfaceObject_t s, int x, int y, int z, NPU_SURFACE_MODE) {
  *out = surf3Dread<T>(s, x, y, z, mode);
}
template <class T>
inline void surf3Dwrite(T v, npuSurfaceObject_t s, int x, int y, int z, NPU_SURFACE_MODE) {
  ::npu::detail::surfaceWrite(v, s, NPU_SURFACE(D3), x, y, z, mode);
}
template <class T>
inline T surf2DLayeredread(npuSurfaceObject_t s, int x, int y, int layer, NPU_SURFACE_MODE) {
  return ::npu::detail::surfaceRead<T>(s, NPU_SURFACE(Layered2D), x, y, layer, mode);
}
template <class T>
inline void surf2DLayeredread(T *out, npuSurfaceObject_t s, int x, int y, int layer,
                              NPU_SURFACE_MODE) {
  *out = surf2DLayeredread<T>(s, x, y, layer, mode);
}
template <class T>
inline void surf2DLayeredwrite(T v, npuSurfaceObject_t s, int x, int y, int layer,
                               NPU_SURFACE_MODE) {
  ::npu::detail::surfaceWrite(v, s, NPU_SURFACE(Layered2D), x, y, layer, mode);
}
#undef NPU_SURFACE
#undef NPU_SURFACE_MODE
