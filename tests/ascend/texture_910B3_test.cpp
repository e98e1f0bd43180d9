// Textures on the modeled 910B3, which has no texture units: a fetching kernel raises NPUW008
// once, and filtering (four texels read and weighed per 2D fetch) costs modeled time that
// point sampling does not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

__global__ void sampleAll(npuTextureObject_t tex, float *out, int w, int h) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y;
    if (x < w && y < h)
      out[y * w + x] = tex2D<float>(tex, x + 0.3f, y + 0.7f);
  });
}

// Modeled milliseconds of one launch of sampleAll over a w x h float array.
float timedSampling(npuTextureFilterMode filter, npuArray_t array, float *out, int w, int h) {
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuTextureDesc desc{};
  desc.addressMode[0] = desc.addressMode[1] = npuAddressModeClamp;
  desc.filterMode = filter;
  npuTextureObject_t tex = 0;
  EXPECT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  npuEvent_t start, stop;
  npuEventCreate(&start);
  npuEventCreate(&stop);
  npuEventRecord(start);
  ::npu::launch(filter == npuFilterModeLinear ? "linear" : "point", sampleAll, dim3(w / 256, h),
                256, 0, 0, tex, out, w, h);
  npuEventRecord(stop);
  EXPECT_EQ(npuEventSynchronize(stop), npuSuccess);
  float ms = 0;
  EXPECT_EQ(npuEventElapsedTime(&ms, start, stop), npuSuccess);
  npuEventDestroy(start);
  npuEventDestroy(stop);
  npuDestroyTextureObject(tex);
  return ms;
}

TEST(Ascend910B3, TextureFetchesAreEmulatedPricedAndWarned) {
  const int w = 2048, h = 512;
  npuChannelFormatDesc format = npuCreateChannelDesc<float>();
  npuArray_t array = nullptr;
  ASSERT_EQ(npuMallocArray(&array, &format, w, h), npuSuccess);
  std::vector<float> texels(size_t(w) * h, 1.0f);
  ASSERT_EQ(npuMemcpy2DToArray(array, 0, 0, texels.data(), w * 4, w * 4, h, npuMemcpyHostToDevice),
            npuSuccess);
  float *out = nullptr;
  ASSERT_EQ(npuMalloc(reinterpret_cast<void **>(&out), size_t(w) * h * 4), npuSuccess);
  testing::internal::CaptureStderr();
  const float point = timedSampling(npuFilterModePoint, array, out, w, h);
  const float linear = timedSampling(npuFilterModeLinear, array, out, w, h);
  timedSampling(npuFilterModeLinear, array, out, w, h);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_GT(point, 0.0f);
  EXPECT_GT(linear, 1.2f * point) << "point " << point << " ms, linear " << linear << " ms";
  EXPECT_NE(
      printed.find("kernel 'linear': 1048576 texture fetches (1048576 filtered): 910B3 has no "
                   "texture units"),
      std::string::npos)
      << printed;
  EXPECT_NE(printed.find("[NPUW008]"), std::string::npos);
  EXPECT_EQ(printed.find("NPUW008", printed.find("kernel 'linear'") + 1),
            printed.rfind("NPUW008")); // once per kernel
  // Array memory counts against the device's capacity like npuMalloc's.
  size_t freeBefore = 0, total = 0, freeAfter = 0;
  ASSERT_EQ(npuMemGetInfo(&freeBefore, &total), npuSuccess);
  npuArray_t big = nullptr;
  ASSERT_EQ(npuMallocArray(&big, &format, 4096, 4096), npuSuccess);
  ASSERT_EQ(npuMemGetInfo(&freeAfter, &total), npuSuccess);
  EXPECT_GE(freeBefore - freeAfter, size_t(4096) * 4096 * 4);
  EXPECT_EQ(npuFreeArray(big), npuSuccess);
  npuFree(out);
  npuFreeArray(array);
}

} // namespace
