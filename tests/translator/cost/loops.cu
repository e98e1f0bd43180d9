// Operation counters: loops and branches. A loop's condition and increment run per iteration and
// count in its body, its init where the loop is; an if's condition (a whole else-if chain)
// counts where the if is. Bodies that are not compound statements get braces to carry their
// own counter; bodies with nothing to count stay as written.
#include <cuda_runtime.h>
// CHECK: __global__ void loops(float *a, int n) {
// CHECK: NPU_COST(intops(1), gwrite(4));
// CHECK: for (int i = 0; i < n; ++i) { NPU_COST(intops(2), gwrite(4)); a[i] = 0; }
// CHECK: for (int i = 0; i < n; i++) {
// CHECK: NPU_COST(intops(2));
// CHECK: for (int j = 0; j < i; j++) { NPU_COST(fp32(1), intops(4), gread(4), gwrite(4)); a[i * n + j] += 1.0f; }
// CHECK: while (n > 4) { NPU_COST(intops(2)); n >>= 1; }
// CHECK: do { NPU_COST(intops(2)); --n; } while (n > 0);
// CHECK: for (;;) { NPU_COST(fp32(1), gread(4)); if (a[0] > 0) break; }
__global__ void loops(float *a, int n) {
  a[n - 1] = 1.0f;
  for (int i = 0; i < n; ++i) a[i] = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < i; j++) a[i * n + j] += 1.0f;
  }
  while (n > 4) n >>= 1;
  do --n; while (n > 0);
  for (;;) if (a[0] > 0) break;
}
// Nested bodies without braces: each level gets its own, the innermost closed first.
// CHECK: for (int i = 0; i < n; ++i) { NPU_COST(intops(2)); for (int j = 0; j < n; ++j) { NPU_COST(intops(2), gwrite(4)); a[j] = i; } }
__device__ void nested(int *a, int n) {
  for (int i = 0; i < n; ++i) for (int j = 0; j < n; ++j) a[j] = i;
}
// CHECK: __device__ int branches(const int *a, int x) {
// CHECK: NPU_COST(intops(4), gread(4));
// CHECK: if (x > 0) { NPU_COST(intops(1)); x = x * 2; }
// CHECK: else if (x < -3) { NPU_COST(intops(1)); x = -x; }
// CHECK: else { NPU_COST(gread(4)); x = a[1]; }
// CHECK: if (x == 5)
// CHECK: x = 6;
__device__ int branches(const int *a, int x) {
  if (x > 0) x = x * 2;
  else if (x < -3) x = -x;
  else x = a[1];
  if (x == 5)
    x = 6;
  return x + a[0];
}
// Switch: each case counts from its label on; statements before the first label never run.
// CHECK: case 0: NPU_COST(gwrite(4)); a[0] = 1; break;
// CHECK: case 1:
// CHECK: case 2:
// CHECK: NPU_COST(intops(1), gwrite(4)); a[1] = x + 1;
// CHECK: default: NPU_COST(gwrite(4)); a[2] = 0;
__device__ void cases(int *a, int x) {
  switch (x) {
  case 0: a[0] = 1; break;
  case 1:
  case 2:
    a[1] = x + 1;
  default: a[2] = 0;
  }
}
// A lambda's body counts when it runs; a block from a macro counts in the enclosing compound.
#define CLEAR(p) { (p)[0] = 0; }
// CHECK: __global__ void lambdas(float *a) {
// CHECK: NPU_COST(fp32(2), gread(4), gwrite(8));
// CHECK: auto f = [&](int i) { NPU_COST(fp32(1), gread(4)); return a[i] * 2.0f; };
__global__ void lambdas(float *a) {
  auto f = [&](int i) { return a[i] * 2.0f; };
  CLEAR(a);
  a[1] += 0 * f(1);
}
