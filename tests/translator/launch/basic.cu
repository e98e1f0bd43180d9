// Launch forms: 2/3/4 config values, dim3 expressions, integer grids, namespaces, lambdas.
#include <cuda_runtime.h>
namespace app {
__global__ void add(float *x, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] += 1; }
}
__global__ void noargs() {}
void run(float *x, int n, cudaStream_t s) {
  // CHECK: ::npu::launch(::npu::never_waits, "app::add", app::add, (n + 255) / 256, 256, 0, 0, x, n);
  app::add<<<(n + 255) / 256, 256>>>(x, n);
  // CHECK: ::npu::launch(::npu::never_waits, "app::add", app::add, dim3(n / 32, 1), dim3(32, 1, 1), 64, 0, x, n);
  app::add<<<dim3(n / 32, 1), dim3(32, 1, 1), 64>>>(x, n);
  // CHECK: ::npu::launch(::npu::never_waits, "app::add", app::add, 1, 1, 0, s, x, n );
  app::add<<< 1, 1, 0, s >>>( x, n );
  // CHECK: ::npu::launch(::npu::never_waits, "noargs", noargs, 1, 1, 0, 0);
  noargs<<<1, 1>>>();
  auto f = [&] {
    // CHECK: ::npu::launch(::npu::never_waits, "noargs", noargs, 2, 2, 0, s);
    noargs<<<2, 2, 0, s>>>();
  };
  f();
}
// CHECK-NOT: <<<
