// Texture fetches in kernels written in the emitted form, against values computed here from the
// CUDA Programming Guide's "Texture Fetching" formulas: addressing modes, point and linear
// filtering with 9-bit weights, normalized coordinates, read modes, layered, cubemap and 3D
// textures, the Lod/Grad forms, and what a fetch through a dead handle does.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "KernelTestSupport.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

namespace {

using npu::test::kErrorLaunchFailure;
using npu::test::kSuccess;
using npu::test::runKernel;

// Each thread i fetches at (x[i], y[i]) through the 1D, 2D or 3D form and writes out[i].
__global__ void fetch2D(npuTextureObject_t tex, const float *x, const float *y, float *out, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = threadIdx.x;
    if (i < n)
      out[i] = tex2D<float>(tex, x[i], y[i]);
  });
}
__global__ void fetch1D(npuTextureObject_t tex, const float *x, float *out, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = threadIdx.x;
    if (i < n)
      tex1D(&out[i], tex, x[i]); // the pointer overload
  });
}
__global__ void fetchInts(npuTextureObject_t tex, const int *index, int4 *out, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = threadIdx.x;
    if (i < n)
      out[i] = tex1Dfetch<int4>(tex, index[i]);
  });
}
__global__ void fetchLayeredCubeAnd3D(npuTextureObject_t layered, npuTextureObject_t cube,
                                      npuTextureObject_t volume, float *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x != 0)
      return;
    out[0] = tex2DLayered<float>(layered, 0.5f, 0.5f, 2);
    out[1] = tex2DLayered<float>(layered, 0.5f, 0.5f, 7); // layer clamped to the last
    out[2] = texCubemap<float>(cube, 1.0f, 0.0f, 0.0f);   // +x face
    out[3] = texCubemap<float>(cube, 0.0f, 0.0f, -2.0f);  // -z face
    out[4] = texCubemap<float>(cube, 0.1f, 0.9f, 0.2f);   // +y face
    out[5] = tex3D<float>(volume, 1.5f, 0.5f, 1.5f);
    out[6] = tex3D<float>(volume, 1.0f, 0.5f, 1.0f);     // trilinear: halfway between 8 texels
    out[7] = tex2DLod<float>(layered, 0.5f, 0.5f, 3.0f); // one level: level 0 (layer 0)
    out[8] = tex2DGrad<float>(layered, 0.5f, 0.5f, make_float2(1, 0), make_float2(0, 1));
  });
}

struct DeviceBuffer {
  void *ptr = nullptr;
  explicit DeviceBuffer(std::size_t bytes) { EXPECT_EQ(npuMalloc(&ptr, bytes), npuSuccess); }
  ~DeviceBuffer() { npuFree(ptr); }
  template <class T> T *as() const { return static_cast<T *>(ptr); }
};

template <class T> DeviceBuffer upload(const std::vector<T> &values) {
  DeviceBuffer buffer(values.size() * sizeof(T));
  EXPECT_EQ(npuMemcpy(buffer.ptr, values.data(), values.size() * sizeof(T), npuMemcpyHostToDevice),
            npuSuccess);
  return buffer;
}

// A float array of w x h texels holding `texels`, and a texture object over it.
struct FloatTexture {
  npuArray_t array = nullptr;
  npuTextureObject_t object = 0;
  FloatTexture(const std::vector<float> &texels, size_t w, size_t h, npuTextureDesc desc) {
    npuChannelFormatDesc format = npuCreateChannelDesc<float>();
    EXPECT_EQ(npuMallocArray(&array, &format, w, h), npuSuccess);
    EXPECT_EQ(npuMemcpy2DToArray(array, 0, 0, texels.data(), w * sizeof(float), w * sizeof(float),
                                 h == 0 ? 1 : h, npuMemcpyHostToDevice),
              npuSuccess);
    npuResourceDesc res{};
    res.resType = npuResourceTypeArray;
    res.res.array.array = array;
    EXPECT_EQ(npuCreateTextureObject(&object, &res, &desc, nullptr), npuSuccess);
  }
  ~FloatTexture() {
    npuDestroyTextureObject(object);
    npuFreeArray(array);
  }
};

npuTextureDesc describe(npuTextureAddressMode address, npuTextureFilterMode filter,
                        bool normalized) {
  npuTextureDesc desc{};
  desc.addressMode[0] = desc.addressMode[1] = desc.addressMode[2] = address;
  desc.filterMode = filter;
  desc.readMode = npuReadModeElementType;
  desc.normalizedCoords = normalized;
  return desc;
}

std::vector<float> run2D(npuTextureObject_t tex, const std::vector<float> &x,
                         const std::vector<float> &y) {
  const int n = int(x.size());
  DeviceBuffer dx = upload(x), dy = upload(y), dout(n * sizeof(float));
  EXPECT_EQ(runKernel("fetch2D", fetch2D, 1, n, 0, tex, dx.as<float>(), dy.as<float>(),
                      dout.as<float>(), n),
            kSuccess);
  std::vector<float> out(n);
  EXPECT_EQ(npuMemcpy(out.data(), dout.ptr, n * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  return out;
}

std::vector<float> run1D(npuTextureObject_t tex, const std::vector<float> &x) {
  const int n = int(x.size());
  DeviceBuffer dx = upload(x), dout(n * sizeof(float));
  EXPECT_EQ(runKernel("fetch1D", fetch1D, 1, n, 0, tex, dx.as<float>(), dout.as<float>(), n),
            kSuccess);
  std::vector<float> out(n);
  EXPECT_EQ(npuMemcpy(out.data(), dout.ptr, n * sizeof(float), npuMemcpyDeviceToHost), npuSuccess);
  return out;
}

// A 4 x 3 texture whose texel (i, j) holds 10 j + i.
const std::vector<float> kGrid = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};

TEST(Texture, PointSamplingClampsUnnormalizedCoordinates) {
  FloatTexture t(kGrid, 4, 3, describe(npuAddressModeClamp, npuFilterModePoint, false));
  auto out =
      run2D(t.object, {0.5f, 3.99f, 2.0f, -5.0f, 9.0f, 1.5f}, {0.5f, 2.5f, 1.0f, 1.2f, 0.2f, 7.0f});
  EXPECT_EQ(out, (std::vector<float>{0, 23, 12, 10, 3, 21}));
}

TEST(Texture, BorderReturnsTheBorderColor) {
  npuTextureDesc desc = describe(npuAddressModeBorder, npuFilterModePoint, false);
  desc.borderColor[0] = -7.0f;
  FloatTexture t(kGrid, 4, 3, desc);
  auto out = run2D(t.object, {-0.5f, 4.0f, 1.5f, 3.5f}, {1.5f, 0.5f, 3.0f, 2.5f});
  EXPECT_EQ(out, (std::vector<float>{-7, -7, -7, 23}));
}

TEST(Texture, WrapAndMirrorRepeatNormalizedCoordinates) {
  FloatTexture wrap(kGrid, 4, 3, describe(npuAddressModeWrap, npuFilterModePoint, true));
  // x 1.3 -> frac 0.3 -> texel 1; x -0.1 -> 0.9 -> texel 3; y 2.5 -> 0.5 -> row 1.
  EXPECT_EQ(run2D(wrap.object, {1.3f, -0.1f}, {2.5f, 0.1f}), (std::vector<float>{11, 3}));
  FloatTexture mirror(kGrid, 4, 3, describe(npuAddressModeMirror, npuFilterModePoint, true));
  // x 1.3: floor odd -> 1 - 0.3 = 0.7 -> texel 2; x -0.1 -> mirrored 0.1 -> texel 0;
  // y 1.9 -> 1 - 0.9 = 0.1 -> row 0.
  EXPECT_EQ(run2D(mirror.object, {1.3f, -0.1f}, {1.9f, 0.5f}), (std::vector<float>{2, 10}));
}

TEST(Texture, WrapWithUnnormalizedCoordinatesClamps) {
  FloatTexture t(kGrid, 4, 3, describe(npuAddressModeWrap, npuFilterModePoint, false));
  EXPECT_EQ(run2D(t.object, {5.5f, -1.0f}, {0.5f, 0.5f}), (std::vector<float>{3, 0}));
}

// alpha rounded to 8 fractional bits, the appendix's 9-bit fixed point.
float quantized(float fraction) { return std::floor(fraction * 256.0f + 0.5f) / 256.0f; }

TEST(Texture, LinearFilteringUsesNineBitWeights) {
  FloatTexture t({0.0f, 1.0f, 5.0f}, 3, 0,
                 describe(npuAddressModeClamp, npuFilterModeLinear, false));
  const float third = 0.5f + 1.0f / 3.0f; // x_B = 1/3: alpha = 85/256, not 1/3
  auto out = run1D(t.object, {third, 0.5f, 1.5f, 1.0f, 0.5f + 0.999f, 0.0f, 3.0f, 2.75f});
  EXPECT_EQ(out[0], 85.0f / 256.0f);
  EXPECT_NE(out[0], 1.0f / 3.0f);
  EXPECT_EQ(out[1], 0.0f); // a texel centre: that texel
  EXPECT_EQ(out[2], 1.0f);
  EXPECT_EQ(out[3], 0.5f); // halfway
  EXPECT_EQ(out[4], 1.0f); // alpha 0.999 rounds to 256/256: exactly the next texel
  EXPECT_EQ(out[5], 0.0f); // clamp: T[-1] is T[0]
  EXPECT_EQ(out[6], 5.0f); // clamp at the far edge
  EXPECT_EQ(out[7], (1 - 0.25f) * 5.0f + 0.25f * 5.0f);
}

TEST(Texture, BilinearFilteringFollowsTheAppendixFormula) {
  FloatTexture t(kGrid, 4, 3, describe(npuAddressModeClamp, npuFilterModeLinear, false));
  const float x = 1.8f, y = 1.3f;
  auto out = run2D(t.object, {x}, {y});
  const float a = quantized(x - 0.5f - 1.0f), b = quantized(y - 0.5f - 0.0f);
  const float expected =
      (1 - a) * (1 - b) * 1.0f + a * (1 - b) * 2.0f + (1 - a) * b * 11.0f + a * b * 12.0f;
  EXPECT_EQ(out[0], expected);
}

TEST(Texture, LinearFilteringWithBorderBlendsTheBorder) {
  FloatTexture t({4.0f, 4.0f}, 2, 0, describe(npuAddressModeBorder, npuFilterModeLinear, false));
  auto out = run1D(t.object, {0.25f}); // x_B = -0.25: alpha 0.75 between border (0) and T[0]
  EXPECT_EQ(out[0], 0.25f * 0.0f + 0.75f * 4.0f);
}

TEST(Texture, NormalizedFloatReadModeScalesIntegers) {
  const std::vector<unsigned char> bytes = {0, 51, 255, 128};
  npuArray_t array = nullptr;
  npuChannelFormatDesc format = npuCreateChannelDesc<unsigned char>();
  ASSERT_EQ(npuMallocArray(&array, &format, 4), npuSuccess);
  ASSERT_EQ(npuMemcpy2DToArray(array, 0, 0, bytes.data(), 4, 4, 1, npuMemcpyHostToDevice),
            npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuTextureDesc desc = describe(npuAddressModeClamp, npuFilterModeLinear, false);
  desc.readMode = npuReadModeNormalizedFloat;
  npuTextureObject_t tex = 0;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  auto out = run1D(tex, {0.5f, 1.5f, 2.5f, 2.0f});
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 51.0f / 255.0f);
  EXPECT_EQ(out[2], 1.0f);
  EXPECT_EQ(out[3], 0.5f * (51.0f / 255.0f) + 0.5f * 1.0f);
  npuDestroyTextureObject(tex);
  npuFreeArray(array);

  const std::vector<signed char> signedBytes = {-128, -127, 127, 0};
  format = npuCreateChannelDesc<signed char>();
  ASSERT_EQ(npuMallocArray(&array, &format, 4), npuSuccess);
  ASSERT_EQ(npuMemcpyToArray(array, 0, 0, signedBytes.data(), 4, npuMemcpyHostToDevice),
            npuSuccess);
  res.res.array.array = array;
  desc.filterMode = npuFilterModePoint;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  EXPECT_EQ(run1D(tex, {0.5f, 1.5f, 2.5f, 3.5f}), (std::vector<float>{-1, -1, 1, 0}));
  npuDestroyTextureObject(tex);
  npuFreeArray(array);
}

TEST(Texture, Tex1DfetchReadsLinearMemoryAsStoredIntegers) {
  const std::vector<int> texels = {1, -2, 3, 2147483647, -5, 6, 7, -2147483647 - 1};
  DeviceBuffer memory = upload(texels);
  npuResourceDesc res{};
  res.resType = npuResourceTypeLinear;
  res.res.linear.devPtr = memory.ptr;
  res.res.linear.desc = npuCreateChannelDesc<int4>();
  res.res.linear.sizeInBytes = texels.size() * sizeof(int);
  npuTextureDesc desc = describe(npuAddressModeClamp, npuFilterModePoint, false);
  npuTextureObject_t tex = 0;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  DeviceBuffer index = upload(std::vector<int>{1, 0, 2, -1}), out(4 * sizeof(int4));
  ASSERT_EQ(runKernel("fetchInts", fetchInts, 1, 4, 0, tex, index.as<int>(), out.as<int4>(), 4),
            kSuccess);
  std::vector<int4> result(4);
  ASSERT_EQ(npuMemcpy(result.data(), out.ptr, 4 * sizeof(int4), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(result[0].x, -5);
  EXPECT_EQ(result[0].w, -2147483647 - 1);
  EXPECT_EQ(result[1].y, -2);
  EXPECT_EQ(result[1].w, 2147483647);
  // Outside linear memory a fetch reads zeros, whatever the address mode.
  EXPECT_EQ(result[2].x, 0);
  EXPECT_EQ(result[3].w, 0);
  npuDestroyTextureObject(tex);
}

TEST(Texture, LayeredCubemapAnd3DTextures) {
  npuChannelFormatDesc format = npuCreateChannelDesc<float>();
  // 2D layered: 1 x 1 texels, 4 layers holding 100 + layer.
  npuArray_t layers = nullptr;
  ASSERT_EQ(npuMalloc3DArray(&layers, &format, make_npuExtent(1, 1, 4), npuArrayLayered),
            npuSuccess);
  std::vector<float> layerValues = {100, 101, 102, 103};
  npuMemcpy3DParms copy{};
  copy.srcPtr = make_npuPitchedPtr(layerValues.data(), sizeof(float), 1, 1);
  copy.dstArray = layers;
  copy.extent = make_npuExtent(1, 1, 4);
  copy.kind = npuMemcpyHostToDevice;
  ASSERT_EQ(npuMemcpy3D(&copy), npuSuccess);
  // Cubemap: 2 x 2 faces, face f filled with 10 f + texel.
  npuArray_t cube = nullptr;
  ASSERT_EQ(npuMalloc3DArray(&cube, &format, make_npuExtent(2, 2, 6), npuArrayCubemap), npuSuccess);
  std::vector<float> faces(24);
  for (int f = 0; f < 6; ++f)
    for (int t = 0; t < 4; ++t)
      faces[4 * f + t] = float(10 * f + t);
  copy = {};
  copy.srcPtr = make_npuPitchedPtr(faces.data(), 2 * sizeof(float), 2, 2);
  copy.dstArray = cube;
  copy.extent = make_npuExtent(2, 2, 6);
  copy.kind = npuMemcpyHostToDevice;
  ASSERT_EQ(npuMemcpy3D(&copy), npuSuccess);
  // 3D: 2 x 1 x 2 texels holding 1000 z + x.
  npuArray_t volume = nullptr;
  ASSERT_EQ(npuMalloc3DArray(&volume, &format, make_npuExtent(2, 1, 2)), npuSuccess);
  std::vector<float> voxels = {0, 1, 1000, 1001};
  copy = {};
  copy.srcPtr = make_npuPitchedPtr(voxels.data(), 2 * sizeof(float), 2, 1);
  copy.dstArray = volume;
  copy.extent = make_npuExtent(2, 1, 2);
  copy.kind = npuMemcpyHostToDevice;
  ASSERT_EQ(npuMemcpy3D(&copy), npuSuccess);

  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  npuTextureDesc point = describe(npuAddressModeClamp, npuFilterModePoint, false);
  npuTextureDesc normalized = describe(npuAddressModeClamp, npuFilterModePoint, true);
  npuTextureDesc linear = describe(npuAddressModeClamp, npuFilterModeLinear, false);
  npuTextureObject_t layeredTex = 0, cubeTex = 0, volumeTex = 0;
  res.res.array.array = layers;
  ASSERT_EQ(npuCreateTextureObject(&layeredTex, &res, &point, nullptr), npuSuccess);
  res.res.array.array = cube;
  ASSERT_EQ(npuCreateTextureObject(&cubeTex, &res, &normalized, nullptr), npuSuccess);
  res.res.array.array = volume;
  ASSERT_EQ(npuCreateTextureObject(&volumeTex, &res, &linear, nullptr), npuSuccess);

  DeviceBuffer out(9 * sizeof(float));
  ASSERT_EQ(runKernel("fetchLayeredCubeAnd3D", fetchLayeredCubeAnd3D, 1, 1, 0, layeredTex, cubeTex,
                      volumeTex, out.as<float>()),
            kSuccess);
  std::vector<float> got(9);
  ASSERT_EQ(npuMemcpy(got.data(), out.ptr, sizeof(float) * 9, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(got[0], 102);
  EXPECT_EQ(got[1], 103);
  // +x at the face centre: s = -z = 0, t = -y = 0 -> (u, v) = (0.5, 0.5) -> texel (1, 1).
  EXPECT_EQ(got[2], 3);
  // -z: s = -x = 0, t = -y = 0 -> texel (1, 1) of face 5.
  EXPECT_EQ(got[3], 53);
  // +y major: s = x = 0.1, t = z = 0.2 -> u = 0.5556, v = 0.6111 -> texel (1, 1) of face 2.
  EXPECT_EQ(got[4], 23);
  EXPECT_EQ(got[5], 1001);
  EXPECT_EQ(got[6], (0 + 1 + 1000 + 1001) / 4.0f);
  EXPECT_EQ(got[7], 100);
  EXPECT_EQ(got[8], 100);
  npuDestroyTextureObject(layeredTex);
  npuDestroyTextureObject(cubeTex);
  npuDestroyTextureObject(volumeTex);
  npuFreeArray(layers);
  npuFreeArray(cube);
  npuFreeArray(volume);
}

__global__ void gatherGreen(npuTextureObject_t tex, uchar4 *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 0) {
      out[0] = tex2Dgather<uchar4>(tex, 1.2f, 1.6f, 1);
      out[1] = tex2Dgather<uchar4>(tex, 0.1f, 0.1f, 1); // clamp: the corner texel four times
    }
  });
}

TEST(Texture, GatherReturnsTheFootprintCounterClockwiseFromLowerLeft) {
  // 3 x 3 uchar4 texels whose green channel is 10 j + i.
  std::vector<uchar4> texels(9);
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i)
      texels[j * 3 + i] = make_uchar4(0, (unsigned char)(10 * j + i), 0, 0);
  npuChannelFormatDesc format = npuCreateChannelDesc<uchar4>();
  npuArray_t array = nullptr;
  ASSERT_EQ(npuMallocArray(&array, &format, 3, 3, npuArrayTextureGather), npuSuccess);
  ASSERT_EQ(npuMemcpy2DToArray(array, 0, 0, texels.data(), 12, 12, 3, npuMemcpyHostToDevice),
            npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypeArray;
  res.res.array.array = array;
  npuTextureDesc desc = describe(npuAddressModeClamp, npuFilterModePoint, false);
  npuTextureObject_t tex = 0;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  DeviceBuffer out(2 * sizeof(uchar4));
  ASSERT_EQ(runKernel("gatherGreen", gatherGreen, 1, 1, 0, tex, out.as<uchar4>()), kSuccess);
  std::vector<uchar4> got(2);
  ASSERT_EQ(npuMemcpy(got.data(), out.ptr, 2 * sizeof(uchar4), npuMemcpyDeviceToHost), npuSuccess);
  // (1.2, 1.6): x_B 0.7, y_B 1.1 -> i = 0, j = 1: (0,2) (1,2) (1,1) (0,1).
  EXPECT_EQ(got[0].x, 20);
  EXPECT_EQ(got[0].y, 21);
  EXPECT_EQ(got[0].z, 11);
  EXPECT_EQ(got[0].w, 10);
  EXPECT_EQ(got[1].x, 0);
  EXPECT_EQ(got[1].w, 0);
  npuDestroyTextureObject(tex);
  npuFreeArray(array);
}

TEST(Texture, FetchThroughADestroyedObjectFailsTheLaunch) {
  FloatTexture t(kGrid, 4, 3, describe(npuAddressModeClamp, npuFilterModePoint, false));
  DeviceBuffer x = upload(std::vector<float>{0.5f}), out(sizeof(float));
  const npuTextureObject_t stale = t.object;
  ASSERT_EQ(npuDestroyTextureObject(stale), npuSuccess);
  EXPECT_EQ(npuDestroyTextureObject(stale), npuErrorInvalidValue);
  EXPECT_EQ(runKernel("fetch2D", fetch2D, 1, 1, 0, stale, x.as<float>(), x.as<float>(),
                      out.as<float>(), 1),
            kErrorLaunchFailure);
  EXPECT_EQ(runKernel("fetch2D", fetch2D, 1, 1, 0, npuTextureObject_t(0), x.as<float>(),
                      x.as<float>(), out.as<float>(), 1),
            kErrorLaunchFailure);
  EXPECT_EQ(runKernel("fetch2D", fetch2D, 1, 1, 0, npuTextureObject_t(1) << 40, x.as<float>(),
                      x.as<float>(), out.as<float>(), 1),
            kErrorLaunchFailure);
  t.object = 0;
}

TEST(Texture, FetchOverFreedMemoryFailsTheLaunch) {
  std::vector<float> texels = {1, 2, 3, 4};
  void *memory = nullptr;
  ASSERT_EQ(npuMalloc(&memory, 1024), npuSuccess);
  ASSERT_EQ(npuMemcpy(memory, texels.data(), 16, npuMemcpyHostToDevice), npuSuccess);
  npuResourceDesc res{};
  res.resType = npuResourceTypePitch2D;
  res.res.pitch2D.devPtr = memory;
  res.res.pitch2D.desc = npuCreateChannelDesc<float>();
  res.res.pitch2D.width = 2;
  res.res.pitch2D.height = 2;
  res.res.pitch2D.pitchInBytes = 64;
  npuTextureDesc desc = describe(npuAddressModeClamp, npuFilterModePoint, false);
  npuTextureObject_t tex = 0;
  ASSERT_EQ(npuCreateTextureObject(&tex, &res, &desc, nullptr), npuSuccess);
  EXPECT_EQ(run2D(tex, {1.5f}, {0.5f}), (std::vector<float>{2}));
  ASSERT_EQ(npuFree(memory), npuSuccess);
  DeviceBuffer x = upload(std::vector<float>{0.5f}), out(sizeof(float));
  EXPECT_EQ(
      runKernel("fetch2D", fetch2D, 1, 1, 0, tex, x.as<float>(), x.as<float>(), out.as<float>(), 1),
      kErrorLaunchFailure);
  EXPECT_EQ(npuDestroyTextureObject(tex), npuErrorInvalidValue); // gone with its memory
}

} // namespace
