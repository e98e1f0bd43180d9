// Edge detection split over several translation units, as a real project
// would be organised:
//   image_ops.cuh  CHECK macro, __device__ helpers, a __host__ __device__
//                  luminance() shared by GPU and CPU code, wrapper prototypes;
//   kernels.cu     the kernels (RGBA -> luma, 3x3 Sobel magnitude) and the
//                  host wrappers that launch them;
//   main.cu        (this file) builds a synthetic RGBA image, calls the
//                  wrappers, and checks the result against a CPU reference
//                  that reuses luminance() from the header.
//
// CUDA features: multiple .cu translation units linked together, a .cuh
// header with __device__ and __host__ __device__ inline functions, host
// wrapper functions hiding <<<>>> launches, uchar4 vector type, 2D dim3
// grids, cudaDeviceSynchronize.
//
// Usage: multi_file [width]   (default 512 x 384 image; height = 3/4 width)
#include <cmath>
#include <vector>
#include "image_ops.cuh"

static float lumaAt(const std::vector<float> &luma, int x, int y, int w, int h) {
  x = x < 0 ? 0 : (x >= w ? w - 1 : x);
  y = y < 0 ? 0 : (y >= h ? h - 1 : y);
  return luma[y * w + x];
}

int main(int argc, char **argv) {
  int w = argc > 1 ? atoi(argv[1]) : 512;
  if (w < 4) {
    fprintf(stderr, "usage: %s [width >= 4]\n", argv[0]);
    return EXIT_FAILURE;
  }
  int h = w * 3 / 4;
  size_t pixels = static_cast<size_t>(w) * h;
  const float maxValue = 255.0f;

  // synthetic image: colour gradients, a filled disc and some stripes
  std::vector<uchar4> img(pixels);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char r = static_cast<unsigned char>((x * 255) / (w - 1));
      unsigned char g = static_cast<unsigned char>((y * 255) / (h - 1));
      unsigned char b = static_cast<unsigned char>(((x / 16 + y / 16) % 2) * 200);
      int dx = x - w / 2, dy = y - h / 2;
      if (dx * dx + dy * dy < (h / 4) * (h / 4)) r = g = b = 250;
      img[static_cast<size_t>(y) * w + x] = make_uchar4(r, g, b, 255);
    }

  uchar4 *d_rgba;
  float *d_luma, *d_edges;
  CHECK(cudaMalloc(&d_rgba, pixels * sizeof(uchar4)));
  CHECK(cudaMalloc(&d_luma, pixels * sizeof(float)));
  CHECK(cudaMalloc(&d_edges, pixels * sizeof(float)));
  CHECK(cudaMemcpy(d_rgba, img.data(), pixels * sizeof(uchar4), cudaMemcpyHostToDevice));

  rgbaToLuma(d_rgba, d_luma, w, h);
  sobelMagnitude(d_luma, d_edges, w, h, maxValue);
  CHECK(cudaDeviceSynchronize());

  std::vector<float> luma(pixels), edges(pixels);
  CHECK(cudaMemcpy(luma.data(), d_luma, pixels * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(edges.data(), d_edges, pixels * sizeof(float), cudaMemcpyDeviceToHost));

  // CPU reference: the same luminance() from the header
  std::vector<float> refLuma(pixels);
  int errors = 0;
  for (size_t i = 0; i < pixels; ++i) {
    refLuma[i] = luminance(img[i].x, img[i].y, img[i].z);
    if (std::fabs(luma[i] - refLuma[i]) > 1e-4f * refLuma[i] + 1e-4f) ++errors;
  }
  int edgePixels = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto L = [&](int xx, int yy) { return static_cast<double>(lumaAt(refLuma, xx, yy, w, h)); };
      double gx = (L(x + 1, y - 1) + 2 * L(x + 1, y) + L(x + 1, y + 1)) -
                  (L(x - 1, y - 1) + 2 * L(x - 1, y) + L(x - 1, y + 1));
      double gy = (L(x - 1, y + 1) + 2 * L(x, y + 1) + L(x + 1, y + 1)) -
                  (L(x - 1, y - 1) + 2 * L(x, y - 1) + L(x + 1, y - 1));
      double ref = std::sqrt(gx * gx + gy * gy);
      ref = ref > maxValue ? maxValue : ref;
      float got = edges[static_cast<size_t>(y) * w + x];
      if (std::fabs(got - ref) > 1e-3 * ref + 5e-3) {
        if (errors < 5)
          fprintf(stderr, "edge (%d,%d): got %f, expected %f\n", x, y, got, ref);
        ++errors;
      }
      if (got > 64.0f) ++edgePixels;
    }

  CHECK(cudaFree(d_rgba));
  CHECK(cudaFree(d_luma));
  CHECK(cudaFree(d_edges));

  printf("multi_file: %dx%d image, %d edge pixels, %d errors\n", w, h, edgePixels, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
