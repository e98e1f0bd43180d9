// cuRAND: curand_kernel.h and curand.h become npurt's headers; device and host names keep
// their CUDA spelling, the runtime names around them are renamed; the output compiles against
// npurt's headers. (api/curand_unsupported.cu: the generators npurt does not provide.)
// clang-format off
#include <cuda_runtime.h>
// CHECK: #include <npurt/lib/curand_kernel.h>
#include <curand_kernel.h>
// CHECK: #include <npurt/lib/curand.h>
#include <curand.h>
// DIAG: curandSetGeneratorOrdering is partially supported: every pseudo-random ordering gives NVIDIA's default layout [CU2NPU1005]
// DIAG: curandGeneratePoisson is partially supported: Poisson counts drawn with curand_poisson per element: the distribution, not NVIDIA's values [CU2NPU1005]
// CHECK-NOT: CU2NPU1003

__global__ void setup(curandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  // CHECK: curand_init(seed, id, 0, &states[id]);
  curand_init(seed, id, 0, &states[id]);
}

__global__ void draw(curandState *states, float *out, double *outd) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  // CHECK: curandState local = states[id];
  curandState local = states[id];
  // CHECK: out[id] = curand_uniform(&local) + curand_normal(&local) + curand_log_normal(&local, 0.f, 1.f);
  out[id] = curand_uniform(&local) + curand_normal(&local) + curand_log_normal(&local, 0.f, 1.f);
  outd[id] = curand_uniform_double(&local) + curand_normal_double(&local) + curand_poisson(&local, 4.0);
  skipahead(100ull, &local);
  skipahead_sequence(1ull, &local);
  states[id] = local;
}

__global__ void philox(float4 *out, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  // CHECK: curandStatePhilox4_32_10_t s;
  curandStatePhilox4_32_10_t s;
  curand_init(seed, id, 0, &s);
  float4 u = curand_uniform4(&s), n = curand_normal4(&s);
  float2 p = curand_normal2(&s);
  uint4 bits = curand4(&s);
  out[id] = make_float4(u.x + n.y, p.x, p.y, (float)bits.w);
}

__global__ void mrg(double *out) {
  curandStateMRG32k3a_t s;
  curand_init(1234, threadIdx.x, 0, &s);
  skipahead_subsequence(2, &s);
  out[threadIdx.x] = curand_uniform_double(&s) + (double)curand(&s);
}

int host(float *d, size_t n, cudaStream_t stream) {
  curandGenerator_t gen;
  // CHECK: curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  curandSetPseudoRandomGeneratorSeed(gen, 1234ULL);
  curandSetGeneratorOffset(gen, 0);
  curandSetGeneratorOrdering(gen, CURAND_ORDERING_PSEUDO_DEFAULT);
  // CHECK: curandSetStream(gen, stream);
  curandSetStream(gen, stream);
  // CHECK: curandStatus_t st = curandGenerateUniform(gen, d, n);
  curandStatus_t st = curandGenerateUniform(gen, d, n);
  if (st != CURAND_STATUS_SUCCESS) return 1;
  if (curandGenerateNormal(gen, d, n, 0.0f, 1.0f) == CURAND_STATUS_LENGTH_NOT_MULTIPLE) return 2;
  curandGenerateLogNormal(gen, d, n, 0.0f, 1.0f);
  curandGeneratePoisson(gen, (unsigned *)d, n, 3.0);
  curandGenerate(gen, (unsigned *)d, n);
  // CHECK: npuStreamSynchronize(stream);
  cudaStreamSynchronize(stream);
  curandDestroyGenerator(gen);
  return 0;
}
