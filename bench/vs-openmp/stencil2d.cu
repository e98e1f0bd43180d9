// 5-point Jacobi sweeps: each 32x8 block stages its tile and a one-cell halo in shared memory
// (edge threads load the halo), then every interior cell averages its neighbours.
#include "stencil_device.cuh"

#define BX 32
#define BY 8

__global__ void jacobi2d(const float *in, float *out, int nx, int ny) {
  __shared__ float tile[BY + 2][BX + 2];
  int x = blockIdx.x * BX + threadIdx.x;
  int y = blockIdx.y * BY + threadIdx.y;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = x < nx && y < ny;
  if (inside) {
    int i = y * nx + x;
    tile[ty][tx] = in[i];
    if (threadIdx.x == 0 && x > 0)
      tile[ty][0] = in[i - 1];
    if (threadIdx.x == BX - 1 && x < nx - 1)
      tile[ty][BX + 1] = in[i + 1];
    if (threadIdx.y == 0 && y > 0)
      tile[0][tx] = in[i - nx];
    if (threadIdx.y == BY - 1 && y < ny - 1)
      tile[BY + 1][tx] = in[i + nx];
  }
  __syncthreads();
  if (!inside)
    return;
  float v = tile[ty][tx];
  if (x > 0 && y > 0 && x < nx - 1 && y < ny - 1)
    v = stencil::kCenter2d * v + stencil::kSide2d * (tile[ty][tx - 1] + tile[ty][tx + 1] +
                                                     tile[ty - 1][tx] + tile[ty + 1][tx]);
  out[y * nx + x] = v;
}

int main(int argc, char **argv) {
  const int n = stencil::size2d(vsomp::tiny(argc, argv));
  dim3 block(BX, BY);
  dim3 grid((n + BX - 1) / BX, (n + BY - 1) / BY);
  return runStencilOnDevice(
      size_t(n) * n, std::to_string(n) + "^2 x" + std::to_string(stencil::kSweeps),
      [&](const float *in, float *out) { jacobi2d<<<grid, block>>>(in, out, n, n); },
      [n](const float *in, float *out) { stencil::sweep2d(in, out, n, n); });
}
