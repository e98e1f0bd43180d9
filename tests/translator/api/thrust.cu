// thrust: its headers parse with the TBB device system (no toolkit) and stay as included; nothing
// inside them is rewritten; __host__ __device__ functors and lambdas passed to its algorithms
// survive; the output compiles against npurt's headers and the system's thrust. Every host
// statement that uses thrust first waits for the device (thrust runs on the calling thread,
// after what was enqueued before it, as on CUDA's default stream); device code never does.
// clang-format off
// NO-DIAG
#include <cuda_runtime.h>
// CHECK: #include <thrust/device_vector.h>
#include <thrust/device_vector.h>
// CHECK: #include <thrust/sort.h>
#include <thrust/sort.h>
#include <thrust/reduce.h>
#include <thrust/transform.h>
// CHECK: #include <npurt/lib/thrust_execution_policy.h>
#include <thrust/execution_policy.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/sequence.h>
#include <thrust/copy.h>

struct Twice {
  // CHECK: __host__ __device__ float operator()(float x) const { NPU_COST(fp32(1)); return 2 * x; }
  __host__ __device__ float operator()(float x) const { return 2 * x; }
};

__global__ void bump(float *p, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) p[i] += 1;
}

float run(int n) {
  thrust::device_vector<float> d(n);
  // CHECK: ::npu::lib::wait_for_device(); thrust::device_vector<float> d(n);
  // CHECK: ::npu::lib::wait_for_device(); thrust::sequence(thrust::device, d.begin(), d.end());
  thrust::sequence(thrust::device, d.begin(), d.end());
  thrust::transform(d.begin(), d.end(), d.begin(), Twice());
  // CHECK: thrust::transform(d.begin(), d.end(), d.begin(), [] __host__ __device__(float x) { return x - 1; });
  thrust::transform(d.begin(), d.end(), d.begin(), [] __host__ __device__(float x) { return x - 1; });
  // CHECK: ::npu::launch(::npu::never_waits, "bump", bump, (n + 255) / 256, 256, 0, 0, thrust::raw_pointer_cast(d.data()), n);
  bump<<<(n + 255) / 256, 256>>>(thrust::raw_pointer_cast(d.data()), n);
  // CHECK: npuDeviceSynchronize();
  // CHECK-NOT: ::npu::lib::wait_for_device(); npuDeviceSynchronize();
  cudaDeviceSynchronize();
  float *raw;
  cudaMalloc(&raw, n * sizeof(float));
  thrust::device_ptr<float> p = thrust::device_pointer_cast(raw);
  thrust::copy(d.begin(), d.end(), p);
  thrust::sort(p, p + n, thrust::greater<float>());
  float s = thrust::reduce(p, p + n) + *thrust::counting_iterator<int>(3);
  cudaFree(raw);
  return s;
}
