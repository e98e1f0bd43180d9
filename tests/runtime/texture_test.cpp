// The host API of CUDA arrays and texture/surface objects: what CUDA accepts and the error it
// returns otherwise, and copies through arrays.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "RuntimeTestSupport.h"
#include "npurt/runtime.h"

namespace {

using ArrayApi = npu::test::RuntimeTest;
using TextureApi = npu::test::RuntimeTest;

TEST_F(ArrayApi, AllocationChecksFormatExtentAndFlags) {
  npuArray_t array = nullptr;
  npuChannelFormatDesc f = npuCreateChannelDesc<float>();
  EXPECT_EQ(f.x, 32);
  EXPECT_EQ(f.y, 0);
  EXPECT_EQ(f.f, npuChannelFormatKindFloat);
  npuChannelFormatDesc u4 = npuCreateChannelDesc<uchar4>();
  EXPECT_EQ(u4.w, 8);
  EXPECT_EQ(u4.f, npuChannelFormatKindUnsigned);
  EXPECT_EQ(npuMallocArray(nullptr, &f, 4), npuErrorInvalidValue);
  EXPECT_EQ(npuMallocArray(&array, nullptr, 4), npuErrorInvalidValue);
  EXPECT_EQ(npuMallocArray(&array, &f, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuMallocArray(&array, &f, 200000), npuErrorInvalidValue); // past maxTexture1D
  npuChannelFormatDesc three = npuCreateChannelDesc(8, 8, 8, 0, npuChannelFormatKindUnsigned);
  EXPECT_EQ(npuMallocArray(&array, &three, 4), npuErrorInvalidChannelDescriptor);
  npuChannelFormatDesc mixed = npuCreateChannelDesc(8, 16, 0, 0, npuChannelFormatKindSigned);
  EXPECT_EQ(npuMallocArray(&array, &mixed, 4), npuErrorInvalidChannelDescriptor);
  npuChannelFormatDesc half8 = npuCreateChannelDesc(8, 0, 0, 0, npuChannelFormatKindFloat);
  EXPECT_EQ(npuMallocArray(&array, &half8, 4), npuErrorInvalidChannelDescriptor);
  EXPECT_EQ(npuMallocArray(&array, &f, 4, 4, npuArrayLayered), npuErrorInvalidValue);
  EXPECT_EQ(npuMalloc3DArray(&array, &f, make_npuExtent(4, 5, 6), npuArrayCubemap),
            npuErrorInvalidValue); // faces must be square
  EXPECT_EQ(npuMalloc3DArray(&array, &f, make_npuExtent(4, 4, 7), npuArrayCubemap),
            npuErrorInvalidValue); // six faces per layer
  EXPECT_EQ(npuMalloc3DArray(&array, &f, make_npuExtent(4, 4, 0), npuArrayLayered),
            npuErrorInvalidValue);
  EXPECT_EQ(npuMalloc3DArray(&array, &f, make_npuExtent(4, 0, 3)), npuErrorInvalidValue);

  ASSERT_EQ(
      npuMalloc3DArray(&array, &u4, make_npuExtent(8, 8, 12), npuArrayCubemap | npuArrayLayered),
      npuSuccess);
  npuChannelFormatDesc desc{};
  npuExtent extent{};
  unsigned flags = 0;
  ASSERT_EQ(npuArrayGetInfo(&desc, &extent, &flags, array), npuSuccess);
  EXPECT_EQ(desc.w, 8);
  EXPECT_EQ(extent.depth, 12u);
  EXPECT_EQ(flags, npuArrayCubemap | npuArrayLayered);
  ASSERT_EQ(npuGetChannelDesc(&desc, array), npuSuccess);
  EXPECT_EQ(desc.f, npuChannelFormatKindUnsigned);
  EXPECT_EQ(npuFreeArray(array), npuSuccess);
  EXPECT_EQ(npuFreeArray(array), npuErrorInvalidValue);
  EXPECT_EQ(npuArrayGetInfo(&desc, &extent, &flags, array), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuFreeArray(nullptr), npuSuccess);
}

TEST_F(ArrayApi, CopiesRoundTripAndStayInBounds) {
  npuArray_t array = nullptr;
  npuChannelFormatDesc f = npuCreateChannelDesc<int>();
  ASSERT_EQ(npuMallocArray(&array, &f, 5, 3), npuSuccess);
  std::vector<int> in(15), out(15, -1);
  std::iota(in.begin(), in.end(), 0);
  ASSERT_EQ(npuMemcpy2DToArray(array, 0, 0, in.data(), 20, 20, 3, npuMemcpyHostToDevice),
            npuSuccess);
  // Row 1, columns 1..3 out, into a pitched host buffer.
  std::vector<int> part(8, -1);
  ASSERT_EQ(npuMemcpy2DFromArray(part.data(), 16, array, 4, 1, 12, 2, npuMemcpyDeviceToHost),
            npuSuccess);
  EXPECT_EQ(part, (std::vector<int>{6, 7, 8, -1, 11, 12, 13, -1}));
  EXPECT_EQ(npuMemcpy2DToArray(array, 4, 0, in.data(), 20, 20, 1, npuMemcpyHostToDevice),
            npuErrorInvalidValue); // past the row
  EXPECT_EQ(npuMemcpy2DToArray(array, 0, 2, in.data(), 20, 20, 2, npuMemcpyHostToDevice),
            npuErrorInvalidValue); // past the last row
  EXPECT_EQ(npuMemcpy2DToArray(array, 0, 0, in.data(), 20, 20, 1, npuMemcpyDeviceToHost),
            npuErrorInvalidValue); // the array is device memory
  // Array to array and the 1D forms.
  npuArray_t copy = nullptr;
  ASSERT_EQ(npuMallocArray(&copy, &f, 5, 3), npuSuccess);
  ASSERT_EQ(npuMemcpy2DArrayToArray(copy, 0, 0, array, 0, 0, 20, 3), npuSuccess);
  ASSERT_EQ(npuMemcpyFromArray(out.data(), copy, 0, 0, 60, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(out, in);
  EXPECT_EQ(npuMemcpyFromArray(out.data(), copy, 4, 0, 60, npuMemcpyDeviceToHost),
            npuErrorInvalidValue);
  ASSERT_EQ(npuMemcpyToArray(copy, 8, 2, in.data(), 8, npuMemcpyHostToDevice), npuSuccess);
  ASSERT_EQ(npuMemcpyFromArray(out.data(), copy, 0, 2, 20, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(out[2], 0);
  EXPECT_EQ(out[3], 1);
  // 3D: the array's rows 1..2 as two slices of one row each are not expressible; a 3D array is.
  npuArray_t volume = nullptr;
  ASSERT_EQ(npuMalloc3DArray(&volume, &f, make_npuExtent(2, 2, 2)), npuSuccess);
  std::vector<int> voxels = {1, 2, 3, 4, 5, 6, 7, 8}, back(8, 0);
  npuMemcpy3DParms p{};
  p.srcPtr = make_npuPitchedPtr(voxels.data(), 8, 2, 2);
  p.dstArray = volume;
  p.extent = make_npuExtent(2, 2, 2);
  p.kind = npuMemcpyHostToDevice;
  ASSERT_EQ(npuMemcpy3D(&p), npuSuccess);
  npuMemcpy3DParms q{};
  q.srcArray = volume;
  q.srcPos = make_npuPos(1, 0, 1);
  q.dstPtr = make_npuPitchedPtr(back.data(), 4, 1, 2);
  q.extent = make_npuExtent(1, 2, 1);
  q.kind = npuMemcpyDeviceToHost;
  ASSERT_EQ(npuMemcpy3D(&q), npuSuccess);
  EXPECT_EQ(back[0], 6);
  EXPECT_EQ(back[1], 8);
  q.extent = make_npuExtent(2, 2, 1); // x 1 + 2 columns > 2
  EXPECT_EQ(npuMemcpy3D(&q), npuErrorInvalidValue);
  q.srcPtr = p.srcPtr; // both an array and a pointer
  EXPECT_EQ(npuMemcpy3D(&q), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy3D(nullptr), npuErrorInvalidValue);
  npuFreeArray(volume);
  npuFreeArray(copy);
  npuFreeArray(array);
  EXPECT_EQ(npuMemcpy2DToArray(array, 0, 0, in.data(), 20, 20, 1, npuMemcpyHostToDevice),
            npuErrorInvalidResourceHandle);
}

TEST_F(TextureApi, CreationChecksTheDescriptors) {
  void *memory = nullptr;
  ASSERT_EQ(npuMalloc(&memory, 4096), npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypeLinear;
  res.res.linear.devPtr = memory;
  res.res.linear.desc = npuCreateChannelDesc<int>();
  res.res.linear.sizeInBytes = 4096;
  npuTextureDesc tex{};
  npuTextureObject_t object = 0;
  EXPECT_EQ(npuCreateTextureObject(nullptr, &res, &tex, nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuCreateTextureObject(&object, nullptr, &tex, nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuCreateTextureObject(&object, &res, nullptr, nullptr), npuErrorInvalidValue);
  tex.filterMode = npuFilterModeLinear;
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidFilterSetting);
  tex.filterMode = npuFilterModePoint;
  tex.readMode = npuReadModeNormalizedFloat;
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidNormSetting);
  tex.readMode = npuReadModeElementType;
  tex.addressMode[1] = static_cast<npuTextureAddressMode>(9);
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidValue);
  tex.addressMode[1] = npuAddressModeClamp;
  res.res.linear.devPtr = static_cast<char *>(memory) + 256; // not textureAlignment-aligned
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidValue);
  res.res.linear.devPtr = memory;
  res.res.linear.sizeInBytes = 8192; // past the allocation
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidValue);
  res.res.linear.sizeInBytes = 4096;
  std::vector<int> host(4);
  res.res.linear.devPtr = host.data(); // not device memory
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidValue);
  res.res.linear.devPtr = memory;
  res.res.linear.desc = npuCreateChannelDesc(32, 32, 32, 0, npuChannelFormatKindFloat);
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuErrorInvalidChannelDescriptor);
  res.res.linear.desc = npuCreateChannelDesc<int>();
  npuResourceViewDesc view{};
  EXPECT_EQ(npuCreateTextureObject(&object, &res, &tex, &view), npuErrorNotSupported);

  // Pitch2D: the pitch must hold a row and be a multiple of texturePitchAlignment.
  npuResourceDesc pitched{};
  pitched.resType = npuResourceTypePitch2D;
  pitched.res.pitch2D.devPtr = memory;
  pitched.res.pitch2D.desc = npuCreateChannelDesc<float>();
  pitched.res.pitch2D.width = 8;
  pitched.res.pitch2D.height = 4;
  pitched.res.pitch2D.pitchInBytes = 16;
  EXPECT_EQ(npuCreateTextureObject(&object, &pitched, &tex, nullptr), npuErrorInvalidValue);
  pitched.res.pitch2D.pitchInBytes = 40;
  EXPECT_EQ(npuCreateTextureObject(&object, &pitched, &tex, nullptr), npuErrorInvalidValue);
  pitched.res.pitch2D.pitchInBytes = 64;
  ASSERT_EQ(npuCreateTextureObject(&object, &pitched, &tex, nullptr), npuSuccess);
  npuResourceDesc gotRes{};
  npuTextureDesc gotTex{};
  ASSERT_EQ(npuGetTextureObjectResourceDesc(&gotRes, object), npuSuccess);
  EXPECT_EQ(gotRes.resType, npuResourceTypePitch2D);
  EXPECT_EQ(gotRes.res.pitch2D.pitchInBytes, 64u);
  ASSERT_EQ(npuGetTextureObjectTextureDesc(&gotTex, object), npuSuccess);
  EXPECT_EQ(gotTex.addressMode[1], npuAddressModeClamp);
  EXPECT_EQ(npuDestroyTextureObject(object), npuSuccess);
  EXPECT_EQ(npuDestroyTextureObject(object), npuErrorInvalidValue);
  EXPECT_EQ(npuGetTextureObjectResourceDesc(&gotRes, object), npuErrorInvalidValue);
  EXPECT_EQ(npuDestroyTextureObject(0), npuErrorInvalidValue);
  npuFree(memory);
}

TEST_F(TextureApi, SurfacesNeedLoadStoreArrays) {
  npuChannelFormatDesc f = npuCreateChannelDesc<float>();
  npuArray_t plain = nullptr, loadStore = nullptr;
  ASSERT_EQ(npuMallocArray(&plain, &f, 4, 4), npuSuccess);
  ASSERT_EQ(npuMallocArray(&loadStore, &f, 4, 4, npuArraySurfaceLoadStore), npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = plain;
  npuSurfaceObject_t surf = 0;
  EXPECT_EQ(npuCreateSurfaceObject(&surf, &res), npuErrorInvalidValue);
  res.res.array.array = loadStore;
  ASSERT_EQ(npuCreateSurfaceObject(&surf, &res), npuSuccess);
  npuResourceDesc got{};
  ASSERT_EQ(npuGetSurfaceObjectResourceDesc(&got, surf), npuSuccess);
  EXPECT_EQ(got.res.array.array, loadStore);
  EXPECT_EQ(npuDestroyTextureObject(surf), npuErrorInvalidValue); // not a texture
  EXPECT_EQ(npuDestroySurfaceObject(surf), npuSuccess);
  EXPECT_EQ(npuDestroySurfaceObject(surf), npuErrorInvalidValue);
  npuResourceDesc linear{};
  linear.resType = npuResourceTypeLinear;
  EXPECT_EQ(npuCreateSurfaceObject(&surf, &linear), npuErrorInvalidValue);
  npuFreeArray(plain);
  npuFreeArray(loadStore);
  res.res.array.array = loadStore;
  EXPECT_EQ(npuCreateSurfaceObject(&surf, &res), npuErrorInvalidResourceHandle);
}

TEST_F(ArrayApi, DeviceResetInvalidatesArraysAndObjects) {
  npuChannelFormatDesc f = npuCreateChannelDesc<float>();
  npuArray_t array = nullptr;
  ASSERT_EQ(npuMallocArray(&array, &f, 8, 8, npuArraySurfaceLoadStore), npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuTextureDesc tex{};
  npuTextureObject_t object = 0;
  npuSurfaceObject_t surface = 0;
  ASSERT_EQ(npuCreateTextureObject(&object, &res, &tex, nullptr), npuSuccess);
  ASSERT_EQ(npuCreateSurfaceObject(&surface, &res), npuSuccess);
  ASSERT_EQ(npuDeviceReset(), npuSuccess);
  npuExtent extent{};
  EXPECT_EQ(npuArrayGetInfo(nullptr, &extent, nullptr, array), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuFreeArray(array), npuErrorInvalidValue);
  EXPECT_EQ(npuDestroyTextureObject(object), npuErrorInvalidValue);
  EXPECT_EQ(npuDestroySurfaceObject(surface), npuErrorInvalidValue);
  npuGetLastError();
}

} // namespace
