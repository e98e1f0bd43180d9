// Guards checked a row at a time, end to end (tests/translator/kernel/guards.cu shows the form):
// rows whose lanes all pass run without the guard, rows where some fail run it as written, and
// the result must be CUDA's either way -- sizes that end inside a block, conditions true in no
// particular pattern along a row, 2D guards, early returns, grid-stride and block-stride loops.
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

__global__ void saxpy(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

// True for some lanes of every row: every row takes the guarded loop.
__global__ void everyThird(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i % 3 != 0 && i < n)
    out[i] += i;
}

// A 2D guard as an early return, a load among the declarations.
__global__ void scale2d(float *m, const float *factor, int rows, int cols) {
  int row = blockIdx.y * blockDim.y + threadIdx.y, col = blockIdx.x * blockDim.x + threadIdx.x;
  const float f = factor[0];
  if (row >= rows || col >= cols)
    return;
  float v = m[row * cols + col];
  m[row * cols + col] = v * f + static_cast<float>(col);
}

// A grid-stride loop then a shuffle-free block reduction through shared memory.
__global__ void blockSums(const float *in, float *out, int n) {
  __shared__ float partial[128];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s)
      partial[threadIdx.x] += partial[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    out[blockIdx.x] = partial[0];
}

// Compared as unsigned, a negative i fails `i < n` while the lanes after it pass: the first row
// must be checked at every lane, not at its last.
__global__ void sumFrom(const int *in, int *out, unsigned n, int start) {
  __shared__ int partial[64];
  int sum = 0;
  for (int i = start + threadIdx.x; i < n; i += blockDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  if (threadIdx.x == 0) {
    int total = 0;
    for (int t = 0; t < 64; ++t)
      total += partial[t];
    *out = total;
  }
}

int main() {
  int failures = 0;
  auto expect = [&](bool ok, const char *what, int at) {
    if (!ok && failures++ < 10)
      std::printf("FAIL %s at %d\n", what, at);
  };

  const int n = 1000; // ends inside the fourth block of 256
  std::vector<float> x(n), y(n + 24, -1.0f);
  for (int i = 0; i < n; ++i) {
    x[i] = static_cast<float>(i);
    y[i] = 1.0f;
  }
  float *dx, *dy;
  CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CHECK(cudaMalloc(&dy, (n + 24) * sizeof(float)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), (n + 24) * sizeof(float), cudaMemcpyHostToDevice));
  saxpy<<<(n + 255) / 256, 256>>>(2.0f, dx, dy, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(y.data(), dy, (n + 24) * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n + 24; ++i)
    expect(y[i] == (i < n ? 2.0f * i + 1.0f : -1.0f), "saxpy", i);

  std::vector<int> counts(n + 24, 7);
  int *dc;
  CHECK(cudaMalloc(&dc, (n + 24) * sizeof(int)));
  CHECK(cudaMemcpy(dc, counts.data(), (n + 24) * sizeof(int), cudaMemcpyHostToDevice));
  everyThird<<<(n + 63) / 64, 64>>>(dc, n);
  CHECK(cudaMemcpy(counts.data(), dc, (n + 24) * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n + 24; ++i)
    expect(counts[i] == (i % 3 != 0 && i < n ? 7 + i : 7), "everyThird", i);

  const int rows = 37, cols = 70;
  std::vector<float> m(rows * cols), factor{3.0f};
  for (int i = 0; i < rows * cols; ++i)
    m[i] = static_cast<float>(i % 11);
  float *dm, *df;
  CHECK(cudaMalloc(&dm, rows * cols * sizeof(float)));
  CHECK(cudaMalloc(&df, sizeof(float)));
  CHECK(cudaMemcpy(dm, m.data(), rows * cols * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(df, factor.data(), sizeof(float), cudaMemcpyHostToDevice));
  scale2d<<<dim3((cols + 31) / 32, (rows + 7) / 8), dim3(32, 8)>>>(dm, df, rows, cols);
  CHECK(cudaMemcpy(m.data(), dm, rows * cols * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < rows * cols; ++i)
    expect(m[i] == static_cast<float>(i % 11) * 3.0f + static_cast<float>(i % cols), "scale2d",
           i);

  const int total = 5000, blocks = 8, threads = 128;
  std::vector<float> in(total), sums(blocks);
  for (int i = 0; i < total; ++i)
    in[i] = static_cast<float>(i % 5);
  float *din, *dsums;
  CHECK(cudaMalloc(&din, total * sizeof(float)));
  CHECK(cudaMalloc(&dsums, blocks * sizeof(float)));
  CHECK(cudaMemcpy(din, in.data(), total * sizeof(float), cudaMemcpyHostToDevice));
  blockSums<<<blocks, threads>>>(din, dsums, total);
  CHECK(cudaMemcpy(sums.data(), dsums, blocks * sizeof(float), cudaMemcpyDeviceToHost));
  for (int b = 0; b < blocks; ++b) {
    float want = 0.0f;
    for (int i = b * threads; i < total; i += blocks * threads)
      for (int t = 0; t < threads && i + t < total; ++t)
        want += in[i + t];
    expect(sums[b] == want, "blockSums", b);
  }

  std::vector<int> values(300);
  for (int i = 0; i < 300; ++i)
    values[i] = i + 1;
  int *dvalues, *dtotal, fromTotal = 0;
  CHECK(cudaMalloc(&dvalues, 300 * sizeof(int)));
  CHECK(cudaMalloc(&dtotal, sizeof(int)));
  CHECK(cudaMemcpy(dvalues, values.data(), 300 * sizeof(int), cudaMemcpyHostToDevice));
  // From -3: threads 0-2 start negative and fail at once (unsigned comparison), so the elements
  // they would reach later (61-63, 125-127, ...) are left out; threads 3-63 sum the rest.
  sumFrom<<<1, 64>>>(dvalues, dtotal, 300u, -3);
  CHECK(cudaMemcpy(&fromTotal, dtotal, sizeof(int), cudaMemcpyDeviceToHost));
  int wantFrom = 0;
  for (int t = 3; t < 64; ++t)
    for (int i = t - 3; i < 300; i += 64)
      wantFrom += values[i];
  expect(fromTotal == wantFrom, "sumFrom", fromTotal);
  CHECK(cudaFree(dvalues));
  CHECK(cudaFree(dtotal));

  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  CHECK(cudaFree(dc));
  CHECK(cudaFree(dm));
  CHECK(cudaFree(df));
  CHECK(cudaFree(din));
  CHECK(cudaFree(dsums));
  std::printf(failures ? "FAIL\n" : "PASS\n");
  return failures ? 1 : 0;
}
