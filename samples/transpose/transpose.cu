// Matrix transpose through a padded shared-memory tile.
//
// Each 32x8 thread block moves a 32x32 tile: it reads rows of the input with
// coalesced loads into shared memory, then writes rows of the output (columns
// of the tile) with coalesced stores. The tile is declared [TILE_DIM][TILE_DIM+1]
// so that reading a tile column does not hit the same shared-memory bank 32
// times. Every thread handles TILE_DIM/BLOCK_ROWS elements. A naive transpose
// and a plain copy kernel (the bandwidth roofline) are timed for comparison.
// The matrix is rectangular with sizes that are not multiples of the tile.
//
// CUDA features: 2D dim3 grid/blocks, padded __shared__ tile, __syncthreads,
// bounds checks on partial tiles, cudaEvent timing, cudaMemset.
//
// Usage: transpose [rows]   (default 1024 rows x 1041 columns)
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

#define TILE_DIM 32
#define BLOCK_ROWS 8

// in: rows x cols (row-major), out: cols x rows
__global__ void transposeShared(const float *__restrict__ in,
                                float *__restrict__ out, int rows, int cols) {
  __shared__ float tile[TILE_DIM][TILE_DIM + 1];

  int x = blockIdx.x * TILE_DIM + threadIdx.x;  // column in `in`
  int y = blockIdx.y * TILE_DIM + threadIdx.y;  // row in `in`
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < cols && y + j < rows)
      tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * cols + x];

  __syncthreads();

  x = blockIdx.y * TILE_DIM + threadIdx.x;  // column in `out`
  y = blockIdx.x * TILE_DIM + threadIdx.y;  // row in `out`
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < rows && y + j < cols)
      out[(y + j) * rows + x] = tile[threadIdx.x][threadIdx.y + j];
}

__global__ void transposeNaive(const float *in, float *out, int rows, int cols) {
  int x = blockIdx.x * TILE_DIM + threadIdx.x;
  int y = blockIdx.y * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < cols && y + j < rows) out[x * rows + (y + j)] = in[(y + j) * cols + x];
}

__global__ void copyMatrix(const float *in, float *out, int rows, int cols) {
  int x = blockIdx.x * TILE_DIM + threadIdx.x;
  int y = blockIdx.y * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < cols && y + j < rows) out[(y + j) * cols + x] = in[(y + j) * cols + x];
}

int main(int argc, char **argv) {
  int rows = argc > 1 ? atoi(argv[1]) : 1024;
  if (rows <= 0) {
    fprintf(stderr, "usage: %s [rows > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  int cols = rows + 17;
  size_t count = static_cast<size_t>(rows) * cols;
  size_t bytes = count * sizeof(float);

  std::vector<float> h_in(count), h_out(count);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      h_in[static_cast<size_t>(r) * cols + c] = static_cast<float>(r * 4096 + c);

  float *d_in, *d_out;
  CHECK(cudaMalloc(&d_in, bytes));
  CHECK(cudaMalloc(&d_out, bytes));
  CHECK(cudaMemcpy(d_in, h_in.data(), bytes, cudaMemcpyHostToDevice));

  dim3 block(TILE_DIM, BLOCK_ROWS);
  dim3 grid((cols + TILE_DIM - 1) / TILE_DIM, (rows + TILE_DIM - 1) / TILE_DIM);
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  int errors = 0;
  float ms[3] = {0.0f, 0.0f, 0.0f};
  const char *names[3] = {"copy", "naive", "shared"};
  for (int k = 0; k < 3; ++k) {
    CHECK(cudaMemset(d_out, 0, bytes));
    CHECK(cudaEventRecord(start));
    if (k == 0)
      copyMatrix<<<grid, block>>>(d_in, d_out, rows, cols);
    else if (k == 1)
      transposeNaive<<<grid, block>>>(d_in, d_out, rows, cols);
    else
      transposeShared<<<grid, block>>>(d_in, d_out, rows, cols);
    CHECK(cudaGetLastError());
    CHECK(cudaEventRecord(stop));
    CHECK(cudaEventSynchronize(stop));
    CHECK(cudaEventElapsedTime(&ms[k], start, stop));
    CHECK(cudaMemcpy(h_out.data(), d_out, bytes, cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        float expected = h_in[static_cast<size_t>(r) * cols + c];
        float got = (k == 0) ? h_out[static_cast<size_t>(r) * cols + c]
                             : h_out[static_cast<size_t>(c) * rows + r];
        if (got != expected) {
          if (bad < 5)
            fprintf(stderr, "%s: mismatch at (%d,%d): got %f, expected %f\n",
                    names[k], r, c, got, expected);
          ++bad;
        }
      }
    double gbps = ms[k] > 0.0f ? 2.0 * bytes / (ms[k] * 1e6) : 0.0;
    printf("  %-6s %8.3f ms  %8.2f GB/s  %d errors\n", names[k], ms[k], gbps, bad);
    errors += bad;
  }

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_out));

  printf("transpose: %d x %d, %d errors\n", rows, cols, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
