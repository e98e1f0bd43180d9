// Legacy warp-synchronous code and spin-waits compute what a GPU computes: the last-warp
// reduction and a warp scan over volatile shared memory with no __syncwarp, "threads 0..15
// write, thread 0 reads", a thread spinning on a flag another warp sets, and a block spinning on
// an atomic that another block sets.
#include <cstdio>
#include <cuda_runtime.h>

template <unsigned blockSize> __device__ void warpReduce(volatile float *sdata, unsigned tid) {
  if (blockSize >= 64) sdata[tid] += sdata[tid + 32];
  if (blockSize >= 32) sdata[tid] += sdata[tid + 16];
  if (blockSize >= 16) sdata[tid] += sdata[tid + 8];
  if (blockSize >= 8) sdata[tid] += sdata[tid + 4];
  if (blockSize >= 4) sdata[tid] += sdata[tid + 2];
  if (blockSize >= 2) sdata[tid] += sdata[tid + 1];
}
template <unsigned blockSize> __global__ void reduce(const float *in, float *out, unsigned n) {
  __shared__ float sdata[blockSize];
  unsigned tid = threadIdx.x;
  unsigned i = blockIdx.x * blockSize * 2 + tid;
  float v = 0;
  if (i < n) v = in[i];
  if (i + blockSize < n) v += in[i + blockSize];
  sdata[tid] = v;
  __syncthreads();
  for (unsigned s = blockSize / 2; s > 32; s >>= 1) {
    if (tid < s) sdata[tid] += sdata[tid + s];
    __syncthreads();
  }
  if (tid < 32) warpReduce<blockSize>(sdata, tid);
  if (tid == 0) out[blockIdx.x] = sdata[0];
}
// Inclusive scan per warp (Hillis-Steele): every lane reads before any lane writes.
__global__ void scan(int *data) {
  __shared__ int s[64];
  volatile int *vs = s;
  unsigned lane = threadIdx.x & 31;
  vs[threadIdx.x] = data[threadIdx.x];
  if (lane >= 1) vs[threadIdx.x] = vs[threadIdx.x - 1] + vs[threadIdx.x];
  if (lane >= 2) vs[threadIdx.x] = vs[threadIdx.x - 2] + vs[threadIdx.x];
  if (lane >= 4) vs[threadIdx.x] = vs[threadIdx.x - 4] + vs[threadIdx.x];
  if (lane >= 8) vs[threadIdx.x] = vs[threadIdx.x - 8] + vs[threadIdx.x];
  if (lane >= 16) vs[threadIdx.x] = vs[threadIdx.x - 16] + vs[threadIdx.x];
  data[threadIdx.x] = vs[threadIdx.x];
}
__global__ void gather(float *out) {
  __shared__ volatile float part[16];
  if (threadIdx.x < 16) part[threadIdx.x] = threadIdx.x + 1.0f;
  if (threadIdx.x == 0) {
    float s = 0;
    for (int k = 0; k < 16; ++k) s += part[k];
    out[blockIdx.x] = s;
  }
}
// The same without volatile: the unrolled last warp and "threads 0..15 write, thread 0 reads".
__global__ void reducePlain(const float *in, float *out) {
  __shared__ float s[128];
  unsigned t = threadIdx.x;
  s[t] = in[blockIdx.x * 128 + t];
  __syncthreads();
  if (t < 64) s[t] += s[t + 64];
  __syncthreads();
  if (t < 32) {
    s[t] += s[t + 32];
    s[t] += s[t + 16];
    s[t] += s[t + 8];
    s[t] += s[t + 4];
    s[t] += s[t + 2];
    s[t] += s[t + 1];
  }
  if (t == 0) out[blockIdx.x] = s[0];
}
__global__ void gatherPlain(float *out) {
  __shared__ float part[16];
  if (threadIdx.x < 16) part[threadIdx.x] = threadIdx.x + 1.0f;
  if (threadIdx.x == 0) {
    float a = 0;
    for (int k = 0; k < 16; ++k) a += part[k];
    out[blockIdx.x] = a;
  }
}
__global__ void spin(volatile int *flags, int *out) {
  if (blockIdx.x == 0 && threadIdx.x == 0) {
    while (flags[1] == 0)
      ;
    out[0] = flags[1];
  }
  if (blockIdx.x == 0 && threadIdx.x == 63) flags[1] = 42;
  if (blockIdx.x == 1 && threadIdx.x == 0) {
    while (atomicAdd((int *)&flags[2], 0) == 0)
      ;
    out[1] = 7;
  }
  if (blockIdx.x == 0 && threadIdx.x == 5) atomicExch((int *)&flags[2], 1);
}

// Waits written as `while (true) { if (...) break; }`, `for (;;)` and a do-while on a local the
// body sets from an atomic: thread 0 and 1 wait for thread 40 (another warp) through atomics,
// every thread takes a lock another thread may hold.
__device__ int spinLock = 0;
__global__ void waitForms(int *flags, int *out, int *counter) {
  if (threadIdx.x == 0) {
    while (true) {
      if (atomicAdd(&flags[0], 0) != 0) break;
    }
    out[0] = atomicAdd(&flags[0], 0);
  }
  if (threadIdx.x == 1) {
    for (;;) {
      if (atomicAdd(&flags[0], 0) != 0) break;
    }
    out[1] = atomicAdd(&flags[0], 0);
  }
  if (threadIdx.x == 40) atomicExch(&flags[0], 9);
  int old;
  do {
    old = atomicCAS(&spinLock, 0, 1);
  } while (old != 0);
  *counter += 1;
  __threadfence();
  atomicExch(&spinLock, 0);
}

int main() {
  const unsigned n = 1 << 16, B = 256, blocks = n / (B * 2);
  float *in, *out;
  int *d, *flags, *o;
  cudaMallocManaged(&in, n * sizeof(float));
  cudaMallocManaged(&out, blocks * sizeof(float));
  cudaMallocManaged(&d, 64 * sizeof(int));
  cudaMallocManaged(&flags, 4 * sizeof(int));
  cudaMallocManaged(&o, 2 * sizeof(int));
  for (unsigned i = 0; i < n; ++i) in[i] = (i % 7) * 0.5f;
  int ok = 1;
  reduce<B><<<blocks, B>>>(in, out, n);
  cudaDeviceSynchronize();
  double got = 0, want = 0;
  for (unsigned b = 0; b < blocks; ++b) got += out[b];
  for (unsigned i = 0; i < n; ++i) want += in[i];
  if (got != want) { printf("reduce: %f, expected %f\n", got, want); ok = 0; }
  for (int i = 0; i < 64; ++i) d[i] = i;
  scan<<<1, 64>>>(d);
  cudaDeviceSynchronize();
  for (int i = 0; i < 64; ++i) {
    int expect = 0;
    for (int j = i / 32 * 32; j <= i; ++j) expect += j;
    if (d[i] != expect) { printf("scan[%d] = %d, expected %d\n", i, d[i], expect); ok = 0; break; }
  }
  gather<<<2, 64>>>(out);
  cudaDeviceSynchronize();
  if (out[0] != 136.0f || out[1] != 136.0f) { printf("gather: %f %f\n", out[0], out[1]); ok = 0; }
  reducePlain<<<4, 128>>>(in, out);
  cudaDeviceSynchronize();
  for (unsigned b = 0; b < 4; ++b) {
    float expect = 0;
    for (unsigned i = 0; i < 128; ++i) expect += in[b * 128 + i];
    if (out[b] != expect) { printf("reducePlain[%u]: %f, expected %f\n", b, out[b], expect); ok = 0; }
  }
  gatherPlain<<<2, 64>>>(out);
  cudaDeviceSynchronize();
  if (out[0] != 136.0f || out[1] != 136.0f) { printf("gatherPlain: %f %f\n", out[0], out[1]); ok = 0; }
  flags[1] = flags[2] = 0;
  spin<<<2, 64>>>(flags, o);
  if (cudaDeviceSynchronize() != cudaSuccess || o[0] != 42 || o[1] != 7) { printf("spin\n"); ok = 0; }
  int *wflags, *wout, *wcount;
  cudaMallocManaged(&wflags, sizeof(int));
  cudaMallocManaged(&wout, 2 * sizeof(int));
  cudaMallocManaged(&wcount, sizeof(int));
  *wflags = 0;
  *wcount = 0;
  waitForms<<<1, 64>>>(wflags, wout, wcount);
  if (cudaDeviceSynchronize() != cudaSuccess || wout[0] != 9 || wout[1] != 9 || *wcount != 64) {
    printf("waitForms: %d %d %d\n", wout[0], wout[1], *wcount);
    ok = 0;
  }
  printf(ok ? "PASS\n" : "FAIL\n");
  return ok ? 0 : 1;
}
