// Surface objects in kernels: byte-addressed x, the three boundary modes, 2D layered surfaces,
// and a texture reading what a surface wrote.
#include <gtest/gtest.h>

#include <vector>

#include "KernelTestSupport.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

using npu::test::kErrorLaunchFailure;
using npu::test::kSuccess;
using npu::test::runKernel;

// Thread (x, y) writes 100 y + x at byte column 4 x.
__global__ void fill(npuSurfaceObject_t surf) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    surf2Dwrite(float(100 * threadIdx.y + threadIdx.x), surf, int(threadIdx.x * sizeof(float)),
                int(threadIdx.y));
  });
}

__global__ void boundaries(npuSurfaceObject_t surf, float *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x != 0)
      return;
    out[0] = surf2Dread<float>(surf, 4 * 2, 1);
    out[1] = surf2Dread<float>(surf, 4 * 9, 1, npuBoundaryModeClamp); // x clamped to column 3
    out[2] = surf2Dread<float>(surf, -4, -3, npuBoundaryModeClamp);
    out[3] = surf2Dread<float>(surf, 4 * 4, 0, npuBoundaryModeZero);
    surf2Dwrite(-1.0f, surf, 4 * 4, 0, npuBoundaryModeZero);  // dropped
    surf2Dwrite(-2.0f, surf, 4 * 7, 0, npuBoundaryModeClamp); // lands on column 3
    surf2Dread(&out[4], surf, 4 * 3, 0);
  });
}

__global__ void outOfRange(npuSurfaceObject_t surf) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { surf2Dwrite(1.0f, surf, 4 * 4, 0); });
}

__global__ void layeredWrite(npuSurfaceObject_t surf) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    surf2DLayeredwrite(make_uchar2(threadIdx.x, 7), surf, int(threadIdx.x * 2), 0,
                       int(threadIdx.y));
  });
}

__global__ void readThroughTexture(npuTextureObject_t tex, float *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    out[threadIdx.y * 4 + threadIdx.x] = tex2D<float>(tex, threadIdx.x + 0.5f, threadIdx.y + 0.5f);
  });
}

npuArray_t surfaceArray(npuChannelFormatDesc format, npuExtent extent, unsigned flags) {
  npuArray_t array = nullptr;
  EXPECT_EQ(npuMalloc3DArray(&array, &format, extent, flags | npuArraySurfaceLoadStore),
            npuSuccess);
  return array;
}

npuSurfaceObject_t surfaceOver(npuArray_t array) {
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuSurfaceObject_t surf = 0;
  EXPECT_EQ(npuCreateSurfaceObject(&surf, &res), npuSuccess);
  return surf;
}

TEST(Surface, WritesReadsAndBoundaryModes) {
  npuArray_t array = surfaceArray(npuCreateChannelDesc<float>(), make_npuExtent(4, 3, 0), 0);
  npuSurfaceObject_t surf = surfaceOver(array);
  ASSERT_EQ(runKernel("fill", fill, 1, dim3(4, 3), 0, surf), kSuccess);
  float *out = nullptr;
  ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&out), 5 * sizeof(float)), npuSuccess);
  ASSERT_EQ(runKernel("boundaries", boundaries, 1, 1, 0, surf, out), kSuccess);
  EXPECT_EQ(out[0], 102);
  EXPECT_EQ(out[1], 103);
  EXPECT_EQ(out[2], 0);
  EXPECT_EQ(out[3], 0);
  EXPECT_EQ(out[4], -2);
  std::vector<float> host(12);
  ASSERT_EQ(npuMemcpy2DFromArray(host.data(), 16, array, 0, 0, 16, 3, npuMemcpyDeviceToHost),
            npuSuccess);
  EXPECT_EQ(host[3], -2); // the clamped write
  EXPECT_EQ(host[0], 0);  // the dropped one
  EXPECT_EQ(host[11], 203);
  // Trap, the default: the launch fails.
  EXPECT_EQ(runKernel("outOfRange", outOfRange, 1, 1, 0, surf), kErrorLaunchFailure);

  // What the surface wrote is what a texture over the same array reads.
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuTextureDesc desc{};
  desc.addressMode[0] = desc.addressMode[1] = npuAddressModeClamp;
  npuTextureObject_t tex = 0;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  float *viaTexture = nullptr;
  ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&viaTexture), 12 * sizeof(float)),
            npuSuccess);
  ASSERT_EQ(runKernel("readThroughTexture", readThroughTexture, 1, dim3(4, 3), 0, tex, viaTexture),
            kSuccess);
  EXPECT_EQ(viaTexture[5], 101);
  EXPECT_EQ(viaTexture[3], -2);
  // A texture handle is not a surface handle.
  EXPECT_EQ(runKernel("fill", fill, 1, 1, 0, npuSurfaceObject_t(tex)), kErrorLaunchFailure);
  npuDestroyTextureObject(tex);
  npuDestroySurfaceObject(surf);
  EXPECT_EQ(runKernel("fill", fill, 1, 1, 0, surf), kErrorLaunchFailure);
  npuFree(out);
  npuFree(viaTexture);
  npuFreeArray(array);
}

TEST(Surface, LayeredSurfaceWritesEachLayer) {
  npuArray_t array =
      surfaceArray(npuCreateChannelDesc<uchar2>(), make_npuExtent(3, 1, 2), npuArrayLayered);
  npuSurfaceObject_t surf = surfaceOver(array);
  ASSERT_EQ(runKernel("layeredWrite", layeredWrite, 1, dim3(3, 2), 0, surf), kSuccess);
  std::vector<unsigned char> host(12);
  npuMemcpy3DParms copy{};
  copy.srcArray = array;
  copy.dstPtr = make_npuPitchedPtr(host.data(), 6, 6, 1);
  copy.extent = make_npuExtent(3, 1, 2);
  copy.kind = npuMemcpyDeviceToHost;
  ASSERT_EQ(npuMemcpy3D(&copy), npuSuccess);
  EXPECT_EQ(host, (std::vector<unsigned char>{0, 7, 1, 7, 2, 7, 0, 7, 1, 7, 2, 7}));
  npuDestroySurfaceObject(surf);
  npuFreeArray(array);
}

} // namespace
