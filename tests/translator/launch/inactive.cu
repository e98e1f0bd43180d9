// Launches in #if branches the parse skipped are rewritten from their tokens; the output also
// compiles with the branch enabled.
// RC: 1
// CXXFLAGS: -DUSE_SCALE
#include <cuda_runtime.h>
template <typename T> __global__ void scale(T *x, T a) { x[threadIdx.x] *= a; }
__global__ void fill(float *x) { x[threadIdx.x] = 1; }
void run(float *x, cudaStream_t s) {
#ifdef USE_SCALE
  // CHECK: ::npu::launch_deduced("scale<float>", [](auto &...npu_args) { scale<float>(npu_args...); }, 1, 32, 0, s, x, 2.0f);
  scale<float><<<1, 32, 0, s>>>(x, 2.0f);
  // CHECK: ::npu::launch_deduced("fill", [](auto &...npu_args) { fill(npu_args...); }, dim3(1, 1), 32, 0, 0, x);
  fill<<< dim3(1, 1), 32 >>>( x );
#else
  // CHECK: ::npu::launch(::npu::never_waits, "fill", fill, 1, 32, 0, 0, x);
  fill<<<1, 32>>>(x);
#endif
#if 0
  // DIAG: warning: kernel launch of kernels[0] could not be rewritten: it is in an inactive #if branch
  kernels[0]<<<1, 1>>>(x);
#endif
}
// CHECK-NOT: <<<1, 32
