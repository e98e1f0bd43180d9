// All-pairs N-body accelerations with shared-memory tiles of bodies (as in GPU Gems 3, ch. 31):
// each block loads 256 bodies at a time into shared memory and every thread accumulates their
// pull on its own body.
#include "cuda_check.h"
#include "nbody_problem.h"

#define BLOCK 256

__global__ void bodyForces(const float4 *pos, float4 *acc, int n) {
  __shared__ float4 tile[BLOCK];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 p = i < n ? pos[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  float ax = 0.0f, ay = 0.0f, az = 0.0f;
  int tiles = gridDim.x;
  for (int t = 0; t < tiles; ++t) {
    int j = t * BLOCK + threadIdx.x;
    tile[threadIdx.x] = j < n ? pos[j] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    __syncthreads();
    for (int k = 0; k < BLOCK; ++k) {
      float4 q = tile[k];
      float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
      float r2 = dx * dx + dy * dy + dz * dz + nbody::kSoftening2;
      float inv = rsqrtf(r2);
      float f = q.w * inv * inv * inv;
      ax += dx * f;
      ay += dy * f;
      az += dz * f;
    }
    __syncthreads();
  }
  if (i < n)
    acc[i] = make_float4(ax, ay, az, 0.0f);
}

int main(int argc, char **argv) {
  const int n = nbody::size(vsomp::tiny(argc, argv));
  const std::vector<float> bodies = nbody::bodies(n);
  std::vector<float> acc(4 * size_t(n));
  float4 *dPos, *dAcc;
  CHECK(cudaMalloc(&dPos, n * sizeof(float4)));
  CHECK(cudaMalloc(&dAcc, n * sizeof(float4)));
  CHECK(cudaMemcpy(dPos, bodies.data(), n * sizeof(float4), cudaMemcpyHostToDevice));

  const int grid = (n + BLOCK - 1) / BLOCK;
  const double ms = vsomp::warmTimedMs([&] {
    bodyForces<<<grid, BLOCK>>>(dPos, dAcc, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
  });

  CHECK(cudaMemcpy(acc.data(), dAcc, n * sizeof(float4), cudaMemcpyDeviceToHost));
  const bool ok = nbody::check(bodies, acc.data(), n);
  CHECK(cudaFree(dPos));
  CHECK(cudaFree(dAcc));
  return vsomp::report(std::to_string(n), ms, 0, ok);
}
