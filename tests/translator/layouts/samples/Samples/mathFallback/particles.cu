// Uses the math helper whose non-nvcc fallbacks must not reach the translated build.
#include <helper_cuda.h>
#include <helper_math.h>

__global__ void step(float3 *p, float3 v, float dt, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    p[i] = normalize(p[i] + v * dt) * clamp(lerp(0.0f, 2.0f, 0.5f), 0.0f, 10.0f);
}

int main() {
  const int n = 64;
  float3 h[n];
  for (int i = 0; i < n; ++i)
    h[i] = make_float3(1.0f + i, 0.0f, 0.0f);
  float3 *d;
  checkCudaErrors(cudaMalloc(&d, sizeof(h)));
  checkCudaErrors(cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice));
  step<<<2, 32>>>(d, make_float3(0.0f, 0.0f, 0.0f), 0.1f, n);
  getLastCudaError("step");
  checkCudaErrors(cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost));
  checkCudaErrors(cudaFree(d));
  for (int i = 0; i < n; ++i)
    if (fabsf(h[i].x - 1.0f) > 1e-5f || h[i].y != 0.0f) {
      printf("FAIL: p[%d] = %f %f %f\n", i, h[i].x, h[i].y, h[i].z);
      return 1;
    }
  printf("PASS: mathFallback (host lerp %.1f)\n", lerp(1.0f, 3.0f, 0.5f));
  return 0;
}
