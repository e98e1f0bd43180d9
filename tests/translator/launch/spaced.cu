// nvcc accepts spaces between a launch's angle brackets; `operator<< <T>` and `>> >` closing
// templates are not launches.
#include <cuda_runtime.h>
#include <vector>
__global__ void k(float *a) { a[threadIdx.x] = 1; }
template <class T> struct Box { T v; };
template <class T> int operator<<(Box<T> &b, int s) { return b.v << s; }
// CHECK: template int operator<< <int>(Box<int> &, int);
template int operator<< <int>(Box<int> &, int);
int main() {
  float *a;
  cudaMalloc(&a, 64);
  // CHECK: std::vector<std::vector<Box<int>> > nested;
  std::vector<std::vector<Box<int>> > nested;
  // CHECK: ::npu::launch(::npu::never_waits, "k", k, 1, 16, 0, 0, a);
  k<< <1, 16>> >(a);
  // CHECK: ::npu::launch(::npu::never_waits, "k", k, dim3(1), dim3(16), 0, 0, a);
  k<< < dim3(1), dim3(16) >> >(a);
  return (int)nested.size();
}
