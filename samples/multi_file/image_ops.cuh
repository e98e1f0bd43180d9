// image_ops.cuh - shared declarations for the multi_file sample.
//
// Holds what a real project keeps in a header: the CHECK macro, a small pixel
// type, __device__ helpers used by the kernels, a __host__ __device__ function
// used both by a kernel (kernels.cu) and by the CPU reference (main.cu), and
// the host wrapper functions implemented in kernels.cu.
#ifndef IMAGE_OPS_CUH
#define IMAGE_OPS_CUH

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define BLOCK_W 16
#define BLOCK_H 16

// Rec. 709 luma from linear RGB in [0, 255]; identical on host and device.
__host__ __device__ inline float luminance(unsigned char r, unsigned char g,
                                           unsigned char b) {
  return 0.2126f * r + 0.7152f * g + 0.0722f * b;
}

// Clamp-to-edge pixel fetch.
__device__ inline float fetchClamped(const float *img, int x, int y, int w, int h) {
  x = x < 0 ? 0 : (x >= w ? w - 1 : x);
  y = y < 0 ? 0 : (y >= h ? h - 1 : y);
  return img[y * w + x];
}

__device__ inline float clampf(float v, float lo, float hi) {
  return fminf(fmaxf(v, lo), hi);
}

// Host wrappers (kernels.cu). All pointers are device pointers.
void rgbaToLuma(const uchar4 *d_rgba, float *d_luma, int w, int h);
void sobelMagnitude(const float *d_luma, float *d_edges, int w, int h,
                    float maxValue);

#endif  // IMAGE_OPS_CUH
