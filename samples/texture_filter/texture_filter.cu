// Bilinear image upscaling through a texture object over a CUDA array, checked bit for bit
// against a host implementation of the CUDA Programming Guide's filtering formula ("Texture
// Fetching": x_B = x - 0.5, i = floor(x_B), alpha = frac(x_B) in 9-bit fixed point with 8
// fractional bits; tex = (1-a)(1-b)T[i,j] + a(1-b)T[i+1,j] + (1-a)bT[i,j+1] + abT[i+1,j+1]),
// with normalized coordinates and mirror addressing; then the same upscaling through a texture
// over pitched linear memory (unnormalized coordinates, clamp addressing), a uchar4 texture read
// as normalized floats, and a surface that writes the result back into a CUDA array. (Legacy
// texture references, which CUDA 12 removed, are checked by tests/translator/e2e/texref.cu:
// this sample also builds with nvcc 13.)
//
// CUDA features: cudaMallocArray, cudaMemcpy2DToArray, cudaCreateTextureObject
// (cudaResourceTypeArray, cudaResourceTypePitch2D), tex2D<float>, tex2D(&v, ...),
// cudaReadModeNormalizedFloat, cudaCreateSurfaceObject and surf2Dwrite with byte offsets,
// cudaMemcpy2DFromArray.
//
// Usage: texture_filter [width] [height] [scale]   (default 64 x 48, upscaled 4x)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <vector>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__, cudaGetErrorName(err_),    \
              cudaGetErrorString(err_));                                                           \
      printf("FAIL\n");                                                                            \
      exit(1);                                                                                     \
    }                                                                                              \
  } while (0)

__global__ void upscaleObject(cudaTextureObject_t image, float *out, int ow, int oh) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= ow || y >= oh)
    return;
  // Normalized coordinates of the output pixel's centre, shifted a little outside the image
  // on the left and top so mirror addressing is exercised.
  float u = (x + 0.5f) / ow - 0.03f, v = (y + 0.5f) / oh - 0.05f;
  tex2D(&out[y * ow + x], image, u, v);
}

__global__ void upscalePitched(cudaTextureObject_t image, float *out, int ow, int oh, float scale) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < ow && y < oh)
    out[y * ow + x] = tex2D<float>(image, (x + 0.5f) / scale, (y + 0.5f) / scale);
}

__global__ void colorToSurface(cudaTextureObject_t colors, cudaSurfaceObject_t gray, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h)
    return;
  float4 c = tex2D<float4>(colors, x + 0.5f, y + 0.5f);
  surf2Dwrite(0.25f * c.x + 0.5f * c.y + 0.25f * c.z, gray, x * (int)sizeof(float), y);
}

// ---- Host reference: the appendix's formulas ----
static float weight(float fraction) { return std::floor(fraction * 256.0f + 0.5f) / 256.0f; }

static int mirror(int i, int n) {
  int m = i % (2 * n);
  if (m < 0)
    m += 2 * n;
  return m < n ? m : 2 * n - 1 - m;
}
static int clampIndex(int i, int n) { return i < 0 ? 0 : (i >= n ? n - 1 : i); }

static float bilinear(const std::vector<float> &img, int w, int h, float x, float y,
                      bool useMirror) {
  float xb = x - 0.5f, yb = y - 0.5f;
  int i = (int)std::floor(xb), j = (int)std::floor(yb);
  float a = weight(xb - std::floor(xb)), b = weight(yb - std::floor(yb));
  auto at = [&](int ii, int jj) {
    ii = useMirror ? mirror(ii, w) : clampIndex(ii, w);
    jj = useMirror ? mirror(jj, h) : clampIndex(jj, h);
    return img[jj * w + ii];
  };
  return (1 - a) * (1 - b) * at(i, j) + a * (1 - b) * at(i + 1, j) + (1 - a) * b * at(i, j + 1) +
         a * b * at(i + 1, j + 1);
}

int main(int argc, char **argv) {
  const int w = argc > 1 ? atoi(argv[1]) : 64, h = argc > 2 ? atoi(argv[2]) : 48;
  const int scale = argc > 3 ? atoi(argv[3]) : 4;
  const int ow = w * scale, oh = h * scale;
  std::vector<float> img(w * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      img[y * w + x] = std::sin(0.21f * x) * std::cos(0.17f * y) + 0.01f * ((x * 7 + y * 13) % 17);

  // 1. Texture object over a CUDA array: linear filtering, normalized coordinates, mirror.
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaArray_t array;
  CHECK(cudaMallocArray(&array, &desc, w, h));
  CHECK(cudaMemcpy2DToArray(array, 0, 0, img.data(), w * sizeof(float), w * sizeof(float), h,
                            cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = array;
  cudaTextureDesc td = {};
  td.addressMode[0] = td.addressMode[1] = cudaAddressModeMirror;
  td.filterMode = cudaFilterModeLinear;
  td.readMode = cudaReadModeElementType;
  td.normalizedCoords = 1;
  cudaTextureObject_t image = 0;
  CHECK(cudaCreateTextureObject(&image, &res, &td, nullptr));
  float *dOut;
  CHECK(cudaMalloc(&dOut, ow * oh * sizeof(float)));
  dim3 block(16, 16), grid((ow + 15) / 16, (oh + 15) / 16);
  upscaleObject<<<grid, block>>>(image, dOut, ow, oh);
  CHECK(cudaGetLastError());
  std::vector<float> out(ow * oh);
  CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(float), cudaMemcpyDeviceToHost));
  int bad = 0;
  for (int y = 0; y < oh; ++y)
    for (int x = 0; x < ow; ++x) {
      float u = (x + 0.5f) / ow - 0.03f, v = (y + 0.5f) / oh - 0.05f;
      float want = bilinear(img, w, h, u * w, v * h, true);
      if (out[y * ow + x] != want && bad++ < 5)
        printf("object (%d,%d): %.9g, expected %.9g\n", x, y, out[y * ow + x], want);
    }

  // 2. A texture over pitched linear memory: unnormalized coordinates, clamp.
  float *dPitched;
  size_t pitch;
  CHECK(cudaMallocPitch(&dPitched, &pitch, w * sizeof(float), h));
  CHECK(cudaMemcpy2D(dPitched, pitch, img.data(), w * sizeof(float), w * sizeof(float), h,
                     cudaMemcpyHostToDevice));
  cudaResourceDesc pitched = {};
  pitched.resType = cudaResourceTypePitch2D;
  pitched.res.pitch2D.devPtr = dPitched;
  pitched.res.pitch2D.desc = desc;
  pitched.res.pitch2D.width = w;
  pitched.res.pitch2D.height = h;
  pitched.res.pitch2D.pitchInBytes = pitch;
  td.addressMode[0] = td.addressMode[1] = cudaAddressModeClamp;
  td.normalizedCoords = 0;
  cudaTextureObject_t pitchedImage = 0;
  CHECK(cudaCreateTextureObject(&pitchedImage, &pitched, &td, nullptr));
  upscalePitched<<<grid, block>>>(pitchedImage, dOut, ow, oh, (float)scale);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(float), cudaMemcpyDeviceToHost));
  for (int y = 0; y < oh; ++y)
    for (int x = 0; x < ow; ++x) {
      float want = bilinear(img, w, h, (x + 0.5f) / scale, (y + 0.5f) / scale, false);
      if (out[y * ow + x] != want && bad++ < 10)
        printf("pitched (%d,%d): %.9g, expected %.9g\n", x, y, out[y * ow + x], want);
    }
  CHECK(cudaDestroyTextureObject(pitchedImage));

  // 3. uchar4 colours read as normalized floats, written to a float surface in bytes.
  std::vector<uchar4> colors(w * h);
  for (int i = 0; i < w * h; ++i)
    colors[i] = make_uchar4(i % 256, (3 * i) % 256, (7 * i) % 256, 255);
  cudaChannelFormatDesc colorDesc = cudaCreateChannelDesc<uchar4>();
  cudaArray_t colorArray, grayArray;
  CHECK(cudaMallocArray(&colorArray, &colorDesc, w, h));
  CHECK(cudaMallocArray(&grayArray, &desc, w, h, cudaArraySurfaceLoadStore));
  CHECK(cudaMemcpy2DToArray(colorArray, 0, 0, colors.data(), w * sizeof(uchar4), w * sizeof(uchar4),
                            h, cudaMemcpyHostToDevice));
  res.res.array.array = colorArray;
  cudaTextureDesc cd = {};
  cd.addressMode[0] = cd.addressMode[1] = cudaAddressModeClamp;
  cd.filterMode = cudaFilterModePoint;
  cd.readMode = cudaReadModeNormalizedFloat;
  cudaTextureObject_t colorTex = 0;
  CHECK(cudaCreateTextureObject(&colorTex, &res, &cd, nullptr));
  res.res.array.array = grayArray;
  cudaSurfaceObject_t graySurf = 0;
  CHECK(cudaCreateSurfaceObject(&graySurf, &res));
  colorToSurface<<<dim3((w + 15) / 16, (h + 15) / 16), block>>>(colorTex, graySurf, w, h);
  CHECK(cudaGetLastError());
  std::vector<float> gray(w * h);
  CHECK(cudaMemcpy2DFromArray(gray.data(), w * sizeof(float), grayArray, 0, 0, w * sizeof(float), h,
                              cudaMemcpyDeviceToHost));
  for (int i = 0; i < w * h; ++i) {
    float want = 0.25f * (colors[i].x / 255.0f) + 0.5f * (colors[i].y / 255.0f) +
                 0.25f * (colors[i].z / 255.0f);
    if (gray[i] != want && bad++ < 15)
      printf("surface %d: %.9g, expected %.9g\n", i, gray[i], want);
  }

  double sum = 0;
  for (float v : out)
    sum += v;
  printf("texture_filter: %dx%d -> %dx%d, checksum %.6f, %d mismatches\n", w, h, ow, oh, sum, bad);
  CHECK(cudaDestroySurfaceObject(graySurf));
  CHECK(cudaDestroyTextureObject(colorTex));
  CHECK(cudaDestroyTextureObject(image));
  CHECK(cudaFreeArray(grayArray));
  CHECK(cudaFreeArray(colorArray));
  CHECK(cudaFreeArray(array));
  CHECK(cudaFree(dPitched));
  CHECK(cudaFree(dOut));
  printf(bad == 0 ? "PASS\n" : "FAIL\n");
  return bad == 0 ? 0 : 1;
}
