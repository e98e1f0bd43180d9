// Unified (managed) memory: one pointer used by host and device alike.
//
// A particle system lives in cudaMallocManaged memory. The host initializes
// it directly (no cudaMemcpy), the GPU advances it and counts particles that
// hit the floor with atomicAdd on a managed counter, then, after
// cudaDeviceSynchronize (required before the host touches managed data that a
// kernel used), the host reads the results, edits some particles in place and
// launches again. A managed array of structs that holds a pointer to another
// managed array shows that pointers are valid on both sides. Every step is
// replayed on the CPU and the state compared.
//
// CUDA features: cudaMallocManaged (cudaMemAttachGlobal), host access to
// managed memory, cudaDeviceSynchronize before host reads, managed structs
// containing managed pointers, atomicAdd on managed memory,
// cudaGetDeviceProperties (managedMemory, concurrentManagedAccess), grid-stride
// loops.
//
// Usage: managed_memory [n]   (default 1<<18 particles)
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

struct Particle {
  float x, y;    // position
  float vx, vy;  // velocity
  int bounces;
};

struct System {
  Particle *particles;  // managed array, pointed to from managed memory
  int n;
  float gravity;
  float restitution;
};

constexpr int kThreads = 256;
constexpr int kSteps = 3;
constexpr int kSubsteps = 20;

__host__ __device__ inline void advance(Particle &p, float g, float e, float dt,
                                        int &floorHits) {
  p.vy -= g * dt;
  p.x += p.vx * dt;
  p.y += p.vy * dt;
  if (p.y < 0.0f) {  // bounce on the floor
    p.y = -p.y;
    p.vy = -p.vy * e;
    ++p.bounces;
    ++floorHits;
  }
}

__global__ void stepParticles(System *sys, float dt, int substeps,
                              unsigned int *floorHits) {
  int n = sys->n;
  Particle *ps = sys->particles;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x) {
    Particle p = ps[i];
    int hits = 0;
    for (int s = 0; s < substeps; ++s) advance(p, sys->gravity, sys->restitution, dt, hits);
    ps[i] = p;
    if (hits) atomicAdd(floorHits, static_cast<unsigned int>(hits));
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 18;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }

  int device = 0;
  CHECK(cudaGetDevice(&device));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, device));
  if (!prop.managedMemory) {
    printf("device %s does not support managed memory\n", prop.name);
    printf("FAIL\n");
    return EXIT_FAILURE;
  }
  printf("device: %s, concurrentManagedAccess=%d\n", prop.name,
         prop.concurrentManagedAccess);

  System *sys;
  unsigned int *floorHits;
  CHECK(cudaMallocManaged(&sys, sizeof(System)));
  CHECK(cudaMallocManaged(&sys->particles, n * sizeof(Particle), cudaMemAttachGlobal));
  CHECK(cudaMallocManaged(&floorHits, sizeof(unsigned int)));
  sys->n = n;
  sys->gravity = 9.81f;
  sys->restitution = 0.8f;

  // host writes managed memory directly
  unsigned int seed = 4242u;
  auto rnd = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<float>(seed >> 8) / 16777216.0f;
  };
  for (int i = 0; i < n; ++i) {
    Particle &p = sys->particles[i];
    p.x = rnd() * 100.0f;
    p.y = 0.5f + rnd() * 10.0f;
    p.vx = rnd() * 2.0f - 1.0f;
    p.vy = rnd() * 4.0f - 2.0f;
    p.bounces = 0;
  }
  *floorHits = 0;
  std::vector<Particle> ref(sys->particles, sys->particles + n);  // CPU copy
  unsigned int refHits = 0;

  const float dt = 0.01f;
  int blocks = (n + kThreads - 1) / kThreads;
  if (blocks > 4 * prop.multiProcessorCount) blocks = 4 * prop.multiProcessorCount;
  if (blocks < 1) blocks = 1;

  int errors = 0;
  for (int step = 0; step < kSteps; ++step) {
    stepParticles<<<blocks, kThreads>>>(sys, dt, kSubsteps, floorHits);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());  // before the host reads managed data

    for (int i = 0; i < n; ++i) {
      int hits = 0;
      for (int s = 0; s < kSubsteps; ++s)
        advance(ref[i], sys->gravity, sys->restitution, dt, hits);
      refHits += hits;
    }
    int bad = 0;
    for (int i = 0; i < n; ++i) {
      const Particle &g = sys->particles[i], &r = ref[i];
      bool ok = std::fabs(g.x - r.x) <= 1e-3f * (1.0f + std::fabs(r.x)) &&
                std::fabs(g.y - r.y) <= 1e-3f * (1.0f + std::fabs(r.y)) &&
                std::fabs(g.vy - r.vy) <= 1e-3f * (1.0f + std::fabs(r.vy));
      if (!ok) {
        if (bad < 5)
          fprintf(stderr, "step %d particle %d: y=%f (expected %f)\n", step, i, g.y, r.y);
        ++bad;
      }
    }
    // A particle that grazes the floor within rounding error (the GPU may fuse
    // a*b+c into one FMA, the CPU may not) can bounce one substep earlier or
    // later; like any physics code compared across devices, tolerate a tiny
    // fraction of such particles and of floor-hit counts.
    const int allowed = n / 1000 + 2;
    if (bad <= allowed) bad = 0;
    unsigned int hits = *floorHits;
    long long diff = static_cast<long long>(hits) - static_cast<long long>(refHits);
    if (diff < 0) diff = -diff;
    if (diff > allowed) ++bad;
    printf("  step %d: floor hits %u (ref %u), %d errors\n", step, hits, refHits, bad);
    errors += bad;

    // host edits the same memory between launches: kick every 10th particle up
    for (int i = 0; i < n; i += 10) {
      sys->particles[i].vy += 5.0f;
      ref[i].vy += 5.0f;
    }
  }

  CHECK(cudaFree(sys->particles));
  CHECK(cudaFree(sys));
  CHECK(cudaFree(floorHits));

  printf("managed_memory: %d particles, %d steps, %d errors\n", n, kSteps, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
