// kernels.cu - the device half of the multi_file sample: two image kernels and
// the host wrappers (declared in image_ops.cuh) that configure and launch them.
#include "image_ops.cuh"

__global__ void rgbaToLumaKernel(const uchar4 *__restrict__ rgba,
                                 float *__restrict__ luma, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < w && y < h) {
    uchar4 p = rgba[y * w + x];
    luma[y * w + x] = luminance(p.x, p.y, p.z);  // alpha ignored
  }
}

// 3x3 Sobel gradient magnitude with clamp-to-edge borders, clamped to maxValue.
__global__ void sobelKernel(const float *__restrict__ in, float *__restrict__ out,
                            int w, int h, float maxValue) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h) return;
  float tl = fetchClamped(in, x - 1, y - 1, w, h), tc = fetchClamped(in, x, y - 1, w, h),
        tr = fetchClamped(in, x + 1, y - 1, w, h), ml = fetchClamped(in, x - 1, y, w, h),
        mr = fetchClamped(in, x + 1, y, w, h), bl = fetchClamped(in, x - 1, y + 1, w, h),
        bc = fetchClamped(in, x, y + 1, w, h), br = fetchClamped(in, x + 1, y + 1, w, h);
  float gx = (tr + 2.0f * mr + br) - (tl + 2.0f * ml + bl);
  float gy = (bl + 2.0f * bc + br) - (tl + 2.0f * tc + tr);
  out[y * w + x] = clampf(sqrtf(gx * gx + gy * gy), 0.0f, maxValue);
}

void rgbaToLuma(const uchar4 *d_rgba, float *d_luma, int w, int h) {
  dim3 block(BLOCK_W, BLOCK_H);
  dim3 grid((w + block.x - 1) / block.x, (h + block.y - 1) / block.y);
  rgbaToLumaKernel<<<grid, block>>>(d_rgba, d_luma, w, h);
  CHECK(cudaGetLastError());
}

void sobelMagnitude(const float *d_luma, float *d_edges, int w, int h,
                    float maxValue) {
  dim3 block(BLOCK_W, BLOCK_H);
  dim3 grid((w + block.x - 1) / block.x, (h + block.y - 1) / block.y);
  sobelKernel<<<grid, block>>>(d_luma, d_edges, w, h, maxValue);
  CHECK(cudaGetLastError());
}
