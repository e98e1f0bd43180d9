// Barrier regions end to end: kernels cu2npu splits at their barriers (tests/translator/kernel/
// regions.cu shows the form) must compute what CUDA computes.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

// Tree reduction with an early return before the first barrier (the tail block).
__global__ void reduce(const float *in, double *out, int n) {
  __shared__ float s[256];
  unsigned tid = threadIdx.x;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  s[tid] = 0.f;
  if (i >= n) return;
  s[tid] = in[i];
  __syncthreads();
  for (unsigned st = blockDim.x / 2; st > 0; st >>= 1) {
    if (tid < st && tid + st < blockDim.x) s[tid] += s[tid + st];
    __syncthreads();
  }
  if (tid == 0) atomicAdd(out, (double)s[0]);
}

// Bitonic sort of one block: nested uniform loops, values live across barriers.
template <class T, int BLOCK> __global__ void bitonic(T *data) {
  extern __shared__ T buf[];
  unsigned t = threadIdx.x;
  buf[t] = data[blockIdx.x * BLOCK + t];
  __syncthreads();
  for (int k = 2; k <= BLOCK; k <<= 1) {
    for (int j = k >> 1; j > 0; j >>= 1) {
      unsigned p = t ^ j;
      if (p > t) {
        T a = buf[t], b = buf[p];
        bool up = (t & k) == 0;
        if ((a > b) == up) { buf[t] = b; buf[p] = a; }
      }
      __syncthreads();
    }
  }
  data[blockIdx.x * BLOCK + t] = buf[t];
}

// A return inside a uniform loop ends the thread for good; a uniform while and if.
__global__ void rounds(int *out, int rounds) {
  __shared__ int count[1];
  const int t = threadIdx.x;
  int mine = 0;
  if (t == 0) count[0] = 0;
  __syncthreads();
  int r = 0;
  while (r < rounds) {
    if (t < r) return;       // thread t takes part in rounds 0..t
    atomicAdd(&count[0], 1);
    mine += r;
    __syncthreads();
    r += 1;
  }
  if (rounds > 0) {
    __syncthreads();
  }
  out[1 + t] = mine;
  if (t == blockDim.x - 1) out[0] = count[0];
}

// 2D tiles (matrix multiply), as samples/matmul_tiled.
#define TILE 8
__global__ void matmul(const float *A, const float *B, float *C, int n) {
  __shared__ float As[TILE][TILE], Bs[TILE][TILE];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty, col = blockIdx.x * TILE + tx;
  float acc = 0.0f;
  for (int t = 0; t < n / TILE; ++t) {
    As[ty][tx] = A[row * n + t * TILE + tx];
    Bs[ty][tx] = B[(t * TILE + ty) * n + col];
    __syncthreads();
    for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  C[row * n + col] = acc;
}

// A block marching up columns: the loop's increment advances the row (uniform), a per-thread
// cursor and the output pointer (a parameter each thread modifies).
__global__ void march(const int *in, int *out, int rows, int cols) {
  __shared__ int row[64];
  int c = threadIdx.x;
  int i = c;
  for (int r = 0; r < rows; ++r, i += cols, out += cols) {
    row[c] = in[i];
    __syncthreads();
    out[c] = row[(c + 1) % blockDim.x] + r;
    __syncthreads();
  }
}

static int failures = 0;
static void expect(bool ok, const char *what) {
  if (!ok) { printf("FAIL %s\n", what); ++failures; }
}

int main() {
  // reduce
  const int n = 1000;
  float *hin = new float[n];
  double want = 0;
  for (int i = 0; i < n; ++i) { hin[i] = (float)(i % 13); want += hin[i]; }
  float *din; double *dsum;
  cudaMalloc(&din, n * sizeof(float));
  cudaMalloc(&dsum, sizeof(double));
  cudaMemcpy(din, hin, n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(dsum, 0, sizeof(double));
  reduce<<<(n + 255) / 256, 256>>>(din, dsum, n);
  double got = 0;
  cudaMemcpy(&got, dsum, sizeof got, cudaMemcpyDeviceToHost);
  expect(got == want, "reduce");

  // bitonic: 4 blocks of 256
  const int m = 1024;
  float *hv = new float[m];
  for (int i = 0; i < m; ++i) hv[i] = (float)((i * 7919) % 1021);
  float *dv;
  cudaMalloc(&dv, m * sizeof(float));
  cudaMemcpy(dv, hv, m * sizeof(float), cudaMemcpyHostToDevice);
  bitonic<float, 256><<<m / 256, 256, 256 * sizeof(float)>>>(dv);
  cudaMemcpy(hv, dv, m * sizeof(float), cudaMemcpyDeviceToHost);
  bool sorted = true;
  for (int b = 0; b < m / 256; ++b)
    for (int i = 1; i < 256; ++i) sorted = sorted && hv[b * 256 + i - 1] <= hv[b * 256 + i];
  expect(sorted, "bitonic");

  // rounds: 8 threads, 5 rounds; thread t runs rounds 0..min(t, 4)
  int *dr, hr[9];
  cudaMalloc(&dr, sizeof hr);
  cudaMemset(dr, 0xff, sizeof hr);
  rounds<<<1, 8>>>(dr, 5);
  cudaMemcpy(hr, dr, sizeof hr, cudaMemcpyDeviceToHost);
  int wantCount = 0;
  for (int t = 0; t < 8; ++t) wantCount += (t < 4 ? t : 4) + 1;
  expect(hr[0] == wantCount, "rounds count");
  for (int t = 0; t < 8; ++t) expect(hr[1 + t] == (t >= 4 ? 0 + 1 + 2 + 3 + 4 : -1), "rounds per thread");

  // matmul 32x32
  const int k = 32;
  float *ha = new float[k * k], *hb = new float[k * k], *hc = new float[k * k];
  for (int i = 0; i < k * k; ++i) { ha[i] = (float)(i % 5); hb[i] = (float)(i % 3) - 1; }
  float *da, *db, *dc;
  cudaMalloc(&da, k * k * sizeof(float));
  cudaMalloc(&db, k * k * sizeof(float));
  cudaMalloc(&dc, k * k * sizeof(float));
  cudaMemcpy(da, ha, k * k * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(db, hb, k * k * sizeof(float), cudaMemcpyHostToDevice);
  matmul<<<dim3(k / TILE, k / TILE), dim3(TILE, TILE)>>>(da, db, dc, k);
  cudaMemcpy(hc, dc, k * k * sizeof(float), cudaMemcpyDeviceToHost);
  bool mm = true;
  for (int r = 0; r < k; ++r)
    for (int c = 0; c < k; ++c) {
      float s = 0;
      for (int x = 0; x < k; ++x) s += ha[r * k + x] * hb[x * k + c];
      mm = mm && s == hc[r * k + c];
    }
  expect(mm, "matmul");

  // march: 64 columns, 9 rows
  const int cols = 64, rows = 9;
  int hm[cols * rows], hmo[cols * rows];
  for (int i = 0; i < cols * rows; ++i) hm[i] = i * 3 + 1;
  int *dm, *dmo;
  cudaMalloc(&dm, sizeof hm);
  cudaMalloc(&dmo, sizeof hmo);
  cudaMemcpy(dm, hm, sizeof hm, cudaMemcpyHostToDevice);
  march<<<1, cols>>>(dm, dmo, rows, cols);
  cudaMemcpy(hmo, dmo, sizeof hmo, cudaMemcpyDeviceToHost);
  bool marched = true;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      marched = marched && hmo[r * cols + c] == hm[r * cols + (c + 1) % cols] + r;
  expect(marched, "march");

  cudaError_t e = cudaDeviceSynchronize();
  expect(e == cudaSuccess && cudaGetLastError() == cudaSuccess, cudaGetErrorString(e));
  printf(failures ? "FAIL (%d)\n" : "PASS\n", failures);
  return failures ? 1 : 0;
}
