// Legacy texture references (removed in CUDA 12) translated and run: a 2D reference over
// pitched memory with linear filtering, a normalized-float uchar4 reference over linear memory
// fetched with tex1Dfetch, a 1D reference bound to a CUDA array with normalized coordinates
// and wrap; the fields are set before binding, as such code does. Results are checked against
// the Programming Guide's formulas (9-bit filter weights).
#include <cmath>
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>

texture<float, 2, cudaReadModeElementType> image;
texture<uchar4, 1, cudaReadModeNormalizedFloat> colors;
texture<float, 1> ring;

__global__ void sample(float *out, float4 *rgba, float *wrapped, int w, int h, int n) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  if (x < 4 * w * h) {
    int px = x % (2 * w), py = x / (2 * w);
    out[x] = tex2D(image, (px + 0.5f) * 0.5f, (py + 0.5f) * 0.5f);
  }
  if (x < n)
    rgba[x] = tex1Dfetch(colors, x);
  if (x < 8)
    wrapped[x] = tex1D(ring, x * 0.375f - 1.0f);
}

static float weight(float f) { return std::floor(f * 256.0f + 0.5f) / 256.0f; }

int main() {
  const int w = 8, h = 4, n = 16;
  std::vector<float> img(w * h);
  for (int i = 0; i < w * h; ++i)
    img[i] = float((i * 37) % 11) - 3.5f;
  float *dImg;
  size_t pitch;
  cudaMallocPitch(&dImg, &pitch, w * sizeof(float), h);
  cudaMemcpy2D(dImg, pitch, img.data(), w * sizeof(float), w * sizeof(float), h,
               cudaMemcpyHostToDevice);
  image.filterMode = cudaFilterModeLinear;
  image.addressMode[0] = image.addressMode[1] = cudaAddressModeClamp;
  cudaChannelFormatDesc fdesc = cudaCreateChannelDesc<float>();
  cudaBindTexture2D(0, image, dImg, fdesc, w, h, pitch);

  std::vector<uchar4> col(n);
  for (int i = 0; i < n; ++i)
    col[i] = make_uchar4(i * 16, 255 - i, 3 * i, 128);
  uchar4 *dCol;
  cudaMalloc(&dCol, n * sizeof(uchar4));
  cudaMemcpy(dCol, col.data(), n * sizeof(uchar4), cudaMemcpyHostToDevice);
  size_t offset = 1;
  cudaBindTexture(&offset, colors, dCol, n * sizeof(uchar4));

  const float ringValues[4] = {1, 2, 4, 8};
  cudaArray_t arr;
  cudaMallocArray(&arr, &fdesc, 4);
  cudaMemcpy2DToArray(arr, 0, 0, ringValues, sizeof ringValues, sizeof ringValues, 1,
                      cudaMemcpyHostToDevice);
  ring.normalized = true;
  ring.addressMode[0] = cudaAddressModeWrap;
  cudaBindTextureToArray(ring, arr);

  float *dOut, *dWrapped;
  float4 *dRgba;
  cudaMalloc(&dOut, 4 * w * h * sizeof(float));
  cudaMalloc(&dRgba, n * sizeof(float4));
  cudaMalloc(&dWrapped, 8 * sizeof(float));
  sample<<<(4 * w * h + 63) / 64, 64>>>(dOut, dRgba, dWrapped, w, h, n);
  std::vector<float> out(4 * w * h), wrapped(8);
  std::vector<float4> rgba(n);
  cudaMemcpy(out.data(), dOut, out.size() * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(rgba.data(), dRgba, n * sizeof(float4), cudaMemcpyDeviceToHost);
  cudaMemcpy(wrapped.data(), dWrapped, 8 * sizeof(float), cudaMemcpyDeviceToHost);

  int bad = offset != 0;
  int badImage = 0, badColors = 0, badRing = 0;
  for (int py = 0; py < 2 * h; ++py)
    for (int px = 0; px < 2 * w; ++px) {
      float xb = (px + 0.5f) * 0.5f - 0.5f, yb = (py + 0.5f) * 0.5f - 0.5f;
      int i = (int)std::floor(xb), j = (int)std::floor(yb);
      float a = weight(xb - std::floor(xb)), b = weight(yb - std::floor(yb));
      auto at = [&](int ii, int jj) {
        ii = ii < 0 ? 0 : (ii >= w ? w - 1 : ii);
        jj = jj < 0 ? 0 : (jj >= h ? h - 1 : jj);
        return img[jj * w + ii];
      };
      float want = (1 - a) * (1 - b) * at(i, j) + a * (1 - b) * at(i + 1, j) +
                   (1 - a) * b * at(i, j + 1) + a * b * at(i + 1, j + 1);
      badImage += out[py * 2 * w + px] != want;
    }
  for (int i = 0; i < n; ++i)
    badColors += rgba[i].x != col[i].x / 255.0f || rgba[i].y != col[i].y / 255.0f ||
           rgba[i].w != 128 / 255.0f;
  for (int k = 0; k < 8; ++k) {
    float u = k * 0.375f - 1.0f; // point sampling, wrap: frac(u) * 4
    float f = u - std::floor(u);
    badRing += wrapped[k] != ringValues[(int)std::floor(f * 4)];
  }
  if (badImage + badColors + badRing != 0)
    printf("mismatches: image %d, colors %d, ring %d\n", badImage, badColors, badRing);
  bad += badImage + badColors + badRing;
  cudaUnbindTexture(image);
  cudaUnbindTexture(colors);
  cudaUnbindTexture(ring);
  cudaFreeArray(arr);
  cudaFree(dImg);
  cudaFree(dCol);
  cudaFree(dOut);
  cudaFree(dRgba);
  cudaFree(dWrapped);
  printf(bad ? "FAIL %d\n" : "PASS\n", bad);
  return bad != 0;
}
