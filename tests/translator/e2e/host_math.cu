// Host and device math as nvcc accepts it, with no math include: ceil/fabs/sqrt/pow on float,
// CUDA's mixed-operand min/max (max(float, double) is double, min(int, unsigned) is unsigned),
// std::max, and a __host__ __device__ helper called on both sides. cu2npu exits 0 on this file
// (the build runs it with -q and fails otherwise); the results match on host and device.
#include <stdio.h>

__host__ __device__ float both(float a) { return ceil(a) + fabs(a) + sqrt(a) + floor(a); }

__global__ void kernel(const float *in, float *out, double *wide, unsigned *mixed) {
  const int i = threadIdx.x;
  out[i] = both(in[i]) + fminf(in[i], 1.0f) + max(in[i], 0.5f);
  wide[i] = max(in[i], 2.0) + pow(in[i], 2);
  mixed[i] = min(i - 4, 3u); // int, unsigned: unsigned, so -4..-1 become large
}

int main() {
  const int n = 8;
  float in[n], out[n];
  double wide[n];
  unsigned mixed[n];
  for (int i = 0; i < n; ++i)
    in[i] = -1.75f + 0.75f * i;
  float *dIn, *dOut;
  double *dWide;
  unsigned *dMixed;
  cudaMalloc(&dIn, sizeof in);
  cudaMalloc(&dOut, sizeof out);
  cudaMalloc(&dWide, sizeof wide);
  cudaMalloc(&dMixed, sizeof mixed);
  cudaMemcpy(dIn, in, sizeof in, cudaMemcpyHostToDevice);
  kernel<<<1, n>>>(dIn, dOut, dWide, dMixed);
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  cudaMemcpy(wide, dWide, sizeof wide, cudaMemcpyDeviceToHost);
  cudaMemcpy(mixed, dMixed, sizeof mixed, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  for (int i = 0; i < n; ++i) {
    const float a = in[i];
    const float sq = a >= 0 ? sqrtf(a) : NAN;
    const float want =
        ceilf(a) + fabsf(a) + sq + floorf(a) + (a < 1.0f ? a : 1.0f) + (a > 0.5f ? a : 0.5f);
    const bool same = isnan(want) ? isnan(out[i]) : fabs(out[i] - want) < 1e-5;
    // The host side computes the same with the same calls.
    const float host = both(a) + fminf(a, 1.0f) + max(a, 0.5f);
    const bool hostSame = isnan(want) ? isnan(host) : fabs(host - want) < 1e-5;
    const double wideWant = (a > 2.0 ? a : 2.0) + static_cast<double>(a) * a;
    const unsigned mixedWant =
        static_cast<unsigned>(i - 4) < 3u ? static_cast<unsigned>(i - 4) : 3u;
    if (!same || !hostSame || fabs(wide[i] - wideWant) > 1e-9 || mixed[i] != mixedWant ||
        min(i - 4, 3u) != mixedWant) {
      printf("FAIL at %d: out %f want %f host %f wide %f want %f mixed %u want %u\n", i, out[i],
             want, host, wide[i], wideWant, mixed[i], mixedWant);
      ok = false;
    }
  }
  const double m = max(2.5f, 3.0); // double
  if (m != 3.0 || sizeof(max(2.5f, 3.0)) != sizeof(double) || std::max(1.5f, 2.5f) != 2.5f)
    ok = false;
  cudaFree(dIn);
  cudaFree(dOut);
  cudaFree(dWide);
  cudaFree(dMixed);
  printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
