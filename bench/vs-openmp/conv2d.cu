// 2D convolution with the filter in constant memory (as in the CUDA samples'
// convolutionSeparable, unseparated): one thread per output pixel, 32x8 blocks.
#include "conv2d_problem.h"
#include "cuda_check.h"

#define RADIUS 2
#define TAPS (2 * RADIUS + 1)

__constant__ float c_filter[TAPS * TAPS];

__global__ void convolve(const float *in, float *out, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h)
    return;
  float sum = 0.0f;
  for (int dy = -RADIUS; dy <= RADIUS; ++dy)
    for (int dx = -RADIUS; dx <= RADIUS; ++dx) {
      int xx = x + dx, yy = y + dy;
      if (xx >= 0 && xx < w && yy >= 0 && yy < h)
        sum += c_filter[(dy + RADIUS) * TAPS + dx + RADIUS] * in[yy * w + xx];
    }
  out[y * w + x] = sum;
}

int main(int argc, char **argv) {
  const int n = conv2d::size(vsomp::tiny(argc, argv));
  const size_t bytes = size_t(n) * n * sizeof(float);
  const std::vector<float> in = conv2d::image(n), filter = conv2d::filter();
  std::vector<float> out(size_t(n) * n);
  float *dIn, *dOut;
  CHECK(cudaMalloc(&dIn, bytes));
  CHECK(cudaMalloc(&dOut, bytes));
  CHECK(cudaMemcpy(dIn, in.data(), bytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpyToSymbol(c_filter, filter.data(), TAPS * TAPS * sizeof(float)));

  dim3 block(32, 8);
  dim3 grid((n + block.x - 1) / block.x, (n + block.y - 1) / block.y);
  const double ms = vsomp::warmTimedMs([&] {
    convolve<<<grid, block>>>(dIn, dOut, n, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(out.data(), dOut, bytes, cudaMemcpyDeviceToHost));
  const bool ok = conv2d::check(in, filter, out.data(), n);
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  return vsomp::report(conv2d::label(n), ms, 0, ok);
}
