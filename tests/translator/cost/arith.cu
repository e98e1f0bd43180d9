// Operation counters: arithmetic by type. float -> fp32, double -> fp64, __half -> fp16,
// integers and pointers -> intops; a floating division is sfu; int<->float conversions are
// intops; operations on constants are folded by the compiler and cost nothing.
#include <cuda_runtime.h>
#include <cuda_fp16.h>
// CHECK: __device__ float f32(float a, float b) { NPU_COST(fp32(3)); return a * b + a - 1.0f; }
__device__ float f32(float a, float b) { return a * b + a - 1.0f; }
// CHECK: __device__ double f64(double a, double b) { NPU_COST(fp64(1), sfu(1)); return a / b + 2.0; }
__device__ double f64(double a, double b) { return a / b + 2.0; }
// CHECK: __device__ __half f16(__half a, __half b) { NPU_COST(fp16(2)); return a * b + a; }
__device__ __half f16(__half a, __half b) { return a * b + a; }
// CHECK: __device__ int i32(int a, int b) { NPU_COST(intops(5)); return (a << 2) ^ (b % 3) + a / b; }
__device__ int i32(int a, int b) { return (a << 2) ^ (b % 3) + a / b; }
// Comparisons by operand type, logical operators as intops.
// CHECK: __device__ bool cmp(float a, int b) { NPU_COST(fp32(1), intops(2)); return a < 1.0f && b != 0; }
__device__ bool cmp(float a, int b) { return a < 1.0f && b != 0; }
// A conversion each way: intops.
// CHECK: __device__ int conv(int i, float f) { NPU_COST(fp32(1), intops(2)); return (int)(f * i); }
__device__ int conv(int i, float f) { return (int)(f * i); }
// Constants fold: no count.
constexpr int kTile = 16;
// CHECK: __device__ int folded() { NPU_COST(intops(1)); return kTile * 2 + 1 + threadIdx.x; }
__device__ int folded() { return kTile * 2 + 1 + threadIdx.x; }
// Compound assignment, ++ and unary minus.
// CHECK: __device__ float steps(float x, int n) {
// CHECK: NPU_COST(fp32(2), intops(1), sfu(1));
__device__ float steps(float x, int n) {
  x += 1.0f;
  x /= 3.0f;
  n++;
  return -x;
}
// Nothing to count: no statement.
// CHECK: __device__ float copy(float x) { return x; }
__device__ float copy(float x) { return x; }
// Templates: operations on a dependent type count as fp32.
// CHECK: template <class T> __device__ T twice(T x) { NPU_COST(fp32(1)); return x * 2; }
template <class T> __device__ T twice(T x) { return x * 2; }
template __device__ double twice<double>(double);
// Host functions are not counted.
// CHECK: int host(int a) { return a * 2; }
int host(int a) { return a * 2; }
// CHECK: __host__ __device__ int both(int a) { NPU_COST(intops(1)); return a * 2; }
__host__ __device__ int both(int a) { return a * 2; }
