// Row-wise softmax and layer normalization over a matrix of half-precision
// activations, as in a transformer's inference path.
//
// softmaxRows:   one warp per row. Each lane strides over the row; the row
//                maximum and the sum of exponentials are combined with
//                butterfly __shfl_xor_sync reductions so every lane holds the
//                result; the output is written back as __half.
// layerNormRows: one block per row. Mean and variance (two passes over the
//                row, numerically safer than E[x^2]-E[x]^2) are block-reduced
//                with __shfl_down_sync inside warps and a shared array of warp
//                partials; then y = (x - mean) * rsqrtf(var + eps) * gamma + beta.
// Inputs and outputs are __half (cuda_fp16.h), math is done in float
// (__half2float / __float2half). Results are checked against a float CPU
// reference computed from the same half inputs, with a half-precision tolerance.
//
// CUDA features: __half, __half2float, __float2half (device and host),
// __shfl_xor_sync and __shfl_down_sync with full mask, warp-per-row and
// block-per-row mappings, __shared__ warp partials, __syncthreads, expf,
// rsqrtf, fmaxf, INFINITY, size_t row offsets.
//
// Usage: softmax_layernorm [rows] [cols]   (default 1024 rows x 768 columns)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cuda_fp16.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define WARP_SIZE 32
#define FULL_MASK 0xffffffffu
constexpr int kSoftmaxBlock = 128;  // 4 rows (warps) per block
constexpr int kNormBlock = 256;
constexpr float kEps = 1e-5f;

__device__ __forceinline__ float warpAllReduceMax(float v) {
  for (int offset = WARP_SIZE / 2; offset > 0; offset >>= 1)
    v = fmaxf(v, __shfl_xor_sync(FULL_MASK, v, offset));
  return v;
}

__device__ __forceinline__ float warpAllReduceSum(float v) {
  for (int offset = WARP_SIZE / 2; offset > 0; offset >>= 1)
    v += __shfl_xor_sync(FULL_MASK, v, offset);
  return v;
}

__global__ void softmaxRows(const __half *__restrict__ in, __half *__restrict__ out,
                            int rows, int cols) {
  int warpsPerBlock = blockDim.x / WARP_SIZE;
  int row = blockIdx.x * warpsPerBlock + threadIdx.x / WARP_SIZE;
  int lane = threadIdx.x % WARP_SIZE;
  if (row >= rows) return;  // uniform per warp: no partial-warp shuffles

  const __half *x = in + static_cast<size_t>(row) * cols;
  __half *y = out + static_cast<size_t>(row) * cols;

  float m = -INFINITY;
  for (int c = lane; c < cols; c += WARP_SIZE) m = fmaxf(m, __half2float(x[c]));
  m = warpAllReduceMax(m);

  float sum = 0.0f;
  for (int c = lane; c < cols; c += WARP_SIZE) sum += expf(__half2float(x[c]) - m);
  sum = warpAllReduceSum(sum);
  float inv = 1.0f / sum;

  for (int c = lane; c < cols; c += WARP_SIZE)
    y[c] = __float2half(expf(__half2float(x[c]) - m) * inv);
}

// Sum over the whole block; every thread gets the result.
__device__ float blockReduceSum(float v) {
  __shared__ float warpSums[32];
  __shared__ float total;
  int lane = threadIdx.x % WARP_SIZE;
  int warp = threadIdx.x / WARP_SIZE;
  for (int offset = WARP_SIZE / 2; offset > 0; offset >>= 1)
    v += __shfl_down_sync(FULL_MASK, v, offset);
  if (lane == 0) warpSums[warp] = v;
  __syncthreads();
  if (warp == 0) {
    int numWarps = (blockDim.x + WARP_SIZE - 1) / WARP_SIZE;
    v = lane < numWarps ? warpSums[lane] : 0.0f;
    for (int offset = WARP_SIZE / 2; offset > 0; offset >>= 1)
      v += __shfl_down_sync(FULL_MASK, v, offset);
    if (lane == 0) total = v;
  }
  __syncthreads();
  return total;
}

__global__ void layerNormRows(const __half *__restrict__ in,
                              const float *__restrict__ gamma,
                              const float *__restrict__ beta,
                              __half *__restrict__ out, int cols) {
  const __half *x = in + static_cast<size_t>(blockIdx.x) * cols;
  __half *y = out + static_cast<size_t>(blockIdx.x) * cols;

  float s = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) s += __half2float(x[c]);
  float mean = blockReduceSum(s) / cols;

  float sq = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    float d = __half2float(x[c]) - mean;
    sq += d * d;
  }
  float var = blockReduceSum(sq) / cols;
  float rstd = rsqrtf(var + kEps);

  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    float v = (__half2float(x[c]) - mean) * rstd;
    y[c] = __float2half(v * gamma[c] + beta[c]);
  }
}

int main(int argc, char **argv) {
  int rows = argc > 1 ? atoi(argv[1]) : 1024;
  int cols = argc > 2 ? atoi(argv[2]) : 768;
  if (rows <= 0 || cols <= 0) {
    fprintf(stderr, "usage: %s [rows > 0] [cols > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  size_t count = static_cast<size_t>(rows) * cols;

  // activations: per-row offset and scale so rows differ, rounded to half
  std::vector<__half> hIn(count);
  std::vector<float> xf(count);
  unsigned int seed = 555u;
  for (int r = 0; r < rows; ++r) {
    float offset = static_cast<float>(r % 7) - 3.0f;
    float scale = 0.5f + static_cast<float>(r % 5);
    for (int c = 0; c < cols; ++c) {
      seed = seed * 1664525u + 1013904223u;
      float v = offset + scale * (static_cast<float>(seed >> 8) / 16777216.0f - 0.5f);
      hIn[static_cast<size_t>(r) * cols + c] = __float2half(v);
      xf[static_cast<size_t>(r) * cols + c] = __half2float(hIn[static_cast<size_t>(r) * cols + c]);
    }
  }
  std::vector<float> gamma(cols), beta(cols);
  for (int c = 0; c < cols; ++c) {
    gamma[c] = 1.0f + 0.25f * std::sin(0.01f * c);
    beta[c] = 0.1f * std::cos(0.02f * c);
  }

  __half *dIn, *dOut;
  float *dGamma, *dBeta;
  CHECK(cudaMalloc(&dIn, count * sizeof(__half)));
  CHECK(cudaMalloc(&dOut, count * sizeof(__half)));
  CHECK(cudaMalloc(&dGamma, cols * sizeof(float)));
  CHECK(cudaMalloc(&dBeta, cols * sizeof(float)));
  CHECK(cudaMemcpy(dIn, hIn.data(), count * sizeof(__half), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dGamma, gamma.data(), cols * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dBeta, beta.data(), cols * sizeof(float), cudaMemcpyHostToDevice));

  std::vector<__half> hOut(count);
  int errors = 0;

  // ---- softmax
  int rowsPerBlock = kSoftmaxBlock / WARP_SIZE;
  softmaxRows<<<(rows + rowsPerBlock - 1) / rowsPerBlock, kSoftmaxBlock>>>(dIn, dOut, rows, cols);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hOut.data(), dOut, count * sizeof(__half), cudaMemcpyDeviceToHost));
  int bad = 0;
  for (int r = 0; r < rows; ++r) {
    const float *x = &xf[static_cast<size_t>(r) * cols];
    double m = x[0];
    for (int c = 1; c < cols; ++c) m = x[c] > m ? x[c] : m;
    double sum = 0.0;
    for (int c = 0; c < cols; ++c) sum += std::exp(x[c] - m);
    double rowTotal = 0.0;
    for (int c = 0; c < cols; ++c) {
      double ref = std::exp(x[c] - m) / sum;
      double got = __half2float(hOut[static_cast<size_t>(r) * cols + c]);
      rowTotal += got;
      if (std::fabs(got - ref) > 2e-3 * ref + 1e-6) {
        if (bad < 5)
          fprintf(stderr, "softmax (%d,%d): got %g, expected %g\n", r, c, got, ref);
        ++bad;
      }
    }
    if (std::fabs(rowTotal - 1.0) > 1e-2) ++bad;
  }
  printf("  softmax:    %d errors\n", bad);
  errors += bad;

  // ---- layer norm
  layerNormRows<<<rows, kNormBlock>>>(dIn, dGamma, dBeta, dOut, cols);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hOut.data(), dOut, count * sizeof(__half), cudaMemcpyDeviceToHost));
  bad = 0;
  for (int r = 0; r < rows; ++r) {
    const float *x = &xf[static_cast<size_t>(r) * cols];
    double mean = 0.0;
    for (int c = 0; c < cols; ++c) mean += x[c];
    mean /= cols;
    double var = 0.0;
    for (int c = 0; c < cols; ++c) var += (x[c] - mean) * (x[c] - mean);
    var /= cols;
    double rstd = 1.0 / std::sqrt(var + kEps);
    for (int c = 0; c < cols; ++c) {
      double ref = (x[c] - mean) * rstd * gamma[c] + beta[c];
      double got = __half2float(hOut[static_cast<size_t>(r) * cols + c]);
      if (std::fabs(got - ref) > 2e-3 * std::fabs(ref) + 2e-3) {
        if (bad < 5)
          fprintf(stderr, "layernorm (%d,%d): got %g, expected %g\n", r, c, got, ref);
        ++bad;
      }
    }
  }
  printf("  layer norm: %d errors\n", bad);
  errors += bad;

  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));
  CHECK(cudaFree(dGamma));
  CHECK(cudaFree(dBeta));

  printf("softmax_layernorm: %d x %d halves, %d errors\n", rows, cols, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
