// Host code calls the math library as nvcc lets it: cuda_runtime.h brings the host's <math.h>
// and <cmath>, so ceil(float), fabs(float), sqrt, pow(float, int), fminf, std::max, ... need no
// include, and CUDA's global min/max take mixed operands (max(float, double) is double,
// min(int, unsigned) is unsigned). Clean parse, no diagnostic, exit status 0.
// NO-DIAG
#include <stdio.h>

// CHECK: return ceil(a) + fabs(a) + sqrt(a) + floor(a); }
__host__ __device__ float both(float a) { return ceil(a) + fabs(a) + sqrt(a) + floor(a); }

__global__ void k(float *x, double *y) {
  // CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>(
  x[threadIdx.x] = both(x[threadIdx.x]) + max(x[0], 2.0f) + min(x[1], 1.0) + fminf(x[2], 0.5f);
  y[threadIdx.x] = max(y[0], x[0]) + pow(y[1], 2) + std::sqrt(x[3]);
}

int main() {
  float a = 2.5f;
  double d = 3.0;
  int i = -3;
  unsigned u = 4;
  long l = 7;
  unsigned long ul = 8;
  long long ll = 9;
  size_t sz = 10;
  float r = ceil(a) + fabs(a) + sqrt(a) + floor(a) + pow(a, 2) + pow(a, 2.0f) + fminf(a, 1.f) +
            fmaxf(a, 2.f) + exp(a) + log(a) + round(a) + fabsf(a) + abs(i) + both(a);
  // CHECK: double m = max(a, d) + min(d, a) + max(1.0, a);
  double m = max(a, d) + min(d, a) + max(1.0, a);
  unsigned mu = min(i, u) + max(u, i);
  long ml = max(l, 2L) + min(ul, sz) + max(ll, 1LL);
  float s = std::max(a, 1.0f) + std::min(a, 2.0f) + std::sqrt(a) + std::ceil(a) + std::fabs(a);
  printf("%f %f %u %ld %f\n", r, m, mu, ml, s);
  return 0;
}
