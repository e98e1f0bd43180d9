// Copies into, out of and between CUDA arrays (CUDA runtime manual: "Memory Management"). An
// array is dense device memory (npuArray), so each form checks its region against the array
// and becomes the 2D (or linear) copy of that region: the same validation of the other side,
// stream order, waiting and pricing as npuMemcpy2D.
#include "api/ApiCall.h"
#include "api/Arrays.h"

using npu::api::call;
using npu::api::isLiveArray;
using npu::core::Runtime;

namespace {

// The address of byte column `wOffset` of row `hOffset` (rows of all slices counted on) when a
// region of `width` bytes by `height` rows starting there lies inside the array.
npuError_t arrayRegion(npuArray_const_t array, size_t wOffset, size_t hOffset, size_t width,
                       size_t height, unsigned char **at) {
  if (!isLiveArray(array))
    return npuErrorInvalidResourceHandle;
  const size_t rows = size_t(array->height) * array->slices;
  if (wOffset > array->rowPitch || width > array->rowPitch - wOffset || hOffset > rows ||
      height > rows - hOffset)
    return npuErrorInvalidValue;
  *at = array->data + hOffset * array->rowPitch + wOffset;
  return npuSuccess;
}

// The same for a linear range of `count` bytes starting at (wOffset, hOffset).
npuError_t arrayRange(npuArray_const_t array, size_t wOffset, size_t hOffset, size_t count,
                      unsigned char **at) {
  if (!isLiveArray(array))
    return npuErrorInvalidResourceHandle;
  if (wOffset >= array->rowPitch || hOffset >= size_t(array->height) * array->slices)
    return npuErrorInvalidValue;
  const size_t offset = hOffset * array->rowPitch + wOffset;
  if (count > array->bytes - offset)
    return npuErrorInvalidValue;
  *at = array->data + offset;
  return npuSuccess;
}

template <class Check> npuError_t validate(Check check) {
  return call([&](Runtime &) { return check(); });
}

// One side of a 3D copy: an array (positions and widths in elements) or pitched linear memory.
struct Side3D {
  unsigned char *base = nullptr; // the element at the side's position, slice 0
  size_t pitch = 0, slicePitch = 0;
};

npuError_t side3D(npuArray_t array, npuPos pos, npuPitchedPtr ptr, size_t rowBytes,
                  npuExtent extent, Side3D *side) {
  if ((array != nullptr) == (ptr.ptr != nullptr))
    return npuErrorInvalidValue; // exactly one of array and pointer
  if (array != nullptr) {
    if (!isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    if (pos.x > array->width || extent.width > array->width - pos.x || pos.y > array->height ||
        extent.height > array->height - pos.y || pos.z > array->slices ||
        extent.depth > array->slices - pos.z)
      return npuErrorInvalidValue;
    side->pitch = array->rowPitch;
    side->slicePitch = array->slicePitch;
    side->base = array->data + pos.z * array->slicePitch + pos.y * array->rowPitch +
                 pos.x * array->format.texelBytes;
    return npuSuccess;
  }
  if (pos.x > ptr.pitch || rowBytes > ptr.pitch - pos.x ||
      (ptr.ysize != 0 && (pos.y > ptr.ysize || extent.height > ptr.ysize - pos.y)))
    return npuErrorInvalidValue;
  side->pitch = ptr.pitch;
  side->slicePitch = ptr.pitch * (ptr.ysize != 0 ? ptr.ysize : extent.height);
  side->base =
      static_cast<unsigned char *>(ptr.ptr) + pos.z * side->slicePitch + pos.y * ptr.pitch + pos.x;
  return npuSuccess;
}

npuError_t copy3D(const npuMemcpy3DParms *p, npuStream_t stream, bool wait) {
  Side3D src, dst;
  size_t rowBytes = 0;
  npuError_t error = validate([&] {
    if (p == nullptr)
      return npuErrorInvalidValue;
    const npuArray *array = p->srcArray != nullptr ? p->srcArray : p->dstArray;
    if (array != nullptr && !isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    if (p->srcArray != nullptr && p->dstArray != nullptr && isLiveArray(p->srcArray) &&
        isLiveArray(p->dstArray) &&
        p->srcArray->format.texelBytes != p->dstArray->format.texelBytes)
      return npuErrorInvalidValue;
    // With an array involved the extent's width is in elements, otherwise in bytes.
    rowBytes = array != nullptr ? p->extent.width * array->format.texelBytes : p->extent.width;
    if (npuError_t e = side3D(p->srcArray, p->srcPos, p->srcPtr, rowBytes, p->extent, &src);
        e != npuSuccess)
      return e;
    return side3D(p->dstArray, p->dstPos, p->dstPtr, rowBytes, p->extent, &dst);
  });
  if (error != npuSuccess)
    return error;
  for (size_t z = 0; z < p->extent.depth; ++z) {
    error =
        npuMemcpy2DAsync(dst.base + z * dst.slicePitch, dst.pitch, src.base + z * src.slicePitch,
                         src.pitch, rowBytes, p->extent.height, p->kind, stream);
    if (error != npuSuccess)
      return error;
  }
  return wait ? npuStreamSynchronize(stream) : npuSuccess;
}

} // namespace

extern "C" {

npuError_t npuMemcpy2DToArray(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                              size_t spitch, size_t width, size_t height, npuMemcpyKind kind) {
  unsigned char *at = nullptr;
  if (npuError_t e =
          validate([&] { return arrayRegion(dst, wOffset, hOffset, width, height, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy2D(at, dst->rowPitch, src, spitch, width, height, kind);
}

npuError_t npuMemcpy2DToArrayAsync(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                                   size_t spitch, size_t width, size_t height, npuMemcpyKind kind,
                                   npuStream_t stream) {
  unsigned char *at = nullptr;
  if (npuError_t e =
          validate([&] { return arrayRegion(dst, wOffset, hOffset, width, height, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy2DAsync(at, dst->rowPitch, src, spitch, width, height, kind, stream);
}

npuError_t npuMemcpy2DFromArray(void *dst, size_t dpitch, npuArray_const_t src, size_t wOffset,
                                size_t hOffset, size_t width, size_t height, npuMemcpyKind kind) {
  unsigned char *at = nullptr;
  if (npuError_t e =
          validate([&] { return arrayRegion(src, wOffset, hOffset, width, height, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy2D(dst, dpitch, at, src->rowPitch, width, height, kind);
}

npuError_t npuMemcpy2DFromArrayAsync(void *dst, size_t dpitch, npuArray_const_t src, size_t wOffset,
                                     size_t hOffset, size_t width, size_t height,
                                     npuMemcpyKind kind, npuStream_t stream) {
  unsigned char *at = nullptr;
  if (npuError_t e =
          validate([&] { return arrayRegion(src, wOffset, hOffset, width, height, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy2DAsync(dst, dpitch, at, src->rowPitch, width, height, kind, stream);
}

npuError_t npuMemcpy2DArrayToArray(npuArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
                                   npuArray_const_t src, size_t wOffsetSrc, size_t hOffsetSrc,
                                   size_t width, size_t height, npuMemcpyKind kind) {
  unsigned char *to = nullptr, *from = nullptr;
  if (npuError_t e = validate([&] {
        if (npuError_t d = arrayRegion(dst, wOffsetDst, hOffsetDst, width, height, &to);
            d != npuSuccess)
          return d;
        return arrayRegion(src, wOffsetSrc, hOffsetSrc, width, height, &from);
      });
      e != npuSuccess)
    return e;
  return npuMemcpy2D(to, dst->rowPitch, from, src->rowPitch, width, height, kind);
}

npuError_t npuMemcpyToArray(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                            size_t count, npuMemcpyKind kind) {
  unsigned char *at = nullptr;
  if (npuError_t e = validate([&] { return arrayRange(dst, wOffset, hOffset, count, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy(at, src, count, kind);
}

npuError_t npuMemcpyFromArray(void *dst, npuArray_const_t src, size_t wOffset, size_t hOffset,
                              size_t count, npuMemcpyKind kind) {
  unsigned char *at = nullptr;
  if (npuError_t e = validate([&] { return arrayRange(src, wOffset, hOffset, count, &at); });
      e != npuSuccess)
    return e;
  return npuMemcpy(dst, at, count, kind);
}

npuError_t npuMemcpy3D(const npuMemcpy3DParms *p) { return copy3D(p, 0, true); }

npuError_t npuMemcpy3DAsync(const npuMemcpy3DParms *p, npuStream_t stream) {
  return copy3D(p, stream, false);
}

} // extern "C"
