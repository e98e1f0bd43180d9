// Block fusion (tests/translator/kernel/block_fusion.cu shows which kernels take it): kernels
// whose bodies read the x coordinates only as the global x index run blocks adjacent in x as one
// row on the cpu backend. Grids of odd widths and heights, 2D blocks, grid-stride loops (one
// spelled by a macro), an index in 64 bits, a column walk with a per-thread sum and exiting
// threads, kernels that fuse launched beside kernels that must not (per-block atomics,
// threadIdx.x alone, shared memory): each result is checked against the host.
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

// Fuses: 2D, both coordinates as global indices.
__global__ void addIndex2d(int *m, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < width && y < height)
    m[y * width + x] += y * 1000 + x;
}

// Fuses: a grid-stride loop.
__global__ void axpyStride(float a, const float *x, float *y, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

// Fuses: a column walk (loop interchange), threads past n return before the walk.
__global__ void columnSums(const int *a, int *sums, int rows, int cols) {
  int col = threadIdx.x + blockDim.x * blockIdx.x;
  if (col >= cols)
    return;
  int s = 0;
  for (int r = 0; r < rows; ++r)
    s += a[r * cols + col] * (r % 3 + 1);
  sums[col] = s;
}

// Fuses: the index in 64 bits, and a grid-stride loop spelled by a macro.
#define CUDA_KERNEL_LOOP(i, n)                                                                     \
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < (n); i += blockDim.x * gridDim.x)
__global__ void squareWide(const float *x, float *y, size_t n) {
  size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = x[i] * x[i];
}
__global__ void negateLoop(float *y, int n) {
  CUDA_KERNEL_LOOP(i, n) { y[i] = -y[i]; }
}

// Does not fuse: per-block counts.
__global__ void countPerBlock(int *counts, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    atomicAdd(&counts[blockIdx.x], 1);
}

// Does not fuse: the lane's own threadIdx.x.
__global__ void laneOf(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = threadIdx.x;
}

// Does not fuse: shared memory, each block's own.
__global__ void sharedSlot(int *out, int n) {
  __shared__ int slot[64];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    slot[i % 64] = i;
    out[i] = slot[i % 64] * 2;
  }
}

static int failures = 0;
static void expect(const char *what, int i, long long got, long long want) {
  if (got != want && failures++ < 10)
    std::printf("FAIL %s[%d]: %lld, expected %lld\n", what, i, got, want);
}
template <class T> static T *deviceCopy(const std::vector<T> &v) {
  T *d = nullptr;
  CHECK(cudaMalloc(&d, v.size() * sizeof(T)));
  CHECK(cudaMemcpy(d, v.data(), v.size() * sizeof(T), cudaMemcpyHostToDevice));
  return d;
}
template <class T> static std::vector<T> hostCopy(const T *d, size_t n) {
  std::vector<T> v(n);
  CHECK(cudaMemcpy(v.data(), d, n * sizeof(T), cudaMemcpyDeviceToHost));
  return v;
}

int main() {
  for (const int width : {1, 45, 300, 1023}) { // 16x4 and 8x8 blocks, partial in both dimensions
    const int height = 37;
    std::vector<int> m(width * height, 7);
    int *dM = deviceCopy(m);
    addIndex2d<<<dim3((width + 15) / 16, (height + 3) / 4), dim3(16, 4)>>>(dM, width, height);
    addIndex2d<<<dim3((width + 7) / 8, (height + 7) / 8), dim3(8, 8)>>>(dM, width, height);
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dM, m.size());
    for (int i = 0; i < width * height; ++i)
      expect("addIndex2d", i, got[i], 7 + 2 * ((i / width) * 1000 + i % width));
    CHECK(cudaFree(dM));
  }
  {
    const int n = 10000;
    std::vector<float> x(n), y(n);
    for (int i = 0; i < n; ++i) {
      x[i] = static_cast<float>(i % 17);
      y[i] = static_cast<float>(i % 5);
    }
    float *dX = deviceCopy(x), *dY = deviceCopy(y);
    axpyStride<<<13, 96>>>(2.0f, dX, dY, n); // 1248 threads: some walk one more step than others
    CHECK(cudaGetLastError());
    std::vector<float> got = hostCopy(dY, n);
    for (int i = 0; i < n; ++i)
      expect("axpyStride", i, static_cast<long long>(got[i]),
             static_cast<long long>(2.0f * x[i] + y[i]));
    squareWide<<<(n + 47) / 48, 48>>>(dX, dY, n);
    negateLoop<<<7, 40>>>(dY, n);
    CHECK(cudaGetLastError());
    got = hostCopy(dY, n);
    for (int i = 0; i < n; ++i)
      expect("squareWide, negateLoop", i, static_cast<long long>(got[i]),
             static_cast<long long>(-x[i] * x[i]));
    CHECK(cudaFree(dX));
    CHECK(cudaFree(dY));
  }
  {
    const int rows = 50, cols = 777;
    std::vector<int> a(rows * cols);
    for (int i = 0; i < rows * cols; ++i)
      a[i] = (i * 13) % 29 - 14;
    int *dA = deviceCopy(a), *dSums = deviceCopy(std::vector<int>(cols + 64, -1));
    columnSums<<<(cols + 63) / 64 + 1, 64>>>(dA, dSums, rows, cols); // a block past the end too
    CHECK(cudaGetLastError());
    std::vector<int> got = hostCopy(dSums, cols + 64);
    for (int c = 0; c < cols + 64; ++c) {
      long long want = -1;
      if (c < cols) {
        want = 0;
        for (int r = 0; r < rows; ++r)
          want += a[r * cols + c] * (r % 3 + 1);
      }
      expect("columnSums", c, got[c], want);
    }
    CHECK(cudaFree(dA));
    CHECK(cudaFree(dSums));
  }
  {
    const int n = 1000, threads = 24, blocks = (n + threads - 1) / threads;
    int *dCounts = deviceCopy(std::vector<int>(blocks, 0));
    int *dLane = deviceCopy(std::vector<int>(n, -1)), *dShared = deviceCopy(std::vector<int>(n, -1));
    countPerBlock<<<blocks, threads>>>(dCounts, n);
    laneOf<<<blocks, threads>>>(dLane, n);
    sharedSlot<<<blocks, threads>>>(dShared, n);
    CHECK(cudaGetLastError());
    std::vector<int> counts = hostCopy(dCounts, blocks), lane = hostCopy(dLane, n),
                     shared = hostCopy(dShared, n);
    for (int b = 0; b < blocks; ++b)
      expect("countPerBlock", b, counts[b], b + 1 < blocks ? threads : n - b * threads);
    for (int i = 0; i < n; ++i) {
      expect("laneOf", i, lane[i], i % threads);
      expect("sharedSlot", i, shared[i], 2 * i);
    }
    CHECK(cudaFree(dCounts));
    CHECK(cudaFree(dLane));
    CHECK(cudaFree(dShared));
  }
  if (failures != 0)
    return 1;
  std::printf("PASS\n");
  return 0;
}
