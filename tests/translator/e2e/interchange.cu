// Loop interchange end to end: kernels in which each thread walks a strided column run with the
// loop outside and the block's threads inside (tests/translator/kernel/interchange.cu shows the
// form); they must compute what CUDA computes, guards, early exits and 2D blocks included.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t e = (call);                                                                        \
    if (e != cudaSuccess) {                                                                        \
      std::printf("FAIL %s: %s\n", #call, cudaGetErrorString(e));                                  \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

// A column-major matrix-vector product, one thread per row, a one-statement loop body.
__global__ void matvecCol(const float *A, const float *x, float *y, int n) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < n) {
    float sum = 0.0f;
    for (int j = 0; j < n; ++j)
      sum += A[j * n + row] * x[j];
    y[row] = sum;
  }
}

// Naive GEMM on 2D blocks: the guard tests two coordinates.
__global__ void gemmNaive(const float *A, const float *B, float *C, int m, int n, int k) {
  int row = blockIdx.y * blockDim.y + threadIdx.y;
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < m && col < n) {
    float sum = 0.0f;
    for (int p = 0; p < k; p++) {
      sum += A[row * k + p] * B[p * n + col];
    }
    C[row * n + col] = sum;
  }
}

// atax's second kernel: an accumulation in global memory at every step, the guard as an early
// return, and a thread that leaves in the middle of the loop (a negative entry stops its column).
__global__ void columnSums(const float *A, float *y, int rows, int cols) {
  int j = blockIdx.x * blockDim.x + threadIdx.x;
  if (j >= cols)
    return;
  y[j] = 0.0f;
  for (int i = 0; i < rows; i++) {
    if (A[i * cols + j] < 0.0f)
      return;
    y[j] += A[i * cols + j];
  }
  y[j] *= 2.0f;
}

// Nested loops both walking columns (a 3D array read along its two outer axes), a loop-carried
// local, and a two-dimensional array parameter indexed a[i][t].
__global__ void planes(const float (*a)[64], float *out, int depth, int height) {
  int t = threadIdx.x;
  float best = -1e30f;
  int where = -1;
  for (int d = 0; d < depth; ++d) {
    for (int h = 0; h < height; ++h) {
      float v = a[d * height + h][t];
      if (v > best) {
        best = v;
        where = d * height + h;
      }
    }
  }
  out[t] = best + where;
}

// A loop body with `continue`: not interchanged (the form has no per-thread continue), the fast
// path computes it.
__global__ void skipEven(const float *A, float *y, int n) {
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  if (col < n) {
    float s = 0.0f;
    for (int i = 0; i < n; ++i) {
      if (i % 2 == 0)
        continue;
      s += A[i * n + col];
    }
    y[col] = s;
  }
}

// Thread-strided loops: a grid-stride reduction into a block tree (its offset a local), a
// block-stride staging loop before a barrier, a `<=` bound, and an offset changed later (not
// interchanged: the fast path's fibers keep its semantics).
__global__ void gridSum(const float *in, float *out, int n) {
  __shared__ float part[128];
  unsigned int tid = threadIdx.x;
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + tid; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  part[tid] = sum;
  __syncthreads();
  for (unsigned int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (tid < s)
      part[tid] += part[tid + s];
    __syncthreads();
  }
  if (tid == 0)
    out[blockIdx.x] = part[0];
}

__global__ void stageReverse(const int *in, int *out, int last) {
  __shared__ int buf[1000];
  for (int i = threadIdx.x; i <= last; i += blockDim.x)
    buf[i] = in[i] * 3;
  __syncthreads();
  for (int i = threadIdx.x; i <= last; i += blockDim.x) {
    int v = buf[last - i];
    out[i] = v + 1;
  }
}

// A shared-memory histogram (barriers, atomics: not replayable) launched only with one-row blocks:
// its grid-stride loop is interchanged (block_regions_without_duplicates), every thread's atomics
// still count once.
__global__ void histogramRows(const int *data, unsigned *hist, int n) {
  __shared__ unsigned local[40];
  for (int b = threadIdx.x; b < 40; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < 40; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
}

// A continue in a grid-stride loop ends that thread's iteration only.
__global__ void oddOnly(const int *in, int *out, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    if (in[i] % 2 == 0)
      continue;
    out[i] = in[i] * 10;
  }
}

__global__ void movedOffset(int *out, int n) {
  int t = threadIdx.x;
  for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) {
    out[i] = t;
    t = 0;
  }
}

// PolyBench's atax kernel 2 as PolyBench-ACC launches it, on 32x8 blocks whose body ignores
// threadIdx.y: the eight duplicates of a column accumulate into the same y[j]. A GPU's duplicates
// store one value; here each slice of duplicates runs the whole body before the next. The second
// form also counts its threads with an atomic (not replayable: every duplicate runs).
__global__ void ataxColumns(const float *A, const float *tmp, float *y, int nx, int ny) {
  int j = blockIdx.x * blockDim.x + threadIdx.x;
  if (j < ny) {
    y[j] = 0;
    for (int i = 0; i < nx; i++)
      y[j] += A[i * ny + j] * tmp[i];
  }
}

__global__ void ataxCounted(const float *A, const float *tmp, float *y, int nx, int ny,
                            unsigned *threads) {
  int j = blockIdx.x * blockDim.x + threadIdx.x;
  atomicAdd(threads, 1u);
  if (j < ny) {
    y[j] = 0;
    for (int i = 0; i < nx; i++)
      y[j] += A[i * ny + j] * tmp[i];
  }
}

// The same with a barrier (duplicates share the regions) and an atomic (not replayable: every
// duplicate runs): the loop is not interchanged, each duplicate runs it whole in turn.
__global__ void ataxBarrier(const float *A, const float *tmp, float *y, int nx, int ny,
                            unsigned *threads) {
  __shared__ unsigned seen[32];
  int j = blockIdx.x * blockDim.x + threadIdx.x;
  seen[threadIdx.x] = 1u;
  __syncthreads();
  atomicAdd(threads, seen[threadIdx.x]);
  if (j < ny) {
    y[j] = 0;
    for (int i = 0; i < nx; i++)
      y[j] += A[i * ny + j] * tmp[i];
  }
}

static float value(int i, int j) { return float((i * 7 + j * 3) % 11) - 2.0f; }

static bool near(float a, float b) { return std::fabs(a - b) <= 1e-3f * (1.0f + std::fabs(b)); }

template <class T> static T *upload(const std::vector<T> &h) {
  T *d = nullptr;
  CHECK(cudaMalloc(&d, h.size() * sizeof(T)));
  CHECK(cudaMemcpy(d, h.data(), h.size() * sizeof(T), cudaMemcpyHostToDevice));
  return d;
}

template <class T> static std::vector<T> download(const T *d, size_t n) {
  std::vector<T> h(n);
  CHECK(cudaMemcpy(h.data(), d, n * sizeof(T), cudaMemcpyDeviceToHost));
  return h;
}

int main() {
  int failures = 0;
  auto expect = [&](bool ok, const char *what, int at) {
    if (!ok && failures++ < 10)
      std::printf("FAIL %s at %d\n", what, at);
  };

  { // matvec: n not a multiple of the block, so the last block has idle threads
    const int n = 300;
    std::vector<float> a(n * n), x(n);
    for (int j = 0; j < n; ++j) {
      x[j] = value(j, 1) * 0.5f;
      for (int r = 0; r < n; ++r)
        a[j * n + r] = value(r, j);
    }
    float *dA = upload(a), *dX = upload(x), *dY = nullptr;
    CHECK(cudaMalloc(&dY, n * sizeof(float)));
    matvecCol<<<(n + 127) / 128, 128>>>(dA, dX, dY, n);
    CHECK(cudaGetLastError());
    std::vector<float> y = download(dY, n);
    for (int r = 0; r < n; ++r) {
      float s = 0.0f;
      for (int j = 0; j < n; ++j)
        s += a[j * n + r] * x[j];
      expect(near(y[r], s), "matvecCol", r);
    }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dX));
    CHECK(cudaFree(dY));
  }

  { // gemm: 16x16 blocks over a 37x45 result
    const int m = 37, n = 45, k = 29;
    std::vector<float> a(m * k), b(k * n);
    for (int i = 0; i < m * k; ++i)
      a[i] = value(i, 2) * 0.25f;
    for (int i = 0; i < k * n; ++i)
      b[i] = value(3, i) * 0.5f;
    float *dA = upload(a), *dB = upload(b), *dC = nullptr;
    CHECK(cudaMalloc(&dC, m * n * sizeof(float)));
    dim3 block(16, 16), grid((n + 15) / 16, (m + 15) / 16);
    gemmNaive<<<grid, block>>>(dA, dB, dC, m, n, k);
    CHECK(cudaGetLastError());
    std::vector<float> c = download(dC, m * n);
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j) {
        float s = 0.0f;
        for (int p = 0; p < k; ++p)
          s += a[i * k + p] * b[p * n + j];
        expect(near(c[i * n + j], s), "gemmNaive", i * n + j);
      }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dB));
    CHECK(cudaFree(dC));
  }

  { // column sums with early exits: entries are negative here and there
    const int rows = 50, cols = 70;
    std::vector<float> a(rows * cols);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j)
        a[i * cols + j] = (j % 9 == 4 && i == j % 13) ? -1.0f : value(i, j) + 3.0f;
    float *dA = upload(a), *dY = nullptr;
    CHECK(cudaMalloc(&dY, cols * sizeof(float)));
    columnSums<<<(cols + 31) / 32, 32>>>(dA, dY, rows, cols);
    CHECK(cudaGetLastError());
    std::vector<float> y = download(dY, cols);
    for (int j = 0; j < cols; ++j) {
      float s = 0.0f;
      bool left = false;
      for (int i = 0; i < rows && !left; ++i) {
        if (a[i * cols + j] < 0.0f)
          left = true;
        else
          s += a[i * cols + j];
      }
      expect(near(y[j], left ? s : 2.0f * s), "columnSums", j);
    }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dY));
  }

  { // planes: one block of 64 threads
    const int depth = 5, height = 7;
    std::vector<float> a(depth * height * 64);
    for (int r = 0; r < depth * height; ++r)
      for (int t = 0; t < 64; ++t)
        a[r * 64 + t] = value(r, t) + 0.01f * r;
    float *dA = upload(a), *dOut = nullptr;
    CHECK(cudaMalloc(&dOut, 64 * sizeof(float)));
    planes<<<1, 64>>>(reinterpret_cast<const float(*)[64]>(dA), dOut, depth, height);
    CHECK(cudaGetLastError());
    std::vector<float> out = download(dOut, 64);
    for (int t = 0; t < 64; ++t) {
      float best = -1e30f;
      int where = -1;
      for (int r = 0; r < depth * height; ++r)
        if (a[r * 64 + t] > best) {
          best = a[r * 64 + t];
          where = r;
        }
      expect(near(out[t], best + where), "planes", t);
    }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dOut));
  }

  { // continue: the fast path
    const int n = 40;
    std::vector<float> a(n * n);
    for (int i = 0; i < n * n; ++i)
      a[i] = value(i, 5);
    float *dA = upload(a), *dY = nullptr;
    CHECK(cudaMalloc(&dY, n * sizeof(float)));
    skipEven<<<2, 32>>>(dA, dY, n);
    CHECK(cudaGetLastError());
    std::vector<float> y = download(dY, n);
    for (int c = 0; c < n; ++c) {
      float s = 0.0f;
      for (int i = 1; i < n; i += 2)
        s += a[i * n + c];
      expect(near(y[c], s), "skipEven", c);
    }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dY));
  }

  { // grid-stride sum: 7 blocks of 128 threads over 5000 elements
    const int n = 5000, blocks = 7;
    std::vector<float> in(n);
    for (int i = 0; i < n; ++i)
      in[i] = value(i, 4);
    float *dIn = upload(in), *dOut = nullptr;
    CHECK(cudaMalloc(&dOut, blocks * sizeof(float)));
    gridSum<<<blocks, 128>>>(dIn, dOut, n);
    CHECK(cudaGetLastError());
    std::vector<float> out = download(dOut, blocks);
    for (int b = 0; b < blocks; ++b) {
      float s = 0.0f;
      for (int i = b * 128; i < n; i += blocks * 128)
        for (int t = 0; t < 128 && i + t < n; ++t)
          s += in[i + t];
      expect(near(out[b], s), "gridSum", b);
    }
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dOut));
  }

  { // histogram: 5 blocks of 32 threads (fewer than the 40 bins) over 7001 values
    const int n = 7001;
    std::vector<int> data(n);
    std::vector<unsigned> expected(40, 0u);
    for (int i = 0; i < n; ++i)
      ++expected[data[i] = (i * 17 + i / 7) % 40];
    int *dData = upload(data);
    unsigned *dHist = upload(std::vector<unsigned>(40, 0u));
    histogramRows<<<5, 32>>>(dData, dHist, n);
    CHECK(cudaGetLastError());
    std::vector<unsigned> hist = download(dHist, 40);
    for (int b = 0; b < 40; ++b)
      expect(hist[b] == expected[b], "histogramRows", b);
    CHECK(cudaFree(dData));
    CHECK(cudaFree(dHist));
  }

  { // block-stride staging with a <= bound
    const int last = 999;
    std::vector<int> in(last + 1);
    for (int i = 0; i <= last; ++i)
      in[i] = i * 5 - 7;
    int *dIn = upload(in), *dOut = nullptr;
    CHECK(cudaMalloc(&dOut, (last + 1) * sizeof(int)));
    stageReverse<<<1, 96>>>(dIn, dOut, last);
    CHECK(cudaGetLastError());
    std::vector<int> out = download(dOut, last + 1);
    for (int i = 0; i <= last; ++i)
      expect(out[i] == in[last - i] * 3 + 1, "stageReverse", i);
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dOut));
  }

  { // duplicates accumulating into one element
    const int nx = 45, ny = 70;
    std::vector<float> a(nx * ny), tmp(nx);
    for (int i = 0; i < nx; ++i) {
      tmp[i] = value(i, 6) * 0.5f;
      for (int j = 0; j < ny; ++j)
        a[i * ny + j] = value(i, j);
    }
    float *dA = upload(a), *dTmp = upload(tmp), *dY = nullptr;
    unsigned *dThreads = upload(std::vector<unsigned>{0u});
    CHECK(cudaMalloc(&dY, ny * sizeof(float)));
    dim3 block(32, 8), grid((ny + 31) / 32);
    for (int form = 0; form < 3; ++form) {
      if (form == 0)
        ataxColumns<<<grid, block>>>(dA, dTmp, dY, nx, ny);
      else if (form == 1)
        ataxCounted<<<grid, block>>>(dA, dTmp, dY, nx, ny, dThreads);
      else
        ataxBarrier<<<grid, block>>>(dA, dTmp, dY, nx, ny, dThreads);
      CHECK(cudaGetLastError());
      std::vector<float> y = download(dY, ny);
      for (int j = 0; j < ny; ++j) {
        float s = 0.0f;
        for (int i = 0; i < nx; ++i)
          s += a[i * ny + j] * tmp[i];
        expect(near(y[j], s), form == 0 ? "ataxColumns" : form == 1 ? "ataxCounted" : "ataxBarrier",
               j);
      }
    }
    expect(download(dThreads, 1)[0] == 2 * grid.x * 256u, "atax threads", 0);
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dTmp));
    CHECK(cudaFree(dY));
    CHECK(cudaFree(dThreads));
  }

  { // continue: even entries keep their old value
    const int n = 777;
    std::vector<int> in(n), before(n, -1);
    for (int i = 0; i < n; ++i)
      in[i] = (i * 13) % 17;
    int *dIn = upload(in), *dOut = upload(before);
    oddOnly<<<2, 64>>>(dIn, dOut, n);
    CHECK(cudaGetLastError());
    std::vector<int> out = download(dOut, n);
    for (int i = 0; i < n; ++i)
      expect(out[i] == (in[i] % 2 ? in[i] * 10 : -1), "oddOnly", i);
    CHECK(cudaFree(dIn));
    CHECK(cudaFree(dOut));
  }

  { // an offset the loop changes: thread t writes t at its first element, 0 after
    const int n = 1000;
    int *dOut = nullptr;
    CHECK(cudaMalloc(&dOut, n * sizeof(int)));
    movedOffset<<<3, 64>>>(dOut, n);
    CHECK(cudaGetLastError());
    std::vector<int> out = download(dOut, n);
    for (int i = 0; i < n; ++i)
      expect(out[i] == (i < 192 ? i % 64 : 0), "movedOffset", i);
    CHECK(cudaFree(dOut));
  }

  CHECK(cudaDeviceSynchronize());
  std::printf(failures ? "FAIL (%d mismatches)\n" : "PASS\n", failures);
  return failures ? 1 : 0;
}
