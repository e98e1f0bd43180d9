// 7-point Jacobi sweeps, 2D blocks marching in z (as in Micikevicius, "3D finite difference
// computation on GPUs using CUDA"): each 32x8 block keeps its xy plane with a halo in shared
// memory and the cells below and above in registers while it walks up the column.
#include "stencil_device.cuh"

#define BX 32
#define BY 8

__global__ void jacobi3d(const float *in, float *out, int n) {
  __shared__ float plane[BY + 2][BX + 2];
  int x = blockIdx.x * BX + threadIdx.x;
  int y = blockIdx.y * BY + threadIdx.y;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = x < n && y < n;
  int slice = n * n;
  int i = y * n + x;
  float below = 0.0f, cur = 0.0f, above = 0.0f;
  if (inside) {
    cur = in[i];
    if (n > 1)
      above = in[slice + i];
  }
  for (int z = 0; z < n; ++z, i += slice) {
    __syncthreads(); // the previous plane has been read
    if (inside) {
      plane[ty][tx] = cur;
      if (threadIdx.x == 0 && x > 0)
        plane[ty][0] = in[i - 1];
      if (threadIdx.x == BX - 1 && x < n - 1)
        plane[ty][BX + 1] = in[i + 1];
      if (threadIdx.y == 0 && y > 0)
        plane[0][tx] = in[i - n];
      if (threadIdx.y == BY - 1 && y < n - 1)
        plane[BY + 1][tx] = in[i + n];
    }
    __syncthreads();
    if (inside) {
      float v = cur;
      if (x > 0 && y > 0 && z > 0 && x < n - 1 && y < n - 1 && z < n - 1)
        v = stencil::kCenter3d * cur +
            stencil::kSide3d * (plane[ty][tx - 1] + plane[ty][tx + 1] + plane[ty - 1][tx] +
                                plane[ty + 1][tx] + below + above);
      out[i] = v;
      below = cur;
      cur = above;
      if (z + 2 < n)
        above = in[i + 2 * slice];
    }
  }
}

int main(int argc, char **argv) {
  const int n = stencil::size3d(vsomp::tiny(argc, argv));
  dim3 block(BX, BY);
  dim3 grid((n + BX - 1) / BX, (n + BY - 1) / BY);
  return runStencilOnDevice(
      size_t(n) * n * n, std::to_string(n) + "^3 x" + std::to_string(stencil::kSweeps),
      [&](const float *in, float *out) { jacobi3d<<<grid, block>>>(in, out, n); },
      [n](const float *in, float *out) { stencil::sweep3d(in, out, n); });
}
