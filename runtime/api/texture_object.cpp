// Texture and surface objects (CUDA runtime manual: "Texture Object Management", "Surface
// Object Management"): the checks CUDA makes when one is created, and the view a fetch reads
// (npurt/detail/texture_table.h).
#include <cstdint>

#include "api/ApiCall.h"
#include "api/Arrays.h"
#include "api/TextureTable.h"

using npu::api::call;
using npu::api::isLiveArray;
using npu::api::TextureRecord;
using npu::api::TextureTable;
using npu::core::Runtime;
using npu::detail::SlotState;
using npu::detail::TexelKind;
using npu::detail::TextureView;

namespace {

// CUDA's limit on the texels of a texture over linear memory (maxTexture1DLinear, 8.x).
constexpr std::size_t kMaxLinearTexels = std::size_t(1) << 27;

// CUDA requires linear and pitched texture memory to be aligned to textureAlignment; npuMalloc
// (like cudaMalloc) only guarantees 256 bytes, and less under NPURT_MEMCHECK, so the rule is
// applied to the offset from the start of the allocation.
bool isAligned(const void *p, const void *base, std::size_t alignment) {
  const auto offset = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(base);
  return alignment == 0 || offset % alignment == 0;
}

// The view of a resource (memory and shape; sampling settings come later), or an error.
npuError_t viewResource(Runtime &runtime, const npuResourceDesc &res, TextureView &view,
                        TextureRecord &record, bool *normalizedKind) {
  const npuDeviceProp &prop = runtime.properties();
  switch (res.resType) {
  case npuResourceTypeArray: {
    const npuArray *array = res.res.array.array;
    if (!isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    npu::api::texelFormat(array->desc, normalizedKind);
    view.base = array->data;
    view.format = array->format;
    view.rowPitch = array->rowPitch;
    view.slicePitch = array->slicePitch;
    view.width = array->width;
    view.height = array->height;
    const bool layers = (array->flags & (npuArrayLayered | npuArrayCubemap)) != 0;
    view.depth = layers ? 1 : array->slices;
    view.layers = layers ? array->slices : 1;
    record.memory = array->data;
    record.bytes = array->bytes;
    return npuSuccess;
  }
  case npuResourceTypeLinear:
  case npuResourceTypePitch2D: {
    const bool linear = res.resType == npuResourceTypeLinear;
    void *devPtr = linear ? res.res.linear.devPtr : res.res.pitch2D.devPtr;
    const npuChannelFormatDesc &desc = linear ? res.res.linear.desc : res.res.pitch2D.desc;
    auto format = npu::api::texelFormat(desc, normalizedKind);
    if (!format)
      return npuErrorInvalidChannelDescriptor;
    auto allocation = runtime.allocations.find(devPtr);
    if (devPtr == nullptr || !allocation || !allocation->deviceAccessible() ||
        !isAligned(devPtr, allocation->base, prop.textureAlignment))
      return npuErrorInvalidValue;
    std::size_t bytes;
    view.format = *format;
    if (linear) {
      bytes = res.res.linear.sizeInBytes;
      const std::size_t texels = bytes / format->texelBytes;
      if (texels == 0 || texels > kMaxLinearTexels)
        return npuErrorInvalidValue;
      view.width = unsigned(texels);
      view.rowPitch = bytes;
    } else {
      const std::size_t width = res.res.pitch2D.width, height = res.res.pitch2D.height;
      const std::size_t pitch = res.res.pitch2D.pitchInBytes;
      // CUDA's limits for pitched 2D textures (maxTexture2DLinear, 8.x) and its pitch rule.
      if (width == 0 || height == 0 || width > 131072 || height > 65000 ||
          width * format->texelBytes > pitch ||
          (prop.texturePitchAlignment != 0 && pitch % prop.texturePitchAlignment != 0))
        return npuErrorInvalidValue;
      view.width = unsigned(width);
      view.height = unsigned(height);
      view.rowPitch = pitch;
      bytes = pitch * (height - 1) + width * format->texelBytes;
    }
    if (allocation->bytesFrom(devPtr) < bytes)
      return npuErrorInvalidValue;
    view.base = static_cast<unsigned char *>(devPtr);
    view.slicePitch = view.rowPitch * view.height;
    record.memory = allocation->base;
    record.bytes = allocation->bytes;
    return npuSuccess;
  }
  default:
    return npuErrorInvalidValue; // mipmapped arrays are not provided
  }
}

npuError_t createTexture(Runtime &runtime, npuTextureObject_t *out, const npuResourceDesc *res,
                         const npuTextureDesc *tex, const npuResourceViewDesc *resView) {
  if (out == nullptr || res == nullptr || tex == nullptr)
    return npuErrorInvalidValue;
  if (resView != nullptr)
    return npuErrorNotSupported; // resource views (format reinterpretation) are not provided
  TextureView view;
  TextureRecord record;
  bool normalizedKind = false;
  if (npuError_t error = viewResource(runtime, *res, view, record, &normalizedKind);
      error != npuSuccess)
    return error;
  for (int d = 0; d < 3; ++d) {
    if (tex->addressMode[d] < npuAddressModeWrap || tex->addressMode[d] > npuAddressModeBorder)
      return npuErrorInvalidValue;
    // tex1Dfetch outside linear memory reads zeros whatever the descriptor says.
    view.addressMode[d] =
        res->resType == npuResourceTypeLinear ? npuAddressModeBorder : tex->addressMode[d];
  }
  if (tex->filterMode != npuFilterModePoint && tex->filterMode != npuFilterModeLinear)
    return npuErrorInvalidValue;
  if (tex->readMode != npuReadModeElementType && tex->readMode != npuReadModeNormalizedFloat)
    return npuErrorInvalidValue;
  const bool integer = view.format.kind != TexelKind::Float;
  view.normalizedRead = integer && (normalizedKind || tex->readMode == npuReadModeNormalizedFloat);
  if (view.normalizedRead && view.format.channelBytes == 4)
    return npuErrorInvalidNormSetting; // only 8- and 16-bit integers normalize
  view.linearFilter = tex->filterMode == npuFilterModeLinear;
  if (view.linearFilter && integer && !view.normalizedRead)
    return npuErrorInvalidFilterSetting; // filtering needs a float result
  view.normalizedCoords = tex->normalizedCoords != 0;
  for (int c = 0; c < 4; ++c)
    view.borderColor[c] = tex->borderColor[c];
  record.kind = SlotState::Texture;
  record.resource = *res;
  record.texture = *tex;
  *out = TextureTable::instance().create(view, record);
  return *out != 0 ? npuSuccess : npuErrorMemoryAllocation;
}

} // namespace

namespace npu::detail {

npuError_t bindTextureReference(const textureReference &ref, npuTextureReadMode readMode,
                                const npuResourceDesc &resource) {
  npuTextureDesc desc{};
  for (int d = 0; d < 3; ++d)
    desc.addressMode[d] = ref.addressMode[d];
  desc.filterMode = ref.filterMode;
  desc.readMode = readMode;
  desc.normalizedCoords = ref.normalized;
  npuTextureObject_t object = 0;
  if (npuError_t error = npuCreateTextureObject(&object, &resource, &desc, nullptr);
      error != npuSuccess)
    return error;
  if (ref.npu_object != 0)
    npuDestroyTextureObject(ref.npu_object);
  ref.npu_object = object;
  return npuSuccess;
}

npuError_t unbindTextureReference(const textureReference &ref) {
  return call([&](Runtime &) {
    if (ref.npu_object != 0)
      TextureTable::instance().destroy(ref.npu_object, SlotState::Texture);
    ref.npu_object = 0;
    return npuSuccess;
  });
}

size_t bytesToAllocationEnd(const void *devPtr) {
  core::Runtime *runtime = core::Runtime::instance();
  if (runtime == nullptr)
    return 0;
  auto allocation = runtime->allocations.find(devPtr);
  return allocation ? allocation->bytesFrom(devPtr) : 0;
}

} // namespace npu::detail

extern "C" {

npuError_t npuCreateTextureObject(npuTextureObject_t *pTexObject, const npuResourceDesc *pResDesc,
                                  const npuTextureDesc *pTexDesc,
                                  const npuResourceViewDesc *pResViewDesc) {
  return call([&](Runtime &runtime) {
    return createTexture(runtime, pTexObject, pResDesc, pTexDesc, pResViewDesc);
  });
}

npuError_t npuDestroyTextureObject(npuTextureObject_t texObject) {
  return call(
      [&](Runtime &) { return TextureTable::instance().destroy(texObject, SlotState::Texture); });
}

npuError_t npuGetTextureObjectResourceDesc(npuResourceDesc *pResDesc,
                                           npuTextureObject_t texObject) {
  return call([&](Runtime &) {
    auto record = TextureTable::instance().find(texObject, SlotState::Texture);
    if (pResDesc == nullptr || !record)
      return npuErrorInvalidValue;
    *pResDesc = record->resource;
    return npuSuccess;
  });
}

npuError_t npuGetTextureObjectTextureDesc(npuTextureDesc *pTexDesc, npuTextureObject_t texObject) {
  return call([&](Runtime &) {
    auto record = TextureTable::instance().find(texObject, SlotState::Texture);
    if (pTexDesc == nullptr || !record)
      return npuErrorInvalidValue;
    *pTexDesc = record->texture;
    return npuSuccess;
  });
}

// Surfaces need an array allocated with npuArraySurfaceLoadStore, as in CUDA.
npuError_t npuCreateSurfaceObject(npuSurfaceObject_t *pSurfObject,
                                  const npuResourceDesc *pResDesc) {
  return call([&](Runtime &runtime) {
    if (pSurfObject == nullptr || pResDesc == nullptr || pResDesc->resType != npuResourceTypeArray)
      return npuErrorInvalidValue;
    const npuArray *array = pResDesc->res.array.array;
    if (!isLiveArray(array))
      return npuErrorInvalidResourceHandle;
    if ((array->flags & npuArraySurfaceLoadStore) == 0)
      return npuErrorInvalidValue;
    TextureView view;
    TextureRecord record;
    if (npuError_t error = viewResource(runtime, *pResDesc, view, record, nullptr);
        error != npuSuccess)
      return error;
    record.kind = SlotState::Surface;
    record.resource = *pResDesc;
    *pSurfObject = TextureTable::instance().create(view, record);
    return *pSurfObject != 0 ? npuSuccess : npuErrorMemoryAllocation;
  });
}

npuError_t npuDestroySurfaceObject(npuSurfaceObject_t surfObject) {
  return call(
      [&](Runtime &) { return TextureTable::instance().destroy(surfObject, SlotState::Surface); });
}

npuError_t npuGetSurfaceObjectResourceDesc(npuResourceDesc *pResDesc,
                                           npuSurfaceObject_t surfObject) {
  return call([&](Runtime &) {
    auto record = TextureTable::instance().find(surfObject, SlotState::Surface);
    if (pResDesc == nullptr || !record)
      return npuErrorInvalidValue;
    *pResDesc = record->resource;
    return npuSuccess;
  });
}

} // extern "C"
