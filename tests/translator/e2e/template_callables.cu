// Template kernels calling a functor of their template parameter (plans from the union of the
// instantiations, driver/Action.cpp walkInstantiations). Launched with 32x8 blocks whose bodies
// read only threadIdx.x: the collapse of duplicate threads must follow what each functor does.
#include <cstdio>
#include <cuda_runtime.h>

struct Square {
  __device__ int operator()(int v) const { return v * v; }
};
// Reads threadIdx.y itself: every thread must run, with its own threadIdx.
struct MarkThread {
  int *marks;
  __device__ int operator()(int v) const {
    marks[(blockIdx.x * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x] = threadIdx.y;
    return v;
  }
};
// Counts its calls: every thread's increment counts.
struct Counted {
  int *calls;
  __device__ int operator()(int v) const {
    atomicAdd(calls, 1);
    return v;
  }
};

template <typename Op> __global__ void applyColumn(const int *in, int *out, Op op) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  out[i] = op(in[i]);
}

int main() {
  const int blocks = 4, n = blocks * 32;
  int *in, *out, *marks, *calls;
  cudaMallocManaged(&in, n * sizeof(int));
  cudaMallocManaged(&out, n * sizeof(int));
  cudaMallocManaged(&marks, n * 8 * sizeof(int));
  cudaMallocManaged(&calls, 2 * sizeof(int));
  for (int i = 0; i < n; ++i)
    in[i] = i - 50;
  calls[0] = calls[1] = 0;
  for (int i = 0; i < n * 8; ++i)
    marks[i] = -1;
  dim3 block(32, 8);
  int failures = 0;

  applyColumn<<<blocks, block>>>(in, out, Square());
  cudaDeviceSynchronize();
  for (int i = 0; i < n; ++i)
    failures += out[i] != in[i] * in[i];

  applyColumn<<<blocks, block>>>(in, out, Counted{calls});
  int *second = calls + 1;
  applyColumn<<<blocks, block>>>(in, out, [second] __device__(int v) {
    atomicAdd(second, 2);
    return v;
  });
  cudaDeviceSynchronize();
  failures += calls[0] != blocks * 32 * 8;
  failures += calls[1] != 2 * blocks * 32 * 8;

  applyColumn<<<blocks, block>>>(in, out, MarkThread{marks});
  cudaDeviceSynchronize();
  for (int i = 0; i < n * 8; ++i)
    failures += marks[i] != (i / 32) % 8;
  printf("calls %d %d\n", calls[0], calls[1]);
  printf(failures ? "FAIL (%d)\n" : "PASS\n", failures);
  return failures != 0;
}
