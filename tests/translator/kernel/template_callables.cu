// A template kernel that calls what its template parameter names (`op(v)`, `t.get()`,
// `combine(a, b)` found by argument-dependent lookup) has no callee until instantiation. In the
// main file its plan is the union over the instantiations in this unit (driver/Action.cpp,
// walkInstantiations): the fast path when none of them synchronises, a barrier-free path that
// keeps threadIdx when one reads it, fibers when one synchronises or calls through a pointer.
#include <cuda_runtime.h>

struct Square {
  __device__ float operator()(float v) const { return v * v; }
};
struct Lane {
  __device__ float operator()(float v) const { return v + (threadIdx.x & 31); }
};
struct Counted {
  int *count;
  __device__ float operator()(float v) const {
    atomicAdd(count, 1);
    return v;
  }
};
struct Synced {
  __device__ float operator()(float v) const {
    __syncthreads();
    return v;
  }
};
__device__ float negate(float v) { return -v; }
typedef float (*UnaryFn)(float);
__device__ UnaryFn negatePointer = negate;

namespace geo {
struct Point {
  float x;
};
__device__ Point combine(Point a, Point b) { return {a.x + b.x}; }
} // namespace geo

// Every instantiation is barrier-free and reads no threadIdx: the fast path, one dimension.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void pure(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// One instantiation's functor reads threadIdx: no collapse, no fibers.
// CHECK: ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void readsLane(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// An atomic in one functor: duplicates may not run once (no ThreadDims).
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void counts(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// A functor that synchronises: fibers.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void syncs(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// Called through a function pointer in one instantiation: unknown, fibers.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void viaPointer(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// A dependent call found by argument-dependent lookup, and a device lambda as the functor.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
template <typename P> __global__ void adl(P *p) { p[threadIdx.x] = combine(p[threadIdx.x], p[0]); }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void lambdas(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

// Never instantiated here: nothing decides, so fibers.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
template <typename Op> __global__ void unused(float *y, Op op) { y[threadIdx.x] = op(y[threadIdx.x]); }

int main() {
  float *y;
  int *count;
  geo::Point *p;
  cudaMalloc(&y, 32 * sizeof(float));
  cudaMalloc(&count, sizeof(int));
  cudaMalloc(&p, 32 * sizeof(geo::Point));
  pure<<<1, 32>>>(y, Square());
  readsLane<<<1, 32>>>(y, Square());
  readsLane<<<1, 32>>>(y, Lane());
  counts<<<1, 32>>>(y, Square());
  counts<<<1, 32>>>(y, Counted{count});
  syncs<<<1, 32>>>(y, Synced());
  viaPointer<<<1, 32>>>(y, Square());
  UnaryFn fn;
  cudaMemcpyFromSymbol(&fn, negatePointer, sizeof fn);
  viaPointer<<<1, 32>>>(y, fn);
  adl<<<1, 32>>>(p);
  // A lambda's closure type has no name to spell as the template argument: deduced again.
  // CHECK: ::npu::launch_deduced("lambdas", [](auto &...npu_args) { lambdas(npu_args...); }, 1, 32, 0, 0, y, [] __device__(float v)
  lambdas<<<1, 32>>>(y, [] __device__(float v) { return v * 2; });
  lambdas<<<1, 32>>>(y, [count] __device__(float v) {
    atomicAdd(count, 1);
    return v;
  });
  cudaDeviceSynchronize();
  return 0;
}
