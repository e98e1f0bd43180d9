// End to end: thrust's work is ordered after the device work enqueued before it, as on CUDA's
// default stream, with no synchronisation in the program. Each kernel is slow enough that a
// thrust call not waiting for it would see its input half written: a sort of raw device memory,
// a reduction over a device_vector a kernel filled, a device_vector copied to the host, and a
// sort with thrust::cuda::par.on(stream) after a kernel on that stream.
#include <thrust/device_ptr.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>
#include <thrust/host_vector.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>
#include <cstdio>

static int g_errors = 0;
#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      printf("check failed at line %d: %s\n", __LINE__, #cond);                                    \
      ++g_errors;                                                                                  \
    }                                                                                              \
  } while (0)

// d[i] = value(i), after enough arithmetic that the launch is still running when the host goes on.
__global__ void slowFill(int *d, int n, int descending) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float x = 0;
    for (int k = 0; k < 3000; ++k)
      x += sinf(k * 0.001f * (i + 1));
    d[i] = (descending ? n - i : i + 1) + (x > 1e30f ? 1 : 0);
  }
}

int main() {
  const int n = 1 << 16;
  int *d;
  cudaMalloc(&d, n * sizeof(int));
  cudaMemset(d, 0, n * sizeof(int));
  slowFill<<<n / 256, 256>>>(d, n, 1);
  thrust::sort(thrust::device, d, d + n);
  int first[2];
  cudaMemcpy(first, d, sizeof first, cudaMemcpyDeviceToHost);
  CHECK(first[0] == 1 && first[1] == 2);

  thrust::device_vector<int> v(n, 0);
  slowFill<<<n / 256, 256>>>(thrust::raw_pointer_cast(v.data()), n, 0);
  long long sum = thrust::reduce(v.begin(), v.end(), 0LL);
  CHECK(sum == (long long)n * (n + 1) / 2);

  slowFill<<<n / 256, 256>>>(thrust::raw_pointer_cast(v.data()), n, 1);
  thrust::host_vector<int> h = v;
  CHECK(h[0] == n && h[n - 1] == 1);

  thrust::device_ptr<int> p(d);
  slowFill<<<n / 256, 256>>>(d, n, 0);
  CHECK(thrust::reduce(p, p + n, 0LL) == (long long)n * (n + 1) / 2);

  // The CUDA system's policy on a stream, as code written for nvcc spells it.
  cudaStream_t stream;
  cudaStreamCreate(&stream);
  slowFill<<<n / 256, 256, 0, stream>>>(d, n, 1);
  thrust::sort(thrust::cuda::par.on(stream), d, d + n);
  CHECK(thrust::reduce(thrust::cuda::par_nosync.on(stream), d, d + 2) == 3);
  cudaStreamDestroy(stream);
  cudaFree(d);
  printf(g_errors ? "FAIL: %d checks failed\n" : "PASS\n", g_errors);
  return g_errors != 0;
}
