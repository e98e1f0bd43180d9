#include <cstdio>
#include "vec_math.h"

__global__ void norm(float2 *v, float *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = lerp(0.0f, rsqrtf(len2(v[i])), 1.0f);
}

int main() {
  float2 h[4] = {make_float2(3, 4), make_float2(0, 2), make_float2(1, 0), make_float2(0, 0.5f)};
  float r[4], *dr;
  float2 *dv;
  cudaMalloc(&dv, sizeof(h));
  cudaMalloc(&dr, sizeof(r));
  cudaMemcpy(dv, h, sizeof(h), cudaMemcpyHostToDevice);
  norm<<<1, 4>>>(dv, dr, 4);
  cudaMemcpy(r, dr, sizeof(r), cudaMemcpyDeviceToHost);
  const float want[4] = {0.2f, 0.5f, 1.0f, 2.0f};
  for (int i = 0; i < 4; ++i)
    if (r[i] < want[i] - 1e-4f || r[i] > want[i] + 1e-4f) {
      printf("FAIL: r[%d] = %f\n", i, r[i]);
      return 1;
    }
#ifndef VM_SYNC_OK
  printf("FAIL: __CUDACC_VER_MAJOR__ not seen\n");
  return 1;
#endif
  printf("PASS: fallback header\n");
  return 0;
}
