// Legacy texture references in the form cu2npu emits for them: a file-scope ::npu::texture,
// its fields set by the host, bound with the npuBindTexture* overloads, fetched with the
// reference overloads of tex1Dfetch/tex2D.
#include <gtest/gtest.h>

#include <vector>

#include "KernelTestSupport.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

using npu::test::kErrorLaunchFailure;
using npu::test::kSuccess;
using npu::test::runKernel;

::npu::texture<float, 2, npuReadModeElementType> image;
::npu::texture<unsigned char, 1, npuReadModeNormalizedFloat> bytes;

__global__ void sampleImage(float *out) {
  ::npu::for_each_thread(
      [&](NPU_THREAD_PARAMS) { out[threadIdx.x] = tex2D(image, 0.5f + threadIdx.x * 0.5f, 0.5f); });
}

__global__ void sampleBytes(float *out) {
  ::npu::for_each_thread(
      [&](NPU_THREAD_PARAMS) { out[threadIdx.x] = tex1Dfetch(bytes, threadIdx.x); });
}

TEST(TextureReference, Bind2DSetsFieldsAtBindTime) {
  const std::vector<float> texels = {0, 8, 16, 24};
  void *memory = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(npuMallocPitch(&memory, &pitch, 4 * sizeof(float), 1), npuSuccess);
  ASSERT_EQ(npuMemcpy(memory, texels.data(), 16, npuMemcpyHostToDevice), npuSuccess);
  image.filterMode = npuFilterModeLinear;
  image.addressMode[0] = npuAddressModeClamp;
  npuChannelFormatDesc desc = npuCreateChannelDesc<float>();
  size_t offset = 1;
  ASSERT_EQ(npuBindTexture2D(&offset, image, memory, desc, 4, 1, pitch), npuSuccess);
  EXPECT_EQ(offset, 0u);
  image.filterMode = npuFilterModePoint; // after binding: no effect until the next bind
  float *out = nullptr;
  ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&out), 3 * sizeof(float)), npuSuccess);
  ASSERT_EQ(runKernel("sampleImage", sampleImage, 1, 3, 0, out), kSuccess);
  EXPECT_EQ(out[0], 0);
  EXPECT_EQ(out[1], 4); // halfway between texels 0 and 1: filtered
  EXPECT_EQ(out[2], 8);
  ASSERT_EQ(npuBindTexture2D(nullptr, image, memory, 4, 1, pitch), npuSuccess); // now point
  ASSERT_EQ(runKernel("sampleImage", sampleImage, 1, 3, 0, out), kSuccess);
  EXPECT_EQ(out[1], 8);
  // Bound to a CUDA array holding the texels reversed.
  npuArray_t array = nullptr;
  ASSERT_EQ(npuMallocArray(&array, &desc, 4, 1), npuSuccess);
  const std::vector<float> reversed = {24, 16, 8, 0};
  ASSERT_EQ(npuMemcpy2DToArray(array, 0, 0, reversed.data(), 16, 16, 1, npuMemcpyHostToDevice),
            npuSuccess);
  image.filterMode = npuFilterModeLinear;
  ASSERT_EQ(npuBindTextureToArray(image, array), npuSuccess);
  ASSERT_EQ(runKernel("sampleImage", sampleImage, 1, 3, 0, out), kSuccess);
  EXPECT_EQ(out[0], 24);
  EXPECT_EQ(out[1], 20);
  ASSERT_EQ(npuUnbindTexture(image), npuSuccess);
  EXPECT_EQ(runKernel("sampleImage", sampleImage, 1, 3, 0, out), kErrorLaunchFailure);
  npuFreeArray(array);
  npuFree(out);
  npuFree(memory);
}

TEST(TextureReference, BindLinearAndArrayNormalizeBytes) {
  const std::vector<unsigned char> values = {0, 255, 51};
  void *memory = nullptr;
  ASSERT_EQ(npuMalloc(&memory, values.size()), npuSuccess);
  ASSERT_EQ(npuMemcpy(memory, values.data(), values.size(), npuMemcpyHostToDevice), npuSuccess);
  ASSERT_EQ(npuBindTexture(nullptr, bytes, memory), npuSuccess); // the whole allocation
  float *out = nullptr;
  ASSERT_EQ(npuMallocManaged(reinterpret_cast<void **>(&out), 4 * sizeof(float)), npuSuccess);
  ASSERT_EQ(runKernel("sampleBytes", sampleBytes, 1, 4, 0, out), kSuccess);
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 1.0f);
  EXPECT_EQ(out[2], 51.0f / 255.0f);
  EXPECT_EQ(out[3], 0.0f); // past the end of linear memory
  // Freeing the memory invalidates the binding's object.
  ASSERT_EQ(npuFree(memory), npuSuccess);
  EXPECT_EQ(runKernel("sampleBytes", sampleBytes, 1, 1, 0, out), kErrorLaunchFailure);
  npuFree(out);
}

} // namespace
