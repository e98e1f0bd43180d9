// cuFFT round trips and an FFT convolution, on a stream: a batched 1D C2C forward + inverse
// transform, a 2D R2C + C2R transform, each scaled by 1/N in a kernel and checked against the
// input, then the circular convolution of two real signals (R2C, a cuComplex pointwise product
// kernel, C2R) checked against the direct sum.
// Usage: cufft_roundtrip [n]   (default 4096-point 1D transforms)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <cuComplex.h>
#include <cuda_runtime.h>
#include <cufft.h>

#define CHECK(call)                                                            \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      fprintf(stderr, "%s:%d: CUDA error %s\n", __FILE__, __LINE__,            \
              cudaGetErrorString(err_));                                       \
      exit(EXIT_FAILURE);                                                      \
    }                                                                          \
  } while (0)
#define CHECK_CUFFT(call)                                                      \
  do {                                                                         \
    cufftResult r_ = (call);                                                   \
    if (r_ != CUFFT_SUCCESS) {                                                 \
      fprintf(stderr, "%s:%d: cuFFT error %d\n", __FILE__, __LINE__, (int)r_); \
      exit(EXIT_FAILURE);                                                      \
    }                                                                          \
  } while (0)

// cuFFT does not normalise: forward then inverse multiplies by the transform size.
__global__ void scaleComplex(cufftComplex *data, int count, float scale) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) data[i] = make_cuFloatComplex(cuCrealf(data[i]) * scale, cuCimagf(data[i]) * scale);
}
__global__ void scaleReal(cufftReal *data, int count, float scale) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) data[i] *= scale;
}
// a = a * b * scale: the spectrum of the circular convolution, normalised for the inverse.
__global__ void multiplySpectra(cufftComplex *a, const cufftComplex *b, int count, float scale) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) {
    cuFloatComplex p = cuCmulf(a[i], b[i]);
    a[i] = make_cuFloatComplex(cuCrealf(p) * scale, cuCimagf(p) * scale);
  }
}

static int blocks(int count) { return (count + 255) / 256; }

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 4096;
  const int batch = 4;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  bool ok = true;

  // 1. Batched 1D C2C round trip, in place.
  std::vector<cufftComplex> signal(size_t(n) * batch), back(signal.size());
  for (cufftComplex &z : signal) z = make_cuFloatComplex(dist(rng), dist(rng));
  cufftComplex *dSignal;
  CHECK(cudaMalloc(&dSignal, signal.size() * sizeof(cufftComplex)));
  CHECK(cudaMemcpyAsync(dSignal, signal.data(), signal.size() * sizeof(cufftComplex),
                        cudaMemcpyHostToDevice, stream));
  cufftHandle c2c;
  CHECK_CUFFT(cufftPlan1d(&c2c, n, CUFFT_C2C, batch));
  CHECK_CUFFT(cufftSetStream(c2c, stream));
  CHECK_CUFFT(cufftExecC2C(c2c, dSignal, dSignal, CUFFT_FORWARD));
  CHECK_CUFFT(cufftExecC2C(c2c, dSignal, dSignal, CUFFT_INVERSE));
  scaleComplex<<<blocks(n * batch), 256, 0, stream>>>(dSignal, n * batch, 1.0f / n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpyAsync(back.data(), dSignal, back.size() * sizeof(cufftComplex),
                        cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  float c2cError = 0.0f;
  for (size_t i = 0; i < signal.size(); ++i)
    c2cError = fmaxf(c2cError, cuCabsf(cuCsubf(back[i], signal[i])));
  printf("C2C %d x %d round trip: max error %.2e\n", n, batch, c2cError);
  ok = ok && c2cError < 1e-5f;

  // 2. 2D R2C + C2R round trip (out of place; the spectrum is nx x (ny / 2 + 1)).
  const int nx = 64, ny = 48;
  std::vector<float> image(nx * ny), imageBack(nx * ny);
  for (float &x : image) x = dist(rng);
  cufftReal *dImage;
  cufftComplex *dSpectrum;
  CHECK(cudaMalloc(&dImage, image.size() * sizeof(cufftReal)));
  CHECK(cudaMalloc(&dSpectrum, nx * (ny / 2 + 1) * sizeof(cufftComplex)));
  CHECK(cudaMemcpyAsync(dImage, image.data(), image.size() * sizeof(float),
                        cudaMemcpyHostToDevice, stream));
  cufftHandle r2c, c2r;
  CHECK_CUFFT(cufftPlan2d(&r2c, nx, ny, CUFFT_R2C));
  CHECK_CUFFT(cufftPlan2d(&c2r, nx, ny, CUFFT_C2R));
  CHECK_CUFFT(cufftSetStream(r2c, stream));
  CHECK_CUFFT(cufftSetStream(c2r, stream));
  CHECK_CUFFT(cufftExecR2C(r2c, dImage, dSpectrum));
  CHECK_CUFFT(cufftExecC2R(c2r, dSpectrum, dImage));
  scaleReal<<<blocks(nx * ny), 256, 0, stream>>>(dImage, nx * ny, 1.0f / (nx * ny));
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpyAsync(imageBack.data(), dImage, imageBack.size() * sizeof(float),
                        cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  float r2cError = 0.0f;
  for (size_t i = 0; i < image.size(); ++i)
    r2cError = fmaxf(r2cError, fabsf(imageBack[i] - image[i]));
  printf("R2C/C2R %dx%d round trip: max error %.2e\n", nx, ny, r2cError);
  ok = ok && r2cError < 1e-5f;

  // 3. Circular convolution of two real signals via the FFT.
  const int len = 1024, bins = len / 2 + 1;
  std::vector<float> x(len), h(len), conv(len);
  for (float &v : x) v = dist(rng);
  for (int i = 0; i < len; ++i) h[i] = i < 16 ? expf(-0.25f * i) : 0.0f; // a short decaying filter
  cufftReal *dX, *dH;
  cufftComplex *fX, *fH;
  CHECK(cudaMalloc(&dX, len * sizeof(cufftReal)));
  CHECK(cudaMalloc(&dH, len * sizeof(cufftReal)));
  CHECK(cudaMalloc(&fX, bins * sizeof(cufftComplex)));
  CHECK(cudaMalloc(&fH, bins * sizeof(cufftComplex)));
  CHECK(cudaMemcpyAsync(dX, x.data(), len * sizeof(float), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemcpyAsync(dH, h.data(), len * sizeof(float), cudaMemcpyHostToDevice, stream));
  cufftHandle fwd, inv;
  CHECK_CUFFT(cufftPlan1d(&fwd, len, CUFFT_R2C, 1));
  CHECK_CUFFT(cufftPlan1d(&inv, len, CUFFT_C2R, 1));
  CHECK_CUFFT(cufftSetStream(fwd, stream));
  CHECK_CUFFT(cufftSetStream(inv, stream));
  CHECK_CUFFT(cufftExecR2C(fwd, dX, fX));
  CHECK_CUFFT(cufftExecR2C(fwd, dH, fH));
  multiplySpectra<<<blocks(bins), 256, 0, stream>>>(fX, fH, bins, 1.0f / len);
  CHECK(cudaGetLastError());
  CHECK_CUFFT(cufftExecC2R(inv, fX, dX));
  CHECK(cudaMemcpyAsync(conv.data(), dX, len * sizeof(float), cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  float convError = 0.0f;
  for (int i = 0; i < len; ++i) {
    double direct = 0.0;
    for (int j = 0; j < len; ++j) direct += double(x[j]) * h[(i - j + len) % len];
    convError = fmaxf(convError, fabsf(conv[i] - float(direct)));
  }
  printf("FFT convolution of %d samples: max error vs direct sum %.2e\n", len, convError);
  ok = ok && convError < 1e-4f;

  for (cufftHandle plan : {c2c, r2c, c2r, fwd, inv}) CHECK_CUFFT(cufftDestroy(plan));
  CHECK(cudaFree(dSignal));
  CHECK(cudaFree(dImage));
  CHECK(cudaFree(dSpectrum));
  CHECK(cudaFree(dX));
  CHECK(cudaFree(dH));
  CHECK(cudaFree(fX));
  CHECK(cudaFree(fH));
  CHECK(cudaStreamDestroy(stream));
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
