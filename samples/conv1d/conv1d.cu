// 1D convolution (correlation) of a long signal with a small filter held in
// constant memory.
//
// The filter taps live in a __constant__ array that the host fills with
// cudaMemcpyToSymbol; all threads of a warp read the same tap at the same
// time, which is what constant memory is built for. Each block stages its
// part of the signal plus RADIUS halo samples on each side in shared memory,
// with zero padding outside the signal. The program runs two filters: a
// normalized Gaussian (smoothing), then, after uploading new taps into the
// same symbol, a derivative-of-Gaussian (edge detector); it reads the taps
// back with cudaMemcpyFromSymbol to check the upload. Both outputs are
// compared with a CPU reference.
//
// CUDA features: __constant__ memory, cudaMemcpyToSymbol,
// cudaMemcpyFromSymbol, __shared__ tile with halo, __syncthreads, constexpr
// sizes, expf on the host, cudaEvent timing.
//
// Usage: conv1d [n]   (default 1<<20 samples)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
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

#define RADIUS 8
constexpr int kTaps = 2 * RADIUS + 1;
constexpr int kBlock = 256;

__constant__ float c_weights[kTaps];

__global__ void convolve1d(const float *__restrict__ in, float *__restrict__ out,
                           int n) {
  __shared__ float tile[kBlock + 2 * RADIUS];
  int gi = blockIdx.x * blockDim.x + threadIdx.x;
  int li = threadIdx.x + RADIUS;

  tile[li] = gi < n ? in[gi] : 0.0f;
  if (threadIdx.x < RADIUS) {
    int left = gi - RADIUS;
    tile[threadIdx.x] = (left >= 0 && left < n) ? in[left] : 0.0f;
    int right = gi + kBlock;
    tile[li + kBlock] = right < n ? in[right] : 0.0f;
  }
  __syncthreads();

  if (gi < n) {
    float sum = 0.0f;
#pragma unroll
    for (int k = -RADIUS; k <= RADIUS; ++k) sum += c_weights[k + RADIUS] * tile[li + k];
    out[gi] = sum;
  }
}

static void convolveCpu(const std::vector<float> &in, const float *w,
                        std::vector<double> &out, std::vector<double> &mag) {
  int n = static_cast<int>(in.size());
  for (int i = 0; i < n; ++i) {
    double s = 0.0, m = 0.0;
    for (int k = -RADIUS; k <= RADIUS; ++k) {
      int j = i + k;
      if (j < 0 || j >= n) continue;
      s += static_cast<double>(w[k + RADIUS]) * in[j];
      m += std::fabs(static_cast<double>(w[k + RADIUS]) * in[j]);
    }
    out[i] = s;
    mag[i] = m;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  size_t bytes = static_cast<size_t>(n) * sizeof(float);

  // noisy square wave
  std::vector<float> h_in(n);
  unsigned int seed = 31337u;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    float noise = (static_cast<float>(seed >> 8) / 16777216.0f - 0.5f) * 0.2f;
    h_in[i] = ((i / 300) % 2 ? 1.0f : -1.0f) + noise;
  }

  // filter 1: normalized Gaussian; filter 2: derivative of Gaussian
  const float sigma = 3.0f;
  float gauss[kTaps], dgauss[kTaps];
  float norm = 0.0f;
  for (int k = -RADIUS; k <= RADIUS; ++k) {
    gauss[k + RADIUS] = expf(-(k * k) / (2.0f * sigma * sigma));
    norm += gauss[k + RADIUS];
  }
  for (int k = 0; k < kTaps; ++k) gauss[k] /= norm;
  for (int k = -RADIUS; k <= RADIUS; ++k)
    dgauss[k + RADIUS] = -k / (sigma * sigma) * gauss[k + RADIUS];

  float *d_in, *d_out;
  CHECK(cudaMalloc(&d_in, bytes));
  CHECK(cudaMalloc(&d_out, bytes));
  CHECK(cudaMemcpy(d_in, h_in.data(), bytes, cudaMemcpyHostToDevice));

  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  int blocks = (n + kBlock - 1) / kBlock;
  int errors = 0;
  std::vector<float> h_out(n);
  std::vector<double> ref(n), mag(n);
  const float *filters[2] = {gauss, dgauss};
  const char *names[2] = {"gaussian", "d/dx gaussian"};
  for (int f = 0; f < 2; ++f) {
    CHECK(cudaMemcpyToSymbol(c_weights, filters[f], kTaps * sizeof(float)));
    float readBack[kTaps];
    CHECK(cudaMemcpyFromSymbol(readBack, c_weights, sizeof(readBack)));
    for (int k = 0; k < kTaps; ++k)
      if (readBack[k] != filters[f][k]) ++errors;

    CHECK(cudaEventRecord(start));
    convolve1d<<<blocks, kBlock>>>(d_in, d_out, n);
    CHECK(cudaGetLastError());
    CHECK(cudaEventRecord(stop));
    CHECK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CHECK(cudaEventElapsedTime(&ms, start, stop));
    CHECK(cudaMemcpy(h_out.data(), d_out, bytes, cudaMemcpyDeviceToHost));

    convolveCpu(h_in, filters[f], ref, mag);
    int bad = 0;
    for (int i = 0; i < n; ++i)
      if (std::fabs(h_out[i] - ref[i]) > 1e-5 * mag[i] + 1e-6) {
        if (bad < 5)
          fprintf(stderr, "%s: mismatch at %d: got %f, expected %f\n", names[f],
                  i, h_out[i], ref[i]);
        ++bad;
      }
    printf("  %-14s %8.3f ms, out[%d]=%.4f, %d errors\n", names[f], ms, n / 2,
           h_out[n / 2], bad);
    errors += bad;
  }

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_out));

  printf("conv1d: n=%d, %d taps, %d errors\n", n, kTaps, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
