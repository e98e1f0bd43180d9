// thrust on device vectors and on cudaMalloc'd memory, with a hand-written kernel in between:
// sort and sort_by_key, reduce and transform_reduce, transform with a __host__ __device__
// functor, inclusive and exclusive scans, copy_if, unique, min/max/minmax_element, sequence and
// fill, counting, zip and transform iterators, thrust::device_ptr over cudaMalloc memory
// (device_pointer_cast) and raw_pointer_cast of a device_vector passed to a kernel. Every
// result is checked against the same computation with the C++ standard library.
// Usage: thrust_sort_reduce [n]   (default 100000)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <vector>
#include <cuda_runtime.h>
#include <thrust/copy.h>
#include <thrust/device_ptr.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>
#include <thrust/extrema.h>
#include <thrust/fill.h>
#include <thrust/functional.h>
#include <thrust/host_vector.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/transform_iterator.h>
#include <thrust/iterator/zip_iterator.h>
#include <thrust/reduce.h>
#include <thrust/scan.h>
#include <thrust/sequence.h>
#include <thrust/sort.h>
#include <thrust/transform.h>
#include <thrust/transform_reduce.h>
#include <thrust/tuple.h>
#include <thrust/unique.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

struct Square {
  __host__ __device__ long long operator()(int x) const { return (long long)x * x; }
};
struct IsEven {
  __host__ __device__ bool operator()(int x) const { return x % 2 == 0; }
};
struct Halve {
  __host__ __device__ int operator()(int x) const { return x / 2; }
};
// a * b for a zipped pair.
struct Product {
  __host__ __device__ long long operator()(const thrust::tuple<int, int> &t) const {
    return (long long)thrust::get<0>(t) * thrust::get<1>(t);
  }
};

__global__ void addIndex(int *data, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    data[i] += i % 7;
}

static int failures = 0;
static void expect(bool ok, const char *what) {
  if (!ok) {
    printf("FAIL %s\n", what);
    ++failures;
  }
}

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 100000;
  std::vector<int> input(n);
  unsigned lcg = 12345u;
  for (int &x : input) {
    lcg = lcg * 1664525u + 1013904223u;
    x = (int)(lcg >> 12) % 50000 - 25000;
  }

  // sort + reduce + transform on a device_vector, a kernel on its raw pointer in between.
  thrust::device_vector<int> d(input.begin(), input.end());
  thrust::sort(d.begin(), d.end());
  addIndex<<<64, 256>>>(thrust::raw_pointer_cast(d.data()), n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  std::vector<int> h = input;
  std::sort(h.begin(), h.end());
  for (int i = 0; i < n; ++i)
    h[i] += i % 7;
  thrust::host_vector<int> back = d;
  expect(std::equal(h.begin(), h.end(), back.begin()), "sort, then the kernel on raw_pointer_cast");
  const long long sum = thrust::reduce(thrust::device, d.begin(), d.end(), 0LL);
  expect(sum == std::accumulate(h.begin(), h.end(), 0LL), "reduce");
  thrust::device_vector<long long> squares(n);
  thrust::transform(d.begin(), d.end(), squares.begin(), Square());
  long long sumSquares = 0;
  for (int x : h)
    sumSquares += (long long)x * x;
  expect(thrust::reduce(squares.begin(), squares.end()) == sumSquares, "transform");
  expect(thrust::transform_reduce(d.begin(), d.end(), Square(), 0LL, thrust::plus<long long>()) ==
             sumSquares,
         "transform_reduce");

  // Scans, copy_if, unique, extrema.
  thrust::device_vector<int> scanned(n);
  thrust::inclusive_scan(d.begin(), d.end(), scanned.begin());
  std::vector<int> hs(n);
  std::partial_sum(h.begin(), h.end(), hs.begin());
  expect(thrust::equal(scanned.begin(), scanned.end(), hs.begin()), "inclusive_scan");
  thrust::exclusive_scan(d.begin(), d.end(), scanned.begin(), 100);
  std::exclusive_scan(h.begin(), h.end(), hs.begin(), 100);
  expect(thrust::equal(scanned.begin(), scanned.end(), hs.begin()), "exclusive_scan");
  thrust::device_vector<int> evens(n);
  const int evenCount =
      (int)(thrust::copy_if(d.begin(), d.end(), evens.begin(), IsEven()) - evens.begin());
  expect(evenCount == (int)std::count_if(h.begin(), h.end(), [](int x) { return x % 2 == 0; }),
         "copy_if");
  thrust::device_vector<int> halves(n);
  thrust::transform(d.begin(), d.end(), halves.begin(), Halve());
  thrust::sort(halves.begin(), halves.end());
  const int distinct = (int)(thrust::unique(halves.begin(), halves.end()) - halves.begin());
  std::vector<int> hh(n);
  std::transform(h.begin(), h.end(), hh.begin(), [](int x) { return x / 2; });
  std::sort(hh.begin(), hh.end());
  expect(distinct == (int)(std::unique(hh.begin(), hh.end()) - hh.begin()), "unique");
  expect(*thrust::min_element(d.begin(), d.end()) == *std::min_element(h.begin(), h.end()),
         "min_element");
  expect(*thrust::max_element(d.begin(), d.end()) == *std::max_element(h.begin(), h.end()),
         "max_element");
  auto mm = thrust::minmax_element(d.begin(), d.end());
  expect(*mm.first == *std::min_element(h.begin(), h.end()) &&
             *mm.second == *std::max_element(h.begin(), h.end()),
         "minmax_element");

  // sort_by_key with sequence for the values, descending keys.
  thrust::device_vector<int> keys(input.begin(), input.end()), order(n);
  thrust::sequence(order.begin(), order.end());
  thrust::stable_sort_by_key(keys.begin(), keys.end(), order.begin(), thrust::greater<int>());
  std::vector<int> ho(n);
  std::iota(ho.begin(), ho.end(), 0);
  std::stable_sort(ho.begin(), ho.end(), [&](int a, int b) { return input[a] > input[b]; });
  expect(thrust::equal(order.begin(), order.end(), ho.begin()), "sort_by_key");

  // Fancy iterators: sum of i * i over a counting iterator, a dot product over a zip.
  thrust::counting_iterator<int> first(0);
  const long long sumIndexSquares =
      thrust::reduce(thrust::make_transform_iterator(first, Square()),
                     thrust::make_transform_iterator(first + n, Square()), 0LL);
  expect(sumIndexSquares == (long long)(n - 1) * n * (2LL * n - 1) / 6, "transform_iterator");
  thrust::device_vector<int> ones(n);
  thrust::fill(ones.begin(), ones.end(), 3);
  auto zipped = thrust::make_zip_iterator(thrust::make_tuple(d.begin(), ones.begin()));
  const long long dot = thrust::transform_reduce(zipped, zipped + n, Product(), 0LL,
                                                 thrust::plus<long long>());
  expect(dot == 3 * std::accumulate(h.begin(), h.end(), 0LL), "zip_iterator");

  // thrust over cudaMalloc'd memory: device_ptr from device_pointer_cast.
  int *raw;
  CHECK(cudaMalloc(&raw, n * sizeof(int)));
  CHECK(cudaMemcpy(raw, input.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  thrust::device_ptr<int> p = thrust::device_pointer_cast(raw);
  thrust::sort(p, p + n);
  addIndex<<<64, 256>>>(raw, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  std::vector<int> viaRaw(n);
  CHECK(cudaMemcpy(viaRaw.data(), raw, n * sizeof(int), cudaMemcpyDeviceToHost));
  expect(viaRaw == h, "sort over device_pointer_cast(cudaMalloc memory)");
  expect(thrust::reduce(p, p + n, 0LL) == sum, "reduce over a device_ptr");
  CHECK(cudaFree(raw));

  printf("n = %d, sum = %lld, %d distinct halves\n", n, sum, distinct);
  printf("%s\n", failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}
