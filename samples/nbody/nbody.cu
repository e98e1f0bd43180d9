// All-pairs gravitational N-body step (softened), the classic GPU Gems 3
// formulation.
//
// Positions are float4 (x, y, z, mass). Each thread owns one body; the block
// walks over the bodies in tiles of blockDim.x, staging each tile's positions
// in shared memory, and accumulates the acceleration with rsqrtf. A second
// kernel integrates velocities and positions (leapfrog / semi-implicit Euler).
// Accelerations and the integrated state after one step are compared with a
// double-precision CPU computation.
//
// CUDA features: float4/float3 vector types, make_float4/make_float3,
// rsqrtf, extern __shared__ float4 tile sized at launch, __syncthreads in a
// loop, #pragma unroll, __device__ __forceinline__ helper, cudaEvent timing,
// GFLOP/s report.
//
// Usage: nbody [n] [steps]   (default 2048 bodies, 1 step)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
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

#define SOFTENING_SQ 0.01f
constexpr int kBlock = 128;

__device__ __forceinline__ float3 bodyBodyInteraction(float4 bi, float4 bj, float3 ai) {
  float3 r = make_float3(bj.x - bi.x, bj.y - bi.y, bj.z - bi.z);
  float distSqr = r.x * r.x + r.y * r.y + r.z * r.z + SOFTENING_SQ;
  float invDist = rsqrtf(distSqr);
  float invDist3 = invDist * invDist * invDist;
  float s = bj.w * invDist3;  // m_j / d^3
  ai.x += r.x * s;
  ai.y += r.y * s;
  ai.z += r.z * s;
  return ai;
}

__global__ void computeAccelerations(const float4 *__restrict__ pos,
                                     float4 *__restrict__ acc, int n) {
  extern __shared__ float4 shPos[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 myPos = i < n ? pos[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  float3 a = make_float3(0.0f, 0.0f, 0.0f);

  int numTiles = (n + blockDim.x - 1) / blockDim.x;
  for (int tile = 0; tile < numTiles; ++tile) {
    int j = tile * blockDim.x + threadIdx.x;
    // bodies past the end get zero mass: they contribute nothing
    shPos[threadIdx.x] = j < n ? pos[j] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    __syncthreads();
#pragma unroll 4
    for (int k = 0; k < blockDim.x; ++k) a = bodyBodyInteraction(myPos, shPos[k], a);
    __syncthreads();
  }
  if (i < n) acc[i] = make_float4(a.x, a.y, a.z, 0.0f);
}

__global__ void integrate(float4 *__restrict__ pos, float4 *__restrict__ vel,
                          const float4 *__restrict__ acc, int n, float dt) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x) {
    float4 p = pos[i], v = vel[i], a = acc[i];
    v.x += a.x * dt;
    v.y += a.y * dt;
    v.z += a.z * dt;
    p.x += v.x * dt;
    p.y += v.y * dt;
    p.z += v.z * dt;
    pos[i] = p;  // mass (w) unchanged
    vel[i] = v;
  }
}

struct Vec3d { double x, y, z; };

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 2048;
  int steps = argc > 2 ? atoi(argv[2]) : 1;
  if (n <= 0 || steps <= 0) {
    fprintf(stderr, "usage: %s [n > 0] [steps > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  const float dt = 0.001f;

  // a rotating disc-ish cloud of bodies
  std::mt19937 gen(1234);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  std::vector<float4> hPos(n), hVel(n);
  for (int i = 0; i < n; ++i) {
    float x = u(gen), y = u(gen), z = 0.1f * u(gen);
    hPos[i] = make_float4(x, y, z, 0.5f + 0.5f * (u(gen) + 1.0f) / n);
    hVel[i] = make_float4(-y * 0.3f, x * 0.3f, 0.0f, 0.0f);
  }

  size_t bytes = n * sizeof(float4);
  float4 *dPos, *dVel, *dAcc;
  CHECK(cudaMalloc(&dPos, bytes));
  CHECK(cudaMalloc(&dVel, bytes));
  CHECK(cudaMalloc(&dAcc, bytes));
  CHECK(cudaMemcpy(dPos, hPos.data(), bytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dVel, hVel.data(), bytes, cudaMemcpyHostToDevice));

  int blocks = (n + kBlock - 1) / kBlock;
  size_t shmem = kBlock * sizeof(float4);
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  // --- first step: check the accelerations themselves
  computeAccelerations<<<blocks, kBlock, shmem>>>(dPos, dAcc, n);
  CHECK(cudaGetLastError());
  std::vector<float4> gAcc(n);
  CHECK(cudaMemcpy(gAcc.data(), dAcc, bytes, cudaMemcpyDeviceToHost));

  std::vector<Vec3d> rAcc(n);
  std::vector<double> scale(n);
  for (int i = 0; i < n; ++i) {
    Vec3d a = {0, 0, 0};
    double s = 0.0;
    for (int j = 0; j < n; ++j) {
      double rx = static_cast<double>(hPos[j].x) - hPos[i].x;
      double ry = static_cast<double>(hPos[j].y) - hPos[i].y;
      double rz = static_cast<double>(hPos[j].z) - hPos[i].z;
      double d2 = rx * rx + ry * ry + rz * rz + SOFTENING_SQ;
      double inv = 1.0 / std::sqrt(d2);
      double f = hPos[j].w * inv * inv * inv;
      a.x += rx * f;
      a.y += ry * f;
      a.z += rz * f;
      s += f * std::sqrt(rx * rx + ry * ry + rz * rz);
    }
    rAcc[i] = a;
    scale[i] = s;  // sum of |contributions|: error scale under cancellation
  }
  int errors = 0;
  for (int i = 0; i < n; ++i) {
    double dx = gAcc[i].x - rAcc[i].x, dy = gAcc[i].y - rAcc[i].y,
           dz = gAcc[i].z - rAcc[i].z;
    double err = std::sqrt(dx * dx + dy * dy + dz * dz);
    if (err > 1e-4 * scale[i] + 1e-5) {
      if (errors < 5)
        fprintf(stderr, "body %d: acc (%f %f %f), expected (%f %f %f)\n", i,
                gAcc[i].x, gAcc[i].y, gAcc[i].z, rAcc[i].x, rAcc[i].y, rAcc[i].z);
      ++errors;
    }
  }

  // expected state after the first step, from the reference accelerations
  std::vector<Vec3d> ePos(n);
  for (int i = 0; i < n; ++i) {
    double vx = hVel[i].x + rAcc[i].x * dt, vy = hVel[i].y + rAcc[i].y * dt,
           vz = hVel[i].z + rAcc[i].z * dt;
    ePos[i] = {hPos[i].x + vx * dt, hPos[i].y + vy * dt, hPos[i].z + vz * dt};
  }

  integrate<<<blocks, kBlock>>>(dPos, dVel, dAcc, n, dt);
  CHECK(cudaGetLastError());
  std::vector<float4> gPos(n);
  CHECK(cudaMemcpy(gPos.data(), dPos, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double err = std::fabs(gPos[i].x - ePos[i].x) + std::fabs(gPos[i].y - ePos[i].y) +
                 std::fabs(gPos[i].z - ePos[i].z);
    if (err > 1e-5 + 1e-4 * scale[i] * dt * dt) {
      if (errors < 5) fprintf(stderr, "body %d: position off by %g\n", i, err);
      ++errors;
    }
  }

  // --- remaining steps: timed, no check (benchmark mode)
  CHECK(cudaEventRecord(start));
  for (int s = 1; s < steps; ++s) {
    computeAccelerations<<<blocks, kBlock, shmem>>>(dPos, dAcc, n);
    CHECK(cudaGetLastError());
    integrate<<<blocks, kBlock>>>(dPos, dVel, dAcc, n, dt);
    CHECK(cudaGetLastError());
  }
  CHECK(cudaEventRecord(stop));
  CHECK(cudaEventSynchronize(stop));
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(dPos));
  CHECK(cudaFree(dVel));
  CHECK(cudaFree(dAcc));

  if (steps > 1) {
    double interactions = static_cast<double>(n) * n * (steps - 1);
    printf("  %d further steps: %.3f ms, %.2f GFLOP/s (20 flops/interaction)\n",
           steps - 1, ms, ms > 0.0f ? interactions * 20.0 / (ms * 1e6) : 0.0);
  }
  printf("nbody: n=%d, %d errors\n", n, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
