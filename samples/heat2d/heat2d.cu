// Explicit 2D heat equation (5-point Jacobi stencil) iterated many times.
//
//   u'(i,j) = u + alpha * (u(i-1,j) + u(i+1,j) + u(i,j-1) + u(i,j+1) - 4u)
//
// on an nx x ny plate with fixed (Dirichlet) boundary values: the top edge is
// held at 100 degrees, the others at 0, and a hot square sits in the middle at
// the start. Two device buffers are swapped after every step (ping-pong).
// Each 16x16 block stages its cells plus a one-cell halo in shared memory.
// The same iteration is done on the CPU and the final fields are compared;
// the total heat is printed as a sanity value.
//
// CUDA features: 2D dim3 grid/blocks, __shared__ tile with halo, __syncthreads
// before an early return, ping-pong device buffers with std::swap, many
// kernel launches in a loop, cudaEvent timing, cudaDeviceSynchronize.
//
// Usage: heat2d [n] [steps]   (default 256 x 256 grid, 50 steps)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>
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

#define BX 16
#define BY 16

__global__ void heatStep(const float *__restrict__ u, float *__restrict__ un,
                         int nx, int ny, float alpha) {
  __shared__ float s[BY + 2][BX + 2];
  int i = blockIdx.x * BX + threadIdx.x;  // column
  int j = blockIdx.y * BY + threadIdx.y;  // row
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = i < nx && j < ny;

  if (inside) {
    s[ty][tx] = u[j * nx + i];
    if (threadIdx.x == 0 && i > 0) s[ty][0] = u[j * nx + i - 1];
    if (threadIdx.x == BX - 1 && i < nx - 1) s[ty][BX + 1] = u[j * nx + i + 1];
    if (threadIdx.y == 0 && j > 0) s[0][tx] = u[(j - 1) * nx + i];
    if (threadIdx.y == BY - 1 && j < ny - 1) s[BY + 1][tx] = u[(j + 1) * nx + i];
  }
  __syncthreads();
  if (!inside) return;

  float c = s[ty][tx];
  if (i == 0 || j == 0 || i == nx - 1 || j == ny - 1) {
    un[j * nx + i] = c;  // boundary values stay fixed
  } else {
    float lap = s[ty][tx - 1] + s[ty][tx + 1] + s[ty - 1][tx] + s[ty + 1][tx] - 4.0f * c;
    un[j * nx + i] = c + alpha * lap;
  }
}

static void heatStepCpu(const std::vector<float> &u, std::vector<float> &un,
                        int nx, int ny, float alpha) {
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      float c = u[j * nx + i];
      if (i == 0 || j == 0 || i == nx - 1 || j == ny - 1) {
        un[j * nx + i] = c;
      } else {
        float lap = u[j * nx + i - 1] + u[j * nx + i + 1] + u[(j - 1) * nx + i] +
                    u[(j + 1) * nx + i] - 4.0f * c;
        un[j * nx + i] = c + alpha * lap;
      }
    }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 256;
  int steps = argc > 2 ? atoi(argv[2]) : 50;
  if (n < 3 || steps < 0) {
    fprintf(stderr, "usage: %s [n >= 3] [steps >= 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  const int nx = n, ny = n;
  const float alpha = 0.2f;  // stable for alpha <= 0.25
  size_t cells = static_cast<size_t>(nx) * ny;
  size_t bytes = cells * sizeof(float);

  std::vector<float> h(cells, 0.0f);
  for (int i = 0; i < nx; ++i) h[i] = 100.0f;  // hot top edge (row 0)
  for (int j = ny / 2 - ny / 8; j < ny / 2 + ny / 8; ++j)
    for (int i = nx / 2 - nx / 8; i < nx / 2 + nx / 8; ++i) h[j * nx + i] = 50.0f;

  float *d_u, *d_un;
  CHECK(cudaMalloc(&d_u, bytes));
  CHECK(cudaMalloc(&d_un, bytes));
  CHECK(cudaMemcpy(d_u, h.data(), bytes, cudaMemcpyHostToDevice));

  dim3 block(BX, BY);
  dim3 grid((nx + BX - 1) / BX, (ny + BY - 1) / BY);
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaEventRecord(start));
  for (int s = 0; s < steps; ++s) {
    heatStep<<<grid, block>>>(d_u, d_un, nx, ny, alpha);
    CHECK(cudaGetLastError());
    std::swap(d_u, d_un);  // d_u now holds the newest field
  }
  CHECK(cudaEventRecord(stop));
  CHECK(cudaDeviceSynchronize());
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));

  std::vector<float> gpu(cells);
  CHECK(cudaMemcpy(gpu.data(), d_u, bytes, cudaMemcpyDeviceToHost));

  std::vector<float> ref = h, tmp(cells);
  for (int s = 0; s < steps; ++s) {
    heatStepCpu(ref, tmp, nx, ny, alpha);
    ref.swap(tmp);
  }

  int errors = 0;
  double heat = 0.0, maxDiff = 0.0;
  for (size_t k = 0; k < cells; ++k) {
    double diff = std::fabs(static_cast<double>(gpu[k]) - ref[k]);
    maxDiff = std::max(maxDiff, diff);
    if (diff > 2e-3 + 2e-4 * std::fabs(ref[k])) {
      if (errors < 5)
        fprintf(stderr, "mismatch at (%zu,%zu): got %f, expected %f\n", k / nx,
                k % nx, gpu[k], ref[k]);
      ++errors;
    }
    heat += gpu[k];
  }

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(d_u));
  CHECK(cudaFree(d_un));

  printf("heat2d: %dx%d, %d steps, %.3f ms (%.1f Mcell-updates/s), total heat %.2f, "
         "max diff %.2e, %d errors\n", nx, ny, steps, ms,
         ms > 0.0f ? cells * steps / (ms * 1e3) : 0.0, heat, maxDiff, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
