// Row-wise softmax, one 256-thread block per row (as in the fused softmax kernels of inference
// engines): block max and block sum each by __shfl_xor_sync within warps and one shared slot per
// warp, then every element is written once.
#include "cuda_check.h"
#include "softmax_problem.h"
#include <cfloat>

#define BLOCK 256
#define WARPS (BLOCK / 32)
#define FULL_MASK 0xffffffffu

__device__ float warpMax(float v) {
  for (int offset = 16; offset > 0; offset >>= 1)
    v = fmaxf(v, __shfl_xor_sync(FULL_MASK, v, offset));
  return v;
}

__device__ float warpSum(float v) {
  for (int offset = 16; offset > 0; offset >>= 1)
    v += __shfl_xor_sync(FULL_MASK, v, offset);
  return v;
}

__global__ void softmaxRows(const float *in, float *out, int cols) {
  __shared__ float slots[WARPS];
  const float *row = in + (size_t)blockIdx.x * cols;
  float *dst = out + (size_t)blockIdx.x * cols;
  int lane = threadIdx.x % 32, warp = threadIdx.x / 32;

  float m = -FLT_MAX;
  for (int c = threadIdx.x; c < cols; c += BLOCK)
    m = fmaxf(m, row[c]);
  m = warpMax(m);
  if (lane == 0)
    slots[warp] = m;
  __syncthreads();
  m = warpMax(lane < WARPS ? slots[lane] : -FLT_MAX);
  __syncthreads(); // every warp has read the slots before they hold sums

  float s = 0.0f;
  for (int c = threadIdx.x; c < cols; c += BLOCK)
    s += expf(row[c] - m);
  s = warpSum(s);
  if (lane == 0)
    slots[warp] = s;
  __syncthreads();
  s = warpSum(lane < WARPS ? slots[lane] : 0.0f);

  float inv = 1.0f / s;
  for (int c = threadIdx.x; c < cols; c += BLOCK)
    dst[c] = expf(row[c] - m) * inv;
}

int main(int argc, char **argv) {
  const bool tiny = vsomp::tiny(argc, argv);
  const int rows = softmax::rows(tiny), cols = softmax::cols(tiny);
  const size_t bytes = size_t(rows) * cols * sizeof(float);
  const std::vector<float> in = softmax::input(rows, cols);
  std::vector<float> out(size_t(rows) * cols);
  float *dIn, *dOut;
  CHECK(cudaMalloc(&dIn, bytes));
  CHECK(cudaMalloc(&dOut, bytes));
  CHECK(cudaMemcpy(dIn, in.data(), bytes, cudaMemcpyHostToDevice));

  const double ms = vsomp::warmTimedMs([&] {
    softmaxRows<<<rows, BLOCK>>>(dIn, dOut, cols);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(out.data(), dOut, bytes, cudaMemcpyDeviceToHost));
  const bool ok = softmax::check(in, out.data(), rows, cols);
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  return vsomp::report(softmax::label(rows, cols), ms, 0, ok);
}
