// Kernels with default arguments: ::npu::launch takes the full parameter list, so the defaults
// are written out: constants as their values in the parameter's type, fully qualified (the
// launch may be in another namespace, a template's spelling may name its parameters).
#include <cuda_runtime.h>
__global__ void scale(float *a, int n = 3, float m = 2.0f) { a[threadIdx.x] = n * m; }
template <int N> __global__ void fill(int *a, int v = N * 2) { a[threadIdx.x] = v; }
namespace kern {
constexpr int kScale = 4;
enum Mode { Add = 1, Mul = 2 };
__global__ void f(int *a, int n = kScale, Mode m = Mul, const int *p = nullptr) { a[0] = n * m; }
} // namespace kern
// CHECK: #define RUN(a) ::npu::launch("scale", scale, 1, 4, 0, 0, a, static_cast<int>(3), static_cast<float>(0x1p1))
#define RUN(a) scale<<<1, 4>>>(a)
int main() {
  float *a;
  int *b;
  cudaMalloc(&a, 64);
  cudaMalloc(&b, 64);
  // CHECK: ::npu::launch(::npu::never_waits, "scale", scale, 1, 4, 0, 0, a, static_cast<int>(3), static_cast<float>(0x1p1));
  scale<<<1, 4>>>(a);
  // CHECK: ::npu::launch(::npu::never_waits, "scale", scale, 1, 4, 0, 0, a, 5, static_cast<float>(0x1p1));
  scale<<<1, 4>>>(a, 5);
  // CHECK: ::npu::launch(::npu::never_waits, "fill<3>", fill<3>, 1, 4, 0, 0, b, static_cast<int>(6));
  fill<3><<<1, 4>>>(b);
  // CHECK: ::npu::launch(::npu::never_waits, "kern::f", kern::f, 1, 1, 0, 0, b, static_cast<int>(4), static_cast<kern::Mode>(2), static_cast<const int *>(nullptr));
  kern::f<<<1, 1>>>(b);
  RUN(a);
}
