// Operation counters: memory. Global reads and writes count the accessed type's bytes (gread /
// gwrite), __shared__ accesses count as shared both ways, locals are free; compound assignments
// read and write.
#include <cuda_runtime.h>
__constant__ float weights[4];
__device__ int counter;
struct Particle {
  float x, y, z, m;
};
// CHECK: __global__ void global_rw(const float *in, float *out, double *d) {
// CHECK: NPU_COST(fp32(1), fp64(1), gread(12), gwrite(12));
__global__ void global_rw(const float *in, float *out, double *d) {
  out[0] = in[0] * 2.0f;
  d[1] += 1.0;
}
// CHECK: __global__ void vectors(float4 *v, const Particle *p, float *out) {
// CHECK: NPU_COST(fp32(2), gread(24), gwrite(20));
__global__ void vectors(float4 *v, const Particle *p, float *out) {
  float4 a = v[0];
  v[1] = a;
  out[0] = p->m + 0 * p[1].x;
}
// Shared: static arrays, dynamic shared memory, and a local pointer initialised from one.
// CHECK: __global__ void shared_rw(float *out) {
// CHECK: NPU_COST(fp32(1), intops(1), gwrite(4), shared(16));
__global__ void shared_rw(float *out) {
  __shared__ float tile[32][33];
  extern __shared__ float dyn[];
  float *row = &tile[threadIdx.y][0];
  tile[threadIdx.y][threadIdx.x] = dyn[threadIdx.x];
  out[threadIdx.x] = row[threadIdx.x] + dyn[threadIdx.x + 1];
}
// Locals and local arrays are free; __constant__ and __device__ variables are global.
// CHECK: __global__ void locals(float *out, int n) {
// CHECK: NPU_COST(fp32(1), gread(12), gwrite(8));
__global__ void locals(float *out, int n) {
  float r[4];
  r[1] = weights[2];
  float s = r[1] * weights[3];
  out[n] = s;
  counter = counter;
}
