// Template kernels: explicit, deduced and partly deduced arguments; a dependent launch.
#include <cuda_runtime.h>
template <class T, int N> __global__ void scale(T *x, T a) { x[threadIdx.x] *= a * N; }
template <class T> __global__ void fill(T *x, T v) { x[threadIdx.x] = v; }
struct Pt { float x, y; };
namespace geo { struct V { int a; }; }
void run(float *f, double *d, Pt *p, geo::V *v) {
  // CHECK: ::npu::launch(::npu::never_waits, "scale<float, 4>", scale<float, 4>, 1, 32, 0, 0, f, 2.0f);
  scale<float, 4><<<1, 32>>>(f, 2.0f);
  // CHECK: ::npu::launch(::npu::never_waits, "fill<double>", fill<double>, 1, 32, 0, 0, d, 1.0);
  fill<<<1, 32>>>(d, 1.0);
  // CHECK: ::npu::launch(::npu::never_waits, "fill<Pt>", fill<Pt>, 1, 32, 0, 0, p, Pt{1, 2});
  fill<<<1, 32>>>(p, Pt{1, 2});
  // CHECK: ::npu::launch(::npu::never_waits, "fill<geo::V>", fill<geo::V>, 1, 1, 0, 0, v, geo::V{3});
  fill<<<1, 1>>>(v, geo::V{3});
}
template <class T> void generic(T *x) {
  // CHECK: ::npu::launch(::npu::kernel_name<fill<T>>("fill<T>"), fill<T>, 1, 1, 0, 0, x, T());
  fill<T><<<1, 1>>>(x, T());
}
template void generic<float>(float *);
template <class T> void dependent(T *x, T v) {
  // Deduced from arguments that depend on T: the host compiler deduces them.
  // CHECK: ::npu::launch_deduced("fill", [](auto &...npu_args) { fill(npu_args...); }, 1, 1, 0, 0, x, v);
  fill<<<1, 1>>>(x, v);
}
template void dependent<int>(int *, int);
