// Generic kernels written once as templates and instantiated for float,
// double and int, the way numeric libraries do it.
//
//   axpby<T>            out = a*x + b*y (grid-stride)
//   transform<T, Op>    out = op(in) with a functor type as template argument
//   blockSum<T, BLOCK>  per-block sum with a non-type template parameter
//                       sizing the __shared__ buffer
// Launches use both explicit template arguments (axpby<float><<<...>>>,
// blockSum<T, 256><<<...>>>) and argument deduction (axpby<<<...>>>(...)
// with typed arguments). A templated host driver runTest<T>() allocates,
// fills, launches and checks each type; a traits struct gives the type's
// name and tolerance (exact for int).
//
// CUDA features: __global__ function templates (type and non-type
// parameters), explicit and deduced template kernel launches, functor structs
// with __device__ operator(), template __shared__ arrays, templated host code
// with std::vector<T>, if constexpr / <type_traits>, static_cast.
//
// Usage: templates [n]   (default 1<<20 elements per type)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

constexpr int kBlock = 256;

template <typename T>
__global__ void axpby(T a, const T *__restrict__ x, T b, const T *__restrict__ y,
                      T *__restrict__ out, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    out[i] = a * x[i] + b * y[i];
}

template <typename T>
struct Square {
  __host__ __device__ T operator()(T v) const { return v * v; }
};

template <typename T>
struct AbsDiffFrom {
  T center;
  __host__ __device__ T operator()(T v) const { return v > center ? v - center : center - v; }
};

template <typename T, typename Op>
__global__ void transform(const T *__restrict__ in, T *__restrict__ out, int n, Op op) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    out[i] = op(in[i]);
}

template <typename T, int BLOCK>
__global__ void blockSum(const T *__restrict__ in, T *__restrict__ partial, int n) {
  static_assert((BLOCK & (BLOCK - 1)) == 0, "BLOCK must be a power of two");
  __shared__ T s[BLOCK];
  T v = T(0);
  for (int i = blockIdx.x * BLOCK + threadIdx.x; i < n; i += BLOCK * gridDim.x) v += in[i];
  s[threadIdx.x] = v;
  __syncthreads();
#pragma unroll
  for (int stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (threadIdx.x < stride) s[threadIdx.x] += s[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) partial[blockIdx.x] = s[0];
}

template <typename T> struct TypeInfo;
template <> struct TypeInfo<float>  { static const char *name() { return "float"; } };
template <> struct TypeInfo<double> { static const char *name() { return "double"; } };
template <> struct TypeInfo<int>    { static const char *name() { return "int"; } };

// true if got is close enough to expected for type T, given a magnitude scale
template <typename T>
bool nearlyEqual(T got, double expected, double scale) {
  if constexpr (std::is_integral<T>::value) {
    return static_cast<double>(got) == expected;
  } else {
    double rel = std::is_same<T, float>::value ? 1e-5 : 1e-12;
    return std::fabs(static_cast<double>(got) - expected) <= rel * scale + 1e-30;
  }
}

template <typename T>
int runTest(int n, int blocks) {
  std::vector<T> x(n), y(n), out(n);
  for (int i = 0; i < n; ++i) {
    // small values so int arithmetic cannot overflow
    x[i] = static_cast<T>(i % 23) - static_cast<T>(11);
    y[i] = static_cast<T>((i * 7) % 19) / static_cast<T>(2);
  }
  const T a = static_cast<T>(3), b = static_cast<T>(-2);

  T *dx, *dy, *dout, *dpartial;
  size_t bytes = n * sizeof(T);
  CHECK(cudaMalloc(&dx, bytes));
  CHECK(cudaMalloc(&dy, bytes));
  CHECK(cudaMalloc(&dout, bytes));
  CHECK(cudaMalloc(&dpartial, blocks * sizeof(T)));
  CHECK(cudaMemcpy(dx, x.data(), bytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), bytes, cudaMemcpyHostToDevice));

  int errors = 0;

  // 1. explicit template argument
  axpby<T><<<blocks, kBlock>>>(a, dx, b, dy, dout, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out.data(), dout, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double e = static_cast<double>(a) * x[i] + static_cast<double>(b) * y[i];
    double scale = std::fabs(static_cast<double>(a) * x[i]) + std::fabs(static_cast<double>(b) * y[i]);
    if (!nearlyEqual(out[i], e, scale)) ++errors;
  }

  // 2. deduced template arguments (T and Op from the call's arguments)
  transform<<<blocks, kBlock>>>(dx, dout, n, Square<T>());
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out.data(), dout, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double e = static_cast<double>(x[i]) * x[i];
    if (!nearlyEqual(out[i], e, e)) ++errors;
  }
  AbsDiffFrom<T> absDiff{static_cast<T>(3)};
  transform<<<blocks, kBlock>>>(dy, dout, n, absDiff);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out.data(), dout, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double e = std::fabs(static_cast<double>(y[i]) - 3.0);
    if (!nearlyEqual(out[i], e, e + 3.0)) ++errors;
  }

  // 3. type and non-type template parameters given explicitly
  blockSum<T, kBlock><<<blocks, kBlock>>>(dx, dpartial, n);
  CHECK(cudaGetLastError());
  std::vector<T> partial(blocks);
  CHECK(cudaMemcpy(partial.data(), dpartial, blocks * sizeof(T), cudaMemcpyDeviceToHost));
  double gpuSum = 0.0, refSum = 0.0, absSum = 0.0;
  for (int p = 0; p < blocks; ++p) gpuSum += partial[p];
  for (int i = 0; i < n; ++i) {
    refSum += x[i];
    absSum += std::fabs(static_cast<double>(x[i]));
  }
  if (!nearlyEqual(static_cast<T>(gpuSum), refSum, absSum)) ++errors;

  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  CHECK(cudaFree(dout));
  CHECK(cudaFree(dpartial));
  printf("  %-6s: sum %.1f (ref %.1f), %d errors\n", TypeInfo<T>::name(), gpuSum,
         refSum, errors);
  return errors;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  int blocks = (n + kBlock - 1) / kBlock;
  if (blocks > 512) blocks = 512;

  int errors = 0;
  errors += runTest<float>(n, blocks);
  errors += runTest<double>(n, blocks);
  errors += runTest<int>(n, blocks);

  // deduced launch with concrete pointers, outside any template
  float *dIn, *dOut;
  CHECK(cudaMalloc(&dIn, 4 * sizeof(float)));
  CHECK(cudaMalloc(&dOut, 4 * sizeof(float)));
  std::vector<float> ones(4, 1.0f), res(4);
  CHECK(cudaMemcpy(dIn, ones.data(), 4 * sizeof(float), cudaMemcpyHostToDevice));
  axpby<<<1, 32>>>(2.0f, dIn, 0.5f, dIn, dOut, 4);  // T = float deduced
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(res.data(), dOut, 4 * sizeof(float), cudaMemcpyDeviceToHost));
  for (float r : res)
    if (r != 2.5f) ++errors;
  CHECK(cudaFree(dIn));
  CHECK(cudaFree(dOut));

  printf("templates: n=%d, %d errors\n", n, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
