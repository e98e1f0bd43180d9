// Library collectives written in steps (CUB's block and warp collectives, marked
// NPU_STEPPED_COLLECTIVE in npurt's headers; rules/kernel/Collectives.cpp): a whole statement at
// block level that calls one on a temporary becomes a region of its own,
// npu_block.collective(...), run once per step; local types and typedefs stay at block level. A
// call the steps cannot repeat safely keeps the kernel on fibers: under thread-dependent control,
// on a named collective object, with an output that is not the thread's own, with an argument
// that calls or writes, or nested in a larger expression.
// clang-format off
// NO-DIAG
#include <cub/cub.cuh>

// CHECK: __global__ void reduceInLoop(const float *in, float *out, int tiles) {
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: typedef cub::BlockReduce<float, 128> Reduce;
// CHECK: for (int t = 0; npu_block.active() && (t < tiles); ++t) {
// CHECK: npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
// CHECK: npu_block.collective([&](NPU_REGION_PARAMS) { auto &v = npu_v[npu_thread];
// CHECK: auto &sum = npu_sum[npu_thread] = Reduce(temp).Sum(v);
// CHECK: npu_block.for_each_thread([&](NPU_REGION_PARAMS) { auto &sum = npu_sum[npu_thread];
__global__ void reduceInLoop(const float *in, float *out, int tiles) {
  typedef cub::BlockReduce<float, 128> Reduce;
  __shared__ Reduce::TempStorage temp;
  for (int t = 0; t < tiles; ++t) {
    float v = in[t * 128 + threadIdx.x];
    float sum = Reduce(temp).Sum(v);
    if (threadIdx.x == 0)
      out[t] = sum;
    __syncthreads();
  }
}

// A template collective, an assignment to a local, in-place scans of a thread's array, and a
// union of TempStorage types in a local union type.
// CHECK: __global__ void scanTiles(const int *in, int *out) {
// CHECK: ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
// CHECK: npu_block.collective([&](NPU_REGION_PARAMS) {
// CHECK: Scan(temp.scan).ExclusiveSum(items, items);
// CHECK: npu_block.collective([&](NPU_REGION_PARAMS) {
// CHECK: total = Reduce(temp.reduce).Sum(items);
template <int THREADS, int ITEMS>
__global__ void scanTiles(const int *in, int *out) {
  typedef cub::BlockScan<int, THREADS> Scan;
  typedef cub::BlockReduce<int, THREADS> Reduce;
  __shared__ union Temp {
    typename Scan::TempStorage scan;
    typename Reduce::TempStorage reduce;
  } temp;
  int items[ITEMS];
  cub::LoadDirectBlocked(threadIdx.x, in, items);
  Scan(temp.scan).ExclusiveSum(items, items);
  __syncthreads();
  int total;
  total = Reduce(temp.reduce).Sum(items);
  cub::StoreDirectBlocked(threadIdx.x, out, items);
  if (threadIdx.x == 0)
    out[THREADS * ITEMS] = total;
}

// CHECK: __global__ void underThreadControl(const float *in, float *out) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void underThreadControl(const float *in, float *out) {
  typedef cub::WarpReduce<float> WarpReduce;
  __shared__ WarpReduce::TempStorage temp;
  if (threadIdx.x < 32)
    out[0] = WarpReduce(temp).Sum(in[threadIdx.x]);
}

// CHECK: __global__ void namedObject(const float *in, float *out) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void namedObject(const float *in, float *out) {
  typedef cub::BlockReduce<float, 64> Reduce;
  __shared__ Reduce::TempStorage temp;
  Reduce reduce(temp);
  float sum = reduce.Sum(in[threadIdx.x]);
  if (threadIdx.x == 0)
    *out = sum;
}

// The scan's output is another thread's input: repeating the call would read what it wrote.
// CHECK: __global__ void sharedOutput(int *data) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void sharedOutput(int *data) {
  typedef cub::BlockScan<int, 64> Scan;
  __shared__ Scan::TempStorage temp;
  Scan(temp).InclusiveSum(data[threadIdx.x], data[threadIdx.x + 1]);
}

// CHECK: __global__ void sideEffects(const int *in, int *out) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void sideEffects(const int *in, int *out) {
  typedef cub::BlockReduce<int, 64> Reduce;
  __shared__ Reduce::TempStorage temp;
  int i = threadIdx.x;
  int sum = Reduce(temp).Sum(in[i++]);
  out[i] = sum;
}

// CHECK: __global__ void nested(const int *in, int *out) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void nested(const int *in, int *out) {
  typedef cub::BlockReduce<int, 64> Reduce;
  __shared__ Reduce::TempStorage temp;
  int twice = 2 * Reduce(temp).Sum(in[threadIdx.x]);
  if (threadIdx.x == 0)
    *out = twice;
}

// A local type declared with a per-thread variable would be out of scope in later regions.
// CHECK: __global__ void localTypeWithVariable(int *out) {
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void localTypeWithVariable(int *out) {
  struct Pair { int a, b; } p = {1, 2};
  __syncthreads();
  Pair q = p;
  out[threadIdx.x] = q.a + q.b;
}

void launchAll(const float *f, float *g, int *a, int *b) {
  reduceInLoop<<<2, 128>>>(f, g, 3);
  scanTiles<64, 2><<<1, 64>>>(a, b);
  underThreadControl<<<1, 64>>>(f, g);
  namedObject<<<1, 64>>>(f, g);
  sharedOutput<<<1, 64>>>(a);
  sideEffects<<<1, 64>>>(a, b);
  nested<<<1, 64>>>(a, b);
  localTypeWithVariable<<<1, 64>>>(a);
}
