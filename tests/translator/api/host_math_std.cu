// With `using namespace std`, std::min/std::max and <cmath>'s overloads meet CUDA's global
// min/max and the device math declarations: CUDA's non-template min/max win for mixed operands,
// std's templates lose to them for equal ones. Clean parse, no diagnostic, exit status 0.
// NO-DIAG
#include <algorithm>
#include <cmath>
#include <cstdio>
using namespace std;

__global__ void k(float *x) { x[threadIdx.x] = max(x[0], 1.0f) + min(2, 3u) + sqrt(x[1]); }

int main() {
  float a = 2.5f;
  double d = 0.5;
  int i = 3;
  unsigned u = 4;
  // CHECK: double r = max(a, d) + min(i, u) + max(i, 2) + min(a, 1.0f) + ceil(a) + fabs(-a) + pow(a, 2);
  double r = max(a, d) + min(i, u) + max(i, 2) + min(a, 1.0f) + ceil(a) + fabs(-a) + pow(a, 2);
  printf("%f\n", r);
  return 0;
}
